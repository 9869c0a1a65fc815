"""Query → metrics for each chart: the ChartData a chart, its table and its downloads share.
Works without a request: give it a session, the filters and the context."""

import json
from dataclasses import dataclass

import pandas as pd
from sqlalchemy.orm import Session

from reviews.models import utcnow
from reviews.models.summary import NO_TEAM

from . import cache, metrics, queries
from .chartdata import ChartData
from .filters import CycleInfo, Filters, previous_cycle
from .privacy import Hidden, Slice, hidden_units, hides
from .queries.hidden import hidden as find_hidden


@dataclass
class Context:
    """What every builder needs besides the filters: the cycles that can hold reviews, the
    smallest group shown, and a description of whose numbers these are."""

    cycles: list[CycleInfo]
    min_size: int
    scope: dict  # {"kind": "org"} | {"kind": "teams", "names": [...]} | {"kind": "person"}

    def names(self, ids: tuple[int, ...]) -> list[tuple[int, str]]:
        by_id = {c.id: c.name for c in self.cycles}
        return [(cid, by_id[cid]) for cid in ids if cid in by_id]

    def name(self, cycle_id: int | None) -> str:
        return next((c.name for c in self.cycles if c.id == cycle_id), "")

    def meta(self, filters: Filters, **extra) -> dict:
        cycles = self.names(filters.cycle_ids)
        span = f"{cycles[0][1]} – {cycles[-1][1]}" if cycles else ""
        return {
            "cycles": cycles,
            "range": span,
            "min_size": self.min_size,
            "scope": self.scope,
            **extra,
        }


def _unit(team_id) -> int:
    """A heatmap or completion row's team as a unit of reports.privacy (NaN: no team)."""
    return NO_TEAM if team_id != team_id or team_id is None else int(team_id)


def hidden_in_cycles(
    session: Session, cycle_ids, min_size: int, measures: tuple[str, ...]
) -> Hidden:
    """The hidden units of ``cycle_ids`` (reports.queries.hidden), kept per cycle in the chart
    cache under that cycle's data version: finding them reads every team's summary rows
    (a few hundred milliseconds for 8 cycles of 500 teams), a closed cycle's never change."""
    cycle_ids = tuple(dict.fromkeys(c for c in cycle_ids if c is not None))
    versions = cache.versions(session, cache.chart_domains(cycle_ids))
    keys = {
        c: cache.make_key(
            kind="hidden",
            cycle=c,
            measures=measures,
            min_size=min_size,
            v=[versions[cache.EPOCH], versions[cache.ORG], versions[cache.cycle_domain(c)]],
        )
        for c in cycle_ids
    }
    found = cache.load_many(session, list(keys.values()))
    result = Hidden()
    missing = [c for c in cycle_ids if keys[c] not in found]
    for cycle_id in cycle_ids:
        if cycle_id in missing:
            continue
        for measure, competency, units, short in json.loads(found[keys[cycle_id]]):
            result.slices[cycle_id, measure, competency] = Slice(frozenset(units), short)
    if missing:
        fresh = find_hidden(session, tuple(missing), min_size, measures)
        result.slices.update(fresh.slices)
        for cycle_id in missing:
            rows = [
                [measure, competency, sorted(part.units), part.short]
                for (cycle, measure, competency), part in fresh.slices.items()
                if cycle == cycle_id
            ]
            cache.store(session, keys[cycle_id], json.dumps(rows).encode(), "application/json")
    return result


UNPAIRED = ("unpaired:self", "unpaired:manager")


def _hidden_rows(hidden: Hidden, cycles, measures, competencies, teams) -> list[bool]:
    """Which rows complementary suppression hides: one per (cycle, measure, competency)
    — competency 0 being all competencies — over ``teams`` (one tuple or None for every
    row, or a list with one per row)."""
    per_row = teams if isinstance(teams, list) else [teams] * len(cycles)
    return [
        hidden.hides_total(int(c), m, t) if int(k) == 0 else hidden.hides((int(c), m, int(k)), t)
        for c, m, k, t in zip(cycles, measures, competencies, per_row, strict=True)
    ]


