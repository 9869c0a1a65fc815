"""Aggregates of what people wrote and did: competency tags on strengths and improvement
areas, the idea pipeline, and how far the reviews of a cycle have come."""

from datetime import datetime, time, timedelta

import numpy as np
import pandas as pd
from sqlalchemy import DateTime, Integer, and_, column, func, select, values
from sqlalchemy.orm import Session

from reviews.models import Cycle, Idea, Review
from reviews.models.ideas import OPEN_STATUSES

from ..filters import Filters
from .common import by_column, days_between, frame, halfway, in_teams


def _cycle_periods(session: Session, filters: Filters) -> list[tuple[int, datetime, datetime]]:
    """The chosen cycles' periods as (cycle_id, starts, ends): the moment the first day
    starts and the moment after the last day, so that queries compare ``ideas.created_at``
    itself and can read a range of its index."""
    query = select(Cycle.id, Cycle.period_start, Cycle.period_end).where(
        Cycle.id.in_(filters.cycle_ids)
    )
    return [
        (cycle_id, datetime.combine(start, time()), datetime.combine(end, time()) + timedelta(1))
        for cycle_id, start, end in session.execute(query)
    ] or [(0, datetime.min, datetime.min)]  # no cycles: one period of no length


def _ideas_in_cycles(session: Session, filters: Filters):
    """Ideas joined to the cycle whose period holds the day they were submitted, by a plain
    ``created_at`` range per cycle (``date(created_at) BETWEEN ...`` would read every idea
    ever submitted). The periods come as a VALUES table, and each database is let read each
    idea of the periods once: PostgreSQL cannot estimate a join on VALUES and would scan
    every idea, so it gets the constant bounds of all the periods as well; SQLite would then
    read that whole range again for every period (8 cycles: 8 times the ideas, although
    EXPLAIN QUERY PLAN reads the same), so it gets only each period's own range. Returns the
    query and the periods' ``cycle_id`` column."""
    rows = _cycle_periods(session, filters)
    columns = (column("cycle_id", Integer), column("starts", DateTime), column("ends", DateTime))
    periods = values(*columns, name="periods").data(rows).cte("periods")
    query = (
        select()
        .select_from(Idea)
        .join(periods, and_(Idea.created_at >= periods.c.starts, Idea.created_at < periods.c.ends))
    )
    if session.get_bind().dialect.name == "postgresql":
        first, last = min(row[1] for row in rows), max(row[2] for row in rows)
        query = query.where(Idea.created_at >= first, Idea.created_at < last)
    return in_teams(query, Idea.team_id, filters), periods.c.cycle_id


def _ideas(session: Session, filters: Filters, *keys: str) -> dict:
    """The ideas of the chosen cycles, one entry each (one per cycle whose period holds it),
    by column: ``keys`` ("cycle_id" or an Idea column), the status and the days to a first
    response and to a decision (NaN: not yet). A few columns of each idea, read in one
    pass: the medians need every value, so grouping in SQL would save nothing, and SQLite
    has no median of its own (an aggregate written in Python costs a call per idea)."""
    query, cycle_id = _ideas_in_cycles(session, filters)
    columns = [cycle_id if key == "cycle_id" else getattr(Idea, key) for key in keys]
    query = query.add_columns(
        *(column.label(key) for column, key in zip(columns, keys, strict=True)),
        Idea.status,
        days_between(session, Idea.created_at, Idea.first_response_at).label("response_days"),
        days_between(session, Idea.created_at, Idea.decided_at).label("decision_days"),
    )
    ideas = by_column(session, query)
    for days in ("response_days", "decision_days"):
        ideas[days] = np.array(ideas[days], dtype=float)  # None (not yet) becomes NaN
    ideas["status"] = np.array(ideas["status"], dtype=object)
    return ideas


MEASURES = [
    "submitted",
    "implemented",
    "declined",
    "open",
    "merged",
    "n_response",
    "response_days",
    "n_decision",
    "decision_days",
]


