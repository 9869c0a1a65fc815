"""What the people around a review read: the refusals word for word (also from the service
itself, where the page's own checks usually answer first), the notification of a shared
review with its sentence and link, and who the audit trail names for a share and an
amendment (issue 9: mutants of ``services.reviews.flow`` and ``assessments``)."""

from datetime import date, datetime, timedelta

import pytest

from extensions import db
from reviews.models import AuditEvent, Notification, Review
from reviews.services import DomainError
from reviews.services.notifications.inbox import render
from reviews.services.reviews import assessments
from reviews.services.reviews import flow as review_flow
from tests.conftest import csrf_token

from .conftest import manager_form

NOW = datetime(2026, 11, 2, 9, 0)


def written(review: Review, *, shared: bool = False) -> Review:
    review.self_submitted_at = review.manager_submitted_at = NOW
    if shared:
        review.shared_at = NOW
    db.session.commit()
    return review


def press(client, review, action, **data):
    data["csrf_token"] = csrf_token(client, f"/reviews/{review.id}")
    data.setdefault("confirmed", "yes")  # the answer to "Share the review now?" and the like
    response = client.post(f"/reviews/{review.id}/{action}", data=data, follow_redirects=True)
    return response.get_data(as_text=True)


def refusal(call) -> str:
    with pytest.raises(DomainError) as refused:
        call()
    return str(refused.value)


def test_sharing_before_the_self_assessment_explains_when_it_can_be(org, login_as):
    review = org.review
    review.manager_submitted_at = NOW
    org.cycle.self_deadline = date.today() + timedelta(days=1)
    db.session.commit()
    page = press(login_as(org.kadri), review, "share")
    assert (
        "The self-assessment is not in yet. You can share once it is submitted or after its "
        "deadline has passed." in page
    )


def test_a_shared_review_tells_the_employee_who_shared_it_and_links_to_it(org, login_as):
    review = written(org.review)
    press(login_as(org.kadri), review, "share")
    assert review.shared_at is not None
    [note] = db.session.query(Notification).filter_by(user_id=org.mari.id, kind="review_shared")
    assert note.url == f"/reviews/{review.id}"
    assert render(note) == "Kadri Kask has shared your 2026 Q4 review with you."
    event = db.session.query(AuditEvent).filter_by(object_type="reviews").one()
    assert (event.action, event.object_id, event.actor_id) == (
        "review_shared",
        review.id,
        org.kadri.id,
    )


def test_the_service_refuses_a_suggestion_once_the_cycle_is_closed(org):
    org.cycle.status = "closed"
    db.session.commit()
    message = refusal(
        lambda: review_flow.add_suggestion(
            org.review,
            org.mari,
            title="Shorter queue",
            description="Open a second window at lunchtime.",
            category="process",
            anonymous=False,
        )
    )
    assert message == ": Suggestions can be added while the cycle is open."


def test_the_service_refuses_to_give_a_review_to_its_own_employee(org):
    message = refusal(lambda: review_flow.reassign(org.review, org.admin, org.mari))
    assert message == "manager_id: A person cannot review themselves."
    assert org.review.manager_id == org.kadri.id


def test_the_service_refuses_to_amend_a_review_not_yet_acknowledged(org):
    review = written(org.review, shared=True)
    amend = dict(
        version=review.version, ratings=[], notes=[], actions=[], summary="", private_note=""
    )
    message = refusal(lambda: assessments.amend_manager_assessment(review, org.kadri, **amend))
    assert message == ": This review cannot be amended."


def test_an_amendment_names_the_manager_who_made_it(org, login_as):
    review = org.review
    kadri = login_as(org.kadri)
    data = manager_form(review)
    data["csrf_token"] = csrf_token(kadri, f"/reviews/{review.id}/assess")
    kadri.post(f"/reviews/{review.id}/assess", data=data)
    review.self_submitted_at = review.shared_at = review.acknowledged_at = NOW
    db.session.commit()
    data = manager_form(
        review,
        summary="Amended after the follow-up talk.",
        **{"actions-0-id": str(review.action_items[0].id)},
    )
    data["csrf_token"] = csrf_token(kadri, f"/reviews/{review.id}/assess")
    kadri.post(f"/reviews/{review.id}/assess", data=data)
    event = db.session.query(AuditEvent).filter_by(action="review_amended").one()
    assert event.actor_id == org.kadri.id
    assert event.after == {"summary": "Amended after the follow-up talk."}


def test_the_service_refuses_to_reopen_a_review_of_a_closed_cycle_word_for_word(org):
    review = written(org.review, shared=True)
    org.cycle.status = "closed"
    db.session.commit()
    message = refusal(lambda: review_flow.reopen(review, org.admin))
    assert message == ": Only an open cycle's reviews can be reopened."
    assert review.shared_at == NOW


def test_an_amendment_to_not_applicable_is_audited_as_n_a(org, login_as):
    review = org.review
    kadri = login_as(org.kadri)
    data = manager_form(review)
    data["csrf_token"] = csrf_token(kadri, f"/reviews/{review.id}/assess")
    kadri.post(f"/reviews/{review.id}/assess", data=data)
    review.self_submitted_at = review.shared_at = review.acknowledged_at = NOW
    db.session.commit()
    first = review.cycle.competencies[0]
    data = manager_form(review, **{"actions-0-id": str(review.action_items[0].id)})
    data[f"rating_{first.id}"] = "na"
    data["csrf_token"] = csrf_token(kadri, f"/reviews/{review.id}/assess")
    kadri.post(f"/reviews/{review.id}/assess", data=data)
    event = db.session.query(AuditEvent).filter_by(action="review_amended").one()
    assert set(event.after) == {"ratings"}
    assert event.before["ratings"][first.name] == [3, ""]
    assert event.after["ratings"][first.name] == ["n/a", ""]


def test_the_new_manager_of_a_reassigned_review_is_told_whose_assessment_is_due(org):
    review_flow.reassign(org.review, org.admin, org.olev)
    db.session.commit()
    url = f"/reviews/{org.review.id}"
    [note] = db.session.query(Notification).filter_by(
        user_id=org.olev.id, kind="manager_assessment_due", url=url
    )
    day = org.cycle.review_deadline
    deadline = f"{day:%b} {day.day}, {day.year}"  # as every date is shown in English
    assert render(note) == f"Your assessment of Mari Tamm for 2026 Q4 is due on {deadline}."


def test_an_amended_action_is_audited_under_actions(org, login_as):
    review = org.review
    kadri = login_as(org.kadri)
    data = manager_form(review)
    data["csrf_token"] = csrf_token(kadri, f"/reviews/{review.id}/assess")
    kadri.post(f"/reviews/{review.id}/assess", data=data)
    review.self_submitted_at = review.shared_at = review.acknowledged_at = NOW
    db.session.commit()
    data = manager_form(review, **{"actions-0-id": str(review.action_items[0].id)})
    data["actions-0-status"] = "done"
    data["csrf_token"] = csrf_token(kadri, f"/reviews/{review.id}/assess")
    kadri.post(f"/reviews/{review.id}/assess", data=data)
    event = db.session.query(AuditEvent).filter_by(action="review_amended").one()
    assert event.before == {
        "actions": [["De-escalation training", "training", "open", "2027-02-01"]]
    }
    assert event.after == {
        "actions": [["De-escalation training", "training", "done", "2027-02-01"]]
    }
