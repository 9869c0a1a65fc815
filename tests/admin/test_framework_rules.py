"""The framework's rules past the happy path: the first competency of an empty framework,
a scale that grows, restoring what is not retired, the audit of behaviour examples, and the
scale's own check when the form is not in front of it."""

import pytest
from sqlalchemy import select

from extensions import db
from reviews.models import AuditEvent
from reviews.services import DomainError
from reviews.services.reviews import framework as framework_service
from tests import factories

from . import builders


@pytest.fixture
def admin(login_as):
    person = builders.admin()
    login_as(person)
    return person


def actions() -> list[str]:
    return list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_the_first_competency_of_an_empty_framework_is_proposed_at_position_0(client, admin):
    assert framework_service.next_position() == 0
    page = client.get("/admin/framework/new")
    assert page.status_code == 200
    assert 'name="position"' in page.get_data(as_text=True)


def test_a_scale_can_grow_beyond_its_current_levels(client, admin, post):
    factories.framework()  # five levels
    data = {"count": "6"}
    for i in range(6):
        data |= {f"levels-{i}-value": str(i + 1), f"levels-{i}-label": f"L{i + 1}"}
        data |= {f"levels-{i}-description": ""}
    assert post("/admin/scale", data).status_code == 302
    assert [(s.value, s.label) for s in framework_service.scale_levels()] == [
        (v, f"L{v}") for v in range(1, 7)
    ]


def test_the_service_refuses_a_scale_of_one_level(app):
    factories.framework()
    with pytest.raises(DomainError) as refused:
        framework_service.save_scale(None, [{"value": 1, "label": "Only"}])
    assert str(refused.value.errors[""]) == "A scale needs at least two levels."


@pytest.mark.parametrize(
    "levels,message",
    [
        ([(1, "Low"), (3, "High")], "Levels must be numbered 1, 2, 3… without gaps."),
        ([(1, "Low"), (2, "  ")], "Every level needs a label."),
    ],
    ids=["gap", "blank label"],
)
def test_the_service_refuses_a_gap_or_a_blank_label_for_the_whole_form(app, levels, message):
    factories.framework()
    with pytest.raises(DomainError) as refused:
        framework_service.save_scale(None, [{"value": v, "label": label} for v, label in levels])
    assert {key: str(text) for key, text in refused.value.errors.items()} == {"": message}


def test_restoring_a_competency_that_is_in_use_changes_and_records_nothing(admin, post):
    c = builders.competency("Empathy")
    before = actions()
    response = post(f"/admin/framework/{c.id}/restore", form_url="/admin/framework")
    assert response.status_code == 302
    assert c.active and actions() == before


def test_a_change_to_the_behaviour_examples_is_audited_under_its_field(admin, post):
    c = builders.competency("Empathy")
    data = {"name": "Empathy", "description": c.description, "weight": "1", "position": "8"}
    data["behaviour_examples"] = "Listens first."
    assert post(f"/admin/framework/{c.id}/edit", data).status_code == 302
    [event] = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "competency_updated")
    ).all()
    assert event.before == {"behaviour_examples": ""}
    assert event.after == {"behaviour_examples": "Listens first."}
