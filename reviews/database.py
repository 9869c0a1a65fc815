"""Database engine settings that SQLAlchemy does not set for us, and ``folded``: a
case-insensitive comparison that works for every alphabet on both databases."""

from sqlalchemy import String, event
from sqlalchemy.engine import Engine
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import GenericFunction


class folded(GenericFunction):  # noqa: N801  (a SQL function name)
    """lower() for every alphabet. SQLite's own lower() folds ASCII only ("Ö" stays "Ö"),
    so there it calls ``rapport_fold``, a Python function registered on each connection."""

    type = String()
    inherit_cache = True


@compiles(folded)
def _folded_default(element, compiler, **kw):
    return f"lower({compiler.process(element.clauses, **kw)})"


@compiles(folded, "sqlite")
def _folded_sqlite(element, compiler, **kw):
    return f"rapport_fold({compiler.process(element.clauses, **kw)})"


def _fold(value):
    return value.lower() if isinstance(value, str) else value


def register_sqlite_pragmas(engine: Engine) -> None:
    """SQLite: enforce foreign keys and use WAL so readers do not block the writer."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def set_pragmas(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()
        dbapi_connection.create_function("rapport_fold", 1, _fold, deterministic=True)


BULK_REVIEWS = "rapport_bulk_reviews"


def reviews_written_in_bulk(session, cycle_id: int) -> None:
    """Say that this transaction wrote ``cycle_id``'s reviews with plain SQL (which passes
    no ORM flush), so whatever derives from reviews on commit still sees the change (see
    ``reports.cache``)."""
    session.info.setdefault(BULK_REVIEWS, set()).add(cycle_id)
