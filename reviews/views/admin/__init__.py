"""Administration (admin role): people, teams, framework, scale, cycles, audit log."""

from flask import Blueprint, render_template

from reviews.access import admin_required
from reviews.services import overview

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.before_request
@admin_required
def require_admin():
    """Every admin route needs the admin role (403 otherwise)."""


@bp.route("/")
def index():
    return render_template("admin/index.html", summary=overview.admin_summary())


from . import people  # noqa: E402,F401  (routes register on ``bp``)