def _hidden_ratings(hidden: Hidden, cycles, sources, competencies, teams) -> list[bool]:
    """``_hidden_rows`` for figures over all of a source's ratings (trend, heatmap,
    distribution): they hold its unpaired ones too, so they are also hidden where they hold
    some of the "unpaired:<source>" slice's hidden units but not all (reports.privacy)."""
    rows = _hidden_rows(hidden, cycles, sources, competencies, teams)
    per_row = teams if isinstance(teams, list) else [teams] * len(rows)
    return [
        row
        or (
            hidden.splits_total(int(c), f"unpaired:{s}", t)
            if int(k) == 0
            else hidden.splits((int(c), f"unpaired:{s}", int(k)), t)
        )
        for row, c, s, k, t in zip(rows, cycles, sources, competencies, per_row, strict=True)
    ]


def _words(session: Session, cycle_ids) -> dict:
    """The scale's labels and the competencies' names in the other languages, for the meta
    of a chart that shows both: the numbers stay the same in every language."""
    return {
        "scale": queries.scale_levels(session, cycle_ids),
        "scale_in": queries.scale_in(session, cycle_ids),
        "competencies_in": queries.competencies_in(session),
    }


def trend(session: Session, filters: Filters, ctx: Context) -> ChartData:
    raw = queries.rating_trend(session, filters)
    names = queries.competency_names(session)
    frame = metrics.trend(raw, ctx.names(filters.cycle_ids), names, ctx.min_size)
    sources = ("manager", "self") if filters.with_self else ("manager",)
    measures = (*sources, *(f"people:{s}" for s in sources), *(f"unpaired:{s}" for s in sources))
    hidden = hidden_in_cycles(session, filters.cycle_ids, ctx.min_size, measures)
    rows = _hidden_ratings(
        hidden, frame["cycle_id"], list(frame["source"]), frame["competency_id"], filters.team_ids
    )
    frame = metrics.withhold(frame, rows, ["mean"])
    return ChartData(frame, ctx.meta(filters, **_words(session, filters.cycle_ids)))


def person_trend(session: Session, filters: Filters, ctx: Context) -> ChartData:
    raw = queries.person_ratings(session, filters)
    names = queries.competency_names(session)
    frame = metrics.person_trend(raw, ctx.names(filters.cycle_ids), names)
    return ChartData(frame, ctx.meta(filters, **_words(session, filters.cycle_ids)))


def heatmap(session: Session, filters: Filters, ctx: Context) -> ChartData:
    previous = previous_cycle(ctx.cycles, filters.cycle_id)
    raw = queries.heatmap(session, filters, previous)
    if not raw.empty:
        cycles = tuple(c for c in (filters.cycle_id, previous) if c is not None)
        measures = ("manager", "people:manager", "unpaired:manager")
        hidden = hidden_in_cycles(session, cycles, ctx.min_size, measures)
        units = [(_unit(t),) for t in raw["team_id"]]
        sources = ["manager"] * len(raw)
        rows = _hidden_ratings(hidden, raw["cycle_id"], sources, raw["competency_id"], units)
        raw = metrics.withhold(raw, rows, ["mean"])
    frame = metrics.heatmap(
        raw,
        filters.cycle_id,
        previous,
        queries.team_names(session),
        queries.competency_names(session),
        ctx.min_size,
    )
    meta = ctx.meta(
        filters,
        **_words(session, (filters.cycle_id,)),
        cycle=ctx.name(filters.cycle_id),
        previous=ctx.name(previous),
    )
    return ChartData(frame, meta)


