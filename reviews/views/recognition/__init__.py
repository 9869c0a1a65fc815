"""Recognition: give one, what one received (with the team-feed choice), gave, the people
one manages (``pages``); hide, remove and the feed choice (``actions``)."""

from flask import Blueprint
from flask_login import current_user

from reviews import access

bp = Blueprint("recognition", __name__, url_prefix="/recognition")


@bp.context_processor
def recognition_tabs() -> dict:
    """The area's tabs show "People I manage" to those who manage someone."""
    if not current_user.is_authenticated:
        return {}
    return {"manages_anyone": access.manages_anyone(current_user)}


from . import actions, pages  # noqa: E402,F401  (routes register on bp)
