"""What Rapport holds about one person, continued: recognition, training, procedures,
notifications and the audit trail (see ``records``)."""

from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload, selectinload

from extensions import db
from reviews.models import (
    AuditEvent,
    Notification,
    NotificationPreference,
    ProcedureRequest,
    Recognition,
    RecognitionSetting,
    TrainingRecord,
    User,
)
from reviews.models.recognition import recognition_list_loads

Rows = list[dict]


def recognitions(person: User) -> Rows:
    query = (
        select(Recognition)
        .where(or_(Recognition.giver_id == person.id, Recognition.recipient_id == person.id))
        .options(*recognition_list_loads())
        .order_by(Recognition.created_at, Recognition.id)
    )
    return [
        {
            "direction": "given" if r.giver_id == person.id else "received",
            "giver": r.giver.name,
            "recipient": r.recipient.name,
            "message": r.message,
            "competencies": ", ".join(c.name for c in r.competencies),
            "hidden_by_recipient": r.hidden,
            "removed_at": r.removed_at,
            "created_at": r.created_at,
        }
        for r in db.session.scalars(query)
    ]


def training(person: User) -> Rows:
    query = (
        select(TrainingRecord)
        .where(TrainingRecord.person_id == person.id)
        .options(selectinload(TrainingRecord.competencies))
        .order_by(TrainingRecord.taken_on, TrainingRecord.id)
    )
    return [
        {
            "title": t.title,
            "taken_on": t.taken_on,
            "hours": t.hours,
            "provider": t.provider,
            "note": t.note,
            "competencies": ", ".join(c.name for c in t.competencies),
        }
        for t in db.session.scalars(query)
    ]


def procedure_confirmations(person: User) -> Rows:
    query = (
        select(ProcedureRequest)
        .where(ProcedureRequest.user_id == person.id)
        .options(joinedload(ProcedureRequest.version))
        .order_by(ProcedureRequest.requested_at, ProcedureRequest.id)
    )
    return [
        {
            "procedure": r.version.title,
            "version": r.version.number,
            "requested_at": r.requested_at,
            "due_on": r.due_on,
            "confirmed_at": r.confirmed_at,
            "closed_at": r.closed_at,
        }
        for r in db.session.scalars(query)
    ]


def notifications(person: User) -> Rows:
    query = (
        select(Notification)
        .where(Notification.user_id == person.id)
        .order_by(Notification.created_at, Notification.id)
    )
    return [
        {
            "kind": n.kind,
            "details": n.params,
            "link": n.url,
            "created_at": n.created_at,
            "read_at": n.read_at,
        }
        for n in db.session.scalars(query)
    ]


def settings(person: User) -> Rows:
    """Their own choices: e-mail per notification topic, and the recognition team feed."""
    query = select(NotificationPreference).where(NotificationPreference.user_id == person.id)
    rows = [
        {"setting": f"email:{p.topic}", "value": p.mode}
        for p in db.session.scalars(query.order_by(NotificationPreference.topic))
    ]
    feed = db.session.get(RecognitionSetting, person.id)
    if feed is not None:
        rows.append({"setting": "recognition_team_feed", "value": feed.in_team_feed})
    return rows


def audit_entries(person: User) -> Rows:
    """What the audit trail records that they did, and what it records about them."""
    about = (AuditEvent.object_type == "users") & (AuditEvent.object_id == person.id)
    query = (
        select(AuditEvent)
        .where(or_(AuditEvent.actor_id == person.id, about))
        .order_by(AuditEvent.created_at, AuditEvent.id)
    )
    return [
        {
            "when": e.created_at,
            "action": e.action,
            "by_them": e.actor_id == person.id,
            "object_type": e.object_type,
            "object_id": e.object_id,
            "before": e.before,
            "after": e.after,
        }
        for e in db.session.scalars(query)
    ]
