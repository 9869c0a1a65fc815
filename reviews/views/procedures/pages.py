"""The procedures' pages: the library, a procedure, writing and publishing, a team's
confirmations."""

from datetime import date
from functools import partial

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required
from sqlalchemy import select

from extensions import db
from forms import EmptyForm
from forms.procedures import ConfirmForm, PublishForm, procedure_form
from reviews import access
from reviews.labels import PROCEDURE_STATUS_LABELS
from reviews.models import Team, User
from reviews.services.procedures import editing, markdown, queries, reading

from .. import confirm, form_status, run
from . import bp


@bp.route("/")
@login_required
def index():
    user = current_user
    return render_template(
        "procedures/index.html",
        waiting=queries.waiting(user),
        library=queries.library(user),
        written=queries.written_by(user) if access.can_write_procedures(user) else [],
        can_write=access.can_write_procedures(user),
        teams=queries.status_teams(user),
        labels=PROCEDURE_STATUS_LABELS,
        today=date.today(),
    )


def _people() -> list[User]:
    return list(db.session.scalars(select(User).where(User.active.is_(True)).order_by(User.name)))


def _teams() -> list[Team]:
    scope = access.procedure_teams_for(current_user)
    query = select(Team).where(Team.active.is_(True)).order_by(Team.name)
    if scope is not None:
        query = query.where(Team.id.in_(scope or {0}))
    return list(db.session.scalars(query))


def _chosen_teams(form) -> list[Team]:
    ids = [i for i in (form.teams.data or []) if isinstance(i, int)]
    return list(db.session.scalars(select(Team).where(Team.id.in_(ids)))) if ids else []


def _save(procedure, form):
    owner = db.session.get(User, form.owner.data) if form.owner.data else None
    return partial(
        editing.save_procedure,
        current_user,
        procedure,
        title=form.title.data,
        body=form.body.data,
        owner=owner,
        teams=_chosen_teams(form),
    )


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new():
    if not access.can_write_procedures(current_user):
        abort(403)
    form = procedure_form(_people(), _teams())
    if not form.is_submitted():
        form.owner.data = current_user.id
    if form.validate_on_submit() and (done := run(_save(None, form), form)):
        flash(_("Draft saved. Publish it when it is ready to be read."), "success")
        return redirect(url_for("procedures.show", procedure_id=done.value.id))
    return render_template("procedures/edit.html", form=form, procedure=None), form_status(form)


@bp.route("/<int:procedure_id>/edit", methods=["GET", "POST"])
@login_required
def edit(procedure_id: int):
    procedure = access.get_procedure_or_404(current_user, procedure_id, edit=True)
    data = {"title": procedure.title, "body": procedure.body, "owner": procedure.owner_id}
    form = procedure_form(_people(), _teams(), data=data)
    if not form.is_submitted():
        form.teams.data = [t.id for t in procedure.teams]
    if form.validate_on_submit() and run(_save(procedure, form), form):
        flash(_("Saved. Nobody is asked to read it again until you publish."), "success")
        return redirect(url_for("procedures.show", procedure_id=procedure.id))
    return render_template("procedures/edit.html", form=form, procedure=procedure), form_status(
        form
    )


@bp.route("/<int:procedure_id>")
@login_required
def show(procedure_id: int):
    procedure = access.get_procedure_or_404(current_user, procedure_id)
    return render_procedure(procedure)


def render_procedure(procedure, status: int = 200):
    user = current_user
    current = procedure.current
    can_edit = access.can_edit_procedure(user, procedure)
    request = reading.live_request(user, procedure.id)
    changed = current is not None and (current.title, current.body) != (
        procedure.title,
        procedure.body,
    )
    return render_template(
        "procedures/show.html",
        procedure=procedure,
        current=current,
        body=markdown.render(current.body if current else procedure.body),
        draft=markdown.render(procedure.body) if can_edit and changed else None,
        request=request,
        confirm_form=ConfirmForm(version=current.number if current else None),
        button=EmptyForm(),
        can_edit=can_edit,
        confirmations=queries.confirmations(user, procedure) if current else None,
        labels=PROCEDURE_STATUS_LABELS,
        today=date.today(),
        archive_question=confirm.archive_procedure(procedure),
    ), status


@bp.route("/<int:procedure_id>/publish", methods=["GET", "POST"])
@login_required
def publish(procedure_id: int):
    procedure = access.get_procedure_or_404(current_user, procedure_id, edit=True)
    form = PublishForm()
    if not form.is_submitted():
        form.due_on.data = editing.default_due()
    count = queries.asked_count(procedure)
    if form.validate_on_submit():
        back = url_for("procedures.publish", procedure_id=procedure.id)
        question = confirm.publish_procedure(count, form.due_on.data)
        if page := confirm.ask_first(question, _("Publish and ask them"), back):
            return page
        change = partial(
            editing.publish,
            current_user,
            procedure,
            change_note=form.change_note.data,
            due_on=form.due_on.data,
        )
        if done := run(change, form):
            _version, asked = done.value
            flash(
                ngettext(
                    "Published. %(num)d person is asked to read and confirm it.",
                    "Published. %(num)d people are asked to read and confirm it.",
                    asked,
                ),
                "success",
            )
            return redirect(url_for("procedures.show", procedure_id=procedure.id))
    return render_template(
        "procedures/publish.html",
        form=form,
        procedure=procedure,
        count=count,
        draft=markdown.render(procedure.body),
    ), form_status(form)


@bp.route("/teams/<int:team_id>")
@login_required
def team(team_id: int):
    chosen = access.get_status_team_or_404(current_user, team_id)
    return render_template(
        "procedures/team.html",
        team=chosen,
        rows=queries.team_status(current_user, chosen),
        teams=queries.status_teams(current_user),
        today=date.today(),
    )
