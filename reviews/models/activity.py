"""In-app notifications and the audit trail."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from extensions import db

from .base import Timestamped
from .people import User


class Notification(Timestamped, db.Model):
    """An inbox entry. The text is rendered from ``kind`` and ``params`` in the reader's
    language, so it is stored as data rather than as a sentence."""

    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    params: Mapped[dict] = mapped_column(JSON, default=dict)
    url: Mapped[str] = mapped_column(String(300), default="")
    read_at: Mapped[datetime | None]

    user: Mapped[User] = relationship()

    __table_args__ = (Index("ix_notifications_user_read", "user_id", "read_at"),)


class AuditEvent(Timestamped, db.Model):
    """Who changed what, with before/after values. Append-only."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    action: Mapped[str] = mapped_column(String(60))
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[int | None]
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)

    actor: Mapped[User | None] = relationship()

    __table_args__ = (Index("ix_audit_events_object", "object_type", "object_id"),)
