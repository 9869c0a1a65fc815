"""Checking a file of people against Rapport without writing anything: every error (line,
column, reason) and, when there is none, who would be created, changed (which fields, old →
new) and left unchanged. What exists is loaded once (people, roles, reporting lines, teams),
so a file of thousands of people costs a handful of queries."""

import re
from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from extensions import db
from reviews.models import Locale, ReportingLine, Role, RoleAssignment, Team, User

from .csv_people import HEADER, LIMITS, ROLE_SEPARATOR, unescape

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
FIELDS = ("name", "team", "manager_email", "roles", "language")
DEFAULT_ROLES = ("staff",)
DEFAULT_LANGUAGE = "en"
Progress = Callable[[int, int], None]

# The reasons a row is refused, by code; the result keeps codes and values, and the page says
# them in the reader's language.
REASONS = {
    "cells": _l("The line has %(found)d cells; it needs 6."),
    "missing_name": _l("The name is missing."),
    "missing_email": _l("The e-mail address is missing."),
    "bad_email": _l("“%(value)s” is not an e-mail address."),
    "too_long": _l("Too long: at most %(max)d characters."),
    "duplicate": _l("This e-mail address is also on line %(line)d."),
    "unknown_team": _l("There is no team called “%(value)s”; add the team first."),
    "inactive_team": _l("The team “%(value)s” is inactive."),
    "unknown_manager": _l("“%(value)s” is neither in the file nor in Rapport."),
    "inactive_manager": _l("The manager “%(value)s” has been deactivated."),
    "own_manager": _l("A person cannot be their own manager."),
    "loop": _l("A manager loop: %(chain)s."),
    "unknown_role": _l("Unknown role “%(value)s”: use staff, manager, leadership or admin."),
    "unknown_language": _l("Unknown language “%(value)s”: use en, et or sl."),
    "deactivated": _l("This person is deactivated in Rapport: reactivate them or leave them out."),
    "own_admin": _l("You cannot remove your own admin role; another admin can."),
}


def reason(error: dict) -> str:
    """An error of a result, in the current language."""
    return str(REASONS[error["code"]]) % error.get("params", {})


@dataclass
class Known:
    """A person already in Rapport, as the file would describe them."""

    id: int
    active: bool
    values: dict  # the file's columns but email: name, team, manager_email, roles, language


def load_people() -> dict[str, Known]:
    """Everyone in Rapport by lower-case e-mail address, in three queries."""
    users = db.session.execute(
        select(
            User.id, User.email, User.name, User.locale, User.active, Team.name.label("team")
        ).outerjoin(Team, Team.id == User.team_id)
    ).all()
    emails = {u.id: u.email.lower() for u in users}
    roles: dict[int, set[str]] = {}
    for user_id, role in db.session.execute(select(RoleAssignment.user_id, RoleAssignment.role)):
        roles.setdefault(user_id, set()).add(role)
    lines = db.session.execute(
        select(ReportingLine.employee_id, ReportingLine.manager_id).where(
            ReportingLine.ends_on.is_(None)
        )
    )
    managers = {employee: emails[manager] for employee, manager in lines}
    return {
        emails[u.id]: Known(
            u.id,
            u.active,
            {
                "name": u.name,
                "team": u.team or "",
                "manager_email": managers.get(u.id, ""),
                "roles": ROLE_SEPARATOR.join(sorted(roles.get(u.id, ()))),
                "language": u.locale,
            },
        )
        for u in users
    }


def load_teams() -> dict[str, tuple[str, bool]]:
    """Teams by case-folded name: (the name as in Rapport, active)."""
    return {n.casefold(): (n, a) for n, a in db.session.execute(select(Team.name, Team.active))}


