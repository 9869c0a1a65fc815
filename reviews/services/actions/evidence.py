"""What a person's action items offer their next review as evidence (``reviews.services.
reviews.evidence``): an item of their own reviews, agreed or done in the window, once per
competency it is tagged with (or once for the whole review, untagged).

Decided: an item counts on the day it was done when it is done (done_at), else on the day it
was agreed (created_at); carried items are left out (their copy in the next review stands for
them), and so are items of a review not yet shared with the person (the manager's draft)."""

from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from extensions import db
from reviews.models import ActionItem, Review
from reviews.models.reviews import ActionStatus
from reviews.services.reviews.evidence_item import Evidence

KIND = "action"


def evidence(person_id: int, since: datetime | None, until: datetime) -> list[Evidence]:
    query = (
        select(ActionItem)
        .join(Review, Review.id == ActionItem.review_id)
        .where(
            Review.employee_id == person_id,
            ActionItem.status != ActionStatus.CARRIED,
            or_(Review.shared_at.is_not(None), ActionItem.carried_from_id.is_not(None)),
        )
        .options(selectinload(ActionItem.competencies))
        .order_by(ActionItem.id)
    )
    found = []
    for item in db.session.scalars(query):
        when = (
            item.done_at if item.status == ActionStatus.DONE and item.done_at else item.created_at
        )
        if when >= until or (since is not None and when < since):
            continue
        tags = [c.id for c in item.competencies] or [None]
        found += [Evidence(tag, KIND, when.date(), item.description, item.id) for tag in tags]
    return found
