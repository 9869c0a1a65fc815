"""Logging out, changing the password or being deactivated really ends sessions: a cookie
copied before must no longer work."""

from extensions import db
from reviews.services.people.accounts import deactivate
from tests import factories
from tests.conftest import csrf_token


def copy_session_cookie(src, dst):
    cookie = src.get_cookie("session")
    assert cookie is not None
    dst.set_cookie("session", cookie.value)


def test_cookie_copied_before_logout_no_longer_works(app, client, login_as):
    person = factories.user("staff", name="Mari Tamm")
    login_as(person)
    thief = app.test_client()
    copy_session_cookie(client, thief)
    assert thief.get("/").status_code == 200  # the copy works while the session lives

    response = client.post("/logout", data={"csrf_token": csrf_token(client, "/")})
    assert response.status_code == 302

    assert thief.get("/").status_code == 302  # sent to sign in
    assert client.get("/").status_code == 302


def test_logout_requires_post(app, login_as):
    client = login_as(factories.user("staff"))
    assert client.get("/logout").status_code == 405
    assert client.get("/").status_code == 200


def test_logout_without_csrf_does_not_sign_out(app, login_as):
    client = login_as(factories.user("staff"))
    assert client.post("/logout").status_code == 400
    assert client.get("/").status_code == 200


def test_password_change_ends_other_sessions_but_keeps_this_one(app, client, login_as):
    person = factories.user("staff")
    login_as(person)
    other_device = app.test_client()
    copy_session_cookie(client, other_device)

    response = client.post(
        "/account/password",
        data={
            "current_password": factories.PASSWORD,
            "new_password": "a new long passphrase",
            "confirm": "a new long passphrase",
            "csrf_token": csrf_token(client, "/account/password"),
        },
    )
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    assert other_device.get("/").status_code == 302

    fresh = app.test_client()
    bad = fresh.post(
        "/login",
        data={
            "email": person.email,
            "password": factories.PASSWORD,
            "csrf_token": csrf_token(fresh),
        },
    )
    assert bad.status_code == 400
    good = fresh.post(
        "/login",
        data={
            "email": person.email,
            "password": "a new long passphrase",
            "csrf_token": csrf_token(fresh),
        },
    )
    assert good.status_code == 302


def test_password_change_needs_the_current_password(app, login_as):
    person = factories.user("staff")
    client = login_as(person)
    old_hash = person.password_hash
    response = client.post(
        "/account/password",
        data={
            "current_password": "a wrong guess",
            "new_password": "a new long passphrase",
            "confirm": "a new long passphrase",
            "csrf_token": csrf_token(client, "/account/password"),
        },
    )
    assert response.status_code == 200
    assert "Your current password is not correct." in response.get_data(as_text=True)
    db.session.refresh(person)
    assert person.password_hash == old_hash


def test_password_change_rejects_short_or_mismatched(app, login_as):
    client = login_as(factories.user("staff"))
    response = client.post(
        "/account/password",
        data={
            "current_password": factories.PASSWORD,
            "new_password": "short",
            "confirm": "shorter",
            "csrf_token": csrf_token(client, "/account/password"),
        },
    )
    html = response.get_data(as_text=True)
    assert "Use at least 10 characters." in html
    assert "The passwords differ." in html


def test_deactivation_ends_the_session_at_once(app, login_as):
    person = factories.user("staff")
    client = login_as(person)
    deactivate(None, person)
    db.session.commit()
    assert client.get("/").status_code == 302


def test_passwords_are_hashed_with_argon2id(app):
    person = factories.user("staff")
    assert person.password_hash.startswith("$argon2id$")


def test_production_argon2_parameters_meet_rfc_9106():
    from config import ProductionConfig

    assert ProductionConfig.ARGON2_MEMORY_COST >= 65536
    assert ProductionConfig.ARGON2_TIME_COST >= 3


def test_logout_clears_everything_kept_in_the_session(app, client, login_as):
    login_as(factories.user("staff"))
    with client.session_transaction() as session:
        session["followed_ideas"] = ["secret-token"]
    client.post("/logout", data={"csrf_token": csrf_token(client, "/")})
    with client.session_transaction() as session:
        assert "followed_ideas" not in session
