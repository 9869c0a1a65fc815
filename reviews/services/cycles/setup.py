"""Review cycles: creation with a snapshot of the framework, and edits while planned."""

from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from extensions import db
from reviews.models import Cycle, CycleCompetency, CycleScaleLevel, Review, User
from reviews.models.translated import Locale, column_for
from reviews.services import DomainError, audit, name_taken
from reviews.services.reviews.framework import active_competencies, scale_levels

# What a snapshot keeps of each competency and level, in every language.
SNAPSHOT_TEXTS = tuple(
    column_for(field, locale) for field in CycleCompetency.TRANSLATED for locale in Locale
)
LABELS = tuple(column_for("label", locale) for locale in Locale)


def _check_dates(period_start: date, period_end: date, self_deadline: date, review_deadline: date):
    errors = {}
    if period_end < period_start:
        errors["period_end"] = _l("The period must end after it starts.")
    if review_deadline < self_deadline:
        errors["review_deadline"] = _l(
            "The review deadline cannot be before the self-assessment deadline."
        )
    if errors:
        raise DomainError(errors)


def snapshot_framework(cycle: Cycle) -> None:
    """Copy the live framework and scale into the cycle, in every language, replacing any
    earlier snapshot."""
    competencies = active_competencies()
    levels = scale_levels()
    if not competencies:
        raise DomainError({"": _l("The competency framework is empty: add a competency first.")})
    if not levels:
        raise DomainError({"": _l("The rating scale is empty: add its levels first.")})
    # Update in place: replacing the rows would insert before deleting and clash.
    existing = {c.competency_id: c for c in cycle.competencies}
    snapshot = []
    for position, c in enumerate(competencies):
        row = existing.pop(c.id, None) or CycleCompetency(competency_id=c.id)
        for column in SNAPSHOT_TEXTS:
            setattr(row, column, getattr(c, column))
        row.weight, row.position = c.weight, position
        snapshot.append(row)
    cycle.competencies = snapshot
    levels_by_value = {s.value: s for s in cycle.scale}
    new_scale = []
    for level in levels:
        row = levels_by_value.pop(level.value, None) or CycleScaleLevel(value=level.value)
        for column in LABELS:
            setattr(row, column, getattr(level, column))
        new_scale.append(row)
    cycle.scale = new_scale


def _fields(cycle: Cycle) -> dict:
    return {
        "name": cycle.name,
        "period_start": cycle.period_start.isoformat() if cycle.period_start else None,
        "period_end": cycle.period_end.isoformat() if cycle.period_end else None,
        "self_deadline": cycle.self_deadline.isoformat() if cycle.self_deadline else None,
        "review_deadline": cycle.review_deadline.isoformat() if cycle.review_deadline else None,
        "show_self_to_manager": cycle.show_self_to_manager,
    }


def save_cycle(actor: User | None, cycle: Cycle | None, **fields) -> Cycle:
    """Create a planned cycle (snapshotting the framework) or edit one, as ``actor``. Dates of an open cycle
    may move; a closed cycle is locked."""
    name = fields["name"].strip()
    if name_taken(Cycle, name, cycle.id if cycle is not None else None):
        raise DomainError({"name": _l("A cycle with this name already exists.")})
    if cycle is not None and cycle.status == "closed":
        raise DomainError({"": _l("This cycle is closed and can no longer be edited.")})
    _check_dates(
        fields["period_start"],
        fields["period_end"],
        fields["self_deadline"],
        fields["review_deadline"],
    )
    creating = cycle is None
    cycle = cycle or Cycle(status="planned")
    before = {} if creating else _fields(cycle)
    for key, value in fields.items():
        setattr(cycle, key, value.strip() if isinstance(value, str) else value)
    if creating:
        snapshot_framework(cycle)
    db.session.add(cycle)
    db.session.flush()
    old, new = audit.changes(before, _fields(cycle))
    action = "cycle_created" if creating else "cycle_updated"
    audit.record(action, cycle, old, new, actor=actor)
    return cycle


def cycle_rows() -> list[tuple[Cycle, int]]:
    """Every cycle, newest period first, with its number of reviews."""
    counts = (
        select(Review.cycle_id, func.count(Review.id).label("reviews"))
        .group_by(Review.cycle_id)
        .subquery()
    )
    query = (
        select(Cycle, func.coalesce(counts.c.reviews, 0))
        .outerjoin(counts, counts.c.cycle_id == Cycle.id)
        .order_by(Cycle.period_start.desc(), Cycle.id.desc())
    )
    return [(cycle, reviews) for cycle, reviews in db.session.execute(query)]
