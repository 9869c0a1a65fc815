"""People in the background: checking and applying a large CSV file of people
(reviews.services.people.importing), picking up imports whose job was lost, and the
password-reset link asked for on the sign-in page (looked up here, not in the request)."""

from huey import crontab

from extensions import db
from reviews.services.people import importing, invitations

from . import job, periodic_job


@job(retries=0)
def run_people_import(import_id: int) -> None:
    """Check or apply one import (its progress and outcome are kept on the import)."""
    importing.process(db.session, import_id)


@job(retries=2, retry_delay=30)
def send_reset_link(email: str) -> None:
    """Look up the address typed on "Forgot your password?" and mail its link, if any."""
    invitations.send_reset(email)
    db.session.commit()


@periodic_job(crontab(minute="*/2"))
def requeue_stalled_imports() -> int:
    """Queue again the imports whose job was lost, mark failed those whose worker died, and
    delete those past their 30 days."""
    queued = importing.stalled(db.session)
    importing.forget_old(db.session)
    db.session.commit()
    for import_id in queued:
        run_people_import(import_id)
    return len(queued)
