"""Column helpers shared by the models."""

from datetime import UTC, datetime

from sqlalchemy.orm import Mapped, mapped_column


def utcnow() -> datetime:
    """Naive UTC now, evaluated per row (never once at import). Stored naive on every database."""
    return datetime.now(UTC).replace(tzinfo=None)


class Timestamped:
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
