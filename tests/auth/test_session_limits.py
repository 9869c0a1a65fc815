"""A signed-in session ends after 30 minutes without a request and 12 hours after sign-in
(both configurable), decided by the server on every request: a copy of an old cookie is
refused as surely as the browser's own."""

import pytest

from config import Config
from reviews.views.auth import sessions
from tests import factories
from tests.conftest import csrf_token

MINUTE, HOUR = 60, 3600


@pytest.fixture
def clock(monkeypatch):
    """The session limits' clock, moved forward by hand (seconds)."""

    class Clock:
        now = sessions._now()

        def advance(self, seconds: int) -> None:
            self.now += seconds

    c = Clock()
    monkeypatch.setattr(sessions, "_now", lambda: c.now)
    return c


def signed_in(client) -> bool:
    return client.get("/").status_code == 200


def test_signing_in_starts_the_clock(app, login_as, clock):
    client = login_as(factories.user("staff"))
    with client.session_transaction() as session:
        assert session[sessions.STARTED] == session[sessions.SEEN] == clock.now


def test_a_session_left_idle_past_the_limit_ends(app, login_as, clock):
    client = login_as(factories.user("staff"))
    clock.advance(30 * MINUTE + 1)
    response = client.get("/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Your session has expired. Please sign in again." in page
    clock.now -= 30 * MINUTE  # even back in time, the session is gone, not just refused
    assert not signed_in(client)


def test_activity_keeps_a_session_alive_within_the_idle_limit(app, login_as, clock):
    client = login_as(factories.user("staff"))
    for _ in range(4):  # two hours in all, never 30 minutes apart
        clock.advance(29 * MINUTE)
        assert signed_in(client)
    with client.session_transaction() as session:
        assert session[sessions.SEEN] == clock.now


def test_a_busy_session_still_ends_at_the_absolute_limit(app, login_as, clock):
    client = login_as(factories.user("staff"))
    for _ in range(int(12 * HOUR / (20 * MINUTE))):
        clock.advance(20 * MINUTE)
        assert signed_in(client)
    clock.advance(20 * MINUTE)  # 12 h 20 min after sign-in, 20 min after the last request
    assert not signed_in(client)


def test_a_copied_cookie_ages_from_when_it_was_copied(app, login_as, clock):
    """Nothing relies on the browser dropping an old cookie: a copy carries its own times."""
    client = login_as(factories.user("staff"))
    thief = app.test_client()
    thief.set_cookie("session", client.get_cookie("session").value)
    assert signed_in(thief)
    for _ in range(3):  # the owner keeps working; the copy is not used
        clock.advance(20 * MINUTE)
        assert signed_in(client)
    assert not signed_in(thief)
    assert signed_in(client)


def test_a_session_without_its_times_is_not_trusted(app, login_as, clock):
    """E.g. a cookie issued before the limits existed."""
    client = login_as(factories.user("staff"))
    with client.session_transaction() as session:
        del session[sessions.STARTED]
    assert not signed_in(client)


def test_the_limits_follow_the_config(app, login_as, clock, monkeypatch):
    monkeypatch.setitem(app.config, "SESSION_IDLE_MINUTES", 5)
    monkeypatch.setitem(app.config, "SESSION_MAX_HOURS", 1)
    client = login_as(factories.user("staff"))
    clock.advance(5 * MINUTE + 1)
    assert not signed_in(client)
    client = login_as(factories.user("staff"))
    for _ in range(15):
        clock.advance(4 * MINUTE)
        assert signed_in(client)
    clock.advance(1 * MINUTE)
    assert not signed_in(client)


def test_a_password_change_asks_for_the_password_and_restarts_the_clock(app, login_as, clock):
    client = login_as(factories.user("staff"))
    clock.advance(11 * HOUR)
    with client.session_transaction() as session:
        session[sessions.SEEN] = clock.now  # kept busy all day
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
    clock.advance(2 * HOUR - 10 * MINUTE)
    with client.session_transaction() as session:
        session[sessions.SEEN] = clock.now
    assert signed_in(client)


def test_the_limits_default_to_30_minutes_and_12_hours_and_read_the_environment(
    tmp_path, monkeypatch
):
    monkeypatch.delenv("SESSION_IDLE_MINUTES", raising=False)
    monkeypatch.delenv("SESSION_MAX_HOURS", raising=False)
    monkeypatch.setenv("SECRET_KEY", "x")
    config = Config(str(tmp_path))
    assert (config.SESSION_IDLE_MINUTES, config.SESSION_MAX_HOURS) == (30, 12)
    # Flask itself refuses a session cookie signed longer ago (its default is 31 days).
    assert config.PERMANENT_SESSION_LIFETIME.total_seconds() == 12 * HOUR
    monkeypatch.setenv("SESSION_IDLE_MINUTES", "15")
    monkeypatch.setenv("SESSION_MAX_HOURS", "8")
    config = Config(str(tmp_path))
    assert (config.SESSION_IDLE_MINUTES, config.SESSION_MAX_HOURS) == (15, 8)
    assert config.PERMANENT_SESSION_LIFETIME.total_seconds() == 8 * HOUR
