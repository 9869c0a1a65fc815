"""The generated organisation built by ``flask seed-scale``, at a small size: exact counts,
one review per person per cycle, ratings on the scale, ideas that follow the rules, the
sign-in accounts, the indexes rebuilt after the bulk load, ids that keep working for new
rows, and the refusal to touch a database in use. On PostgreSQL (TEST_DATABASE_URL) this
exercises the COPY path."""

from collections import Counter

import pytest
from sqlalchemy import func, inspect, select

from extensions import db
from reports.cache import versions
from reviews.models import (
    IDEA_STATUSES,
    Competency,
    Cycle,
    CycleCompetency,
    CycleScaleLevel,
    Idea,
    IdeaEvent,
    Rating,
    RatingCount,
    ReportingLine,
    Review,
    ReviewNote,
    Team,
    User,
    note_competencies,
)
from reviews.models.summary import ORGANISATION
from reviews.seed.scale import BIG_TABLES
from reviews.seed.scale_ideas import IdeaWriter
from reviews.services.people.accounts import current_manager

from . import factories

PEOPLE, TEAMS, YEARS, IDEAS = 60, 4, 2, 50
SIZE = ["--people", str(PEOPLE), "--teams", str(TEAMS), "--years", str(YEARS)]
ARGS = ["seed-scale", *SIZE, "--ideas", str(IDEAS)]
FIXED = {
    "admin@example.com": {"admin"},
    "leader@example.com": {"leadership", "staff"},
    "manager@example.com": {"manager", "staff"},
    "staff@example.com": {"staff"},
}


@pytest.fixture
def seeded(app, runner):
    result = runner.invoke(args=ARGS)
    assert result.exit_code == 0, result.output
    return result.output


def count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def by_email(email: str) -> User:
    return db.session.scalar(select(User).where(User.email == email))


def index_names(table) -> set[str]:
    return {index["name"] for index in inspect(db.engine).get_indexes(table.name)}


def table_counts() -> dict[str, int]:
    return {t.name: count(t) for t in db.metadata.sorted_tables}


def test_builds_the_requested_size_with_exact_counts(seeded):
    competencies = count(Competency)
    cycles = list(db.session.scalars(select(Cycle).order_by(Cycle.period_start)))
    assert count(User) == PEOPLE and count(Team) == TEAMS and competencies == 8
    assert len(cycles) == YEARS * 4 and {c.status for c in cycles} == {"closed"}
    assert all(c.opened_at < c.closed_at for c in cycles)
    assert count(CycleCompetency) == len(cycles) * competencies
    assert count(CycleScaleLevel) == len(cycles) * 5
    reviewed = db.session.scalar(select(func.count(ReportingLine.employee_id.distinct())))
    assert reviewed == PEOPLE - 2  # all but the leader and the admin have a manager
    assert count(Review) == reviewed * len(cycles)
    assert count(Rating) == count(Review) * competencies * 2
    assert count(Idea) == IDEAS
    assert f"{PEOPLE} people" in seeded and "rapport-demo" in seeded
    assert versions(db.session, ["epoch"])["epoch"] >= 1, "cached charts must not outlive the load"
    # Every cycle is closed with both parts submitted: every rating is in the summaries.
    summarised = db.session.scalar(
        select(func.sum(RatingCount.ratings)).where(RatingCount.team_id == ORGANISATION)
    )
    assert summarised == count(Rating)


def test_one_review_per_person_per_cycle_with_the_manager_of_the_time(seeded):
    reviews = db.session.execute(
        select(Review.cycle_id, Review.employee_id, Review.manager_id, Review.team_id)
    ).all()
    assert max(Counter((r.cycle_id, r.employee_id) for r in reviews).values()) == 1
    people = {u.id: u for u in db.session.scalars(select(User))}
    for person in people.values():
        if person.team_id is not None:
            assert current_manager(person) is not None, person.email
    last = db.session.scalar(select(func.max(Review.cycle_id)))
    for review in reviews:
        assert review.manager_id != review.employee_id
        if review.cycle_id == last:
            assert review.team_id == people[review.employee_id].team_id
    moved = count(ReportingLine, ReportingLine.ends_on.is_not(None))
    assert moved > 0, "some people moved teams over the years"


