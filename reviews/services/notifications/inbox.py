"""In-app notifications, and their e-mail when SMTP is configured.

A notification is stored as a kind plus parameters and rendered in the reader's language.
Its e-mail, rendered in the recipient's language, goes into the outbox in the same
transaction (see ``outbox``) and is delivered by a background job after the commit: never
inside a request, never for a rolled-back change, retried when the mail server fails. Each
person chooses per topic whether that e-mail goes at once, waits for their daily digest
(``digest``) or is not sent (``preferences``); the inbox gets every notification."""

from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date

from flask import current_app
from flask_babel import force_locale, format_date, ngettext
from flask_babel import lazy_gettext as _l
from sqlalchemy import bindparam, func, insert, select, update

from extensions import db
from reviews.labels import IDEA_STATUS_LABELS
from reviews.models import EmailMode, Notification, User, utcnow
from reviews.services.notifications import outbox, preferences

MESSAGES = {
    "self_assessment_open": _l(
        "Your self-assessment for %(cycle)s is open. Please submit it by %(deadline)s."
    ),
    "self_assessment_due": _l("Your self-assessment for %(cycle)s is due on %(deadline)s."),
    "manager_assessment_due": _l(
        "Your assessment of %(person)s for %(cycle)s is due on %(deadline)s."
    ),
    "review_shared": _l("%(manager)s has shared your %(cycle)s review with you."),
    "review_acknowledged": _l("%(person)s has acknowledged their %(cycle)s review."),
    "review_disagreed": _l(
        "%(person)s acknowledged their %(cycle)s review and recorded disagreement."
    ),
    "reviews_overdue": lambda params: ngettext(
        "%(num)d review of %(cycle)s is overdue.",
        "%(num)d reviews of %(cycle)s are overdue.",
        int(params.get("count") or 0),
        cycle=params.get("cycle", ""),
    ),
    "review_amended": _l("Your %(cycle)s review was amended by %(actor)s."),
    "idea_new": _l("New idea for %(team)s: “%(title)s”."),
    "idea_status_changed": _l("Your idea “%(title)s” is now %(status)s."),
    "idea_response": _l("%(actor)s responded to your idea “%(title)s”."),
    "idea_comment": _l("%(actor)s commented on your idea “%(title)s”."),
    "idea_author_comment": _l("The author of “%(title)s” added a comment."),
    "idea_merged": _l("Your idea “%(title)s” was merged into “%(target)s”."),
    "recognition_received": _l("%(giver)s recognised your work."),
    "recognition_for_report": _l("%(giver)s recognised the work of %(person)s."),
    "recognition_removed": _l(
        "Your recognition of %(person)s was removed as not appropriate for Rapport."
    ),
    "procedure_published": _l(
        "Please read and confirm “%(title)s” (version %(version)s) by %(deadline)s."
    ),
    "procedure_due": _l(
        "Reminder: please confirm “%(title)s” (version %(version)s) by %(deadline)s."
    ),
    "procedure_overdue": _l(
        "Your confirmation of “%(title)s” (version %(version)s) was due on %(deadline)s."
    ),
    "action_due_soon": _l("Your action item “%(action)s” is due on %(deadline)s."),
    "action_overdue": _l(
        "Your action item “%(action)s” was due on %(deadline)s and is not done yet."
    ),
}


def render(notification: Notification) -> str:
    """The notification's sentence in the current locale."""
    return sentence(notification.kind, notification.params)


def sentence(kind: str, params: dict) -> str:
    template = MESSAGES.get(kind)
    if template is None:
        return kind
    params = _in_words(params)
    try:
        if callable(template):  # a sentence with a count, in the language's plural forms
            return template(params)
        return str(template) % params
    except (KeyError, TypeError, ValueError):
        return str(template)


def _in_words(params: dict) -> dict:
    """Parameters stored as codes said the reader's way: a status in their words, a deadline
    (stored as an ISO date) as every date is shown."""
    said = dict(params)
    if "status" in said:
        label = IDEA_STATUS_LABELS.get(said["status"])
        said["status"] = str(label) if label is not None else said["status"]
    if "deadline" in said:
        with suppress(ValueError):  # an older notification's free text stays as stored
            said["deadline"] = format_date(date.fromisoformat(str(said["deadline"])), "medium")
    return said


