"""The lists of action items. Each row's status can be changed in place by those it concerns
(a POST form per row, which works without JavaScript)."""

from flask import abort, render_template, request
from flask_login import current_user, login_required

from forms.actions import filter_form
from reviews import access
from reviews.access import role_required
from reviews.services.actions import lists

from . import action_table, bp


def _filters(form) -> lists.ListFilters:
    return lists.ListFilters(
        status=form.status.data or lists.LIVE_FILTER,
        person_id=form.person.data,
        overdue=bool(form.overdue.data),
    )


def _render(template: str, items, form, **context):
    return render_template(template, table=action_table(items), form=form, **context)


@bp.route("/")
@login_required
def mine():
    form = filter_form(request.args)
    items = lists.my_items(current_user, _filters(form))
    return _render("actions/mine.html", items, form)


@bp.route("/staff")
@role_required("manager", "leadership", "admin")
def staff():
    people = lists.current_staff(current_user)
    form = filter_form(request.args, people=people)
    items = lists.staff_items(current_user, _filters(form))
    return _render("actions/staff.html", items, form, people=people)


@bp.route("/team")
@role_required("manager", "leadership", "admin")
def team():
    scope = access.action_team_scope(current_user)
    teams = lists.teams_to_choose(scope)
    wanted = request.args.get("team", type=int)
    if wanted is not None and scope is not None and wanted not in scope:
        raise access.Denied()
    form = filter_form(request.args, teams=teams)
    chosen = next((t for t in teams if t.id == wanted), None)
    if wanted is not None and chosen is None:
        abort(404)
    chosen = chosen or (teams[0] if teams else None)
    if chosen is not None:
        form.team.data = chosen.id
    items = lists.team_items(current_user, chosen.id, _filters(form)) if chosen else []
    return _render("actions/team.html", items, form, teams=teams, chosen=chosen)
