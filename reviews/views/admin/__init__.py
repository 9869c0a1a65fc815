"""Administration (admin role): people, teams, framework, scale, cycles, audit log."""

from collections.abc import Callable

from flask import Blueprint, render_template, request

from extensions import db
from reviews.access import admin_required
from reviews.services import DomainError, overview

from .. import apply_domain_errors

bp = Blueprint("admin", __name__, url_prefix="/admin")

PER_PAGE = 50


@bp.before_request
@admin_required
def require_admin():
    """Every admin route needs the admin role (403 otherwise)."""


@bp.route("/")
def index():
    return render_template("admin/index.html", summary=overview.admin_summary())


def commit_or_show_errors(form, change: Callable[[], object]) -> bool:
    """Run ``change`` (a service call) and commit; on a broken rule roll back and put the
    reasons on ``form``. True when the change was saved."""
    try:
        change()
    except DomainError as error:
        db.session.rollback()
        apply_domain_errors(form, error)
        return False
    db.session.commit()
    return True


def render_form(template: str, form, **context):
    """Render a form page: 400 when the submitted form has errors, so nothing looks saved."""
    status = 400 if request.method == "POST" and form.errors else 200
    return render_template(template, form=form, **context), status


def page_number() -> int:
    return max(request.args.get("page", 1, type=int), 1)


from . import audit, cycles, framework, people, teams  # noqa: E402,F401  (routes register on bp)
