"""Action items between the reviews: a person's own list, a manager's list of their staff's
items, a team's list (``pages``); the inline status change and the edit of what was agreed
(``actions``). ``action_table`` is what a table of items shows, row by row, for the reader —
the lists and a review's page (a template global) use it."""

from dataclasses import dataclass
from datetime import date

from flask import Blueprint, request
from flask_login import current_user

from extensions import db
from forms.actions import StatusForm
from reviews import access
from reviews.models import ActionItem, Review
from reviews.services.actions import lists

bp = Blueprint("actions", __name__, url_prefix="/actions")


@dataclass(frozen=True)
class ActionRow:
    item: ActionItem
    overdue: bool  # due and still to do
    can_update: bool  # the reader may change its status in place
    can_edit: bool  # the reader may change what was agreed
    opens_review: bool  # the reader may open the review it is from


@dataclass(frozen=True)
class ActionTable:
    rows: list[ActionRow]
    status_form: StatusForm  # the inline status change (its choices, its CSRF token)
    here: str  # the page to come back to after a change


@bp.app_template_global("action_table")
def action_table(items, today: date | None = None, review_links: bool = True) -> ActionTable:
    """``items`` as the current user's table: overdue, what they may change, and (with
    ``review_links``) which reviews they may open, in one statement for the whole table."""
    user, today = current_user, today or date.today()
    items = list(items)
    opens: set[int] = set()
    if review_links and items:
        ids = {i.review_id for i in items}
        query = access.visible_reviews(user).where(Review.id.in_(ids))
        opens = set(db.session.scalars(query.with_only_columns(Review.id)))
    rows = [
        ActionRow(
            item=item,
            overdue=lists.is_overdue(item, today),
            can_update=access.can_change_action_status(user, item),
            can_edit=access.can_edit_action_item(user, item),
            opens_review=item.review_id in opens,
        )
        for item in items
    ]
    return ActionTable(rows, StatusForm(), request.full_path.rstrip("?"))


from . import actions, pages  # noqa: E402,F401  (routes register on bp)
