"""Rating aggregates read from the summary rows (reviews.models.summary), never from the
individual ratings: trends, the team × competency heatmap, the distribution of scale levels,
the self-vs-manager gap and the competency tags on strengths and improvement areas. Each
returns the same small DataFrame the metrics expect. Summing a group's rows over teams is
exact: a review has one team, so the people of different teams never overlap."""

import pandas as pd
from sqlalchemy import Float, Integer, Select, case, cast, func, literal, select
from sqlalchemy.orm import Session

from reviews.models import NoteCount, PeopleCount, RatingCount, RatingGap
from reviews.models.summary import NO_TEAM, NOT_APPLICABLE, ORGANISATION

from ..filters import Filters
from .common import frame, stack


def _total(column) -> object:
    return cast(func.sum(column), Integer)


def _in_scope(query: Select, model, filters: Filters, cycle_ids, per_team=False) -> Select:
    """The rows of the filters' cycles, teams and competency: the organisation's sums when
    every team is asked for (unless ``per_team``, e.g. for the heatmap's rows)."""
    query = query.where(model.cycle_id.in_(cycle_ids))
    if filters.team_ids is not None:
        query = query.where(model.team_id.in_(filters.team_ids))
    elif per_team:
        query = query.where(model.team_id != ORGANISATION)
    else:
        query = query.where(model.team_id == ORGANISATION)
    if filters.competency_id is not None and hasattr(model, "competency_id"):
        query = query.where(model.competency_id == filters.competency_id)
    return query


def _means(filters: Filters, cycle_ids, sources, keys: list, per_team=False) -> Select:
    """Mean and ratings per ``keys`` + competency over applicable counted ratings."""
    ratings = func.sum(RatingCount.ratings)
    weighted = func.sum(RatingCount.value * RatingCount.ratings)
    query = (
        select(
            *keys,
            RatingCount.competency_id,
            (cast(weighted, Float) / cast(ratings, Float)).label("mean"),
            cast(ratings, Integer).label("n_ratings"),
        )
        .where(RatingCount.source.in_(sources), RatingCount.value != NOT_APPLICABLE)
        .group_by(*keys, RatingCount.competency_id)
    )
    return _in_scope(query, RatingCount, filters, cycle_ids, per_team)


def _by_competency_and_overall(
    session: Session,
    filters: Filters,
    cycle_ids,
    sources,
    keys: list,
    people_keys: list,
    per_team: bool = False,
) -> pd.DataFrame:
    """Per ``keys`` × competency: mean and people (one applicable rating is one person);
    plus an "all competencies" row (competency_id 0) weighted by ratings, whose people are
    those with at least one applicable rating, when no single competency was asked for."""
    per = frame(session, _means(filters, cycle_ids, sources, keys, per_team))
    names = [key.key for key in keys]
    per["n_people"] = per["n_ratings"]
    if filters.competency_id is not None or per.empty:
        return per[[*names, "competency_id", "mean", "n_people"]]
    totals = per.assign(total=per["mean"] * per["n_ratings"])
    overall = totals.groupby(names, as_index=False, dropna=False)[["total", "n_ratings"]].sum()
    overall["mean"] = overall["total"] / overall["n_ratings"]
    overall["competency_id"] = 0
    people = select(*people_keys, _total(PeopleCount.people).label("n_people")).where(
        PeopleCount.measure.in_(sources)
    )
    people = _in_scope(people, PeopleCount, filters, cycle_ids, per_team)
    people = people.group_by(*people_keys)
    overall = overall.merge(frame(session, people), on=names, how="left")
    columns = [*names, "competency_id", "mean", "n_people"]
    return stack([per[columns], overall[columns]])


def rating_trend(session: Session, filters: Filters) -> pd.DataFrame:
    """Mean rating and people per cycle × competency × source (manager, and self when
    asked), for the filters' teams."""
    sources = ("manager", "self") if filters.with_self else ("manager",)
    keys = [RatingCount.cycle_id, RatingCount.source]
    people_keys = [PeopleCount.cycle_id, PeopleCount.measure.label("source")]
    return _by_competency_and_overall(
        session, filters, filters.cycle_ids, sources, keys, people_keys
    )


