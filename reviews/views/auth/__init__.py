"""Sign-in and the person's own account: sign in, password, language (``pages``), sign out
(``actions``) and the limits of a signed-in session (``sessions``)."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from . import actions, links, notifications, pages, sessions  # noqa: E402,F401  (routes register on bp)
