"""Leadership's overview counts the acknowledged reviews of the cycle it names only (the
fourth mutation run, issue 9: ``overview.org_summary`` 46 counted every cycle's)."""

from datetime import datetime

from extensions import db
from reviews.models import utcnow
from tests.organisation import build_org, open_cycle


def test_the_overview_counts_only_the_named_cycles_acknowledgements(app, login_as):
    org = build_org(cycle="2026 Q3")
    org.reviews["mari"].acknowledged_at = datetime(2026, 9, 30, 9, 0)
    org.cycle.status, org.cycle.closed_at = "closed", utcnow()
    db.session.commit()
    open_cycle("2026 Q4")
    page = login_as(org.leader).get("/").get_data(as_text=True)
    assert "2026 Q4: 0 of 5 reviews acknowledged" in page