def heatmap(session: Session, filters: Filters, previous_id: int | None) -> pd.DataFrame:
    """Manager mean and people per team × competency for the cycle and the one before
    (team_id NULL: reviews without a team)."""
    cycle_ids = tuple(c for c in (filters.cycle_id, previous_id) if c is not None)
    keys = [RatingCount.cycle_id, RatingCount.team_id]
    people_keys = [PeopleCount.cycle_id, PeopleCount.team_id]
    result = _by_competency_and_overall(
        session, filters, cycle_ids, ("manager",), keys, people_keys, per_team=True
    )
    result["team_id"] = result["team_id"].where(result["team_id"] != NO_TEAM)
    return result


def distribution(session: Session, filters: Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Manager ratings per cycle × scale level (level NULL = not applicable), and the people
    behind each cycle's shares: those with at least one applicable rating."""
    level = case((RatingCount.value == NOT_APPLICABLE, None), else_=RatingCount.value)
    levels = select(
        RatingCount.cycle_id, level.label("level"), _total(RatingCount.ratings).label("ratings")
    ).where(RatingCount.source == "manager")
    levels = _in_scope(levels, RatingCount, filters, filters.cycle_ids).group_by(
        RatingCount.cycle_id, level
    )
    if filters.competency_id is not None:
        # One applicable rating in the competency is one person.
        people = select(RatingCount.cycle_id, _total(RatingCount.ratings).label("n_people")).where(
            RatingCount.source == "manager", RatingCount.value != NOT_APPLICABLE
        )
        people = _in_scope(people, RatingCount, filters, filters.cycle_ids)
        people = people.group_by(RatingCount.cycle_id)
    else:
        people = select(PeopleCount.cycle_id, _total(PeopleCount.people).label("n_people"))
        people = _in_scope(people, PeopleCount, filters, filters.cycle_ids).where(
            PeopleCount.measure == "manager"
        )
        people = people.group_by(PeopleCount.cycle_id)
    return frame(session, levels), frame(session, people)


def rating_gap(session: Session, filters: Filters) -> pd.DataFrame:
    """Self minus manager rating per competency for one cycle, over the reviews where both
    sides rated it, and an "all competencies" row (competency_id 0)."""
    pairs = func.sum(RatingGap.pairs)
    measures = [
        (cast(func.sum(RatingGap.self_total), Float) / cast(pairs, Float)).label("self_mean"),
        (cast(func.sum(RatingGap.manager_total), Float) / cast(pairs, Float)).label("manager_mean"),
        (
            cast(func.sum(RatingGap.self_total) - func.sum(RatingGap.manager_total), Float)
            / cast(pairs, Float)
        ).label("gap"),
        _total(RatingGap.higher).label("higher"),
        _total(RatingGap.lower).label("lower"),
    ]
    cycles = (filters.cycle_id,)
    per = select(RatingGap.competency_id, *measures, _total(RatingGap.pairs).label("n_people"))
    per = _in_scope(per, RatingGap, filters, cycles).group_by(RatingGap.competency_id)
    parts = [frame(session, per)]
    if filters.competency_id is None:
        overall = _in_scope(
            select(literal(0, Integer).label("competency_id"), *measures),
            RatingGap,
            filters,
            cycles,
        )
        people = _in_scope(
            select(_total(PeopleCount.people)).where(PeopleCount.measure == "pair"),
            PeopleCount,
            filters,
            cycles,
        )
        row = frame(session, overall)
        row["n_people"] = session.scalar(people) or 0
        parts.append(row[row["self_mean"].notna()])
    result = stack(parts)
    if result.empty:
        return result
    return result[result["n_people"] > 0].reset_index(drop=True)


def note_mentions(session: Session, filters: Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Reviews whose strengths / improvement areas are tagged with each competency, per
    cycle (counted manager assessments only), and the reviews per cycle behind them."""
    mentions = select(
        NoteCount.cycle_id,
        NoteCount.kind,
        NoteCount.competency_id,
        _total(NoteCount.reviews).label("reviews"),
    )
    mentions = _in_scope(mentions, NoteCount, filters, filters.cycle_ids).group_by(
        NoteCount.cycle_id, NoteCount.kind, NoteCount.competency_id
    )
    people = select(PeopleCount.cycle_id, _total(PeopleCount.people).label("n_people")).where(
        PeopleCount.measure == "assessed"
    )
    people = _in_scope(people, PeopleCount, filters, filters.cycle_ids).group_by(
        PeopleCount.cycle_id
    )
    return frame(session, mentions), frame(session, people)
