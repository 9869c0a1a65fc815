"""Importing people from a CSV file, and exporting them in the same format.

An upload is kept (``PeopleImport``) and checked into a preview; nothing is written until
an admin presses Import, which checks the stored file again against Rapport as it is then
and applies it all or nothing, in one transaction. Files above ``PEOPLE_IMPORT_JOB_ROWS``
rows are checked and applied by a job (``reviews.jobs.people``); smaller ones at once.
``process`` works without a request and commits what it reports, like ``reports.exports``."""

from datetime import timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, defer, joinedload

from extensions import db
from reviews.models import ExportStatus, ImportStage, PeopleImport, User, utcnow
from reviews.services import DomainError
from reviews.services.notifications import outbox

from . import csv_people, import_check
from .import_apply import write

JOB = "run_people_import"
QUEUED_FOR = timedelta(minutes=2)  # an import still waiting after this lost its job
RUNNING_FOR = timedelta(minutes=30)  # a stage this long has lost its worker
KEPT_FOR = timedelta(days=30)  # then an upload (names and addresses) and its result go


def in_background(rows: int) -> bool:
    """Whether a file of ``rows`` people is checked and applied by a job."""
    return rows > current_app.config["PEOPLE_IMPORT_JOB_ROWS"]


def start(actor: User | None, filename: str, data: bytes, queue: bool = True) -> PeopleImport:
    """Keep an uploaded file to be checked (a file that cannot be read is refused at once);
    queued as a job when large (and ``queue``), else the caller runs ``process`` after
    committing. ``actor`` None: the command line."""
    text = csv_people.decode(data)
    rows = csv_people.count_rows(text)
    item = PeopleImport(
        user_id=actor.id if actor else None, filename=filename[:200], content=text, rows=rows
    )
    db.session.add(item)
    db.session.flush()
    if queue and in_background(rows):
        outbox.later(JOB, item.id)
    return item


def ask_apply(actor: User | None, item: PeopleImport, queue: bool = True) -> None:
    """Ask for a checked, clean preview to be applied (by a job when large and ``queue``)."""
    result = item.result or {}
    ready = item.stage == ImportStage.PREVIEW and item.status == ExportStatus.DONE
    if not ready or result.get("errors") or not (result.get("created") or result.get("changed")):
        raise DomainError({"": _l("This import cannot be applied: there is nothing to apply.")})
    item.stage, item.status, item.progress = ImportStage.APPLY, ExportStatus.QUEUED, 0
    item.applied_by_id, item.queued_at = actor.id if actor else None, utcnow()
    item.finished_at = None
    if queue and in_background(item.rows):
        outbox.later(JOB, item.id)


def process(session: Session, import_id: int) -> None:
    """Run the import's current stage, committing its progress on the way; a failure rolls
    back every change and is kept on the import (its page says why)."""
    item = session.get(PeopleImport, import_id)
    if item is None or item.status != ExportStatus.QUEUED:
        return
    item.status, item.progress = ExportStatus.RUNNING, 1
    session.commit()

    def progress(done: int, total: int) -> None:
        value = max(1, min(90, round(90 * done / max(total, 1))))
        session.execute(
            update(PeopleImport).where(PeopleImport.id == import_id).values(progress=value)
        )
        session.commit()

    try:
        _run(item, progress)
        item.status, item.progress = ExportStatus.DONE, 100
    except DomainError as error:
        _failed(session, import_id, "; ".join(str(m) for m in error.errors.values()))
    except Exception as error:  # kept on the import for the page; the log has the trace
        current_app.logger.exception("people import %s failed", import_id)
        _failed(session, import_id, str(error))
    item = session.get(PeopleImport, import_id)
    item.finished_at = utcnow()
    session.commit()


def _failed(session: Session, import_id: int, message: str) -> None:
    session.rollback()
    item = session.get(PeopleImport, import_id)
    item.status, item.error = ExportStatus.FAILED, message[:500]


def _run(item: PeopleImport, progress) -> None:
    """Check the stored file; at the apply stage, write it if it is still clean."""
    actor = item.applied_by if item.stage == ImportStage.APPLY else item.user
    rows = csv_people.parse(item.content)
    result = import_check.check(rows, actor.email if actor else None, progress)
    if item.stage == ImportStage.APPLY:
        if result["errors"]:
            item.stage = ImportStage.PREVIEW  # Rapport changed since the preview
            result["changed_since"] = True
        elif result["created"] or result["changed"]:  # else applied already (a double click)
            write(actor, item.filename, result)
            result["applied"] = True
    item.result = result


def stalled(session: Session) -> list[int]:
    """Imports whose job was lost: those still waiting are returned to be queued again;
    those running far longer than any import takes are marked failed. The caller commits."""
    now = utcnow()
    waiting = select(PeopleImport.id).where(
        PeopleImport.status == ExportStatus.QUEUED, PeopleImport.queued_at < now - QUEUED_FOR
    )
    session.execute(
        update(PeopleImport)
        .where(
            PeopleImport.status == ExportStatus.RUNNING,
            PeopleImport.queued_at < now - RUNNING_FOR,
        )
        .values(status=ExportStatus.FAILED, error="The job running it stopped.", finished_at=now)
    )
    return list(session.scalars(waiting))


def forget_old(session: Session) -> int:
    """Delete imports older than ``KEPT_FOR`` that no job is working on: the uploaded file
    and its result hold names and addresses, and the audit log keeps who imported what.
    Returns how many. The caller commits."""
    done = (ExportStatus.DONE, ExportStatus.FAILED)
    old = delete(PeopleImport).where(
        PeopleImport.created_at < utcnow() - KEPT_FOR, PeopleImport.status.in_(done)
    )
    return session.execute(old).rowcount


def recent(limit: int = 10) -> list[PeopleImport]:
    """The latest imports (of every admin), newest first, with who uploaded each, without
    their files or results (a list shows neither)."""
    query = (
        select(PeopleImport)
        .options(defer(PeopleImport.result), joinedload(PeopleImport.user))
        .order_by(PeopleImport.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query))


def export_csv() -> str:
    """Every active person in the import's format (with a byte-order mark for spreadsheets),
    by name; importing it back changes nothing."""
    people = import_check.load_people()
    rows = [
        [k.values["name"], email, k.values["team"], k.values["manager_email"],
         k.values["roles"], k.values["language"]]
        for email, k in people.items()
        if k.active
    ]  # fmt: skip
    rows.sort(key=lambda row: (row[0].casefold(), row[1]))
    return "\ufeff" + csv_people.write(rows)
