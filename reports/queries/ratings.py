"""One person's own ratings: their trend and their self-vs-manager gap. These are the only
charts that read individual ratings — a person's own, at most a few hundred rows through
the reviews' employee index; every group's figures come from the summaries (summary.py).
Ratings are grouped by ``competency_id`` (not by the cycle's snapshot row), so a competency
stays one line across cycles. "Not applicable" (a NULL value) never enters a mean."""

import pandas as pd
from sqlalchemy import Float, Integer, and_, case, cast, func, literal, or_, select
from sqlalchemy.orm import Session

from reviews.models import CycleCompetency, Rating, Review

from ..filters import Filters
from ..summary import rated_pairs
from .common import frame, mean, stack

PEOPLE = func.count(func.distinct(Review.employee_id))
WEIGHTED = -1  # competency_id of the "overall (weighted)" rows


def _history(query, filters: Filters):
    """Limit to what someone else entitled to the person's history may see of it: reviews
    shared with the person (never one still being written), only the ones ``reviewer_id``
    wrote when set (a manager sees the reviews they wrote, reviews.access.visible_reviews)."""
    if filters.shared_only:
        query = query.where(Review.shared_at.is_not(None))
    if filters.reviewer_id is not None:
        query = query.where(Review.manager_id == filters.reviewer_id)
    return query


def _own_ratings(filters: Filters, sources):
    """The person's counted, applicable ratings in the filters' cycles: a manager rating
    once the review was shared with them, a self rating once submitted."""
    query = (
        select()
        .select_from(Rating)
        .join(Review, Review.id == Rating.review_id)
        .join(CycleCompetency, CycleCompetency.id == Rating.cycle_competency_id)
        .where(
            Review.employee_id == filters.person_id,
            Review.cycle_id.in_(filters.cycle_ids),
            Rating.source.in_(sources),
            Rating.value.is_not(None),
            or_(
                and_(Rating.source == "manager", Review.shared_at.is_not(None)),
                and_(Rating.source == "self", Review.self_submitted_at.is_not(None)),
            ),
        )
    )
    if filters.competency_id is not None:
        query = query.where(CycleCompetency.competency_id == filters.competency_id)
    return _history(query, filters)


def person_ratings(session: Session, filters: Filters) -> pd.DataFrame:
    """One person's own ratings per cycle × competency × source (manager, and self when
    asked), with an "all competencies" row (competency_id 0) and an "overall (weighted)" row
    (competency_id -1) when no competency is chosen. The overall score of a review is the
    mean of its ratings weighted by the cycle's snapshot of each competency's weight;
    "not applicable" ratings are left out, so the other weights count in full."""
    sources = ("manager", "self") if filters.with_self else ("manager",)
    base = _own_ratings(filters, sources)
    keys = [Review.cycle_id, Rating.source]
    measures = [mean(Rating.value).label("mean"), PEOPLE.label("n_people")]
    per = base.add_columns(*keys, CycleCompetency.competency_id, *measures).group_by(
        *keys, CycleCompetency.competency_id
    )
    parts = [frame(session, per)]
    if filters.competency_id is None:
        overall = base.add_columns(
            *keys, literal(0, Integer).label("competency_id"), *measures
        ).group_by(*keys)
        parts.append(frame(session, overall))
        weight = CycleCompetency.weight
        weighted = cast(func.sum(Rating.value * weight), Float) / cast(func.sum(weight), Float)
        overall = base.add_columns(
            *keys,
            literal(WEIGHTED, Integer).label("competency_id"),
            weighted.label("mean"),
            PEOPLE.label("n_people"),
        ).group_by(*keys)
        parts.append(frame(session, overall))
    return stack(parts)


def person_gap(session: Session, filters: Filters) -> pd.DataFrame:
    """The person's own rating minus their manager's per competency for one cycle (reviews
    shared with them), and an "all competencies" row (competency_id 0)."""
    pairs, own, boss = rated_pairs()
    base = pairs.join(CycleCompetency, CycleCompetency.id == own.cycle_competency_id).where(
        Review.employee_id == filters.person_id,
        Review.cycle_id == filters.cycle_id,
        Review.self_submitted_at.is_not(None),
        Review.shared_at.is_not(None),
    )
    if filters.competency_id is not None:
        base = base.where(CycleCompetency.competency_id == filters.competency_id)
    base = _history(base, filters)
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
    parts = [frame(session, per)]
    if filters.competency_id is None:
        overall = base.add_columns(literal(0, Integer).label("competency_id"), *measures)
        parts.append(frame(session, overall))
    result = stack(parts)
    return result[result["n_people"] > 0].reset_index(drop=True)
