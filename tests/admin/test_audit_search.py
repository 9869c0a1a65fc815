"""The audit log as an admin reads it: who did it (found by name as well as by e-mail), in the
order the changes were made, and what a change of manager or of a team's name was."""

from datetime import timedelta

import pytest

from extensions import db
from reviews.models import AuditEvent, utcnow
from reviews.services import audit
from tests import factories

from . import builders


@pytest.fixture
def admin(login_as):
    person = builders.admin()
    login_as(person)
    return person


def last_event(action: str) -> AuditEvent:
    return db.session.query(AuditEvent).filter_by(action=action).order_by(AuditEvent.id).all()[-1]


def test_the_log_finds_what_someone_did_by_their_name(client, admin):
    other = factories.user("admin", name="Olga Orav", email="o.o@example.com")
    team = factories.team("Desk")
    audit.record("team_updated", team, {"name": "A"}, {"name": "Desk"}, actor=other)
    audit.record("user_deactivated", other, {"active": True}, {"active": False}, actor=admin)
    db.session.commit()
    page = builders.log_rows(client.get("/admin/audit?actor=olga OR"))  # the name, not the e-mail
    assert "Edited a team" in page and "Deactivated a person" not in page


def test_the_log_is_in_the_order_things_happened_not_the_order_they_were_saved(client, admin):
    """An event saved later (a slow request, an import) but made earlier is listed below."""
    team = factories.team("Desk")
    now = utcnow()
    first = audit.record("team_updated", team, {"name": "a"}, {"name": "newer"}, actor=admin)
    first.created_at = now - timedelta(minutes=1)
    second = audit.record("team_updated", team, {"name": "b"}, {"name": "older"}, actor=admin)
    second.created_at = now - timedelta(minutes=5)
    db.session.commit()
    page = builders.text(client.get("/admin/audit?object_type=teams"))
    assert page.index("<ins>newer</ins>") < page.index("<ins>older</ins>")


def test_a_change_of_manager_is_recorded_and_shown_by_name(client, admin, post):
    first = factories.user("manager", name="Fred First")
    second = factories.user("manager", name="Sara Second")
    person = factories.user(name="Piret Põld", email="piret@example.com", manager=first)
    data = {
        "email": person.email,
        "name": person.name,
        "job_title": "",
        "roles": ["staff"],
        "team_id": "",
        "manager_id": str(second.id),
        "locale": person.locale,
        "active": "y",
        "password": "",
    }
    assert post(f"/admin/people/{person.id}/edit", data).status_code == 302
    event = last_event("user_updated")
    assert event.before == {"manager_id": first.id} and event.after == {"manager_id": second.id}
    page = builders.text(client.get("/admin/audit?object_type=users"))
    assert "<del>Fred First</del>" in page and "<ins>Sara Second</ins>" in page


def test_a_person_added_with_a_manager_has_the_manager_in_the_record(admin, post):
    boss = factories.user("manager", name="Boris Boss")
    data = {"email": "new@example.com", "name": "New", "roles": ["staff"], "locale": "en"}
    data |= {"manager_id": str(boss.id), "active": "y"}
    assert post("/admin/people/new", data).status_code == 302
    assert last_event("user_created").after["manager_id"] == boss.id


def test_renaming_a_team_records_the_new_name(client, admin, post):
    team = factories.team("Old desk")
    data = {"name": "New desk", "description": "", "active": "y"}
    assert post(f"/admin/teams/{team.id}/edit", data).status_code == 302
    event = last_event("team_updated")
    assert (event.before, event.after) == ({"name": "Old desk"}, {"name": "New desk"})
    page = builders.text(client.get("/admin/audit?object_type=teams"))
    assert "<del>Old desk</del>" in page and "<ins>New desk</ins>" in page


def test_an_underscore_in_the_actor_search_is_a_character_not_a_wildcard(admin):
    other = factories.user("admin", name="Olga_Orav")
    team = factories.team("Desk")
    audit.record("team_updated", team, {"name": "A"}, {"name": "Desk"}, actor=other)
    audit.record("user_deactivated", other, {"active": True}, {"active": False}, actor=admin)
    db.session.commit()
    found = db.session.scalars(audit.log_query(actor="_")).all()
    assert [event.action for event in found] == ["team_updated"]
