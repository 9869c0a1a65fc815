"""Admin: each person's data rights — the export of their data, the retention period, the
departed people past it, and the erasure of one of them (dry run first, then asked)."""

from datetime import date

from flask import Response, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from extensions import db
from forms.rights import ErasureForm, RetentionForm
from reports.filenames import dated
from reviews.access import get_or_404
from reviews.models import User
from reviews.services import DomainError
from reviews.services.rights import erasure, export, retention
from reviews.services.rights.kinds import KINDS, TABLE_LABELS

from .. import apply_domain_errors, confirm, run
from . import bp, render_form


@bp.route("/data-rights", methods=["GET", "POST"])
def data_rights():
    form = RetentionForm(data={"months": retention.months()})
    if form.validate_on_submit() and run(
        lambda: retention.set_months(current_user, form.months.data), form
    ):
        flash(_("The retention period was saved."), "success")
        return redirect(url_for("admin.data_rights"))
    return render_form("admin/data_rights.html", form, departed=retention.departed())


@bp.route("/people/<int:user_id>/export.zip")
def export_person(user_id: int):
    """Everything held about the person, as a ZIP; the download is audited."""
    person = get_or_404(User, user_id)
    content = export.build_zip(current_user, person, date.today())
    db.session.commit()
    name = dated(f"person-{person.id}-data", date.today(), "zip")
    return Response(
        content,
        mimetype="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _refusal(person: User) -> str | None:
    """Why this person cannot be erased at all now, or None (the retention box aside)."""
    try:
        erasure.check(current_user, person, asked_now=True)
    except DomainError as error:
        return str(next(iter(error.errors.values())))
    return None


def _allowed(person: User, form: ErasureForm) -> bool:
    """Whether the rules allow it (asked before the confirmation, so no one says yes to a
    refusal); the reasons go on the form."""
    try:
        erasure.check(current_user, person, form.asked_now.data)
    except DomainError as error:
        apply_domain_errors(form, error)
        return False
    return True


@bp.route("/people/<int:user_id>/erase", methods=["GET", "POST"])
def erase_person(user_id: int):
    person = get_or_404(User, user_id)
    form = ErasureForm()
    back = url_for("admin.erase_person", user_id=person.id)
    refusal = _refusal(person)
    if refusal is None and form.validate_on_submit() and _allowed(person, form):
        mode = erasure.ErasureMode(form.mode.data)
        if page := confirm.ask_first(confirm.erase_person(person, mode), _("Erase"), back, True):
            return page
        if run(lambda: erasure.erase(current_user, person, mode, form.asked_now.data), form):
            flash(_("The person's data was erased. This cannot be undone."), "success")
            return redirect(url_for("admin.data_rights"))
    plans = erasure.plans(person)
    return render_form(
        "admin/erase.html",
        form,
        person=person,
        refusal=refusal,
        retention_end=retention.retention_end(person),
        plans=plans,
        pseudonym=erasure.pseudonym(person)[0],
        kinds=KINDS,
        table_labels=TABLE_LABELS,
    )
