"""The audit trail: one call per change worth answering for later."""

from extensions import db
from reviews.models import AuditEvent, User


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


def changes(before: dict, after: dict) -> tuple[dict, dict]:
    """Only the keys whose values differ, so the trail shows what really changed."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}
