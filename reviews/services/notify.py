"""In-app notifications, and email when SMTP is configured.

A notification is stored as a kind plus parameters and rendered in the reader's language.
Emails are queued on the session and sent only after the transaction commits, so a rolled
back change never mails anyone; a mail failure is logged and never breaks the request."""

import logging
import smtplib
from email.message import EmailMessage

from flask import current_app, has_app_context
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import event, func, select, update
from sqlalchemy.orm import Session

from extensions import db
from reviews.models import Notification, User, utcnow

log = logging.getLogger(__name__)

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
    "reviews_overdue": _l("%(count)s reviews of %(cycle)s are overdue."),
    "review_amended": _l("Your %(cycle)s review was amended by %(actor)s."),
    "idea_new": _l("New idea for %(team)s: “%(title)s”."),
    "idea_status_changed": _l("Your idea “%(title)s” is now %(status)s."),
    "idea_response": _l("%(actor)s responded to your idea “%(title)s”."),
    "idea_comment": _l("%(actor)s commented on your idea “%(title)s”."),
    "idea_author_comment": _l("The author of “%(title)s” added a comment."),
    "idea_merged": _l("Your idea “%(title)s” was merged into “%(target)s”."),
}


def render(notification: Notification) -> str:
    """The notification's sentence in the current locale."""
    return sentence(notification.kind, notification.params)


def sentence(kind: str, params: dict) -> str:
    template = MESSAGES.get(kind)
    if template is None:
        return kind
    try:
        return str(template) % params
    except (KeyError, TypeError, ValueError):
        return str(template)


def notify(user: User, kind: str, url: str = "", **params) -> Notification:
    """Add a notification for ``user`` (committed by the caller) and queue its email."""
    if kind not in MESSAGES:
        raise ValueError(f"unknown notification kind {kind!r}")
    note = Notification(user=user, kind=kind, params=params, url=url)
    db.session.add(note)
    if has_app_context() and current_app.config.get("MAIL_SERVER") and user.active:
        # Plain values: after the commit the session can no longer load attributes.
        mail = {"to": user.email, "locale": user.locale, "kind": kind, "params": params, "url": url}
        db.session.info.setdefault("outbox", []).append(mail)
    return note


def unread_count(user: User) -> int:
    query = select(func.count(Notification.id)).where(
        Notification.user_id == user.id, Notification.read_at.is_(None)
    )
    return db.session.scalar(query) or 0


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


def send_email(mail: dict) -> None:
    cfg = current_app.config
    with force_locale(mail["locale"]):
        text = sentence(mail["kind"], mail["params"])
        subject = str(_l("Rapport: %(text)s", text=text[:80]))
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = cfg.get("MAIL_DEFAULT_SENDER") or "rapport@localhost"
    message["To"] = mail["to"]
    link = cfg.get("BASE_URL", "") + mail["url"] if mail["url"] else ""
    body = text + ("\n\n" + link if link else "")
    message.set_content(body)
    with smtplib.SMTP(cfg["MAIL_SERVER"], int(cfg.get("MAIL_PORT") or 25), timeout=10) as smtp:
        if cfg.get("MAIL_USE_TLS"):
            smtp.starttls()
        if cfg.get("MAIL_USERNAME"):
            smtp.login(cfg["MAIL_USERNAME"], cfg.get("MAIL_PASSWORD") or "")
        smtp.send_message(message)


@event.listens_for(Session, "after_commit")
def _send_queued_emails(session: Session) -> None:
    outbox = session.info.pop("outbox", [])
    for mail in outbox:
        try:
            send_email(mail)
        except Exception:  # a mail server problem must never break the user's request
            log.exception("could not email %s notification to %s", mail["kind"], mail["to"])


@event.listens_for(Session, "after_rollback")
def _drop_queued_emails(session: Session) -> None:
    session.info.pop("outbox", None)
