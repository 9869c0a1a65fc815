"""The next day's batch announces anonymous ideas only (the fourth mutation run, issue 9:
``contributions.announce_anonymous_ideas`` 18). A named idea is announced when it comes; a
manager who submits one for their own team is not told of it, then or the next day."""

from datetime import timedelta

from sqlalchemy import select

from extensions import db
from reviews.models import Notification, utcnow
from reviews.services.ideas import contributions


def test_the_next_days_batch_leaves_named_ideas_alone(org):
    contributions.submit_idea(
        org.kadri,  # the Service Desk's only manager, for her own team
        title="Shared reply macros",
        description="Common answers kept as macros.",
        category="process",
        team=None,
        anonymous=False,
    )
    db.session.commit()
    assert contributions.announce_anonymous_ideas(utcnow() + timedelta(days=1)) == 0
    db.session.commit()
    told = select(Notification).where(
        Notification.user_id == org.kadri.id, Notification.kind == "idea_new"
    )
    assert db.session.scalars(told).all() == []
