"""The two training charts: the data (SQL → pandas, small groups hidden) and the tables.

**Training hours per team per cycle.** A training counts in the cycle whose period holds its
date, for the team the person was reviewed in that cycle (``Review.team_id``: the team at the
time, as every team chart of Rapport counts it); the people of a team are those reviewed in
it that cycle, so "hours per person" is the team's hours over all of them, trained or not.
Trainings of people not reviewed in that cycle are counted nowhere (they belong to no team
figure, and the organisation's total minus its teams would otherwise show them). Trainings
whose hours are not given yet add no hours: they are counted apart ("without hours"). A
team's row is hidden with the review progress chart's rule — the same teams, per cycle, by
complementary suppression over the reviewed people (``reports.privacy``): the organisation's
total minus the teams shown gives at most the hidden teams together.

**Ratings before and after a training.** For each competency and person with a training in
it taken in the chosen cycles (their first such training), the manager's rating of that
competency in their last review of those cycles rated before the training day and in their
first one rated after it (a review counts from when its manager part counts: submitted in a
closed cycle, shared in an open one). A pair belongs to the team of the review after. Per
competency, teams with fewer pairs than the minimum group are hidden with complementary
suppression, and so is every figure that holds some but not all of them."""

from datetime import datetime, time, timedelta

import pandas as pd
from flask_babel import gettext
from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from reviews.models import (
    Competency,
    Cycle,
    CycleCompetency,
    Rating,
    Review,
    TrainingRecord,
    training_competencies,
)
from reviews.models.summary import NO_TEAM

from . import labels, queries
from .build import Context, hidden_in_cycles
from .chartdata import ChartData
from .filters import Filters
from .privacy import hidden_units, hides
from .tables import Column, Table, _cell

TOTAL = -1  # team_id of a cycle's total row (the teams the viewer charts together)
TEAM = func.coalesce(Review.team_id, NO_TEAM)

HOURS_VALUES = ["people", "trainings", "hours", "hours_per_person", "without_hours"]


# --- Training hours per team per cycle --------------------------------------------------------


