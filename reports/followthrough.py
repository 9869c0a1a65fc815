"""Follow-through of action items: the share of the action items agreed in a cycle's reviews
that were done by the time the next cycle opened — for the latest cycle (no next one open
yet) done so far — per team of the review, and for all the teams shown together.

An item counts as done when it is done now and was done (``done_at``) before the next cycle
opened; a carried, dropped or still open item counts as not done. The teams are those of
the reviews, as at the time.

The small-group rule: a team's figure is over the people with action items in it; one over
fewer than ``min_size`` people (but more than none) is hidden, and complementary suppression
(``reports.privacy``) hides more where the total less the teams shown would give one back.
The hidden teams are worked out over every team, whoever looks, so a manager's figure of
their teams and the organisation's hide the same groups."""

import numpy as np
import pandas as pd
from flask_babel import gettext
from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from reviews.models import ActionItem, Cycle, Review
from reviews.models.summary import NO_TEAM

from . import labels, metrics
from .chartdata import ChartData
from .privacy import Slice, hidden_units, hides
from .queries.common import frame, team_names
from .tables import Column, Table, _cell

VALUES = ["agreed", "done", "done_pct"]


def cutoff(session: Session, cycle_id: int):
    """When the cycle after ``cycle_id`` opened (None: none has yet — "so far")."""
    chosen = session.get(Cycle, cycle_id)
    if chosen is None:
        return None
    query = (
        select(Cycle.opened_at)
        .where(Cycle.period_start > chosen.period_start, Cycle.opened_at.is_not(None))
        .order_by(Cycle.period_start, Cycle.id)
        .limit(1)
    )
    return session.scalar(query)


def counts(session: Session, cycle_id: int, until) -> pd.DataFrame:
    """Per team of the cycle's reviews (every team): the people with action items, the items
    agreed, and those done before ``until`` (None: done now)."""
    done = ActionItem.done_at.is_not(None)
    if until is not None:
        done = and_(done, ActionItem.done_at < until)
    query = (
        select(
            Review.team_id,
            func.count(func.distinct(Review.employee_id)).label("n_people"),
            func.count(ActionItem.id).label("agreed"),
            func.sum(case((done, 1), else_=0)).label("done"),
        )
        .join(Review, Review.id == ActionItem.review_id)
        .where(Review.cycle_id == cycle_id)
        .group_by(Review.team_id)
    )
    return frame(session, query)


def hidden_slice(raw: pd.DataFrame, min_size: int) -> Slice:
    """The teams (units) to hide in the cycle, over every team."""
    people = {_unit(t): int(n) for t, n in zip(raw["team_id"], raw["n_people"], strict=True)}
    small = {u: n for u, n in people.items() if 0 < n < min_size}
    others = sorted((n, u) for u, n in people.items() if n >= min_size)
    return hidden_units(small, (others[0][1], others[0][0]) if others else None, min_size)


def _unit(team_id) -> int:
    return NO_TEAM if team_id is None or team_id != team_id else int(team_id)


def follow_through(
    raw: pd.DataFrame, teams: dict[int, str], team_ids, min_size: int
) -> pd.DataFrame:
    """One row per team shown (``team_ids`` None: every team), by name, then their total
    (``total`` True); shares in %, hidden figures blanked and marked."""
    columns = ["team_id", "n_people", "agreed", "done"]
    raw = raw[columns].copy() if not raw.empty else metrics._empty(columns)
    part = hidden_slice(raw, min_size)
    units = [_unit(t) for t in raw["team_id"]]
    mask = np.array([team_ids is None or u in team_ids for u in units], dtype=bool)
    shown = raw.loc[mask].copy()
    shown["team_id"] = shown["team_id"].astype(float)
    shown["team"] = metrics._names(shown["team_id"], teams)
    shown = shown.sort_values(["team", "team_id"], na_position="last").reset_index(drop=True)
    shown["total"] = False
    total = pd.DataFrame(
        {
            "team_id": [np.nan],
            "n_people": [float(shown["n_people"].sum())],
            "agreed": [float(shown["agreed"].sum())],
            "done": [float(shown["done"].sum())],
            "team": [""],
            "total": [True],
        }
    )
    result = pd.concat([shown, total], ignore_index=True) if len(shown) else total
    for column in ("n_people", "agreed", "done"):
        result[column] = result[column].astype(float)
    result["done_pct"] = 100.0 * result["done"] / result["agreed"].where(result["agreed"] > 0)
    group = None if team_ids is None else set(team_ids)
    rows = [
        hides(part, group) if is_total else hides(part, (_unit(t),))
        for t, is_total in zip(result["team_id"], result["total"], strict=True)
    ]
    result = metrics.withhold(result, rows, VALUES)
    return metrics.suppress(result, min_size, VALUES)


def build(session: Session, filters, ctx) -> ChartData:
    until = cutoff(session, filters.cycle_id) if filters.cycle_id is not None else None
    raw = counts(session, filters.cycle_id, until) if filters.cycle_id else pd.DataFrame()
    team_ids = None if filters.team_ids is None else set(filters.team_ids)
    data = follow_through(raw, team_names(session), team_ids, ctx.min_size)
    meta = ctx.meta(filters, cycle=ctx.name(filters.cycle_id), so_far=until is None)
    return ChartData(data, meta)


def total_label(data: ChartData) -> str:
    if data.meta.get("scope", {}).get("kind") == "org":
        return gettext("Whole organisation")
    return gettext("All teams shown")


def table(data: ChartData) -> Table:
    done = gettext("Done so far") if data.meta.get("so_far") else gettext("Done by the next cycle")
    columns = [
        Column(gettext("Team")),
        Column(gettext("People with action items"), "int"),
        Column(gettext("Action items agreed"), "int"),
        Column(done, "int"),
        Column(f"{done} (%)", "pct"),
    ]
    result = Table(columns, min_size=data.min_size)
    for row in data.frame.to_dict("records"):
        name = total_label(data) if row["total"] else labels.team(row["team_id"], row["team"])
        line = [name, _cell(row, "n_people"), _cell(row, "agreed"), _cell(row, "done")]
        result.rows.append([*line, _cell(row, "done_pct")])
    return result
