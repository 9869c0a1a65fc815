"""Administration (admin role): people, teams, framework, scale, cycles, audit log, e-mail,
data rights."""

from flask import Blueprint, render_template, request

from reviews.access import admin_required
from reviews.services import overview

bp = Blueprint("admin", __name__, url_prefix="/admin")

PER_PAGE = 50


@bp.before_request
@admin_required
def require_admin():
    """Every admin route needs the admin role (403 otherwise)."""


@bp.route("/")
def index():
    return render_template("admin/index.html", summary=overview.admin_summary())


def render_form(template: str, form, **context):
    """Render a form page: 400 when the submitted form has errors, so nothing looks saved."""
    status = 400 if request.method == "POST" and form.errors else 200
    return render_template(template, form=form, **context), status


from . import (  # noqa: E402,F401  (routes register on bp)
    audit,
    cycles,
    framework,
    invitations,
    mail,
    people,
    people_import,
    rights,
    teams,
)
