"""Writing a checked import: new people, changed fields and reporting lines, with an audit
entry per person and one for the import. Runs in the caller's transaction; the caller
commits it whole or rolls it all back."""

from datetime import date

from sqlalchemy import select

from extensions import db
from reviews.models import ReportingLine, Team, User
from reviews.services import audit

from .accounts import set_manager
from .csv_people import ROLE_SEPARATOR


def _roles(cell: str) -> set[str]:
    return set(cell.split(ROLE_SEPARATOR)) if cell else set()


def write(actor: User | None, filename: str, result: dict) -> None:
    """Apply a clean result of ``import_check.check`` (no errors, something to create or
    change: ``importing.ask_apply`` refuses a file that changes nothing)."""
    teams = {team.name: team for team in db.session.scalars(select(Team))}
    people = {user.email.lower(): user for user in db.session.scalars(select(User))}
    _create(actor, result["created"], teams, people)
    _change(actor, result["changed"], teams, people)
    _give_manager_role(result["created"], people)
    counts = {k: len(result[k]) for k in ("created", "changed", "unchanged")}
    audit.record("people_imported", "users", after={"file": filename, **counts}, actor=actor)


def _create(actor, rows: list[dict], teams: dict, people: dict) -> None:
    """New people (without a password: they are invited separately) and their managers."""
    new = []
    for row in rows:
        user = User(
            email=row["email"], name=row["name"], locale=row["language"],
            team=teams.get(row["team"]), password_hash=None,
        )  # fmt: skip
        user.set_roles(_roles(row["roles"]))
        people[row["email"]] = user
        new.append(user)
    db.session.add_all(new)
    db.session.flush()
    today = date.today()
    db.session.add_all(
        ReportingLine(
            employee=people[r["email"]], manager=people[r["manager_email"]], starts_on=today
        )
        for r in rows
        if r["manager_email"]
    )
    db.session.flush()
    for row, user in zip(rows, new, strict=True):
        after = {
            "name": user.name, "email": user.email, "job_title": "", "locale": user.locale,
            "active": True, "team_id": user.team_id, "roles": sorted(user.roles),
            "manager_id": people[row["manager_email"]].id if row["manager_email"] else None,
        }  # fmt: skip
        audit.record("user_created", user, after=after, actor=actor)


AUDIT_KEYS = {"name": "name", "team": "team_id", "manager_email": "manager_id"}
AUDIT_KEYS |= {"roles": "roles", "language": "locale"}


def _audit_value(field: str, value: str, teams: dict, people: dict):
    if field == "team":
        return teams[value].id if value else None
    if field == "manager_email":
        return people[value].id if value else None
    if field == "roles":
        return sorted(_roles(value))
    return value


def _change(actor, rows: list[dict], teams: dict, people: dict) -> None:
    """Changed fields; reporting lines are first closed for everyone whose manager changes,
    so that a swap (A now manages B, who managed A) is never a loop half way."""
    moving = [r for r in rows if "manager_email" in r["fields"]]
    for row in moving:
        if row["fields"]["manager_email"][0]:
            set_manager(people[row["email"]], None)
    for row in rows:
        user, fields = people[row["email"]], row["fields"]
        if "name" in fields:
            user.name = fields["name"][1]
        if "team" in fields:
            user.team = teams.get(fields["team"][1])
        if "language" in fields:
            user.locale = fields["language"][1]
        if "roles" in fields:
            user.set_roles(_roles(fields["roles"][1]))
        if "manager_email" in fields and (manager := fields["manager_email"][1]):
            set_manager(user, people[manager])
        before, after = {}, {}
        for field, (old, new) in fields.items():
            before[AUDIT_KEYS[field]] = _audit_value(field, old, teams, people)
            after[AUDIT_KEYS[field]] = _audit_value(field, new, teams, people)
        audit.record("user_updated", user, before=before, after=after, actor=actor)
    db.session.flush()


def _give_manager_role(rows: list[dict], people: dict) -> None:
    """A manager of a new person who is not in the file gets the manager role, as when an
    admin picks them as a manager on the person form (``set_manager``)."""
    for email in {r["manager_email"] for r in rows if r["manager_email"]}:
        manager = people[email]
        if not manager.has_role("manager"):
            manager.set_roles(manager.roles | {"manager"})
