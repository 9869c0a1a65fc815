"""Carrying action items into the next review. When a review is created for a person in a
newly opened cycle (or for someone added to the open cycle later), every item of their
previous review still open or in progress is copied into the new review — same description,
kind, owner, due date and competencies, ``carried_from`` the old item — and the old item
becomes CARRIED. The old one is then final, so opening, reopening or adding people again
never carries it twice; a copy not done by the next review is carried again from there.

The owner stays, unless they are no longer part of the review (the previous manager, after
the person changed manager): the new manager takes the item over."""

from sqlalchemy import and_, func, select
from sqlalchemy.orm import selectinload

from extensions import db
from reviews.models import ActionItem, Cycle, Review, User
from reviews.models.reviews import ActionStatus
from reviews.services.actions.status import LIVE, set_status

BATCH = 500  # people per query (the IN list of a large organisation's opening)


def _owner(item: ActionItem, old: Review, new_employee: int, new_manager: int) -> int | None:
    if item.owner_id in (new_employee, new_manager):
        return item.owner_id
    if item.owner_id is not None and item.owner_id == old.manager_id:
        return new_manager
    return None


def _copy(item: ActionItem, old: Review, review_id: int, employee: int, manager: int):
    return ActionItem(
        review_id=review_id,
        description=item.description,
        kind=item.kind,
        owner_id=_owner(item, old, employee, manager),
        due_on=item.due_on,
        status=item.status,
        competencies=list(item.competencies),
        carried_from_id=item.id,
        # a reminder already sent for the old item is not sent again for its copy
        reminded_soon_at=item.reminded_soon_at,
        reminded_overdue_at=item.reminded_overdue_at,
    )


def carry_over(actor: User | None, cycle: Cycle, employee_ids: list[int]) -> int:
    """Carry the open items of these people's previous reviews into their reviews of
    ``cycle``. Returns how many items were carried."""
    carried = 0
    for start in range(0, len(employee_ids), BATCH):
        carried += _carry_batch(actor, cycle, employee_ids[start : start + BATCH])
    return carried


def _carry_batch(actor: User | None, cycle: Cycle, people: list[int]) -> int:
    new = {
        employee: (review_id, manager)
        for review_id, employee, manager in db.session.execute(
            select(Review.id, Review.employee_id, Review.manager_id).where(
                Review.cycle_id == cycle.id, Review.employee_id.in_(people)
            )
        )
    }
    if not new:
        return 0
    latest = (
        select(Review.employee_id, func.max(Cycle.period_start).label("start"))
        .join(Cycle, Cycle.id == Review.cycle_id)
        .where(Review.employee_id.in_(list(new)), Cycle.period_start < cycle.period_start)
        .group_by(Review.employee_id)
        .subquery()
    )
    query = (
        select(ActionItem)
        .join(Review, Review.id == ActionItem.review_id)
        .join(Cycle, Cycle.id == Review.cycle_id)
        .join(
            latest,
            and_(latest.c.employee_id == Review.employee_id, latest.c.start == Cycle.period_start),
        )
        .where(ActionItem.status.in_([str(s) for s in LIVE]))
        .options(selectinload(ActionItem.competencies), selectinload(ActionItem.review))
        .order_by(ActionItem.id)
    )
    items = list(db.session.scalars(query))
    already = set(
        db.session.scalars(
            select(ActionItem.carried_from_id).where(
                ActionItem.carried_from_id.in_([i.id for i in items])
            )
        )
    )
    count = 0
    for item in items:
        review_id, manager = new[item.review.employee_id]
        if item.id not in already:
            db.session.add(_copy(item, item.review, review_id, item.review.employee_id, manager))
        set_status(actor, item, ActionStatus.CARRIED, carry=True)
        count += 1
    return count


def carry_item(actor: User | None, item: ActionItem, review: Review) -> ActionItem:
    """Carry one item of the person's previous review into ``review`` now (the manager's
    follow-up, for an item left open before carry-over existed)."""
    copy = _copy(item, item.review, review.id, review.employee_id, review.manager_id)
    review.action_items.append(copy)
    set_status(actor, item, ActionStatus.CARRIED, carry=True)
    return copy
