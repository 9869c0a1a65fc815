"""PostgreSQL: a backup is a ``pg_dump`` custom-format archive (one consistent snapshot taken
while the app goes on writing), restored with ``pg_restore`` in a single transaction. The
connection comes from the SQLAlchemy URL as arguments, the password in the child's
environment only; the tools run from a list of arguments, never through a shell."""

import os
import shutil
import subprocess  # noqa: S404  (pg_dump and pg_restore, run with a list of arguments)
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from .common import MAIN_TABLES, BackupError, Snapshot, atomic_file, writable_target

HEADER = b"PGDMP"
# Connection settings a URL may carry in its query, and libpq's environment variable for each.
LIBPQ_ENVIRONMENT = {
    "host": "PGHOST",  # e.g. ?host=/var/run/postgresql for a Unix socket
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
}
USER_TABLES = text(
    "SELECT n.nspname || '.' || c.relname FROM pg_class c "
    "JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
    "AND n.nspname NOT LIKE 'pg_toast%' ORDER BY 1"
)


def connection(url: str) -> tuple[list[str], dict[str, str]]:
    """The libpq arguments for the database at ``url``, and the environment for the child
    (with PGPASSWORD: a password in the arguments would show in ``ps``)."""
    parsed = make_url(url)
    arguments = ["--no-password"]  # never wait for a prompt (a cron job would hang)
    if parsed.host:
        arguments += ["--host", parsed.host]
    if parsed.port:
        arguments += ["--port", str(parsed.port)]
    if parsed.username:
        arguments += ["--username", parsed.username]
    arguments += ["--dbname", parsed.database or ""]
    environment = dict(os.environ)
    if parsed.password:
        environment["PGPASSWORD"] = parsed.password
    for key, value in parsed.query.items():
        if key in LIBPQ_ENVIRONMENT:
            environment[LIBPQ_ENVIRONMENT[key]] = value if isinstance(value, str) else value[-1]
    return arguments, environment


def _run(tool: str, arguments: list[str], environment: dict[str, str] | None = None) -> str:
    """Run a PostgreSQL client tool; its output, or a BackupError with what it said."""
    executable = shutil.which(tool)
    if executable is None:
        raise BackupError(
            f"{tool} was not found: install PostgreSQL's client tools, of the server's "
            "version or newer (e.g. apt install postgresql-client)."
        )
    done = subprocess.run(  # noqa: S603  (a list of arguments, no shell)
        [executable, *arguments], env=environment, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        said = done.stderr.strip() or done.stdout.strip() or "no message"
        raise BackupError(f"{tool} failed (exit code {done.returncode}):\n{said}")
    return done.stdout


def backup(url: str, path: Path, *, force: bool) -> Snapshot:
    """``pg_dump --format=custom`` into ``path`` and check the archive reads back."""
    writable_target(path, force)
    arguments, environment = connection(url)
    with atomic_file(path) as temporary:
        _run("pg_dump", ["--format=custom", "--file", str(temporary), *arguments], environment)
        snapshot = _read(temporary)
    snapshot.path = path
    return snapshot


def describe(path: Path) -> Snapshot:
    """Check that ``path`` is a custom-format archive of Rapport's database (with its
    ``alembic_version``)."""
    if not path.is_file():
        raise BackupError(f"{path} does not exist or is not a file.")
    with path.open("rb") as file:
        header = file.read(len(HEADER))
    if header != HEADER:
        raise BackupError(
            f"{path} is not a pg_dump custom-format archive, so not a backup of this "
            "(PostgreSQL) database."
        )
    snapshot = _read(path)
    if snapshot.revision is None:
        raise BackupError(f"{path} is a pg_dump archive but not from Rapport: no schema revision.")
    return snapshot


def _read(path: Path) -> Snapshot:
    """The archive's tables and revision, read by pg_restore without connecting anywhere:
    the whole archive once (to nowhere), so a damaged one is found now, not while restoring."""
    _run("pg_restore", ["--file", os.devnull, str(path)])
    listing = _run("pg_restore", ["--list", str(path)])
    tables = sum(1 for line in listing.splitlines() if " TABLE DATA " in line)
    checked = "pg_restore reads all of it"
    return Snapshot(path, path.stat().st_size, tables, _revision(path), checked)


def _revision(path: Path) -> str | None:
    """The row of ``alembic_version`` in the archive (its COPY data, as pg_restore prints it)."""
    script = _run(
        "pg_restore", ["--data-only", "--table", "alembic_version", "--file", "-", str(path)]
    )
    lines = script.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("COPY ")]
    if not starts or starts[0] + 1 >= len(lines) or lines[starts[0] + 1] == "\\.":
        return None
    return lines[starts[0] + 1].strip()


def ensure_empty(url: str) -> None:
    """Refuse a target database that has any table (ours or anyone's)."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            tables = list(conn.scalars(USER_TABLES))
    except SQLAlchemyError as error:
        name = make_url(url).database
        raise BackupError(
            f"Cannot connect to the database {name}: {error.__cause__ or error}\n"
            f"Create it empty first: createdb {name}"
        ) from None
    finally:
        engine.dispose()
    if tables:
        name = make_url(url).database
        raise BackupError(
            f"The database {name} is not empty: it has {len(tables)} tables "
            f"({', '.join(tables[:3])}, …). Restore only into an empty database: create a new "
            f"one (createdb NEWNAME) and point DATABASE_URL at it, or, if {name} may go, "
            f"dropdb {name} && createdb {name}."
        )


def restore(url: str, path: Path) -> Snapshot:
    """``pg_restore`` the archive into the (empty) database, in one transaction: a failure
    leaves the database as empty as it was. The summary is read from the database."""
    arguments, environment = connection(url)
    options = ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error"]
    _run("pg_restore", [*options, *arguments, str(path)], environment)
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            tables = [name.split(".", 1)[1] for name in conn.scalars(USER_TABLES)]
            rows = {
                name: conn.scalar(text(f'SELECT count(*) FROM "{name}"'))  # noqa: S608
                for name in MAIN_TABLES
                if name in tables
            }
            revision = conn.scalar(text("SELECT version_num FROM alembic_version"))
    finally:
        engine.dispose()
    checked = "restored in one transaction"
    return Snapshot(path, path.stat().st_size, len(tables), revision, checked, rows)
