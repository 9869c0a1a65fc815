"""Changing what was agreed: an action item's description and due date, by the review's
manager (or an admin) from the lists, between the reviews. Audited."""

from datetime import date

from flask_babel import lazy_gettext as _l

from reviews import access
from reviews.models import ActionItem, User
from reviews.services import DomainError, audit

DESCRIPTION_MAX = 500


def edit_item(actor: User, item: ActionItem, *, description: str, due_on: date | None) -> bool:
    """Returns whether anything changed. A moved due date may be reminded of again."""
    if not access.can_edit_action_item(actor, item):
        raise DomainError({"": _l("You cannot change this action item.")})
    description = (description or "").strip()
    if not description:
        raise DomainError({"description": _l("Describe the action.")})
    if len(description) > DESCRIPTION_MAX:
        raise DomainError(
            {"description": _l("Keep this under %(max)d characters.", max=DESCRIPTION_MAX)}
        )
    before = {"description": item.description, "due_on": str(item.due_on or "")}
    after = {"description": description, "due_on": str(due_on or "")}
    old, new = audit.changes(before, after)
    if not new:
        return False
    if item.due_on != due_on:
        item.reminded_soon_at = item.reminded_overdue_at = None
    item.description, item.due_on = description, due_on
    audit.record("action_item_edited", item, old, new, actor=actor)
    return True
