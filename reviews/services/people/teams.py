"""Teams: creating and editing them, and who manages them. A team's managers are the
people who currently manage its staff (not the people above its team lead)."""

from collections import defaultdict
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from extensions import db
from reviews.access import team_lines
from reviews.models import Team, User
from reviews.services import DomainError, audit, name_taken


def save_team(
    actor: User | None, team: Team | None, *, name: str, description: str, active: bool
) -> Team:
    """Create a team (``team`` None) or edit one, as ``actor``; names are unique."""
    name = name.strip()
    if name_taken(Team, name, team.id if team is not None else None):
        raise DomainError({"name": _l("A team with this name already exists.")})
    creating = team is None
    team = team or Team()
    before = {"name": team.name, "description": team.description, "active": team.active}
    team.name, team.description, team.active = name, description.strip(), active
    db.session.add(team)
    db.session.flush()
    after = {"name": team.name, "description": team.description, "active": team.active}
    if creating:
        audit.record("team_created", team, after=after, actor=actor)
    else:
        old, new = audit.changes(before, after)
        if new:
            audit.record("team_updated", team, before=old, after=new, actor=actor)
    return team


# Administration: the people and team lists, and the admin's edits ----------------------------


def active_teams(keep: Team | None = None) -> list[Team]:
    """Teams a person can be put in: the active ones, plus ``keep`` (their current team)."""
    teams = list(db.session.scalars(select(Team).where(Team.active.is_(True)).order_by(Team.name)))
    if keep is not None and keep not in teams:
        teams.append(keep)
    return teams


@dataclass
class TeamRow:
    team: Team
    members: int
    managers: list[User]


def team_rows() -> list[TeamRow]:
    """Every team with its number of active members and its managers (those who manage its
    staff, as ``team_managers`` says)."""
    teams = db.session.scalars(select(Team).order_by(Team.active.desc(), Team.name))
    counts = dict(
        db.session.execute(
            select(User.team_id, func.count(User.id))
            .where(User.active.is_(True), User.team_id.is_not(None))
            .group_by(User.team_id)
        ).all()
    )
    managers: dict[int, list[User]] = defaultdict(list)
    lines = team_lines().subquery()
    query = (
        select(lines.c.team_id, User)
        .join(lines, lines.c.manager_id == User.id)
        .where(User.active.is_(True))
        .distinct()
        .order_by(User.name, User.id)
    )
    for team_id, person in db.session.execute(query):
        managers[team_id].append(person)
    return [TeamRow(t, counts.get(t.id, 0), managers.get(t.id, [])) for t in teams]


def all_teams() -> list:
    """Every team's id and name, by name (plain rows: a menu of 500 teams needs no ORM
    objects)."""
    return list(db.session.execute(select(Team.id, Team.name).order_by(Team.name)))


def team_managers(team: Team) -> list[User]:
    """Active people who currently manage the staff of ``team``."""
    lines = team_lines().subquery()
    query = (
        select(User)
        .join(lines, lines.c.manager_id == User.id)
        .where(lines.c.team_id == team.id, User.active.is_(True))
        .distinct()
        .order_by(User.name)
    )
    return list(db.session.scalars(query))
