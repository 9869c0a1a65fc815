"""Admin: people — the list, create and edit, deactivation and reactivation."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_user

from extensions import db
from forms import EmptyForm
from forms.admin import PeopleFilterForm, PersonForm
from forms.fields import choice_list
from reviews.access import get_or_404
from reviews.models import Team, User
from reviews.services.notifications.outbox import mail_enabled
from reviews.services.people import accounts as people_service
from reviews.services.people import invitations
from reviews.services.people import teams as team_service

from .. import confirm, page_number, require_button, run
from . import PER_PAGE, bp, render_form


@bp.route("/people")
def people():
    filters = PeopleFilterForm(request.args)
    teams = [(t.id, t.name) for t in team_service.all_teams()]
    filters.team.choices = choice_list([("", _("All teams")), *teams])
    query = people_service.search_people(
        q=filters.q.data or "",
        team_id=filters.team.data if filters.team.data and not filters.team.errors else None,
        role=filters.role.data or "",
        status=filters.status.data or "",
    )
    page = db.paginate(query, page=page_number(), per_page=PER_PAGE, error_out=False)
    return render_template(
        "admin/people.html",
        filters=filters,
        page=page,
        managers=people_service.current_managers(page.items),
        invites=invitations.invitation_states([p.id for p in page.items]),
        uninvited=invitations.uninvited_count() if mail_enabled() else 0,
        button_form=EmptyForm(),
    )


def _person_form(person: User | None) -> PersonForm:
    """The person form with its team and manager choices (inactive current ones kept)."""
    manager = people_service.current_manager(person) if person else None
    data = None
    if person is not None and request.method == "GET":
        data = {"roles": sorted(person.roles), "manager_id": manager.id if manager else None}
    elif request.method == "GET":
        data = {"invite": mail_enabled()}  # no password to type when the e-mail can go
    form = PersonForm(obj=person, data=data, person_id=person.id if person else None)
    teams = team_service.active_teams(keep=person.team if person else None)
    form.team_id.choices = choice_list(
        [("", _("No team"))] + [(t.id, _team_label(t)) for t in teams]
    )
    candidates = people_service.manager_candidates(person)
    if manager is not None and not manager.active:
        candidates.append((manager.id, _("%(name)s (deactivated)", name=manager.name)))
    form.manager_id.choices = choice_list([("", _("No manager")), *candidates])
    return form


def _team_label(team: Team) -> str:
    return team.name if team.active else _("%(name)s (inactive)", name=team.name)


def _save_and_invite(form: PersonForm, person: User | None) -> User:
    saved = people_service.save_person(
        current_user, person, active=form.active.data, **_fields(form)
    )
    if person is None and form.invite.data:
        invitations.invite(current_user, saved)
    return saved


def _save(form: PersonForm, person: User | None) -> User | None:
    """Hand the form to the service (and invite a new person if asked); the saved person, or
    None with errors on the form."""
    done = run(lambda: _save_and_invite(form, person), form)
    return done.value if done else None


def _fields(form: PersonForm) -> dict:
    return {
        "email": form.email.data,
        "name": form.name.data,
        "job_title": form.job_title.data or "",
        "roles": set(form.roles.data),
        "team": db.session.get(Team, form.team_id.data) if form.team_id.data else None,
        "manager": db.session.get(User, form.manager_id.data) if form.manager_id.data else None,
        "locale": form.locale.data,
        "password": form.password.data or None,
    }


@bp.route("/people/new", methods=["GET", "POST"])
def new_person():
    form = _person_form(None)
    if form.validate_on_submit() and (person := _save(form, None)):
        if form.invite.data:
            flash(_("%(name)s was added and invited by e-mail.", name=person.name), "success")
        elif person.password_hash is None:
            flash(
                _("%(name)s was added. They can sign in once a password is set.", name=person.name),
                "success",
            )
        else:
            flash(_("%(name)s was added.", name=person.name), "success")
        return redirect(url_for("admin.people"))
    return render_form("admin/person_form.html", form, person=None, mail=mail_enabled())


@bp.route("/people/<int:user_id>/edit", methods=["GET", "POST"])
def edit_person(user_id: int):
    person = get_or_404(User, user_id)
    form = _person_form(person)
    if form.validate_on_submit() and _save(form, person):
        if person.id == current_user.id:
            login_user(person)  # a new password rotated the token: this session carries on
        flash(_("The changes to %(name)s were saved.", name=person.name), "success")
        return redirect(url_for("admin.edit_person", user_id=person.id))
    return render_form(
        "admin/person_form.html",
        form,
        person=person,
        history=people_service.reporting_history(person),
        reports=people_service.direct_reports(person, include_inactive=True),
        button_form=EmptyForm(),
        mail=mail_enabled(),
        invite=invitations.invitation_states([person.id]).get(person.id),
    )


@bp.route("/people/<int:user_id>/deactivate", methods=["POST"])
def deactivate_person(user_id: int):
    person = get_or_404(User, user_id)
    require_button()
    back = url_for("admin.edit_person", user_id=person.id)
    question = confirm.deactivate_person(person)
    if person.active and (page := confirm.ask_first(question, _("Deactivate"), back, True)):
        return page
    was_active = person.active
    done = run(lambda: people_service.deactivate(current_user, person))
    if done and was_active:
        flash(_("%(name)s was deactivated and signed out.", name=person.name), "success")
        if done.value:
            flash(
                ngettext(
                    "%(name)s still manages %(num)d active person: give them a new manager.",
                    "%(name)s still manages %(num)d active people: give them a new manager.",
                    done.value,
                    name=person.name,
                ),
                "warning",
            )
    return redirect(url_for("admin.edit_person", user_id=person.id))


@bp.route("/people/<int:user_id>/reactivate", methods=["POST"])
def reactivate_person(user_id: int):
    person = get_or_404(User, user_id)
    require_button()
    if not person.active and run(lambda: people_service.reactivate(current_user, person)):
        flash(_("%(name)s was reactivated.", name=person.name), "success")
    return redirect(url_for("admin.edit_person", user_id=person.id))
