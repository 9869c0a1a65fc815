"""The role-aware home page and the health check (``pages``; nothing here changes data)."""

from flask import Blueprint

bp = Blueprint("main", __name__)

from . import pages  # noqa: E402,F401  (routes register on bp)
