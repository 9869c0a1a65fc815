"""Data versions and the rendered-chart cache, both kept in the database so every server
process and host agrees on them without another service.

Every ORM write to a reviews or ideas table marks its domain; when the transaction commits,
the domain's row in ``data_versions`` is bumped in that same transaction. A cache key holds
the versions of the domains a chart reads, so the key changes when the data under the chart
does, and a stale chart is never served. Old entries are never read again and are pruned by
age and by count whenever a new one is stored."""

import hashlib
import json
from datetime import timedelta
from functools import lru_cache
from pathlib import Path

from flask import current_app
from sqlalchemy import delete, event, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from reviews.models import (
    ChartCache,
    Competency,
    Cycle,
    CycleCompetency,
    CycleScaleLevel,
    DataVersion,
    Idea,
    IdeaEvent,
    IdeaSupport,
    Rating,
    ReportingLine,
    Review,
    ReviewNote,
    Team,
    User,
    utcnow,
)

ROOT = Path(__file__).resolve().parent.parent
DOMAINS = ("ideas", "reviews")
DOMAIN_OF = {
    Review: "reviews",
    Rating: "reviews",
    ReviewNote: "reviews",
    Cycle: "reviews",
    CycleCompetency: "reviews",
    CycleScaleLevel: "reviews",
    Competency: "reviews",
    User: "reviews",
    ReportingLine: "reviews",
    Team: "reviews",
    Idea: "ideas",
    IdeaEvent: "ideas",
    IdeaSupport: "ideas",
}
_PENDING = "rapport_report_domains"
DEFAULT_MAX_ROWS = 5000
DEFAULT_MAX_AGE_DAYS = 14


# --- Data versions ---------------------------------------------------------------------------


def domains_touched(*collections) -> set[str]:
    """The data domains of the new, changed or deleted objects in ``collections``."""
    return {
        DOMAIN_OF[type(obj)] for objects in collections for obj in objects if type(obj) in DOMAIN_OF
    }


def _remember(session: Session, flush_context, instances) -> None:
    """before_flush: note which domains this transaction writes to."""
    pending = session.info.setdefault(_PENDING, set())
    pending |= domains_touched(session.new, session.dirty, session.deleted)


def _bump_pending(session: Session) -> None:
    """before_commit: flush what is left, then bump every domain written, in a fixed order
    so two transactions never wait on each other's version rows."""
    session.flush()
    pending = session.info.pop(_PENDING, set())
    for domain in sorted(pending):
        bump(session, domain)


def _forget(session: Session, transaction) -> None:
    if transaction.parent is None:
        session.info.pop(_PENDING, None)


def bump(session: Session, domain: str) -> None:
    """Add one to ``domain``'s version, creating its row the first time (one atomic upsert,
    safe when several processes write at once)."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    table = DataVersion.__table__
    statement = (
        insert(table)
        .values(domain=domain, version=1)
        .on_conflict_do_update(
            index_elements=[table.c.domain], set_={"version": table.c.version + 1}
        )
    )
    session.connection().execute(statement)


def register() -> None:
    """Listen to every session's flushes and commits (once, however often it is called)."""
    for name, listener in (
        ("before_flush", _remember),
        ("before_commit", _bump_pending),
        ("after_transaction_end", _forget),
    ):
        if not event.contains(Session, name, listener):
            event.listen(Session, name, listener)


def versions(session: Session, domains: tuple[str, ...] = DOMAINS) -> dict[str, int]:
    """The current version of each of ``domains`` (0 before the first write)."""
    rows = dict(
        session.execute(
            select(DataVersion.domain, DataVersion.version).where(DataVersion.domain.in_(domains))
        ).all()
    )
    return {domain: rows.get(domain, 0) for domain in domains}


# --- The chart cache -------------------------------------------------------------------------


@lru_cache(maxsize=1)
def code_version() -> str:
    """A fingerprint of the code and translations that draw charts and tables: a release
    that changes them never serves pictures cached by the one before."""
    digest = hashlib.sha256()
    files = sorted(ROOT.glob("reports/**/*.py")) + sorted(ROOT.glob("translations/*/*/*.mo"))
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def make_key(**parts) -> str:
    """A sha256 of everything the cached bytes depend on (chart, filters, scope, locale,
    format, data versions, group size, and the code that drew them)."""
    parts["code"] = code_version()
    text = json.dumps(parts, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def load(session: Session, key: str) -> tuple[bytes, str] | None:
    """The cached bytes and their mimetype, or None."""
    row = session.execute(
        select(ChartCache.content, ChartCache.mimetype).where(ChartCache.key == key)
    ).first()
    return (bytes(row.content), row.mimetype) if row else None


def reset(session: Session) -> None:
    """Empty the cache and bump every data version: for after a load with plain SQL, which
    bypasses the write hook."""
    clear(session)
    for domain in DOMAINS:
        bump(session, domain)


def store(session: Session, key: str, content: bytes, mimetype: str) -> None:
    """Keep ``content`` under ``key`` (another process may have stored it first: fine), then
    prune. The caller commits."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(
        insert(ChartCache.__table__)
        .values(key=key, content=content, mimetype=mimetype, created_at=utcnow())
        .on_conflict_do_nothing(index_elements=["key"])
    )
    prune(session)


def prune(session: Session) -> int:
    """Delete entries older than REPORT_CACHE_MAX_AGE_DAYS and the oldest beyond
    REPORT_CACHE_MAX_ROWS; returns how many went."""
    config = current_app.config
    max_age = config.get("REPORT_CACHE_MAX_AGE_DAYS", DEFAULT_MAX_AGE_DAYS)
    max_rows = config.get("REPORT_CACHE_MAX_ROWS", DEFAULT_MAX_ROWS)
    cutoff = utcnow() - timedelta(days=max_age)
    table = ChartCache.__table__
    removed = session.execute(delete(table).where(table.c.created_at < cutoff)).rowcount or 0
    total = session.scalar(select(func.count()).select_from(table)) or 0
    if total > max_rows:
        oldest = select(table.c.key).order_by(table.c.created_at, table.c.key)
        keys = list(session.scalars(oldest.limit(total - max_rows)))
        session.execute(delete(table).where(table.c.key.in_(keys)))
        removed += len(keys)
    return removed


def clear(session: Session) -> None:
    """Empty the cache (the bench uses it to measure cold rendering)."""
    session.execute(delete(ChartCache.__table__))
