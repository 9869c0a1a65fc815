"""Recognition: one colleague thanking another for something done well, tagged with the
framework competencies it shows. Signed, only positive, and never part of a rating.

The recipient may hide one from others; the recipient's manager or an admin may remove one
that is not appropriate (kept, with who removed it and when, for the audit trail). A person
chooses whether the recognitions they receive appear in their team's feed."""

from datetime import datetime

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship, selectinload

from extensions import db

from .base import Timestamped, utcnow
from .framework import Competency
from .people import Team, User

recognition_competencies = Table(
    "recognition_competencies",
    db.metadata,
    Column("recognition_id", ForeignKey("recognitions.id", ondelete="CASCADE"), primary_key=True),
    Column("competency_id", ForeignKey("competencies.id"), primary_key=True),
)


class Recognition(Timestamped, db.Model):
    __tablename__ = "recognitions"

    id: Mapped[int] = mapped_column(primary_key=True)
    giver_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recipient_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    # The recipient's team when it was given: the chart counts it there, as reviews keep the
    # team of their time.
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"))
    message: Mapped[str] = mapped_column(Text)
    hidden: Mapped[bool] = mapped_column(default=False)  # by the recipient, from others
    removed_at: Mapped[datetime | None]
    removed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    giver: Mapped[User] = relationship(foreign_keys=[giver_id])
    recipient: Mapped[User] = relationship(foreign_keys=[recipient_id])
    removed_by: Mapped[User | None] = relationship(foreign_keys=[removed_by_id])
    team: Mapped[Team | None] = relationship()
    competencies: Mapped[list[Competency]] = relationship(
        secondary=recognition_competencies, order_by="Competency.position"
    )

    __table_args__ = (
        CheckConstraint("giver_id <> recipient_id", name="not_self"),
        Index("ix_recognitions_recipient_created_at", "recipient_id", "created_at"),
        Index("ix_recognitions_giver_created_at", "giver_id", "created_at"),
        Index("ix_recognitions_team_created_at", "team_id", "created_at"),
        Index("ix_recognitions_created_at", "created_at"),
    )

    @property
    def removed(self) -> bool:
        return self.removed_at is not None


class RecognitionSetting(db.Model):
    """A person's choice for the team feed: off until they turn it on."""

    __tablename__ = "recognition_settings"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    in_team_feed: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


def recognition_list_loads() -> tuple:
    """A list of recognitions shows both names and the competencies: one query each."""
    return (
        selectinload(Recognition.giver).lazyload(User.role_rows),
        selectinload(Recognition.recipient).lazyload(User.role_rows),
        selectinload(Recognition.competencies),
    )
