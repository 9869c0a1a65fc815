"""The competency framework and rating scale: defaults, edits and retirement."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from extensions import db
from reviews.models import Competency, ScaleLevel, User, utcnow
from reviews.models.translated import OTHER_LOCALES, Locale, column_for
from reviews.services import DomainError, audit, name_taken

from .defaults import DEFAULT_COMPETENCIES, DEFAULT_SCALE, competency_columns, label_columns

# Every column of a competency an admin writes, in every language.
TEXT_COLUMNS = tuple(
    column_for(field, locale) for field in Competency.TRANSLATED for locale in Locale
)


def install_defaults() -> None:
    """Create the default framework and scale where none exist yet."""
    if db.session.scalar(select(func.count(Competency.id))) == 0:
        for position, texts in enumerate(DEFAULT_COMPETENCIES):
            db.session.add(Competency(**competency_columns(texts), position=position))
    if db.session.scalar(select(func.count(ScaleLevel.value))) == 0:
        for value, labels in DEFAULT_SCALE:
            db.session.add(ScaleLevel(value=value, **label_columns(labels)))
    db.session.flush()


def active_competencies() -> list[Competency]:
    query = (
        select(Competency)
        .where(Competency.retired_at.is_(None))
        .order_by(Competency.position, Competency.id)
    )
    return list(db.session.scalars(query))


def scale_levels() -> list[ScaleLevel]:
    return list(db.session.scalars(select(ScaleLevel).order_by(ScaleLevel.value)))


def _fields(c: Competency) -> dict:
    return {
        **{column: getattr(c, column) or "" for column in TEXT_COLUMNS},
        "weight": c.weight,
        "position": c.position,
    }


def _clean(key: str, value):
    """Stripped text; a language's text left empty is None (not written: the default shows)."""
    if not isinstance(value, str):
        return value
    value = value.strip()
    if key.endswith(tuple(f"_{code}" for code in OTHER_LOCALES)):
        return value or None
    return value


def _check_names(fields: dict, competency_id: int | None) -> None:
    """A name is unique within its language, ignoring case."""
    errors = {}
    for locale in Locale:
        column = column_for("name", locale)
        name = fields.get(column)
        if name and name_taken(Competency, name, competency_id, column=column):
            errors[column] = _l("A competency with this name already exists.")
    if errors:
        raise DomainError(errors)


def save_competency(actor: User | None, competency: Competency | None, **fields) -> Competency:
    """Create a competency (``competency`` None) or edit one, as ``actor``. Texts come per
    language (``name``, ``name_et``, …); the default language's name is required."""
    fields = {key: _clean(key, value) for key, value in fields.items()}
    if not fields.get("name"):
        raise DomainError({"name": _l("This field is required.")})
    _check_names(fields, competency.id if competency is not None else None)
    creating = competency is None
    competency = competency or Competency()
    before = {} if creating else _fields(competency)
    for key, value in fields.items():
        setattr(competency, key, value)
    db.session.add(competency)
    db.session.flush()
    old, new = audit.changes(before, _fields(competency))
    action = "competency_created" if creating else "competency_updated"
    audit.record(action, competency, old, new, actor=actor)
    return competency


def set_retired(actor: User | None, competency: Competency, retired: bool) -> None:
    """Retiring keeps every past rating: cycles rate against their own snapshot."""
    if retired and competency.retired_at is None:
        competency.retired_at = utcnow()
        audit.record("competency_retired", competency, actor=actor)
    elif not retired and competency.retired_at is not None:
        competency.retired_at = None
        audit.record("competency_restored", competency, actor=actor)


SCALE_LABELS = tuple(column_for("label", locale) for locale in Locale)


def _scale_audit(levels) -> dict:
    """Each level's labels for the audit trail: "1" the default language's, "1_et" another's."""
    return {
        column.replace("label", str(level["value"])): level.get(column) or ""
        for level in levels
        for column in SCALE_LABELS
    }


def save_scale(actor: User | None, levels: list[dict]) -> None:
    """Replace the scale with ``levels``: each a dict of ``value`` and the texts per language
    (``label``, ``label_et``, ``description``, …). Values must run from 1 without gaps and
    every level needs a label in the default language; past cycles keep their own snapshot."""
    levels = [{key: _clean(key, value) for key, value in level.items()} for level in levels]
    values = [level["value"] for level in levels]
    if len(levels) < 2:
        raise DomainError({"": _l("A scale needs at least two levels.")})
    if values != list(range(1, len(levels) + 1)):
        raise DomainError({"": _l("Levels must be numbered 1, 2, 3… without gaps.")})
    if any(not level.get("label") for level in levels):
        raise DomainError({"": _l("Every level needs a label.")})
    current = scale_levels()
    before = _scale_audit([{"value": s.value, **_texts(s)} for s in current])
    existing = {s.value: s for s in current}
    for fields in levels:
        level = existing.pop(fields["value"], None) or ScaleLevel(value=fields["value"])
        for key, value in fields.items():
            setattr(level, key, value)
        db.session.add(level)
    for level in existing.values():
        db.session.delete(level)
    db.session.flush()
    old, new = audit.changes(before, _scale_audit(levels))
    if old or new:
        audit.record("scale_updated", "scale_levels", old, new, actor=actor)


def _texts(level: ScaleLevel) -> dict:
    return {column: getattr(level, column) for column in SCALE_LABELS}


def retired_competencies() -> list[Competency]:
    """Competencies no longer used by new cycles, most recently retired first."""
    query = (
        select(Competency)
        .where(Competency.retired_at.is_not(None))
        .order_by(Competency.retired_at.desc(), Competency.id)
    )
    return list(db.session.scalars(query))


def next_position() -> int:
    """The position that puts a new competency after every existing one."""
    highest = db.session.scalar(select(func.max(Competency.position)))
    return 0 if highest is None else highest + 1
