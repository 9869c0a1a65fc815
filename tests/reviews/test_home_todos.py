"""The home page tells each person what to do next in the open cycle."""

from datetime import date, datetime, timedelta

from extensions import db
from reviews.models import Review
from reviews.services import overview
from tests.admin.builders import closed_cycle


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


def test_the_managers_team_shows_each_persons_review_of_the_cycle_asked_for(org):
    """A review of another cycle (here an older one entered later) is not the cycle's."""
    older = closed_cycle("2025 Q4")
    db.session.add(Review(cycle=older, employee=org.mari, manager=org.kadri, team=org.desk))
    db.session.commit()
    rows = overview.my_team(org.kadri, org.cycle)
    assert {row.person.name: row.review.cycle.name for row in rows} == {
        "Mari Tamm": "2026 Q4",
        "Jaan Sepp": "2026 Q4",
    }


def kinds_and_names(todos) -> list[tuple[str, str, bool]]:
    return [(t.kind, t.review.employee.name, t.overdue) for t in todos]


def test_the_overdue_things_to_do_come_first(org):
    org.cycle.self_deadline = date.today() - timedelta(days=1)  # Mari's is not in: overdue
    org.reviews["jaan"].self_submitted_at = datetime(2026, 11, 2, 9, 0)
    db.session.commit()
    assert kinds_and_names(overview.todos(org.kadri, org.cycle)) == [
        ("assess", "Mari Tamm", True),
        ("self", "Kadri Kask", True),  # her own self-assessment
        ("assess", "Jaan Sepp", False),
    ]


def test_the_things_to_do_are_in_the_order_of_the_steps_then_by_name(org):
    done = datetime(2026, 11, 2, 9, 0)
    org.review.self_submitted_at = org.review.manager_submitted_at = done
    db.session.commit()
    assert kinds_and_names(overview.todos(org.kadri, org.cycle)) == [
        ("assess", "Jaan Sepp", False),
        ("self", "Kadri Kask", False),
        ("share", "Mari Tamm", False),
    ]
