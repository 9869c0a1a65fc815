"""A person's own settings."""

from tests import factories
from tests.conftest import csrf_token


def test_person_changes_own_language(app, login_as):
    person = factories.user("staff")
    client = login_as(person)
    response = client.post(
        "/account", data={"locale": "sl", "csrf_token": csrf_token(client, "/account")}
    )
    assert response.status_code == 302
    assert person.locale == "sl"


def test_unknown_language_is_refused(app, login_as):
    person = factories.user("staff")
    client = login_as(person)
    response = client.post(
        "/account", data={"locale": "xx", "csrf_token": csrf_token(client, "/account")}
    )
    assert response.status_code == 400
    assert "Not a valid choice" in response.get_data(as_text=True)
    assert person.locale == "en"
