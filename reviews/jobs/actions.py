"""The daily due-date reminders of action items
(``reviews.services.actions.reminders.send_reminders``)."""

from huey import crontab

from extensions import db, huey
from reviews.services.actions import reminders

from . import periodic_job


@periodic_job(crontab(hour="7", minute="0"))
def remind_action_items() -> dict[str, int]:
    """One run at a time, whichever worker's scheduler fires it (each reminder is sent once
    anyway: the item remembers it)."""
    with huey.lock_task("remind-action-items"):
        sent = reminders.send_reminders()
        db.session.commit()
    return sent
