"""In-app notifications, the e-mails they send, and the audit trail."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, ForeignKey, Index, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from extensions import db

from .base import Timestamped, utcnow
from .people import User
from .vocabulary import one_of


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
    # Waiting for the person's daily digest e-mail (their choice for its topic).
    digest_pending: Mapped[bool] = mapped_column(default=False, server_default=false())

    user: Mapped[User] = relationship()

    __table_args__ = (
        Index("ix_notifications_user_read", "user_id", "read_at"),
        Index("ix_notifications_digest", "digest_pending", "user_id"),
    )


class EmailMode(StrEnum):
    """How a person wants the e-mail of a topic's notifications (the inbox gets them all)."""

    IMMEDIATELY = "immediately"
    DIGEST = "digest"
    OFF = "off"


class Topic(StrEnum):
    """The groups of notification kinds a person chooses e-mail for (which kind belongs to
    which: ``reviews.services.notifications.preferences``)."""

    REVIEW_DEADLINES = "review_deadlines"
    REVIEW_UPDATES = "review_updates"
    TEAM_IDEAS = "team_ideas"
    MY_IDEAS = "my_ideas"
    RECOGNITION = "recognition"
    PROCEDURES = "procedures"
    ACTION_ITEMS = "action_items"


class NotificationPreference(db.Model):
    """A person's e-mail choice for one topic; no row means the default, immediately."""

    __tablename__ = "notification_preferences"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    topic: Mapped[str] = mapped_column(String(20), primary_key=True)
    mode: Mapped[str] = mapped_column(String(12))

    __table_args__ = (one_of("topic", Topic), one_of("mode", EmailMode))


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


class MailStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


class OutboundEmail(Timestamped, db.Model):
    """An e-mail to send, written in the same transaction as the change it tells about and
    delivered by a job after the commit (the outbox pattern): a rolled-back change mails
    nobody, and a mail is never lost when the queue or the mail server is down.

    ``next_attempt_at`` is when the mail may next be tried: while a job holds it
    (``claimed_by``) it is pushed into the future, so two jobs never send it at once, and a
    pending mail long past it has lost its job and is queued again."""

    __tablename__ = "outbound_emails"

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default=MailStatus.PENDING.value)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str] = mapped_column(String(500), default="")
    message_id: Mapped[str] = mapped_column(String(200))
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    sent_at: Mapped[datetime | None]
    # The body carries a one-time secret (an invitation or reset link): erased once sent, so
    # the database keeps no working link (reviews.services.people.invitations).
    secret: Mapped[bool] = mapped_column(default=False, server_default=false())

    __table_args__ = (
        one_of("status", MailStatus),
        Index("ix_outbound_emails_status_next", "status", "next_attempt_at"),
    )
