"""Single-use, expiring account links: an invitation to choose a first password, or a
password reset. Only the SHA-256 of a link's token is stored; the token itself travels once,
in the e-mail."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from extensions import db

from .base import Timestamped
from .people import User
from .vocabulary import one_of


class LinkPurpose(StrEnum):
    INVITE = "invite"
    RESET = "reset"


class AccountLink(Timestamped, db.Model):
    __tablename__ = "account_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    purpose: Mapped[str] = mapped_column(String(10))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)  # hex SHA-256
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    user: Mapped[User] = relationship(foreign_keys=[user_id])

    __table_args__ = (
        one_of("purpose", LinkPurpose),
        CheckConstraint("expires_at >= created_at", name="expiry"),
        Index("ix_account_links_user_purpose", "user_id", "purpose"),
    )
