"""Delivering the outbox: one SMTP connection per job of up to ``MAIL_BATCH_SIZE`` mails.

A failed mail is tried again later, waiting ``MAIL_RETRY_DELAY`` seconds and twice as long
before each next try; after ``MAIL_MAX_ATTEMPTS`` it is marked failed with its error and
shown to admins, who can send it again. Mails whose job was lost are queued again by a
periodic task (and when a worker starts)."""

import logging
import smtplib
from datetime import timedelta
from email.message import EmailMessage
from email.utils import formatdate

from flask import current_app
from huey import crontab
from huey.exceptions import RetryTask

from extensions import db
from reviews.models import utcnow
from reviews.models.activity import MailStatus, OutboundEmail
from reviews.services.notifications import outbox

from . import job, periodic_job

log = logging.getLogger(__name__)
LOST_AFTER = timedelta(minutes=5)  # due this long and still pending: its job was lost


def deliver_in_batches(ids: list[int]) -> int:
    """Queue delivery jobs for these mails. Returns how many jobs."""
    size = max(int(current_app.config.get("MAIL_BATCH_SIZE") or 200), 1)
    batches = [ids[start : start + size] for start in range(0, len(ids), size)]
    for batch in batches:
        deliver(batch)
    return len(batches)


@job(context=True)
def deliver(ids: list[int], task=None) -> int:
    """Send the pending, due mails among ``ids``; returns how many were sent. Retries itself
    while some of them wait for another try."""
    mails = outbox.claim(ids, task.id if task else "immediate")
    db.session.commit()  # the claim is visible to every other worker before we send
    if not mails:
        return 0
    retry_at = _send_all(mails)
    db.session.commit()
    waiting = [m for m in mails if m.status == MailStatus.PENDING.value]
    if waiting:
        delay = (retry_at - utcnow()).total_seconds()
        raise RetryTask(f"{len(waiting)} mails to try again", delay=max(delay, 0) + 0.5)
    return sum(m.status == MailStatus.SENT.value for m in mails)


def _send_all(mails: list[OutboundEmail]):
    """Send over one connection, recording each result. Returns when failed mails may be
    tried again."""
    cfg = current_app.config
    tries = max(m.attempts for m in mails) + 1
    retry_at = utcnow() + timedelta(seconds=int(cfg["MAIL_RETRY_DELAY"]) * 2 ** (tries - 1))

    def failed(mail: OutboundEmail, error: Exception) -> None:
        text = f"{type(error).__name__}: {error}"
        outbox.record_failure(mail, text, int(cfg["MAIL_MAX_ATTEMPTS"]), retry_at)
        log.warning("e-mail %s to %s failed (try %s): %s", mail.id, mail.recipient, tries, text)

    try:
        smtp = _connect()
    except OSError as error:  # smtplib's errors are OSErrors too
        for mail in mails:
            failed(mail, error)
        return retry_at
    try:
        for index, mail in enumerate(mails):
            try:
                smtp.send_message(_message(mail))
            except smtplib.SMTPServerDisconnected as error:
                for rest in mails[index:]:
                    failed(rest, error)
                break
            except smtplib.SMTPException as error:  # this message refused: try the next
                failed(mail, error)
            except OSError as error:  # the connection is gone
                for rest in mails[index:]:
                    failed(rest, error)
                break
            else:
                outbox.record_sent(mail)
    finally:
        _close(smtp)
    return retry_at


def _connect() -> smtplib.SMTP:
    cfg = current_app.config
    if not cfg.get("MAIL_SERVER"):
        raise smtplib.SMTPException("MAIL_SERVER is not set for the worker")
    smtp = smtplib.SMTP(cfg["MAIL_SERVER"], int(cfg.get("MAIL_PORT") or 25), timeout=10)
    if cfg.get("MAIL_USE_TLS"):
        smtp.starttls()
    if cfg.get("MAIL_USERNAME"):
        smtp.login(cfg["MAIL_USERNAME"], cfg.get("MAIL_PASSWORD") or "")
    return smtp


def _close(smtp: smtplib.SMTP) -> None:
    try:
        smtp.quit()
    except (OSError, smtplib.SMTPException):
        smtp.close()


def _message(mail: OutboundEmail) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = mail.subject
    message["From"] = current_app.config.get("MAIL_DEFAULT_SENDER") or "rapport@localhost"
    message["To"] = mail.recipient
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = mail.message_id
    message.set_content(mail.body)
    return message


def requeue_lost() -> int:
    """Queue delivery again for pending mails whose job was lost. Returns how many mails."""
    ids = outbox.stale_ids(LOST_AFTER)
    if ids:
        deliver_in_batches(ids)
    return len(ids)


@periodic_job(crontab(minute="*/5"))
def requeue_lost_mail() -> int:
    return requeue_lost()
