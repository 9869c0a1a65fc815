"""Admin: people in and out by CSV file — the export, the upload, its preview (or its
errors), and the import itself. Any admin may see and apply any import."""

from datetime import date

from flask import Response, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from extensions import db
from forms import EmptyForm
from forms.admin import PeopleImportForm
from reviews.access import get_or_404
from reviews.models import PeopleImport
from reviews.services import audit
from reviews.services.people import csv_people, importing
from reviews.services.people.import_check import reason

from .. import confirm, require_button, run
from . import bp, render_form


@bp.route("/people/export.csv")
def export_people():
    """Every active person as CSV, in the import's format (the download is audited)."""
    content = importing.export_csv()
    rows = content.count("\r\n") - 1
    audit.record("people_exported", "users", after={"rows": rows}, actor=current_user)
    db.session.commit()
    name = f"rapport-people-{date.today().isoformat()}.csv"
    return Response(
        content,
        mimetype="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@bp.route("/people/import", methods=["GET", "POST"])
def import_people():
    form = PeopleImportForm()
    if form.validate_on_submit():
        upload = form.file.data
        done = run(
            lambda: importing.start(current_user, _file_name(upload.filename), upload.read()),
            form,
        )
        if done:
            if not importing.in_background(done.value.rows):
                importing.process(db.session, done.value.id)
            return redirect(url_for("admin.people_import", import_id=done.value.id))
    return render_form(
        "admin/people_import_form.html",
        form,
        header=",".join(csv_people.HEADER),
        max_rows=csv_people.MAX_ROWS,
        imports=importing.recent(),
    )


def _file_name(given: str | None) -> str:
    """The uploaded file's own name, without the folders some browsers send."""
    return (given or "").replace("\\", "/").rsplit("/", 1)[-1] or "people.csv"


@bp.route("/people/imports/<int:import_id>")
def people_import(import_id: int):
    """An import's progress, then its preview, its errors or what it did."""
    item = get_or_404(PeopleImport, import_id)
    return render_template(
        "admin/people_import.html",
        item=item,
        result=item.result or {},
        counts=_counts(item),
        reason=reason,
        button_form=EmptyForm(),
        question=_question(item),
    )


def _counts(item: PeopleImport) -> dict[str, int]:
    counts = {"created": 0, "changed": 0, "unchanged": 0, "errors": 0}
    return counts | (item.result or {}).get("counts", {})


def _question(item: PeopleImport) -> str:
    counts = _counts(item)
    return confirm.import_people(counts["created"], counts["changed"])


@bp.route("/people/imports/<int:import_id>/apply", methods=["POST"])
def apply_people_import(import_id: int):
    """The irreversible step: asks first, then applies the stored file all or nothing."""
    item = get_or_404(PeopleImport, import_id)
    require_button()
    back = url_for("admin.people_import", import_id=item.id)
    if page := confirm.ask_first(_question(item), _("Import"), back):
        return page
    if run(lambda: importing.ask_apply(current_user, item)):
        if not importing.in_background(item.rows):
            importing.process(db.session, item.id)
        flash_outcome(db.session.get(PeopleImport, import_id))
    return redirect(back)


def flash_outcome(item: PeopleImport) -> None:
    """Say at once what an import done in the request did."""
    if item.status == "failed":
        flash(_("Nothing was imported: %(reason)s", reason=item.error), "error")
    elif (item.result or {}).get("applied"):
        flash(_("The people in the file were imported."), "success")
