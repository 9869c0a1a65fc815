"""A review after it is written: sharing, acknowledgement, suggestions, and the admin's
reassign and reopen. Each step is audited and tells the person it concerns."""

from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from extensions import db
from reviews import access
from reviews.models import Review, Team, User, utcnow
from reviews.models.reviews import ActionStatus
from reviews.services import DomainError, audit
from reviews.services.ideas.contributions import SubmittedIdea, submit_idea
from reviews.services.notifications.inbox import notify
from reviews.services.training.records import record_from_action


def _url(review: Review) -> str:
    return f"/reviews/{review.id}"


def self_part_settled(review: Review, today: date | None = None) -> bool:
    """The self-assessment is in, or its deadline has passed (a review need not wait
    forever for it)."""
    today = today or date.today()
    return review.self_submitted_at is not None or today > review.cycle.self_deadline


def share(review: Review, user: User, today: date | None = None) -> None:
    """The manager shares the finished review with the employee. Its training action items
    already done go on their training record now that they see them."""
    if not access.can_share(user, review):
        raise DomainError({"": _l("Submit your assessment before sharing the review.")})
    if not self_part_settled(review, today):
        raise DomainError(
            {
                "": _l(
                    "The self-assessment is not in yet. You can share once it is submitted "
                    "or after its deadline has passed."
                )
            }
        )
    review.shared_at = utcnow()
    audit.record("review_shared", review, actor=user)
    for item in review.action_items:
        if item.status == ActionStatus.DONE:
            record_from_action(user, item)
    notify(
        review.employee,
        "review_shared",
        url=_url(review),
        manager=user.name,
        cycle=review.cycle.name,
    )


def acknowledge(review: Review, user: User, *, comment: str, disagrees: bool) -> None:
    """The employee has read the review; after this it is read-only."""
    if not access.can_acknowledge(user, review):
        raise DomainError({"": _l("This review cannot be acknowledged now.")})
    if disagrees and not comment.strip():
        raise DomainError({"comment": _l("Say what you disagree with, so it can be discussed.")})
    review.employee_comment = comment.strip()
    review.employee_disagrees = disagrees
    review.acknowledged_at = utcnow()
    audit.record("review_acknowledged", review, after={"disagrees": disagrees}, actor=user)
    kind = "review_disagreed" if disagrees else "review_acknowledged"
    notify(review.manager, kind, url=_url(review), person=user.name, cycle=review.cycle.name)


def add_suggestion(
    review: Review, user: User, *, title: str, description: str, category: str, anonymous: bool
) -> SubmittedIdea:
    """The review's closing section: a suggestion for the team becomes an idea. Credited and
    linked to the review, or anonymous and linked to nothing."""
    if not access.can_add_suggestion(user, review):
        raise DomainError({"": _l("Suggestions can be added while the cycle is open.")})
    team = review.team or user.team
    return submit_idea(
        user,
        title=title,
        description=description,
        category=category,
        team=team if isinstance(team, Team) else None,
        anonymous=anonymous,
        review=review,
    )


def reassign(review: Review, user: User, new_manager: User) -> None:
    if not access.can_administer(user, review):
        raise DomainError({"": _l("Only an open cycle's reviews can be reassigned.")})
    if new_manager.id == review.employee_id:
        raise DomainError({"manager_id": _l("A person cannot review themselves.")})
    if not new_manager.active:
        raise DomainError({"manager_id": _l("The manager has been deactivated.")})
    before = {"manager": review.manager.name}
    review.manager = new_manager
    audit.record("review_reassigned", review, before, {"manager": new_manager.name}, actor=user)
    notify(
        new_manager,
        "manager_assessment_due",
        url=_url(review),
        person=review.employee.name,
        cycle=review.cycle.name,
        deadline=review.cycle.review_deadline.isoformat(),
    )


def reopen(review: Review, user: User) -> None:
    """Take a shared or acknowledged review back to the manager for changes."""
    if not access.can_administer(user, review):
        raise DomainError({"": _l("Only an open cycle's reviews can be reopened.")})
    if review.manager_submitted_at is None and review.shared_at is None:
        raise DomainError(
            {"": _l("This review is still being written; there is nothing to reopen.")}
        )
    before = {
        "shared_at": str(review.shared_at or ""),
        "acknowledged_at": str(review.acknowledged_at or ""),
        "manager_submitted_at": str(review.manager_submitted_at or ""),
    }
    review.shared_at = review.acknowledged_at = review.manager_submitted_at = None
    audit.record("review_reopened", review, before, {}, actor=user)


def reassign_candidates(review: Review) -> list[tuple[int, str]]:
    """Who can take a review over: any active person but its employee, by name, as (id, name)
    pairs (plain rows: the menu lists the whole organisation)."""
    query = (
        select(User.id, User.name)
        .where(User.active.is_(True), User.id != review.employee_id)
        .order_by(User.name, User.id)
    )
    return [tuple(row) for row in db.session.execute(query)]