def distribution(session: Session, filters: Filters, ctx: Context) -> ChartData:
    levels, people = queries.distribution(session, filters)
    scale = queries.scale_levels(session, filters.cycle_ids)
    frame = metrics.distribution(
        levels, people, ctx.names(filters.cycle_ids), sorted(scale), ctx.min_size
    )
    measures = ("manager", "people:manager", "unpaired:manager")
    hidden = hidden_in_cycles(session, filters.cycle_ids, ctx.min_size, measures)
    each = len(frame)
    competency = [filters.competency_id or 0] * each
    sources = ["manager"] * each
    rows = _hidden_ratings(hidden, frame["cycle_id"], sources, competency, filters.team_ids)
    shares = [c for c in frame.columns if c.startswith("level_")]
    frame = metrics.withhold(frame, rows, [*shares, "ratings", "not_applicable"])
    words = {"scale": scale, "scale_in": queries.scale_in(session, filters.cycle_ids)}
    return ChartData(frame, ctx.meta(filters, **words))


def gap(session: Session, filters: Filters, ctx: Context) -> ChartData:
    raw = queries.rating_gap(session, filters)
    frame = metrics.gap(raw, queries.competency_names(session), ctx.min_size)
    measures = ("pair", "people:pair", *UNPAIRED, "manager", "self")
    hidden = hidden_in_cycles(session, (filters.cycle_id,), ctx.min_size, measures)
    cycles = [filters.cycle_id] * len(frame)
    # Hidden too where the trend's mean minus this one would give a few unpaired ratings,
    # and where the trend's is (reports.privacy).
    per_measure = [
        _hidden_rows(hidden, cycles, [m] * len(frame), frame["competency_id"], filters.team_ids)
        for m in ("pair", *UNPAIRED, "manager", "self")
    ]
    rows = [any(row) for row in zip(*per_measure, strict=True)]
    values = ["self_mean", "manager_mean", "gap", "higher", "lower", "same"]
    frame = metrics.withhold(frame, rows, values)
    words = {"competencies_in": queries.competencies_in(session)}
    return ChartData(frame, ctx.meta(filters, cycle=ctx.name(filters.cycle_id), **words))


def person_gap(session: Session, filters: Filters, ctx: Context) -> ChartData:
    raw = queries.person_gap(session, filters)
    frame = metrics.person_gap(raw, queries.competency_names(session))
    words = {"competencies_in": queries.competencies_in(session)}
    return ChartData(frame, ctx.meta(filters, cycle=ctx.name(filters.cycle_id), **words))


def notes(session: Session, filters: Filters, ctx: Context) -> ChartData:
    mentions, people = queries.note_mentions(session, filters)
    framework = queries.frameworks(session, filters.cycle_ids)
    if filters.competency_id is not None:
        framework = framework[framework["competency_id"] == filters.competency_id]
    frame = metrics.notes(
        mentions,
        people,
        framework,
        ctx.names(filters.cycle_ids),
        queries.competency_names(session),
        ctx.min_size,
    )
    hidden = hidden_in_cycles(session, filters.cycle_ids, ctx.min_size, ("people:assessed",))
    rows = [
        hidden.hides((int(c), "people:assessed", 0), filters.team_ids) for c in frame["cycle_id"]
    ]
    values = ["strength", "improvement", "strength_pct", "improvement_pct"]
    frame = metrics.withhold(frame, rows, values)
    return ChartData(frame, ctx.meta(filters, competencies_in=queries.competencies_in(session)))


def ideas(session: Session, filters: Filters, ctx: Context) -> ChartData:
    raw = queries.idea_pipeline(session, filters)
    frame = metrics.ideas(raw, ctx.names(filters.cycle_ids), ctx.min_size)
    return ChartData(frame, ctx.meta(filters))


def idea_breakdown(session: Session, filters: Filters, ctx: Context) -> ChartData:
    raw = queries.idea_breakdown(session, filters)
    frame = metrics.idea_breakdown(raw, queries.team_names(session), ctx.min_size)
    return ChartData(frame, ctx.meta(filters))


