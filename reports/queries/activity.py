"""Aggregates of what people wrote and did: competency tags on strengths and improvement
areas, the idea pipeline, and how far the reviews of a cycle have come."""

from datetime import datetime, time, timedelta

import pandas as pd
from sqlalchemy import DateTime, Integer, and_, case, column, func, select, values
from sqlalchemy.orm import Session

from reviews.models import Cycle, Idea, Review
from reviews.models.ideas import OPEN_STATUSES

from ..filters import Filters
from .common import days_between, frame, in_teams, median


def _idea_measures(session: Session) -> list:
    return [
        func.count(Idea.id).label("submitted"),
        func.sum(case((Idea.status == "implemented", 1), else_=0)).label("implemented"),
        func.sum(case((Idea.status == "declined", 1), else_=0)).label("declined"),
        func.sum(case((Idea.status.in_(OPEN_STATUSES), 1), else_=0)).label("open"),
        func.sum(case((Idea.status == "merged", 1), else_=0)).label("merged"),
        func.count(Idea.first_response_at).label("n_response"),
        median(session, days_between(session, Idea.created_at, Idea.first_response_at)).label(
            "response_days"
        ),
        func.count(Idea.decided_at).label("n_decision"),
        median(session, days_between(session, Idea.created_at, Idea.decided_at)).label(
            "decision_days"
        ),
    ]


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
    ever submitted). The periods come as a VALUES table; the constant bounds of all of them
    let both databases read just that range of the index on ``created_at`` (PostgreSQL cannot
    estimate a join on VALUES and would otherwise scan every idea). Returns the query and the
    periods' ``cycle_id`` column."""
    rows = _cycle_periods(session, filters)
    columns = (column("cycle_id", Integer), column("starts", DateTime), column("ends", DateTime))
    periods = values(*columns, name="periods").data(rows).cte("periods")
    first, last = min(row[1] for row in rows), max(row[2] for row in rows)
    query = (
        select()
        .select_from(Idea)
        .join(periods, and_(Idea.created_at >= periods.c.starts, Idea.created_at < periods.c.ends))
        .where(Idea.created_at >= first, Idea.created_at < last)
    )
    return in_teams(query, Idea.team_id, filters), periods.c.cycle_id


def idea_pipeline(session: Session, filters: Filters) -> pd.DataFrame:
    """Per cycle: ideas submitted in its period, what became of them so far, and the median
    days to a first response and to a decision."""
    query, cycle_id = _ideas_in_cycles(session, filters)
    query = query.add_columns(cycle_id.label("cycle_id"), *_idea_measures(session))
    return frame(session, query.group_by(cycle_id))


def idea_breakdown(session: Session, filters: Filters) -> pd.DataFrame:
    """The same measures for the whole cycle range, by team and by category (``by`` says
    which, ``key`` is the team id or the category). Never by person."""
    in_cycles, _cycle_id = _ideas_in_cycles(session, filters)
    by_team = in_cycles.add_columns(Idea.team_id.label("key"), *_idea_measures(session))
    by_category = in_cycles.add_columns(Idea.category.label("key"), *_idea_measures(session))
    teams = frame(session, by_team.group_by(Idea.team_id))
    categories = frame(session, by_category.group_by(Idea.category))
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
