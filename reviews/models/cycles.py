"""Review cycles and the snapshot of the framework each one uses."""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from extensions import db

from .base import Timestamped
from .translated import Translated
from .vocabulary import one_of


class CycleStatus(StrEnum):
    PLANNED = "planned"
    OPEN = "open"
    CLOSED = "closed"


class Cycle(Timestamped, db.Model):
    __tablename__ = "cycles"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    period_start: Mapped[date]
    period_end: Mapped[date]
    self_deadline: Mapped[date]
    review_deadline: Mapped[date]
    status: Mapped[str] = mapped_column(String(10), default="planned", index=True)
    # When set, the manager sees the self-assessment while writing (default: hidden until both
    # sides are submitted).
    show_self_to_manager: Mapped[bool] = mapped_column(default=False)
    opened_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]

    competencies: Mapped[list["CycleCompetency"]] = relationship(
        back_populates="cycle", order_by="CycleCompetency.position", cascade="all, delete-orphan"
    )
    scale: Mapped[list["CycleScaleLevel"]] = relationship(
        order_by="CycleScaleLevel.value", cascade="all, delete-orphan"
    )

    __table_args__ = (
        one_of("status", CycleStatus),
        CheckConstraint("period_end >= period_start", name="period"),
        CheckConstraint("review_deadline >= self_deadline", name="deadlines"),
    )

    def __str__(self) -> str:
        return self.name


class CycleCompetency(Translated, db.Model):
    """A competency as it was when the cycle was set up, in every language. ``competency_id``
    ties the snapshots of different cycles together so trends stay comparable after the
    framework is edited."""

    __tablename__ = "cycle_competencies"
    TRANSLATED = ("name", "description")

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("cycles.id", ondelete="CASCADE"))
    competency_id: Mapped[int] = mapped_column(ForeignKey("competencies.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    name_et: Mapped[str | None] = mapped_column(String(120))
    name_sl: Mapped[str | None] = mapped_column(String(120))
    description_et: Mapped[str | None] = mapped_column(Text)
    description_sl: Mapped[str | None] = mapped_column(Text)
    weight: Mapped[float] = mapped_column(Numeric(4, 2, asdecimal=False), default=1.0)
    position: Mapped[int] = mapped_column(default=0)

    cycle: Mapped[Cycle] = relationship(back_populates="competencies")

    __table_args__ = (UniqueConstraint("cycle_id", "competency_id"),)

    def __str__(self) -> str:
        return self.name


class CycleScaleLevel(Translated, db.Model):
    """A level of the scale as it was when the cycle was set up, in every language."""

    __tablename__ = "cycle_scale_levels"
    TRANSLATED = ("label",)

    cycle_id: Mapped[int] = mapped_column(
        ForeignKey("cycles.id", ondelete="CASCADE"), primary_key=True
    )
    value: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    label: Mapped[str] = mapped_column(String(60))
    label_et: Mapped[str | None] = mapped_column(String(60))
    label_sl: Mapped[str | None] = mapped_column(String(60))
