"""What each role's home page summarises. Read-only queries, scoped by the caller."""

from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import contains_eager, joinedload, lazyload, selectinload

from extensions import db
from reviews.access import managed_team_ids
from reviews.models import Cycle, Idea, Review, Team, User
from reviews.models.ideas import OPEN_STATUSES
from reviews.services.ideas.queries import waiting_counts
from reviews.services.people.accounts import direct_reports

_LATEST_CYCLE = (
    select(Cycle)
    .order_by(
        case((Cycle.status == "open", 0), else_=1), Cycle.period_start.desc(), Cycle.id.desc()
    )
    .limit(1)
)


def latest_cycle() -> Cycle | None:
    """The open cycle, else the most recent one (in one statement, built once: every home
    page asks)."""
    return db.session.scalar(_LATEST_CYCLE)


def _person(relationship):
    """Load the person behind ``relationship`` in the same SELECT, without their roles (a
    name on a list needs none): no extra statement per list."""
    return joinedload(relationship).options(lazyload(User.role_rows))


def my_reviews(user: User, limit: int = 8) -> list[Review]:
    """The person's latest reviews with their cycle and manager, in one statement."""
    query = (
        select(Review)
        .join(Cycle)
        .where(Review.employee_id == user.id)
        .order_by(Cycle.period_start.desc())
        .limit(limit)
        .options(contains_eager(Review.cycle), _person(Review.manager))
    )
    return list(db.session.scalars(query))


def my_ideas(user: User, limit: int = 8) -> list[Idea]:
    query = (
        select(Idea).where(Idea.author_id == user.id).order_by(Idea.created_at.desc()).limit(limit)
    )
    return list(db.session.scalars(query))


@dataclass
class TeamRow:
    person: User
    review: Review | None


def my_team(manager: User, cycle: Cycle | None) -> list[TeamRow]:
    """The manager's direct reports with their review in ``cycle`` (if any)."""
    people = direct_reports(manager)
    reviews = {}
    if cycle is not None and people:
        query = select(Review).where(
            Review.cycle_id == cycle.id, Review.employee_id.in_([p.id for p in people])
        )
        reviews = {r.employee_id: r for r in db.session.scalars(query)}
    return [TeamRow(person=p, review=reviews.get(p.id)) for p in people]


@dataclass
class IdeasWaiting:
    """A manager's teams' ideas without a first response, and how many are past due."""

    waiting: int
    flagged: int

    def __bool__(self) -> bool:
        return self.waiting > 0


def team_ideas_waiting(manager: User) -> IdeasWaiting:
    """Ideas of the manager's teams still waiting for a first response (and of those, the
    ones past the configured response time), as counted on the triage page."""
    return IdeasWaiting(*waiting_counts(managed_team_ids(manager)))


@dataclass
class OrgSummary:
    people: int
    teams: int
    cycles: int
    cycle: Cycle | None
    reviews_in_cycle: int
    acknowledged_in_cycle: int
    ideas_open: int
    ideas_implemented: int


def _count(model, *conditions):
    return select(func.count(model.id)).where(*conditions).scalar_subquery()


def org_summary(cycle: Cycle | None = None) -> OrgSummary:
    """The organisation's numbers for ``cycle`` (the latest one if not given), counted in
    one statement."""
    cycle = cycle or latest_cycle()
    cycle_id = cycle.id if cycle is not None else None
    in_cycle = Review.cycle_id == cycle_id
    counts = db.session.execute(
        select(
            _count(User, User.active.is_(True)),
            _count(Team, Team.active.is_(True)),
            _count(Cycle),
            _count(Review, in_cycle),
            _count(Review, in_cycle, Review.acknowledged_at.is_not(None)),
            _count(Idea, Idea.status.in_(OPEN_STATUSES)),
            _count(Idea, Idea.status == "implemented"),
        )
    ).one()
    people, teams, cycles, reviews_in_cycle, acknowledged, ideas_open, implemented = counts
    return OrgSummary(
        people=people,
        teams=teams,
        cycles=cycles,
        cycle=cycle,
        reviews_in_cycle=reviews_in_cycle,
        acknowledged_in_cycle=acknowledged,
        ideas_open=ideas_open,
        ideas_implemented=implemented,
    )


def admin_summary() -> dict[str, int]:
    count = lambda query: db.session.scalar(query) or 0  # noqa: E731
    return {
        "active_people": count(select(func.count(User.id)).where(User.active.is_(True))),
        "inactive_people": count(select(func.count(User.id)).where(User.active.is_(False))),
        "teams": count(select(func.count(Team.id))),
        "cycles": count(select(func.count(Cycle.id))),
    }


@dataclass
class Todo:
    kind: str  # "self", "assess", "share", "acknowledge"
    review: Review
    overdue: bool


def todos(user: User, cycle: Cycle | None) -> list[Todo]:
    """What ``user`` has to do in the open cycle, most urgent first."""
    from reviews.services.cycles.flow import is_overdue
    from reviews.services.reviews.flow import self_part_settled

    if cycle is None or cycle.status != "open":
        return []
    query = (
        select(Review)
        .where(
            Review.cycle_id == cycle.id,
            (Review.employee_id == user.id) | (Review.manager_id == user.id),
        )
        .options(_person(Review.employee), selectinload(Review.ratings))
    )
    items = []
    for review in db.session.scalars(query):
        late = is_overdue(review)
        if review.employee_id == user.id:
            if review.self_submitted_at is None and review.shared_at is None:
                items.append(Todo("self", review, late))
            elif review.shared_at and review.acknowledged_at is None:
                items.append(Todo("acknowledge", review, False))
        elif review.manager_submitted_at is None:
            items.append(Todo("assess", review, late))
        elif review.shared_at is None and self_part_settled(review):
            items.append(Todo("share", review, False))
    return sorted(items, key=lambda t: (not t.overdue, t.kind, t.review.employee.name))
