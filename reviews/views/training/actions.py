"""Deleting a training record: a POST with its CSRF token that asks first."""

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from reviews import access
from reviews.services.training import records

from .. import confirm, require_button, run
from . import bp


@bp.route("/<int:record_id>/delete", methods=["POST"])
@login_required
def delete(record_id: int):
    record = access.get_training_or_404(current_user, record_id)
    if not access.can_record_training(current_user, record.person):
        abort(403)
    require_button()
    person = record.person
    back = url_for("training.edit", record_id=record.id)
    question = confirm.delete_training(record)
    if page := confirm.ask_first(question, _("Delete"), back, danger=True):
        return page
    if run(lambda: records.delete_training(current_user, record)):
        flash(_("The training record is deleted."), "success")
    if person.id == current_user.id:
        return redirect(url_for("training.mine"))
    return redirect(url_for("training.person", user_id=person.id))
