"""The hidden units of each slice (reports.privacy), from the summary rows of every team —
whatever teams the viewer asked for, so that every viewer's downloads hide the same units.

Each query returns only the units with fewer than ``min_size`` people behind them and, per
slice, the smallest of the others (a window function): a few rows, not one per team."""

from sqlalchemy import Integer, Select, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from reviews.models import PeopleCount, RatingCount, RatingGap, Review
from reviews.models.summary import NO_TEAM, NOT_APPLICABLE, ORGANISATION

from ..privacy import Hidden, hidden_units
from .common import _rows


def _cells(measures: tuple[str, ...], cycle_ids) -> list[Select]:
    """(cycle_id, measure, competency_id, team_id, people) per unit of every slice asked."""
    cells = []
    sources = [m for m in measures if m in ("manager", "self")]
    if sources:
        cells.append(
            select(
                RatingCount.cycle_id,
                RatingCount.source.label("measure"),
                RatingCount.competency_id,
                RatingCount.team_id,
                func.sum(RatingCount.ratings).label("people"),  # one applicable rating each
            )
            .where(
                RatingCount.cycle_id.in_(cycle_ids),
                RatingCount.team_id != ORGANISATION,
                RatingCount.source.in_(sources),
                RatingCount.value != NOT_APPLICABLE,
            )
            .group_by(
                RatingCount.cycle_id,
                RatingCount.source,
                RatingCount.competency_id,
                RatingCount.team_id,
            )
        )
    if "pair" in measures:
        cells.append(
            select(
                RatingGap.cycle_id,
                literal("pair").label("measure"),
                RatingGap.competency_id,
                RatingGap.team_id,
                RatingGap.pairs.label("people"),
            ).where(RatingGap.cycle_id.in_(cycle_ids), RatingGap.team_id != ORGANISATION)
        )
    for source in [m.removeprefix("unpaired:") for m in measures if m.startswith("unpaired:")]:
        cells.append(_unpaired(source, cycle_ids))
    people = [m for m in measures if m.startswith("people:")]
    if people:
        cells.append(
            select(
                PeopleCount.cycle_id,
                ("people:" + PeopleCount.measure).label("measure"),
                literal(0, Integer).label("competency_id"),
                PeopleCount.team_id,
                PeopleCount.people,
            ).where(
                PeopleCount.cycle_id.in_(cycle_ids),
                PeopleCount.team_id != ORGANISATION,
                PeopleCount.measure.in_([m.removeprefix("people:") for m in people]),
            )
        )
    if "reviews" in measures:
        team = func.coalesce(Review.team_id, NO_TEAM)
        cells.append(
            select(
                Review.cycle_id,
                literal("reviews").label("measure"),
                literal(0, Integer).label("competency_id"),
                team.label("team_id"),
                func.count(Review.id).label("people"),
            )
            .where(Review.cycle_id.in_(cycle_ids))
            .group_by(Review.cycle_id, team)
        )
    return cells


def _unpaired(source: str, cycle_ids) -> Select:
    """Per unit, the applicable ``source`` ratings of a competency without the other side's
    rating: the trend's mean of them minus the gap chart's mean over the pairs gives their
    sum, so they are a group of their own."""
    ratings = (
        select(
            RatingCount.cycle_id,
            RatingCount.team_id,
            RatingCount.competency_id,
            func.sum(RatingCount.ratings).label("ratings"),
        )
        .where(
            RatingCount.cycle_id.in_(cycle_ids),
            RatingCount.team_id != ORGANISATION,
            RatingCount.source == source,
            RatingCount.value != NOT_APPLICABLE,
        )
        .group_by(RatingCount.cycle_id, RatingCount.team_id, RatingCount.competency_id)
        .subquery()
    )
    pairs = and_(
        RatingGap.cycle_id == ratings.c.cycle_id,
        RatingGap.team_id == ratings.c.team_id,
        RatingGap.competency_id == ratings.c.competency_id,
    )
    return select(
        ratings.c.cycle_id,
        literal(f"unpaired:{source}").label("measure"),
        ratings.c.competency_id,
        ratings.c.team_id,
        (ratings.c.ratings - func.coalesce(RatingGap.pairs, 0)).label("people"),
    ).select_from(ratings.outerjoin(RatingGap, pairs))


def _candidates(cells: Select, min_size: int) -> Select:
    """The small units of each slice, and the smallest other unit with people."""
    inner = cells.subquery()
    big = inner.c.people >= min_size
    rank = (
        func.row_number()
        .over(
            partition_by=[inner.c.cycle_id, inner.c.measure, inner.c.competency_id, big],
            order_by=[inner.c.people, inner.c.team_id],
        )
        .label("rank")
    )
    ranked = select(inner, rank).where(inner.c.people > 0).subquery()
    first_big = and_(ranked.c.people >= min_size, ranked.c.rank == 1)
    return select(
        ranked.c.cycle_id,
        ranked.c.measure,
        ranked.c.competency_id,
        ranked.c.team_id,
        ranked.c.people,
        case((ranked.c.people < min_size, True), else_=False).label("small"),
    ).where(or_(ranked.c.people < min_size, first_big))


def hidden(session: Session, cycle_ids, min_size: int, measures: tuple[str, ...]) -> Hidden:
    """The hidden units of the slices of ``measures`` in ``cycle_ids``: "manager", "self",
    "pair", "unpaired:<source>" (per competency), "people:<measure>" (all competencies),
    "reviews"."""
    result = Hidden()
    if min_size <= 1 or not cycle_ids:
        return result  # nobody is a small group
    small: dict[tuple, dict[int, int]] = {}
    other: dict[tuple, tuple[int, int]] = {}
    for cells in _cells(measures, tuple(cycle_ids)):
        for cycle_id, measure, competency_id, team_id, people, is_small in _rows(
            session, _candidates(cells, min_size)
        )[1]:
            key = (int(cycle_id), measure, int(competency_id))
            if is_small:
                small.setdefault(key, {})[int(team_id)] = int(people)
            else:
                other[key] = (int(team_id), int(people))
    for key, units in small.items():
        result.slices[key] = hidden_units(units, other.get(key), min_size)
    return result
