"""Only admins reach the administration area: every page renders for them, other roles get
403 and anonymous visitors are sent to sign in."""

import pytest

from reviews.models import User
from tests import factories
from tests.conftest import csrf_token

from . import builders

PAGES = [
    "/admin/",
    "/admin/people",
    "/admin/people/new",
    "/admin/people/{person}/edit",
    "/admin/teams",
    "/admin/teams/new",
    "/admin/teams/{team}/edit",
    "/admin/framework",
    "/admin/framework/new",
    "/admin/framework/{competency}/edit",
    "/admin/scale",
    "/admin/cycles",
    "/admin/cycles/new",
    "/admin/cycles/{cycle}/edit",
    "/admin/cycles/{closed}/edit",
    "/admin/audit",
]
ACTIONS = [
    "/admin/people/new",
    "/admin/people/{person}/edit",
    "/admin/people/{person}/deactivate",
    "/admin/people/{person}/reactivate",
    "/admin/teams/new",
    "/admin/teams/{team}/edit",
    "/admin/framework/new",
    "/admin/framework/{competency}/edit",
    "/admin/framework/{competency}/retire",
    "/admin/framework/{competency}/restore",
    "/admin/scale",
    "/admin/cycles/new",
    "/admin/cycles/{cycle}/edit",
]


@pytest.fixture
def ids(app):
    team = factories.team("Front office")
    return {
        "person": factories.user("staff", team=team).id,
        "team": team.id,
        "competency": builders.competency().id,
        "cycle": factories.cycle("2026 Q4").id,
        "closed": builders.closed_cycle("2025 Q4").id,
    }


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_for_an_admin(client, login_as, ids, url):
    login_as(builders.admin())
    response = client.get(url.format(**ids))
    assert response.status_code == 200
    assert 'class="subnav"' in response.get_data(as_text=True)


@pytest.mark.parametrize("role", ["staff", "manager", "leadership"])
def test_other_roles_get_403_on_every_admin_page(client, login_as, ids, role):
    login_as(factories.user(role))
    for url in PAGES:
        assert client.get(url.format(**ids)).status_code == 403, url


@pytest.mark.parametrize("role", ["staff", "manager", "leadership"])
def test_other_roles_get_403_on_every_admin_action(app, client, login_as, ids, role):
    login_as(factories.user(role, "staff"))
    token = csrf_token(client, "/")
    for url in ACTIONS:
        data = {"csrf_token": token, "name": "Hijacked", "email": "x@example.com"}
        assert client.post(url.format(**ids), data=data).status_code == 403, url
    assert app.extensions["sqlalchemy"].session.get(User, ids["person"]).active


def test_anonymous_visitors_are_sent_to_sign_in(client, ids):
    for url in PAGES:
        response = client.get(url.format(**ids))
        assert response.status_code == 302, url
        assert response.headers["Location"].startswith("/login"), url
    token = csrf_token(client, "/login")
    for url in ACTIONS:
        response = client.post(url.format(**ids), data={"csrf_token": token})
        assert response.status_code == 302, url
        assert response.headers["Location"].startswith("/login"), url


@pytest.mark.parametrize(
    "url",
    [
        "/admin/people/999999/edit",
        "/admin/teams/999999/edit",
        "/admin/framework/999999/edit",
        "/admin/cycles/999999/edit",
    ],
)
def test_unknown_objects_are_404(client, login_as, url):
    login_as(builders.admin())
    assert client.get(url).status_code == 404


def test_the_admin_index_links_to_every_section(client, login_as):
    login_as(builders.admin())
    page = client.get("/admin/").get_data(as_text=True)
    for url in ("/admin/people", "/admin/teams", "/admin/framework", "/admin/scale"):
        assert f'href="{url}"' in page
    assert 'href="/admin/cycles"' in page and 'href="/admin/audit"' in page


def test_the_subnav_marks_the_current_section(client, login_as):
    login_as(builders.admin())
    page = client.get("/admin/teams/new").get_data(as_text=True)
    assert '<a href="/admin/teams" class="active" aria-current="page">' in page


def test_junk_in_the_query_string_is_harmless(client, login_as):
    login_as(builders.admin())
    for url in (
        "/admin/people?team=abc&role=root&status=maybe&page=-3",
        "/admin/people?page=abc&q=%25_%25",
        "/admin/audit?object_type=nothing&actor=%25&page=999",
    ):
        assert client.get(url).status_code == 200, url
