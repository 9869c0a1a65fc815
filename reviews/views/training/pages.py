"""The training pages: my history (with my staff's, for a manager), someone's history, and
the form to add or correct a record."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forms import EmptyForm
from forms.training import training_form
from reviews import access
from reviews.services.reviews.framework import active_competencies
from reviews.services.training import queries, records

from .. import form_status, run
from . import bp


def render_history(person, status: int = 200):
    items = queries.history(person.id)
    own = person.id == current_user.id
    page = render_template(
        "training/history.html",
        person=person,
        own=own,
        records=items,
        totals=queries.totals(items),
        staff=queries.staff_overview(current_user) if own else [],
        can_record=access.can_record_training(current_user, person),
        button=EmptyForm(),
    )
    return page, status


@bp.route("/")
@login_required
def mine():
    return render_history(current_user)


@bp.route("/people/<int:user_id>")
@login_required
def person(user_id: int):
    return render_history(access.get_trainee_or_404(current_user, user_id))


def _back_to(person) -> str:
    if person.id == current_user.id:
        return url_for("training.mine")
    return url_for("training.person", user_id=person.id)


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new():
    people = queries.recordable_people(current_user)
    chosen = request.args.get("person", type=int) or current_user.id
    form = training_form(active_competencies(), people=people, chosen=chosen)
    if form.validate_on_submit():
        person = next((p for p in people if p.id == form.person.data), None)
        if person is None:
            abort(404)
        done = run(lambda: records.record_training(current_user, person, form.data_in()), form)
        if done:
            flash(_("The training is recorded."), "success")
            return redirect(_back_to(person) + f"#training-{done.value.id}")
    return render_template("training/form.html", form=form, record=None), form_status(form)


@bp.route("/<int:record_id>/edit", methods=["GET", "POST"])
@login_required
def edit(record_id: int):
    record = access.get_training_or_404(current_user, record_id)
    if not access.can_record_training(current_user, record.person):
        abort(403)
    form = training_form(active_competencies(), record=record)
    if form.validate_on_submit():
        done = run(lambda: records.update_training(current_user, record, form.data_in()), form)
        if done:
            flash(_("The training is saved."), "success")
            return redirect(_back_to(record.person) + f"#training-{record.id}")
    page = render_template("training/form.html", form=form, record=record, button=EmptyForm())
    return page, form_status(form)
