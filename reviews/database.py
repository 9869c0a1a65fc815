"""Database engine settings that SQLAlchemy does not set for us."""

from sqlalchemy import event
from sqlalchemy.engine import Engine


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
