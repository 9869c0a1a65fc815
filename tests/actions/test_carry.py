"""Items not done by the next review are carried into it when it is created: copied with
their description, kind, owner, due date and competencies, the old one marked carried —
once, however often the cycle is reopened or people are added."""

from datetime import date, timedelta

from sqlalchemy import func, select

from extensions import db
from reviews.models import ActionItem, AuditEvent, Competency
from reviews.services.cycles import flow as cycle_flow
from reviews.services.people import accounts as people_service
from tests import factories
from tests.organisation import review_of

from .conftest import item, share


def _next_cycle(org, name="2027 Q1"):
    org.cycle.status = "closed"
    db.session.commit()
    cycle = factories.cycle(name, start=date(2027, 1, 1))
    cycle.period_start = org.cycle.period_start + timedelta(days=100)
    db.session.commit()
    return cycle


def test_open_items_are_carried_into_the_next_review_and_the_old_ones_marked(org):
    review = org.reviews["mari"]
    share(review)
    tag = db.session.scalar(select(Competency).order_by(Competency.position))
    kept = item(review, "Finish the ITIL course", owner=org.mari, due=date(2027, 2, 1),
                status="in_progress", competencies=[tag])  # fmt: skip
    item(review, "Shadow the night shift", status="done")
    item(review, "Run the phone rota", status="dropped")
    cycle = _next_cycle(org)
    cycle_flow.open_cycle(org.admin, cycle)
    db.session.commit()
    new = review_of(cycle, org.mari)
    [copy] = new.action_items
    assert (copy.description, copy.kind, copy.owner_id, copy.due_on, copy.status) == (
        "Finish the ITIL course", "training", org.mari.id, date(2027, 2, 1), "in_progress",
    )  # fmt: skip
    assert copy.competencies == [tag] and copy.carried_from_id == kept.id
    assert kept.status == "carried"
    assert sorted(i.status for i in review.action_items) == ["carried", "done", "dropped"]
    event = db.session.scalar(
        select(AuditEvent).where(
            AuditEvent.action == "action_status_changed", AuditEvent.object_id == kept.id
        )
    )
    assert event.after["status"] == "carried" and event.actor_id == org.admin.id


def test_reopening_or_adding_people_never_carries_twice(org):
    item(org.reviews["mari"], "Finish the ITIL course")
    cycle = _next_cycle(org)
    cycle_flow.open_cycle(None, cycle)
    db.session.commit()
    cycle_flow.close_cycle(None, cycle)
    cycle_flow.reopen_cycle(None, cycle)
    cycle_flow.add_people(None, cycle)
    db.session.commit()
    copies = select(func.count(ActionItem.id)).where(
        ActionItem.description == "Finish the ITIL course"
    )
    assert db.session.scalar(copies) == 2  # the old one (carried) and its one copy


def test_someone_added_to_the_open_cycle_later_gets_their_open_items_too(org):
    """A review created by add_people carries over like one created at the opening."""
    newcomer = factories.user(name="Kristi Kuusk", team=org.desk)
    earlier = factories.cycle("2025 Q2", start=date(2025, 4, 1))  # before the open cycle
    old = factories_review(earlier, newcomer, org.kadri)
    item(old, "Learn the phone system")
    people_service.set_manager(newcomer, org.kadri, on=date.today())
    db.session.commit()
    assert cycle_flow.add_people(org.admin, org.cycle) == 1
    db.session.commit()
    [copy] = review_of(org.cycle, newcomer).action_items
    assert copy.description == "Learn the phone system" and old.action_items[0].status == "carried"


def factories_review(cycle, person, manager):
    from reviews.models import Review

    review = Review(cycle=cycle, employee=person, manager=manager, team=person.team)
    db.session.add(review)
    db.session.commit()
    return review


def test_an_item_owned_by_the_previous_manager_goes_to_the_new_one(org):
    item(org.reviews["mari"], "Pair on the knowledge base", owner=org.kadri)
    people_service.set_manager(org.mari, org.olev, on=date.today())
    cycle = _next_cycle(org)
    cycle_flow.open_cycle(None, cycle)
    db.session.commit()
    [copy] = review_of(cycle, org.mari).action_items
    assert copy.owner_id == org.olev.id


def test_the_new_review_shows_where_a_carried_item_came_from_and_it_can_be_closed(org, login_as):
    share(org.reviews["mari"])
    item(org.reviews["mari"], "Finish the ITIL course", owner=org.mari)
    cycle = _next_cycle(org)
    cycle_flow.open_cycle(None, cycle)
    db.session.commit()
    new = review_of(cycle, org.mari)
    page = login_as(org.kadri).get(f"/reviews/{new.id}/assess").get_data(as_text=True)
    assert "Carried from 2026 Q4" in page and "Finish the ITIL course" in page
    # the employee sees the carried item at once, before the new review is shared
    mine = login_as(org.mari).get("/actions/").get_data(as_text=True)
    assert "Finish the ITIL course" in mine and "Carried from 2026 Q4" in mine
