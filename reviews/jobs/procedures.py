"""Procedures: the fan-out after a version is published, and the daily job that asks
newcomers and sends reminders (reviews.services.procedures)."""

from huey import crontab

from extensions import db, huey
from reviews.services.procedures import reading, reminders

from . import job, periodic_job


@job(retries=3, retry_delay=30)
def notify_procedure_requests(version_id: int, user_ids: list[int]) -> int:
    """Tell these people to confirm the version (a retry tells nobody twice)."""
    told = reading.notify_requests(version_id, user_ids)
    db.session.commit()
    return told


@periodic_job(crontab(hour="6", minute="30"))
def procedures_daily() -> dict[str, int]:
    """Once a day, whichever worker's scheduler fires it first (the lock keeps two from
    asking or reminding the same person twice)."""
    with huey.lock_task("procedures-daily"):
        done = reminders.run_daily()
        db.session.commit()
    return done
