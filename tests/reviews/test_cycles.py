"""Opening, adding people to and closing a cycle."""

from datetime import timedelta

import pytest

from extensions import db
from reviews.models import Notification
from reviews.services import DomainError
from reviews.services.cycles import flow as cycle_flow
from reviews.services.notifications.inbox import render
from tests import factories
from tests.conftest import csrf_token
from tests.organisation import cycle_reviews


def test_opening_creates_one_review_per_active_person_with_a_manager(org):
    by_person = {r.employee.name: r for r in cycle_reviews(org.cycle)}
    # Liis (leadership) and Anu (admin) have no manager; everyone else is reviewed.
    assert set(by_person) == {"Kadri Kask", "Olev Org", "Mari Tamm", "Jaan Sepp", "Peeter Pärn"}
    assert by_person["Mari Tamm"].manager.name == "Kadri Kask"
    assert by_person["Mari Tamm"].team.name == "Service Desk"
    assert by_person["Kadri Kask"].manager.name == "Liis Leader"
    assert org.cycle.status == "open"


def test_opening_notifies_employees_and_managers(org):
    kinds = {(n.user.name, n.kind) for n in db.session.query(Notification)}
    assert ("Mari Tamm", "self_assessment_open") in kinds
    assert ("Kadri Kask", "manager_assessment_due") in kinds


def test_the_employees_notice_of_an_opened_cycle_says_by_when(org):
    [note] = db.session.query(Notification).filter_by(
        user_id=org.mari.id, kind="self_assessment_open"
    )
    text = render(note)
    assert text.startswith("Your self-assessment for 2026 Q4 is open. Please submit it by ")
    assert "%(" not in text and str(org.cycle.self_deadline.year) in text


def test_an_unfinished_review_of_a_closed_cycle_is_no_longer_overdue(org):
    after_the_deadlines = org.cycle.review_deadline + timedelta(days=1)
    assert cycle_flow.is_overdue(org.review, after_the_deadlines)
    org.cycle.status = "closed"
    db.session.commit()
    assert not cycle_flow.is_overdue(org.review, after_the_deadlines)


def test_people_added_later_join_the_open_cycle(org):
    newcomer = factories.user("staff", name="Uus Inimene", team=org.desk, manager=org.kadri)
    assert cycle_flow.add_people(None, org.cycle) == 1
    db.session.commit()
    assert "Uus Inimene" in {r.employee.name for r in cycle_reviews(org.cycle)}
    assert cycle_flow.add_people(None, org.cycle) == 0  # never twice
    assert newcomer.id


def test_people_cannot_be_added_to_a_closed_cycle_word_for_word(org):
    org.cycle.status = "closed"
    db.session.commit()
    with pytest.raises(DomainError) as refused:
        cycle_flow.add_people(None, org.cycle)
    assert str(refused.value) == ": People can only be added to an open cycle."


def test_deactivated_people_are_not_added(org):
    factories.user("staff", team=org.desk, manager=org.kadri, active=False)
    assert cycle_flow.add_people(None, org.cycle) == 0


def test_admin_opens_and_closes_cycles_through_the_pages(org, login_as):
    planned = factories.cycle("2027 Q1")
    client = login_as(org.admin)
    token = csrf_token(client, f"/cycles/{planned.id}")
    response = client.post(
        f"/cycles/{planned.id}/open",
        data={"csrf_token": token, "confirmed": "yes"},
        follow_redirects=True,
    )
    assert "Another cycle is open" in response.get_data(as_text=True)
    assert planned.status == "planned"
    response = client.post(
        f"/cycles/{org.cycle.id}/close", data={"csrf_token": token, "confirmed": "yes"}
    )
    assert response.status_code == 302 and org.cycle.status == "closed"


def test_closing_locks_the_reviews(org, login_as):
    cycle_flow.close_cycle(None, org.cycle)
    db.session.commit()
    client = login_as(org.mari)
    response = client.get(f"/reviews/{org.review.id}/self")
    assert response.status_code == 302  # back to the read-only review
    page = client.get(f"/reviews/{org.review.id}").get_data(as_text=True)
    assert "Start self-assessment" not in page


def test_only_admins_open_and_close(org, login_as):
    client = login_as(org.kadri)
    token = csrf_token(client, "/")
    assert (
        client.post(
            f"/cycles/{org.cycle.id}/close", data={"csrf_token": token, "confirmed": "yes"}
        ).status_code
        == 403
    )
    assert org.cycle.status == "open"


def test_manager_cycle_page_lists_their_reviews_with_step_and_overdue(org, login_as):
    from datetime import date, timedelta

    org.cycle.self_deadline = date.today() - timedelta(days=1)
    db.session.commit()
    html = login_as(org.kadri).get(f"/cycles/{org.cycle.id}").get_data(as_text=True)
    assert "Mari Tamm" in html and "Jaan Sepp" in html
    assert "Peeter Pärn" not in html  # Olev's team
    assert "Overdue" in html and "2 reviews are overdue." in html


def test_staff_see_their_own_reviews_and_are_taken_to_theirs_from_a_cycle(org, login_as):
    client = login_as(org.mari)
    html = client.get("/cycles/").get_data(as_text=True)
    assert "My reviews" in html and f"/reviews/{org.review.id}" in html
    assert "Review cycles" not in html
    response = client.get(f"/cycles/{org.cycle.id}")
    assert (
        response.status_code == 302 and response.headers["Location"] == f"/reviews/{org.review.id}"
    )


def test_every_role_can_open_the_reviews_page(org, login_as):
    for person in (org.mari, org.kadri, org.leader, org.admin):
        assert login_as(person).get("/cycles/").status_code == 200, person.name


def test_the_service_refuses_to_open_a_cycle_twice_for_the_whole_form(org):
    with pytest.raises(DomainError) as refused:
        cycle_flow.open_cycle(None, org.cycle)
    assert {k: str(v) for k, v in refused.value.errors.items()} == {
        "": "Only a planned cycle can be opened."
    }


def test_a_self_assessment_is_overdue_from_the_day_after_its_deadline(org):
    deadline = org.cycle.self_deadline
    assert not cycle_flow.is_overdue(org.review, deadline)
    assert cycle_flow.is_overdue(org.review, deadline + timedelta(days=1))
