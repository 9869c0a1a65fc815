"""One small organisation for the tests, built through the real services (``tests.factories``).

    org = build_org()                    # the help desk below
    org = build_org(cycle="2026 Q4")     # ... with a cycle running today: everyone's review

The help desk: Kadri manages Mari and Jaan in the Service Desk; Olev manages Peeter in
Application Support; Liis is leadership (the managers' manager); Anu is admin. Each person is
an attribute named by their key — their first name in lower case, ``org.mari`` — and has the
e-mail ``<key>@example.com``; each team is an attribute by its key too (``org.desk``)."""

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from types import SimpleNamespace
from typing import NamedTuple

from extensions import db
from reviews.models import Cycle, Review, User
from reviews.services.cycles import flow as cycle_flow
from tests import factories


class TeamPlan(NamedTuple):
    """A team: its name, its manager's name and its staff (names, or key → name)."""

    name: str
    manager: str
    staff: Sequence[str] | Mapping[str, str]


HELP_DESK = {
    "desk": TeamPlan("Service Desk", "Kadri Kask", ("Mari Tamm", "Jaan Sepp")),
    "apps": TeamPlan("Application Support", "Olev Org", ("Peeter Pärn",)),
}


def key_of(name: str) -> str:
    return name.split()[0].lower()


def person(key: str, name: str, *roles: str, **kwargs) -> User:
    return factories.user(*roles, name=name, email=f"{key}@example.com", **kwargs)


def build_org(
    teams: Mapping[str, TeamPlan] = HELP_DESK,
    *,
    leader: str = "Liis Leader",
    admin: str = "Anu Admin",
    cycle: str | None = None,
) -> SimpleNamespace:
    """``teams`` (key → plan), one leader over their managers, an admin and, when ``cycle``
    names one, a cycle running today with a review for everyone who has a manager.

    Returns ``teams``, ``managers`` and ``people`` (the staff) by key, ``leader``, ``admin``,
    every team and person as an attribute, and ``cycle`` and ``reviews`` (by key) if asked."""
    org = SimpleNamespace(teams={key: factories.team(plan.name) for key, plan in teams.items()})
    org.leader = person(key_of(leader), leader, "leadership", "staff")
    org.managers = _managers(teams, org.teams, org.leader)
    org.people = _staff(teams, org.teams, org.managers)
    org.admin = person(key_of(admin), admin, "admin")
    vars(org).update(org.teams | org.managers | org.people)
    if cycle:
        org.cycle = open_cycle(cycle)
        everyone = {p.id: key for key, p in (org.managers | org.people).items()}
        org.reviews = {everyone[r.employee_id]: r for r in cycle_reviews(org.cycle)}
    return org


def _managers(plans, teams, leader) -> dict[str, User]:
    """Each team's manager, reporting to ``leader``; one manager may run several teams (their
    own team is the first)."""
    managers = {}
    for key, plan in plans.items():
        if key_of(plan.manager) not in managers:
            managers[key_of(plan.manager)] = person(
                key_of(plan.manager), plan.manager, "manager", "staff",
                team=teams[key], manager=leader,
            )  # fmt: skip
    return managers


def _staff(plans, teams, managers) -> dict[str, User]:
    people = {}
    for key, plan in plans.items():
        staff = plan.staff
        if not isinstance(staff, Mapping):
            staff = {key_of(name): name for name in staff}
        for person_key, name in staff.items():
            people[person_key] = person(
                person_key, name, "staff",
                team=teams[key], manager=managers[key_of(plan.manager)],
            )  # fmt: skip
    return people


def open_cycle(name: str = "2026 Q3") -> Cycle:
    """Open a cycle running today: one review for everyone who has a manager."""
    today = date.today()
    cycle = factories.cycle(name, start=date(today.year, 1, 1))
    cycle.period_start, cycle.period_end = today - timedelta(days=60), today + timedelta(days=30)
    cycle.self_deadline = today + timedelta(days=10)
    cycle.review_deadline = today + timedelta(days=20)
    cycle_flow.open_cycle(None, cycle)
    db.session.commit()
    return cycle


def cycle_reviews(cycle: Cycle) -> list[Review]:
    return db.session.query(Review).filter_by(cycle_id=cycle.id).all()


def review_of(cycle: Cycle, employee: User) -> Review:
    return db.session.query(Review).filter_by(cycle_id=cycle.id, employee_id=employee.id).one()
