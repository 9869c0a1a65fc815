"""``evidence.collect``: the window since the person's last review, every source asked once,
what it answers grouped by competency and kind; and the ideas source, which never links an
anonymous idea to its author."""

from datetime import datetime, time, timedelta

from extensions import db
from reviews.models import Competency, utcnow
from reviews.services.reviews import evidence
from reviews.services.reviews.evidence import Evidence

from .conftest import Recorder, framework_id, implemented_idea, previous_review

NOW = datetime(2026, 12, 1, 12, 0)


def test_the_window_of_a_first_review_is_from_the_beginning_until_now(org):
    assert evidence.window(org.review, NOW) == (None, NOW)


def test_the_window_starts_when_the_previous_review_was_shared(org):
    shared = datetime(2026, 9, 30, 15, 30)
    previous_review(org, shared_at=shared)
    assert evidence.window(org.review, NOW) == (shared, NOW)


def test_a_previous_review_never_shared_counts_from_the_end_of_its_cycle(org):
    old = previous_review(org, shared_at=None)
    day_after = datetime.combine(old.cycle.period_end + timedelta(days=1), time())
    assert evidence.window(org.review, NOW) == (day_after, NOW)


def test_each_source_is_asked_once_for_the_person_and_the_window(org, register):
    shared = datetime(2026, 9, 30, 15, 30)
    previous_review(org, shared_at=shared)
    source = Recorder()
    register(source)
    evidence.collect(org.review, NOW)
    assert source.calls == [(org.mari.id, shared, NOW)]


def test_evidence_is_grouped_by_competency_newest_first(org, register):
    listening, teamwork = framework_id(org, 1), framework_id(org, 5)
    old = Evidence(listening, "recognition", NOW.date() - timedelta(days=40), "Calm caller", 1)
    new = Evidence(listening, "training", NOW.date() - timedelta(days=3), "De-escalation", 7)
    other = Evidence(teamwork, "action", NOW.date() - timedelta(days=9), "Mentor Jaan", 4)
    register(Recorder(old, other, new))
    found = evidence.collect(org.review, NOW)
    assert found == {listening: [new, old], teamwork: [other]}


def test_what_concerns_no_rated_competency_is_kept_once_for_the_whole_review(org, register):
    """A competency retired since (not in this cycle) is not lost: it joins the review-wide
    evidence, and one record tagged with two such competencies is listed once."""
    retired = Competency(name="Fax etiquette")
    db.session.add(retired)
    db.session.commit()
    day = NOW.date()
    general = Evidence(None, "idea", day, "Shared reply macros", 3)
    tagged_retired = Evidence(retired.id, "recognition", day, "Great fax", 5)
    register(Recorder(general, tagged_retired, tagged_retired))
    assert evidence.collect(org.review, NOW) == {None: [tagged_retired, general]}


def test_kinds_are_listed_in_a_fixed_order_and_unknown_ones_last(org):
    day = NOW.date()
    items = [
        Evidence(1, kind, day, kind, n)
        for n, kind in enumerate(["idea", "badge", "action", "recognition", "training"])
    ]
    groups = evidence.grouped({1: items, 2: []})
    assert [kind for kind, _ in groups[1].kinds] == [
        "recognition",
        "training",
        "action",
        "idea",
        "badge",
    ]
    assert 2 not in groups  # nothing: no group (the page says nothing)


def test_ideas_implemented_in_the_window_under_the_authors_name(org):
    previous_review(org, shared_at=utcnow() - timedelta(days=30))
    implemented_idea(org.mari, "Before the last review", decided_at=utcnow() - timedelta(days=31))
    idea = implemented_idea(org.mari, "Shared reply macros")
    implemented_idea(org.jaan, "Jaan's own idea")
    found = evidence.collect(org.review)
    assert found == {
        None: [Evidence(None, "idea", idea.decided_at.date(), "Shared reply macros", idea.id)]
    }


def test_an_idea_not_implemented_is_not_evidence(org):
    idea = implemented_idea(org.mari, "Still planned")
    idea.status = "planned"
    db.session.commit()
    assert evidence.collect(org.review) == {}


def test_an_anonymous_idea_is_never_linked_to_its_author(org):
    """Submitted anonymously from Mari's own review and implemented: it appears in nobody's
    evidence, and neither on her forms nor on her manager's."""
    implemented_idea(org.mari, "Anonymous rota idea", anonymous=True, review=org.review)
    assert evidence.collect(org.review) == {}
    for review in org.reviews.values():
        assert evidence.collect(review) == {}
