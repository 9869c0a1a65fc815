"""What both kinds of backup share: the error, the summary of a backup, and writing a file
atomically (a temporary file in the same folder, renamed once complete and checked)."""

import contextlib
import getpass
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reviews.services import DomainError

# Rows counted in a summary: enough to see at a glance that the copy is the organisation.
MAIN_TABLES = ("users", "teams", "cycles", "reviews", "ideas", "audit_events")


class BackupError(DomainError):
    """A backup or restore was refused or failed; nothing was written or changed."""

    def __init__(self, message: str):
        super().__init__({"": message})
        self.message = message

    def __str__(self) -> str:
        return self.message


@dataclass
class Snapshot:
    """What a backup file holds: its size, tables, rows of a few main tables (SQLite only:
    a pg_dump archive does not say) and the schema revision from ``alembic_version``."""

    path: Path
    size: int
    tables: int
    revision: str | None
    checked: str  # how the file was found sound
    rows: dict[str, int] = field(default_factory=dict)


def writable_target(path: Path, force: bool) -> Path:
    """The folder ``path`` will be written in, after checking it exists and may be written,
    and that ``path`` is not there already (unless ``force``)."""
    folder = path.absolute().parent
    if not folder.is_dir():
        raise BackupError(f"The folder {folder} does not exist: create it first (mkdir -p).")
    if path.is_dir():
        raise BackupError(f"{path} is a folder: give the name of the backup file to write.")
    if path.exists() and not force:
        raise BackupError(
            f"{path} already exists: give another name, or add --force to replace it."
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BackupError(_no_permission(folder))
    return folder


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[Path]:
    """A temporary file (readable by its owner only) beside ``path``, moved onto ``path``
    when the block ends without error and removed when it fails: a reader of ``path`` never
    sees half a backup."""
    folder = path.absolute().parent
    try:
        handle, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    except OSError as error:
        raise BackupError(_no_permission(folder) + f" ({error.strerror})") from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with temporary.open("rb") as written:
            os.fsync(written.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _no_permission(folder: Path) -> str:
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no name for this user id (a bare container)
        user = f"user id {os.geteuid()}"
    return f"No permission to write in {folder} (running as {user})."
