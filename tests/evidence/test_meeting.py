"""The suggestions made in the review meeting: recorded by the review's manager while the
cycle is open, in the audit trail, read by the employee once the review is shared."""

from sqlalchemy import select

from extensions import db
from reviews.models import AuditEvent
from reviews.services.reviews import flow as review_flow
from tests.conftest import csrf_token
from tests.reviews.conftest import manager_form, self_form


def record(client, review, text, version=None):
    data = {"version": str(version or review.version), "text": text}
    data["csrf_token"] = csrf_token(client, f"/reviews/{review.id}")
    return client.post(f"/reviews/{review.id}/meeting", data=data)


def share(org, login_as):
    review = org.review
    for person, url, form in (
        (org.mari, f"/reviews/{review.id}/self", self_form),
        (org.kadri, f"/reviews/{review.id}/assess", manager_form),
    ):
        client = login_as(person)
        client.post(url, data=dict(form(review), csrf_token=csrf_token(client, url)))
    review_flow.share(review, org.kadri)
    db.session.commit()


def test_the_manager_records_them_and_the_change_is_audited(org, login_as):
    kadri = login_as(org.kadri)
    response = record(kadri, org.review, "  Try the de-escalation course in spring.  ")
    assert response.status_code == 302 and response.location.endswith("#meeting")
    assert org.review.meeting_suggestions == "Try the de-escalation course in spring."
    event = db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "meeting_suggestions_recorded")
    )
    assert event.actor_id == org.kadri.id and event.object_id == org.review.id
    assert event.after == {"meeting_suggestions": "Try the de-escalation course in spring."}
    assert "Try the de-escalation course" in kadri.get(f"/reviews/{org.review.id}").get_data(
        as_text=True
    )


def test_the_employee_reads_them_once_the_review_is_shared(org, login_as):
    record(login_as(org.kadri), org.review, "MEETING-NOTE")
    mari = login_as(org.mari)
    assert "MEETING-NOTE" not in mari.get(f"/reviews/{org.review.id}").get_data(as_text=True)
    share(org, login_as)
    html = login_as(org.mari).get(f"/reviews/{org.review.id}").get_data(as_text=True)
    assert "MEETING-NOTE" in html and f"/reviews/{org.review.id}/meeting" not in html


def test_they_can_be_recorded_after_sharing(org, login_as):
    share(org, login_as)
    assert record(login_as(org.kadri), org.review, "After the meeting.").status_code == 302
    assert org.review.meeting_suggestions == "After the meeting."


def test_only_the_reviews_manager_records_them(org, login_as):
    for person, status in ((org.mari, 403), (org.leader, 403), (org.olev, 404)):
        assert record(login_as(person), org.review, "Not mine.").status_code == status
    assert org.review.meeting_suggestions == ""


def test_too_long_a_text_is_refused_with_a_message(org, login_as):
    response = record(login_as(org.kadri), org.review, "x" * 5001)
    assert response.status_code == 400
    assert "Keep this under 5000 characters." in response.get_data(as_text=True)
    assert org.review.meeting_suggestions == ""


def test_a_stale_form_is_refused(org, login_as):
    kadri = login_as(org.kadri)
    old = org.review.version
    record(kadri, org.review, "First.")
    response = record(kadri, org.review, "Second.", version=old)
    assert response.status_code == 409
    assert org.review.meeting_suggestions == "First."


def test_not_in_a_closed_cycle(org, login_as):
    org.cycle.status = "closed"
    db.session.commit()
    # The form is not offered once the cycle is closed; a forged post is refused outright.
    assert record(login_as(org.kadri), org.review, "Late.").status_code == 403
    assert org.review.meeting_suggestions == ""
