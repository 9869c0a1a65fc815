"""Share, acknowledge, amend; the admin's reassign and reopen; all audited."""

from datetime import date, timedelta

from extensions import db
from reviews.models import AuditEvent, Notification
from tests.conftest import csrf_token

from .conftest import manager_form, self_form


def fill(review, client_for):
    """Both sides submit (one signed-in client at a time)."""
    mari = client_for("mari")
    mari.post(
        f"/reviews/{review.id}/self",
        data=dict(self_form(review), csrf_token=csrf_token(mari, f"/reviews/{review.id}/self")),
    )
    kadri = client_for("kadri")
    kadri.post(
        f"/reviews/{review.id}/assess",
        data=dict(
            manager_form(review), csrf_token=csrf_token(kadri, f"/reviews/{review.id}/assess")
        ),
    )
    assert review.self_submitted_at and review.manager_submitted_at


def press(client, review, action, **data):
    data["csrf_token"] = csrf_token(client, f"/reviews/{review.id}")
    data.setdefault("confirmed", "yes")  # the answer to "Share the review now?" and the like
    return client.post(f"/reviews/{review.id}/{action}", data=data, follow_redirects=True)


def test_the_whole_flow_share_acknowledge_then_read_only(org, login_as):
    review = org.review
    fill(review, lambda who: login_as(getattr(org, who)))

    kadri = login_as(org.kadri)
    page = press(kadri, review, "share").get_data(as_text=True)
    assert "The review has been shared with Mari Tamm." in page and review.shared_at

    mari = login_as(org.mari)
    html = mari.get(f"/reviews/{review.id}").get_data(as_text=True)
    assert "Handled the enrolment-week queue calmly." in html  # the manager's part, now shared
    assert "Consider for team lead next year." not in html  # never the private note
    assert "Acknowledge review" in html

    press(mari, review, "acknowledge", comment="Thanks, fair.", disagrees="")
    assert review.acknowledged_at and review.employee_comment == "Thanks, fair."
    kinds = {n.kind for n in db.session.query(Notification).filter_by(user_id=org.kadri.id)}
    assert "review_acknowledged" in kinds
    # read-only: the manager can no longer write, only amend
    assert login_as(org.kadri).get(f"/reviews/{review.id}/assess").status_code == 200
    page = login_as(org.kadri).get(f"/reviews/{review.id}/assess").get_data(as_text=True)
    assert "Amend the review" in page


def test_cannot_share_before_submitting(org, login_as):
    kadri = login_as(org.kadri)
    page = press(kadri, org.review, "share").get_data(as_text=True)
    assert "Submit your assessment before sharing the review." in page
    assert org.review.shared_at is None


def test_share_waits_for_self_assessment_until_its_deadline(org, login_as):
    review = org.review
    kadri = login_as(org.kadri)
    kadri.post(
        f"/reviews/{review.id}/assess",
        data=dict(
            manager_form(review), csrf_token=csrf_token(kadri, f"/reviews/{review.id}/assess")
        ),
    )
    assert "The self-assessment is not in yet." in press(kadri, review, "share").get_data(
        as_text=True
    )
    org.cycle.self_deadline = date.today() - timedelta(days=1)
    db.session.commit()
    press(kadri, review, "share")
    assert review.shared_at is not None


def test_disagreement_needs_a_comment(org, login_as):
    review = org.review
    fill(review, lambda who: login_as(getattr(org, who)))
    press(login_as(org.kadri), review, "share")
    mari = login_as(org.mari)
    page = press(mari, review, "acknowledge", comment="", disagrees="y").get_data(as_text=True)
    assert "Say what you disagree with" in page and review.acknowledged_at is None
    press(
        mari,
        review,
        "acknowledge",
        comment="The rating on procedures ignores the new tool.",
        disagrees="y",
    )
    assert review.employee_disagrees and review.acknowledged_at


def test_amendment_is_audited_with_before_and_after(org, login_as):
    review = org.review
    fill(review, lambda who: login_as(getattr(org, who)))
    press(login_as(org.kadri), review, "share")
    press(login_as(org.mari), review, "acknowledge", comment="", disagrees="")
    kadri = login_as(org.kadri)
    data = manager_form(
        review,
        summary="Amended summary after the follow-up talk.",
        **{"actions-0-id": str(review.action_items[0].id)},
    )
    data["csrf_token"] = csrf_token(kadri, f"/reviews/{review.id}/assess")
    response = kadri.post(f"/reviews/{review.id}/assess", data=data, follow_redirects=True)
    assert "Amendment saved." in response.get_data(as_text=True)
    assert review.amended_at is not None
    event = db.session.query(AuditEvent).filter_by(action="review_amended").one()
    assert event.before["summary"] == "A reliable quarter with clear growth in communication."
    assert event.after["summary"] == "Amended summary after the follow-up talk."
    assert "Amended" in login_as(org.mari).get(f"/reviews/{review.id}").get_data(as_text=True)


def test_admin_reassigns_and_reopens_both_audited(org, login_as):
    review = org.review
    fill(review, lambda who: login_as(getattr(org, who)))
    press(login_as(org.kadri), review, "share")
    admin = login_as(org.admin)
    press(admin, review, "reopen")
    assert review.shared_at is None and review.manager_submitted_at is None
    press(admin, review, "reassign", manager_id=str(org.olev.id))
    assert review.manager_id == org.olev.id
    actions = {e.action for e in db.session.query(AuditEvent).filter_by(object_type="reviews")}
    assert {"review_reopened", "review_reassigned"} <= actions


def test_non_admins_cannot_reassign_or_reopen(org, login_as):
    kadri = login_as(org.kadri)
    for action in ("reassign", "reopen"):
        response = kadri.post(
            f"/reviews/{org.review.id}/{action}",
            data={"csrf_token": csrf_token(kadri, "/"), "manager_id": str(org.kadri.id)},
        )
        assert response.status_code == 403
    assert org.review.manager_id == org.kadri.id
