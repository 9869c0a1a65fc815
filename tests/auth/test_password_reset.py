""" "Forgot your password?": the same answer for every address, a link only for an active
account, rate limited; the link sets a password once and ends every other session."""

import pytest
from sqlalchemy import func, select, update

from extensions import db, limiter
from reviews.models import AccountLink, User, utcnow
from reviews.services import DomainError
from reviews.services.people import invitations
from tests import factories
from tests.auth.conftest import body, mailed_token
from tests.auth.test_sessions import copy_session_cookie
from tests.conftest import csrf_token

NEW_PASSWORD = "plum kettle orbit lantern"


def ask(client, email: str):
    return client.post(
        "/account/forgot",
        data={"email": email, "csrf_token": csrf_token(client, "/account/forgot")},
    )


def choose(client, token: str, password: str = NEW_PASSWORD):
    url = f"/account/link/{token}"
    data = {"password": password, "confirm": password, "csrf_token": csrf_token(client)}
    return client.post(url, data=data)


def test_the_sign_in_page_links_to_the_forgot_form(app, client, smtp):
    assert 'href="/account/forgot"' in client.get("/login").get_data(as_text=True)
    assert 'name="email"' in client.get("/account/forgot").get_data(as_text=True)


def test_same_answer_for_existing_unknown_and_deactivated_addresses(app, client, smtp):
    factories.user("staff", email="mari@example.com")
    factories.user("staff", email="gone@example.com", active=False)
    answers = [ask(client, email) for email in ("Mari@Example.com ", "nobody@example.com")]
    answers.append(ask(client, "gone@example.com"))
    bodies = {(r.status_code, r.get_data(as_text=True)) for r in answers}
    assert len(bodies) == 1
    status, text = bodies.pop()
    assert status == 200 and "If an account exists for that address" in text
    assert [m["To"] for m in smtp.messages] == ["mari@example.com"]


def test_a_reset_link_sets_the_password_and_ends_other_sessions(app, client, login_as, smtp):
    mari = factories.user("staff", email="mari@example.com")
    login_as(mari)
    other_device = app.test_client()
    copy_session_cookie(client, other_device)
    assert other_device.get("/").status_code == 200

    visitor = app.test_client()
    ask(visitor, "mari@example.com")
    [message] = smtp.messages
    assert "2 hours" in body(message)
    response = choose(visitor, mailed_token(message))
    assert response.status_code == 302
    assert "other sessions" in visitor.get("/").get_data(as_text=True)  # flashed, signed in
    assert client.get("/").status_code == 302  # the sessions from before are signed out
    assert other_device.get("/").status_code == 302
    fresh = app.test_client()
    old = fresh.post(
        "/login",
        data={"email": mari.email, "password": factories.PASSWORD, "csrf_token": csrf_token(fresh)},
    )
    assert old.status_code == 400


def test_a_used_reset_link_cannot_set_the_password_again(app, client, smtp):
    factories.user("staff", email="mari@example.com")
    ask(client, "mari@example.com")
    token = mailed_token(smtp.messages[-1])
    assert choose(app.test_client(), token).status_code == 302
    again = choose(app.test_client(), token, "a different strong passphrase")
    assert again.status_code == 410 and "Ask for a new" in again.get_data(as_text=True)


def test_a_weak_password_is_refused_and_the_link_still_works(app, client, smtp):
    factories.user("staff", email="mari@example.com")
    ask(client, "mari@example.com")
    token = mailed_token(smtp.messages[-1])
    visitor = app.test_client()
    weak = choose(visitor, token, "password123")
    assert weak.status_code == 400 and "too easy to guess" in weak.get_data(as_text=True)
    assert db.session.scalar(select(AccountLink.used_at)) is None
    assert choose(visitor, token).status_code == 302


