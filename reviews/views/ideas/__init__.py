"""Ideas: the list, "my ideas", submit, an idea's page, the anonymous follow page, triage,
recognition and the CSV export (``pages``); support, comments and moves (``actions``); the
anonymous author's private link (``follow``)."""

from flask import Blueprint
from flask_login import current_user

from reviews import access

bp = Blueprint("ideas", __name__, url_prefix="/ideas")


@bp.context_processor
def idea_tabs() -> dict:
    """The ideas pages' tabs show Triage to those who triage."""
    if not current_user.is_authenticated:
        return {}
    return {"shows_triage": access.can_triage(current_user)}


from . import actions, pages  # noqa: E402,F401  (routes register on bp)
