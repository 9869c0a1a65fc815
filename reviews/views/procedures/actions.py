"""Buttons that change a procedure: "I have read and understood" and archive. POST only,
each with a CSRF token."""

from functools import partial

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forms.procedures import ConfirmForm
from reviews import access
from reviews.services.procedures import editing, reading

from .. import confirm, require_button, run
from . import bp


def _back(procedure):
    return redirect(url_for("procedures.show", procedure_id=procedure.id))


@bp.route("/<int:procedure_id>/confirm", methods=["POST"])
@login_required
def confirm_read(procedure_id: int):
    """Confirm the version named in the form; only someone asked to confirm it may."""
    procedure = access.get_procedure_or_404(current_user, procedure_id)
    if reading.live_request(current_user, procedure.id) is None:
        abort(403)
    form = ConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    done = run(partial(reading.confirm, current_user, procedure, form.version.data))
    if done:
        flash(
            _(
                "Thank you. Your confirmation of version %(num)d is recorded.",
                num=form.version.data,
            ),
            "success",
        )
    return _back(procedure)


@bp.route("/<int:procedure_id>/archive", methods=["POST"])
@login_required
def archive(procedure_id: int):
    procedure = access.get_procedure_or_404(current_user, procedure_id, edit=True)
    require_button()
    back = url_for("procedures.show", procedure_id=procedure.id)
    question = confirm.archive_procedure(procedure)
    if page := confirm.ask_first(question, _("Archive"), back, danger=True):
        return page
    if run(partial(editing.archive, current_user, procedure)):
        flash(_("Archived. Nobody is asked to confirm it any more."), "info")
    return _back(procedure)
