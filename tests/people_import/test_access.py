"""Only admins import and export people; anyone else gets 403 on every route."""

import pytest

from extensions import db
from reviews.services.people import importing
from tests import factories
from tests.conftest import csrf_token

from .conftest import csv_text


@pytest.mark.parametrize("role", ["staff", "manager", "leadership"])
def test_non_admins_get_403_on_every_route(client, login_as, role):
    admin = factories.user("admin")
    item = importing.start(admin, "a.csv", csv_text("A,a@example.com,,,staff,en").encode())
    db.session.commit()
    login_as(factories.user(role))
    token = {"csrf_token": csrf_token(client, "/login")}
    for method, url in [
        ("get", "/admin/people/export.csv"),
        ("get", "/admin/people/import"),
        ("post", "/admin/people/import"),
        ("get", f"/admin/people/imports/{item.id}"),
        ("post", f"/admin/people/imports/{item.id}/apply"),
    ]:
        response = client.get(url) if method == "get" else client.post(url, data=token)
        assert response.status_code == 403, (method, url)
