"""Improvement ideas put forward by staff, with support, comments and status history.
An anonymous idea stores no author anywhere: only a hash of its private follow token."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column, relationship, selectinload

from extensions import db

from .base import Timestamped, utcnow
from .people import Team, User
from .reviews import Review
from .vocabulary import one_of


class IdeaCategory(StrEnum):
    PROCESS = "process"
    TOOLS = "tools"
    TRAINING = "training"
    COMMUNICATION = "communication"
    CUSTOMER_EXPERIENCE = "customer_experience"
    OTHER = "other"


class IdeaStatus(StrEnum):
    SUBMITTED = "submitted"
    UNDER_REVIEW = "under_review"
    PLANNED = "planned"
    IMPLEMENTED = "implemented"
    DECLINED = "declined"
    MERGED = "merged"


IDEA_CATEGORIES = tuple(IdeaCategory)
IDEA_STATUSES = tuple(IdeaStatus)
OPEN_STATUSES = (IdeaStatus.SUBMITTED, IdeaStatus.UNDER_REVIEW, IdeaStatus.PLANNED)
# Decided: no more support or moves.
CLOSED_STATUSES = tuple(s for s in IdeaStatus if s not in OPEN_STATUSES)


class Idea(Timestamped, db.Model):
    __tablename__ = "ideas"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(150))
    description: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(24))
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"))
    status: Mapped[str] = mapped_column(String(16), default="submitted")
    anonymous: Mapped[bool] = mapped_column(default=False)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    follow_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    review_id: Mapped[int | None] = mapped_column(ForeignKey("reviews.id"), index=True)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("ideas.id"), index=True)
    decline_reason: Mapped[str] = mapped_column(Text, default="")
    impact_note: Mapped[str] = mapped_column(Text, default="")
    first_response_at: Mapped[datetime | None]
    decided_at: Mapped[datetime | None]
    # How many people support it: kept by the support, withdraw and merge services in the
    # same transaction as the idea_supports rows, so "most supported" is an index scan.
    support_count: Mapped[int] = mapped_column(default=0, server_default="0")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    team: Mapped[Team] = relationship()
    author: Mapped[User | None] = relationship()
    review: Mapped[Review | None] = relationship()
    merged_into: Mapped["Idea | None"] = relationship(remote_side=[id])
    supports: Mapped[list["IdeaSupport"]] = relationship(
        back_populates="idea", cascade="all, delete-orphan"
    )
    comments: Mapped[list["IdeaComment"]] = relationship(
        back_populates="idea", cascade="all, delete-orphan", order_by="IdeaComment.created_at"
    )
    events: Mapped[list["IdeaEvent"]] = relationship(
        back_populates="idea", cascade="all, delete-orphan", order_by="IdeaEvent.created_at"
    )

    __table_args__ = (
        one_of("category", IdeaCategory),
        one_of("status", IdeaStatus),
        # Anonymous means anonymous: no author and no review link can be stored.
        CheckConstraint(
            "NOT anonymous OR (author_id IS NULL AND review_id IS NULL)", name="anonymous"
        ),
        CheckConstraint(
            f"status <> '{IdeaStatus.MERGED}' OR merged_into_id IS NOT NULL", name="merged"
        ),
        Index("ix_ideas_team_status", "team_id", "status"),
        # One index per sort and filter of the idea list, each ending in the list's order
        # (created_at, id), so a page is read in index order and stops after LIMIT rows.
        Index("ix_ideas_created_at", "created_at", "id"),
        Index("ix_ideas_status_created_at", "status", "created_at", "id"),
        Index("ix_ideas_team_created_at", "team_id", "created_at", "id"),
        Index("ix_ideas_category_created_at", "category", "created_at", "id"),
        Index("ix_ideas_support_count", "support_count", "created_at", "id"),
        # "Waiting longest": ideas without a first response, oldest first.
        Index("ix_ideas_first_response_at", "first_response_at", "created_at", "id"),
        # A manager's teams' ideas still waiting (home page, triage): without it the planner
        # read every waiting idea of the organisation through the index above.
        Index("ix_ideas_team_waiting", "team_id", "first_response_at", "created_at"),
    )


@event.listens_for(Idea, "before_insert")
def _count_supporters_given(_mapper, _connection, idea: Idea) -> None:
    """An idea inserted together with its supporters (as the demo seed builds them) starts
    with their count; later changes are counted by the support services."""
    if "supports" in idea.__dict__:
        idea.support_count = len(idea.supports)


class IdeaSupport(db.Model):
    """One support per person per idea, enforced by the primary key."""

    __tablename__ = "idea_supports"

    idea_id: Mapped[int] = mapped_column(
        ForeignKey("ideas.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    idea: Mapped[Idea] = relationship(back_populates="supports")


class IdeaComment(Timestamped, db.Model):
    __tablename__ = "idea_comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), index=True)
    # NULL for a comment written through an anonymous author's private follow link.
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    by_anonymous_author: Mapped[bool] = mapped_column(default=False)
    body: Mapped[str] = mapped_column(Text)

    idea: Mapped[Idea] = relationship(back_populates="comments")
    author: Mapped[User | None] = relationship()


class IdeaEvent(Timestamped, db.Model):
    """A status change with the response the author sees."""

    __tablename__ = "idea_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    response: Mapped[str] = mapped_column(Text, default="")

    idea: Mapped[Idea] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()


def idea_page_loads() -> tuple:
    """Loader options for an idea's page: its team, comments' authors and events' actors in
    one query each rather than one per row."""
    return (
        selectinload(Idea.team),
        selectinload(Idea.comments).selectinload(IdeaComment.author),
        selectinload(Idea.events).selectinload(IdeaEvent.actor),
    )
