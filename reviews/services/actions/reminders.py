"""Due-date reminders for action items, meant to run daily (the ``remind_action_items`` job,
or ``flask --app app reviews remind``). The person who does the item — its owner, or the
review's employee when it has no owner — is told once when it is due within
``DUE_SOON_DAYS`` and once when it is overdue, in the inbox and by e-mail. Done, dropped and
carried items are never reminded of; running it again sends nothing new. A moved due date
(``editing.edit_item``) may be reminded of again."""

from collections import Counter
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from extensions import db
from reviews import access
from reviews.models import ActionItem, Review, User, utcnow
from reviews.services.actions.status import LIVE
from reviews.services.notifications.inbox import notify

DUE_SOON_DAYS = 7
URL = "/actions/"


def _recipient(item: ActionItem) -> User | None:
    """Who does the item, if they may see it: an employee sees their review's items once it
    is shared (a carried item at once)."""
    review = item.review
    person = item.owner or review.employee
    if person is None or not person.active:
        return None
    if person.id == review.employee_id and not access.employee_sees_action_item(item):
        return None
    return person


def send_reminders(today: date | None = None) -> dict[str, int]:
    today = today or date.today()
    query = (
        select(ActionItem)
        .join(Review, Review.id == ActionItem.review_id)
        .where(
            ActionItem.status.in_([str(s) for s in LIVE]),
            ActionItem.due_on.is_not(None),
            ActionItem.due_on <= today + timedelta(days=DUE_SOON_DAYS),
        )
        .options(
            joinedload(ActionItem.owner),
            joinedload(ActionItem.review).joinedload(Review.employee),
        )
        .order_by(ActionItem.id)
    )
    sent: Counter = Counter()
    now = utcnow()
    for item in db.session.scalars(query).unique():
        overdue = item.due_on < today
        if (item.reminded_overdue_at if overdue else item.reminded_soon_at) is not None:
            continue
        if not overdue and item.reminded_overdue_at is not None:
            continue
        person = _recipient(item)
        if person is None:
            continue
        kind = "action_overdue" if overdue else "action_due_soon"
        notify(
            person,
            kind,
            url=f"{URL}#item-{item.id}",
            action=item.description[:120],
            deadline=item.due_on.isoformat(),
        )
        if overdue:
            item.reminded_overdue_at = now
        else:
            item.reminded_soon_at = now
        sent[kind] += 1
    return dict(sent)
