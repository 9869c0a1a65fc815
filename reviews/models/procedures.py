"""Procedures and policies everyone they apply to must read and confirm.

A procedure's ``title`` and ``body`` are its working copy (the draft of its next version);
each publication freezes them into a ``ProcedureVersion`` and asks every active person it
applies to (the members of its teams, or everyone when it names no team) to confirm it: one
``ProcedureRequest`` per person and version. A request is *live* from ``requested_at`` until
``closed_at`` (a newer version, the procedure archived, the person no longer concerned)."""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Column, ForeignKey, Index, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from extensions import db

from .base import Timestamped, utcnow
from .people import Team, User
from .vocabulary import one_of


class ProcedureStatus(StrEnum):
    DRAFT = "draft"  # never published
    PUBLISHED = "published"
    ARCHIVED = "archived"


procedure_teams = Table(
    "procedure_teams",
    db.metadata,
    Column("procedure_id", ForeignKey("procedures.id", ondelete="CASCADE"), primary_key=True),
    Column("team_id", ForeignKey("teams.id"), primary_key=True),
)


class Procedure(Timestamped, db.Model):
    __tablename__ = "procedures"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(150))
    body: Mapped[str] = mapped_column(Text, default="")
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default=ProcedureStatus.DRAFT)
    current_number: Mapped[int] = mapped_column(default=0, server_default="0")  # 0: none yet
    archived_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    owner: Mapped[User] = relationship()
    teams: Mapped[list[Team]] = relationship(secondary=procedure_teams, order_by=Team.name)
    versions: Mapped[list["ProcedureVersion"]] = relationship(
        back_populates="procedure",
        cascade="all, delete-orphan",
        order_by="ProcedureVersion.number.desc()",
    )

    __table_args__ = (one_of("status", ProcedureStatus),)

    @property
    def current(self) -> "ProcedureVersion | None":
        return next((v for v in self.versions if v.number == self.current_number), None)

    @property
    def for_everyone(self) -> bool:
        return not self.teams


class ProcedureVersion(db.Model):
    """One published version, as it was published: its own title, body and note."""

    __tablename__ = "procedure_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    procedure_id: Mapped[int] = mapped_column(
        ForeignKey("procedures.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int]
    title: Mapped[str] = mapped_column(String(150))
    body: Mapped[str] = mapped_column(Text)
    change_note: Mapped[str] = mapped_column(String(300), default="")
    published_at: Mapped[datetime] = mapped_column(default=utcnow)
    publisher_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    due_on: Mapped[date]

    procedure: Mapped[Procedure] = relationship(back_populates="versions")
    publisher: Mapped[User | None] = relationship()

    __table_args__ = (UniqueConstraint("procedure_id", "number"),)


class ProcedureRequest(db.Model):
    """One person asked to read and confirm one version."""

    __tablename__ = "procedure_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id", ondelete="CASCADE"))
    version_id: Mapped[int] = mapped_column(ForeignKey("procedure_versions.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"))  # theirs when asked
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    due_on: Mapped[date]
    confirmed_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]  # superseded, archived or no longer concerned
    last_reminded_on: Mapped[date | None]

    version: Mapped[ProcedureVersion] = relationship()
    user: Mapped[User] = relationship()

    __table_args__ = (
        UniqueConstraint("version_id", "user_id"),
        Index("ix_procedure_requests_user_open", "user_id", "closed_at"),
        Index("ix_procedure_requests_procedure_open", "procedure_id", "closed_at"),
    )


BULK_PROCEDURES = "rapport_procedures_in_bulk"


def procedures_written_in_bulk(session) -> None:
    """Requests inserted or updated with plain SQL (no ORM objects to see): the charts that
    read them learn of it at the commit (reports.cache)."""
    session.info[BULK_PROCEDURES] = True
