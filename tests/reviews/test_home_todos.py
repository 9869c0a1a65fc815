"""The home page tells each person what to do next in the open cycle."""

from datetime import date, timedelta

from extensions import db


def test_staff_sees_self_assessment_to_do(org, login_as):
    html = login_as(org.mari).get("/").get_data(as_text=True)
    assert "Write your self-assessment for 2026 Q4" in html
    assert f"/reviews/{org.review.id}" in html


def test_manager_sees_assessments_to_write_overdue_first(org, login_as):
    org.cycle.review_deadline = org.cycle.self_deadline = date.today() - timedelta(days=1)
    db.session.commit()
    html = login_as(org.kadri).get("/").get_data(as_text=True)
    assert "Assess Mari Tamm" in html and "Assess Jaan Sepp" in html
    assert "Overdue" in html
    assert "Assess Peeter Pärn" not in html


def test_share_is_offered_only_when_the_self_assessment_is_in(org, login_as):
    from reviews.services.reviews import assessments

    review = org.review
    assessments.save_manager_assessment(
        review,
        org.kadri,
        version=review.version,
        ratings=[],
        notes=[],
        actions=[],
        summary="",
        private_note="",
        submit=False,
    )
    review.manager_submitted_at = review.cycle.opened_at
    db.session.commit()
    assert "Share the review with Mari Tamm" not in login_as(org.kadri).get("/").get_data(
        as_text=True
    )
    review.self_submitted_at = review.cycle.opened_at
    db.session.commit()
    assert "Share the review with Mari Tamm" in login_as(org.kadri).get("/").get_data(as_text=True)


def test_a_started_self_assessment_reads_continue(org, login_as):
    client = login_as(org.mari)
    from tests.conftest import csrf_token

    first = org.review.cycle.competencies[0]
    client.post(
        f"/reviews/{org.review.id}/self",
        data={
            "version": str(org.review.version),
            "action": "draft",
            f"rating_{first.id}": "3",
            "csrf_token": csrf_token(client, f"/reviews/{org.review.id}/self"),
        },
    )
    assert "Continue your self-assessment for 2026 Q4" in client.get("/").get_data(as_text=True)
