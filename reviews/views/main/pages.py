"""The role-aware home page and the health check."""

from flask import jsonify, render_template
from flask_login import current_user, login_required
from sqlalchemy import text

from extensions import db
from reviews.services import overview
from reviews.services.actions import lists as action_lists
from reviews.services.procedures import queries as procedures

from . import bp


@bp.route("/")
@login_required
def home():
    user = current_user
    cycle = overview.latest_cycle()
    context = {
        "cycle": cycle,
        "my_reviews": overview.my_reviews(user),
        "my_ideas": overview.my_ideas(user),
        "todos": overview.todos(user, cycle),
        "procedures_waiting": procedures.waiting(user),
        "overdue_actions": action_lists.my_overdue(user),
    }
    if user.has_role("manager"):
        context["team"] = overview.my_team(user, cycle)
        context["ideas_waiting"] = overview.team_ideas_waiting(user)
    if user.has_role("leadership"):
        context["org"] = overview.org_summary(cycle)
    if user.has_role("admin"):
        context["admin"] = overview.admin_summary()
    return render_template("main/home.html", **context)


@bp.route("/healthz")
def healthz():
    """200 with a small JSON body when the database answers; 503 when it does not."""
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:  # any driver error means "not healthy"
        db.session.rollback()
        return jsonify(status="error", database="unreachable"), 503
    return jsonify(status="ok", database="ok")
