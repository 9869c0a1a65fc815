"""The recognition chart's numbers and table: recognitions received per team × competency
in the chosen cycles, with the small-group rule.

A team of fewer than the minimum group of people is hidden — its whole row, since a
recognition may carry several competencies and a row's cells and total bound each other.
So that the organisation's figures less the teams shown cannot give a hidden team's back,
each competency (and the "all competencies" total) is a slice of ``reports.privacy``: its
hidden units are the small teams and, where needed, other teams with recognitions in that
slice (``slices``); a team hidden in any slice is hidden in every one. When that cannot be
done, the figure over all teams is hidden too (``Slice.short``).

The hidden teams are worked out over every team, whoever looks and whichever teams they
chose; only then are the rows kept to the teams shown. A figure over the teams shown (a
manager's "all your teams", or one chosen team's row) is shown only if it holds every hidden
team of its slice or none (``privacy.hides``), so no two views less each other isolate one."""

import math

import pandas as pd
from flask_babel import gettext
from sqlalchemy import select
from sqlalchemy.orm import Session

from reviews.models import Competency
from reviews.models.summary import NO_TEAM

from . import labels, queries
from .build import Context
from .chartdata import ChartData
from .filters import Filters
from .privacy import Slice, hidden_units, hides
from .queries.recognition import recognition_counts
from .tables import HIDDEN, Column, Table

TOTAL = -1  # the row of every team in scope together


def _unit(team_id) -> int:
    return NO_TEAM if team_id is None or team_id != team_id else int(team_id)


def slices(
    people: dict[int, int], counts: dict[int, dict[int, int]], min_size: int
) -> dict[int, Slice]:
    """The hidden units of each competency (0: all competencies), from ``people`` (unit →
    its size) and ``counts`` (competency → unit → recognitions).

    The small teams are hidden; then, as ``privacy.hidden_units`` does, other teams until the
    hidden ones hold at least ``min_size`` people — here also until one of the teams added
    has recognitions in the slice, so what the organisation's figure less the teams shown
    leaves is never the small teams' count alone. A slice that cannot be covered so is
    ``short``: its figure over every team is hidden too (unless it is nought everywhere)."""
    small = {u: n for u, n in people.items() if 0 < n < min_size}
    found = {}
    for competency, by_unit in counts.items():
        if not small:
            found[competency] = Slice(frozenset(), False)
            continue
        others = sorted(
            (people.get(u, 0), u) for u, c in by_unit.items() if c > 0 and u not in small
        )
        first = (others[0][1], others[0][0]) if others else None
        units = set(hidden_units(small, first, min_size).units)
        rest = [(n, u) for n, u in others if u not in units]

        def covered(units=units, by_unit=by_unit) -> bool:
            cover = any(by_unit.get(u, 0) > 0 for u in units if u not in small)
            return cover and sum(people.get(u, 0) for u in units) >= min_size

        while not covered() and rest:
            units.add(rest.pop(0)[1])
        short = not covered() and sum(by_unit.values()) > 0
        found[competency] = Slice(frozenset(units), short)
    return found


def build(session: Session, filters: Filters, ctx: Context) -> ChartData:
    raw = recognition_counts(session, filters)
    names = queries.competency_names(session)
    teams = queries.team_names(session)
    sizes = raw["people"]
    people = {_unit(t): int(n) for t, n in zip(sizes["team_id"], sizes["people"], strict=True)}
    counts: dict[int, dict[int, int]] = {0: {}}
    for t, c, n in raw["tags"].itertuples(index=False):
        counts.setdefault(int(c), {})[_unit(t)] = int(n)
    for t, n in raw["totals"].itertuples(index=False):
        counts[0][_unit(t)] = int(n)
        people.setdefault(_unit(t), 0)
    # The columns: the live framework's competencies in its order, and retired ones only
    # where they were tagged.
    framework = select(Competency.id, Competency.retired_at).order_by(
        Competency.position, Competency.id
    )
    chosen = None if filters.team_ids is None else {int(t) for t in filters.team_ids}
    shown = [u for u in people if chosen is None or u in chosen]
    tagged = {cid for cid, by_unit in counts.items() if any(by_unit.get(u) for u in shown)}
    competencies = list(session.execute(framework))
    for cid, _retired in competencies:
        counts.setdefault(cid, {})
    # Decided over every team, before the rows are kept to the teams shown.
    found = slices(people, counts, ctx.min_size)
    hidden_teams = set().union(*(s.units for s in found.values())) if found else set()
    order = [cid for cid, retired in competencies if retired is None or cid in tagged]
    rows = []
    units = sorted(shown, key=lambda u: (u == NO_TEAM, teams.get(u, ""), u))
    for unit in units:
        hidden = unit in hidden_teams
        for cid in [*order, 0]:
            rows.append(
                {
                    "team_id": math.nan if unit == NO_TEAM else float(unit),
                    "team": teams.get(unit, ""),
                    "people": math.nan if hidden else float(people[unit]),
                    "competency_id": cid,
                    "competency": names.get(cid, ""),
                    "count": math.nan if hidden else float(counts[cid].get(unit, 0)),
                    "hidden": hidden,
                }
            )
    for cid in [*order, 0]:
        hidden = hides(found.get(cid), chosen)
        rows.append(
            {
                "team_id": float(TOTAL),
                "team": "",
                "people": math.nan if hidden else float(sum(people[u] for u in shown)),
                "competency_id": cid,
                "competency": names.get(cid, ""),
                "count": math.nan if hidden else float(sum(counts[cid].get(u, 0) for u in shown)),
                "hidden": hidden,
            }
        )
    frame = pd.DataFrame(
        rows,
        columns=["team_id", "team", "people", "competency_id", "competency", "count", "hidden"],
    )
    meta = ctx.meta(filters, competencies_in=queries.competencies_in(session))
    return ChartData(frame, meta)


def row_name(team_id, team: str, whole_org: bool) -> str:
    if team_id == TOTAL:
        return gettext("All teams") if whole_org else gettext("All your teams")
    return labels.team(team_id, team)


def table(data: ChartData) -> Table:
    frame = data.frame
    whole = data.meta.get("scope", {}).get("kind") == "org"
    competencies = list(dict.fromkeys(frame["competency_id"].tolist()))
    names = dict(zip(frame["competency_id"], frame["competency"], strict=False))
    columns = [Column(gettext("Team")), Column(gettext("People"), "int")]
    columns += [Column(labels.competency(c, names.get(c, "")), "int") for c in competencies]
    table = Table(columns, min_size=data.min_size)
    for (team_id, team), rows in frame.groupby(["team_id", "team"], sort=False, dropna=False):
        by = {int(r["competency_id"]): r for r in rows.to_dict("records")}
        first = next(iter(by.values()))
        line = [row_name(team_id, team, whole), _value(first, "people")]
        line += [_value(by[c], "count") if c in by else None for c in competencies]
        table.rows.append(line)
    return table


def _value(row: dict, column: str):
    if bool(row.get("hidden")):
        return HIDDEN
    value = row[column]
    return None if value is None or value != value else value
