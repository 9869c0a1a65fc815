"""Sign-in and the person's own account: sign in, password, language (``pages``) and sign
out (``actions``)."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from . import actions, pages  # noqa: E402,F401  (routes register on bp)
