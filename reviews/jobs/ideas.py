"""The daily batch that tells team managers of the anonymous ideas submitted the day before
(reviews.services.ideas.contributions.announce_anonymous_ideas)."""

from huey import crontab

from extensions import db
from reviews.services.ideas import contributions

from . import periodic_job


@periodic_job(crontab(hour="6", minute="0"))
def announce_anonymous_ideas() -> int:
    count = contributions.announce_anonymous_ideas()
    db.session.commit()
    return count
