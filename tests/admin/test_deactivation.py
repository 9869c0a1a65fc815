"""Deactivation ends a person's sessions at once and keeps them out; reactivation lets them
back in. Nothing is deleted."""

import pytest

from extensions import db
from reviews.models import AuditEvent, User
from tests import factories

from . import builders


@pytest.fixture
def admin(login_as):
    person = builders.admin()
    login_as(person)
    return person


def signed_in_elsewhere(app, person):
    """A second browser where ``person`` is signed in."""
    browser = app.test_client()
    assert builders.sign_in(browser, person).status_code == 302
    assert browser.get("/").status_code == 200
    return browser


def assert_signed_out(browser):
    response = browser.get("/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")


def test_deactivating_ends_the_persons_sessions_and_keeps_them_out(app, admin, post):
    person = factories.user("staff", name="Leaving Person")
    browser = signed_in_elsewhere(app, person)
    url = f"/admin/people/{person.id}/edit"
    response = post(f"/admin/people/{person.id}/deactivate", form_url=url)
    assert response.status_code == 302
    assert_signed_out(browser)
    assert builders.sign_in(browser, person).status_code != 302
    assert_signed_out(browser)
    assert db.session.get(User, person.id) is not None and not person.active


def test_unticking_active_in_the_form_also_ends_sessions(app, admin, post):
    person = factories.user("staff", name="Leaving Person")
    browser = signed_in_elsewhere(app, person)
    url = f"/admin/people/{person.id}/edit"
    data = {"email": person.email, "name": person.name, "roles": ["staff"], "locale": "en"}
    assert post(url, data).status_code == 302
    assert not person.active
    assert_signed_out(browser)


def test_deactivating_a_manager_warns_about_their_reports(client, admin, post):
    boss = factories.user("manager", name="Boss")
    factories.user(name="Report", manager=boss)
    url = f"/admin/people/{boss.id}/edit"
    post(f"/admin/people/{boss.id}/deactivate", form_url=url)
    page = builders.text(client.get(url))
    assert "Boss was deactivated and signed out." in page
    assert "still manages 1 active person" in page


def test_reactivation_lets_the_person_sign_in_again(app, client, admin, post):
    person = factories.user("staff", name="Returning Person", active=False)
    url = f"/admin/people/{person.id}/edit"
    assert "Reactivate" in builders.text(client.get(url))
    response = post(f"/admin/people/{person.id}/reactivate", form_url=url)
    assert response.status_code == 302
    assert person.active
    assert "Returning Person was reactivated." in builders.text(client.get(url))
    browser = app.test_client()
    assert builders.sign_in(browser, person).status_code == 302
    event = db.session.scalars(
        db.select(AuditEvent).where(AuditEvent.action == "user_reactivated")
    ).one()
    assert (event.before, event.after, event.actor_id) == (
        {"active": False},
        {"active": True},
        admin.id,
    )


def test_deactivation_without_a_csrf_token_changes_nothing(client, admin):
    person = factories.user("staff")
    response = client.post(f"/admin/people/{person.id}/deactivate")
    assert response.status_code == 400
    assert person.active


def test_deactivation_is_recorded(admin, post):
    person = factories.user("staff")
    post(f"/admin/people/{person.id}/deactivate", form_url=f"/admin/people/{person.id}/edit")
    event = db.session.scalars(
        db.select(AuditEvent).where(AuditEvent.action == "user_deactivated")
    ).one()
    assert event.object_id == person.id and event.actor_id == admin.id
    assert (event.before, event.after) == ({"active": True}, {"active": False})
