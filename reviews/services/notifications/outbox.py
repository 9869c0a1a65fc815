"""The e-mail outbox, and work to queue once a transaction commits.

An e-mail is a row of ``outbound_emails`` written in the same transaction as the change it
tells about. Only after the commit is a job asked to deliver it (``later``), so a rolled
back change mails nobody, and a mail whose job was lost (queue down, worker killed) is still
pending in the database and is queued again (``stale_ids``). Services never send mail or
talk to the queue themselves: ``reviews.jobs`` does both."""

from datetime import datetime, timedelta
from email.utils import make_msgid, parseaddr

from flask import current_app
from sqlalchemy import Select, event, func, insert, or_, select, update
from sqlalchemy.orm import Session

from extensions import db
from reviews.models import utcnow
from reviews.models.activity import MailStatus, OutboundEmail

AFTER_COMMIT = "rapport_jobs_after_commit"
DELIVER = "deliver_mail"
LEASE = timedelta(minutes=10)  # how long a job holds the mails it is sending
MAX_ERROR = 500
# What is left of a secret mail's body once it has been sent.
ERASED_BODY = "(erased once sent: it carried a one-time link)"


def later(job: str, *args, session: Session | None = None) -> None:
    """Queue ``job(*args)`` (a name known to ``reviews.jobs``) once the current transaction
    of ``session`` (the app's by default) commits; a rollback drops it."""
    (session or db.session).info.setdefault(AFTER_COMMIT, []).append((job, args))


def take_later(session: Session) -> list[tuple[str, tuple]]:
    """The work ``session``'s committed transaction asked for (and forget it)."""
    return session.info.pop(AFTER_COMMIT, [])


def mail_enabled() -> bool:
    return bool(current_app.config.get("MAIL_SERVER"))


def new_message_id() -> str:
    """A Message-ID in the sender's domain (no DNS look-up, unlike make_msgid's default)."""
    sender = parseaddr(current_app.config.get("MAIL_DEFAULT_SENDER") or "")[1]
    return make_msgid(domain=sender.rpartition("@")[2] or "localhost")


def queue(recipient: str, subject: str, body: str, secret: bool = False) -> OutboundEmail:
    """Add one e-mail to the outbox (committed by the caller, delivered after the commit); a
    ``secret`` one's body is erased once it is sent."""
    mail = OutboundEmail(
        recipient=recipient,
        subject=subject[:300],
        body=body,
        message_id=new_message_id(),
        secret=secret,
    )
    db.session.add(mail)
    return mail


def queue_many(mails: list[dict]) -> list[int]:
    """Add many e-mails (dicts of recipient, subject, body and optionally secret) in one
    INSERT; delivered after the commit. Returns their ids."""
    if not mails:
        return []
    now = utcnow()
    rows = [
        {
            "recipient": m["recipient"],
            "subject": m["subject"][:300],
            "body": m["body"],
            "message_id": new_message_id(),
            "status": MailStatus.PENDING.value,
            "attempts": 0,
            "last_error": "",
            "next_attempt_at": now,
            "created_at": now,
            "secret": m.get("secret", False),
        }
        for m in mails
    ]
    ids = list(db.session.scalars(insert(OutboundEmail).returning(OutboundEmail.id), rows))
    later(DELIVER, ids)
    return ids


def _note_new_mail(session: Session, _flush_context) -> None:
    """after_flush: e-mails added one by one get their delivery job once committed."""
    ids = [obj.id for obj in session.new if isinstance(obj, OutboundEmail)]
    if ids:
        session.info.setdefault(AFTER_COMMIT, []).append((DELIVER, (ids,)))


def _forget(session: Session) -> None:
    session.info.pop(AFTER_COMMIT, None)


def register() -> None:
    """Listen to every session (once, however often it is called); ``create_app`` calls it."""
    for name, listener in (("after_flush", _note_new_mail), ("after_rollback", _forget)):
        if not event.contains(Session, name, listener):
            event.listen(Session, name, listener)


# --- Delivery bookkeeping (used by the delivery job) ----------------------------------------


def claim(ids: list[int], holder: str) -> list[OutboundEmail]:
    """Take the pending, due mails among ``ids`` for ``holder`` (a job id) for ``LEASE``, so
    no other job sends them meanwhile. Returns the mails taken."""
    now = utcnow()
    db.session.execute(
        update(OutboundEmail)
        .where(
            OutboundEmail.id.in_(ids),
            OutboundEmail.status == MailStatus.PENDING.value,
            OutboundEmail.next_attempt_at <= now,
        )
        .values(claimed_by=holder, next_attempt_at=now + LEASE)
        .execution_options(synchronize_session=False)
    )
    query = select(OutboundEmail).where(
        OutboundEmail.id.in_(ids), OutboundEmail.claimed_by == holder
    )
    return list(db.session.scalars(query.order_by(OutboundEmail.id)))


def record_sent(mail: OutboundEmail) -> None:
    mail.status, mail.sent_at, mail.claimed_by = MailStatus.SENT.value, utcnow(), None
    mail.attempts += 1
    mail.last_error = ""
    if mail.secret:
        mail.body = ERASED_BODY


def record_failure(mail: OutboundEmail, error: str, max_attempts: int, retry_at: datetime):
    """Count a failed attempt; after ``max_attempts`` the mail is failed (shown to admins),
    else it waits until ``retry_at``."""
    mail.attempts += 1
    mail.last_error = error[:MAX_ERROR]
    mail.claimed_by = None
    if mail.attempts >= max_attempts:
        mail.status = MailStatus.FAILED.value
    else:
        mail.next_attempt_at = retry_at


def stale_ids(older_than: timedelta, limit: int = 10_000) -> list[int]:
    """Pending mails due for longer than ``older_than``: their job was lost."""
    query = (
        select(OutboundEmail.id)
        .where(
            OutboundEmail.status == MailStatus.PENDING.value,
            OutboundEmail.next_attempt_at < utcnow() - older_than,
        )
        .order_by(OutboundEmail.id)
        .limit(limit)
    )
    return list(db.session.scalars(query))


# --- Admin ------------------------------------------------------------------------------------


def send_again(mail_id: int | None = None) -> int:
    """Give failed mails (one, or all) a fresh set of attempts; delivered after the commit.
    Returns how many."""
    query = select(OutboundEmail.id).where(OutboundEmail.status == MailStatus.FAILED.value)
    if mail_id is not None:
        query = query.where(OutboundEmail.id == mail_id)
    ids = list(db.session.scalars(query))
    if ids:
        db.session.execute(
            update(OutboundEmail)
            .where(OutboundEmail.id.in_(ids))
            .values(
                status=MailStatus.PENDING.value,
                attempts=0,
                next_attempt_at=utcnow(),
                claimed_by=None,
            )
            .execution_options(synchronize_session=False)
        )
        later(DELIVER, ids)
    return len(ids)


def status_counts() -> dict[str, int]:
    rows = db.session.execute(
        select(OutboundEmail.status, func.count()).group_by(OutboundEmail.status)
    )
    counts = {status.value: 0 for status in MailStatus}
    counts.update({status: n for status, n in rows})
    return counts


def unsent() -> Select:
    """Failed mails first, then pending ones, each oldest first."""
    failed_first = (OutboundEmail.status == MailStatus.FAILED.value).desc()
    return (
        select(OutboundEmail)
        .where(
            or_(
                OutboundEmail.status == MailStatus.FAILED.value,
                OutboundEmail.status == MailStatus.PENDING.value,
            )
        )
        .order_by(failed_first, OutboundEmail.created_at, OutboundEmail.id)
    )
