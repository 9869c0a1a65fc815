"""The fan-out after a cycle opens (or gains people): notifications and e-mails for a batch
of reviews, written in bulk."""

from extensions import db
from reviews.services.cycles import flow as cycle_flow

from . import job


@job(retries=3, retry_delay=30)
def notify_opened_reviews(cycle_id: int, employee_ids: list[int]) -> int:
    """Notify these people and their managers about their new reviews (a retry notifies
    nobody twice). The e-mails are queued once this commits."""
    added = cycle_flow.notify_opened_reviews(cycle_id, employee_ids)
    db.session.commit()
    return added
