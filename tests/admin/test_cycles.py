"""Admin: review cycles (list, create with a framework snapshot, edit; closed is read-only)."""

from datetime import date

import pytest
from sqlalchemy import func, select

from extensions import db
from reviews.models import AuditEvent, Cycle, Review
from reviews.services import DomainError
from reviews.services.cycles import setup as cycle_service
from tests import factories

from . import builders


@pytest.fixture
def admin(login_as):
    person = builders.admin()
    login_as(person)
    factories.framework()
    return person


def cycle_data(**changes) -> dict:
    data = {
        "name": "2027 Q1",
        "period_start": "2027-01-01",
        "period_end": "2027-03-31",
        "self_deadline": "2027-03-10",
        "review_deadline": "2027-03-25",
        "show_self_to_manager": "y",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def count() -> int:
    return db.session.scalar(select(func.count(Cycle.id)))


def test_the_list_shows_period_deadlines_status_and_reviews(client, admin):
    cycle = factories.cycle("2026 Q4")
    boss = factories.user("manager")
    person = factories.user(manager=boss)
    db.session.add(Review(cycle=cycle, employee=person, manager=boss))
    db.session.commit()
    builders.closed_cycle("2025 Q4")
    page = builders.text(client.get("/admin/cycles"))
    assert "2026 Q4" in page and "2025 Q4" in page
    assert "Oct 1, 2026" in page and "Dec 24, 2026" in page
    assert 'class="badge badge-planned">Planned' in page
    assert 'class="badge badge-closed">Closed' in page
    assert '<td class="num">1</td>' in page


def test_an_admin_creates_a_cycle_with_a_snapshot(client, admin, post):
    response = post("/admin/cycles/new", cycle_data())
    assert response.status_code == 302
    cycle = db.session.scalars(select(Cycle)).one()
    assert cycle.name == "2027 Q1" and cycle.status == "planned"
    assert (cycle.period_start, cycle.review_deadline) == (date(2027, 1, 1), date(2027, 3, 25))
    assert cycle.show_self_to_manager
    assert len(cycle.competencies) == 8 and len(cycle.scale) == 5
    page = builders.text(client.get(f"/admin/cycles/{cycle.id}/edit"))
    assert "Framework used by this cycle" in page and "Respect and professionalism" in page


def test_an_admin_edits_a_cycle(admin, post):
    cycle = factories.cycle("2026 Q4")
    data = cycle_data(name="2026 Q4 (extended)", review_deadline="2027-04-15")
    data.pop("show_self_to_manager")
    response = post(f"/admin/cycles/{cycle.id}/edit", data)
    assert response.status_code == 302
    assert cycle.name == "2026 Q4 (extended)" and cycle.review_deadline == date(2027, 4, 15)
    assert not cycle.show_self_to_manager


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": ""}, "This field is required."),
        ({"name": "n" * 61}, "60"),
        ({"period_end": "2026-12-31"}, "The period must end after it starts."),
        (
            {"review_deadline": "2027-03-01"},
            "The review deadline cannot be before the self-assessment deadline.",
        ),
        ({"self_deadline": "not a date"}, "Not a valid date value."),
        ({"period_start": ""}, "This field is required."),
        ({"name": "existing"}, "A cycle with this name already exists."),
    ],
)
def test_bad_cycle_input_is_refused(admin, post, changes, message):
    factories.cycle("Existing")
    before = count()
    data = cycle_data(**changes)
    response = post("/admin/cycles/new", data)
    assert response.status_code == 400
    page = builders.text(response)
    assert message in page
    assert f'value="{data["period_end"]}"' in page  # the input is kept
    assert count() == before


def test_a_cycle_needs_a_framework(admin, post):
    from reviews.models import Competency

    db.session.execute(Competency.__table__.delete())
    db.session.commit()
    response = post("/admin/cycles/new", cycle_data())
    assert response.status_code == 400
    assert "The competency framework is empty" in builders.text(response)
    assert count() == 0


def test_a_bad_edit_changes_nothing(admin, post):
    cycle = factories.cycle("2026 Q4")
    response = post(
        f"/admin/cycles/{cycle.id}/edit",
        cycle_data(name="Renamed", period_start="2027-05-01"),
    )
    assert response.status_code == 400
    assert cycle.name == "2026 Q4" and cycle.period_start == date(2026, 10, 1)


def test_a_closed_cycle_is_read_only(client, admin, post):
    cycle = builders.closed_cycle("2025 Q4")
    page = builders.text(client.get(f"/admin/cycles/{cycle.id}/edit"))
    assert "can no longer be edited" in page
    assert 'name="name"' not in page
    token_page = "/admin/cycles"
    response = post(f"/admin/cycles/{cycle.id}/edit", cycle_data(), form_url=token_page)
    assert response.status_code == 400
    assert "Nothing was changed." in builders.text(response)
    assert cycle.name == "2025 Q4"


def test_a_cycle_post_without_a_csrf_token_changes_nothing(client, admin):
    response = client.post("/admin/cycles/new", data=cycle_data())
    assert response.status_code == 400
    assert count() == 0


def dates_of(cycle: Cycle, **changes) -> dict:
    fields = dict(
        name=cycle.name,
        period_start=cycle.period_start,
        period_end=cycle.period_end,
        self_deadline=cycle.self_deadline,
        review_deadline=cycle.review_deadline,
        show_self_to_manager=cycle.show_self_to_manager,
    )
    return fields | changes


def test_the_service_refuses_a_period_that_ends_before_it_starts(app):
    cycle = factories.cycle("2026 Q4")
    fields = dates_of(cycle, period_end=date(2026, 9, 30))
    with pytest.raises(DomainError) as refused:
        cycle_service.save_cycle(None, cycle, **fields)
    assert {k: str(v) for k, v in refused.value.errors.items()} == {
        "period_end": "The period must end after it starts."
    }


def test_a_new_period_end_is_audited_under_its_field(app):
    cycle = factories.cycle("2026 Q4")
    cycle_service.save_cycle(None, cycle, **dates_of(cycle, period_end=date(2027, 1, 15)))
    db.session.commit()
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "cycle_updated")).one()
    assert (event.before, event.after) == (
        {"period_end": "2026-12-28"},
        {"period_end": "2027-01-15"},
    )


def test_the_service_refuses_to_edit_a_closed_cycle_word_for_word(app):
    cycle = builders.closed_cycle("2025 Q4")
    with pytest.raises(DomainError) as refused:
        cycle_service.save_cycle(None, cycle, **dates_of(cycle, name="Renamed"))
    assert {k: str(v) for k, v in refused.value.errors.items()} == {
        "": "This cycle is closed and can no longer be edited."
    }


def test_the_service_refuses_a_cycle_without_a_scale_word_for_word(app):
    from reviews.models import ScaleLevel

    planned = factories.cycle("2026 Q4")
    db.session.execute(ScaleLevel.__table__.delete())
    db.session.commit()
    with pytest.raises(DomainError) as refused:
        cycle_service.save_cycle(None, None, **dates_of(planned, name="2027 Q1"))
    assert {k: str(v) for k, v in refused.value.errors.items()} == {
        "": "The rating scale is empty: add its levels first."
    }
