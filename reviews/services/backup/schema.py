"""How a backup's schema revision compares with the migrations of the code that runs."""

from enum import StrEnum
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.util import CommandError


class RevisionStatus(StrEnum):
    CURRENT = "current"  # the code's newest migration: ready to run
    OLDER = "older"  # an earlier migration: `flask db upgrade` first
    UNKNOWN = "unknown"  # not among the code's migrations: from a newer version of Rapport
    NONE = "none"  # no alembic_version: a schema not made by the migrations


def revision_status(revision: str | None, migrations: Path) -> tuple[RevisionStatus, str]:
    """``revision`` against the migrations in the folder ``migrations``: its status, and the
    newest revision the code knows."""
    config = Config()
    config.set_main_option("script_location", str(migrations))
    scripts = ScriptDirectory.from_config(config)
    head = scripts.get_current_head() or ""
    if revision is None:
        return RevisionStatus.NONE, head
    if revision == head:
        return RevisionStatus.CURRENT, head
    try:
        known = scripts.get_revision(revision) is not None
    except CommandError:
        known = False
    return (RevisionStatus.OLDER if known else RevisionStatus.UNKNOWN), head