def notify(user: User, kind: str, url: str = "", **params) -> Notification:
    """Add a notification for ``user`` and its e-mail (both committed by the caller)."""
    if kind not in MESSAGES:
        raise ValueError(f"unknown notification kind {kind!r}")
    note = Notification(user=user, kind=kind, params=params, url=url)
    db.session.add(note)
    if not (outbox.mail_enabled() and user.active):
        return note
    mode = preferences.email_mode(user.id, kind)
    if mode == EmailMode.IMMEDIATELY:
        outbox.queue(**render_email(user.email, user.locale, kind, params, url))
    elif mode == EmailMode.DIGEST:
        note.digest_pending = True
    return note


@dataclass
class Recipient:
    """What a bulk notification needs to know of a person, read in one column query."""

    id: int
    email: str
    locale: str
    active: bool = True


@dataclass
class Note:
    user: Recipient
    kind: str
    url: str = ""
    params: dict = field(default_factory=dict)


def notify_many(notes: list[Note]) -> int:
    """Add many notifications, and their e-mails, each kind in one INSERT (for jobs that fan
    out to thousands of people), honouring every recipient's e-mail choices (read in one
    query). Returns how many e-mails were queued at once."""
    if not notes:
        return 0
    modes = _email_modes(notes)
    now = utcnow()
    rows = [
        {
            "user_id": n.user.id,
            "kind": n.kind,
            "params": n.params,
            "url": n.url,
            "created_at": now,
            "digest_pending": mode == EmailMode.DIGEST,
        }
        for n, mode in zip(notes, modes, strict=True)
    ]
    db.session.execute(insert(Notification), rows)
    mails = [
        render_email(n.user.email, n.user.locale, n.kind, n.params, n.url)
        for n, mode in zip(notes, modes, strict=True)
        if mode == EmailMode.IMMEDIATELY
    ]
    return len(outbox.queue_many(mails))


def _email_modes(notes: list[Note]) -> list[EmailMode]:
    """What becomes of each note's e-mail: none without a mail server or for a deactivated
    person, else the person's choice for its kind."""
    if not outbox.mail_enabled():
        return [EmailMode.OFF] * len(notes)
    mailed = [n for n in notes if n.user.active]
    stored = preferences.email_modes({n.user.id for n in mailed}, {n.kind for n in mailed})
    return [
        preferences.mode_of(stored, n.user.id, n.kind) if n.user.active else EmailMode.OFF
        for n in notes
    ]


# Asked on every page (the header's badge): the statement is built once.
_UNREAD = select(func.count(Notification.id)).where(
    Notification.user_id == bindparam("person"), Notification.read_at.is_(None)
)


def unread_count(user: User) -> int:
    return db.session.scalar(_UNREAD, {"person": user.id}) or 0


def inbox(user: User, limit: int = 100) -> list[Notification]:
    query = (
        select(Notification)
        .where(Notification.user_id == user.id)
        .order_by(Notification.created_at.desc(), Notification.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query))


def get(user: User, notification_id: int) -> Notification | None:
    """One of the user's own notifications, or None."""
    query = select(Notification).where(
        Notification.id == notification_id, Notification.user_id == user.id
    )
    return db.session.scalar(query)


def mark_read(user: User, notification_id: int | None = None) -> None:
    """Mark one of the user's notifications (or all of them) read."""
    query = update(Notification).where(
        Notification.user_id == user.id, Notification.read_at.is_(None)
    )
    if notification_id is not None:
        query = query.where(Notification.id == notification_id)
    db.session.execute(query.values(read_at=utcnow()))


def render_email(to: str, locale: str, kind: str, params: dict, url: str) -> dict:
    """The e-mail of a notification in the recipient's language: recipient, subject, body."""
    with force_locale(locale):
        text = sentence(kind, params)
        subject = str(_l("Rapport: %(text)s", text=text[:80]))
    link = current_app.config.get("BASE_URL", "") + url if url else ""
    return {"recipient": to, "subject": subject, "body": text + ("\n\n" + link if link else "")}
