"""How long a departed person's data is kept: one row, set by an admin."""

from datetime import datetime

from sqlalchemy import CheckConstraint
from sqlalchemy.orm import Mapped, mapped_column

from extensions import db

from .base import utcnow

RETENTION_DEFAULT = 24  # months after deactivation
RETENTION_MIN, RETENTION_MAX = 1, 120


class RetentionPolicy(db.Model):
    """The retention period in months after deactivation; only the row with id 1 is used
    (until an admin saves one, ``RETENTION_DEFAULT`` applies)."""

    __tablename__ = "retention_policy"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    months: Mapped[int]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    __table_args__ = (
        CheckConstraint(f"months >= {RETENTION_MIN} AND months <= {RETENTION_MAX}", name="months"),
        CheckConstraint("id = 1", name="one_row"),
    )
