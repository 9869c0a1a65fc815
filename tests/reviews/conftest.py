"""A small open cycle: Kadri manages Mari and Jaan in the Service Desk; Olev manages another
team; Liis is leadership; Anu is admin."""

from datetime import date, timedelta
from types import SimpleNamespace

import pytest

from extensions import db
from reviews.services.cycles import flow as cycle_flow
from tests import factories


@pytest.fixture
def org(app):
    desk = factories.team("Service Desk")
    apps = factories.team("Application Support")
    leader = factories.user("leadership", "staff", name="Liis Leader")
    kadri = factories.user("manager", "staff", name="Kadri Kask", team=desk, manager=leader)
    olev = factories.user("manager", "staff", name="Olev Org", team=apps, manager=leader)
    mari = factories.user("staff", name="Mari Tamm", team=desk, manager=kadri)
    jaan = factories.user("staff", name="Jaan Sepp", team=desk, manager=kadri)
    peeter = factories.user("staff", name="Peeter Pärn", team=apps, manager=olev)
    admin = factories.user("admin", name="Anu Admin")
    today = date.today()
    cycle = factories.cycle("2026 Q4", start=date(today.year, 1, 1))
    cycle.period_start, cycle.period_end = today - timedelta(days=60), today + timedelta(days=30)
    cycle.self_deadline, cycle.review_deadline = (
        today + timedelta(days=10),
        today + timedelta(days=20),
    )
    cycle_flow.open_cycle(None, cycle)
    db.session.commit()
    reviews = {r.employee.name.split()[0].lower(): r for r in cycle_reviews(cycle)}
    return SimpleNamespace(
        cycle=cycle,
        desk=desk,
        apps=apps,
        leader=leader,
        kadri=kadri,
        olev=olev,
        mari=mari,
        jaan=jaan,
        peeter=peeter,
        admin=admin,
        reviews=reviews,
        review=reviews["mari"],
    )


def cycle_reviews(cycle):
    from reviews.models import Review

    return db.session.query(Review).filter_by(cycle_id=cycle.id).all()


def self_form(review, value="4", submit=True, **overrides):
    """A complete self-assessment as the browser would post it."""
    data = {f"rating_{c.id}": value for c in review.cycle.competencies}
    data.update(
        version=str(review.version),
        strengths="I calm angry callers and keep tickets tidy.",
        improvements="Writing shorter knowledge-base articles.",
        suggestions="",
        action="submit" if submit else "draft",
    )
    data.update(overrides)
    return data


def manager_form(review, value="3", submit=True, **overrides):
    competencies = review.cycle.competencies
    data = {f"rating_{c.id}": value for c in competencies}
    data.update({f"comment_{c.id}": "" for c in competencies})
    data.update(
        {
            "version": str(review.version),
            "strengths-0-text": "Handled the enrolment-week queue calmly.",
            "strengths-0-competencies": str(competencies[4].id),
            "improvements-0-text": "Explain fixes without jargon.",
            "improvements-0-competencies": str(competencies[2].id),
            "actions-0-description": "De-escalation training",
            "actions-0-kind": "training",
            "actions-0-owner_id": str(review.employee_id),
            "actions-0-due_on": "2027-02-01",
            "actions-0-status": "open",
            "summary": "A reliable quarter with clear growth in communication.",
            "private_note": "Consider for team lead next year.",
            "action": "submit" if submit else "draft",
        }
    )
    data.update(overrides)
    return data
