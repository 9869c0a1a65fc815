"""Procedures: the library and what is new for the person, a procedure's page, writing and
publishing (``pages``); confirming and archiving (``actions``)."""

from flask import Blueprint

bp = Blueprint("procedures", __name__, url_prefix="/procedures")

from . import actions, pages  # noqa: E402,F401  (routes register on bp)
