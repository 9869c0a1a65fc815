"""A CSV file of people uploaded by an admin: checked into a preview, then applied all or
nothing. Large files are checked and applied by a job; the page shows its progress."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from extensions import db

from .base import utcnow
from .cache import ExportStatus
from .people import User
from .vocabulary import one_of


class ImportStage(StrEnum):
    """What the import is at: the preview (checking, nothing written) or the apply."""

    PREVIEW = "preview"
    APPLY = "apply"


class PeopleImport(db.Model):
    __tablename__ = "people_imports"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    applied_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    filename: Mapped[str] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text, deferred=True)  # the CSV as uploaded (decoded)
    rows: Mapped[int] = mapped_column(default=0)
    status: Mapped[str] = mapped_column(String(10), default=ExportStatus.QUEUED)
    stage: Mapped[str] = mapped_column(String(10), default=ImportStage.PREVIEW)
    progress: Mapped[int] = mapped_column(default=0)  # percent
    result: Mapped[dict | None] = mapped_column(JSON)  # counts, changes, errors
    error: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    queued_at: Mapped[datetime] = mapped_column(default=utcnow)  # when the stage was asked for
    finished_at: Mapped[datetime | None]

    user: Mapped[User | None] = relationship(foreign_keys=[user_id])
    applied_by: Mapped[User | None] = relationship(foreign_keys=[applied_by_id])

    __table_args__ = (one_of("status", ExportStatus), one_of("stage", ImportStage))

    @property
    def busy(self) -> bool:
        return self.status in (ExportStatus.QUEUED, ExportStatus.RUNNING)
