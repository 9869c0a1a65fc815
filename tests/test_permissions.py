"""Every route checks who is asking. Routes are enumerated from the app, so a new route that
forgets its check fails here."""

import pytest

from tests import factories
from tests.conftest import csrf_token

PUBLIC = {"auth.login", "main.healthz", "static"}
ROLES = ("staff", "manager", "leadership", "admin")


def routes(app, prefix: str = ""):
    """(endpoint, url, method) for every rule, ids filled with 1."""
    found = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in PUBLIC or not rule.endpoint.startswith(prefix):
            continue
        url = rule.rule
        for arg in rule.arguments:
            url = url.replace(f"<int:{arg}>", "1").replace(f"<{arg}>", "1")
        for method in sorted((rule.methods or set()) & {"GET", "POST"}):
            found.append((rule.endpoint, url, method))
    return found


def request(client, url, method):
    if method == "GET":
        return client.get(url)
    return client.post(url, data={"csrf_token": csrf_token(client, "/login")})


def test_every_private_route_sends_anonymous_visitors_to_sign_in(app, client):
    checked = routes(app)
    assert len(checked) > 3
    for endpoint, url, method in checked:
        response = request(client, url, method)
        assert response.status_code == 302, (endpoint, method, response.status_code)
        assert "/login" in response.headers["Location"], (endpoint, method)


@pytest.mark.parametrize("role", ["staff", "manager", "leadership"])
def test_admin_routes_are_forbidden_to_other_roles(app, login_as, role):
    client = login_as(factories.user(role))
    checked = routes(app, "admin.")
    assert checked
    for endpoint, url, method in checked:
        response = request(client, url, method)
        assert response.status_code == 403, (role, endpoint, method, response.status_code)


def test_admin_routes_open_to_admins(app, login_as):
    client = login_as(factories.user("admin"))
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_every_role_has_a_home(app, login_as, role):
    client = login_as(factories.user(role))
    assert client.get("/").status_code == 200


def test_unknown_page_is_a_friendly_404(app, login_as):
    client = login_as(factories.user("staff"))
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "This page does not exist" in response.get_data(as_text=True)
