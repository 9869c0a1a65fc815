"""Trainings as evidence beside each competency of a review form (reviews.services.reviews
.evidence): one line per training and competency it concerns."""

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from extensions import db
from reviews.models import TrainingRecord
from reviews.services.reviews.evidence_item import Evidence


def _first_day(moment: datetime) -> date:
    """The first day whose start is at or after ``moment``."""
    day = moment.date()
    return day if moment.time() == time.min else day + timedelta(days=1)


def _last_day(moment: datetime) -> date:
    """The last day whose start is before ``moment``."""
    day = moment.date()
    return day - timedelta(days=1) if moment.time() == time.min else day


def evidence(person_id: int, since: datetime | None, until: datetime) -> list[Evidence]:
    """``person_id``'s trainings taken in [since, until) (a training happens at the start of
    its day), one Evidence per (training, competency), oldest first; a training tagged with
    no competency speaks for the whole review (competency None)."""
    query = (
        select(TrainingRecord)
        .where(
            TrainingRecord.person_id == person_id,
            TrainingRecord.taken_on <= _last_day(until),
        )
        .options(selectinload(TrainingRecord.competencies))
        .order_by(TrainingRecord.taken_on, TrainingRecord.id)
    )
    if since is not None:
        query = query.where(TrainingRecord.taken_on >= _first_day(since))
    found = []
    for record in db.session.scalars(query):
        for competency_id in [c.id for c in record.competencies] or [None]:
            found.append(
                Evidence(competency_id, "training", record.taken_on, record.title, record.id)
            )
    return found
