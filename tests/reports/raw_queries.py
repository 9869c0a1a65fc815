"""The rating charts' numbers straight from the individual ratings, by plain SQL: the
reference the summary tables are checked against (the app itself never runs these).

Which ratings count, said once more in its plainest form: in a closed cycle, the submitted
parts; in an open cycle, only reviews already shared with the employee."""

import pandas as pd
from sqlalchemy import Integer, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from reports.filters import Filters
from reports.queries.common import frame, in_teams, mean, stack
from reviews.models import (
    Cycle,
    CycleCompetency,
    Rating,
    Review,
    ReviewNote,
    note_competencies,
)

PEOPLE = func.count(func.distinct(Review.employee_id))
CLOSED, OPEN = Cycle.status == "closed", Cycle.status == "open"
SHARED = Review.shared_at.is_not(None)
MANAGER_COUNTS = or_(and_(CLOSED, Review.manager_submitted_at.is_not(None)), and_(OPEN, SHARED))
SELF_COUNTS = and_(Review.self_submitted_at.is_not(None), or_(CLOSED, and_(OPEN, SHARED)))


def counted(source):
    return or_(and_(source == "manager", MANAGER_COUNTS), and_(source == "self", SELF_COUNTS))


def _rated(filters: Filters, cycle_ids, sources=("manager",)):
    query = (
        select()
        .select_from(Rating)
        .join(Review, Review.id == Rating.review_id)
        .join(Cycle, Cycle.id == Review.cycle_id)
        .join(CycleCompetency, CycleCompetency.id == Rating.cycle_competency_id)
        .where(
            Review.cycle_id.in_(cycle_ids),
            Rating.source.in_(sources),
            Rating.value.is_not(None),
            counted(Rating.source),
        )
    )
    if filters.competency_id is not None:
        query = query.where(CycleCompetency.competency_id == filters.competency_id)
    return in_teams(query, Review.team_id, filters)


def _by_competency_and_overall(session, base, keys, filters) -> pd.DataFrame:
    measures = [mean(Rating.value).label("mean"), PEOPLE.label("n_people")]
    per = base.add_columns(*keys, CycleCompetency.competency_id, *measures).group_by(
        *keys, CycleCompetency.competency_id
    )
    parts = [frame(session, per)]
    if filters.competency_id is None:
        overall = base.add_columns(*keys, literal(0, Integer).label("competency_id"), *measures)
        parts.append(frame(session, overall.group_by(*keys)))
    return stack(parts)


def rating_trend(session: Session, filters: Filters) -> pd.DataFrame:
    sources = ("manager", "self") if filters.with_self else ("manager",)
    base = _rated(filters, filters.cycle_ids, sources)
    return _by_competency_and_overall(session, base, [Review.cycle_id, Rating.source], filters)


def heatmap(session: Session, filters: Filters, previous_id) -> pd.DataFrame:
    cycle_ids = tuple(c for c in (filters.cycle_id, previous_id) if c is not None)
    base = _rated(filters, cycle_ids)
    return _by_competency_and_overall(session, base, [Review.cycle_id, Review.team_id], filters)


def distribution(session: Session, filters: Filters):
    base = (
        select()
        .select_from(Rating)
        .join(Review, Review.id == Rating.review_id)
        .join(Cycle, Cycle.id == Review.cycle_id)
        .join(CycleCompetency, CycleCompetency.id == Rating.cycle_competency_id)
        .where(
            Review.cycle_id.in_(filters.cycle_ids),
            Rating.source == "manager",
            counted(Rating.source),
        )
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


def rating_gap(session: Session, filters: Filters) -> pd.DataFrame:
    own, boss = aliased(Rating), aliased(Rating)
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
        .join(Cycle, Cycle.id == Review.cycle_id)
        .join(CycleCompetency, CycleCompetency.id == own.cycle_competency_id)
        .where(
            own.source == "self",
            own.value.is_not(None),
            boss.value.is_not(None),
            Review.cycle_id == filters.cycle_id,
            SELF_COUNTS,
            MANAGER_COUNTS,
        )
    )
    if filters.competency_id is not None:
        base = base.where(CycleCompetency.competency_id == filters.competency_id)
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
    parts = [frame(session, per)]
    if filters.competency_id is None:
        parts.append(
            frame(session, base.add_columns(literal(0, Integer).label("competency_id"), *measures))
        )
    result = stack(parts)
    return result[result["n_people"] > 0].reset_index(drop=True)


def note_mentions(session: Session, filters: Filters):
    mentions = (
        select(
            Review.cycle_id,
            ReviewNote.kind,
            CycleCompetency.competency_id,
            func.count(func.distinct(Review.id)).label("reviews"),
        )
        .select_from(note_competencies)
        .join(ReviewNote, ReviewNote.id == note_competencies.c.note_id)
        .join(Review, Review.id == ReviewNote.review_id)
        .join(Cycle, Cycle.id == Review.cycle_id)
        .join(CycleCompetency, CycleCompetency.id == note_competencies.c.cycle_competency_id)
        .where(
            Review.cycle_id.in_(filters.cycle_ids), MANAGER_COUNTS, ReviewNote.source == "manager"
        )
        .group_by(Review.cycle_id, ReviewNote.kind, CycleCompetency.competency_id)
    )
    if filters.competency_id is not None:
        mentions = mentions.where(CycleCompetency.competency_id == filters.competency_id)
    people = (
        select(Review.cycle_id, func.count(func.distinct(Review.employee_id)).label("n_people"))
        .join(Cycle, Cycle.id == Review.cycle_id)
        .where(Review.cycle_id.in_(filters.cycle_ids), MANAGER_COUNTS)
        .group_by(Review.cycle_id)
    )
    mentions = in_teams(mentions, Review.team_id, filters)
    people = in_teams(people, Review.team_id, filters)
    return frame(session, mentions), frame(session, people)
