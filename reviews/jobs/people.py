"""People imports in the background: checking and applying a large CSV file of people
(reviews.services.people.importing), and picking up imports whose job was lost."""

from huey import crontab

from extensions import db
from reviews.services.people import importing

from . import job, periodic_job


@job(retries=0)
def run_people_import(import_id: int) -> None:
    """Check or apply one import (its progress and outcome are kept on the import)."""
    importing.process(db.session, import_id)


@periodic_job(crontab(minute="*/2"))
def requeue_stalled_imports() -> int:
    """Queue again the imports whose job was lost, and mark failed those whose worker died."""
    queued = importing.stalled(db.session)
    db.session.commit()
    for import_id in queued:
        run_people_import(import_id)
    return len(queued)
