"""Data versions and the rendered-chart cache, both kept in the database so every server
process and host agrees on them without another service.

Versions are kept per domain: ``cycle:<id>`` for everything a cycle's charts read (its
reviews' steps and the rating summaries of its ratings that count), ``org`` for names and
structure (teams, the framework, cycles' names and periods), ``ideas`` for the idea
pipeline, and ``epoch``, bumped only by ``reset``. When a transaction commits, the domains it
really changed are bumped in that same transaction — a draft save changes no summary and no
step, so it bumps nothing and every chart stays cached; a submission bumps its own cycle
only. A cache key holds the versions of the domains a chart reads, so the key changes when
the data under the chart does, and a stale chart is never served. Old entries are never read
again and are pruned by age and by count whenever a new one is stored."""

import hashlib
import json
from datetime import timedelta
from functools import lru_cache
from pathlib import Path

from flask import current_app, has_app_context
from sqlalchemy import delete, event, func, inspect, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from reviews.database import BULK_REVIEWS
from reviews.models import (
    ActionItem,
    ChartCache,
    Competency,
    Cycle,
    CycleCompetency,
    CycleScaleLevel,
    DataVersion,
    Idea,
    IdeaEvent,
    Procedure,
    ProcedureRequest,
    ProcedureVersion,
    Rating,
    Recognition,
    Review,
    ReviewNote,
    Team,
    User,
    utcnow,
)
from reviews.models.procedures import BULK_PROCEDURES
from reviews.services.notifications import outbox

from . import summary

ROOT = Path(__file__).resolve().parent.parent
EPOCH, ORG, IDEAS, ACTIONS = "epoch", "org", "ideas", "actions"
RECOGNITIONS = "recognitions"
PROCEDURES = "procedures"
STRUCTURE = (Team, Competency, CycleCompetency, CycleScaleLevel, Cycle)
IDEA_MODELS = (Idea, IdeaEvent)  # support is drawn by no chart
PROCEDURE_MODELS = (Procedure, ProcedureVersion, ProcedureRequest)
# Review columns whose change can alter a summary or a cycle's review progress.
REVIEW_STEPS = (
    "cycle_id",
    "team_id",
    "employee_id",
    "manager_id",
    "self_submitted_at",
    "manager_submitted_at",
    "shared_at",
    "acknowledged_at",
)
_PENDING = "rapport_report_changes"
WARM_JOB = "warm_dashboard"
DEFAULT_MAX_ROWS = 5000
DEFAULT_MAX_AGE_DAYS = 14


def cycle_domain(cycle_id: int) -> str:
    return f"cycle:{cycle_id}"


# --- What a transaction changed ----------------------------------------------------------------


class Changes:
    """What one transaction wrote that charts read, collected flush by flush."""

    def __init__(self):
        self.domains: set[str] = set()
        self.reviews: set[int] = set()  # reviews whose slice must be recomputed
        self.slices: set[tuple[int, int]] = set()  # (cycle, team) slices a review left
        self.steps: set[int] = set()  # cycles whose review progress changed
        self.cycles: set[int] = set()  # cycles whose status changed: recompute whole

    def __bool__(self) -> bool:
        return bool(self.domains or self.reviews or self.slices or self.steps or self.cycles)


def _changed(obj, names) -> list[str]:
    state = inspect(obj)
    return [name for name in names if state.attrs[name].history.has_changes()]


def _old_slice(obj) -> tuple[int, int] | None:
    state = inspect(obj)
    cycle = state.attrs.cycle_id.history
    team = state.attrs.team_id.history
    old_cycle = (cycle.deleted or cycle.unchanged or [None])[0]
    old_team = (team.deleted or team.unchanged or [None])[0]
    return (old_cycle, old_team or 0) if old_cycle is not None else None


def _note_review(changes: Changes, obj, status: str) -> None:
    if status == "dirty":
        moved = _changed(obj, REVIEW_STEPS)
        if not moved:
            return
        if {"cycle_id", "team_id"} & set(moved) and (old := _old_slice(obj)):
            changes.slices.add(old)
            changes.steps.add(old[0])
    elif status == "deleted":
        changes.slices.add((obj.cycle_id, obj.team_id or 0))
    changes.reviews.add(obj.id)
    changes.steps.add(obj.cycle_id)


