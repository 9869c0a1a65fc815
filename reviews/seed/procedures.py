"""The demo's procedures and their confirmation history: six published procedures (two to
three versions each, one in Estonian, one in Slovenian) and one draft, with the requests a
publication makes, confirmed by most people within days, by some late, by a few not yet —
so the currency chart has a shape and a few people are behind."""

import random
from datetime import date, datetime, time, timedelta

from extensions import db
from reviews.models import (
    Notification,
    Procedure,
    ProcedureRequest,
    ProcedureStatus,
    ProcedureVersion,
)

from .org import Org, Person
from .procedure_texts import DRAFT, PROCEDURES

DUE_DAYS = 14
NEVER = 0.03  # the share of a past version's requests never confirmed before the next one


def build_procedures(rng: random.Random, org: Org, now: datetime) -> list[Procedure]:
    today = now.date()
    built = []
    for spec in PROCEDURES:
        owner = _owner(org, spec.owner)
        procedure = Procedure(
            title=spec.versions[-1].title,
            body=spec.draft or spec.versions[-1].body,
            owner=owner.user,
            status=ProcedureStatus.PUBLISHED,
            current_number=len(spec.versions),
            teams=[org.teams[key] for key in spec.teams],
            created_at=_at(today - timedelta(days=spec.versions[0].days_ago + 3), 10),
        )
        db.session.add(procedure)
        versions = []
        for number, v in enumerate(spec.versions, start=1):
            published = _at(today - timedelta(days=v.days_ago), 9, rng.randint(0, 50))
            versions.append(
                ProcedureVersion(
                    procedure=procedure, number=number, title=v.title, body=v.body,
                    change_note=v.change_note, published_at=published, publisher=owner.user,
                    due_on=published.date() + timedelta(days=DUE_DAYS),
                )
            )  # fmt: skip
        db.session.add_all(versions)
        db.session.flush()
        _history(rng, org, procedure, spec.teams, versions, now)
        built.append(procedure)
    team, teams, title, body = DRAFT
    draft = Procedure(
        title=title, body=body, owner=org.managers[team].user, status=ProcedureStatus.DRAFT,
        teams=[org.teams[key] for key in teams], created_at=now - timedelta(days=2),
    )  # fmt: skip
    db.session.add(draft)
    return built


def _owner(org: Org, key: str) -> Person:
    return org.fixed["leader"] if key == "leader" else org.managers[key]


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


def _applies(person: Person, teams: tuple[str, ...], day: date) -> bool:
    return person.employed_on(day) and (not teams or person.team_on(day) in teams)


def _history(rng, org: Org, procedure, teams, versions, now: datetime) -> None:
    """Each version's requests: everyone it applied to when published, and anyone who joined
    before the next version (asked from their first day, with two weeks to confirm)."""
    for index, version in enumerate(versions):
        start = version.published_at
        end = versions[index + 1].published_at if index + 1 < len(versions) else now
        latest = index + 1 == len(versions)
        for person in org.people:
            asked_at = start
            if not _applies(person, teams, start.date()):
                first = _at(person.hired, 9)
                if not (start < first < end and _applies(person, teams, person.hired)):
                    continue
                asked_at = first
            due = max(version.due_on, asked_at.date() + timedelta(days=DUE_DAYS))
            confirmed = _confirmed(rng, person, asked_at, end, latest, now)
            left = _at(person.left, 9) if person.left else None
            closed = None if latest else end
            if left is not None and left < (closed or now):
                closed = left
                confirmed = confirmed if confirmed and confirmed < left else None
            db.session.add(
                ProcedureRequest(
                    procedure_id=procedure.id, version_id=version.id, user_id=person.user.id,
                    team_id=org.teams[person.team_on(asked_at.date())].id
                    if person.team_on(asked_at.date()) else None,
                    requested_at=asked_at, due_on=due, confirmed_at=confirmed, closed_at=closed,
                )
            )  # fmt: skip
            if latest and confirmed is None and closed is None and now - asked_at < timedelta(30):
                db.session.add(
                    Notification(
                        user_id=person.user.id, kind="procedure_published",
                        url=f"/procedures/{procedure.id}", created_at=asked_at,
                        params={"title": version.title, "version": version.number,
                                "deadline": due.isoformat()},
                    )
                )  # fmt: skip


def _confirmed(rng, person: Person, asked: datetime, end: datetime, latest: bool, now):
    """When ``person`` confirmed: most within a few days, some after the due date, a few
    never. The demo staff account has the newest versions still to read."""
    if latest and person.user.email == "staff@example.com" and now - asked < timedelta(days=30):
        return None
    if rng.random() < NEVER:
        return None
    days = rng.choice([0, 0, 0, 1, 1, 1, 2, 2, 3, 4, 6, 9, 14, 21])
    when = asked + timedelta(days=days, hours=rng.randint(1, 7), minutes=rng.randint(0, 59))
    return when if when < min(end, now) else None
