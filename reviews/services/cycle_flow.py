"""Cycles in motion: opening creates the reviews, closing locks them."""

from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from extensions import db
from reviews.models import Cycle, ReportingLine, Review, User, utcnow

from . import DomainError, audit
from .cycles import snapshot_framework
from .notify import notify


def people_to_review() -> list[tuple[User, User]]:
    """(person, current manager) for every active person who has an active manager."""
    query = (
        select(User, ReportingLine.manager_id)
        .join(ReportingLine, ReportingLine.employee_id == User.id)
        .where(User.active.is_(True), ReportingLine.ends_on.is_(None))
        .order_by(User.name)
    )
    rows = db.session.execute(query).all()
    managers = {
        m.id: m
        for m in db.session.scalars(
            select(User).where(User.id.in_({manager_id for _, manager_id in rows}))
        )
    }
    return [(person, managers[mid]) for person, mid in rows if managers[mid].active]


def _create_reviews(cycle: Cycle) -> list[Review]:
    """One review for each eligible person not yet in the cycle, with their manager and team
    of today, and the notifications that go with it."""
    existing = set(
        db.session.scalars(select(Review.employee_id).where(Review.cycle_id == cycle.id))
    )
    created = []
    for person, manager in people_to_review():
        if person.id in existing:
            continue
        review = Review(cycle=cycle, employee=person, manager=manager, team_id=person.team_id)
        db.session.add(review)
        created.append(review)
    db.session.flush()
    for review in created:
        url = f"/reviews/{review.id}"
        notify(
            review.employee,
            "self_assessment_open",
            url=url,
            cycle=cycle.name,
            deadline=cycle.self_deadline.isoformat(),
        )
        notify(
            review.manager,
            "manager_assessment_due",
            url=url,
            person=review.employee.name,
            cycle=cycle.name,
            deadline=cycle.review_deadline.isoformat(),
        )
    return created


def open_cycle(cycle: Cycle) -> int:
    """Open a planned cycle: take the framework as it is today and create the reviews.
    Returns how many reviews were created."""
    if cycle.status != "planned":
        raise DomainError({"": _l("Only a planned cycle can be opened.")})
    if db.session.scalar(select(Cycle.id).where(Cycle.status == "open")) is not None:
        raise DomainError({"": _l("Another cycle is open. Close it before opening this one.")})
    snapshot_framework(cycle)
    cycle.status, cycle.opened_at = "open", utcnow()
    created = _create_reviews(cycle)
    audit.record("cycle_opened", cycle, after={"reviews_created": len(created)})
    return len(created)


def add_people(cycle: Cycle) -> int:
    """Add reviews for people who joined (or got a manager) after the cycle opened."""
    if cycle.status != "open":
        raise DomainError({"": _l("People can only be added to an open cycle.")})
    created = _create_reviews(cycle)
    if created:
        audit.record("cycle_people_added", cycle, after={"reviews_created": len(created)})
    return len(created)


def close_cycle(cycle: Cycle) -> None:
    """Close an open cycle; its reviews become read-only."""
    if cycle.status != "open":
        raise DomainError({"": _l("Only an open cycle can be closed.")})
    cycle.status, cycle.closed_at = "closed", utcnow()
    audit.record("cycle_closed", cycle)


def is_overdue(review: Review, today: date | None = None) -> bool:
    """Past the deadline of the step the review is waiting for."""
    today = today or date.today()
    if review.cycle.status != "open" or review.shared_at:
        return False
    if not review.self_submitted_at and today > review.cycle.self_deadline:
        return True
    return not review.manager_submitted_at and today > review.cycle.review_deadline
