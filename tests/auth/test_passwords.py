"""Passwords: easy-to-guess ones are refused wherever a password is set (the person's own
form, the admin's person form, ``flask people set-password``), and a stored hash is brought up
to the current argon2 parameters when its owner signs in."""

import pytest

from extensions import db
from reviews.services import DomainError
from reviews.services.people.auth import check_password, find_user_by_email, verify_password
from tests import factories
from tests.conftest import csrf_token

TOO_EASY = "This password is too easy to guess"
COMMON = ["password123", "qwertyuiop1", "Summer2024!", "1234567890", "iloveyou123"]


def change_own_password(client, new: str):
    return client.post(
        "/account/password",
        data={
            "current_password": factories.PASSWORD,
            "new_password": new,
            "confirm": new,
            "csrf_token": csrf_token(client, "/account/password"),
        },
    )


@pytest.mark.parametrize("password", COMMON)
def test_a_common_password_is_refused_on_the_own_password_form(app, login_as, password):
    person = factories.user("staff")
    old_hash = person.password_hash
    response = change_own_password(login_as(person), password)
    assert response.status_code == 200
    assert TOO_EASY in response.get_data(as_text=True)
    db.session.refresh(person)
    assert person.password_hash == old_hash


def test_ones_own_name_or_email_is_refused(app, login_as):
    person = factories.user("staff", name="Mari Tamm", email="mari.tamm@example.com")
    client = login_as(person)
    for guessable in ("Mari.Tamm@example.com", "Mari Tamm Mari"):  # each passes without hints
        response = change_own_password(client, guessable)
        assert TOO_EASY in response.get_data(as_text=True), guessable


def test_a_strong_passphrase_is_accepted(app, login_as):
    person = factories.user("staff")
    response = change_own_password(login_as(person), "lantern orbit cabbage")
    assert response.status_code == 302
    db.session.refresh(person)
    assert verify_password(person, "lantern orbit cabbage")


def test_the_message_is_translated(app, login_as):
    person = factories.user("staff")
    person.locale = "et"
    db.session.commit()
    html = change_own_password(login_as(person), "password123").get_data(as_text=True)
    assert "Seda parooli on liiga lihtne ära arvata" in html


def test_a_very_long_password_is_estimated_not_refused_by_length(app):
    """zxcvbn refuses input over 72 characters; the start of a longer one is estimated."""
    check_password("lantern orbit cabbage " * 20)
    with pytest.raises(DomainError):
        check_password("a" * 500)


@pytest.fixture
def admin_client(login_as):
    return login_as(factories.user("admin", name="Ada Admin"))


def person_form(**changes) -> dict:
    return {
        "email": "kadri.kask@example.com",
        "name": "Kadri Kask",
        "job_title": "",
        "roles": ["staff"],
        "team_id": "",
        "manager_id": "",
        "locale": "en",
        "active": "y",
        "password": "",
        **changes,
    }


def test_the_admin_cannot_give_a_new_person_a_common_password(admin_client, post):
    response = post("/admin/people/new", person_form(password="password123"))
    assert response.status_code == 400 and TOO_EASY in response.get_data(as_text=True)
    assert find_user_by_email("kadri.kask@example.com") is None
    response = post("/admin/people/new", person_form(password="lantern orbit cabbage"))
    assert response.status_code == 302


def test_the_admin_cannot_reset_a_password_to_a_common_one(admin_client, post):
    person = factories.user("staff", name="Kadri Kask", email="kadri.kask@example.com")
    old_hash = person.password_hash
    url = f"/admin/people/{person.id}/edit"
    response = post(url, person_form(password="password123"))
    assert response.status_code == 400 and TOO_EASY in response.get_data(as_text=True)
    db.session.refresh(person)
    assert person.password_hash == old_hash


def test_the_command_line_refuses_a_common_password(app, runner):
    person = factories.user("staff", email="someone@example.com")
    args = ["people", "set-password", "someone@example.com", "--password", "password123"]
    result = runner.invoke(args=args)
    assert result.exit_code != 0 and TOO_EASY in result.output
    db.session.refresh(person)
    assert not verify_password(person, "password123")


# argon2 parameters ------------------------------------------------------------------------


def sign_in(app, person, password: str = factories.PASSWORD):
    client = app.test_client()
    data = {"email": person.email, "password": password, "csrf_token": csrf_token(client)}
    return client.post("/login", data=data)


def test_signing_in_rehashes_a_password_stored_with_old_parameters(app, monkeypatch):
    person = factories.user("staff")
    old_hash = person.password_hash
    assert "t=1," in old_hash
    monkeypatch.setitem(app.config, "ARGON2_TIME_COST", 2)
    assert sign_in(app, person).status_code == 302
    db.session.refresh(person)
    assert person.password_hash != old_hash and "t=2," in person.password_hash
    assert sign_in(app, person).status_code == 302  # the new hash verifies the same password


def test_signing_in_keeps_a_current_hash_and_a_failed_one_changes_nothing(app, monkeypatch):
    person = factories.user("staff")
    old_hash = person.password_hash
    assert sign_in(app, person).status_code == 302
    db.session.refresh(person)
    assert person.password_hash == old_hash
    monkeypatch.setitem(app.config, "ARGON2_TIME_COST", 2)
    assert sign_in(app, person, "a wrong guess here").status_code == 400
    db.session.refresh(person)
    assert person.password_hash == old_hash
