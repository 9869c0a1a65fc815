"""The demo organisation: teams, people with their roles, and reporting lines with history
(a move between teams a year ago, a leaver, recent joiners)."""

import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from extensions import db
from reviews.models import Team, User
from reviews.services.people import accounts as people_service

from .data import FIXED_ACCOUNTS, MOVE_AT, PEOPLE, ROLES_BY_KIND, TEAMS, PersonSpec
from .scores import Traits, make_traits
from .timeline import Quarter


@dataclass
class Person:
    """A demo person and their history; ``postings`` lists (from date, team key)."""

    user: User
    spec: PersonSpec
    hired: date
    traits: Traits
    left: date | None = None
    postings: list[tuple[date, str | None]] = field(default_factory=list)

    @property
    def first(self) -> str:
        return self.spec.name.split()[0]

    def employed_on(self, day: date) -> bool:
        return self.hired <= day and (self.left is None or day < self.left)

    def team_on(self, day: date) -> str | None:
        current = None
        for since, team in self.postings:
            if since <= day:
                current = team
        return current


@dataclass
class Org:
    teams: dict[str, Team]
    people: list[Person]
    managers: dict[str, Person]  # by team key
    fixed: dict[str, Person]  # "admin", "leader", "manager", "staff"

    def members_on(self, team: str, day: date) -> list[Person]:
        """Staff (not the manager) working in ``team`` on ``day``."""
        return [
            p
            for p in self.people
            if p.spec.role == "staff" and p.employed_on(day) and p.team_on(day) == team
        ]

    def review_line(self, person: Person, quarter: Quarter) -> tuple[Person, str] | None:
        """(manager, team key) for ``person``'s review in ``quarter``, or None: not reviewed."""
        day = quarter.opened_at.date()
        if person.spec.role in ("leader", "admin") or not person.employed_on(day):
            return None
        team = person.team_on(day)
        if person.spec.role == "manager":
            return self.fixed["leader"], team
        return self.managers[team], team


def email_for(spec: PersonSpec) -> str:
    """firstname.lastname@example.com with accents folded to ASCII."""
    if spec.email:
        return spec.email
    folded = unicodedata.normalize("NFKD", spec.name).encode("ascii", "ignore").decode()
    return ".".join(folded.lower().replace("'", "").split()) + "@example.com"


def _hire_date(rng: random.Random, spec: PersonSpec, quarters: list[Quarter]) -> date:
    if spec.joined is not None:
        return quarters[spec.joined].start + timedelta(days=rng.randint(0, 20))
    first_year = {"leader": 2012, "manager": 2014, "admin": 2015}.get(spec.role, 2017)
    latest = quarters[0].start - timedelta(days=90)
    span = (latest - date(first_year, 1, 1)).days
    return date(first_year, 1, 1) + timedelta(days=rng.randint(0, span))


def _person(rng, spec: PersonSpec, quarters, teams, password_hash: str) -> Person:
    """Create the account (no audit trail for seeded history) and its in-memory profile."""
    hired = _hire_date(rng, spec, quarters)
    user = people_service.create_user(
        None,
        email=email_for(spec),
        name=spec.name,
        roles=ROLES_BY_KIND[spec.role],
        team=teams.get(spec.team),
        job_title=spec.title,
        locale=spec.locale,
        audited=False,
    )
    user.password_hash = password_hash
    rollout = datetime.combine(quarters[0].start - timedelta(days=45), time(9, 0))
    user.created_at = max(rollout, datetime.combine(hired, time(8, 0)))
    senior = spec.role == "manager" or spec.title.startswith("Senior")
    traits = make_traits(rng, senior=senior, team=spec.team)
    postings = [(hired, spec.moved_from or spec.team)]
    if spec.moved_from:
        postings.append((quarters[MOVE_AT].start + timedelta(days=14), spec.team))
    return Person(user, spec, hired, traits, postings=postings)


def _report(person: Person, org: Org) -> None:
    """Open the reporting lines over time: the first manager, a move, a departure."""
    spec = person.spec
    if spec.role in ("leader", "admin"):
        return
    for since, team in person.postings:
        boss = org.fixed["leader"] if spec.role == "manager" else org.managers[team]
        people_service.set_manager(person.user, boss.user, on=since)
    if spec.left_after is not None:
        people_service.set_manager(person.user, None, on=person.left)
        people_service.deactivate(None, person.user, audited=False)


def build_org(rng: random.Random, quarters: list[Quarter], password_hash: str) -> Org:
    """Teams, then people, then reporting lines (managers report to the head of IT)."""
    teams = {t.key: Team(name=t.name, description=t.description) for t in TEAMS}
    db.session.add_all(teams.values())
    for team in teams.values():
        team.created_at = datetime.combine(quarters[0].start - timedelta(days=60), time(9))
    people = [_person(rng, spec, quarters, teams, password_hash) for spec in PEOPLE]
    for person in people:
        if person.spec.left_after is not None:
            last = quarters[person.spec.left_after]
            person.left = last.end + timedelta(days=rng.randint(20, 40))
    by_email = {p.user.email: p for p in people}
    org = Org(
        teams=teams,
        people=people,
        managers={p.spec.team: p for p in people if p.spec.role == "manager"},
        fixed={key: by_email[email] for key, email in FIXED_ACCOUNTS.items()},
    )
    for person in people:
        _report(person, org)
    db.session.flush()
    return org
