"""SQLite: a backup is a copy made with SQLite's online backup API, which reads one consistent
snapshot (what is in the WAL included) while the app goes on writing, into a single file."""

import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy.engine import make_url

from .common import MAIN_TABLES, BackupError, Snapshot, atomic_file, writable_target

HEADER = b"SQLite format 3\x00"
_CHECKED = "integrity check ok, every foreign key points to a row"


def database_file(url: str) -> Path:
    """The file behind a ``sqlite:///…`` URL (a database in memory has none)."""
    parsed = make_url(url)
    if parsed.database in (None, "", ":memory:") or parsed.query.get("mode") == "memory":
        raise BackupError("The database is in memory: only a database file can be backed up.")
    return Path(parsed.database)


def _open(path: Path, mode: str) -> sqlite3.Connection:
    """A connection to an existing file (``mode`` "ro" or "rw"); never creates one."""
    return sqlite3.connect(f"{path.absolute().as_uri()}?mode={mode}", uri=True, timeout=30)


def backup(url: str, path: Path, *, force: bool) -> Snapshot:
    """Copy the live database into ``path`` and check the copy."""
    source_file = database_file(url)
    if not source_file.is_file():
        raise BackupError(f"The database file {source_file} does not exist.")
    writable_target(path, force)
    with atomic_file(path) as temporary:
        try:
            with (
                closing(_open(source_file, "rw")) as source,
                closing(sqlite3.connect(temporary)) as target,
            ):
                source.backup(target)  # in one step: one snapshot, while writers carry on
                target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        except sqlite3.Error as error:
            raise BackupError(f"Copying {source_file} failed: {error}") from None
        snapshot = _checked(temporary)
    snapshot.path = path
    return snapshot


def describe(path: Path) -> Snapshot:
    """Check that ``path`` is a sound SQLite file with Rapport's ``alembic_version``."""
    if not path.is_file():
        raise BackupError(f"{path} does not exist or is not a file.")
    with path.open("rb") as file:
        header = file.read(len(HEADER))
    if header != HEADER:
        raise BackupError(
            f"{path} is not a SQLite database, so not a backup of this (SQLite) database."
        )
    snapshot = _checked(path)
    if snapshot.revision is None:
        raise BackupError(f"{path} is a SQLite database but not from Rapport: no schema revision.")
    return snapshot


def ensure_empty(url: str) -> None:
    """Refuse a target file that already has tables."""
    target = database_file(url)
    if not target.exists() or target.stat().st_size == 0:
        return
    try:
        with closing(_open(target, "ro")) as conn:
            tables = _tables(conn)
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{target} is not an empty SQLite database ({error}).") from None
    if tables:
        raise BackupError(
            f"The database {target} is not empty: it has {len(tables)} tables "
            f"({', '.join(tables[:3])}, …). Restore only into an empty database: set "
            "DATABASE_URL to a file that does not exist yet (sqlite:////path/to/new.sqlite3), "
            "or move the old file away first."
        )


def restore(url: str, path: Path) -> Snapshot:
    """Copy the backup at ``path`` into the (empty) database file of ``url``."""
    target = database_file(url)
    if not target.absolute().parent.is_dir():
        raise BackupError(f"The folder {target.absolute().parent} does not exist.")
    try:
        with closing(_open(path, "ro")) as source, closing(sqlite3.connect(target)) as dest:
            source.backup(dest)  # one write transaction: all of it or nothing
    except sqlite3.Error as error:
        raise BackupError(f"Restoring into {target} failed: {error}") from None
    return _checked(target)


def _checked(path: Path) -> Snapshot:
    """Integrity and foreign keys of the database file at ``path``, and its summary."""
    try:
        with closing(_open(path, "ro")) as conn:
            integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            orphans = conn.execute("PRAGMA foreign_key_check").fetchall()
            tables = _tables(conn)
            revision = _revision(conn) if "alembic_version" in tables else None
            rows = {
                name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]  # noqa: S608
                for name in MAIN_TABLES
                if name in tables
            }
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} cannot be read as a SQLite database: {error}") from None
    if integrity != ["ok"]:
        raise BackupError(f"The integrity check of {path} failed: {'; '.join(integrity[:5])}")
    if orphans:
        raise BackupError(f"{path} has {len(orphans)} rows whose foreign key points nowhere.")
    return Snapshot(path, path.stat().st_size, len(tables), revision, _CHECKED, rows)


def _tables(conn: sqlite3.Connection) -> list[str]:
    query = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    return sorted(row[0] for row in conn.execute(query))


def _revision(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None
