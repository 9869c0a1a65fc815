"""The manager's form and the action items' lists change the same statuses: the form changes
only the statuses whose select was changed from what it showed, and last time's items are
followed up — and carried over where that can still happen — by the manager of this review,
also one who took the person over."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from extensions import db
from reviews.models import ActionItem, Review, TrainingRecord
from reviews.services import DomainError
from reviews.services.actions.status import set_status
from reviews.services.people.accounts import set_manager
from reviews.services.reviews import assessments
from tests import factories
from tests.conftest import csrf_token
from tests.organisation import build_org


def _save(review, manager, actions=(), follow_ups=()):
    assessments.save_manager_assessment(
        review, manager, version=review.version, ratings=[], notes=[], actions=list(actions),
        summary="", private_note="", submit=False, follow_ups=list(follow_ups),
    )  # fmt: skip
    db.session.commit()


def _carried_item_in(org):
    """Mari's review with an item carried into it (she sees it, and may update it)."""
    review = org.reviews["mari"]
    item = ActionItem(description="Learn the new CRM", kind="coaching", owner_id=org.mari.id)
    review.action_items.append(item)
    db.session.commit()
    return review, item


def test_a_form_opened_before_the_employee_marked_done_does_not_put_it_back(app):
    org = build_org(cycle="2026 Q4")
    review, item = _carried_item_in(org)
    shown = item.status  # the manager's page is rendered: "open"
    set_status(org.mari, item, "done")  # Mari, from "My action items"
    db.session.commit()
    done_at = item.done_at
    _save(review, org.kadri, [
        assessments.ActionInput(item.description, kind=item.kind, owner_id=org.mari.id,
                                id=item.id, status="open", shown_status=shown),
    ])  # fmt: skip
    assert item.status == "done" and item.done_at == done_at


def test_the_managers_changed_select_is_saved_and_put_back_by_the_next_autosave(app):
    org = build_org(cycle="2026 Q4")
    review, item = _carried_item_in(org)

    def autosave(status):  # the page is not rendered again: it still shows "open"
        _save(review, org.kadri, [
            assessments.ActionInput(item.description, kind=item.kind, owner_id=org.mari.id,
                                    id=item.id, status=status, shown_status="open"),
        ])  # fmt: skip

    autosave("in_progress")
    assert item.status == "in_progress"
    autosave("open")  # the manager changed their mind: their own change, so it is undone
    assert item.status == "open"


def test_the_form_sends_the_status_each_row_was_rendered_with(app, login_as):
    org = build_org(cycle="2026 Q4")
    review, item = _carried_item_in(org)
    set_status(org.mari, item, "in_progress")
    db.session.commit()
    html = login_as(org.kadri).get(f"/reviews/{review.id}/assess").get_data(as_text=True)
    assert 'name="actions-0-shown_status" type="hidden" value="in_progress"' in html


def _previous(org, *items, manager=None):
    factories.framework()
    earlier = factories.cycle("2026 Q3", start=date(2025, 7, 1))
    earlier.period_start, earlier.status = date(2000, 1, 1), "closed"
    old = Review(cycle=earlier, employee=org.mari, manager=manager or org.kadri, team=org.desk,
                 shared_at=datetime(2025, 9, 30))  # fmt: skip
    old.action_items.extend(items)
    db.session.add(old)
    db.session.commit()
    return old


def test_only_an_item_still_open_offers_to_be_carried_over(app, login_as):
    org = build_org(cycle="2026 Q4")
    done = ActionItem(description="Finished course", kind="training", status="done")
    reopened = ActionItem(description="Reopened coaching", kind="coaching", status="open")
    _previous(org, done, reopened)
    review = org.reviews["mari"]
    html = login_as(org.kadri).get(f"/reviews/{review.id}/assess").get_data(as_text=True)
    rows = html.split('class="table table-form follow-ups"')[1].split("</table>")[0]
    finished, still_open = rows.split("<tr>")[2:]
    assert "Finished course" in finished and "-carry" not in finished
    assert "Reopened coaching" in still_open and 'name="previous-1-carry"' in still_open


def test_carrying_over_an_item_being_closed_is_refused_not_ignored(app):
    org = build_org(cycle="2026 Q4")
    reopened = ActionItem(description="Reopened coaching", kind="coaching", status="open")
    _previous(org, reopened)
    review = org.reviews["mari"]
    with pytest.raises(DomainError):
        _save(review, org.kadri, follow_ups=[
            assessments.FollowUp(reopened.id, "done", carry=True, shown_status="open"),
        ])  # fmt: skip
    db.session.rollback()
    _save(review, org.kadri, follow_ups=[
        assessments.FollowUp(reopened.id, "open", carry=True, shown_status="open"),
    ])  # fmt: skip
    assert reopened.status == "carried"
    assert [i.carried_from_id for i in review.action_items] == [reopened.id]


def test_a_manager_who_took_the_person_over_follows_up_last_reviews_items(app, login_as):
    """Olev takes Mari over from Kadri: her review of this cycle is his, and the items Kadri
    agreed with her last time are his to follow up (not a party to them otherwise)."""
    org = build_org(cycle="2026 Q4")
    course = ActionItem(description="Listening workshop", kind="training",
                        status="in_progress", owner_id=org.kadri.id)  # fmt: skip
    coaching = ActionItem(description="Shadow a colleague", kind="coaching", status="done")
    _previous(org, course, coaching)
    set_manager(org.mari, org.olev)
    review = org.reviews["mari"]
    review.manager = org.olev
    db.session.commit()
    _save(review, org.olev, follow_ups=[
        assessments.FollowUp(course.id, "done", shown_status="in_progress"),
        assessments.FollowUp(coaching.id, "dropped", shown_status="done"),
    ])  # fmt: skip
    assert (course.status, coaching.status) == ("done", "dropped")
    record = db.session.scalar(select(TrainingRecord))
    assert record.action_item_id == course.id and record.person_id == org.mari.id
    # ... and through the page, as the form posts it
    client = login_as(org.olev)
    response = client.post(f"/reviews/{review.id}/assess", data={
        "csrf_token": csrf_token(client, f"/reviews/{review.id}/assess"),
        "version": review.version, "action": "draft",
        "previous-0-id": coaching.id, "previous-0-status": "done",
        "previous-0-shown_status": "dropped",
    })  # fmt: skip
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    assert coaching.status == "done"
    # Another manager is still refused.
    with pytest.raises(DomainError):
        set_status(org.jaan, course, "open")
