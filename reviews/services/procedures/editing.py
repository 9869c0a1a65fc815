"""Writing, publishing and archiving procedures. Publishing freezes the working copy into a
new version and asks everyone it applies to — the active members of its teams at that
moment, or every active person when it names no team — to read and confirm it by a due
date; their inbox notifications and e-mails are written by a job after the commit."""

from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import insert, select, update

from extensions import db
from reviews import access
from reviews.models import (
    Procedure,
    ProcedureRequest,
    ProcedureStatus,
    ProcedureVersion,
    Team,
    User,
    utcnow,
)
from reviews.models.procedures import procedures_written_in_bulk
from reviews.services import DomainError, audit
from reviews.services.notifications import outbox

TITLE_MAX, BODY_MAX, NOTE_MAX = 150, 50_000, 300
MIN_DAYS, MAX_DAYS = 1, 366  # a due date from tomorrow to a year ahead
DEFAULT_DAYS = 14
NOTIFY_JOB = "notify_procedure_requests"
NOTIFY_BATCH = 500


def audience(procedure: Procedure, team_ids: list[int] | None = None) -> list[tuple[int, int]]:
    """(person id, team id) of every active person ``procedure`` applies to now."""
    team_ids = [t.id for t in procedure.teams] if team_ids is None else team_ids
    query = select(User.id, User.team_id).where(User.active.is_(True)).order_by(User.id)
    if team_ids:
        query = query.where(User.team_id.in_(team_ids))
    return [tuple(row) for row in db.session.execute(query)]


def _check_writer(actor: User, procedure: Procedure) -> None:
    if not access.can_edit_procedure(actor, procedure):
        raise DomainError({"": _l("You may not change this procedure.")})


def save_procedure(
    actor: User,
    procedure: Procedure | None,
    *,
    title: str,
    body: str,
    owner: User | None,
    teams: list[Team],
) -> Procedure:
    """Create a procedure (a draft) or save the working copy of an existing one: its next
    version's title and body, its owner and its teams. Nobody is asked anything yet."""
    title, body = (title or "").strip(), (body or "").strip()
    errors = {}
    if not title:
        errors["title"] = _l("Give the procedure a title.")
    elif len(title) > TITLE_MAX:
        errors["title"] = _l("At most %(num)d characters.", num=TITLE_MAX)
    if not body:
        errors["body"] = _l("Write the procedure itself.")
    elif len(body) > BODY_MAX:
        errors["body"] = _l("At most %(num)d characters.", num=BODY_MAX)
    if owner is None or not owner.active:
        errors["owner"] = _l("Choose an active person as the owner.")
    scope = access.procedure_teams_for(actor)
    if scope is not None:
        if not teams:
            errors["teams"] = _l("Choose the teams it applies to: only your own teams.")
        elif not {t.id for t in teams} <= scope:
            errors["teams"] = _l("You can aim a procedure only at the teams you manage.")
    if procedure is not None and procedure.status == ProcedureStatus.ARCHIVED:
        errors[""] = _l("An archived procedure can no longer be changed.")
    if errors:
        raise DomainError(errors)
    if procedure is None:
        procedure = Procedure(status=ProcedureStatus.DRAFT)
        db.session.add(procedure)
    else:
        _check_writer(actor, procedure)
    procedure.title, procedure.body, procedure.owner = title, body, owner
    procedure.teams = list(teams)
    db.session.flush()
    return procedure


def close_live_requests(procedure_id: int, when) -> None:
    procedures_written_in_bulk(db.session)
    db.session.execute(
        update(ProcedureRequest)
        .where(ProcedureRequest.procedure_id == procedure_id, ProcedureRequest.closed_at.is_(None))
        .values(closed_at=when)
    )


def publish(
    actor: User,
    procedure: Procedure,
    *,
    change_note: str,
    due_on: date | None,
    today: date | None = None,
) -> tuple[ProcedureVersion, int]:
    """Publish the working copy as the next version and ask everyone it applies to to
    confirm it by ``due_on``. Every earlier request of the procedure closes (a newer version
    supersedes it). Returns the version and how many people were asked."""
    _check_writer(actor, procedure)
    today = today or date.today()
    change_note = (change_note or "").strip()
    errors = {}
    if procedure.status == ProcedureStatus.ARCHIVED:
        errors[""] = _l("An archived procedure cannot be published.")
    current = procedure.current
    if current is not None and (current.title, current.body) == (procedure.title, procedure.body):
        errors[""] = _l(
            "Nothing has changed since version %(num)d: edit the text before publishing.",
            num=current.number,
        )
    if current is not None and not change_note:
        errors["change_note"] = _l("Say in a sentence what changed: people read this first.")
    if len(change_note) > NOTE_MAX:
        errors["change_note"] = _l("At most %(num)d characters.", num=NOTE_MAX)
    if due_on is None:
        errors["due_on"] = _l("Choose the date by which people confirm it.")
    elif not today + timedelta(days=MIN_DAYS) <= due_on <= today + timedelta(days=MAX_DAYS):
        errors["due_on"] = _l("Choose a date from tomorrow to a year from now.")
    if errors:
        raise DomainError(errors)
    now = utcnow()
    version = ProcedureVersion(
        procedure=procedure,
        number=procedure.current_number + 1,
        title=procedure.title,
        body=procedure.body,
        change_note=change_note,
        published_at=now,
        publisher_id=actor.id,
        due_on=due_on,
    )
    db.session.add(version)
    procedure.current_number = version.number
    procedure.status = ProcedureStatus.PUBLISHED
    db.session.flush()
    close_live_requests(procedure.id, now)
    people = audience(procedure)
    ask(procedure, version, people, due_on, now)
    audit.record(
        "procedure_published",
        procedure,
        after={"version": version.number, "due_on": due_on.isoformat(), "asked": len(people)},
        actor=actor,
    )
    return version, len(people)


def ask(procedure: Procedure, version: ProcedureVersion, people, due_on: date, now) -> None:
    """Insert one request per (person, team) and queue their notifications."""
    if not people:
        return
    rows = [
        {
            "procedure_id": procedure.id,
            "version_id": version.id,
            "user_id": person_id,
            "team_id": team_id,
            "requested_at": now,
            "due_on": due_on,
        }
        for person_id, team_id in people
    ]
    db.session.execute(insert(ProcedureRequest), rows)
    procedures_written_in_bulk(db.session)
    ids = [person_id for person_id, _ in people]
    for start in range(0, len(ids), NOTIFY_BATCH):
        outbox.later(NOTIFY_JOB, version.id, ids[start : start + NOTIFY_BATCH])


def archive(actor: User, procedure: Procedure) -> None:
    """Withdraw a procedure: nobody is asked to confirm it any more; its history stays."""
    _check_writer(actor, procedure)
    if procedure.status == ProcedureStatus.ARCHIVED:
        raise DomainError({"": _l("This procedure is already archived.")})
    now = utcnow()
    before = procedure.status
    procedure.status = ProcedureStatus.ARCHIVED
    procedure.archived_at = now
    close_live_requests(procedure.id, now)
    audit.record(
        "procedure_archived", procedure, {"status": before}, {"status": "archived"}, actor=actor
    )


def default_due(today: date | None = None) -> date:
    return (today or date.today()) + timedelta(days=DEFAULT_DAYS)
