"""The daily digest: one e-mail per person holding the notifications they chose to get in a
daily summary, newest first, in their language.

People are taken in chunks (four statements per chunk, none per person). The digest's
e-mails go into the outbox in the same transaction that marks their notifications done, so a
crash before the commit sends nothing and loses nothing, and a crash after it never sends
twice. A deactivated person gets no digest (their notifications are marked done)."""

from collections import defaultdict

from flask import current_app
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update

from extensions import db
from reviews.models import Notification, User
from reviews.services.notifications import outbox
from reviews.services.notifications.inbox import sentence

CHUNK = 500  # people per transaction
MAX_LISTED = 50  # sentences in one e-mail; the rest are counted
PREFERENCES_PATH = "/account/notifications"


def waiting_people(after: int = 0, limit: int = CHUNK) -> list[int]:
    """Up to ``limit`` people (by id, above ``after``) with notifications awaiting a digest."""
    query = (
        select(Notification.user_id)
        .where(Notification.digest_pending, Notification.user_id > after)
        .group_by(Notification.user_id)
        .order_by(Notification.user_id)
        .limit(limit)
    )
    return list(db.session.scalars(query))


def send(user_ids: list[int]) -> int:
    """Mark these people's waiting notifications done and queue each person's digest of
    them, in the caller's transaction. Returns how many e-mails were queued."""
    people = {
        row.id: row
        for row in db.session.execute(
            select(User.id, User.email, User.locale, User.active).where(User.id.in_(user_ids))
        )
    }
    by_person = defaultdict(list)
    for row in sorted(_take(user_ids), key=lambda r: (r.created_at, r.id), reverse=True):
        by_person[row.user_id].append(row)
    mails = [
        digest_email(people[person].email, people[person].locale, notes)
        for person, notes in by_person.items()
        if person in people and people[person].active
    ]
    outbox.queue_many(mails)
    return len(mails)


def _take(user_ids: list[int]) -> list:
    """Mark the people's waiting notifications done and return them. The UPDATE itself takes
    them (RETURNING what it changed), so two runs at once never mail one twice: the second's
    UPDATE waits for the first's commit and then finds nothing waiting."""
    query = (
        update(Notification)
        .where(Notification.user_id.in_(user_ids), Notification.digest_pending)
        .values(digest_pending=False)
        .returning(
            Notification.id,
            Notification.user_id,
            Notification.kind,
            Notification.params,
            Notification.url,
            Notification.created_at,
        )
        .execution_options(synchronize_session=False)
    )
    return db.session.execute(query).all()


def digest_email(to: str, locale: str, notes: list) -> dict:
    """One person's digest (rows of kind, params, url; newest first) in their language."""
    base = current_app.config.get("BASE_URL", "")
    with force_locale(locale):
        subject = str(_l("Rapport: your daily summary (%(count)s)", count=len(notes)))
        lines = [str(_l("What happened in Rapport since your last summary, newest first:")), ""]
        for note in notes[:MAX_LISTED]:
            lines.append("• " + sentence(note.kind, note.params))
            if note.url:
                lines.append("  " + base + note.url)
        if len(notes) > MAX_LISTED:
            more = len(notes) - MAX_LISTED
            lines += ["", str(_l("More in your inbox: %(count)s.", count=more))]
        choose = _l("Choose which e-mails you get: %(url)s", url=base + PREFERENCES_PATH)
        lines += ["", str(choose)]
    return {"recipient": to, "subject": subject, "body": "\n".join(lines)}
