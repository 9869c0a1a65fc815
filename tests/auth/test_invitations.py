"""Invitations: an admin adds a person (or everyone without a password) and they get an
e-mail, over real SMTP, with a single-use link to choose their own password."""

import hashlib
from datetime import timedelta
from email.header import decode_header, make_header

import pytest
from sqlalchemy import event, func, select, update

from extensions import db
from reviews.models import AccountLink, AuditEvent, OutboundEmail, User, utcnow
from reviews.services.people import accounts, invitations
from reviews.services.people.auth import set_password
from tests import factories
from tests.auth.conftest import body, mailed_token
from tests.conftest import csrf_token

NEW_PASSWORD = "plum kettle orbit lantern"


def choose(client, token: str, password: str = NEW_PASSWORD, repeat: str | None = None):
    url = f"/account/link/{token}"
    data = {"password": password, "confirm": repeat or password}
    data["csrf_token"] = csrf_token(client, url)
    return client.post(url, data=data)


def add_person(client, email: str, locale: str = "en", **extra):
    data = {
        "name": "Kai Tamm",
        "email": email,
        "roles": "staff",
        "locale": locale,
        "active": "y",
        "csrf_token": csrf_token(client, "/admin/people/new"),
        **extra,
    }
    return client.post("/admin/people/new", data=data)


@pytest.fixture
def admin(app, login_as):
    anu = factories.user("admin", email="anu@example.com")
    login_as(anu)
    return anu


def test_a_new_person_is_invited_in_their_language_and_chooses_a_password(app, client, admin, smtp):
    assert 'checked id="invite"' in client.get("/admin/people/new").get_data(as_text=True)
    response = add_person(client, "kai@example.com", locale="et", invite="y")
    assert response.status_code == 302
    [message] = smtp.messages
    kai = db.session.scalar(select(User).where(User.email == "kai@example.com"))
    assert message["To"] == "kai@example.com" and kai.password_hash is None
    subject = str(make_header(decode_header(message["Subject"])))
    assert "Rapport" in subject and "Welcome" not in subject  # Estonian, not English
    assert "http://127.0.0.1:5000/account/link/" in body(message)

    visitor = app.test_client()
    page = visitor.get(f"/account/link/{mailed_token(message)}")
    assert page.status_code == 200 and "Kai Tamm" in page.get_data(as_text=True)
    assert page.headers["Referrer-Policy"] == "no-referrer"
    done = choose(visitor, mailed_token(message))
    assert done.status_code == 302 and visitor.get("/").status_code == 200  # signed in
    fresh = app.test_client()
    signed_in = fresh.post(
        "/login",
        data={
            "email": "kai@example.com",
            "password": NEW_PASSWORD,
            "csrf_token": csrf_token(fresh),
        },
    )
    assert signed_in.status_code == 302


def test_the_link_works_once(app, client, admin, smtp):
    kai = factories.user("staff", email="kai@example.com", password="")
    client.post(f"/admin/people/{kai.id}/invite", data={"csrf_token": csrf_token(client, "/")})
    token = mailed_token(smtp.messages[-1])
    visitor = app.test_client()
    assert choose(visitor, token).status_code == 302
    again = app.test_client()
    assert again.get(f"/account/link/{token}").status_code == 410
    second = again.post(
        f"/account/link/{token}",
        data={
            "password": "another good passphrase",
            "confirm": "another good passphrase",
            "csrf_token": csrf_token(again),
        },
    )
    assert second.status_code == 410 and "Ask for a new" in second.get_data(as_text=True)
    fresh = app.test_client()
    response = fresh.post(
        "/login",
        data={"email": kai.email, "password": NEW_PASSWORD, "csrf_token": csrf_token(fresh)},
    )
    assert response.status_code == 302  # the first password stands


def test_looking_at_a_link_does_not_use_it(app, client, admin, smtp):
    kai = factories.user("staff", email="kai@example.com", password="")
    client.post(f"/admin/people/{kai.id}/invite", data={"csrf_token": csrf_token(client, "/")})
    token = mailed_token(smtp.messages[-1])
    scanner = app.test_client()
    for _ in range(3):  # a mail scanner opening the link, more than once
        assert scanner.get(f"/account/link/{token}").status_code == 200
    assert choose(app.test_client(), token).status_code == 302


