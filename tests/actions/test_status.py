"""Who may change which action item's status, which moves are allowed, and what a change
leaves behind (done_at, the audit trail)."""

import pytest
from sqlalchemy import select

from extensions import db
from reviews.models import AuditEvent
from reviews.services import DomainError
from reviews.services.actions.status import set_status

from .conftest import item, post, share


def test_the_employee_marks_their_item_done_from_their_list(org, login_as):
    review = org.reviews["mari"]
    share(review)
    todo = item(review, "Finish the ITIL course", owner=org.mari)
    client = login_as(org.mari)
    assert "Finish the ITIL course" in client.get("/actions/").get_data(as_text=True)
    response = post(client, f"/actions/{todo.id}/status", {"status": "done", "next": "/actions/"})
    assert response.status_code == 302 and response.headers["Location"].startswith("/actions/")
    assert todo.status == "done" and todo.done_at is not None
    event = db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "action_status_changed")
    )
    assert event.object_id == todo.id and event.actor_id == org.mari.id
    assert (event.before["status"], event.after["status"]) == ("open", "done")


def test_reopening_a_done_item_clears_when_it_was_done(org):
    share(org.reviews["mari"])
    todo = item(org.reviews["mari"], owner=org.mari)
    set_status(org.mari, todo, "done")
    set_status(org.mari, todo, "in_progress")
    assert todo.done_at is None


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("mari", True), ("kadri", True), ("anu", True), ("liis", False), ("jaan", False),
     ("olev", False)],
)  # fmt: skip
def test_who_may_change_the_status(org, who, allowed):
    """The review's employee (Mari) and manager (Kadri) and admins; not leadership, who only
    read, nor a colleague or another manager."""
    share(org.reviews["mari"])
    todo = item(org.reviews["mari"])
    person = getattr(
        org, who if who not in ("liis", "anu") else {"liis": "leader", "anu": "admin"}[who]
    )
    if allowed:
        assert set_status(person, todo, "in_progress")
    else:
        with pytest.raises(DomainError):
            set_status(person, todo, "in_progress")
        assert todo.status == "open"


def test_leadership_sees_the_item_but_is_refused_and_a_colleague_never_finds_it(org, login_as):
    share(org.reviews["mari"])
    todo = item(org.reviews["mari"])
    url = f"/actions/{todo.id}/status"
    assert post(login_as(org.leader), url, {"status": "done"}).status_code == 403
    assert post(login_as(org.jaan), url, {"status": "done"}).status_code == 404
    assert todo.status == "open"


def test_the_employee_cannot_see_or_change_an_item_of_a_review_not_shared_yet(org, login_as):
    todo = item(org.reviews["mari"], "Draft idea of the manager", owner=org.mari)
    client = login_as(org.mari)
    assert "Draft idea of the manager" not in client.get("/actions/").get_data(as_text=True)
    assert post(client, f"/actions/{todo.id}/status", {"status": "done"}).status_code == 404


def test_carried_is_never_chosen_by_hand_and_a_carried_item_is_final(org, login_as):
    share(org.reviews["mari"])
    todo = item(org.reviews["mari"], owner=org.mari)
    with pytest.raises(DomainError):
        set_status(org.kadri, todo, "carried")
    client = login_as(org.mari)
    assert post(client, f"/actions/{todo.id}/status", {"status": "carried"}).status_code == 302
    assert todo.status == "open"  # refused by the form: not a choice
    todo.status = "carried"
    db.session.commit()
    with pytest.raises(DomainError):
        set_status(org.admin, todo, "open")
    assert post(client, f"/actions/{todo.id}/status", {"status": "open"}).status_code == 403


def test_only_the_reviews_manager_and_admins_edit_what_was_agreed(org, login_as):
    share(org.reviews["mari"])
    todo = item(org.reviews["mari"], owner=org.mari, due=None)
    todo.reminded_soon_at = todo.created_at
    db.session.commit()
    data = {"description": "Finish the ITIL course", "due_on": "2027-03-01"}
    assert post(login_as(org.mari), f"/actions/{todo.id}/edit", data).status_code == 403
    assert post(login_as(org.leader), f"/actions/{todo.id}/edit", data).status_code == 403
    assert post(login_as(org.kadri), f"/actions/{todo.id}/edit", data).status_code == 302
    assert todo.description == "Finish the ITIL course" and str(todo.due_on) == "2027-03-01"
    assert todo.reminded_soon_at is None  # the new date is reminded of again
    empty = post(login_as(org.kadri), f"/actions/{todo.id}/edit", {"description": " "})
    assert empty.status_code == 400 and "Describe the action." in empty.get_data(as_text=True)


def test_the_manager_form_changes_statuses_through_set_status(org, login_as):
    from tests.reviews.conftest import manager_form
    from tests.reviews.test_manager_assessment import post_assess

    review = org.reviews["mari"]
    competencies = review.cycle.competencies
    data = manager_form(review, submit=False)
    data |= {
        "actions-0-status": "done",
        "actions-0-competencies": [str(competencies[0].competency_id)],
    }
    assert post_assess(login_as(org.kadri), review, data).status_code == 302
    [saved] = review.action_items
    assert saved.status == "done" and saved.done_at is not None
    assert [c.id for c in saved.competencies] == [competencies[0].competency_id]
    assert db.session.scalar(
        select(AuditEvent).where(
            AuditEvent.action == "action_status_changed", AuditEvent.object_id == saved.id
        )
    )


def test_the_manager_form_offers_no_carried_status_and_refuses_a_forged_one(org, login_as):
    from tests.reviews.conftest import manager_form
    from tests.reviews.test_manager_assessment import post_assess

    review = org.reviews["mari"]
    client = login_as(org.kadri)
    page = client.get(f"/reviews/{review.id}/assess").get_data(as_text=True)
    assert 'value="carried"' not in page and "Competencies it concerns" in page
    forged = manager_form(review, submit=False) | {"actions-0-status": "carried"}
    assert post_assess(client, review, forged).status_code == 400
    assert review.action_items == []
