"""Cycles: the list and a cycle's reviews with their step and deadlines (``pages``), and the
admin's open / add people / close buttons (``actions``)."""

from flask import Blueprint

bp = Blueprint("cycles", __name__, url_prefix="/cycles")

from . import actions, pages  # noqa: E402,F401  (routes register on bp)