def test_reviews_are_complete_and_ratings_are_on_the_scale(seeded):
    for review in db.session.scalars(select(Review).limit(40)):
        assert review.step == "acknowledged"
        assert review.self_submitted_at <= review.manager_submitted_at <= review.shared_at
        assert review.shared_at <= review.acknowledged_at <= review.cycle.closed_at
        assert review.notes and all(note.competencies for note in review.notes)
        rated = Counter((r.cycle_competency_id, r.source) for r in review.ratings)
        wanted = {(c.id, s) for c in review.cycle.competencies for s in ("self", "manager")}
        assert set(rated) == wanted and max(rated.values()) == 1
    values = Counter(db.session.execute(select(Rating.value, Rating.not_applicable)).all())
    assert all((v is None) == na and (na or 1 <= v <= 5) for v, na in values)
    assert values[(None, True)] > 0, "a few ratings are not applicable"
    assert {v for v, _ in values} - {None} == {1, 2, 3, 4, 5}
    assert count(ReviewNote) >= 2 * count(Review) and count(note_competencies)


def test_every_snapshot_keeps_the_framework_in_every_language(seeded):
    snapshot = db.session.scalars(select(CycleCompetency)).all()
    assert snapshot and all(c.name_et and c.name_sl and c.description_sl for c in snapshot)
    levels = db.session.scalars(select(CycleScaleLevel)).all()
    assert levels and all(level.label_et and level.label_sl for level in levels)


def test_ideas_cover_every_status_and_follow_the_rules(seeded):
    ideas = list(db.session.scalars(select(Idea)))
    assert {i.status for i in ideas} == set(IDEA_STATUSES)
    anonymous = [i for i in ideas if i.anonymous]
    assert anonymous and all(i.author_id is None and i.review_id is None for i in anonymous)
    assert any(i.review_id for i in ideas)
    for idea in ideas:
        events = sorted(idea.events, key=lambda e: (e.created_at, e.id))
        assert events[0].to_status == "submitted" and events[-1].to_status == idea.status
        assert (idea.first_response_at is None) == (idea.status == "submitted")
        assert (idea.decided_at is not None) == (
            idea.status in ("implemented", "declined", "merged")
        )
        if idea.status == "merged":
            assert idea.merged_into_id < idea.id
        if idea.review is not None:
            assert idea.author_id == idea.review.employee_id
    assert count(IdeaEvent) > len(ideas)


def test_fixed_accounts_sign_in_with_the_demo_password(seeded, login_as):
    for email, roles in FIXED.items():
        person = by_email(email)
        assert roles <= person.roles, email
        client = login_as(person, password="rapport-demo")
        assert client.get("/").status_code == 200, email
    staff, manager = by_email("staff@example.com"), by_email("manager@example.com")
    assert current_manager(staff) == manager and staff.team_id == manager.team_id


def test_indexes_and_foreign_keys_are_back_after_the_load(seeded):
    inspector = inspect(db.engine)
    for table in BIG_TABLES:
        assert {index.name for index in table.indexes} <= index_names(table), table.name
        keys = [
            (*k["constrained_columns"], k["referred_table"])
            for k in inspector.get_foreign_keys(table.name)
        ]
        wanted = {(*k.column_keys, k.referred_table.name) for k in table.foreign_key_constraints}
        assert sorted(keys) == sorted(wanted), table.name
    assert "ix_ratings_cycle_competency_id" in {i["name"] for i in inspector.get_indexes("ratings")}


def test_new_rows_get_fresh_ids_after_the_load(seeded):
    team = factories.team("A team added later")
    person = factories.user("staff", team=team)
    assert team.id > TEAMS and person.id > PEOPLE


def test_refuses_a_database_in_use_and_rebuilds_with_force(seeded, runner):
    before = table_counts()
    result = runner.invoke(args=ARGS)
    assert result.exit_code != 0 and "--force" in result.output
    assert table_counts() == before
    result = runner.invoke(args=[*ARGS, "--force"])
    assert result.exit_code == 0, result.output
    assert table_counts() == before
    names = index_names(Idea.__table__)
    assert {i.name for i in Idea.__table__.indexes} <= names and "ix_seed_scale_wipe" not in names


def test_a_failed_load_leaves_the_database_as_it_was(app, runner, monkeypatch):
    def fail(*_args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(IdeaWriter, "chunks", fail)
    result = runner.invoke(args=ARGS)
    assert result.exit_code != 0 and isinstance(result.exception, RuntimeError)
    assert set(table_counts().values()) == {0}
    for table in BIG_TABLES:
        assert {index.name for index in table.indexes} <= index_names(table), table.name


def test_refuses_sizes_that_make_no_organisation(app, runner):
    result = runner.invoke(args=["seed-scale", "--people", "5", "--teams", "4"])
    assert result.exit_code != 0 and "--people must be at least" in result.output
    assert count(User) == 0
