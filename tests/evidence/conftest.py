"""The help desk of ``tests.organisation`` with a cycle running today (``org.review`` is
Mari's, written by Kadri), an earlier cycle to put a previous review in, and helpers to give
a review evidence: a source registered for the test, an idea implemented."""

from datetime import date, datetime, timedelta

import pytest

from extensions import db
from reviews.models import Review, utcnow
from reviews.services.ideas import contributions as idea_service
from reviews.services.reviews import evidence
from tests import factories
from tests.organisation import build_org


@pytest.fixture
def org(app):
    org = build_org(cycle="2026 Q4")
    org.review = org.reviews["mari"]
    return org


def previous_review(org, *, shared_at: datetime | None) -> Review:
    """Mari's review of an earlier cycle (ending 2026-09-28), shared at ``shared_at``."""
    earlier = factories.cycle("2026 Q3", start=date(2026, 7, 1))
    earlier.period_start = org.cycle.period_start - timedelta(days=200)
    earlier.period_end = org.cycle.period_start - timedelta(days=110)
    earlier.self_deadline = earlier.review_deadline = earlier.period_end
    old = Review(
        cycle=earlier, employee=org.mari, manager=org.kadri, team=org.desk, shared_at=shared_at
    )
    db.session.add(old)
    db.session.commit()
    return old


def implemented_idea(author, title, *, decided_at=None, anonymous=False, review=None):
    """An idea submitted by ``author`` through the real service (anonymously if asked), then
    implemented at ``decided_at`` (now by default)."""
    submitted = idea_service.submit_idea(
        author,
        title=title,
        description="Explained in a sentence.",
        category="process",
        team=None,
        anonymous=anonymous,
        review=review,
    )
    db.session.commit()
    idea = submitted.idea
    idea.status = "implemented"
    idea.decided_at = decided_at or utcnow()
    db.session.commit()
    return idea


class Recorder:
    """A source registered for a test: answers ``items`` and remembers every call."""

    def __init__(self, *items):
        self.items = list(items)
        self.calls = []

    def __call__(self, person_id, since, until):
        self.calls.append((person_id, since, until))
        return list(self.items)


@pytest.fixture
def register(monkeypatch):
    """Register sources for the test, after the ones the app has (the ideas source)."""

    def add(*sources):
        monkeypatch.setattr(evidence, "SOURCES", [*evidence.SOURCES, *sources])

    return add


def framework_id(org, index: int) -> int:
    """The framework competency behind the cycle's ``index``-th competency."""
    return org.cycle.competencies[index].competency_id
