"""Backups of the whole database and their restore: a consistent copy of a live SQLite file
(SQLite's online backup API) or a ``pg_dump`` custom-format archive, restored only into an
empty database. Request-free: the command passes the database URL, and the operator at the
shell is the actor (nothing here changes a row of a database that is in use)."""

from pathlib import Path

from sqlalchemy.engine import make_url

from .common import BackupError, Snapshot
from .schema import RevisionStatus, revision_status

__all__ = [
    "BackupError",
    "RevisionStatus",
    "Snapshot",
    "backup",
    "describe",
    "ensure_empty",
    "restore",
    "revision_status",
    "shown",
]


def _engine(url: str):
    """The module that knows the database behind ``url``."""
    from . import postgres, sqlite

    backend = make_url(url).get_backend_name()
    engines = {"sqlite": sqlite, "postgresql": postgres}
    if backend not in engines:
        raise BackupError(f"Backups of a {backend} database are not supported.")
    return engines[backend]


def shown(url: str) -> str:
    """The database URL as it may be printed: without its password."""
    return make_url(url).render_as_string(hide_password=True)


def backup(url: str, path: Path, *, force: bool = False) -> Snapshot:
    """Write a consistent copy of the live database at ``url`` to ``path`` (a temporary file
    beside it, renamed when complete and checked); an existing ``path`` only with ``force``."""
    return _engine(url).backup(url, Path(path), force=force)


def describe(url: str, path: Path) -> Snapshot:
    """What the backup at ``path`` holds, after checking that it is a Rapport backup of the
    kind the database at ``url`` can be restored from."""
    return _engine(url).describe(Path(path))


def ensure_empty(url: str) -> None:
    """Raise unless the database at ``url`` is empty (no table at all)."""
    _engine(url).ensure_empty(url)


def restore(url: str, path: Path) -> Snapshot:
    """Restore the backup at ``path`` into the empty database at ``url``; all or nothing."""
    engine = _engine(url)
    engine.describe(Path(path))
    engine.ensure_empty(url)
    return engine.restore(url, Path(path))
