"""Admin: teams."""

from functools import partial

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from forms.admin import TeamForm
from reviews.access import get_or_404
from reviews.models import Team
from reviews.services.people import teams as team_service

from .. import run
from . import bp, render_form


@bp.route("/teams")
def teams():
    return render_template("admin/teams.html", rows=team_service.team_rows())


def _save(form: TeamForm, team: Team | None) -> bool:
    change = partial(
        team_service.save_team,
        current_user,
        team,
        name=form.name.data,
        description=form.description.data or "",
        active=form.active.data,
    )
    return bool(run(change, form))


@bp.route("/teams/new", methods=["GET", "POST"])
def new_team():
    form = TeamForm()
    if form.validate_on_submit() and _save(form, None):
        flash(_("The team %(name)s was added.", name=form.name.data.strip()), "success")
        return redirect(url_for("admin.teams"))
    return render_form("admin/team_form.html", form, team=None)


@bp.route("/teams/<int:team_id>/edit", methods=["GET", "POST"])
def edit_team(team_id: int):
    team = get_or_404(Team, team_id)
    form = TeamForm(obj=team)
    if form.validate_on_submit() and _save(form, team):
        flash(_("The team %(name)s was saved.", name=team.name), "success")
        return redirect(url_for("admin.teams"))
    return render_form("admin/team_form.html", form, team=team)