def test_an_expired_link_is_refused(app, client, admin, smtp):
    kai = factories.user("staff", email="kai@example.com", password="")
    client.post(f"/admin/people/{kai.id}/invite", data={"csrf_token": csrf_token(client, "/")})
    token = mailed_token(smtp.messages[-1])
    the_past = utcnow() - timedelta(days=8)
    db.session.execute(update(AccountLink).values(created_at=the_past, expires_at=the_past))
    db.session.commit()
    visitor = app.test_client()
    page = visitor.get(f"/account/link/{token}")
    assert page.status_code == 410 and "/account/forgot" in page.get_data(as_text=True)
    response = visitor.post(
        f"/account/link/{token}",
        data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD, "csrf_token": csrf_token(visitor)},
    )
    assert response.status_code == 410
    db.session.expire_all()
    assert db.session.get(User, kai.id).password_hash is None


def test_a_new_invitation_voids_the_older_one(app, client, admin, smtp):
    kai = factories.user("staff", email="kai@example.com", password="")
    for _ in range(2):
        client.post(f"/admin/people/{kai.id}/invite", data={"csrf_token": csrf_token(client, "/")})
    first, second = (mailed_token(m) for m in smtp.messages)
    visitor = app.test_client()
    assert visitor.get(f"/account/link/{first}").status_code == 410
    assert visitor.get(f"/account/link/{second}").status_code == 200


def test_the_database_holds_no_token_from_the_email(app, client, admin, smtp):
    kai = factories.user("staff", email="kai@example.com", password="")
    client.post(f"/admin/people/{kai.id}/invite", data={"csrf_token": csrf_token(client, "/")})
    token = mailed_token(smtp.messages[-1])
    db.session.expire_all()
    for table in db.metadata.sorted_tables:
        for row in db.session.execute(table.select()):
            assert token not in repr(row), table.name
    stored = db.session.scalar(select(AccountLink.token_hash))
    assert stored == hashlib.sha256(token.encode()).hexdigest()
    [mail] = db.session.scalars(select(OutboundEmail))
    assert mail.status == "sent" and "/account/link/" not in mail.body
    [event] = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "invitation_sent"))
    assert event.object_id == kai.id and event.actor_id == admin.id


def test_without_mail_the_admin_is_told_and_can_still_set_a_password(app, client, admin):
    page = client.get("/admin/people/new").get_data(as_text=True)
    assert 'name="invite"' not in page and "MAIL_SERVER" in page
    response = add_person(client, "kai@example.com", password="violet anchor rumble")
    assert response.status_code == 302
    kai = db.session.scalar(select(User).where(User.email == "kai@example.com"))
    refused = client.post(
        f"/admin/people/{kai.id}/invite",
        data={"csrf_token": csrf_token(client, "/")},
        follow_redirects=True,
    )
    assert "MAIL_SERVER" in refused.get_data(as_text=True)
    assert db.session.scalar(select(func.count(AccountLink.id))) == 0


def test_invite_everyone_asks_first_then_invites_only_those_without_a_password(
    app, client, admin, smtp
):
    waiting = [factories.user("staff", password="") for _ in range(3)]
    factories.user("staff")  # has a password
    factories.user("staff", password="", active=False)  # deactivated
    page = client.get("/admin/people").get_data(as_text=True)
    assert "Invite the 3 people without a password" in page
    token = csrf_token(client, "/admin/people")
    asked = client.post("/admin/people/invite", data={"csrf_token": token})
    assert asked.status_code == 200 and smtp.messages == []  # the question, nothing sent
    client.post("/admin/people/invite", data={"csrf_token": token, "confirmed": "yes"})
    assert sorted(m["To"] for m in smtp.messages) == sorted(u.email for u in waiting)
    page = client.get("/admin/people").get_data(as_text=True)
    assert "Invitation pending" in page and "without a password" not in page


