"""Read-side helpers for review pages: ratings side by side, last cycle's actions, ideas."""

from dataclasses import dataclass

from sqlalchemy import select

from extensions import db
from reviews.models import ActionItem, Cycle, CycleCompetency, Idea, Rating, Review, User

GAP_THRESHOLD = 2  # a self/manager difference this large is highlighted


@dataclass
class RatingRow:
    competency: CycleCompetency
    self_rating: Rating | None
    manager_rating: Rating | None

    @property
    def gap(self) -> int | None:
        """Self minus manager: positive when the person rates themselves higher."""
        s, m = self.self_rating, self.manager_rating
        if s is None or m is None or s.value is None or m.value is None:
            return None
        return s.value - m.value

    @property
    def notable(self) -> bool:
        return self.gap is not None and abs(self.gap) >= GAP_THRESHOLD


def rating_rows(review: Review) -> list[RatingRow]:
    by_key = {(r.cycle_competency_id, r.source): r for r in review.ratings}
    return [
        RatingRow(c, by_key.get((c.id, "self")), by_key.get((c.id, "manager")))
        for c in review.cycle.competencies
    ]


def previous_review(review: Review) -> Review | None:
    query = (
        select(Review)
        .join(Cycle)
        .where(
            Review.employee_id == review.employee_id,
            Cycle.period_start < review.cycle.period_start,
        )
        .order_by(Cycle.period_start.desc())
        .limit(1)
    )
    return db.session.scalar(query)


def previous_actions(review: Review) -> tuple[Review | None, list[ActionItem]]:
    """The action items agreed in the person's previous review, for follow-up."""
    previous = previous_review(review)
    return previous, list(previous.action_items) if previous else []


def review_ideas(review: Review, user: User) -> list[Idea]:
    """Ideas suggested during this review (anonymous ones are never linked, so never here).
    The caller has already been allowed to see the review."""
    query = select(Idea).where(Idea.review_id == review.id).order_by(Idea.created_at)
    return list(db.session.scalars(query))
