"""The audit log written out for a reader: what each event's action, object and values are
called (the admin's audit page shows these rows; the events come from services.audit)."""

from dataclasses import dataclass, field
from datetime import date

from flask import url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from reviews.labels import (
    ACTION_STATUS_LABELS,
    CYCLE_STATUS_LABELS,
    IDEA_STATUS_LABELS,
    LOCALE_LABELS,
    ROLE_LABELS,
)
from reviews.models import AuditEvent
from reviews.models.translated import OTHER_LOCALES
from reviews.services import audit
from reviews.services.notifications.preferences import MODE_LABELS, TOPICS

OBJECT_TYPES = {
    "users": _l("Person"),
    "teams": _l("Team"),
    "competencies": _l("Competency"),
    "scale_levels": _l("Rating scale"),
    "cycles": _l("Cycle"),
    "reviews": _l("Review"),
    "ideas": _l("Idea"),
    "recognitions": _l("Recognition"),
    "procedures": _l("Procedure"),
    "requests": _l("Request"),
    "reports": _l("Report"),
    "audit_events": _l("Audit log"),
    "action_items": _l("Action item"),
    "training_records": _l("Training"),
}
# object type → (model, edit endpoint, URL argument)
OBJECT_PAGES = {  # table: (its admin page's endpoint, the argument)
    "users": ("admin.edit_person", "user_id"),
    "teams": ("admin.edit_team", "team_id"),
    "competencies": ("admin.edit_competency", "competency_id"),
    "cycles": ("admin.edit_cycle", "cycle_id"),
}
ACTIONS = {
    "signed_in": _l("Signed in"),
    "sign_in_failed": _l("Failed to sign in"),
    "signed_out": _l("Signed out"),
    "access_denied": _l("Was refused access"),
    "rate_limited": _l("Was refused: too many attempts"),
    "report_downloaded": _l("Downloaded a report"),
    "ideas_exported": _l("Exported ideas"),
    "audit_exported": _l("Downloaded the audit log"),
    "idea_commented": _l("Commented on an idea"),
    "idea_supported": _l("Supported an idea"),
    "idea_support_withdrawn": _l("Withdrew support for an idea"),
    "private_note_changed": _l("Changed a private note"),
    "password_changed": _l("Changed their password"),
    "invitation_sent": _l("Sent an invitation"),
    "invitation_accepted": _l("Accepted an invitation and chose a password"),
    "password_reset_requested": _l("Asked for a password-reset link"),
    "password_reset_refused": _l(
        "Asked for a password reset for an unknown or deactivated account"
    ),
    "password_reset": _l("Chose a new password with a reset link"),
    "user_created": _l("Added a person"),
    "user_updated": _l("Edited a person"),
    "user_deactivated": _l("Deactivated a person"),
    "user_reactivated": _l("Reactivated a person"),
    "people_imported": _l("Imported people from a file"),
    "people_exported": _l("Exported the people"),
    "team_created": _l("Added a team"),
    "team_updated": _l("Edited a team"),
    "competency_created": _l("Added a competency"),
    "competency_updated": _l("Edited a competency"),
    "competency_retired": _l("Retired a competency"),
    "competency_restored": _l("Restored a competency"),
    "scale_updated": _l("Changed the rating scale"),
    "cycle_created": _l("Created a cycle"),
    "cycle_updated": _l("Edited a cycle"),
    "cycle_opened": _l("Opened a cycle"),
    "cycle_people_added": _l("Added people to a cycle"),
    "cycle_closed": _l("Closed a cycle"),
    "cycle_reopened": _l("Reopened a cycle"),
    "review_shared": _l("Shared a review"),
    "review_acknowledged": _l("Acknowledged a review"),
    "review_amended": _l("Amended a review"),
    "review_reassigned": _l("Reassigned a review"),
    "review_reopened": _l("Reopened a review"),
    "action_followed_up": _l("Followed up an agreed action"),
    "meeting_suggestions_recorded": _l("Recorded the suggestions from a review meeting"),
    "action_status_changed": _l("Changed the status of an action item"),
    "action_item_edited": _l("Edited an action item"),
    "locale_changed": _l("Changed their language"),
    "notification_preferences_changed": _l("Changed their e-mail notifications"),
    "idea_submitted": _l("Submitted an idea"),
    "idea_moved": _l("Moved an idea"),
    "recognition_given": _l("Recognised a colleague"),
    "recognition_removed": _l("Removed a recognition"),
    "procedure_published": _l("Published a procedure"),
    "procedure_archived": _l("Archived a procedure"),
    "procedure_confirmed": _l("Confirmed a procedure"),
    "training_recorded": _l("Recorded a training"),
    "training_changed": _l("Changed a training"),
    "training_deleted": _l("Deleted a training"),
}
FIELDS = {
    "name": _l("Name"),
    "email": _l("Email"),
    "job_title": _l("Job title"),
    "locale": _l("Language"),
    "active": _l("Active"),
    "team_id": _l("Team"),
    "manager_id": _l("Manager"),
    "roles": _l("Roles"),
    "password": _l("Password"),
    "description": _l("Description"),
    "behaviour_examples": _l("Behaviour examples"),
    "weight": _l("Weight"),
    "position": _l("Position"),
    "period_start": _l("Period starts"),
    "period_end": _l("Period ends"),
    "self_deadline": _l("Self-assessment deadline"),
    "review_deadline": _l("Review deadline"),
    "show_self_to_manager": _l("Managers see the self-assessment"),
    "status": _l("Status"),
    "manager": _l("Manager"),
    "summary": _l("Summary"),
    "ratings": _l("Ratings"),
    "notes": _l("Strengths and improvement areas"),
    "actions": _l("Action items"),
    "reviews_created": _l("Reviews created"),
    "disagrees": _l("Disagreement recorded"),
    "shared_at": _l("Shared"),
    "acknowledged_at": _l("Acknowledged"),
    "manager_submitted_at": _l("Manager assessment submitted"),
    "private_note": _l("Private note"),
    "meeting_suggestions": _l("Suggestions from the meeting"),
    "method": _l("Method"),
    "path": _l("Address"),
    "rows": _l("Rows"),
    "chart": _l("Chart"),
    "format": _l("Format"),
    "filters": _l("Filters"),
    "file": _l("File"),
    "created": _l("Created"),
    "changed": _l("Changed"),
    "unchanged": _l("Unchanged"),
    "export": _l("Export"),
    "comment": _l("Comment"),
    "message": _l("Message"),
    "removed_at": _l("Removed"),
    "version": _l("Version"),
    "due_on": _l("Due"),
    "asked": _l("People asked"),
    "person_id": _l("Person"),
    "title": _l("Title"),
    "taken_on": _l("Date taken"),
    "hours": _l("Hours"),
    "provider": _l("Provider"),
    "competencies": _l("Competencies"),
    "note": _l("Note"),
    "action_item_id": _l("Action item"),
}
FIELDS.update({topic.value: info.label for topic, info in TOPICS.items()})  # e-mail choices
DATE_FIELDS = ("period_start", "period_end", "self_deadline", "review_deadline", "taken_on")
LONGEST_VALUE = 300
NOTE_KINDS = {"strength": _l("Strength"), "improvement": _l("Improvement area")}


