"""Following up last review's action items: only the ones ticked "carry over" come into the
new review (the fourth mutation run, issue 9: ``assessments._follow_up`` 41 carried every
item not already there, ticked or not — a finished one too)."""

from datetime import date

from extensions import db
from reviews.models import ActionItem, Review
from tests import factories
from tests.conftest import csrf_token
from tests.reviews.conftest import manager_form


def test_an_item_followed_up_but_not_carried_over_stays_behind(org_in_cycle, login_as):
    org = org_in_cycle
    review = org.reviews["mari"]
    earlier = factories.cycle("2026 Q3", start=date(2025, 7, 1))
    earlier.period_start = date(2000, 1, 1)
    old = Review(cycle=earlier, employee=org.mari, manager=org.kadri, team=org.desk)
    itil = ActionItem(description="Finish ITIL Foundation", status="in_progress")
    kb = ActionItem(description="Write three KB articles", status="open", owner_id=org.mari.id)
    old.action_items.extend([itil, kb])
    db.session.add(old)
    db.session.commit()
    kadri = login_as(org.kadri)
    assess = f"/reviews/{review.id}/assess"
    data = manager_form(review, submit=False, csrf_token=csrf_token(kadri, assess))
    data |= {"previous-0-id": str(itil.id), "previous-0-status": "done"}
    data |= {
        "previous-1-id": str(kb.id),
        "previous-1-status": "in_progress",
        "previous-1-carry": "y",
    }
    assert kadri.post(assess, data=data).status_code == 302
    assert itil.status == "done"
    assert sorted(a.description for a in review.action_items) == [
        "De-escalation training",
        "Write three KB articles",
    ]
