"""The summary tables give every rating chart exactly the numbers the individual ratings
give (tests/reports/raw_queries.py), for random organisations, after random later changes
(submitting, sharing, amending, reopening, moving a review to another team, closing the
cycle), and after ``reports rebuild-summary``."""

import os
from dataclasses import replace
from datetime import date, datetime

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from extensions import db
from reports import queries, summary
from reports.filters import Filters
from reviews.models import (
    Competency,
    Cycle,
    CycleCompetency,
    NoteCount,
    PeopleCount,
    Rating,
    RatingCount,
    RatingGap,
    Review,
    ReviewNote,
    Team,
    User,
)
from reviews.models.summary import ORGANISATION
from tests.conftest import _empty_all_tables

from . import raw_queries as raw

WHEN = datetime(2025, 6, 30)
SOURCES = ("self", "manager")
STEPS = ("self", "manager", "shared")

value = st.one_of(st.none(), st.integers(1, 5))  # None: not applicable
review_plan = st.fixed_dictionaries(
    {
        "team": st.integers(0, 3),  # 0: no team
        "steps": st.sets(st.sampled_from(STEPS)),
        "ratings": st.lists(st.tuples(st.sampled_from(SOURCES), value), min_size=4, max_size=4),
        "rated": st.lists(st.booleans(), min_size=8, max_size=8),
        "notes": st.lists(
            st.tuples(st.sampled_from(("strength", "improvement")), st.sets(st.integers(0, 3))),
            max_size=3,
        ),
    }
)
org_plan = st.fixed_dictionaries(
    {
        "people": st.integers(2, 9),
        "cycles": st.lists(
            st.tuples(st.sampled_from(("closed", "open")), st.sets(st.integers(0, 3), min_size=1)),
            min_size=1,
            max_size=3,
        ),
        "reviews": st.lists(review_plan, min_size=1, max_size=40),
    }
)
change = st.tuples(
    st.sampled_from(("step", "unstep", "rate", "team", "close", "delete_note")),
    st.integers(0, 1000),
    st.integers(0, 5),
)


