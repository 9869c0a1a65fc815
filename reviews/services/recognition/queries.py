"""The lists of recognitions, each scoped to what the viewer may see (``reviews.access``):
received, given, the people one manages, a team's feed, and a person's on a review page."""

from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from extensions import db
from reviews import access
from reviews.models import Recognition, RecognitionSetting, Review, User
from reviews.models.recognition import recognition_list_loads

LIST_LIMIT = 200  # a list shows the newest; nobody reads further back on one page
FEED_DAYS = 90  # the team feed: what happened in the last three months


def _newest(query, limit: int = LIST_LIMIT) -> list[Recognition]:
    query = query.order_by(Recognition.created_at.desc(), Recognition.id.desc()).limit(limit)
    return list(db.session.scalars(query.options(*recognition_list_loads())))


def received(user: User) -> list[Recognition]:
    """What ``user`` received, hidden ones too (marked), never removed ones."""
    return _newest(
        select(Recognition).where(
            Recognition.recipient_id == user.id, Recognition.removed_at.is_(None)
        )
    )


def given(user: User) -> list[Recognition]:
    """What ``user`` gave, removed ones too: the giver sees that one was removed."""
    return _newest(select(Recognition).where(Recognition.giver_id == user.id))


def of_reports(user: User) -> list[Recognition]:
    """The recognitions of the people ``user`` manages now, that they have not hidden."""
    reports = access.current_reports_query(user)
    return _newest(
        select(Recognition).where(
            Recognition.recipient_id.in_(reports),
            Recognition.hidden.is_(False),
            Recognition.removed_at.is_(None),
        )
    )


def team_feed(user: User, team_id: int | None = None) -> list[Recognition]:
    """The feed of ``user``'s teams (or one of them): recent recognitions of people who chose
    to show theirs there, not hidden, not removed."""
    teams = access.feed_team_ids(user)
    if team_id is not None:
        teams &= {team_id}
    if not teams:
        return []
    opted = select(RecognitionSetting.user_id).where(RecognitionSetting.in_team_feed.is_(True))
    since = datetime.combine(date.today() - timedelta(days=FEED_DAYS), time())
    return _newest(
        select(Recognition).where(
            Recognition.team_id.in_(sorted(teams)),
            Recognition.recipient_id.in_(opted),
            Recognition.hidden.is_(False),
            Recognition.removed_at.is_(None),
            Recognition.created_at >= since,
        )
    )


def for_review(viewer: User, review: Review) -> list[Recognition]:
    """On a review page: what its employee received during the review's cycle, for those
    ``access.sees_review_recognitions`` allows (anyone else: an empty list) — hidden ones
    only to the employee and admins."""
    if not access.sees_review_recognitions(viewer, review):
        return []
    cycle = review.cycle
    starts = datetime.combine(cycle.period_start, time())
    ends = datetime.combine(cycle.period_end, time()) + timedelta(days=1)
    query = select(Recognition).where(
        Recognition.recipient_id == review.employee_id,
        Recognition.removed_at.is_(None),
        Recognition.created_at >= starts,
        Recognition.created_at < ends,
    )
    if viewer.id != review.employee_id and not viewer.has_role("admin"):
        query = query.where(Recognition.hidden.is_(False))
    return _newest(query, limit=50)
