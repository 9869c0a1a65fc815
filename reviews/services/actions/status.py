"""The one way an action item's status changes. Whoever changes it — its owner from a list,
the manager in the assessment, the carry-over when a cycle opens — goes through
``set_status``: it checks who may, which moves are allowed, keeps ``done_at``, writes the
audit trail, and puts a training item marked done on the person's training record."""

from flask_babel import lazy_gettext as _l

from extensions import db
from reviews import access
from reviews.models import ActionItem, User, utcnow
from reviews.models.reviews import ActionStatus
from reviews.services import DomainError, audit
from reviews.services.training.records import record_from_action

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
    return True
