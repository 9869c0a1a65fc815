"""The retention period: how many months after deactivation a departed person's data is
kept before it may be erased, and who is past it."""

from dataclasses import dataclass
from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from extensions import db
from reviews.models import RetentionPolicy, User, utcnow
from reviews.models.rights import RETENTION_DEFAULT, RETENTION_MAX, RETENTION_MIN
from reviews.services import DomainError, audit


def months() -> int:
    """The retention period in months (the default until an admin sets one)."""
    row = db.session.get(RetentionPolicy, 1)
    return row.months if row else RETENTION_DEFAULT


def set_months(actor: User, value: int) -> None:
    """Set the retention period (1–120 months); audited with the old and new value."""
    if not isinstance(value, int) or not RETENTION_MIN <= value <= RETENTION_MAX:
        raise DomainError(
            {"months": _l("Choose from %(min)d to %(max)d months.", min=1, max=RETENTION_MAX)}
        )
    row = db.session.get(RetentionPolicy, 1)
    before = row.months if row else RETENTION_DEFAULT
    if row is not None and row.months == value:
        return
    if row is None:
        row = RetentionPolicy(id=1, months=value)
        db.session.add(row)
    row.months = value
    audit.record(
        "retention_changed", "retention_policy", {"months": before}, {"months": value}, actor=actor
    )


def add_months(moment: datetime, count: int) -> date:
    """The day ``count`` months after ``moment`` (the month's last day when it is shorter)."""
    month = moment.month - 1 + count
    year, month = moment.year + month // 12, month % 12 + 1
    for day in (moment.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def retention_end(person: User, period: int | None = None) -> date | None:
    """The first day ``person``'s data may be erased; None while they are active."""
    if person.active or person.deactivated_at is None:
        return None
    return add_months(person.deactivated_at, period or months())


@dataclass(frozen=True)
class Departed:
    person: User
    retention_end: date

    @property
    def past_retention(self) -> bool:
        return self.retention_end <= utcnow().date()


def departed() -> list[Departed]:
    """Every deactivated person whose data has not been erased, by retention end."""
    period = months()
    query = (
        select(User)
        .where(User.active.is_(False), User.erased_at.is_(None), User.deactivated_at.is_not(None))
        .order_by(User.deactivated_at, User.id)
    )
    found = [Departed(p, retention_end(p, period)) for p in db.session.scalars(query)]
    return sorted(found, key=lambda d: (d.retention_end, d.person.id))


def past_retention() -> list[User]:
    """The departed people whose retention period has ended."""
    return [d.person for d in departed() if d.past_retention]
