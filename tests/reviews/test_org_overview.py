"""Leadership's organisation overview on the home page: each number counts what its label
says (issue 9: mutants of ``services.overview.org_summary``)."""

import re
from datetime import datetime

from extensions import db
from reviews.services.ideas import contributions
from tests import factories


def stats(page: str) -> dict[str, str]:
    """The overview's numbers, by their label."""
    pairs = re.findall(
        r'<span class="stat-value">([^<]*)</span><span class="stat-label">([^<]*)</span>', page
    )
    return {label: value for value, label in pairs}


def idea(author, title, status=None):
    submitted = contributions.submit_idea(
        author, title=title, description="Why.", category="tools", team=None, anonymous=False
    )
    if status:
        submitted.idea.status = status
    return submitted.idea


def test_the_overview_counts_active_teams_open_ideas_and_the_cycles_reviews(org, login_as):
    factories.team("Closed Desk").active = False
    idea(org.mari, "Shared reply macros")
    idea(org.jaan, "Night rota", status="implemented")
    idea(org.peeter, "Phone menu", status="declined")
    org.review.acknowledged_at = datetime(2026, 11, 2, 9, 0)
    db.session.commit()
    page = login_as(org.leader).get("/").get_data(as_text=True)
    assert stats(page) == {
        "active people": "7",
        "teams": "2",
        "review cycles": "1",
        "open ideas": "1",
        "ideas implemented": "1",
    }
    assert "2026 Q4: 1 of 5 reviews acknowledged" in page
