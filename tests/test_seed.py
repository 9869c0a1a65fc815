"""The demo organisation built by ``flask seed-demo``: its shape, the consistency of its
history, its sign-in accounts, and the command's refusal to touch a database in use."""

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import func, select

from extensions import db
from reviews.models import (
    IDEA_CATEGORIES,
    IDEA_STATUSES,
    Competency,
    Cycle,
    Idea,
    Rating,
    ReportingLine,
    Review,
    Team,
    User,
)
from reviews.seed.open_cycle import current_quarter
from reviews.seed.timeline import past_quarters
from reviews.services.people.accounts import current_manager

PASSWORD = "rapport-demo"
FIXED = {
    "admin@example.com": {"admin"},
    "leader@example.com": {"leadership", "staff"},
    "manager@example.com": {"manager", "staff"},
    "staff@example.com": {"staff"},
}


@pytest.fixture
def seeded(app, runner):
    """The demo, built once through the real command."""
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    return result.output


def closed_cycles() -> list[Cycle]:
    query = select(Cycle).where(Cycle.status == "closed").order_by(Cycle.period_start)
    return list(db.session.scalars(query))


def by_email(email: str) -> User:
    return db.session.scalar(select(User).where(User.email == email))


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def table_counts() -> dict[str, int]:
    return {
        t.name: db.session.execute(select(func.count()).select_from(t)).scalar()
        for t in (db.metadata.sorted_tables)
    }


def test_builds_a_help_desk_of_four_teams_and_eight_closed_cycles(seeded):
    people = list(db.session.scalars(select(User)))
    assert 38 <= len(people) <= 46
    assert all(p.email.endswith("@example.com") and p.email.isascii() for p in people)
    assert {p.locale for p in people} == {"en", "et", "sl"}
    assert count(Team) == 4
    cycles = closed_cycles()
    expected = [q.name for q in past_quarters(date.today(), 8)]
    assert [c.name for c in cycles] == expected
    assert all(c.opened_at and c.closed_at for c in cycles)
    [open_cycle] = db.session.scalars(select(Cycle).where(Cycle.status == "open"))
    assert open_cycle.name == current_quarter(date.today())[0]
    assert "rapport-demo" in seeded and "staff@example.com" in seeded


def test_fixed_accounts_have_their_roles_and_reporting_lines(seeded):
    for email, roles in FIXED.items():
        assert roles <= by_email(email).roles, email
    manager, staff = by_email("manager@example.com"), by_email("staff@example.com")
    assert current_manager(staff) == manager
    assert staff.team_id == manager.team_id is not None
    leader = by_email("leader@example.com")
    # Team managers report to the head of IT services, who therefore also holds "manager".
    assert current_manager(manager) == leader
    for person in db.session.scalars(select(User).where(User.team_id.is_not(None))):
        if person.active:
            assert current_manager(person) is not None, person.email


def test_fixed_accounts_sign_in_with_the_demo_password(seeded, login_as):
    for email in FIXED:
        client = login_as(by_email(email), password=PASSWORD)
        assert client.get("/").status_code == 200, email


def test_every_review_is_complete_and_rated_on_its_own_snapshot(seeded):
    reviews = list(db.session.scalars(select(Review).join(Cycle).where(Cycle.status == "closed")))
    pairs = Counter((r.cycle_id, r.employee_id) for r in reviews)
    assert len(reviews) > 250 and max(pairs.values()) == 1
    for review in reviews:
        assert review.acknowledged_at and review.step == "acknowledged"
        assert review.cycle.opened_at <= review.self_submitted_at <= review.manager_submitted_at
        assert review.manager_submitted_at <= review.shared_at <= review.acknowledged_at
        assert review.acknowledged_at <= review.cycle.closed_at
        rated = Counter((r.cycle_competency_id, r.source) for r in review.ratings)
        wanted = {(c.id, s) for c in review.cycle.competencies for s in ("self", "manager")}
        assert set(rated) == wanted and max(rated.values()) == 1
        assert review.manager_summary and review.notes
        assert review.self_strengths or review.self_notes  # the last quarter's are entries
    values = db.session.execute(select(Rating.value, Rating.not_applicable)).all()
    assert all((v is None) == na and (na or 1 <= v <= 5) for v, na in values)
    assert any(na for _, na in values)
    assert {v for v, _ in values} - {None} == {1, 2, 3, 4, 5}


def test_the_framework_changed_between_cycles(seeded):
    cycles = closed_cycles()
    snapshots = [frozenset(c.competency_id for c in cycle.competencies) for cycle in cycles]
    assert len(set(snapshots)) == 3
    assert snapshots[0] - snapshots[-1] and snapshots[-1] - snapshots[0]


