"""The idea charts' numbers (counted and medians taken in numpy from one read of the ideas)
equal those worked out idea by idea in Python, with the database's own median, for random
ideas around random, possibly overlapping, cycle periods."""

import statistics
from datetime import date, datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from extensions import db
from reports import queries
from reports.filters import Filters
from reports.queries.common import days_between
from reviews.models import Cycle, Idea, Team
from reviews.models.ideas import IDEA_CATEGORIES, IDEA_STATUSES, OPEN_STATUSES
from tests.conftest import _empty_all_tables

START = datetime(2025, 1, 1)
MINUTE = timedelta(minutes=1)

idea_plan = st.fixed_dictionaries(
    {
        "team": st.integers(0, 2),
        "category": st.sampled_from(IDEA_CATEGORIES),
        "status": st.sampled_from(IDEA_STATUSES),
        "created": st.integers(0, 120 * 24 * 60),  # minutes after START
        "response": st.one_of(st.none(), st.integers(0, 60 * 24 * 60)),  # minutes after
        "decision": st.one_of(st.none(), st.integers(0, 90 * 24 * 60)),
    }
)
plan = st.fixed_dictionaries(
    {
        # (first day, days long): periods may leave gaps and may overlap
        "cycles": st.lists(
            st.tuples(st.integers(0, 200), st.integers(0, 80)), min_size=1, max_size=4
        ),
        "ideas": st.lists(idea_plan, min_size=4, max_size=40),
        "chosen": st.lists(st.booleans(), min_size=4, max_size=4),
        "teams": st.one_of(st.none(), st.sets(st.integers(0, 2), min_size=1)),
    }
)


def _build(plan) -> tuple[list[Cycle], list[Team]]:
    teams = [Team(name=f"Team {n}") for n in range(3)]
    cycles = [
        Cycle(
            name=f"Cycle {n}",
            period_start=START.date() + timedelta(first),
            period_end=START.date() + timedelta(first + length),
            self_deadline=date(2026, 1, 1),
            review_deadline=date(2026, 1, 1),
            status="closed",
        )
        for n, (first, length) in enumerate(plan["cycles"])
    ]
    db.session.add_all([*teams, *cycles])
    db.session.flush()
    target = None
    for n, item in enumerate(plan["ideas"]):
        idea = Idea(
            title=f"Idea {n}",
            description="…",
            category=item["category"],
            team_id=teams[item["team"]].id,
            status=item["status"] if item["status"] != "merged" or target else "submitted",
            merged_into_id=target.id if item["status"] == "merged" and target else None,
            created_at=START + item["created"] * MINUTE,
        )
        created = idea.created_at
        if item["response"] is not None:
            idea.first_response_at = created + item["response"] * MINUTE
        if item["decision"] is not None:
            idea.decided_at = created + item["decision"] * MINUTE
        db.session.add(idea)
        db.session.flush()
        target = target or idea
    db.session.commit()
    return cycles, teams


def _median(session, values: list[float]) -> float | None:
    """The database's own median: statistics.median (SQLite's), or PostgreSQL's
    percentile_cont(0.5), which interpolates between the middle two (float8_lerp)."""
    if not values:
        return None
    if session.get_bind().dialect.name != "postgresql":
        return statistics.median(values)
    ordered, n = sorted(values), len(values)
    low, high = ordered[(n - 1) // 2], ordered[n // 2]
    return low + 0.5 * (high - low)


def _expected(session, filters: Filters, key) -> dict:
    """Measures per key worked out idea by idea: ``key(idea, cycle)`` names the group."""
    days = {
        idea_id: (response, decision)
        for idea_id, response, decision in session.execute(
            select(
                Idea.id,
                days_between(session, Idea.created_at, Idea.first_response_at),
                days_between(session, Idea.created_at, Idea.decided_at),
            )
        )
    }
    groups: dict = {}
    cycles = session.scalars(select(Cycle).where(Cycle.id.in_(filters.cycle_ids))).all()
    for cycle in cycles:
        starts = datetime.combine(cycle.period_start, time())
        ends = datetime.combine(cycle.period_end, time()) + timedelta(1)
        for idea in session.scalars(select(Idea)):
            if not starts <= idea.created_at < ends:
                continue
            if filters.team_ids is not None and idea.team_id not in filters.team_ids:
                continue
            groups.setdefault(key(idea, cycle), []).append(idea)
    result = {}
    for group, ideas in groups.items():
        responses = [days[i.id][0] for i in ideas if days[i.id][0] is not None]
        decisions = [days[i.id][1] for i in ideas if days[i.id][1] is not None]
        result[group] = {
            "submitted": len(ideas),
            "implemented": sum(i.status == "implemented" for i in ideas),
            "declined": sum(i.status == "declined" for i in ideas),
            "open": sum(i.status in OPEN_STATUSES for i in ideas),
            "merged": sum(i.status == "merged" for i in ideas),
            "n_response": len(responses),
            "response_days": _median(session, responses),
            "n_decision": len(decisions),
            "decision_days": _median(session, decisions),
        }
    return result


def _actual(frame, key: str, by: str | None = None) -> dict:
    if by is not None:
        frame = frame[frame["by"] == by]
    result = {}
    for row in frame.to_dict("records"):
        measures = {k: v for k, v in row.items() if k not in (key, "by")}
        for median in ("response_days", "decision_days"):
            if measures[median] != measures[median]:  # NaN: no values
                measures[median] = None
        result[row[key]] = measures
    return result


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plan=plan)
def test_idea_numbers_equal_those_counted_idea_by_idea(app, plan):
    try:
        cycles, teams = _build(plan)
        chosen = [c for c, keep in zip(cycles, plan["chosen"], strict=False) if keep] or cycles
        filters = Filters(
            cycle_ids=tuple(c.id for c in chosen),
            team_ids=None if plan["teams"] is None else tuple(teams[t].id for t in plan["teams"]),
        )
        session = db.session
        pipeline = queries.idea_pipeline(session, filters)
        assert _actual(pipeline, "cycle_id") == _expected(session, filters, lambda i, c: c.id)
        breakdown = queries.idea_breakdown(session, filters)
        by_team = _expected(session, filters, lambda i, c: str(i.team_id))
        by_category = _expected(session, filters, lambda i, c: i.category)
        assert _actual(breakdown, "key", "team") == by_team
        assert _actual(breakdown, "key", "category") == by_category
    finally:
        db.session.rollback()
        db.session.remove()
        _empty_all_tables()