def _medians(groups: np.ndarray, values: np.ndarray, size: int, between) -> np.ndarray:
    """The median of the non-NaN ``values`` of each group (``groups``: 0 … size - 1), NaN
    for none; of an even number ``between`` the middle two. No Python per value."""
    known = ~np.isnan(values)
    groups, values = groups[known], values[known]
    order = np.argsort(values)  # by value, then by group keeping that order: by group and
    ordered = values[order[np.argsort(groups[order], kind="stable")]]  # value, 1/3 faster
    counts = np.bincount(groups, minlength=size)
    starts = np.cumsum(counts) - counts
    some = counts > 0
    low = (starts + (counts - 1) // 2)[some]
    high = (starts + counts // 2)[some]
    medians = np.full(size, np.nan)
    medians[some] = between(ordered[low], ordered[high])
    return medians


def _measures(ideas: dict, key: str, between) -> pd.DataFrame:
    """Per ``key`` (ascending): ideas submitted, what became of them so far, and the median
    days to a first response and to a decision over the ideas that have one."""
    if not len(ideas[key]):
        return pd.DataFrame(columns=[key, *MEASURES])
    groups, keys = pd.factorize(np.array(ideas[key], dtype=object), sort=True)
    statuses, names = pd.factorize(ideas["status"])
    size = len(keys)

    def count(chosen: np.ndarray) -> np.ndarray:
        return np.bincount(groups[chosen], minlength=size)

    def status(*wanted: str) -> np.ndarray:
        return np.isin(statuses, [i for i, name in enumerate(names) if name in wanted])

    response, decision = ideas["response_days"], ideas["decision_days"]
    return pd.DataFrame(
        {
            key: keys.tolist(),
            "submitted": np.bincount(groups, minlength=size),
            "implemented": count(status("implemented")),
            "declined": count(status("declined")),
            "open": count(status(*OPEN_STATUSES)),
            "merged": count(status("merged")),
            "n_response": count(~np.isnan(response)),
            "response_days": _medians(groups, response, size, between),
            "n_decision": count(~np.isnan(decision)),
            "decision_days": _medians(groups, decision, size, between),
        }
    )


def idea_pipeline(session: Session, filters: Filters) -> pd.DataFrame:
    """Per cycle: ideas submitted in its period, what became of them so far, and the median
    days to a first response and to a decision."""
    return _measures(_ideas(session, filters, "cycle_id"), "cycle_id", halfway(session))


def idea_breakdown(session: Session, filters: Filters) -> pd.DataFrame:
    """The same measures for the whole cycle range, by team and by category (``by`` says
    which, ``key`` is the team id or the category). Never by person."""
    ideas = _ideas(session, filters, "team_id", "category")
    between = halfway(session)
    teams = _measures(ideas, "team_id", between).rename(columns={"team_id": "key"})
    categories = _measures(ideas, "category", between).rename(columns={"category": "key"})
    teams.insert(0, "by", "team")
    categories.insert(0, "by", "category")
    teams["key"] = teams["key"].astype(str)
    parts = [f for f in (teams, categories) if not f.empty]
    return pd.concat(parts, ignore_index=True) if parts else teams


def completion(session: Session, filters: Filters) -> pd.DataFrame:
    """Per team (of the time) in one cycle: reviews, and how many have the self-assessment,
    the manager assessment, been shared and been acknowledged."""
    query = select(
        Review.team_id,
        func.count(Review.id).label("reviews"),
        func.count(Review.self_submitted_at).label("self_done"),
        func.count(Review.manager_submitted_at).label("manager_done"),
        func.count(Review.shared_at).label("shared"),
        func.count(Review.acknowledged_at).label("acknowledged"),
    ).where(Review.cycle_id == filters.cycle_id)
    query = in_teams(query, Review.team_id, filters).group_by(Review.team_id)
    return frame(session, query)
