"""Reviews, their ratings, manager notes and agreed action items."""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, joinedload, mapped_column, relationship, selectinload

from extensions import db

from .base import Timestamped, utcnow
from .cycles import Cycle, CycleCompetency
from .framework import Competency
from .people import Team, User
from .vocabulary import one_of


class ReviewStep(StrEnum):
    """Where a review stands, derived from its timestamps (not stored)."""

    NOT_STARTED = "not_started"
    DRAFT = "draft"  # something written and saved, nothing submitted yet
    AWAITING_MANAGER = "awaiting_manager"
    AWAITING_SELF = "awaiting_self"
    READY_TO_SHARE = "ready_to_share"
    SHARED = "shared"
    ACKNOWLEDGED = "acknowledged"


class RatingSource(StrEnum):
    SELF = "self"
    MANAGER = "manager"


class NoteKind(StrEnum):
    STRENGTH = "strength"
    IMPROVEMENT = "improvement"


class NoteSource(StrEnum):
    """Who wrote a strength or improvement area: the employee or the manager."""

    SELF = "self"
    MANAGER = "manager"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"
    CARRIED = "carried"  # not done by the next review: continued there by a copy


class ActionKind(StrEnum):
    TRAINING = "training"
    COACHING = "coaching"
    SUPPORT = "support"
    OTHER = "other"


