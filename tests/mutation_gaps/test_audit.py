"""The audit trail as admins read it (the fourth mutation run, issue 9): who it names for
an acknowledgement (``reviews.flow.acknowledge`` 27 recorded none) and a closed cycle under
its action (``cycles.flow.close_cycle`` 20)."""

from datetime import datetime

from sqlalchemy import select

from extensions import db
from reviews.models import AuditEvent
from reviews.services.cycles import flow as cycle_flow
from reviews.services.reviews import flow as review_flow
from tests.admin import builders

NOW = datetime(2026, 11, 2, 9, 0)


def test_an_acknowledgement_is_recorded_as_the_employees(org_in_cycle):
    org = org_in_cycle
    review = org.reviews["mari"]
    review.self_submitted_at = review.manager_submitted_at = review.shared_at = NOW
    db.session.commit()
    review_flow.acknowledge(review, org.mari, comment="Agreed.", disagrees=False)
    db.session.commit()
    query = select(AuditEvent).where(AuditEvent.action == "review_acknowledged")
    [event] = db.session.scalars(query).all()
    assert (event.actor_id, event.object_id, event.after) == (
        org.mari.id,
        review.id,
        {"disagrees": False},
    )


def test_closing_a_cycle_is_found_under_its_action_in_the_audit_log(org_in_cycle, login_as):
    """``cycles.flow.close_cycle`` 20: recorded as "CYCLE_CLOSED", which the log's filter
    for "Closed a cycle" does not find."""
    org = org_in_cycle
    cycle_flow.close_cycle(org.admin, org.cycle)
    db.session.commit()
    response = login_as(org.admin).get("/admin/audit?action=cycle_closed")
    rows = builders.log_rows(response)
    assert "Closed a cycle" in rows and "2026 Q4" in rows
