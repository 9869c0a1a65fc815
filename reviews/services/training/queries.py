"""Reading training records: a person's history, a manager's staff at a glance, what a review
page shows, and the people an actor may record trainings for."""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from extensions import db
from reviews import access
from reviews.models import Review, TrainingRecord, User, utcnow
from reviews.services.people.accounts import direct_reports

REVIEW_PAGE_MAX = 8  # the review page shows the newest trainings; the history has them all


@dataclass(frozen=True)
class Totals:
    trainings: int
    hours: float  # the hours given
    without_hours: int  # trainings whose hours are not given yet


def totals(records: list[TrainingRecord]) -> Totals:
    return Totals(
        len(records),
        round(sum(r.hours for r in records if r.hours is not None), 2),
        sum(1 for r in records if r.hours is None),
    )


def history(person_id: int) -> list[TrainingRecord]:
    """Every training of a person, newest first."""
    query = (
        select(TrainingRecord)
        .where(TrainingRecord.person_id == person_id)
        .options(
            selectinload(TrainingRecord.competencies), selectinload(TrainingRecord.recorded_by)
        )
        .order_by(TrainingRecord.taken_on.desc(), TrainingRecord.id.desc())
    )
    return list(db.session.scalars(query))


@dataclass(frozen=True)
class StaffRow:
    person: User
    totals: Totals  # the last twelve months
    last: date | None  # the latest training ever


def staff_overview(manager: User) -> list[StaffRow]:
    """The manager's current staff, each with their trainings of the last twelve months."""
    people = direct_reports(manager)
    if not people:
        return []
    since = utcnow().date() - timedelta(days=365)
    ids = [p.id for p in people]
    counts = db.session.execute(
        select(
            TrainingRecord.person_id,
            func.count(TrainingRecord.id),
            func.coalesce(func.sum(TrainingRecord.hours), 0),
            func.count(TrainingRecord.id) - func.count(TrainingRecord.hours),
        )
        .where(TrainingRecord.person_id.in_(ids), TrainingRecord.taken_on >= since)
        .group_by(TrainingRecord.person_id)
    )
    recent = {row[0]: Totals(row[1], round(float(row[2]), 2), row[3]) for row in counts}
    latest = dict(
        db.session.execute(
            select(TrainingRecord.person_id, func.max(TrainingRecord.taken_on))
            .where(TrainingRecord.person_id.in_(ids))
            .group_by(TrainingRecord.person_id)
        ).all()
    )
    return [StaffRow(p, recent.get(p.id, Totals(0, 0.0, 0)), latest.get(p.id)) for p in people]


def recordable_people(actor: User) -> list[User]:
    """Whom ``actor`` may record a training for: themselves and their current staff; an
    admin anyone active."""
    if actor.has_role("admin"):
        query = select(User).where(User.active.is_(True)).order_by(User.name, User.id)
        return list(db.session.scalars(query))
    return [actor, *(p for p in direct_reports(actor) if p.id != actor.id)]


@dataclass(frozen=True)
class ReviewTraining:
    """The training history a review page shows."""

    person: User
    records: list[TrainingRecord]  # the newest REVIEW_PAGE_MAX
    more: int  # how many older ones the history page has beyond these
    totals: Totals  # of every record
    in_period: set[int]  # ids of the records taken in the review's cycle period
    can_open: bool  # the viewer may open the full history page
    can_record: bool  # the viewer may add a training for the person


def for_review(viewer: User, review: Review) -> ReviewTraining:
    """The person's trainings for their review page, shown to whoever sees the review."""
    records = history(review.employee_id)
    cycle = review.cycle
    can_open, can_record = access.training_rights(viewer, review.employee)
    return ReviewTraining(
        person=review.employee,
        records=records[:REVIEW_PAGE_MAX],
        more=max(0, len(records) - REVIEW_PAGE_MAX),
        totals=totals(records),
        in_period={r.id for r in records if cycle.period_start <= r.taken_on <= cycle.period_end},
        can_open=can_open,
        can_record=can_record,
    )
