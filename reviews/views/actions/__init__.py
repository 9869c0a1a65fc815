"""Action items between the reviews: a person's own list, a manager's list of their staff's
items, a team's list (``pages``); the inline status change and the edit of what was agreed
(``actions``)."""

from flask import Blueprint

bp = Blueprint("actions", __name__, url_prefix="/actions")

from . import actions, pages  # noqa: E402,F401  (routes register on bp)