def test_a_link_used_meanwhile_by_another_submit_is_refused(app, smtp, monkeypatch):
    """Two submits of the same link at once: the one whose conditional UPDATE comes second
    finds the link used and is refused (here the other commits between its checks)."""
    mari = factories.user("staff", email="mari@example.com")
    invitations.request_reset("mari@example.com")
    db.session.commit()
    token = mailed_token(smtp.messages[-1])
    real_check = invitations.check_password

    def other_submit_wins(*args, **kwargs):
        real_check(*args, **kwargs)
        with db.engine.begin() as conn:  # a second connection, committed at once
            conn.execute(update(AccountLink.__table__).values(used_at=utcnow()))

    monkeypatch.setattr(invitations, "check_password", other_submit_wins)
    if db.engine.dialect.name == "sqlite" and db.engine.pool.size() == 1:
        pytest.skip("an in-memory SQLite database has one connection")
    with pytest.raises(DomainError):
        invitations.redeem(token, NEW_PASSWORD)
    db.session.rollback()
    assert db.session.get(User, mari.id).password_hash == mari.password_hash


def test_forgot_password_is_rate_limited_per_address_typed(app, client, smtp, monkeypatch):
    factories.user("staff", email="mari@example.com")
    monkeypatch.setitem(app.config, "RESET_ACCOUNT_RATE_LIMIT", "3 per hour")
    limiter.reset()
    try:
        codes = [ask(client, "mari@example.com").status_code for _ in range(4)]
        other = ask(client, "nobody@example.com").status_code
    finally:
        limiter.reset()
    assert codes == [200, 200, 200, 429] and other == 200
    assert len(smtp.messages) == 3


def test_forgot_password_is_rate_limited_per_client(app, client, smtp, monkeypatch):
    monkeypatch.setitem(app.config, "RESET_RATE_LIMIT", "2 per minute")
    limiter.reset()
    try:
        codes = [ask(client, f"n{i}@example.com") for i in range(3)]
    finally:
        limiter.reset()
    assert [r.status_code for r in codes] == [200, 200, 429]
    page = codes[-1].get_data(as_text=True)
    assert "Too many attempts" in page and "Traceback" not in page


def test_without_mail_the_forgot_page_says_to_ask_an_administrator(app, client):
    factories.user("staff", email="mari@example.com")
    page = client.get("/account/forgot").get_data(as_text=True)
    assert "administrator" in page and 'name="email"' not in page
    assert db.session.scalar(select(func.count(AccountLink.id))) == 0


def test_a_deactivated_persons_link_stops_working(app, client, smtp):
    mari = factories.user("staff", email="mari@example.com")
    ask(client, "mari@example.com")
    token = mailed_token(smtp.messages[-1])
    mari.active = False
    db.session.commit()
    assert app.test_client().get(f"/account/link/{token}").status_code == 410


def test_the_request_does_the_same_work_whether_or_not_the_account_exists(app, client, smtp):
    """The address is looked up by a job after the answer, not in the request: the request
    runs the same statements for a real account and an unknown address, and writes
    nothing itself; the job then mails the real one only."""
    from sqlalchemy import event

    from reviews import jobs

    factories.user("staff", email="mari@example.com")
    asked, statements = [], []
    app_jobs = dict(jobs.DEFERRED, send_reset_link=lambda email: asked.append(email))

    def count(conn, cursor, statement, *args):
        statements.append(statement.split()[0].upper())

    work = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(jobs, "DEFERRED", app_jobs)
        for email in ("mari@example.com", "nobody@example.com"):
            statements.clear()
            event.listen(db.engine, "before_cursor_execute", count)
            try:
                assert ask(client, email).status_code == 200
            finally:
                event.remove(db.engine, "before_cursor_execute", count)
            work[email] = list(statements)
    assert work["mari@example.com"] == work["nobody@example.com"]
    assert not {"INSERT", "UPDATE", "DELETE"} & set(work["mari@example.com"])
    assert asked == ["mari@example.com", "nobody@example.com"]
    assert db.session.scalar(select(func.count()).select_from(AccountLink)) == 0
    assert smtp.messages == []
