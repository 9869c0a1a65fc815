"""Admin changes are audited with before/after values, and the audit log shows them."""

import pytest
from sqlalchemy import select

from extensions import db
from reviews.models import AuditEvent
from reviews.services import audit
from reviews.services.people import accounts as people_service
from tests import factories

from . import builders


@pytest.fixture
def admin(login_as):
    person = builders.admin()
    login_as(person)
    return person


def events(action: str) -> list[AuditEvent]:
    query = select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
    return list(db.session.scalars(query))


def test_editing_a_person_records_only_what_changed(admin, post):
    team = factories.team("Front office")
    person = factories.user("staff", name="Before Name", email="before@example.com")
    data = {
        "email": "before@example.com",
        "name": "After Name",
        "roles": ["staff", "manager"],
        "team_id": str(team.id),
        "locale": "en",
        "active": "y",
        "password": "a brand new secret",
    }
    assert post(f"/admin/people/{person.id}/edit", data).status_code == 302
    [event] = events("user_updated")
    assert event.actor_id == admin.id and event.object_id == person.id
    assert event.before == {"name": "Before Name", "team_id": None, "roles": ["staff"]}
    assert event.after == {
        "name": "After Name",
        "team_id": team.id,
        "roles": ["manager", "staff"],
        "password": "reset",
    }


def test_creating_a_person_records_their_details(admin, post):
    data = {"email": "new@example.com", "name": "New", "roles": ["staff"], "locale": "sl"}
    assert post("/admin/people/new", data).status_code == 302
    [event] = events("user_created")
    assert event.before is None
    assert event.after["email"] == "new@example.com" and event.after["locale"] == "sl"
    assert event.after["active"] is False  # the box was left unticked


def test_team_competency_scale_and_cycle_changes_are_recorded(admin, post):
    factories.framework()
    assert post("/admin/teams/new", {"name": "Desk", "active": "y"}).status_code == 302
    c = builders.competency("Empathy")
    data = {"name": "Empathy", "description": "", "weight": "3", "position": "1"}
    assert post(f"/admin/framework/{c.id}/edit", data).status_code == 302
    scale = {"count": "2", "levels-0-value": "1", "levels-0-label": "Low"}
    scale |= {"levels-1-value": "2", "levels-1-label": "High"}
    assert post("/admin/scale", scale).status_code == 302
    cycle = {"name": "2027 Q1", "period_start": "2027-01-01", "period_end": "2027-03-31"}
    cycle |= {"self_deadline": "2027-03-10", "review_deadline": "2027-03-20"}
    assert post("/admin/cycles/new", cycle).status_code == 302
    assert events("team_created")[0].after == {
        "name": "Desk",
        "description": "",
        "active": True,
    }
    [edited] = events("competency_updated")
    assert edited.before["weight"] == 1.0 and edited.after["weight"] == 3.0
    [scaled] = events("scale_updated")
    assert scaled.after == {"1": "Low", "2": "High"}
    assert scaled.before["1"] == "Needs significant improvement"
    assert events("cycle_created")[0].after["name"] == "2027 Q1"
    made_here = ("team_created", "competency_updated", "scale_updated", "cycle_created")
    assert all(events(action)[0].actor_id == admin.id for action in made_here)


def test_the_log_shows_who_did_what_with_before_and_after(client, admin, post):
    team = factories.team("Student services")
    person = factories.user("staff", name="Old Name")
    data = {"email": person.email, "name": "New Name", "roles": ["staff"], "locale": "et"}
    data |= {"team_id": str(team.id), "active": "y"}
    post(f"/admin/people/{person.id}/edit", data)
    page = builders.log_rows(client.get("/admin/audit"))
    assert "Ada Admin" in page and "Edited a person" in page
    assert "Person: New Name" in page
    assert "<del>Old Name</del>" in page and "<ins>New Name</ins>" in page
    assert "<ins>Student services</ins>" in page and "<ins>Eesti</ins>" in page
    assert page.index("Edited a person") < page.index("Signed in")  # newest first


def test_the_log_filters_by_object_type_and_actor(client, admin):
    other = factories.user("admin", name="Other Admin", email="other@example.com")
    team = factories.team("Desk")
    audit.record("team_updated", team, {"name": "A"}, {"name": "Desk"}, actor=other)
    audit.record("user_deactivated", other, {"active": True}, {"active": False}, actor=admin)
    db.session.commit()
    by_type = builders.log_rows(client.get("/admin/audit?object_type=teams"))
    assert "Edited a team" in by_type and "Deactivated a person" not in by_type
    by_actor = builders.log_rows(client.get("/admin/audit?actor=other@"))
    assert "Edited a team" in by_actor and "Deactivated a person" not in by_actor
    nobody = builders.text(client.get("/admin/audit?actor=nobody"))
    assert "No entries match" in nobody


def test_the_log_has_pages_of_50(client, admin):
    team = factories.team("Desk")
    for n in range(60):
        audit.record("team_updated", team, {"name": f"n{n}"}, {"name": f"m{n}"}, actor=admin)
    db.session.commit()
    first = builders.text(client.get("/admin/audit?object_type=teams"))
    assert "Page 1 of 2" in first and "<ins>m59</ins>" in first and "<ins>m9</ins>" not in first
    second = builders.text(client.get("/admin/audit?object_type=teams&page=2"))
    assert "<ins>m9</ins>" in second and "object_type=teams" in second


def test_the_account_service_audits_a_creation_unless_told_not_to(app):
    """``create_user`` audits by default; only callers that audit it themselves (the admin
    form, the seed, the test factories) say ``audited=False``."""
    actor = builders.admin()
    person = people_service.create_user(
        actor, email="New@Example.com", name="New Person", roles={"staff"}
    )
    [event] = events("user_created")
    assert (event.actor_id, event.object_id) == (actor.id, person.id)
    assert event.after["email"] == "new@example.com" and event.after["name"] == "New Person"