def _build(plan) -> None:
    teams = [Team(name=f"Team {n}") for n in range(3)]
    people = [User(email=f"p{n}@example.com", name=f"P{n}") for n in range(plan["people"])]
    boss = User(email="boss@example.com", name="Boss")
    competencies = [Competency(name=f"C{n}", position=n) for n in range(4)]
    db.session.add_all([*teams, *people, boss, *competencies])
    db.session.flush()
    open_seen = False
    cycles = []
    for number, (status, used) in enumerate(plan["cycles"]):
        if status == "open":
            status = "closed" if open_seen else "open"
            open_seen = True
        cycle = Cycle(
            name=f"Cycle {number}",
            period_start=date(2020 + number, 1, 1),
            period_end=date(2020 + number, 3, 31),
            self_deadline=date(2020 + number, 3, 31),
            review_deadline=date(2020 + number, 3, 31),
            status=status,
        )
        cycle.competencies = [
            CycleCompetency(competency_id=competencies[i].id, name=f"C{i}", position=i)
            for i in sorted(used)
        ]
        db.session.add(cycle)
        cycles.append(cycle)
    db.session.flush()
    seen = set()
    for index, item in enumerate(plan["reviews"]):
        cycle = cycles[index % len(cycles)]
        person = people[(index // len(cycles)) % len(people)]
        if (cycle.id, person.id) in seen:
            continue
        seen.add((cycle.id, person.id))
        steps = item["steps"]
        review = Review(
            cycle=cycle,
            employee=person,
            manager=boss,
            team_id=teams[item["team"] - 1].id if item["team"] else None,
            self_submitted_at=WHEN if "self" in steps else None,
            manager_submitted_at=WHEN if "manager" in steps else None,
            shared_at=WHEN if "shared" in steps else None,
        )
        snapshot = cycle.competencies
        for slot, (source, rating) in enumerate(item["ratings"]):
            for side, rated in zip(SOURCES, item["rated"][slot * 2 : slot * 2 + 2], strict=True):
                if slot < len(snapshot) and rated:
                    v = rating if side == source else (rating or 3)
                    review.ratings.append(
                        Rating(
                            competency=snapshot[slot],
                            source=side,
                            value=v,
                            not_applicable=v is None,
                        )
                    )
        for kind, tags in item["notes"]:
            chosen = [snapshot[i] for i in sorted(tags) if i < len(snapshot)]
            review.notes.append(ReviewNote(kind=kind, text="note", competencies=chosen))
        db.session.add(review)
    db.session.commit()


def _apply(what: str, pick: int, amount: int) -> None:
    reviews = db.session.scalars(select(Review).order_by(Review.id)).all()
    if not reviews:
        return
    review = reviews[pick % len(reviews)]
    if what == "step":
        setattr(
            review, ("self_submitted_at", "manager_submitted_at", "shared_at")[amount % 3], WHEN
        )
    elif what == "unstep":  # e.g. an admin reopening the review for the manager
        review.shared_at = review.manager_submitted_at = None
    elif what == "rate" and review.ratings:  # an amendment, or a draft change
        rating = review.ratings[amount % len(review.ratings)]
        rating.value, rating.not_applicable = (None, True) if amount == 0 else (amount, False)
    elif what == "team":
        teams = db.session.scalars(select(Team.id).order_by(Team.id)).all()
        review.team_id = teams[amount % len(teams)] if amount % 4 else None
    elif what == "close":
        for cycle in db.session.scalars(select(Cycle).where(Cycle.status == "open")):
            cycle.status = "closed"
    elif what == "delete_note" and review.notes:
        review.notes.pop(amount % len(review.notes))
    db.session.commit()


def _same(summary_frame: pd.DataFrame, raw_frame: pd.DataFrame, label: str) -> None:
    """Equal as sets of rows: numbers to 1e-9, NULL keys equal to each other."""
    columns = sorted(raw_frame.columns)
    assert sorted(summary_frame.columns) == columns, label

    def rows(f):
        out = []
        for record in f[columns].itertuples(index=False):
            out.append(
                tuple(
                    None
                    if v is None or (isinstance(v, float) and pd.isna(v))
                    else round(float(v), 9)
                    if isinstance(v, (int, float))
                    else v
                    for v in record
                )
            )
        return sorted(out, key=repr)

    assert rows(summary_frame) == rows(raw_frame), label


def _filter_variants(session) -> list[Filters]:
    cycles = session.scalars(select(Cycle.id).order_by(Cycle.id)).all()
    teams = session.scalars(select(Team.id).order_by(Team.id)).all()
    competencies = session.scalars(select(Competency.id).order_by(Competency.id)).all()
    whole = Filters(cycle_ids=tuple(cycles), cycle_id=cycles[-1])
    return [
        whole,
        replace(whole, with_self=True),
        replace(whole, team_ids=(teams[0],)),
        replace(whole, team_ids=tuple(teams[:2]), with_self=True),
        replace(whole, competency_id=competencies[0]),
        replace(whole, cycle_id=cycles[0], competency_id=competencies[1], team_ids=(teams[1],)),
    ]


def _check_every_chart() -> None:
    session = db.session
    cycles = session.scalars(select(Cycle.id).order_by(Cycle.id)).all()
    for filters in _filter_variants(session):
        label = repr(filters)
        _same(queries.rating_trend(session, filters), raw.rating_trend(session, filters), label)
        previous = cycles[0] if len(cycles) > 1 else None
        _same(
            queries.heatmap(session, filters, previous),
            raw.heatmap(session, filters, previous),
            "heatmap " + label,
        )
        for ours, theirs in zip(
            queries.distribution(session, filters), raw.distribution(session, filters), strict=True
        ):
            _same(ours, theirs, "distribution " + label)
        _same(
            queries.rating_gap(session, filters), raw.rating_gap(session, filters), "gap " + label
        )
        for ours, theirs in zip(
            queries.note_mentions(session, filters),
            raw.note_mentions(session, filters),
            strict=True,
        ):
            _same(ours, theirs, "notes " + label)


def _summaries() -> dict:
    return {
        model.__tablename__: sorted(
            tuple(r) for r in db.session.execute(select(*model.__table__.c))
        )
        for model in (RatingCount, RatingGap, NoteCount, PeopleCount)
    }


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plan=org_plan, changes=st.lists(change, max_size=6))
def test_every_chart_from_the_summary_equals_the_raw_ratings(app, plan, changes):
    try:
        _build(plan)
        _check_every_chart()
        for what, pick, amount in changes:
            _apply(what, pick, amount)
            _check_every_chart()
        kept = _summaries()
        summary.rebuild(db.session)
        db.session.commit()
        assert _summaries() == kept, "rows kept on write differ from a rebuild"
    finally:
        db.session.rollback()
        db.session.remove()
        _empty_all_tables()


def test_rebuild_summary_command(app, runner):
    _build(
        {
            "people": 3,
            "cycles": [("closed", {0, 1})],
            "reviews": [
                {
                    "team": 1,
                    "steps": {"self", "manager"},
                    "ratings": [("manager", 4), ("self", 2), ("manager", None), ("self", 5)],
                    "rated": [True] * 8,
                    "notes": [],
                }
            ],
        }
    )
    db.session.execute(RatingCount.__table__.delete())
    db.session.commit()
    result = runner.invoke(args=["reports", "rebuild-summary"])
    assert result.exit_code == 0 and "rebuilt for 1 cycles" in result.output
    counts = db.session.execute(
        select(RatingCount.source, RatingCount.value, RatingCount.ratings)
        .where(RatingCount.team_id == ORGANISATION)
        .order_by(RatingCount.source, RatingCount.value)
    ).all()
    teams = db.session.scalars(select(RatingCount.team_id).distinct()).all()
    assert sorted(teams) == [ORGANISATION, 1]  # one team's rows and the organisation's sums
    # Two competencies in the cycle: manager 4 and 2, self 4 and 2.
    expected = [("manager", 2, 1), ("manager", 4, 1), ("self", 2, 1), ("self", 4, 1)]
    assert [tuple(c) for c in counts] == expected


@pytest.mark.skipif(
    not os.environ.get("TEST_DATABASE_URL", "").startswith("postgresql"),
    reason="SQLite has one writer at a time: the two cannot overlap there",
)
def test_two_writers_of_one_slice_at_once_leave_it_right(app):
    """Two transactions sharing reviews of one team in one cycle at the same moment: each
    recomputes the slice at commit; they must take turns (PostgreSQL runs them at once)."""
    import threading

    from reviews.models import Cycle as CycleModel

    _build(
        {
            "people": 4,
            "cycles": [("open", {0, 1, 2})],
            "reviews": [
                {
                    "team": 1,
                    "steps": {"self", "manager"},
                    "ratings": [("manager", 4), ("self", 2), ("manager", 3), ("self", 5)],
                    "rated": [True] * 8,
                    "notes": [],
                }
            ]
            * 4,
        }
    )
    ids = db.session.scalars(select(Review.id).order_by(Review.id)).all()
    assert db.session.scalar(select(CycleModel.status)) == "open"
    ready, errors = threading.Barrier(2), []

    def share(review_id):
        try:
            with app.app_context():
                review = db.session.get(Review, review_id)
                review.shared_at = WHEN
                db.session.flush()
                ready.wait(timeout=10)
                db.session.commit()
                db.session.remove()
        except Exception as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=share, args=(i,)) for i in ids[:2]]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert not errors, errors
        db.session.expire_all()
        kept = _summaries()
        summary.rebuild(db.session)
        db.session.commit()
        assert _summaries() == kept
        people = db.session.scalar(
            select(PeopleCount.people).where(
                PeopleCount.measure == "manager", PeopleCount.team_id == ORGANISATION
            )
        )
        assert people == 2  # both shared reviews count
    finally:
        db.session.rollback()
        db.session.remove()
        _empty_all_tables()
