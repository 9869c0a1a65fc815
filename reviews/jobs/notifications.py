"""The daily digest of notifications (reviews.services.notifications.digest), sent by a
periodic job each morning and by ``flask notifications digest``."""

from huey import crontab

from extensions import db
from reviews.services.notifications import digest, outbox

from . import periodic_job


def send_daily_digest(chunk: int = digest.CHUNK) -> int:
    """Send every waiting digest, ``chunk`` people per transaction. Returns how many e-mails
    were queued. Without a mail server nothing is sent and the notifications keep waiting.
    Whichever worker's scheduler fires it (or the command, at the same time): each
    notification is taken by one run only (see ``digest.send``)."""
    if not outbox.mail_enabled():
        return 0
    sent, after = 0, 0
    while people := digest.waiting_people(after, chunk):
        sent += digest.send(people)
        db.session.commit()
        after = people[-1]
    return sent


@periodic_job(crontab(hour="6", minute="30"))
def daily_digest() -> int:
    return send_daily_digest()
