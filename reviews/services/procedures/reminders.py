"""The daily procedures job: ask the people who have joined a procedure's teams since it was
published (or came back), stop asking those it no longer applies to, and remind whoever has
not confirmed yet — once when the due date is DUE_SOON_DAYS away, then the day after it
passes and every OVERDUE_EVERY days while it stays unconfirmed. Never more than one reminder
per person per procedure per day; none once confirmed, superseded or archived."""

from collections import Counter
from datetime import date, timedelta

from sqlalchemy import select, update

from extensions import db
from reviews.models import (
    Procedure,
    ProcedureRequest,
    ProcedureStatus,
    ProcedureVersion,
    User,
    utcnow,
)
from reviews.models.procedures import procedures_written_in_bulk
from reviews.services.notifications.inbox import Note, Recipient, notify_many

from .editing import ask, audience
from .reading import procedure_url

DUE_SOON_DAYS = 3
OVERDUE_EVERY = 7
NEWCOMER_DAYS = 14  # a newcomer has at least this long to confirm


def run_daily(today: date | None = None) -> dict[str, int]:
    """Everything the daily job does, in one transaction (committed by the caller)."""
    today = today or date.today()
    done = Counter(sync_audiences(today))
    done.update(send_reminders(today))
    return {kind: n for kind, n in done.items() if n}


def sync_audiences(today: date) -> dict[str, int]:
    """Bring each published procedure's live requests in line with who it applies to now."""
    now, done = utcnow(), Counter()
    procedures = db.session.scalars(
        select(Procedure).where(Procedure.status == ProcedureStatus.PUBLISHED)
    )
    for procedure in procedures:
        version = procedure.current
        if version is None:
            continue
        people = dict(audience(procedure))
        asked = dict(
            db.session.execute(
                select(ProcedureRequest.user_id, ProcedureRequest.closed_at).where(
                    ProcedureRequest.version_id == version.id
                )
            ).all()
        )
        gone = [p for p, closed in asked.items() if closed is None and p not in people]
        back = [p for p, closed in asked.items() if closed is not None and p in people]
        new = [(p, t) for p, t in people.items() if p not in asked]
        if gone or back:
            procedures_written_in_bulk(db.session)
        if gone:
            db.session.execute(
                update(ProcedureRequest)
                .where(ProcedureRequest.version_id == version.id)
                .where(ProcedureRequest.user_id.in_(gone))
                .values(closed_at=now)
            )
        if back:
            db.session.execute(
                update(ProcedureRequest)
                .where(ProcedureRequest.version_id == version.id)
                .where(ProcedureRequest.user_id.in_(back))
                .values(closed_at=None)
            )
        due = max(version.due_on, today + timedelta(days=NEWCOMER_DAYS))
        ask(procedure, version, new, due, now)
        done["asked"] += len(new)
        done["closed"] += len(gone)
        done["reopened"] += len(back)
    return done


def reminder_kind(due_on: date, last: date | None, today: date) -> str | None:
    """Which reminder a live, unconfirmed request gets today, if any."""
    if last is not None and last >= today:
        return None
    if due_on - timedelta(days=DUE_SOON_DAYS) <= today < due_on:
        if last is None or last < due_on - timedelta(days=DUE_SOON_DAYS):
            return "procedure_due"
        return None
    late = today > due_on
    if late and (last is None or last <= due_on or (today - last).days >= OVERDUE_EVERY):
        return "procedure_overdue"
    return None


def send_reminders(today: date) -> dict[str, int]:
    query = (
        select(ProcedureRequest, ProcedureVersion, User)
        .join(ProcedureVersion, ProcedureVersion.id == ProcedureRequest.version_id)
        .join(Procedure, Procedure.id == ProcedureRequest.procedure_id)
        .join(User, User.id == ProcedureRequest.user_id)
        .where(
            ProcedureRequest.closed_at.is_(None),
            ProcedureRequest.confirmed_at.is_(None),
            Procedure.status == ProcedureStatus.PUBLISHED,
            User.active.is_(True),
        )
    )
    notes, sent = [], Counter()
    for request, version, person in db.session.execute(query):
        kind = reminder_kind(request.due_on, request.last_reminded_on, today)
        if kind is None:
            continue
        request.last_reminded_on = today
        params = {
            "title": version.title,
            "version": version.number,
            "deadline": request.due_on.isoformat(),
        }
        recipient = Recipient(person.id, person.email, person.locale, person.active)
        notes.append(Note(recipient, kind, procedure_url(version.procedure_id), params))
        sent[kind] += 1
    db.session.flush()
    notify_many(notes)
    return dict(sent)
