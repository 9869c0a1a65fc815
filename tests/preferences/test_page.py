"""Account → E-mail notifications: one choice per topic for oneself, validated on the server,
audited, and honest about what cannot be turned off and about a server without e-mail."""

import re

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from extensions import db
from reviews.models import AuditEvent, NotificationPreference, Topic
from reviews.services import DomainError
from reviews.services.notifications import preferences
from tests import factories

from .conftest import choose

URL = "/account/notifications"


def _all(mode: str = "immediately", **modes) -> dict:
    data = {topic.value: mode for topic in Topic}
    data.update(modes)
    return data


def _checked(html: str, name: str) -> list[str]:
    """The values of the checked radio buttons named ``name``."""
    inputs = re.findall(r"<input [^>]*>", html)
    return [
        re.search(r'value="([^"]*)"', tag).group(1)
        for tag in inputs
        if f'name="{name}"' in tag and " checked" in tag
    ]


def _stored(person) -> dict:
    rows = db.session.execute(
        select(NotificationPreference.topic, NotificationPreference.mode).where(
            NotificationPreference.user_id == person.id
        )
    )
    return dict(rows.all())


def test_the_page_offers_every_topic_and_says_what_is_fixed(app, login_as):
    mari = factories.user("staff")
    choose(mari, procedures="digest")
    html = login_as(mari).get(URL).get_data(as_text=True)
    for info in preferences.TOPICS.values():
        assert str(info.label) in html and str(info.description) in html
    assert _checked(html, "procedures") == ["digest"]
    assert _checked(html, "my_ideas") == ["immediately"]
    assert "Always e-mailed at once" in html and "A review shared with you" in html
    assert "Your inbox in Rapport always shows every notification" in html
    assert "E-mail is not set up on this server" in html  # the test app has no MAIL_SERVER


def test_with_mail_configured_the_page_does_not_warn(app, login_as, monkeypatch):
    monkeypatch.setitem(app.config, "MAIL_SERVER", "127.0.0.1")
    html = login_as(factories.user("staff")).get(URL).get_data(as_text=True)
    assert "E-mail is not set up on this server" not in html


def test_the_account_page_links_to_it(app, login_as):
    html = login_as(factories.user("staff")).get("/account").get_data(as_text=True)
    assert f'href="{URL}"' in html


def test_saving_stores_the_choices_audits_them_and_says_so(app, login_as, post):
    mari = factories.user("staff")
    login_as(mari)
    response = post(URL, _all(team_ideas="off", my_ideas="digest"), follow_redirects=True)
    assert "Your e-mail choices have been saved." in response.get_data(as_text=True)
    assert _stored(mari) == {"team_ideas": "off", "my_ideas": "digest"}
    [event] = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "notification_preferences_changed")
    )
    assert (event.actor_id, event.object_type, event.object_id) == (mari.id, "users", mari.id)
    assert event.before == {"team_ideas": "immediately", "my_ideas": "immediately"}
    assert event.after == {"team_ideas": "off", "my_ideas": "digest"}


def test_going_back_to_immediately_removes_the_stored_choice(app, login_as, post):
    mari = factories.user("staff")
    choose(mari, recognition="off")
    login_as(mari)
    post(URL, _all())
    assert _stored(mari) == {}
    assert preferences.choices(mari)[Topic.RECOGNITION] == "immediately"


def test_saving_the_same_choices_again_audits_nothing(app, login_as, post):
    mari = factories.user("staff")
    login_as(mari)
    post(URL, _all(recognition="off"))
    post(URL, _all(recognition="off"))
    events = select(AuditEvent).where(AuditEvent.action == "notification_preferences_changed")
    assert len(db.session.scalars(events).all()) == 1


@pytest.mark.parametrize(
    "bad",
    [
        {"recognition": "weekly"},  # a mode not offered
        {"recognition": ""},  # no choice
        {"recognition": "off'; DROP TABLE users; --"},
        {"recognition": "off" * 10_000},
    ],
)
def test_a_bad_value_is_refused_with_a_message_and_nothing_is_saved(app, login_as, post, bad):
    mari = factories.user("staff")
    choose(mari, procedures="digest")
    login_as(mari)
    response = post(URL, _all(procedures="off", **bad))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Please correct 1 thing before saving" in html and "Recognition" in html
    assert _stored(mari) == {"procedures": "digest"}  # the valid other change is not saved


def test_a_topic_left_out_of_the_post_keeps_its_choice(app, login_as, post):
    mari = factories.user("staff")
    choose(mari, procedures="digest")
    login_as(mari)
    data = _all(recognition="off")
    del data["procedures"]
    post(URL, data)
    assert _stored(mari) == {"procedures": "digest", "recognition": "off"}


def test_without_the_csrf_token_nothing_is_saved(app, login_as, client):
    mari = factories.user("staff")
    login_as(mari)
    response = client.post(URL, data=_all("off"))
    assert response.status_code == 400 and _stored(mari) == {}


def test_a_person_changes_only_their_own_choices(app, login_as, post):
    mari = factories.user("staff")
    jaan = factories.user("staff")
    choose(jaan, recognition="digest")
    login_as(mari)
    post(URL, {**_all("off"), "user_id": jaan.id})
    assert _stored(jaan) == {"recognition": "digest"}
    assert set(_stored(mari).values()) == {"off"}


def test_signed_out_visitors_are_sent_to_sign_in(app, client):
    response = client.get(URL)
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_the_service_refuses_an_unknown_topic_or_mode(app):
    mari = factories.user("staff")
    with pytest.raises(DomainError) as refused:
        preferences.save(mari, {**_all(), "payroll": "off", "recognition": "loud"})
    assert set(refused.value.errors) == {"payroll", "recognition"}


@pytest.mark.parametrize("column, word", [("topic", "payroll"), ("mode", "loud")])
def test_the_database_refuses_a_word_outside_the_vocabulary(app, column, word):
    mari = factories.user("staff")
    row = {"user_id": mari.id, "topic": "recognition", "mode": "off", column: word}
    db.session.add(NotificationPreference(**row))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_the_audit_log_says_what_changed_in_words(app, client, login_as, post):
    mari = factories.user("staff", name="Mari Tamm")
    admin = factories.user("admin", "staff")
    login_as(mari)
    post(URL, _all(my_ideas="digest"))
    html = login_as(admin).get("/admin/audit").get_data(as_text=True)
    rows = html.split("<tbody>", 1)[1]
    assert "Changed their e-mail notifications" in rows and "Person: Mari Tamm" in rows
    assert "Your ideas" in rows
    assert "<del>Immediately</del>" in rows and "<ins>In a daily summary</ins>" in rows
