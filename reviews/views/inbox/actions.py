"""Marking notifications read (POSTs with a CSRF token)."""

from flask import redirect, url_for
from flask_login import current_user, login_required

from extensions import db
from forms import EmptyForm
from reviews.services.notifications import inbox as notify

from .. import safe_next
from . import bp


@bp.route("/<int:note_id>/open", methods=["POST"])
@login_required
def open_note(note_id: int):
    """Mark one notification read and follow its link (only within this site)."""
    form = EmptyForm()
    target = url_for("inbox.index")
    if form.validate_on_submit():
        note = notify.get(current_user, note_id)
        notify.mark_read(current_user, note_id)
        db.session.commit()
        if note is not None and note.url:
            target = safe_next(note.url)
    return redirect(target)


@bp.route("/read-all", methods=["POST"])
@login_required
def read_all():
    if EmptyForm().validate_on_submit():
        notify.mark_read(current_user)
        db.session.commit()
    return redirect(url_for("inbox.index"))
