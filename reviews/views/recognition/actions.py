"""Buttons that change a recognition or the person's feed choice: all POST, with a CSRF
token; removing asks first."""

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forms.recognition import FeedForm
from reviews import access
from reviews.services.recognition import moderation

from .. import confirm, require_button, run, safe_next
from . import bp


def _back(default: str):
    return redirect(safe_next(request.form.get("next") or url_for(default)))


@bp.route("/<int:recognition_id>/hide", methods=["POST"])
@login_required
def hide(recognition_id: int):
    """The recipient hides a recognition from everyone else, or shows it again."""
    recognition = access.get_recognition_or_404(current_user, recognition_id)
    if not access.can_hide_recognition(current_user, recognition):
        abort(403)
    require_button()
    hidden = request.form.get("hidden") != "0"
    if run(lambda: moderation.set_hidden(current_user, recognition, hidden)):
        if hidden:
            flash(
                _(
                    "Hidden. Now only you, the colleague who gave it and administrators can see"
                    " it. It still counts in the recognition chart's team figures."
                ),
                "info",
            )
        else:
            flash(_("Shown again to your manager and in the places you chose."), "success")
    return _back("recognition.index")


@bp.route("/<int:recognition_id>/remove", methods=["POST"])
@login_required
def remove(recognition_id: int):
    """The recipient's manager or an admin removes one that is not appropriate."""
    recognition = access.get_recognition_or_404(current_user, recognition_id)
    if not access.can_remove_recognition(current_user, recognition):
        abort(403)
    require_button()
    back = safe_next(request.form.get("next") or url_for("recognition.reports"))
    if page := confirm.ask_first(
        confirm.remove_recognition(recognition), _("Remove"), back, danger=True
    ):
        return page
    if run(lambda: moderation.remove(current_user, recognition)):
        flash(_("Removed. The colleague who gave it has been told."), "success")
    return redirect(back)


@bp.route("/feed-setting", methods=["POST"])
@login_required
def feed_setting():
    form = FeedForm()
    if not form.validate_on_submit():
        abort(400)
    shown = bool(form.in_team_feed.data)
    if run(lambda: moderation.set_team_feed(current_user, shown)):
        if shown:
            flash(_("Your recognitions now appear in your team's feed."), "success")
        else:
            flash(_("Your recognitions no longer appear in your team's feed."), "info")
    return redirect(url_for("recognition.index"))
