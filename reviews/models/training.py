"""Training records: one per training a person took, tagged with the framework competencies
it concerns. Recorded by the person, their manager or an admin, or created when a training
action item is marked done (``action_item_id``, at most one record per item).

Hours may be unknown (NULL) — a record made from an action item starts without them, until
the person or their manager gives them; charts count only the hours given and say how many
trainings still lack them."""

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, Numeric, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from extensions import db

from .base import Timestamped, utcnow
from .framework import Competency
from .people import User
from .reviews import ActionItem

HOURS_MAX = 500  # one record: a week-long course is 40, a whole certification track ~300

training_competencies = Table(
    "training_record_competencies",
    db.metadata,
    Column(
        "training_record_id",
        ForeignKey("training_records.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("competency_id", ForeignKey("competencies.id"), primary_key=True),
)


class TrainingRecord(Timestamped, db.Model):
    __tablename__ = "training_records"
    # The chart cache's data domain its changes bump (reports.cache).
    CHART_DOMAIN = "training"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    title: Mapped[str] = mapped_column(String(200))
    taken_on: Mapped[date]
    hours: Mapped[float | None] = mapped_column(Numeric(6, 2, asdecimal=False))
    provider: Mapped[str] = mapped_column(String(150), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("action_items.id", ondelete="SET NULL"), unique=True
    )
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    person: Mapped[User] = relationship(foreign_keys=[person_id])
    recorded_by: Mapped[User | None] = relationship(foreign_keys=[recorded_by_id])
    action_item: Mapped[ActionItem | None] = relationship()
    competencies: Mapped[list[Competency]] = relationship(
        secondary=training_competencies, order_by=Competency.position
    )

    __table_args__ = (
        CheckConstraint(f"hours IS NULL OR (hours > 0 AND hours <= {HOURS_MAX})", name="hours"),
        Index("ix_training_records_person_taken_on", "person_id", "taken_on"),
        Index("ix_training_records_taken_on", "taken_on"),
    )
