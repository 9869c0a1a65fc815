"""Sign-in: good, bad, deactivated, CSRF missing, safe redirects, no account enumeration."""

import pytest

from tests import factories
from tests.conftest import csrf_token


def sign_in(client, email, password, next_url=None):
    url = "/login" + (f"?next={next_url}" if next_url else "")
    return client.post(
        url, data={"email": email, "password": password, "csrf_token": csrf_token(client)}
    )


def test_login_form_has_email_and_password_fields(client):
    html = client.get("/login").get_data(as_text=True)
    assert 'name="email"' in html and 'name="password"' in html
    assert 'name="csrf_token"' in html


def test_good_credentials_sign_in(app, client):
    person = factories.user("staff", email="mari@example.com", name="Mari Tamm")
    response = sign_in(client, "MARI@example.com ", factories.PASSWORD)
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert "Mari Tamm" in client.get("/").get_data(as_text=True)
    assert person.session_token  # the session stores the token


def test_wrong_password_and_unknown_account_get_the_same_message(app, client):
    factories.user("staff", email="mari@example.com")
    wrong = sign_in(client, "mari@example.com", "not the password")
    unknown = sign_in(client, "nobody@example.com", "not the password")
    assert wrong.status_code == unknown.status_code == 400
    message = "The email or password is not correct."
    assert message in wrong.get_data(as_text=True)
    assert message in unknown.get_data(as_text=True)
    assert client.get("/").status_code == 302  # still signed out


def test_deactivated_person_cannot_sign_in(app, client):
    factories.user("staff", email="gone@example.com", active=False)
    response = sign_in(client, "gone@example.com", factories.PASSWORD)
    assert response.status_code == 400
    assert "The email or password is not correct." in response.get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_person_without_password_cannot_sign_in(app, client):
    from extensions import db

    person = factories.user("staff", email="new@example.com")
    person.password_hash = None
    db.session.commit()
    assert sign_in(client, "new@example.com", "").status_code == 400


def test_login_without_csrf_token_is_refused(app, client):
    factories.user("staff", email="mari@example.com")
    response = client.post(
        "/login", data={"email": "mari@example.com", "password": factories.PASSWORD}
    )
    assert response.status_code == 400
    assert client.get("/").status_code == 302


@pytest.mark.parametrize(
    "target, expected",
    [
        ("/admin/", "/admin/"),
        ("https://evil.example.com/", "/"),
        ("//evil.example.com/", "/"),
        ("/\\evil.example.com", "/"),
        ("javascript:alert(1)", "/"),
    ],
)
def test_next_redirects_only_to_this_site(app, client, target, expected):
    factories.user("staff", email="mari@example.com")
    response = sign_in(client, "mari@example.com", factories.PASSWORD, next_url=target)
    assert response.headers["Location"] == expected


def test_session_cookie_is_httponly_and_samesite_lax(app, client):
    factories.user("staff", email="mari@example.com")
    response = sign_in(client, "mari@example.com", factories.PASSWORD)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_secure_cookie_when_configured(monkeypatch):
    from app import create_app

    monkeypatch.setenv("SESSION_COOKIE_SECURE", "1")
    assert create_app("testing").config["SESSION_COOKIE_SECURE"] is True


def test_login_is_rate_limited(app, client, monkeypatch):
    from extensions import limiter

    monkeypatch.setitem(app.config, "LOGIN_RATE_LIMIT", "10 per minute")
    limiter.reset()
    try:
        codes = [sign_in(client, "x@example.com", "wrong").status_code for _ in range(12)]
    finally:
        limiter.reset()  # the counts, not the config: monkeypatch restores the limit
    assert 429 in codes
