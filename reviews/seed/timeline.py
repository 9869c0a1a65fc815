"""The demo's calendar: the eight quarters before today's, and one closed cycle for each,
taken with the framework as it stood then (one competency retired, one added on the way)."""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from extensions import db
from reviews.models import Competency, Cycle
from reviews.services.cycles import setup as cycle_service
from reviews.services.reviews import framework as framework_service
from reviews.services.reviews.defaults import competency_columns

from .data import ADD_SECURITY_AT, PHONE_COMPETENCY, QUARTER_EVENTS, RETIRE_PHONE_AT
from .data import SECURITY_COMPETENCY as SECURITY


@dataclass(frozen=True)
class Quarter:
    """One past quarter; reviews happen in its last five weeks."""

    index: int  # 0 = oldest
    year: int
    number: int
    start: date
    end: date

    @property
    def name(self) -> str:
        return f"{self.year} Q{self.number}"

    @property
    def opened_at(self) -> datetime:
        return datetime.combine(self.end - timedelta(days=35), time(8, 30))

    @property
    def closed_at(self) -> datetime:
        return datetime.combine(self.end, time(17, 0))

    @property
    def event(self) -> str:
        """What the desk remembers this quarter for, used in review texts."""
        return QUARTER_EVENTS[self.number][self.year % 2]


def office_hours(rng: random.Random, moment: datetime, not_before: datetime | None = None):
    """``moment`` moved to a working-hours time on a weekday: people answer tickets and write
    reviews at work. A step that follows another (``not_before``) moves a weekend forward to
    Monday and never lands before that step; a free-standing moment moves back to Friday."""
    weekend = max(0, moment.weekday() - 4)
    shift = 7 - moment.weekday() if not_before is not None and weekend else -weekend
    day = moment.date() + timedelta(days=shift)
    at = datetime.combine(day, time(rng.randint(8, 16), rng.randint(0, 59)))
    if not_before is not None and at <= not_before:
        at = not_before + timedelta(minutes=rng.randint(10, 90))
    return at


def past_quarters(today: date, count: int) -> list[Quarter]:
    """The ``count`` whole quarters before the one ``today`` falls in, oldest first."""
    year, number = today.year, (today.month - 1) // 3 + 1
    quarters = []
    for _ in range(count):
        year, number = (year, number - 1) if number > 1 else (year - 1, 4)
        start = date(year, 3 * number - 2, 1)
        end = date(year + number // 4, 3 * number % 12 + 1, 1) - timedelta(days=1)
        quarters.append((year, number, start, end))
    return [Quarter(i, *q) for i, q in enumerate(reversed(quarters))]


def _add_competency(texts: dict, position: int, since: datetime) -> Competency:
    """A competency added to the live framework (directly: seeded history is not audited),
    with its texts per language."""
    competency = Competency(**competency_columns(texts), position=position, created_at=since)
    db.session.add(competency)
    db.session.flush()
    return competency


def _closed_cycle(quarter: Quarter) -> Cycle:
    """Create the quarter's cycle with today's framework snapshot, then close it."""
    cycle = cycle_service.save_cycle(
        None,
        None,
        name=quarter.name,
        period_start=quarter.start,
        period_end=quarter.end,
        self_deadline=quarter.end - timedelta(days=21),
        review_deadline=quarter.end - timedelta(days=7),
        show_self_to_manager=quarter.index >= 4,
    )
    cycle.status = "closed"
    cycle.created_at = quarter.opened_at - timedelta(days=10)
    cycle.opened_at, cycle.closed_at = quarter.opened_at, quarter.closed_at
    return cycle


def build_cycles(quarters: list[Quarter]) -> list[Cycle]:
    """Install the default framework, then walk through the quarters, changing the framework
    where the desk changed it, so the snapshots differ the way real ones would."""
    framework_service.install_defaults()
    before = quarters[0].opened_at - timedelta(days=60)
    for competency in db.session.query(Competency):
        competency.created_at = before
    phone = _add_competency(PHONE_COMPETENCY, 8, before)
    cycles = []
    for quarter in quarters:
        if quarter.index == RETIRE_PHONE_AT:
            phone.retired_at = quarter.opened_at - timedelta(days=20)
        if quarter.index == ADD_SECURITY_AT:
            _add_competency(SECURITY, 9, quarter.opened_at - timedelta(days=20))
        cycles.append(_closed_cycle(quarter))
    db.session.flush()
    return cycles