@dataclass
class Change:
    label: str
    before: str | None  # None: the event has no "before" (something was created)
    after: str | None


@dataclass
class Row:
    event: AuditEvent
    action: str
    object_label: str
    object_url: str | None
    changes: list[Change] = field(default_factory=list)


def rows(events: list[AuditEvent]) -> list[Row]:
    names = audit.names(events)
    return [
        Row(
            event=e,
            action=str(ACTIONS.get(e.action, e.action.replace("_", " ").capitalize())),
            object_label=_object_label(e, names),
            object_url=_object_url(e),
            changes=_changes(e, names),
        )
        for e in events
    ]


def _object_label(event: AuditEvent, names: dict[str, dict[int, str]]) -> str:
    kind = str(OBJECT_TYPES.get(event.object_type, event.object_type))
    if event.object_id is None:
        return kind
    name = names.get(event.object_type, {}).get(event.object_id)
    if name:
        return _("%(kind)s: %(name)s", kind=kind, name=name)
    return _("%(kind)s #%(id)d", kind=kind, id=event.object_id)


def _object_url(event: AuditEvent) -> str | None:
    if event.object_type == "scale_levels":
        return url_for("admin.scale")
    if event.object_type not in OBJECT_PAGES or event.object_id is None:
        return None
    endpoint, argument = OBJECT_PAGES[event.object_type]
    return url_for(endpoint, **{argument: event.object_id})


def _changes(event: AuditEvent, names: dict[str, dict[int, str]]) -> list[Change]:
    after = event.after or {}
    # A creation has nothing before it, even when the service stored empty values.
    before = None if event.action.endswith("_created") else event.before
    keys = list(after) + [k for k in (before or {}) if k not in after]
    changes = []
    for key in keys:
        old = before.get(key) if before else None
        new = after.get(key)
        if key == "ratings" and isinstance(old, dict) and isinstance(new, dict):
            changes += _rating_changes(old, new)
        elif key in ("notes", "actions") and isinstance(old, list) and isinstance(new, list):
            changes.append(_list_change(key, old, new))
        else:
            changes.append(
                Change(
                    label=_field_label(event, key),
                    before=_show(key, old, names, event.object_type)
                    if before and key in before
                    else None,
                    after=_show(key, new, names, event.object_type) if key in after else None,
                )
            )
    return changes


