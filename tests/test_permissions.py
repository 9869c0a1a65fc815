"""Permissions beyond the policy matrix. Who may use which route, on whose objects, is the
table in ``reviews/policy.py``; ``tests/test_access_policy.py`` tries every route as every
role (and signed out) against it, so a new route that forgets its check fails there."""

import pytest

from tests import factories

ROLES = ("staff", "manager", "leadership", "admin")


@pytest.mark.parametrize("role", ROLES)
def test_every_role_has_a_home(app, login_as, role):
    client = login_as(factories.user(role))
    assert client.get("/").status_code == 200


def test_unknown_page_is_a_friendly_404(app, login_as):
    client = login_as(factories.user("staff"))
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "This page does not exist" in response.get_data(as_text=True)
