"""Confirming a procedure, and the notifications that ask for it."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from extensions import db
from reviews.models import (
    Notification,
    Procedure,
    ProcedureRequest,
    ProcedureVersion,
    User,
    utcnow,
)
from reviews.services import DomainError, audit
from reviews.services.notifications.inbox import Note, Recipient, notify_many

PUBLISHED_KIND = "procedure_published"


def procedure_url(procedure_id: int) -> str:
    return f"/procedures/{procedure_id}"


def live_request(user: User, procedure_id: int) -> ProcedureRequest | None:
    """``user``'s open request for the procedure (at most one), if any."""
    query = select(ProcedureRequest).where(
        ProcedureRequest.user_id == user.id,
        ProcedureRequest.procedure_id == procedure_id,
        ProcedureRequest.closed_at.is_(None),
    )
    return db.session.scalars(query).first()


def confirm(actor: User, procedure: Procedure, number: int | None) -> ProcedureRequest:
    """Record that ``actor`` has read and understood version ``number``: only the current
    version, and only when they were asked to confirm it. Confirming twice changes nothing."""
    request = live_request(actor, procedure.id)
    if request is None:
        raise DomainError({"": _l("You have not been asked to confirm this procedure.")})
    current = request.version.number
    if number is None:
        raise DomainError({"": _l("Say which version you have read.")})
    if number != current or number != procedure.current_number:
        raise DomainError(
            {
                "": _l(
                    "Version %(old)s has been replaced by version %(new)s. Read the new "
                    "version, then confirm it.",
                    old=number,
                    new=procedure.current_number,
                )
            }
        )
    if request.confirmed_at is None:
        request.confirmed_at = utcnow()
        audit.record("procedure_confirmed", procedure, after={"version": current}, actor=actor)
    return request


def notify_requests(version_id: int, user_ids: list[int]) -> int:
    """Tell these people to read and confirm the version (inbox and e-mail), skipping anyone
    already told about it (a job run twice tells nobody twice). Returns how many were told."""
    version = db.session.get(ProcedureVersion, version_id)
    if version is None:
        return 0
    url = procedure_url(version.procedure_id)
    told = set(
        db.session.scalars(
            select(Notification.user_id).where(
                Notification.user_id.in_(user_ids),
                Notification.kind == PUBLISHED_KIND,
                Notification.url == url,
                Notification.created_at >= version.published_at,
            )
        )
    )
    rows = db.session.execute(
        select(User.id, User.email, User.locale, User.active, ProcedureRequest.due_on)
        .join(ProcedureRequest, ProcedureRequest.user_id == User.id)
        .where(
            ProcedureRequest.version_id == version_id,
            ProcedureRequest.closed_at.is_(None),
            User.id.in_(user_ids),
        )
    )
    notes = [
        Note(
            Recipient(person_id, email, locale, active),
            PUBLISHED_KIND,
            url,
            {"title": version.title, "version": version.number, "deadline": due.isoformat()},
        )
        for person_id, email, locale, active, due in rows
        if person_id not in told
    ]
    notify_many(notes)
    return len(notes)
