"""Shared state for caching rendered reports across processes and hosts: a data version
that every write bumps, and rendered charts keyed on it. Kept in the database so several
app servers agree without another service."""

from datetime import datetime

from sqlalchemy import LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from extensions import db

from .base import utcnow


class DataVersion(db.Model):
    """One row per data domain ("reviews", "ideas", "people"); ``version`` grows on every
    write to that domain, so a cache key that includes it changes when the data does."""

    __tablename__ = "data_versions"

    domain: Mapped[str] = mapped_column(String(20), primary_key=True)
    version: Mapped[int] = mapped_column(default=0)


class ChartCache(db.Model):
    __tablename__ = "chart_cache"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 hex
    content: Mapped[bytes] = mapped_column(LargeBinary)
    mimetype: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
