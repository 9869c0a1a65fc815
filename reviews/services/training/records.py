"""Recording a training: by the person, their manager or an admin, or from a training action
item marked done. Every change is in the audit trail."""

from dataclasses import dataclass, field
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from extensions import db
from reviews import access
from reviews.models import ActionItem, AuditEvent, Competency, TrainingRecord, User, utcnow
from reviews.models.reviews import ActionKind
from reviews.models.training import HOURS_MAX
from reviews.services import DomainError, audit

TITLE_MAX, PROVIDER_MAX, NOTE_MAX = 200, 150, 2000


@dataclass
class TrainingInput:
    title: str
    taken_on: date | None
    hours: float | None = None  # None: not known yet
    provider: str = ""
    competency_ids: list[int] = field(default_factory=list)
    note: str = ""


def _today() -> date:
    return utcnow().date()


def check(data: TrainingInput, keep: tuple[int, ...] = ()) -> dict:
    """The reasons ``data`` cannot be saved, by form field. ``keep``: competencies the record
    already has, which stay allowed after they are retired."""
    errors = {}
    title = (data.title or "").strip()
    if not title:
        errors["title"] = _l("Give the training a title.")
    elif len(title) > TITLE_MAX:
        errors["title"] = _l("Keep the title under %(n)d characters.", n=TITLE_MAX)
    if data.taken_on is None:
        errors["taken_on"] = _l("Give the date the training was taken.")
    elif data.taken_on > _today():
        errors["taken_on"] = _l("Record a training once it has been taken: not a future date.")
    elif data.taken_on.year < 1950:
        errors["taken_on"] = _l("Check the year of this date.")
    if data.hours is not None and not 0 < data.hours <= HOURS_MAX:
        errors["hours"] = _l(
            "Give the hours as a number above 0 and at most %(n)d (e.g. 1.5).", n=HOURS_MAX
        )
    if len((data.provider or "").strip()) > PROVIDER_MAX:
        errors["provider"] = _l("Keep the provider under %(n)d characters.", n=PROVIDER_MAX)
    if len((data.note or "").strip()) > NOTE_MAX:
        errors["note"] = _l("Keep the note under %(n)d characters.", n=NOTE_MAX)
    wanted = set(data.competency_ids or ())
    if wanted:
        query = select(Competency.id).where(
            Competency.id.in_(wanted), Competency.retired_at.is_(None)
        )
        allowed = set(db.session.scalars(query)) | set(keep)
        if not wanted <= allowed:
            errors["competencies"] = _l("Choose competencies of the current framework.")
    return errors


def snapshot(record: TrainingRecord) -> dict:
    """The record as plain values, for the audit trail."""
    return {
        "person_id": record.person_id,
        "title": record.title,
        "taken_on": str(record.taken_on),
        "hours": record.hours,
        "provider": record.provider,
        "competencies": sorted(c.name for c in record.competencies),
        "note": record.note,
    }


def _apply(record: TrainingRecord, data: TrainingInput) -> None:
    record.title = data.title.strip()
    record.taken_on = data.taken_on
    record.hours = round(float(data.hours), 2) if data.hours is not None else None
    record.provider = (data.provider or "").strip()
    record.note = (data.note or "").strip()
    ids = list(dict.fromkeys(data.competency_ids or ()))
    found = {c.id: c for c in db.session.scalars(select(Competency).where(Competency.id.in_(ids)))}
    record.competencies = [found[i] for i in ids if i in found]


def _refuse_unless_allowed(actor: User, person: User) -> None:
    if not access.can_record_training(actor, person):
        raise DomainError(
            {"": _l("You can record trainings for yourself and for the people you manage.")}
        )


def record_training(actor: User, person: User, data: TrainingInput) -> TrainingRecord:
    """A training ``person`` took, recorded by ``actor`` (themselves, their manager, an admin)."""
    _refuse_unless_allowed(actor, person)
    if errors := check(data):
        raise DomainError(errors)
    record = TrainingRecord(person_id=person.id, recorded_by_id=actor.id)
    _apply(record, data)
    db.session.add(record)
    db.session.flush()
    audit.record("training_recorded", record, after=snapshot(record), actor=actor)
    return record


def update_training(actor: User, record: TrainingRecord, data: TrainingInput) -> None:
    """Correct a record (give its hours, fix its date, tag it)."""
    _refuse_unless_allowed(actor, record.person)
    if errors := check(data, keep=tuple(c.id for c in record.competencies)):
        raise DomainError(errors)
    before = snapshot(record)
    _apply(record, data)
    old, new = audit.changes(before, snapshot(record))
    if new:
        record.updated_at = utcnow()
        audit.record("training_changed", record, old, new, actor=actor)


def delete_training(actor: User, record: TrainingRecord) -> None:
    """Remove a record; what it said stays in the audit trail."""
    _refuse_unless_allowed(actor, record.person)
    audit.record("training_deleted", record, before=snapshot(record), actor=actor)
    db.session.delete(record)


def record_from_action(actor: User | None, item: ActionItem) -> TrainingRecord | None:
    """The training record of a training action item marked done, made the first time and
    returned as it is on every later call (one record per item). Title: the item's
    description; date: the day it was done; competencies: the item's; hours: not known yet
    (the person or their manager gives them). ``actor`` is who marked it done (None: the
    system). An item of another kind makes no record (None), and neither does an item the
    person does not see yet — one of a review still being written, which is recorded when it
    is shared (``reviews.services.reviews.flow.share``)."""
    if item.kind != ActionKind.TRAINING or not access.employee_sees_action_item(item):
        return None
    if item.id is None:
        db.session.flush()
    query = select(TrainingRecord).where(TrainingRecord.action_item_id == item.id)
    existing = db.session.scalar(query)
    if existing is not None:
        return existing
    done = item.done_at or utcnow()
    record = TrainingRecord(
        person_id=item.review.employee_id,
        title=item.description.strip()[:TITLE_MAX],
        taken_on=done.date(),
        hours=None,
        provider="",
        note="",
        recorded_by_id=actor.id if actor is not None else None,
        action_item=item,
        competencies=list(item.competencies),
    )
    db.session.add(record)
    db.session.flush()
    after = snapshot(record) | {"action_item_id": item.id}
    audit.record("training_recorded", record, after=after, actor=actor)
    return record


def _untouched(record: TrainingRecord) -> bool:
    """Is ``record`` still as ``record_from_action`` made it: no hours, provider or note given,
    and never changed by a person (no ``training_changed`` in its audit trail)?"""
    if record.hours is not None or record.provider or record.note:
        return False
    query = select(AuditEvent.id).where(
        AuditEvent.object_type == TrainingRecord.__tablename__,
        AuditEvent.object_id == record.id,
        AuditEvent.action == "training_changed",
    )
    return db.session.scalar(query.limit(1)) is None


def drop_record_of_action(actor: User | None, item: ActionItem) -> bool:
    """The training action item is no longer done (or is removed): its record made by
    ``record_from_action`` goes too, unless someone has worked on it since (gave its hours,
    corrected it), when it stays as a training taken. Returns whether one was removed."""
    if item.id is None:
        return False
    query = select(TrainingRecord).where(TrainingRecord.action_item_id == item.id)
    record = db.session.scalar(query)
    if record is None or not _untouched(record):
        return False
    after = {"action_item_id": item.id}
    audit.record("training_deleted", record, before=snapshot(record), after=after, actor=actor)
    db.session.delete(record)
    return True