def completion(session: Session, filters: Filters, ctx: Context) -> ChartData:
    raw = queries.completion(session, filters)
    frame = metrics.completion(raw, queries.team_names(session), ctx.min_size)
    hidden = hidden_in_cycles(session, (filters.cycle_id,), ctx.min_size, ("reviews",))
    key = (filters.cycle_id, "reviews", 0)
    rows = [hidden.hides(key, (_unit(t),)) for t in frame["team_id"]]
    steps = [*metrics.COMPLETION_STEPS, *(f"{s}_pct" for s in metrics.COMPLETION_STEPS)]
    frame = metrics.withhold(frame, rows, steps, n_col="reviews")
    return ChartData(frame, ctx.meta(filters, cycle=ctx.name(filters.cycle_id)))


def procedure_currency(session: Session, filters: Filters, ctx: Context) -> ChartData:
    """Procedure currency per team at the end of each cycle of the range (or now, for a cycle
    still running): the share of the people asked to confirm a procedure who had confirmed
    the current version of every one. People without a team are not counted. Small teams
    are hidden, and so is what would let the organisation's figure give one back
    (reports.privacy)."""
    now = pd.Timestamp(utcnow())
    ends = {c.id: c.period_end for c in ctx.cycles}
    moments = [
        (cid, name, min(now, pd.Timestamp(ends[cid]) + pd.Timedelta(days=1)))
        for cid, name in ctx.names(filters.cycle_ids)
    ]
    until = max((m for _, _, m in moments), default=now).to_pydatetime()
    requests = queries.procedure_requests(session, until)
    names = queries.team_names(session)
    chosen = None if filters.team_ids is None else set(filters.team_ids)
    frames = []
    for cycle_id, cycle, at in moments:
        people = metrics.currency_people(requests, at)
        people = people[people["team_id"].notna()]  # a team's figure: people in a team
        teams = metrics.currency(people, ctx.min_size)
        counts = (
            {
                _unit(t): int(n)
                for t, n in people.groupby(people["team_id"].astype(float), dropna=False)["user_id"]
                .size()
                .items()
            }
            if not people.empty
            else {}
        )
        small = {u: n for u, n in counts.items() if 0 < n < ctx.min_size}
        others = sorted((n, u) for u, n in counts.items() if u not in small)
        hidden = hidden_units(small, (others[0][1], others[0][0]) if others else None, ctx.min_size)
        units = [_unit(t) for t in teams["team_id"]]
        keep = [chosen is None or u in chosen for u in units]
        teams = teams[pd.Series(keep, index=teams.index, dtype=bool)].reset_index(drop=True)
        units = [u for u, k in zip(units, keep, strict=True) if k]
        teams = metrics.withhold(
            teams, [hides(hidden, (u,)) for u in units], ["n_current", "share"]
        )
        teams["team"] = [names.get(u, "") if u != NO_TEAM else "" for u in units]
        teams["total"] = False
        mine = [chosen is None or _unit(t) in chosen for t in people["team_id"]]
        in_scope = people[pd.Series(mine, index=people.index, dtype=bool)]
        total = metrics.currency(in_scope.assign(team_id=0.0), ctx.min_size)
        if total.empty:
            total = pd.DataFrame(
                {
                    "team_id": [0.0],
                    "n_people": [0.0],
                    "n_current": [0.0],
                    "share": [float("nan")],
                    "hidden": [False],
                }
            )
        total = metrics.withhold(total, [hides(hidden, filters.team_ids)], ["n_current", "share"])
        total["team_id"], total["team"], total["total"] = float("nan"), "", True
        frame = pd.concat([total, teams], ignore_index=True)
        frame.insert(0, "cycle", cycle)
        frame.insert(0, "cycle_id", cycle_id)
        frames.append(frame)
    columns = [
        "cycle_id",
        "cycle",
        "team_id",
        "team",
        "total",
        "n_people",
        "n_current",
        "share",
        "hidden",
    ]
    frame = (
        pd.concat(frames, ignore_index=True)[columns] if frames else pd.DataFrame(columns=columns)
    )
    frame["team_id"] = frame["team_id"].astype(float)
    return ChartData(frame, ctx.meta(filters, whole_org=filters.team_ids is None))
