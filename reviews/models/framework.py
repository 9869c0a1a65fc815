"""The competency framework and the rating scale that reviews are rated on."""

from datetime import datetime

from sqlalchemy import CheckConstraint, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from extensions import db

from .base import Timestamped
from .translated import Translated

SCALE_MIN, SCALE_MAX = 1, 10  # the widest scale the database accepts


class Competency(Translated, Timestamped, db.Model):
    """A competency of the live framework. Retiring one hides it from new cycles only. Its
    texts are written per language (``name`` in the default, ``name_et``, ``name_sl``)."""

    __tablename__ = "competencies"
    TRANSLATED = ("name", "description", "behaviour_examples")

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    behaviour_examples: Mapped[str] = mapped_column(Text, default="")
    # Other languages: empty (None) until written; a name is unique within its language.
    name_et: Mapped[str | None] = mapped_column(String(120), unique=True)
    name_sl: Mapped[str | None] = mapped_column(String(120), unique=True)
    description_et: Mapped[str | None] = mapped_column(Text)
    description_sl: Mapped[str | None] = mapped_column(Text)
    behaviour_examples_et: Mapped[str | None] = mapped_column(Text)
    behaviour_examples_sl: Mapped[str | None] = mapped_column(Text)
    weight: Mapped[float] = mapped_column(Numeric(4, 2, asdecimal=False), default=1.0)
    position: Mapped[int] = mapped_column(default=0)
    retired_at: Mapped[datetime | None]

    __table_args__ = (CheckConstraint("weight > 0 AND weight <= 10", name="weight"),)

    @property
    def active(self) -> bool:
        return self.retired_at is None

    def __str__(self) -> str:
        return self.name


class ScaleLevel(Translated, db.Model):
    """One labelled level of the rating scale ("not applicable" is not a level: it is a flag
    on the rating), labelled in each language."""

    __tablename__ = "scale_levels"
    TRANSLATED = ("label", "description")

    value: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    label: Mapped[str] = mapped_column(String(60))
    description: Mapped[str] = mapped_column(String(300), default="")
    label_et: Mapped[str | None] = mapped_column(String(60))
    label_sl: Mapped[str | None] = mapped_column(String(60))
    description_et: Mapped[str | None] = mapped_column(String(300))
    description_sl: Mapped[str | None] = mapped_column(String(300))

    __table_args__ = (
        CheckConstraint(f"value >= {SCALE_MIN} AND value <= {SCALE_MAX}", name="value"),
    )