def _rating_changes(old: dict, new: dict) -> list[Change]:
    """One line per competency whose rating or comment changed in an amendment."""
    return [
        Change(
            label=_("Rating: %(competency)s", competency=name),
            before=_rating(old.get(name)),
            after=_rating(new.get(name)),
        )
        for name in [*new, *(n for n in old if n not in new)]
        if old.get(name) != new.get(name)
    ]


def _rating(value) -> str:
    if not value:
        return "—"
    level, comment = (value + [None])[:2] if isinstance(value, list) else (value, None)
    shown = _("not applicable") if level == "n/a" else str(level)
    return f"{shown} — {_cut(comment)}" if comment else shown


def _list_change(key: str, old: list, new: list) -> Change:
    """The strengths, improvement areas or action items taken out and put in."""
    removed = [item for item in old if item not in new]
    added = [item for item in new if item not in old]
    return Change(
        label=str(FIELDS[key]),
        before="; ".join(_item(key, i) for i in removed) or "—",
        after="; ".join(_item(key, i) for i in added) or "—",
    )


def _item(key: str, item) -> str:
    if not isinstance(item, list) or not item:
        return _cut(str(item))
    if key == "notes":  # kind, text, competencies
        kind = str(NOTE_KINDS.get(item[0], item[0]))
        tags = f" ({', '.join(item[2])})" if len(item) > 2 and item[2] else ""
        return f"{kind}: {_cut(item[1])}{tags}"
    details = ", ".join(str(part) for part in item[1:] if part)  # kind, status, due date
    return f"{_cut(item[0])} ({details})" if details else _cut(item[0])


def _cut(text) -> str:
    text = str(text or "")
    return text if len(text) <= LONGEST_VALUE else text[: LONGEST_VALUE - 1] + "…"


def _field_label(event: AuditEvent, key: str) -> str:
    """The field's name; a text in another language ("name_et", a level's "1_et") is named
    with the language after it: "Name (Eesti)"."""
    base, _sep, code = key.rpartition("_")
    language = LOCALE_LABELS.get(code) if base and code in OTHER_LOCALES else None
    key = base if language else key
    if event.object_type == "scale_levels":
        label = _("Level %(value)s", value=key)
    else:
        label = str(FIELDS.get(key, key.replace("_", " ").capitalize()))
    return f"{label} ({language})" if language else label


def _show(key: str, value, names: dict[str, dict[int, str]], kind: str = "") -> str:
    """One stored value as a reader would say it."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if key == "team_id":
        return names["teams"].get(value, f"#{value}")
    if key == "manager_id":
        return names["users"].get(value, f"#{value}")
    if key == "roles" and isinstance(value, list):
        return ", ".join(str(ROLE_LABELS.get(role, role)) for role in value)
    if key == "locale":
        return LOCALE_LABELS.get(value, value)
    if key == "status" and isinstance(value, str):
        labels = {"cycles": CYCLE_STATUS_LABELS, "action_items": ACTION_STATUS_LABELS}.get(
            kind, IDEA_STATUS_LABELS
        )
        return str(labels.get(value, value))
    if key in TOPICS and value in MODE_LABELS:
        return str(MODE_LABELS[value])
    if key in DATE_FIELDS and isinstance(value, str):
        return format_date(date.fromisoformat(value))
    if key in ("password", "private_note"):
        return _("changed")
    if key == "filters" and isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items() if v not in (None, "", [])) or "—"
    return _cut(value)


def csv_header() -> list[str]:
    return [_("When (UTC)"), _("Who"), _("Email"), _("Action"), _("Object"), _("Changes")]


def csv_rows(events: list[AuditEvent]):
    """The CSV lines of ``events``: each change as "field: before → after"."""
    for row in rows(events):
        actor = row.event.actor
        changes = "; ".join(
            f"{c.label}: {c.before} → {c.after}"
            if c.before is not None
            else f"{c.label}: {c.after}"
            for c in row.changes
        )
        yield [
            row.event.created_at.strftime("%Y-%m-%d %H:%M:%S"),
            actor.name if actor else _("System"),
            actor.email if actor else "",
            row.action,
            row.object_label,
            changes,
        ]