def test_invite_many_writes_each_kind_of_row_in_one_statement(app, smtp):
    admin = factories.user("admin")
    people = [factories.user("staff", password="") for _ in range(40)]
    statements = []

    def count(conn, cursor, statement, *args):
        if statement.lstrip().upper().startswith("INSERT"):
            statements.append(statement.split("(")[0])

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        assert invitations.invite_many(admin, people) == 40
        db.session.flush()
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    db.session.commit()
    assert len(statements) == 3, statements  # links, e-mails, audit entries
    assert len(smtp.messages) == 40


def test_the_audit_log_says_it_in_words(app, client, admin, smtp):
    kai = factories.user("staff", email="kai@example.com", password="")
    client.post(f"/admin/people/{kai.id}/invite", data={"csrf_token": csrf_token(client, "/")})
    choose(app.test_client(), mailed_token(smtp.messages[-1]))
    page = client.get("/admin/audit").get_data(as_text=True)
    assert "Sent an invitation" in page and "Accepted an invitation" in page


@pytest.mark.parametrize("role", ["staff", "manager", "leadership"])
def test_only_admins_invite(app, client, login_as, smtp, role):
    kai = factories.user("staff", email="kai@example.com", password="")
    login_as(factories.user(role))
    token = csrf_token(client, "/")
    assert (
        client.post(f"/admin/people/{kai.id}/invite", data={"csrf_token": token}).status_code == 403
    )
    assert client.post("/admin/people/invite", data={"csrf_token": token}).status_code == 403
    assert smtp.messages == [] and db.session.scalar(select(func.count(AccountLink.id))) == 0


def post_link(client, token: str, password: str = NEW_PASSWORD):
    """Submit a password through a link, as a form kept open from before would."""
    data = {"password": password, "confirm": password, "csrf_token": csrf_token(client)}
    return client.post(f"/account/link/{token}", data=data)


def _invite(client, person) -> None:
    client.post(f"/admin/people/{person.id}/invite", data={"csrf_token": csrf_token(client, "/")})


def test_correcting_the_address_voids_a_link_mailed_to_the_wrong_one(app, client, admin, smtp):
    """An invitation went to a mistyped address: once the admin corrects it, whoever holds
    that mail can no longer choose the person's password."""
    kai = factories.user("staff", email="kai@wrong-typo.example", password="")
    _invite(client, kai)
    stray = mailed_token(smtp.messages[-1])
    accounts.update_user(
        admin, kai, email="kai@example.com", name=kai.name, roles={"staff"}, team=None,
        manager=None, job_title="", locale="en", active=True,
    )  # fmt: skip
    db.session.commit()
    stranger = app.test_client()
    assert stranger.get(f"/account/link/{stray}").status_code == 410
    assert post_link(stranger, stray).status_code == 410
    assert db.session.get(User, kai.id).password_hash is None


@pytest.mark.parametrize("how", ["admin sets a password", "deactivated and reactivated"])
def test_a_pending_link_dies_when_the_account_changes_another_way(app, client, admin, smtp, how):
    kai = factories.user("staff", email="kai@example.com", password="")
    _invite(client, kai)
    token = mailed_token(smtp.messages[-1])
    if how == "admin sets a password":
        set_password(admin, kai, "heron violet quarry mitten")
    else:
        accounts.deactivate(admin, kai)
        accounts.reactivate(admin, kai)
    db.session.commit()
    assert post_link(app.test_client(), token).status_code == 410


def test_choosing_a_password_ends_the_persons_other_links(app, client, admin, smtp):
    kai = factories.user("staff", email="kai@example.com", password="")
    _invite(client, kai)
    invitation = mailed_token(smtp.messages[-1])
    invitations.request_reset(kai.email)
    db.session.commit()
    reset = mailed_token(smtp.messages[-1])
    assert post_link(app.test_client(), reset).status_code == 302
    assert (
        post_link(app.test_client(), invitation, "a different good passphrase").status_code == 410
    )
