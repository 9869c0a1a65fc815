"""The one way an action item's status changes. Whoever changes it — its owner from a list,
the manager in the assessment, the carry-over when a cycle opens — goes through
``set_status``: it checks who may, which moves are allowed, keeps ``done_at``, writes the
audit trail, and puts a training item marked done on the person's training record once the
person sees the item (``training.records.record_from_action``; a review's draft items are
recorded when it is shared), taking an untouched record off again when the item is no
longer done.

A review form changes a status only where its select was changed from the status the form
was rendered with (``set_status_from_form``): a form opened before the person marked the
item done from their list does not put it back."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from extensions import db
from reviews import access
from reviews.models import ActionItem, AuditEvent, User, utcnow
from reviews.models.reviews import ActionStatus
from reviews.services import DomainError, audit
from reviews.services.training.records import drop_record_of_action, record_from_action

# Between the four statuses a person chooses, any move is allowed (a done item that turns out
# unfinished is reopened; a dropped one taken up again). CARRIED is final, and set only by
# the carry-over: the item lives on in its copy in the next review.
CHOSEN = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.DROPPED)
LIVE = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)  # still to be done: reminded, carried
CLOSED = (ActionStatus.DONE, ActionStatus.DROPPED, ActionStatus.CARRIED)


def set_status(actor: User | None, item: ActionItem, status: str, *, carry: bool = False) -> bool:
    """Move ``item`` to ``status`` as ``actor``. Returns whether anything changed.

    ``carry`` is for the carry-over alone (``reviews.services.actions.carry``): it sets
    CARRIED as the system or as the manager following up, whoever the actor is."""
    if item.status == status:
        return False
    if carry:
        if status != ActionStatus.CARRIED or item.status not in LIVE:
            raise DomainError({"": _l("Only an open item can be carried over.")})
    else:
        if actor is None or not access.can_change_action_status(actor, item):
            raise DomainError({"": _l("You cannot change the status of this action item.")})
        if status not in CHOSEN:
            raise DomainError({"status": _l("Choose a status from the list.")})
    before = item.status
    item.status = status
    item.done_at = utcnow() if status == ActionStatus.DONE else None
    if item.id is None:
        db.session.flush()  # a new item of a review form: the audit trail names its id
    audit.record(
        "action_status_changed",
        item,
        {"status": before},
        {"status": status, "description": item.description},
        actor=actor,
    )
    if status == ActionStatus.DONE:
        record_from_action(actor, item)  # a training done goes on the person's training record
    elif before == ActionStatus.DONE:
        drop_record_of_action(actor, item)  # unless someone has worked on the record since
    return True


def _last_changed_by(item: ActionItem) -> int | None:
    """Who last changed ``item``'s status (its audit trail); None: nobody, or the system."""
    query = (
        select(AuditEvent.actor_id)
        .where(
            AuditEvent.object_type == ActionItem.__tablename__,
            AuditEvent.object_id == item.id,
            AuditEvent.action == "action_status_changed",
        )
        .order_by(AuditEvent.id.desc())
        .limit(1)
    )
    return db.session.scalar(query)


def set_status_from_form(actor: User, item: ActionItem, status: str, shown: str | None) -> bool:
    """A status chosen on a review form that was rendered with ``shown`` (None: not known, so
    ``status`` is taken as chosen). An unchanged select changes nothing — the status may have
    moved since the form was opened, from a list — unless ``actor`` made that move themselves
    (the form's own autosave, then the select put back)."""
    unchanged = item.id is not None and shown is not None and status == shown
    if unchanged and (item.status == status or _last_changed_by(item) != actor.id):
        return False
    return set_status(actor, item, status)
