"""The help desk of ``tests.organisation`` with a "2026 Q4" cycle open (``org.review`` is
Mari's), and the forms a browser posts for a review."""

import pytest

from tests.organisation import build_org


@pytest.fixture
def org(app):
    org = build_org(cycle="2026 Q4")
    org.review = org.reviews["mari"]
    return org


def self_form(review, value="4", submit=True, **overrides):
    """A complete self-assessment as the browser would post it."""
    data = {f"rating_{c.id}": value for c in review.cycle.competencies}
    data.update(
        version=str(review.version),
        **{
            "strengths-0-text": "I calm angry callers and keep tickets tidy.",
            "improvements-0-text": "Writing shorter knowledge-base articles.",
        },
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
