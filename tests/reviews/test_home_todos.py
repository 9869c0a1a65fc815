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