def test_the_framework_and_every_snapshot_ship_in_estonian_and_slovenian(seeded):
    live = db.session.scalars(select(Competency)).all()
    assert len(live) == 10  # the eight defaults, the retired phone one, the security one
    for competency in live:
        for column in ("name", "description", "behaviour_examples"):
            texts = competency.texts(column)
            assert all(texts.values()) and len(set(texts.values())) == 3, texts
    for cycle in db.session.scalars(select(Cycle)):
        assert all(c.name_et and c.name_sl and c.description_et for c in cycle.competencies)
        assert all(level.label_et and level.label_sl for level in cycle.scale)


def test_history_keeps_reviews_with_the_manager_of_the_time(seeded):
    moved = [
        p
        for p in db.session.scalars(select(User))
        if db.session.scalar(select(func.count()).where(ReportingLine.employee_id == p.id)) == 2
    ]
    assert len(moved) == 1
    person = moved[0]
    lines = db.session.scalars(
        select(ReportingLine)
        .where(ReportingLine.employee_id == person.id)
        .order_by(ReportingLine.starts_on)
    ).all()
    old, new = lines
    assert old.ends_on == new.starts_on and new.ends_on is None
    reviews = db.session.scalars(select(Review).where(Review.employee_id == person.id)).all()
    before = [r for r in reviews if r.cycle.period_end < new.starts_on]
    after = [r for r in reviews if r.cycle.period_start > new.starts_on]
    assert before and after
    assert {r.manager_id for r in before} == {old.manager_id}
    assert {r.manager_id for r in after} == {new.manager_id}
    assert {r.team_id for r in before} != {r.team_id for r in after} == {person.team_id}
    leavers = db.session.scalars(select(User).where(User.active.is_(False))).all()
    assert len(leavers) == 1 and current_manager(leavers[0]) is None
    assert db.session.scalar(select(func.count()).where(Review.employee_id == leavers[0].id))


def test_ideas_cover_every_status_and_follow_the_rules(seeded):
    ideas = list(db.session.scalars(select(Idea)))
    assert 50 <= len(ideas) <= 70
    assert {i.status for i in ideas} == set(IDEA_STATUSES)
    assert {i.category for i in ideas} == set(IDEA_CATEGORIES)
    anonymous = [i for i in ideas if i.anonymous]
    assert anonymous and all(i.author_id is None and i.review_id is None for i in anonymous)
    for idea in ideas:
        assert idea.events[0].to_status == "submitted"
        assert idea.events[-1].to_status == idea.status
        if idea.status == "merged":
            assert idea.merged_into is not None and idea.merged_into_id != idea.id
        if idea.status == "declined":
            assert idea.decline_reason
        if idea.status == "implemented":
            assert idea.impact_note
        assert (idea.first_response_at is None) == (idea.status == "submitted")
        if idea.review is not None:
            assert idea.author_id == idea.review.employee_id
            assert idea.description in idea.review.self_suggestions
    assert any(i.supports for i in ideas) and any(i.comments for i in ideas)


def test_refuses_a_database_in_use_and_rebuilds_with_force(seeded, runner):
    before = table_counts()
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code != 0
    assert "--force" in result.output
    assert table_counts() == before
    result = runner.invoke(args=["seed-demo", "--force"])
    assert result.exit_code == 0, result.output
    assert table_counts() == before


def test_the_open_cycle_has_reviews_at_every_step(seeded):
    [cycle] = db.session.scalars(select(Cycle).where(Cycle.status == "open"))
    reviews = list(db.session.scalars(select(Review).where(Review.cycle_id == cycle.id)))
    steps = Counter(r.step for r in reviews)
    assert set(steps) == {
        "not_started",
        "draft",
        "awaiting_manager",
        "awaiting_self",
        "ready_to_share",
        "shared",
        "acknowledged",
    }, steps
    drafts = [r for r in reviews if r.step == "draft" and r.ratings]
    assert drafts, "some self-assessments are saved as drafts"
    assert not [r for r in reviews if r.step == "not_started" and r.ratings]
    staff = by_email("staff@example.com")
    mine = next(r for r in reviews if r.employee_id == staff.id)
    assert mine.self_submitted_at is None and mine.ratings  # a draft to continue
    manager = by_email("manager@example.com")
    steps_for_manager = {r.step for r in reviews if r.manager_id == manager.id}
    assert {"ready_to_share", "awaiting_manager"} <= steps_for_manager
