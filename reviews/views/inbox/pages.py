"""The in-app inbox of notifications."""

from flask import render_template
from flask_login import current_user, login_required

from forms import EmptyForm
from reviews.services.notifications import inbox as notify

from . import bp


@bp.route("/")
@login_required
def index():
    notes = notify.inbox(current_user)
    return render_template("inbox/index.html", notes=notes, render=notify.render, form=EmptyForm())


@bp.app_context_processor
def unread_badge() -> dict:
    """Every page's context: the number of unread notifications for the header."""
    if not current_user.is_authenticated:
        return {}
    return {"unread_notifications": notify.unread_count(current_user)}
