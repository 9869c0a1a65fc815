"""Rating aggregates: trends, the team × competency heatmap, the distribution of scale levels
and the self-vs-manager gap. Ratings are grouped by ``competency_id`` (not by the cycle's
snapshot row), so a competency stays one line across cycles; the team is the team of the
time stored on the review. "Not applicable" (a NULL value) never enters a mean."""

import pandas as pd
from sqlalchemy import Integer, and_, case, func, literal, select
from sqlalchemy.orm import Session, aliased

from reviews.models import CycleCompetency, Rating, Review

from ..filters import Filters
from .common import counted_ratings, frame, in_teams, mean, stack

PEOPLE = func.count(func.distinct(Review.employee_id))


def _rated(filters: Filters, cycle_ids, sources=("manager",), for_person=False):
    """FROM ratings ⋈ reviews ⋈ snapshot, limited to counted, applicable ratings."""
    query = (
        select()
        .select_from(Rating)
        .join(Review, Review.id == Rating.review_id)
        .join(CycleCompetency, CycleCompetency.id == Rating.cycle_competency_id)
        .where(
            Review.cycle_id.in_(cycle_ids),
            Rating.source.in_(sources),
            Rating.value.is_not(None),
            counted_ratings(for_person),
        )
    )
    if filters.competency_id is not None:
        query = query.where(CycleCompetency.competency_id == filters.competency_id)
    if for_person:
        return query.where(Review.employee_id == filters.person_id)
    return in_teams(query, Review.team_id, filters)


def _by_competency_and_overall(
    session: Session, base, keys: list, filters: Filters
) -> pd.DataFrame:
    """Means per ``keys`` + competency, plus an "all competencies" row (competency_id 0)
    per ``keys`` when no single competency was asked for. The overall mean is weighted from
    the per-competency rows; its people are those with at least one applicable rating, so
    a group of submitted reviews that are all "not applicable" cannot slip past hiding."""
    measures = [
        mean(Rating.value).label("mean"),
        func.count(Rating.value).label("n_ratings"),
        PEOPLE.label("n_people"),
    ]
    per = frame(
        session,
        base.add_columns(*keys, CycleCompetency.competency_id, *measures).group_by(
            *keys, CycleCompetency.competency_id
        ),
    )
    if filters.competency_id is not None or per.empty:
        return per.drop(columns="n_ratings")
    names = [key.key for key in keys]
    totals = per.assign(total=per["mean"] * per["n_ratings"])
    overall = totals.groupby(names, as_index=False, dropna=False)[["total", "n_ratings"]].sum()
    overall["mean"] = overall["total"] / overall["n_ratings"]
    overall["competency_id"] = 0
    overall = overall.merge(_rated_people(session, base, keys), on=names, how="left")
    columns = [*names, "competency_id", "mean", "n_people"]
    return stack([per[columns], overall[columns]])


def _rated_people(session: Session, base, keys: list) -> pd.DataFrame:
    """Distinct people with at least one rating in ``base``, per ``keys``."""
    return frame(session, base.add_columns(*keys, PEOPLE.label("n_people")).group_by(*keys))


def rating_trend(session: Session, filters: Filters) -> pd.DataFrame:
    """Mean rating and people per cycle × competency × source (manager, and self when
    asked), for the filters' teams."""
    sources = ("manager", "self") if filters.with_self else ("manager",)
    base = _rated(filters, filters.cycle_ids, sources)
    keys = [Review.cycle_id, Rating.source]
    return _by_competency_and_overall(session, base, keys, filters)


def person_ratings(session: Session, filters: Filters) -> pd.DataFrame:
    """One person's own ratings per cycle × competency × source: manager ratings only from
    reviews shared with them, and (when asked) self ratings once submitted."""
    sources = ("manager", "self") if filters.with_self else ("manager",)
    base = _rated(filters, filters.cycle_ids, sources, for_person=True)
    keys = [Review.cycle_id, Rating.source]
    return _by_competency_and_overall(session, base, keys, filters)


def heatmap(session: Session, filters: Filters, previous_id: int | None) -> pd.DataFrame:
    """Manager mean and people per team × competency for the cycle and the one before."""
    cycle_ids = tuple(c for c in (filters.cycle_id, previous_id) if c is not None)
    base = _rated(filters, cycle_ids)
    keys = [Review.cycle_id, Review.team_id]
    return _by_competency_and_overall(session, base, keys, filters)


def distribution(session: Session, filters: Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Manager ratings per cycle × scale level (value NULL = not applicable), and the
    people behind each cycle's shares: those with at least one applicable rating."""
    base = select().select_from(Rating).join(Review, Review.id == Rating.review_id)
    base = base.join(CycleCompetency, CycleCompetency.id == Rating.cycle_competency_id).where(
        Review.cycle_id.in_(filters.cycle_ids),
        Rating.source == "manager",
        counted_ratings(),
    )
    if filters.competency_id is not None:
        base = base.where(CycleCompetency.competency_id == filters.competency_id)
    base = in_teams(base, Review.team_id, filters)
    levels = base.add_columns(
        Review.cycle_id, Rating.value.label("level"), func.count().label("ratings")
    ).group_by(Review.cycle_id, Rating.value)
    people = (
        base.where(Rating.value.is_not(None))
        .add_columns(Review.cycle_id, PEOPLE.label("n_people"))
        .group_by(Review.cycle_id)
    )
    return frame(session, levels), frame(session, people)


def rating_gap(session: Session, filters: Filters, for_person: bool = False) -> pd.DataFrame:
    """Self minus manager rating per competency for one cycle, over the reviews where both
    sides rated it: means, the gap, how many people rated themselves higher / lower, and
    an "all competencies" row (competency_id 0)."""
    own, boss = aliased(Rating), aliased(Rating)
    manager_done = Review.shared_at if for_person else Review.manager_submitted_at
    base = (
        select()
        .select_from(own)
        .join(
            boss,
            and_(
                boss.review_id == own.review_id,
                boss.cycle_competency_id == own.cycle_competency_id,
                boss.source == "manager",
            ),
        )
        .join(Review, Review.id == own.review_id)
        .join(CycleCompetency, CycleCompetency.id == own.cycle_competency_id)
        .where(
            own.source == "self",
            own.value.is_not(None),
            boss.value.is_not(None),
            Review.cycle_id == filters.cycle_id,
            Review.self_submitted_at.is_not(None),
            manager_done.is_not(None),
        )
    )
    if filters.competency_id is not None:
        base = base.where(CycleCompetency.competency_id == filters.competency_id)
    if for_person:
        base = base.where(Review.employee_id == filters.person_id)
    else:
        base = in_teams(base, Review.team_id, filters)
    measures = [
        mean(own.value).label("self_mean"),
        mean(boss.value).label("manager_mean"),
        mean(own.value - boss.value).label("gap"),
        func.sum(case((own.value > boss.value, 1), else_=0)).label("higher"),
        func.sum(case((own.value < boss.value, 1), else_=0)).label("lower"),
        PEOPLE.label("n_people"),
    ]
    per = base.add_columns(CycleCompetency.competency_id, *measures).group_by(
        CycleCompetency.competency_id
    )
    overall = base.add_columns(literal(0, Integer).label("competency_id"), *measures)
    parts = [frame(session, per)]
    if filters.competency_id is None:
        parts.append(frame(session, overall))
    result = stack(parts)
    return result[result["n_people"] > 0].reset_index(drop=True)
