"""Domain rules as plain functions. They raise ``DomainError`` for a rule a user broke; views
turn its field messages into form errors."""

from sqlalchemy import select

from extensions import db


class DomainError(Exception):
    """A rule was broken. ``errors`` maps a form field name (or "" for the whole form) to a
    message already wrapped for translation."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


class StaleError(DomainError):
    """The object changed since the form was loaded; the save was refused, nothing written."""


def name_taken(model, name: str, other_than: int | None = None, column: str = "name") -> bool:
    """Does another row of ``model`` have ``name`` (in ``column``), ignoring case in every
    alphabet? Compared here rather than with SQL's lower(), which on SQLite folds only A–Z:
    "Õun" and "õun" would pass the check and then break the unique constraint."""
    wanted = name.strip().casefold()
    rows = db.session.execute(
        select(model.id, getattr(model, column)).where(getattr(model, column).is_not(None))
    )
    return any(n.casefold() == wanted and i != other_than for i, n in rows)
