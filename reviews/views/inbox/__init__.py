"""The in-app inbox of notifications: the list and the header's badge (``pages``), marking
them read (``actions``)."""

from flask import Blueprint

bp = Blueprint("inbox", __name__, url_prefix="/inbox")

from . import actions, pages  # noqa: E402,F401  (routes register on bp)
