"""The audit trail: one call per change worth answering for later."""

from datetime import date, datetime, time

from sqlalchemy import Select, event, func, or_, select
from sqlalchemy.orm import Session, joinedload

from extensions import db
from reviews.models import AuditEvent, Competency, Cycle, Team, User


def record(
    action: str,
    obj,
    before: dict | None = None,
    after: dict | None = None,
    *,
    actor: User | None,
) -> AuditEvent:
    """Append an audit event for ``obj``: a model with an ``id``, or a table name for a change
    to a whole table. ``actor`` is who made the change, passed by the caller (never read from
    the request): ``None`` for the system (the seed, a command) or an anonymous idea."""
    event = AuditEvent(
        actor_id=actor.id if actor is not None else None,
        action=action,
        object_type=obj if isinstance(obj, str) else obj.__tablename__,
        object_id=None if isinstance(obj, str) else obj.id,
        before=before,
        after=after,
    )
    db.session.add(event)
    return event


class AppendOnly(RuntimeError):
    """The application tried to change or remove an audit event."""


def _refuse_change(session, flush_context, instances) -> None:
    for obj in [*session.dirty, *session.deleted]:
        if isinstance(obj, AuditEvent) and (obj in session.deleted or session.is_modified(obj)):
            raise AppendOnly("audit events are never changed or removed")


def _refuse_bulk(state) -> None:
    if (state.is_update or state.is_delete) and any(
        m.class_ is AuditEvent for m in state.all_mappers
    ):
        raise AppendOnly("audit events are never changed or removed")


def register() -> None:
    """Keep the trail append-only for the application: an audit event changed or deleted
    through any session, one by one or in bulk, raises. ``create_app`` calls it."""
    for name, listener in (("before_flush", _refuse_change), ("do_orm_execute", _refuse_bulk)):
        if not event.contains(Session, name, listener):
            event.listen(Session, name, listener)


def changes(before: dict, after: dict) -> tuple[dict, dict]:
    """Only the keys whose values differ, so the trail shows what really changed."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def log_query(
    object_type: str = "",
    actor: str = "",
    *,
    action: str = "",
    object_id: int | None = None,
    since: date | None = None,
    until: date | None = None,
) -> Select:
    """The audit log, newest first: all of it, or narrowed to one kind of object (and one
    object), one action, what people whose name or e-mail contains ``actor`` did, and the
    days from ``since`` to ``until`` (both included, UTC)."""
    query = (
        select(AuditEvent)
        .options(joinedload(AuditEvent.actor))
        .order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
    )
    if object_type:
        query = query.where(AuditEvent.object_type == object_type)
    if object_id is not None:
        query = query.where(AuditEvent.object_id == object_id)
    if action:
        query = query.where(AuditEvent.action == action)
    if since is not None:
        query = query.where(AuditEvent.created_at >= datetime.combine(since, time.min))
    if until is not None:
        query = query.where(AuditEvent.created_at <= datetime.combine(until, time.max))
    if needle := actor.strip().lower():
        query = query.where(
            AuditEvent.actor.has(
                or_(
                    func.lower(User.name).contains(needle, autoescape=True),
                    func.lower(User.email).contains(needle, autoescape=True),
                )
            )
        )
    return query


def count(query: Select) -> int:
    """How many events ``query`` (from ``log_query``) finds."""
    return db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0


def actions() -> list[str]:
    """The actions the log has events for."""
    return list(
        db.session.scalars(select(AuditEvent.action).distinct().order_by(AuditEvent.action))
    )


def object_types() -> list[str]:
    """The kinds of object the log has events for."""
    query = select(AuditEvent.object_type).distinct().order_by(AuditEvent.object_type)
    return list(db.session.scalars(query))


# The objects an event may name, by table: their model (with a ``name``).
NAMED = {"users": User, "teams": Team, "competencies": Competency, "cycles": Cycle}


def names(events: list[AuditEvent]) -> dict[str, dict[int, str]]:
    """The names of every object ``events`` mention, one query per kind of object."""
    wanted: dict[str, set[int]] = {kind: set() for kind in NAMED}
    for e in events:
        if e.object_type in wanted and e.object_id is not None:
            wanted[e.object_type].add(e.object_id)
        for values in (e.before or {}, e.after or {}):
            if isinstance(values.get("team_id"), int):
                wanted["teams"].add(values["team_id"])
            if isinstance(values.get("manager_id"), int):
                wanted["users"].add(values["manager_id"])
    found = {}
    for kind, ids in wanted.items():
        model = NAMED[kind]
        rows = (
            db.session.execute(select(model.id, model.name).where(model.id.in_(ids))) if ids else []
        )
        found[kind] = {row.id: row.name for row in rows}
    return found
