"""The competency framework and the rating scale that reviews are rated on."""

from datetime import datetime

from sqlalchemy import CheckConstraint, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from extensions import db

from .base import Timestamped

SCALE_MIN, SCALE_MAX = 1, 10  # the widest scale the database accepts


class Competency(Timestamped, db.Model):
    """A competency of the live framework. Retiring one hides it from new cycles only."""

    __tablename__ = "competencies"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    behaviour_examples: Mapped[str] = mapped_column(Text, default="")
    weight: Mapped[float] = mapped_column(Numeric(4, 2, asdecimal=False), default=1.0)
    position: Mapped[int] = mapped_column(default=0)
    retired_at: Mapped[datetime | None]

    __table_args__ = (CheckConstraint("weight > 0 AND weight <= 10", name="weight"),)

    @property
    def active(self) -> bool:
        return self.retired_at is None

    def __str__(self) -> str:
        return self.name


class ScaleLevel(db.Model):
    """One labelled level of the rating scale ("not applicable" is not a level: it is a flag
    on the rating)."""

    __tablename__ = "scale_levels"

    value: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    label: Mapped[str] = mapped_column(String(60))
    description: Mapped[str] = mapped_column(String(300), default="")

    __table_args__ = (
        CheckConstraint(f"value >= {SCALE_MIN} AND value <= {SCALE_MAX}", name="value"),
    )
