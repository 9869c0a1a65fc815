"""Rows for the ``seed-scale`` organisation planned by ``scale_org``: teams, accounts (with
the four fixed sign-in accounts of the demo), role assignments and reporting lines with their
history. Names mix English, Estonian and Slovenian, as the product's users do."""

import random
import secrets
import unicodedata
from collections import Counter
from datetime import date, datetime, time, timedelta

from .data import FIXED_ACCOUNTS
from .scale_org import Org, Person
from .timeline import Quarter

FIRST_NAMES = {
    "en": ("Emma", "Liam", "Olivia", "Noah", "Amelia", "Oliver", "Grace", "Jack", "Ava", "Harry"),
    "et": ("Kertu", "Rasmus", "Triin", "Mihkel", "Liis", "Tanel", "Grete", "Siim", "Kadri", "Jaan"),
    "sl": ("Ana", "Luka", "Maja", "Jure", "Nina", "Rok", "Urška", "Nejc", "Tina", "Žiga"),
}
LAST_NAMES = {
    "en": ("Walsh", "Brown", "Fischer", "Chen", "Nair", "Hassan", "Costa", "Berg", "Lind", "Moore"),
    "et": ("Tamm", "Sepp", "Mägi", "Kask", "Kukk", "Rebane", "Ilves", "Pärn", "Oja", "Raud"),
    "sl": (
        "Novak",
        "Horvat",
        "Kovačič",
        "Krajnc",
        "Zupančič",
        "Potočnik",
        "Kos",
        "Vidmar",
        "Golob",
    ),
}
LOCALE_WEIGHTS = {"en": 2, "et": 1, "sl": 1}
AREAS = (
    "Service Desk", "Application Support", "Student Services", "Field Support",
    "Network Operations", "Customer Care", "Front Office", "Library Help Desk",
    "Accounts and Access", "Classroom Technology", "Finance Systems Support", "HR Systems Support",
    "Research Computing", "Onboarding", "Facilities Help Desk", "Citizen Services",
    "Permits Desk", "Contact Centre", "Print and Devices", "Digital Learning Support",
)  # fmt: skip
PLACES = (
    "North", "South", "East", "West", "Central", "Tallinn", "Tartu", "Pärnu", "Narva",
    "Ljubljana", "Maribor", "Celje", "Koper", "Kranj", "Dublin", "Cork", "Galway", "Leeds",
    "York", "Bristol", "Old Town", "Harbour", "Riverside", "Science Park", "Medical Campus",
)  # fmt: skip
STAFF_TITLES = ("Service desk analyst", "Support specialist", "Senior support specialist",
                "Customer advisor", "Technician", "Systems analyst")  # fmt: skip

TEAM_COLUMNS = ("id", "name", "description", "active", "created_at")
USER_COLUMNS = ("id", "email", "name", "job_title", "password_hash", "locale", "active",
                "team_id", "session_token", "created_at")  # fmt: skip
ROLE_COLUMNS = ("user_id", "role")
LINE_COLUMNS = ("id", "employee_id", "manager_id", "starts_on", "ends_on", "created_at")


def team_rows(org: Org, since: datetime) -> list[tuple]:
    """Teams named by area and place; more than 500 teams get a number as well."""
    rows = []
    for team in org.teams:
        area, place = AREAS[(team - 1) % len(AREAS)], PLACES[(team - 1) // len(AREAS) % len(PLACES)]
        rounds = (team - 1) // (len(AREAS) * len(PLACES))
        name = f"{area} {place}" + (f" {rounds + 1}" if rounds else "")
        rows.append((team, name, f"{area} for {place}.", True, since))
    return rows


def user_rows(rng: random.Random, org: Org, password_hash: str, since: datetime) -> list[tuple]:
    """Every account, sharing one password hash (hashing 10,000 times would take minutes)."""
    fixed = {
        org.leaders[0]: (FIXED_ACCOUNTS["leader"], "Head of Services", None),
        org.admin: (FIXED_ACCOUNTS["admin"], "Systems administrator", None),
        org.manager_of[1]: (FIXED_ACCOUNTS["manager"], "Team lead", 1),
        org.fixed_staff: (FIXED_ACCOUNTS["staff"], STAFF_TITLES[0], 1),
    }
    accounts = [(leader, "Director of Services", None) for leader in org.leaders]
    accounts.append((org.admin, "Systems administrator", None))
    titles = {p.user_id: "Team lead" if p.manager else rng.choice(STAFF_TITLES) for p in org.people}
    accounts += [(p.user_id, titles[p.user_id], p.team) for p in org.people]
    taken: Counter[str] = Counter()
    rows = []
    for user_id, title, team in accounts:
        locale = rng.choices(list(LOCALE_WEIGHTS), weights=list(LOCALE_WEIGHTS.values()))[0]
        name = f"{rng.choice(FIRST_NAMES[locale])} {rng.choice(LAST_NAMES[locale])}"
        email, title, team = fixed.get(user_id) or (_email(name, taken), title, team)
        token = secrets.token_urlsafe(32)
        rows.append((user_id, email, name, title, password_hash, locale, True, team, token, since))
    return rows


def _email(name: str, taken: Counter[str]) -> str:
    """first.last@example.com, ASCII-folded, with a number from the second namesake on."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = ".".join(folded.lower().split())
    taken[base] += 1
    suffix = taken[base] if taken[base] > 1 else ""
    return f"{base}{suffix}@example.com"


def role_rows(org: Org) -> list[tuple]:
    """Leaders manage the team managers, so they hold "manager" too (as the app would give)."""
    rows = [(leader, role) for leader in org.leaders for role in ("leadership", "manager", "staff")]
    rows += [(org.admin, "admin"), (org.admin, "staff")]
    for person in org.people:
        rows += [(person.user_id, "manager")] if person.manager else []
        rows.append((person.user_id, "staff"))
    return rows


def line_rows(rng: random.Random, org: Org, quarters: list[Quarter]) -> list[tuple]:
    """Reporting lines: managers to their leader; staff to their team's manager, the line
    closing and a new one opening on the day they moved (before that quarter's reviews)."""
    rows = []
    start = quarters[0].start
    for person in org.people:
        hired = start - timedelta(days=rng.randint(30, 3000))
        changes = [(hired, team) for _, team in person.postings[:1]]
        changes += [(_moved_on(rng, quarters[q]), team) for q, team in person.postings[1:]]
        for number, (since, team) in enumerate(changes):
            until = changes[number + 1][0] if number + 1 < len(changes) else None
            boss = _boss(org, person, team)
            created = datetime.combine(since, time(9))
            rows.append((len(rows) + 1, person.user_id, boss, since, until, created))
    return rows


def _boss(org: Org, person: Person, team: int) -> int:
    return org.leader_of[team] if person.manager else org.manager_of[team]


def _moved_on(rng: random.Random, quarter: Quarter) -> date:
    """A day early in the quarter, well before its reviews open."""
    return quarter.start + timedelta(days=rng.randint(0, 20))
