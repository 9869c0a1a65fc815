"""The lists of action items: a person's own, a manager's (their current staff's items and
the items they own), a team's. Every list starts from what the reader may see
(``access.visible_action_items``) and is filtered by status, person and overdue."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import joinedload, selectinload

from extensions import db
from reviews.access import visible_action_items
from reviews.models import ActionItem, ReportingLine, Review, Team, User
from reviews.services.actions.status import LIVE

LIVE_FILTER, ALL_FILTER = "live", "all"  # still to do (the default) / every status


@dataclass(frozen=True)
class ListFilters:
    status: str = LIVE_FILTER  # LIVE_FILTER, ALL_FILTER or one ActionStatus
    person_id: int | None = None  # the review's employee
    overdue: bool = False


def is_overdue(item: ActionItem, today: date | None = None) -> bool:
    """Past its due date and still to do (the lists mark it, ``_listed`` filters by it)."""
    today = today or date.today()
    return item.due_on is not None and item.due_on < today and item.status in LIVE


def _loads() -> tuple:
    return (
        joinedload(ActionItem.review).joinedload(Review.cycle),
        joinedload(ActionItem.review).joinedload(Review.employee).lazyload(User.role_rows),
        joinedload(ActionItem.owner).lazyload(User.role_rows),
        selectinload(ActionItem.competencies),
        joinedload(ActionItem.carried_from).joinedload(ActionItem.review).joinedload(Review.cycle),
    )


def _listed(query: Select, filters: ListFilters, today: date | None = None) -> list[ActionItem]:
    today = today or date.today()
    if filters.status == LIVE_FILTER:
        query = query.where(ActionItem.status.in_([str(s) for s in LIVE]))
    elif filters.status != ALL_FILTER:
        query = query.where(ActionItem.status == filters.status)
    if filters.person_id is not None:
        query = query.where(Review.employee_id == filters.person_id)
    if filters.overdue:
        query = query.where(
            ActionItem.due_on < today, ActionItem.status.in_([str(s) for s in LIVE])
        )
    query = query.options(*_loads()).order_by(
        ActionItem.due_on.is_(None), ActionItem.due_on, ActionItem.id
    )
    return list(db.session.scalars(query).unique())


def my_items(user: User, filters: ListFilters = ListFilters()) -> list[ActionItem]:
    """Items of ``user``'s own reviews (once they may see them) and items they own."""
    query = visible_action_items(user).where(
        or_(Review.employee_id == user.id, ActionItem.owner_id == user.id)
    )
    return _listed(query, filters)


def current_staff(user: User) -> list[User]:
    """The people ``user`` manages now, by name."""
    query = (
        select(User)
        .join(ReportingLine, ReportingLine.employee_id == User.id)
        .where(ReportingLine.manager_id == user.id, ReportingLine.ends_on.is_(None))
        .order_by(User.name, User.id)
        .options(selectinload(User.role_rows))
    )
    return list(db.session.scalars(query).unique())


def staff_items(user: User, filters: ListFilters = ListFilters()) -> list[ActionItem]:
    """A manager's list: their current staff's items — whoever wrote the review, once the
    person sees it, and the drafts of the reviews they write themselves — and the items they
    own in others' reviews."""
    staff = select(ReportingLine.employee_id).where(
        ReportingLine.manager_id == user.id, ReportingLine.ends_on.is_(None)
    )
    query = visible_action_items(user).where(
        Review.employee_id != user.id,
        or_(Review.employee_id.in_(staff), ActionItem.owner_id == user.id),
    )
    return _listed(query, filters)


def team_items(user: User, team_id: int, filters: ListFilters = ListFilters()) -> list[ActionItem]:
    """A team's items (the team of the review), those ``user`` may see."""
    query = visible_action_items(user).where(Review.team_id == team_id)
    return _listed(query, filters)


def teams_to_choose(scope: set[int] | None) -> list[Team]:
    """The teams a team list may show: ``scope`` (None: every team), by name."""
    query = select(Team).order_by(Team.name, Team.id)
    if scope is not None:
        query = query.where(Team.id.in_(scope))
    return list(db.session.scalars(query))


def my_overdue(user: User, today: date | None = None) -> list[ActionItem]:
    """The overdue items that wait on ``user``: theirs to do (owned by them, or in their own
    review with no owner), for the home page's to-do list."""
    items = my_items(user, ListFilters(overdue=True))
    return [
        i
        for i in items
        if i.owner_id == user.id or (i.owner_id is None and i.review.employee_id == user.id)
    ]
