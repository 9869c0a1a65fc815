"""The inbox: notifications in the reader's language and read state (their e-mail is tested
with a real queue consumer in tests/jobs/)."""

import pytest
from sqlalchemy import select

from extensions import db
from reviews.models import Notification
from reviews.models.activity import OutboundEmail
from reviews.services.notifications import inbox as notify
from tests import factories
from tests.conftest import csrf_token


def test_inbox_lists_own_notifications_only(app, login_as):
    mari = factories.user("staff", name="Mari Tamm")
    jaan = factories.user("staff", name="Jaan Sepp")
    notify.notify(mari, "review_shared", url="/", manager="Kadri Kask", cycle="2026 Q3")
    notify.notify(jaan, "review_shared", url="/", manager="Kadri Kask", cycle="2026 Q1")
    db.session.commit()
    client = login_as(mari)
    html = client.get("/inbox/").get_data(as_text=True)
    assert "Kadri Kask has shared your 2026 Q3 review with you." in html
    assert "2026 Q1" not in html
    assert 'class="count"' in client.get("/").get_data(as_text=True)


def test_opening_a_notification_marks_it_read_and_follows_its_link(app, login_as):
    mari = factories.user("staff")
    note = notify.notify(mari, "idea_comment", url="/account", actor="Jaan", title="Macros")
    other = notify.notify(mari, "idea_comment", url="/", actor="Jaan", title="Other")
    db.session.commit()
    client = login_as(mari)
    response = client.post(
        f"/inbox/{note.id}/open", data={"csrf_token": csrf_token(client, "/inbox/")}
    )
    assert response.headers["Location"] == "/account"
    assert note.read_at is not None and other.read_at is None


def test_cannot_mark_someone_elses_notification(app, login_as):
    mari = factories.user("staff")
    jaan = factories.user("staff")
    note = notify.notify(jaan, "idea_comment", url="/", actor="X", title="Y")
    db.session.commit()
    client = login_as(mari)
    client.post(f"/inbox/{note.id}/open", data={"csrf_token": csrf_token(client, "/inbox/")})
    assert db.session.get(Notification, note.id).read_at is None


def test_read_all(app, login_as):
    mari = factories.user("staff")
    for title in ("a", "b"):
        notify.notify(mari, "idea_comment", actor="X", title=title)
    db.session.commit()
    client = login_as(mari)
    client.post("/inbox/read-all", data={"csrf_token": csrf_token(client, "/inbox/")})
    assert notify.unread_count(mari) == 0


def test_an_older_notification_can_still_be_opened(app, login_as):
    mari = factories.user("staff")
    oldest = notify.notify(mari, "idea_comment", url="/account", actor="Jaan", title="Old")
    for n in range(105):
        notify.notify(mari, "idea_comment", url="/", actor="Jaan", title=str(n))
    db.session.commit()
    client = login_as(mari)
    response = client.post(
        f"/inbox/{oldest.id}/open", data={"csrf_token": csrf_token(client, "/inbox/")}
    )
    assert response.headers["Location"] == "/account" and oldest.read_at is not None


def test_notifications_of_the_same_moment_are_listed_latest_added_first(app):
    mari = factories.user("staff", name="Mari Tamm")
    first = notify.notify(mari, "review_shared", url="/", manager="Kadri Kask", cycle="2026 Q3")
    second = notify.notify(mari, "review_amended", url="/", cycle="2026 Q3", actor="Kadri Kask")
    db.session.flush()
    second.created_at = first.created_at  # one moment, e.g. one job's bulk insert
    db.session.commit()
    assert [n.id for n in notify.inbox(mari)] == [second.id, first.id]


def test_a_notification_sent_in_bulk_mails_its_link(app, monkeypatch):
    monkeypatch.setitem(app.config, "MAIL_SERVER", "mail.example")
    monkeypatch.setitem(app.config, "BASE_URL", "https://rapport.example")
    mari = factories.user("staff", name="Mari Tamm", email="mari@example.com")
    note = notify.Note(
        notify.Recipient(mari.id, mari.email, "en"),
        "review_shared",
        url="/reviews/7",
        params={"manager": "Kadri Kask", "cycle": "2026 Q3"},
    )
    assert notify.notify_many([note]) == 1
    [mail] = db.session.scalars(select(OutboundEmail)).all()
    assert mail.recipient == "mari@example.com"
    assert mail.body == (
        "Kadri Kask has shared your 2026 Q3 review with you.\n\nhttps://rapport.example/reviews/7"
    )


def test_an_unknown_kind_of_notification_is_refused_by_name(app):
    mari = factories.user("staff")
    with pytest.raises(ValueError, match="unknown notification kind 'no_such_kind'"):
        notify.notify(mari, "no_such_kind")


def test_opening_the_newer_of_two_notifications_follows_its_own_link(app, login_as):
    mari = factories.user("staff")
    older = notify.notify(mari, "idea_comment", url="/", actor="Jaan", title="Older")
    newer = notify.notify(mari, "idea_comment", url="/account", actor="Jaan", title="Newer")
    db.session.commit()
    client = login_as(mari)
    response = client.post(
        f"/inbox/{newer.id}/open", data={"csrf_token": csrf_token(client, "/inbox/")}
    )
    assert response.headers["Location"] == "/account"
    assert newer.read_at is not None and older.read_at is None


def test_a_mail_queued_in_bulk_waits_with_no_error_to_show(app, monkeypatch):
    """The admins' mail page lists a waiting mail's last error: none before it is tried."""
    monkeypatch.setitem(app.config, "MAIL_SERVER", "mail.example")
    mari = factories.user("staff", name="Mari Tamm", email="mari@example.com")
    note = notify.Note(
        notify.Recipient(mari.id, mari.email, "en"),
        "review_shared",
        url="/reviews/7",
        params={"manager": "Kadri Kask", "cycle": "2026 Q3"},
    )
    notify.notify_many([note])
    [mail] = db.session.scalars(select(OutboundEmail)).all()
    assert (mail.status, mail.attempts, mail.last_error) == ("pending", 0, "")
