"""Small builders for test data. Each commits, so the app sees the rows."""

import itertools
from datetime import date

from extensions import db
from reviews.models import Team, User
from reviews.services.cycles import setup as cycle_service
from reviews.services.people import accounts as people_service
from reviews.services.reviews import framework as framework_service

PASSWORD = "correct horse battery"
_seq = itertools.count(1)


def team(name: str | None = None) -> Team:
    t = Team(name=name or f"Team {next(_seq)}")
    db.session.add(t)
    db.session.commit()
    return t


def user(
    *roles: str,
    email: str | None = None,
    name: str | None = None,
    team: Team | None = None,
    manager: User | None = None,
    active: bool = True,
    password: str = PASSWORD,
) -> User:
    n = next(_seq)
    person = people_service.create_user(
        None,
        email=email or f"person{n}@example.com",
        name=name or f"Person {n}",
        roles=set(roles or ("staff",)),
        password=password,
        team=team,
        manager=manager,
        audited=False,
    )
    person.active = active
    db.session.commit()
    return person


def framework() -> None:
    framework_service.install_defaults()
    db.session.commit()


def cycle(name: str | None = None, start: date = date(2026, 10, 1)):
    framework()
    c = cycle_service.save_cycle(
        None,
        None,
        name=name or f"Cycle {next(_seq)}",
        period_start=start,
        period_end=date(start.year, start.month + 2, 28),
        self_deadline=date(start.year, start.month + 2, 10),
        review_deadline=date(start.year, start.month + 2, 24),
        show_self_to_manager=False,
    )
    db.session.commit()
    return c
