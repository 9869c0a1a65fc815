"""``flask backup PATH`` and ``flask restore PATH``: a consistent copy of the live database,
and putting one back into an empty database. Top level, as the README names them."""

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from extensions import db
from reviews.services import backup as backups

FILE = click.Path(dir_okay=False, path_type=Path)
NEXT_STEP = {
    backups.RevisionStatus.CURRENT: "the schema of this version of Rapport: ready to start.",
    backups.RevisionStatus.OLDER: (
        "older than this version's ({head}): run `flask --app app db upgrade` before "
        "starting the app."
    ),
    backups.RevisionStatus.UNKNOWN: (
        "not known to this version of Rapport (newest {head}): the backup comes from a newer "
        "version; run that version, or a newer one, against this database."
    ),
    backups.RevisionStatus.NONE: (
        "none: this database was not made by `flask db upgrade` (no alembic_version)."
    ),
}


@click.command("backup")
@click.argument("path", type=FILE)
@click.option("--force", is_flag=True, help="Replace PATH when it exists.")
@with_appcontext
def backup_command(path: Path, force: bool) -> None:
    """Write a consistent copy of the live database to PATH while the app runs: SQLite's
    online backup API (then an integrity check), or pg_dump --format=custom on PostgreSQL."""
    url = _database_url()
    try:
        snapshot = backups.backup(url, path, force=force)
    except backups.BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Backed up {backups.shown(url)}\n       to {snapshot.path}")
    _summary(snapshot)


@click.command("restore")
@click.argument("path", type=FILE)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation (for scripts).")
@with_appcontext
def restore_command(path: Path, yes: bool) -> None:
    """Restore the backup at PATH into the configured database, which must be empty; asks
    first. Then say whether `flask db upgrade` is needed."""
    url = _database_url()
    try:
        snapshot = backups.describe(url, path)
        backups.ensure_empty(url)
    except backups.BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Backup {path}:")
    _summary(snapshot)
    click.echo(f"Database (empty): {backups.shown(url)}")
    if not yes:
        click.confirm("Restore this backup into that database?", default=False, abort=True)
    try:
        restored = backups.restore(url, path)
    except backups.BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Restored into {backups.shown(url)}.")
    _summary(restored)


def _database_url() -> str:
    """The URL the app really uses: Flask-SQLAlchemy resolves a relative SQLite path in the
    instance folder, not in the current one."""
    return db.engine.url.render_as_string(hide_password=False)


def _summary(snapshot: backups.Snapshot) -> None:
    """Size, tables, rows of the main tables and what the schema revision means."""
    click.echo(f"  size: {_size(snapshot.size)}, {snapshot.tables} tables; {snapshot.checked}")
    if snapshot.rows:
        counts = ", ".join(f"{name} {count}" for name, count in snapshot.rows.items())
        click.echo(f"  rows: {counts}")
    status, head = backups.revision_status(
        snapshot.revision, Path(current_app.extensions["migrate"].directory)
    )
    meaning = NEXT_STEP[status].format(head=head)
    click.echo(f"  schema revision: {snapshot.revision or '-'}, {meaning}")


def _size(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return ""