def _hours_query(session: Session, filters: Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(people per cycle and team, trainings per cycle and team) of the chosen cycles."""
    ids = tuple(filters.cycle_ids)
    people = (
        select(Review.cycle_id, TEAM.label("team_id"), func.count(Review.id).label("people"))
        .where(Review.cycle_id.in_(ids))
        .group_by(Review.cycle_id, TEAM)
    )
    trained = (
        select(
            Review.cycle_id,
            TEAM.label("team_id"),
            func.count(TrainingRecord.id).label("trainings"),
            func.coalesce(func.sum(TrainingRecord.hours), 0).label("hours"),
            (func.count(TrainingRecord.id) - func.count(TrainingRecord.hours)).label(
                "without_hours"
            ),
        )
        .join(Cycle, Cycle.id == Review.cycle_id)
        .join(
            TrainingRecord,
            and_(
                TrainingRecord.person_id == Review.employee_id,
                TrainingRecord.taken_on >= Cycle.period_start,
                TrainingRecord.taken_on <= Cycle.period_end,
            ),
        )
        .where(Review.cycle_id.in_(ids))
        .group_by(Review.cycle_id, TEAM)
    )
    if filters.team_ids is not None:
        people = people.where(Review.team_id.in_(filters.team_ids))
        trained = trained.where(Review.team_id.in_(filters.team_ids))
    return (
        pd.DataFrame(session.execute(people).all(), columns=["cycle_id", "team_id", "people"]),
        pd.DataFrame(
            session.execute(trained).all(),
            columns=["cycle_id", "team_id", "trainings", "hours", "without_hours"],
        ),
    )


def hours_frame(
    people: pd.DataFrame,
    trained: pd.DataFrame,
    cycles: list[tuple[int, str]],
    teams: dict[int, str],
    hidden_of,
) -> pd.DataFrame:
    """One row per cycle and team, and a TOTAL row per cycle over them all; ``hidden_of(
    cycle_id, team_ids)`` says whether a figure over ``team_ids`` (None: every team) is
    hidden (``team_ids`` None: the TOTAL row). Pure pandas."""
    columns = ["cycle_id", "cycle", "team_id", "team", *HOURS_VALUES, "hidden"]
    frame = people.merge(trained, on=["cycle_id", "team_id"], how="left")
    for column in ("trainings", "hours", "without_hours"):
        frame[column] = frame.get(column, pd.Series(dtype=float)).astype(float).fillna(0.0)
    order = {cid: k for k, (cid, _) in enumerate(cycles)}
    names = dict(cycles)
    rows = []
    for cycle_id, part in frame.groupby("cycle_id", sort=False):
        cycle_id = int(cycle_id)
        if cycle_id not in names:
            continue
        for row in part.to_dict("records"):
            unit = int(row["team_id"])
            rows.append(
                _hours_row(
                    cycle_id,
                    names[cycle_id],
                    unit,
                    teams.get(unit, ""),
                    row,
                    hidden_of(cycle_id, (unit,)),
                )  # fmt: skip
            )
        total = {c: part[c].sum() for c in ("people", "trainings", "hours", "without_hours")}
        rows.append(_hours_row(cycle_id, names[cycle_id], TOTAL, "", total,
                               hidden_of(cycle_id, None)))  # fmt: skip
    if not rows:
        return pd.DataFrame(columns=columns)
    result = pd.DataFrame(rows, columns=columns)
    result["_order"] = [order[c] for c in result["cycle_id"]]
    result["_total"] = result["team_id"] == TOTAL
    result["_no_team"] = result["team_id"] == NO_TEAM
    result = result.sort_values(["_order", "_total", "_no_team", "team", "team_id"])
    return result.drop(columns=["_order", "_total", "_no_team"]).reset_index(drop=True)


def _hours_row(cycle_id, cycle, team_id, team, row, hidden: bool) -> list:
    people, hours = float(row["people"]), float(row["hours"])
    values = [people, float(row["trainings"]), hours, hours / people if people else 0.0,
              float(row["without_hours"])]  # fmt: skip
    if hidden:
        values = [float("nan")] * len(values)
    return [cycle_id, cycle, team_id, team, *values, hidden]


def hours(session: Session, filters: Filters, ctx: Context) -> ChartData:
    people, trained = _hours_query(session, filters)
    hidden = hidden_in_cycles(session, filters.cycle_ids, ctx.min_size, ("reviews",))

    def hidden_of(cycle_id: int, units) -> bool:
        # A team's row is over that team; the total over the teams charted (None: all).
        group = units if units is not None else filters.team_ids
        return hidden.hides((cycle_id, "reviews", 0), group)

    frame = hours_frame(people, trained, ctx.names(filters.cycle_ids), queries.team_names(session),
                        hidden_of)  # fmt: skip
    return ChartData(frame, ctx.meta(filters))


def hours_table(data: ChartData) -> Table:
    columns = [
        Column(gettext("Cycle")),
        Column(gettext("Team")),
        Column(gettext("People reviewed"), "int"),
        Column(gettext("Trainings"), "int"),
        Column(gettext("Hours"), "rating"),
        Column(gettext("Hours per person"), "pct"),
        Column(gettext("Trainings without hours"), "int"),
    ]
    table = Table(columns, min_size=data.min_size)
    frame = data.frame
    for cycle_id, cycle in data.cycles:
        rows = frame[frame["cycle_id"] == cycle_id].to_dict("records") if len(frame) else []
        if not rows:
            table.rows.append([cycle, str(labels.NO_DATA)] + [None] * len(HOURS_VALUES))
        for row in rows:
            name = gettext("Total") if row["team_id"] == TOTAL else team_name(row)
            table.rows.append([cycle, name, *(_cell(row, c) for c in HOURS_VALUES)])
    return table


def team_name(row) -> str:
    if int(row["team_id"]) == NO_TEAM:
        return str(labels.NO_TEAM)
    return row["team"]


# --- Ratings before and after a training -----------------------------------------------------

PAIR_VALUES = ["before", "after", "change", "n_pairs"]


def _counts(cycle_status):
    return or_(
        and_(cycle_status == "closed", Review.manager_submitted_at.is_not(None)),
        and_(cycle_status == "open", Review.shared_at.is_not(None)),
    )


def _pair_query(session: Session, filters: Filters, ctx: Context):
    """(trainings: person, competency, first day) in the chosen cycles' span, and the manager
    ratings of those people (person, competency, rated at, value, team)."""
    spans = [c for c in ctx.cycles if c.id in set(filters.cycle_ids)]
    if not spans:
        return pd.DataFrame(), pd.DataFrame()
    start, end = min(c.period_start for c in spans), max(c.period_end for c in spans)
    link = training_competencies.c
    first = (
        select(
            TrainingRecord.person_id,
            link.competency_id,
            func.min(TrainingRecord.taken_on).label("taken_on"),
        )
        .join(training_competencies, link.training_record_id == TrainingRecord.id)
        .where(TrainingRecord.taken_on >= start, TrainingRecord.taken_on <= end)
        .group_by(TrainingRecord.person_id, link.competency_id)
    )
    if filters.competency_id is not None:
        first = first.where(link.competency_id == filters.competency_id)
    trainings = pd.DataFrame(
        session.execute(first).all(), columns=["person_id", "competency_id", "taken_on"]
    )
    if trainings.empty:
        return trainings, pd.DataFrame()
    people = sorted(set(int(p) for p in trainings["person_id"]))
    rated_at = func.coalesce(Review.manager_submitted_at, Review.shared_at)
    ratings = (
        select(
            Review.employee_id.label("person_id"),
            CycleCompetency.competency_id,
            rated_at.label("rated_at"),
            Rating.value,
            TEAM.label("team_id"),
        )
        .join(Review, Review.id == Rating.review_id)
        .join(Cycle, Cycle.id == Review.cycle_id)
        .join(CycleCompetency, CycleCompetency.id == Rating.cycle_competency_id)
        .where(
            Rating.source == "manager",
            Rating.value.is_not(None),
            Review.employee_id.in_(people),
            Review.cycle_id.in_(tuple(filters.cycle_ids)),
            _counts(Cycle.status),
        )
    )
    frame = pd.DataFrame(
        session.execute(ratings).all(),
        columns=["person_id", "competency_id", "rated_at", "value", "team_id"],
    )
    return trainings, frame


def pairs(trainings: pd.DataFrame, ratings: pd.DataFrame) -> pd.DataFrame:
    """One row per (person, competency) with a rating before and after their first training
    in it: before, after and the team of the review after. A review rated on the training day
    itself counts as neither."""
    columns = ["person_id", "competency_id", "before", "after", "team_id"]
    if trainings.empty or ratings.empty:
        return pd.DataFrame(columns=columns)
    found = []
    by_key = {key: part for key, part in ratings.groupby(["person_id", "competency_id"])}
    for row in trainings.to_dict("records"):
        part = by_key.get((row["person_id"], row["competency_id"]))
        if part is None:
            continue
        day = pd.Timestamp(datetime.combine(row["taken_on"], time.min))
        before = part[part["rated_at"] < day].sort_values("rated_at")
        after = part[part["rated_at"] >= day + timedelta(days=1)].sort_values("rated_at")
        if before.empty or after.empty:
            continue
        found.append([row["person_id"], row["competency_id"], float(before["value"].iloc[-1]),
                      float(after["value"].iloc[0]), int(after["team_id"].iloc[0])])  # fmt: skip
    return pd.DataFrame(found, columns=columns)


def before_after_frame(
    found: pd.DataFrame, names: dict[int, str], team_ids, min_size: int
) -> pd.DataFrame:
    """Per competency: the mean before and after over the pairs of ``team_ids`` (None: all),
    their change and number, hidden as the module says. Pure pandas."""
    columns = ["competency_id", "competency", *PAIR_VALUES, "hidden"]
    rows = []
    for competency_id, part in found.groupby("competency_id"):
        per_team = part.groupby("team_id").size()
        small = {int(t): int(n) for t, n in per_team.items() if 0 < n < min_size}
        big = sorted((int(n), int(t)) for t, n in per_team.items() if n >= min_size)
        hidden = hidden_units(small, (big[0][1], big[0][0]) if big else None, min_size)
        mine = part if team_ids is None else part[part["team_id"].isin(list(team_ids))]
        if mine.empty:
            continue
        is_hidden = hides(hidden, team_ids) if min_size > 1 else False
        values = [mine["before"].mean(), mine["after"].mean()]
        values += [values[1] - values[0], float(len(mine))]
        if is_hidden:
            values = [float("nan")] * len(values)
        cid = int(competency_id)
        rows.append([cid, names.get(cid, ""), *values, is_hidden])
    frame = pd.DataFrame(rows, columns=columns)
    order = {cid: k for k, cid in enumerate(names)}
    frame["_order"] = [order.get(c, len(order)) for c in frame["competency_id"]]
    return (
        frame.sort_values(["_order", "competency_id"]).drop(columns="_order").reset_index(drop=True)
    )


def before_after(session: Session, filters: Filters, ctx: Context) -> ChartData:
    trainings, ratings = _pair_query(session, filters, ctx)
    found = pairs(trainings, ratings)
    order = select(Competency.id, Competency.name).order_by(Competency.position, Competency.id)
    names = dict(session.execute(order).all())  # in the framework's order
    frame = before_after_frame(found, names, filters.team_ids, ctx.min_size)
    words = {"competencies_in": queries.competencies_in(session)}
    return ChartData(frame, ctx.meta(filters, **words))


def before_after_table(data: ChartData) -> Table:
    columns = [
        Column(gettext("Competency")),
        Column(gettext("Mean before"), "mean"),
        Column(gettext("Mean after"), "mean"),
        Column(gettext("Change"), "change"),
        Column(gettext("People (pairs)"), "int"),
    ]
    table = Table(columns, min_size=data.min_size)
    for row in data.frame.to_dict("records"):
        table.rows.append([row["competency"], *(_cell(row, c) for c in PAIR_VALUES)])
    if not table.rows:
        table.rows.append([str(labels.NO_DATA)] + [None] * len(PAIR_VALUES))
    return table
