"""Shared state for caching rendered reports across processes and hosts: a data version
that every write bumps, and rendered charts keyed on it. Kept in the database so several
app servers agree without another service."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from extensions import db

from .base import utcnow
from .vocabulary import one_of


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


class ExportStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class ReportExport(db.Model):
    """A PDF cycle report asked for by one person (the organisation's, or one team's),
    built by a job: the page shows its progress and offers the file when it is done."""

    __tablename__ = "report_exports"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("cycles.id", ondelete="CASCADE"))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    locale: Mapped[str] = mapped_column(String(5))
    status: Mapped[str] = mapped_column(String(10), default="queued")
    progress: Mapped[int] = mapped_column(default=0)  # percent
    error: Mapped[str] = mapped_column(String(500), default="")
    filename: Mapped[str] = mapped_column(String(200), default="")
    content: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)  # the PDF
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]

    __table_args__ = (one_of("status", ExportStatus),)