def _note(changes: Changes, obj, status: str) -> None:
    if isinstance(obj, Review):
        _note_review(changes, obj, status)
    elif isinstance(obj, (Rating, ReviewNote)):
        if obj.review_id is not None:
            changes.reviews.add(obj.review_id)
    elif isinstance(obj, IDEA_MODELS):
        changes.domains.add(IDEAS)
    elif isinstance(obj, Recognition) or (isinstance(obj, User) and status != "dirty"):
        changes.domains.add(RECOGNITIONS)
    elif isinstance(obj, User) and _changed(obj, ("team_id", "active")):
        changes.domains.add(RECOGNITIONS)  # the recognition chart's team sizes
    elif isinstance(obj, PROCEDURE_MODELS):
        changes.domains.add(PROCEDURES)
    elif isinstance(obj, ActionItem):
        changes.domains.add(ACTIONS)
    elif isinstance(obj, STRUCTURE):
        changes.domains.add(ORG)
        if isinstance(obj, Cycle) and (status != "dirty" or _changed(obj, ("status",))):
            changes.cycles.add(obj.id)
    elif domain := getattr(type(obj), "CHART_DOMAIN", None):  # e.g. training records
        changes.domains.add(domain)


def _remember(session: Session, flush_context) -> None:
    """after_flush: note what this flush wrote (ids are known now, history still is)."""
    changes = session.info.setdefault(_PENDING, Changes())
    for status, objects in (
        ("new", session.new),
        ("dirty", session.dirty),
        ("deleted", session.deleted),
    ):
        for obj in objects:
            _note(changes, obj, status)


def _apply_pending(session: Session) -> None:
    """before_commit: flush what is left, bring the summaries of every slice touched up to
    date, then bump every domain really changed, in a fixed order so two transactions never
    wait on each other's version rows."""
    session.flush()
    changes = session.info.pop(_PENDING, None) or Changes()
    for cycle_id in session.info.pop(BULK_REVIEWS, ()):
        changes.cycles.add(cycle_id)  # reviews inserted with plain SQL: recompute whole
    if session.info.pop(BULK_PROCEDURES, False):
        changes.domains.add(PROCEDURES)
    if not changes:
        return
    bumped = set(changes.domains) | {cycle_domain(c) for c in changes.steps | changes.cycles}
    slices = changes.slices | summary.slices_of_reviews(session, changes.reviews)
    status = summary.statuses(session, changes.cycles | {c for c, _ in slices}, lock=True)
    for cycle_id in changes.cycles:
        if cycle_id in status:
            summary.refresh(session, cycle_id, summary.ALL_TEAMS, status[cycle_id])
    for cycle_id, team_id in sorted(slices):
        if cycle_id in changes.cycles or cycle_id not in status:
            continue
        if summary.refresh(session, cycle_id, team_id, status[cycle_id]):
            bumped.add(cycle_domain(cycle_id))
    for domain in sorted(bumped):
        bump(session, domain)
    if bumped and has_app_context() and current_app.config.get("REPORT_WARM", True):
        outbox.later(WARM_JOB, session=session)  # draw the dashboard again after the commit


def _forget(session: Session, transaction) -> None:
    if transaction.parent is None:
        session.info.pop(_PENDING, None)
        session.info.pop(BULK_REVIEWS, None)
        session.info.pop(BULK_PROCEDURES, None)


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
    """Listen to every session's flushes and commits (once, however often it is called);
    ``create_app`` calls it."""
    for name, listener in (
        ("after_flush", _remember),
        ("before_commit", _apply_pending),
        ("after_transaction_end", _forget),
    ):
        if not event.contains(Session, name, listener):
            event.listen(Session, name, listener)


def versions(session: Session, domains) -> dict[str, int]:
    """The current version of each of ``domains`` (0 before the first write)."""
    domains = tuple(dict.fromkeys(domains))
    rows = dict(
        session.execute(
            select(DataVersion.domain, DataVersion.version).where(DataVersion.domain.in_(domains))
        ).all()
    )
    return {domain: rows.get(domain, 0) for domain in domains}


def chart_domains(cycle_ids, ideas: bool = False, procedures: bool = False) -> tuple[str, ...]:
    """The domains a chart over ``cycle_ids`` reads."""
    own = ((IDEAS,) if ideas else ()) + ((PROCEDURES,) if procedures else ())
    return (EPOCH, ORG, *own, *(cycle_domain(c) for c in sorted(set(cycle_ids))))


# --- The chart cache -------------------------------------------------------------------------


@lru_cache(maxsize=1)
def code_version() -> str:
    """A fingerprint of the code and translations that draw charts and tables: a release
    that changes them never serves pictures cached by the one before."""
    digest = hashlib.sha256()
    files = (
        sorted(ROOT.glob("reports/**/*.py"))
        + sorted(ROOT.glob("templates/reports/_*.html"))
        + sorted(ROOT.glob("translations/*/*/*.mo"))
    )
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


def load_many(session: Session, keys: list[str]) -> dict[str, bytes]:
    """The cached bytes of each of ``keys`` found, in one query."""
    if not keys:
        return {}
    query = select(ChartCache.key, ChartCache.content).where(ChartCache.key.in_(keys))
    return {key: bytes(content) for key, content in session.execute(query)}


def reset(session: Session) -> None:
    """Empty the cache and bump the epoch every key holds: for after a load with plain SQL,
    which bypasses the write hook."""
    clear(session)
    bump(session, EPOCH)


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
