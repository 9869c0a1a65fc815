"""Cycles in motion: opening creates the reviews, closing locks them, reopening unlocks them.

Opening a cycle for thousands of people must answer at once: the request writes the reviews
in one bulk INSERT from a column query, and the notifications and e-mails that go with them
are written by background jobs (``notify_opened_reviews``), queued once the cycle's
transaction commits."""

from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, insert, select
from sqlalchemy.orm import aliased

from extensions import db
from reviews.database import reviews_written_in_bulk
from reviews.models import Cycle, Notification, ReportingLine, Review, User, utcnow
from reviews.services import DomainError, audit
from reviews.services.actions import carry
from reviews.services.cycles.setup import snapshot_framework
from reviews.services.notifications import outbox
from reviews.services.notifications.inbox import Note, Recipient, notify_many

NOTIFY_JOB = "notify_opened_reviews"
NOTIFY_BATCH = 500  # reviews per notification job
OPENED_KINDS = ("self_assessment_open", "manager_assessment_due")


def people_to_review() -> list[tuple[int, int, int | None]]:
    """(person id, current manager id, team id) for every active person who has an active
    manager, in one column query."""
    manager = aliased(User)
    query = (
        select(ReportingLine.employee_id, ReportingLine.manager_id, User.team_id)
        .join(User, User.id == ReportingLine.employee_id)
        .join(manager, manager.id == ReportingLine.manager_id)
        .where(User.active.is_(True), manager.active.is_(True), ReportingLine.ends_on.is_(None))
        .order_by(User.name, User.id)
    )
    return [tuple(row) for row in db.session.execute(query)]


def _create_reviews(cycle: Cycle, actor: User | None = None) -> int:
    """One review for each eligible person not yet in the cycle, with their manager and team
    of today, in one INSERT, with the open action items of their previous review carried
    into it (``actions.carry``; so for people added later too); their notifications are
    queued for after the commit. Returns how many reviews were created."""
    existing = set(
        db.session.scalars(select(Review.employee_id).where(Review.cycle_id == cycle.id))
    )
    rows = {}
    for person_id, manager_id, team_id in people_to_review():
        if person_id not in existing and person_id not in rows:
            rows[person_id] = {
                "cycle_id": cycle.id,
                "employee_id": person_id,
                "manager_id": manager_id,
                "team_id": team_id,
            }
    if not rows:
        return 0
    db.session.execute(insert(Review), list(rows.values()))
    reviews_written_in_bulk(db.session, cycle.id)
    people = list(rows)
    carry.carry_over(actor, cycle, people)
    for start in range(0, len(people), NOTIFY_BATCH):
        outbox.later(NOTIFY_JOB, cycle.id, people[start : start + NOTIFY_BATCH])
    return len(rows)


def notify_opened_reviews(cycle_id: int, employee_ids: list[int]) -> int:
    """Tell each of these people that their self-assessment is open and their manager that
    an assessment is due, with one e-mail each, skipping what was already sent (a job run
    twice notifies nobody twice). Returns how many notifications were added."""
    cycle = db.session.get(Cycle, cycle_id)
    if cycle is None:
        return 0
    employee, manager = aliased(User), aliased(User)
    query = (
        select(Review.id, employee, manager)
        .join(employee, employee.id == Review.employee_id)
        .join(manager, manager.id == Review.manager_id)
        .where(Review.cycle_id == cycle_id, Review.employee_id.in_(employee_ids))
    )
    sent = _already_notified(employee_ids, cycle_id)
    notes = []
    for review_id, person, boss in db.session.execute(query):
        url = f"/reviews/{review_id}"
        if (person.id, "self_assessment_open", url) not in sent:
            notes.append(
                _note(
                    person,
                    "self_assessment_open",
                    url,
                    cycle=cycle.name,
                    deadline=cycle.self_deadline.isoformat(),
                )
            )
        if (boss.id, "manager_assessment_due", url) not in sent:
            notes.append(
                _note(
                    boss,
                    "manager_assessment_due",
                    url,
                    person=person.name,
                    cycle=cycle.name,
                    deadline=cycle.review_deadline.isoformat(),
                )
            )
    notify_many(notes)
    return len(notes)


def _note(user: User, kind: str, url: str, **params) -> Note:
    return Note(Recipient(user.id, user.email, user.locale, user.active), kind, url, params)


def _already_notified(employee_ids: list[int], cycle_id: int) -> set[tuple[int, str, str]]:
    reviews = select(Review.id, Review.manager_id).where(
        Review.cycle_id == cycle_id, Review.employee_id.in_(employee_ids)
    )
    rows = db.session.execute(reviews).all()
    users = set(employee_ids) | {manager_id for _, manager_id in rows}
    urls = [f"/reviews/{review_id}" for review_id, _ in rows]
    query = select(Notification.user_id, Notification.kind, Notification.url).where(
        Notification.user_id.in_(users),
        Notification.kind.in_(OPENED_KINDS),
        Notification.url.in_(urls),
    )
    return {tuple(row) for row in db.session.execute(query)}


def open_cycle(actor: User | None, cycle: Cycle) -> int:
    """Open a planned cycle as ``actor``: take the framework as it is today and create the reviews.
    Returns how many reviews were created."""
    if cycle.status != "planned":
        raise DomainError({"": _l("Only a planned cycle can be opened.")})
    if db.session.scalar(select(Cycle.id).where(Cycle.status == "open")) is not None:
        raise DomainError({"": _l("Another cycle is open. Close it before opening this one.")})
    snapshot_framework(cycle)
    cycle.status, cycle.opened_at = "open", utcnow()
    created = _create_reviews(cycle, actor)
    audit.record("cycle_opened", cycle, after={"reviews_created": created}, actor=actor)
    return created


def add_people(actor: User | None, cycle: Cycle) -> int:
    """Add reviews for people who joined (or got a manager) after the cycle opened."""
    if cycle.status != "open":
        raise DomainError({"": _l("People can only be added to an open cycle.")})
    created = _create_reviews(cycle, actor)
    if created:
        audit.record("cycle_people_added", cycle, after={"reviews_created": created}, actor=actor)
    return created


def close_cycle(actor: User | None, cycle: Cycle) -> None:
    """Close an open cycle; its reviews become read-only."""
    if cycle.status != "open":
        raise DomainError({"": _l("Only an open cycle can be closed.")})
    cycle.status, cycle.closed_at = "closed", utcnow()
    audit.record("cycle_closed", cycle, actor=actor)


def reopen_cycle(actor: User | None, cycle: Cycle) -> None:
    """Open a closed cycle again (it was closed too early): its unfinished reviews can be
    written, shared and acknowledged again. Audited."""
    if cycle.status != "closed":
        raise DomainError({"": _l("Only a closed cycle can be reopened.")})
    cycle.status, cycle.closed_at = "open", None
    audit.record("cycle_reopened", cycle, actor=actor)


def unfinished_reviews(cycle: Cycle) -> int:
    """The cycle's reviews not yet acknowledged: what closing it would freeze unfinished."""
    return (
        db.session.scalar(
            select(func.count(Review.id)).where(
                Review.cycle_id == cycle.id, Review.acknowledged_at.is_(None)
            )
        )
        or 0
    )


def is_overdue(review: Review, today: date | None = None) -> bool:
    """Past the deadline of the step the review is waiting for."""
    today = today or date.today()
    if review.cycle.status != "open" or review.shared_at:
        return False
    if not review.self_submitted_at and today > review.cycle.self_deadline:
        return True
    return not review.manager_submitted_at and today > review.cycle.review_deadline