class Checker:
    """One pass over the rows; ``errors`` collects every problem found."""

    def __init__(self, actor_email: str | None):
        self.people = load_people()
        self.teams = load_teams()
        self.actor_email = (actor_email or "").lower()
        self.errors: list[dict] = []
        self.lines: dict[str, int] = {}  # e-mail → its line in the file
        self.rows: dict[str, dict] = {}  # e-mail → the row's values, as the file wants them

    def error(self, at: int, column: str, code: str, **params) -> None:
        self.errors.append({"line": at, "column": column, "code": code, "params": params})

    def read(self, line: int, cells: list[str]) -> None:
        """Check one row on its own (every column, whatever is wrong with another) and keep
        its values when its e-mail address can name a person."""
        if len(cells) != len(HEADER):
            self.error(line, "", "cells", found=len(cells))
            return
        row = {column: unescape(cell.strip()) for column, cell in zip(HEADER, cells, strict=True)}
        long = [column for column, value in row.items() if len(value) > LIMITS[column]]
        for column in long:
            self.error(line, column, "too_long", max=LIMITS[column])
        email = row.pop("email").lower()
        if not row["name"]:
            self.error(line, "name", "missing_name")
        named = self._email(line, email, "email" not in long)
        row["manager_email"] = row["manager_email"].lower()
        row["team"] = self._team(line, row["team"], email)
        row["roles"] = self._roles(line, row["roles"], email)
        row["language"] = self._language(line, row["language"])
        if named:
            self.lines[email] = line
            self.rows[email] = row

    def _email(self, line: int, email: str, short: bool) -> bool:
        """Whether ``email`` names a person once in the file (errors said otherwise)."""
        if not email:
            self.error(line, "email", "missing_email")
            return False
        if short and not EMAIL.match(email):
            self.error(line, "email", "bad_email", value=email)
        if email in self.lines:
            self.error(line, "email", "duplicate", line=self.lines[email])
        elif (known := self.people.get(email)) is not None and not known.active:
            self.error(line, "email", "deactivated")
        return short and bool(EMAIL.match(email)) and email not in self.lines

    def _team(self, line: int, name: str, email: str) -> str:
        """The team as Rapport spells it. An inactive one only for someone already in it (an
        export of a desk with a retired team imports back unchanged)."""
        if not name:
            return ""
        found = self.teams.get(name.casefold())
        if found is None:
            self.error(line, "team", "unknown_team", value=name)
            return name
        known = self.people.get(email)
        stays = known is not None and known.values["team"] == found[0]
        if not found[1] and not stays:
            self.error(line, "team", "inactive_team", value=found[0])
        return found[0]

    def _roles(self, line: int, cell: str, email: str) -> set[str]:
        words = {w.strip().lower() for w in cell.split(ROLE_SEPARATOR) if w.strip()}
        for word in sorted(words - set(Role)):
            self.error(line, "roles", "unknown_role", value=word)
        roles = (words & set(Role)) or set(DEFAULT_ROLES)
        if email == self.actor_email and "admin" not in roles:
            self.error(line, "roles", "own_admin")
        return roles

    def _language(self, line: int, cell: str) -> str:
        language = cell.lower() or DEFAULT_LANGUAGE
        if language not in set(Locale):
            self.error(line, "language", "unknown_language", value=cell)
        return language

    def check_managers(self) -> dict[str, str]:
        """Every manager named exists, is active, and no one ends up managing themselves;
        the reporting lines after the import (e-mail → manager's e-mail)."""
        after = {e: k.values["manager_email"] for e, k in self.people.items() if k.active}
        after = {e: m for e, m in after.items() if m and e not in self.rows}
        for email, row in self.rows.items():
            manager, line = row["manager_email"], self.lines[email]
            known = self.people.get(manager)
            if not manager:
                continue
            if manager == email:
                self.error(line, "manager_email", "own_manager")
            elif manager not in self.rows and known is None:
                self.error(line, "manager_email", "unknown_manager", value=manager)
            elif manager not in self.rows and not known.active and not self._kept(email, manager):
                self.error(line, "manager_email", "inactive_manager", value=manager)
            else:
                after[email] = manager
        for email, loop in loops(after).items():
            if email in self.rows:
                at = loop.index(email)  # the chain starts with the row's person
                chain = " → ".join([*loop[at:], *loop[:at], email])
                self.error(self.lines[email], "manager_email", "loop", chain=chain)
        return after

    def _kept(self, email: str, manager: str) -> bool:
        """Whether ``manager`` is already ``email``'s manager (kept even if deactivated)."""
        known = self.people.get(email)
        return known is not None and known.values["manager_email"] == manager


def loops(managers: dict[str, str]) -> dict[str, list[str]]:
    """The people on a loop of ``managers`` (person → manager), each with their loop."""
    done: set[str] = set()
    on_loop: dict[str, list[str]] = {}
    for start in managers:
        path: list[str] = []
        index: dict[str, int] = {}
        person = start
        while person and person not in done and person not in index:
            index[person] = len(path)
            path.append(person)
            person = managers.get(person, "")
        if person in index:
            loop = path[index[person] :]
            on_loop.update((p, loop) for p in loop)
        done.update(path)
    return on_loop


def check(
    rows: list[tuple[int, list[str]]], actor_email: str | None, progress: Progress | None = None
) -> dict:
    """The preview of importing ``rows`` (from ``csv_people.parse``) as ``actor_email``:
    ``errors`` (line, column, code, params), else who is ``created``, ``changed`` and
    ``unchanged``. Nothing is written."""
    checker = Checker(actor_email)
    for number, (line, cells) in enumerate(rows, 1):
        checker.read(line, cells)
        if progress and number % 250 == 0:
            progress(number, len(rows))
    after = checker.check_managers()
    managing = set(after.values())
    errors = sorted(checker.errors, key=lambda e: (e["line"], HEADER.index(e["column"] or "name")))
    result = {"errors": errors, "created": [], "changed": [], "unchanged": []}
    for email, row in checker.rows.items():
        if email in managing:
            row["roles"] = row["roles"] | {"manager"}
        row["roles"] = ROLE_SEPARATOR.join(sorted(row["roles"]))
        _sort(result, checker, email, row)
    result["counts"] = {k: len(result[k]) for k in ("errors", "created", "changed", "unchanged")}
    return result


def _sort(result: dict, checker: Checker, email: str, row: dict) -> None:
    """Put one row in created, changed (with each field's old and new value) or unchanged."""
    entry = {"line": checker.lines[email], "email": email, "name": row["name"]}
    known = checker.people.get(email)
    if known is None:
        result["created"].append({**entry, **row})
        return
    fields = {f: [known.values[f], row[f]] for f in FIELDS if known.values[f] != row[f]}
    if fields:
        result["changed"].append({**entry, "fields": fields})
    else:
        result["unchanged"].append(entry)
