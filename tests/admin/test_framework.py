"""Admin: the competency framework (add, edit, retire, restore)."""

import re

import pytest
from sqlalchemy import func, select

from extensions import db
from reviews.models import AuditEvent, Competency
from reviews.services.reviews import framework as framework_service
from tests import factories

from . import builders


@pytest.fixture
def admin(login_as):
    person = builders.admin()
    login_as(person)
    factories.framework()
    return person


def competency_data(**changes) -> dict:
    data = {
        "name": "Empathy",
        "description": "Understands how the customer feels.",
        "behaviour_examples": "Acknowledges frustration before solving.",
        "weight": "1.5",
        "position": "20",
    }
    data.update(changes)
    return data


def count() -> int:
    return db.session.scalar(select(func.count(Competency.id)))


def test_the_framework_lists_active_and_retired_competencies(client, admin):
    retired = builders.competency("Old skill")
    framework_service.set_retired(None, retired, True)
    db.session.commit()
    page = builders.text(client.get("/admin/framework"))
    assert "Clear and concise communication" in page
    active_part, retired_part = page.split("<h2>Retired</h2>")
    assert "Old skill" in retired_part and "Old skill" not in active_part
    assert 'class="inactive"' in retired_part


def test_a_new_competency_is_proposed_at_the_end(client, admin):
    page = client.get("/admin/framework/new").get_data(as_text=True)
    assert re.search(r'<input[^>]*name="position"[^>]*value="8"', page)


def test_an_admin_adds_a_competency(client, admin, post):
    response = post("/admin/framework/new", competency_data())
    assert response.status_code == 302
    c = db.session.scalars(select(Competency).where(Competency.name == "Empathy")).one()
    assert (c.weight, c.position, c.active) == (1.5, 20, True)
    assert c.behaviour_examples == "Acknowledges frustration before solving."
    assert "The competency Empathy was added." in builders.text(client.get("/admin/framework"))


def test_an_admin_edits_a_competency(admin, post):
    c = builders.competency("Empathy")
    response = post(f"/admin/framework/{c.id}/edit", competency_data(name="Empathy", weight="2"))
    assert response.status_code == 302
    assert (c.weight, c.position) == (2.0, 20)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": ""}, "This field is required."),
        ({"name": "n" * 121}, "120"),
        ({"weight": "0"}, "Enter a weight from 0.1 to 10."),
        ({"weight": "0.05"}, "Enter a weight from 0.1 to 10."),
        ({"weight": "10.5"}, "Enter a weight from 0.1 to 10."),
        ({"weight": "heavy"}, "Not a valid decimal value."),
        ({"weight": ""}, "This field is required."),
        ({"position": "-1"}, "Enter a number from 0 to 9999."),
        ({"name": "CLEAR AND CONCISE COMMUNICATION"}, "A competency with this name already"),
    ],
)
def test_bad_competency_input_is_refused(admin, post, changes, message):
    before = count()
    data = competency_data(**changes)
    response = post("/admin/framework/new", data)
    assert response.status_code == 400
    page = builders.text(response)
    assert message in page
    assert f'value="{data["weight"]}"' in page  # the input is kept
    assert count() == before


def test_retire_and_restore(client, admin, post):
    c = builders.competency("Empathy")
    response = post(f"/admin/framework/{c.id}/retire", form_url="/admin/framework")
    assert response.status_code == 302
    assert not c.active and c not in framework_service.active_competencies()
    assert "Empathy was retired" in builders.text(client.get("/admin/framework"))
    response = post(f"/admin/framework/{c.id}/restore", form_url="/admin/framework")
    assert response.status_code == 302
    assert c.active
    actions = db.session.execute(
        select(AuditEvent.action, AuditEvent.actor_id).where(
            AuditEvent.object_type == "competencies"
        )
    ).all()
    assert ("competency_retired", admin.id) in actions
    assert ("competency_restored", admin.id) in actions


def test_retiring_without_a_csrf_token_changes_nothing(client, admin):
    c = builders.competency("Empathy")
    assert client.post(f"/admin/framework/{c.id}/retire").status_code == 400
    assert c.active
