"""Admin: teams."""

import pytest
from sqlalchemy import func, select

from extensions import db
from reviews.models import Team
from tests import factories

from . import builders


@pytest.fixture
def admin(login_as):
    person = builders.admin()
    login_as(person)
    return person


def count_teams() -> int:
    return db.session.scalar(select(func.count(Team.id)))


def test_the_list_shows_members_and_managers(client, admin):
    team = factories.team("Student services")
    boss = factories.user("manager", name="Maris Manager", team=team)
    factories.user("staff", name="Sten Staff", team=team, manager=boss)
    factories.user("manager", name="Not Managing", team=team)
    factories.user("staff", name="Gone", team=team, active=False)
    page = builders.text(client.get("/admin/teams"))
    assert "Student services" in page and "Maris Manager" in page
    assert "Not Managing" not in page
    assert f'href="/admin/people?team={team.id}&amp;status=active">3</a>' in client.get(
        "/admin/teams"
    ).get_data(as_text=True)


def test_an_admin_adds_and_edits_a_team(client, admin, post):
    data = {"name": "  Municipal front office ", "description": "Walk-in desk", "active": "y"}
    response = post("/admin/teams/new", data)
    assert response.status_code == 302
    team = db.session.scalars(select(Team)).one()
    assert (team.name, team.description, team.active) == (
        "Municipal front office",
        "Walk-in desk",
        True,
    )
    url = f"/admin/teams/{team.id}/edit"
    response = post(url, {"name": "Front office", "description": ""})
    assert response.status_code == 302
    assert (team.name, team.description, team.active) == ("Front office", "", False)
    assert "The team Front office was saved." in builders.text(client.get("/admin/teams"))


def test_the_edit_page_lists_the_members(client, admin):
    team = factories.team("Desk")
    factories.user(name="Member One", team=team)
    assert "Member One" in builders.text(client.get(f"/admin/teams/{team.id}/edit"))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": ""}, "This field is required."),
        ({"name": "x" * 121}, "120"),
        ({"name": "Ok", "description": "d" * 501}, "500"),
        ({"name": "it SUPPORT"}, "A team with this name already exists."),
    ],
)
def test_bad_team_input_is_refused(admin, post, data, message):
    factories.team("IT support")
    before = count_teams()
    response = post("/admin/teams/new", data)
    assert response.status_code == 400
    assert message in builders.text(response)
    assert count_teams() == before


def test_renaming_to_another_teams_name_is_refused(admin, post):
    factories.team("IT support")
    team = factories.team("Helpdesk")
    response = post(f"/admin/teams/{team.id}/edit", {"name": "IT Support", "active": "y"})
    assert response.status_code == 400
    assert "A team with this name already exists." in builders.text(response)
    assert 'value="IT Support"' in builders.text(response)
    assert team.name == "Helpdesk"


def test_a_team_keeps_its_own_name_in_another_case(admin, post):
    team = factories.team("helpdesk")
    response = post(f"/admin/teams/{team.id}/edit", {"name": "Helpdesk", "active": "y"})
    assert response.status_code == 302
    assert team.name == "Helpdesk"
