"""Admin: review cycles — the list, creation (which snapshots the framework) and edits.
Opening and closing a cycle happen elsewhere; a closed cycle is shown read-only."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from forms.admin import CycleForm
from reviews.access import get_or_404
from reviews.models import Cycle
from reviews.services.cycles import setup as cycle_service

from .. import run
from . import bp, render_form

FIELDS = ("name", "period_start", "period_end", "self_deadline", "review_deadline")


@bp.route("/cycles")
def cycles():
    return render_template("admin/cycles.html", rows=cycle_service.cycle_rows())


def _save(form: CycleForm, cycle: Cycle | None) -> bool:
    fields = {name: getattr(form, name).data for name in FIELDS}
    fields["show_self_to_manager"] = form.show_self_to_manager.data
    return bool(run(lambda: cycle_service.save_cycle(current_user, cycle, **fields), form))


@bp.route("/cycles/new", methods=["GET", "POST"])
def new_cycle():
    form = CycleForm()
    if form.validate_on_submit() and _save(form, None):
        flash(
            _(
                "The cycle %(name)s was created with the current framework and scale.",
                name=form.name.data.strip(),
            ),
            "success",
        )
        return redirect(url_for("admin.cycles"))
    return render_form("admin/cycle_form.html", form, cycle=None)


@bp.route("/cycles/<int:cycle_id>/edit", methods=["GET", "POST"])
def edit_cycle(cycle_id: int):
    cycle = get_or_404(Cycle, cycle_id)
    if cycle.status == "closed":
        status = 400 if request.method == "POST" else 200
        return render_template(
            "admin/cycle_closed.html", cycle=cycle, refused=status == 400
        ), status
    form = CycleForm(obj=cycle)
    if form.validate_on_submit() and _save(form, cycle):
        flash(_("The cycle %(name)s was saved.", name=cycle.name), "success")
        return redirect(url_for("admin.cycles"))
    return render_form("admin/cycle_form.html", form, cycle=cycle)
