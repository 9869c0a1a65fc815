"""The daily batch that tells team managers of the anonymous ideas submitted the day before
(reviews.services.ideas.contributions.announce_anonymous_ideas)."""

from huey import crontab

from extensions import db, huey
from reviews.services.ideas import contributions

from . import periodic_job


@periodic_job(crontab(hour="6", minute="0"))
def announce_anonymous_ideas() -> int:
    """One batch at a time, whichever worker's scheduler fires it: each worker host runs its
    own, and without the lock two could announce the same idea twice."""
    with huey.lock_task("announce-anonymous-ideas"):
        count = contributions.announce_anonymous_ideas()
        db.session.commit()
    return count
