"""What a chart is asked to show: the cycle range or cycle, the teams, the competency and the
person. Resolved from the filter form and the viewer's scope before any query runs."""

from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviews.models import Cycle

DEFAULT_RANGE = 8  # cycles shown when no range is chosen: two years of quarterly cycles


@dataclass(frozen=True)
class Filters:
    """Everything a chart's data depends on. ``team_ids`` None means every team; a tuple
    limits the charts to those teams (a manager's teams, or the one chosen)."""

    cycle_ids: tuple[int, ...] = ()
    cycle_id: int | None = None
    team_ids: tuple[int, ...] | None = None
    competency_id: int | None = None
    person_id: int | None = None
    with_self: bool = False
    # A person's history seen by someone else (reviews.access.history_reach): only reviews
    # shared with the person count, and only those ``reviewer_id`` wrote when it is set.
    reviewer_id: int | None = None
    shared_only: bool = False

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class CycleInfo:
    id: int
    name: str
    period_start: date
    period_end: date
    status: str


def report_cycles(session: Session) -> list[CycleInfo]:
    """Cycles that can hold reviews (open or closed), oldest first."""
    query = (
        select(Cycle.id, Cycle.name, Cycle.period_start, Cycle.period_end, Cycle.status)
        .where(Cycle.status != "planned")
        .order_by(Cycle.period_start, Cycle.id)
    )
    return [CycleInfo(*row) for row in session.execute(query)]


def cycle_range(cycles: list[CycleInfo], start: int | None, end: int | None) -> tuple[int, ...]:
    """Ids of the cycles from ``start`` to ``end`` inclusive (by period). Without an end, the
    range ends at the latest closed cycle (an open cycle's numbers are still moving); without
    a start, it holds DEFAULT_RANGE cycles."""
    ids = [c.id for c in cycles]
    if not ids:
        return ()
    end = end if end in ids else default_cycle(cycles)
    last = ids.index(end)
    first = ids.index(start) if start in ids else max(0, last - DEFAULT_RANGE + 1)
    return tuple(ids[first : last + 1])


def default_cycle(cycles: list[CycleInfo]) -> int | None:
    """The latest closed cycle (complete numbers), else the latest cycle."""
    closed = [c.id for c in cycles if c.status == "closed"]
    if closed:
        return closed[-1]
    return cycles[-1].id if cycles else None


def open_cycle(cycles: list[CycleInfo]) -> int | None:
    opened = [c.id for c in cycles if c.status == "open"]
    return opened[-1] if opened else None


def previous_cycle(cycles: list[CycleInfo], cycle_id: int | None) -> int | None:
    """The cycle just before ``cycle_id`` in time, if any."""
    ids = [c.id for c in cycles]
    if cycle_id not in ids:
        return None
    at = ids.index(cycle_id)
    return ids[at - 1] if at > 0 else None