class Review(Timestamped, db.Model):
    """One review per person per cycle. The manager and team are those at the time of the
    review, so the review stays with them when reporting lines change later."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("cycles.id"))
    employee_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    manager_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"), index=True)
    # Optimistic locking: a save based on an older version is refused (see services).
    version: Mapped[int] = mapped_column(default=1)

    self_strengths: Mapped[str] = mapped_column(Text, default="")
    self_improvements: Mapped[str] = mapped_column(Text, default="")
    self_suggestions: Mapped[str] = mapped_column(Text, default="")
    manager_summary: Mapped[str] = mapped_column(Text, default="")
    private_note: Mapped[str] = mapped_column(Text, default="")  # never shown to the employee
    employee_comment: Mapped[str] = mapped_column(Text, default="")
    employee_disagrees: Mapped[bool] = mapped_column(default=False)
    # What the manager and the employee agreed in the review meeting, recorded by the manager.
    meeting_suggestions: Mapped[str] = mapped_column(Text, default="", server_default="")

    self_submitted_at: Mapped[datetime | None]
    manager_submitted_at: Mapped[datetime | None]
    shared_at: Mapped[datetime | None]
    acknowledged_at: Mapped[datetime | None]
    amended_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    cycle: Mapped[Cycle] = relationship()
    employee: Mapped[User] = relationship(foreign_keys=[employee_id])
    manager: Mapped[User] = relationship(foreign_keys=[manager_id])
    team: Mapped[Team | None] = relationship()
    ratings: Mapped[list["Rating"]] = relationship(
        back_populates="review", cascade="all, delete-orphan"
    )
    # The manager's strengths and improvement areas (what reports count) ...
    notes: Mapped[list["ReviewNote"]] = relationship(
        back_populates="review",
        cascade="all, delete-orphan",
        order_by="ReviewNote.position",
        primaryjoin="and_(Review.id == ReviewNote.review_id, ReviewNote.source == 'manager')",
    )
    # ... and the employee's own, written in the self-assessment (``source`` "self"; older
    # reviews have only the free texts ``self_strengths`` / ``self_improvements``).
    self_notes: Mapped[list["ReviewNote"]] = relationship(
        cascade="all, delete-orphan",
        order_by="ReviewNote.position",
        primaryjoin="and_(Review.id == ReviewNote.review_id, ReviewNote.source == 'self')",
        overlaps="notes,review",
    )
    action_items: Mapped[list["ActionItem"]] = relationship(
        back_populates="review", cascade="all, delete-orphan", order_by="ActionItem.id"
    )

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        UniqueConstraint("cycle_id", "employee_id"),
        CheckConstraint("employee_id <> manager_id", name="not_self"),
        Index("ix_reviews_cycle_team", "cycle_id", "team_id"),
    )

    @property
    def step(self) -> ReviewStep:
        """Where the review stands, derived from its timestamps."""
        if self.acknowledged_at:
            return ReviewStep.ACKNOWLEDGED
        if self.shared_at:
            return ReviewStep.SHARED
        if self.manager_submitted_at and self.self_submitted_at:
            return ReviewStep.READY_TO_SHARE
        if self.manager_submitted_at:
            return ReviewStep.AWAITING_SELF
        if self.self_submitted_at:
            return ReviewStep.AWAITING_MANAGER
        if self.version > 1 or self.self_strengths or self.self_improvements:
            return ReviewStep.DRAFT  # saved at least once (every save bumps the version)
        return ReviewStep.NOT_STARTED


class Rating(db.Model):
    __tablename__ = "ratings"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    cycle_competency_id: Mapped[int] = mapped_column(
        ForeignKey("cycle_competencies.id"), index=True
    )
    source: Mapped[str] = mapped_column(String(10))
    value: Mapped[int | None]
    not_applicable: Mapped[bool] = mapped_column(default=False)
    comment: Mapped[str] = mapped_column(Text, default="")

    review: Mapped[Review] = relationship(back_populates="ratings")
    competency: Mapped[CycleCompetency] = relationship()

    __table_args__ = (
        UniqueConstraint("review_id", "cycle_competency_id", "source"),
        one_of("source", RatingSource),
        # Either a value on the scale or "not applicable", never both, never neither.
        CheckConstraint(
            "(not_applicable AND value IS NULL) OR "
            "(NOT not_applicable AND value IS NOT NULL AND value >= 1 AND value <= 10)",
            name="value",
        ),
    )


note_competencies = Table(
    "review_note_competencies",
    db.metadata,
    Column("note_id", ForeignKey("review_notes.id", ondelete="CASCADE"), primary_key=True),
    Column("cycle_competency_id", ForeignKey("cycle_competencies.id"), primary_key=True),
)


class ReviewNote(db.Model):
    """A strength or an improvement area, tagged with competencies, written by the manager
    (``Review.notes``) or by the employee in the self-assessment (``Review.self_notes``)."""

    __tablename__ = "review_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(12))
    source: Mapped[str] = mapped_column(
        String(10), default=NoteSource.MANAGER, server_default=NoteSource.MANAGER.value
    )
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(default=0)

    review: Mapped[Review] = relationship(back_populates="notes")
    competencies: Mapped[list[CycleCompetency]] = relationship(secondary=note_competencies)

    __table_args__ = (one_of("kind", NoteKind), one_of("source", NoteSource))


action_item_competencies = Table(
    "action_item_competencies",
    db.metadata,
    Column("action_item_id", ForeignKey("action_items.id", ondelete="CASCADE"), primary_key=True),
    Column("competency_id", ForeignKey("competencies.id"), primary_key=True),
)


class ActionItem(Timestamped, db.Model):
    """Training, coaching or other support agreed in a review. It lives between the reviews:
    its owner updates it any time, and one not done by the next review is continued there by
    a copy (``carried_from``) while this one is marked carried. Tagged with framework
    competencies (the same across cycles, unlike a review note's snapshot)."""

    __tablename__ = "action_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    description: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(12), default="training")
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    due_on: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(12), default="open")
    done_at: Mapped[datetime | None]  # when it was last marked done (None unless done)
    carried_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("action_items.id", ondelete="SET NULL"), index=True
    )
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # Due-date reminders sent (once per stage; cleared when the due date moves).
    reminded_soon_at: Mapped[datetime | None]
    reminded_overdue_at: Mapped[datetime | None]

    review: Mapped[Review] = relationship(back_populates="action_items")
    owner: Mapped[User | None] = relationship()
    carried_from: Mapped["ActionItem | None"] = relationship(remote_side=[id])
    competencies: Mapped[list[Competency]] = relationship(secondary=action_item_competencies)

    __table_args__ = (
        one_of("status", ActionStatus),
        one_of("kind", ActionKind),
    )


def review_page_loads() -> tuple:
    """Loader options for a review's page: the cycle and its competencies, the people, the
    team, ratings, notes with their competencies and action items in a few statements rather
    than one lazy load each (ten of them cost a third of the page)."""
    return (
        joinedload(Review.cycle).selectinload(Cycle.competencies),
        joinedload(Review.employee).lazyload(User.role_rows),
        joinedload(Review.manager).lazyload(User.role_rows),
        joinedload(Review.team),
        selectinload(Review.ratings),
        selectinload(Review.notes).selectinload(ReviewNote.competencies),
        selectinload(Review.self_notes).selectinload(ReviewNote.competencies),
        selectinload(Review.action_items).selectinload(ActionItem.competencies),
        selectinload(Review.action_items)
        .selectinload(ActionItem.carried_from)
        .joinedload(ActionItem.review)
        .joinedload(Review.cycle),  # "carried from <cycle>"
    )
