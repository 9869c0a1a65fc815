"""Query → metrics for each chart: the ChartData a chart, its table and its downloads share.
Works without a request: give it a session, the filters and the context."""

from dataclasses import dataclass

from sqlalchemy.orm import Session

from . import metrics, queries
from .chartdata import ChartData
from .filters import CycleInfo, Filters, previous_cycle


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


def trend(session: Session, filters: Filters, ctx: Context) -> ChartData:
    raw = queries.rating_trend(session, filters)
    names = queries.competency_names(session)
    frame = metrics.trend(raw, ctx.names(filters.cycle_ids), names, ctx.min_size)
    scale = queries.scale_levels(session, filters.cycle_ids)
    return ChartData(frame, ctx.meta(filters, scale=scale))


def person_trend(session: Session, filters: Filters, ctx: Context) -> ChartData:
    raw = queries.person_ratings(session, filters)
    names = queries.competency_names(session)
    frame = metrics.person_trend(raw, ctx.names(filters.cycle_ids), names)
    scale = queries.scale_levels(session, filters.cycle_ids)
    return ChartData(frame, ctx.meta(filters, scale=scale))


def heatmap(session: Session, filters: Filters, ctx: Context) -> ChartData:
    previous = previous_cycle(ctx.cycles, filters.cycle_id)
    raw = queries.heatmap(session, filters, previous)
    frame = metrics.heatmap(
        raw,
        filters.cycle_id,
        previous,
        queries.team_names(session),
        queries.competency_names(session),
        ctx.min_size,
    )
    scale = queries.scale_levels(session, (filters.cycle_id,))
    meta = ctx.meta(
        filters, scale=scale, cycle=ctx.name(filters.cycle_id), previous=ctx.name(previous)
    )
    return ChartData(frame, meta)


def distribution(session: Session, filters: Filters, ctx: Context) -> ChartData:
    levels, people = queries.distribution(session, filters)
    scale = queries.scale_levels(session, filters.cycle_ids)
    frame = metrics.distribution(
        levels, people, ctx.names(filters.cycle_ids), sorted(scale), ctx.min_size
    )
    return ChartData(frame, ctx.meta(filters, scale=scale))


def gap(session: Session, filters: Filters, ctx: Context) -> ChartData:
    raw = queries.rating_gap(session, filters)
    frame = metrics.gap(raw, queries.competency_names(session), ctx.min_size)
    return ChartData(frame, ctx.meta(filters, cycle=ctx.name(filters.cycle_id)))


def person_gap(session: Session, filters: Filters, ctx: Context) -> ChartData:
    raw = queries.person_gap(session, filters)
    frame = metrics.person_gap(raw, queries.competency_names(session))
    return ChartData(frame, ctx.meta(filters, cycle=ctx.name(filters.cycle_id)))


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
    return ChartData(frame, ctx.meta(filters))


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
    return ChartData(frame, ctx.meta(filters, cycle=ctx.name(filters.cycle_id)))
