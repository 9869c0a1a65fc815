"""What each person sees of procedures: what is waiting for them, their library, the
procedures they write, and — for those entitled to it — who is up to date, by name."""

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from extensions import db
from reviews import access
from reviews.models import (
    Procedure,
    ProcedureRequest,
    ProcedureStatus,
    ProcedureVersion,
    Team,
    User,
    procedure_teams,
)


@dataclass
class Waiting:
    """A version someone has been asked to confirm and has not yet."""

    procedure_id: int
    title: str
    number: int
    change_note: str
    due_on: date
    requested_at: datetime

    def overdue(self, today: date | None = None) -> bool:
        return (today or date.today()) > self.due_on


def waiting(user: User) -> list[Waiting]:
    """``user``'s unconfirmed procedures, the soonest due first."""
    query = (
        select(ProcedureRequest, ProcedureVersion)
        .join(ProcedureVersion, ProcedureVersion.id == ProcedureRequest.version_id)
        .where(
            ProcedureRequest.user_id == user.id,
            ProcedureRequest.closed_at.is_(None),
            ProcedureRequest.confirmed_at.is_(None),
        )
        .order_by(ProcedureRequest.due_on, ProcedureVersion.title)
    )
    return [
        Waiting(v.procedure_id, v.title, v.number, v.change_note, r.due_on, r.requested_at)
        for r, v in db.session.execute(query)
    ]


def _applies_to(user: User):
    """Procedures for everyone, or for ``user``'s team."""
    anyone = (
        ~select(procedure_teams.c.team_id)
        .where(procedure_teams.c.procedure_id == Procedure.id)
        .exists()
    )
    if user.team_id is None:
        return anyone
    mine = (
        select(procedure_teams.c.team_id)
        .where(
            procedure_teams.c.procedure_id == Procedure.id,
            procedure_teams.c.team_id == user.team_id,
        )
        .exists()
    )
    return or_(anyone, mine)


@dataclass
class Entry:
    procedure: Procedure
    confirmed_number: int | None  # the version they confirmed last, if any

    @property
    def up_to_date(self) -> bool:
        return self.confirmed_number == self.procedure.current_number


def library(user: User) -> list[Entry]:
    """The published procedures that apply to ``user``, by title, with what they confirmed."""
    query = (
        select(Procedure)
        .where(Procedure.status == ProcedureStatus.PUBLISHED, _applies_to(user))
        .options(selectinload(Procedure.teams), selectinload(Procedure.versions))
        .order_by(Procedure.title, Procedure.id)
    )
    procedures = list(db.session.scalars(query))
    confirmed = dict(
        db.session.execute(
            select(ProcedureRequest.procedure_id, ProcedureVersion.number)
            .join(ProcedureVersion, ProcedureVersion.id == ProcedureRequest.version_id)
            .where(
                ProcedureRequest.user_id == user.id,
                ProcedureRequest.confirmed_at.is_not(None),
            )
            .order_by(ProcedureVersion.number)
        ).all()
    )
    return [Entry(p, confirmed.get(p.id)) for p in procedures]


def written_by(user: User) -> list[Procedure]:
    """The procedures ``user`` may write (drafts and archived ones too), by title."""
    query = (
        select(Procedure)
        .options(selectinload(Procedure.teams), selectinload(Procedure.versions))
        .order_by(Procedure.status != ProcedureStatus.DRAFT, Procedure.title, Procedure.id)
    )
    return [p for p in db.session.scalars(query) if access.can_edit_procedure(user, p)]


@dataclass
class Confirmation:
    person: User
    team: str
    number: int
    due_on: date
    confirmed_at: datetime | None

    def overdue(self, today: date | None = None) -> bool:
        return self.confirmed_at is None and (today or date.today()) > self.due_on


def confirmations(viewer: User, procedure: Procedure) -> list[Confirmation] | None:
    """Who ``viewer`` may name among those asked to confirm the current version — their
    direct reports for a manager, everyone for leadership and admins — unconfirmed first;
    None when they may name nobody."""
    people = access.procedure_status_people(viewer)
    if people is None:
        return None
    ids = people.with_only_columns(User.id)
    query = (
        select(ProcedureRequest, ProcedureVersion, User, Team.name)
        .join(ProcedureVersion, ProcedureVersion.id == ProcedureRequest.version_id)
        .join(User, User.id == ProcedureRequest.user_id)
        .outerjoin(Team, Team.id == User.team_id)
        .where(
            ProcedureRequest.procedure_id == procedure.id,
            ProcedureRequest.closed_at.is_(None),
            ProcedureRequest.user_id.in_(ids),
        )
    )
    rows = [
        Confirmation(person, team or "", v.number, r.due_on, r.confirmed_at)
        for r, v, person, team in db.session.execute(query)
    ]
    return sorted(rows, key=lambda c: (c.confirmed_at is not None, c.team, c.person.name))


@dataclass
class Currency:
    """One person's standing: up to date when every procedure they were asked to confirm
    is confirmed in its current version."""

    asked: int = 0
    confirmed: int = 0
    missing: list[Waiting] = field(default_factory=list)

    @property
    def up_to_date(self) -> bool:
        return self.asked > 0 and self.confirmed == self.asked

    @property
    def share(self) -> float | None:
        return 100.0 * self.confirmed / self.asked if self.asked else None


def currency_of(user: User) -> Currency:
    query = select(ProcedureRequest.confirmed_at).where(
        ProcedureRequest.user_id == user.id, ProcedureRequest.closed_at.is_(None)
    )
    states = list(db.session.scalars(query))
    confirmed = sum(1 for s in states if s is not None)
    return Currency(len(states), confirmed, waiting(user) if confirmed < len(states) else [])


def review_summary(review) -> Currency:
    """What a review page shows of its employee: their currency and what they have not
    confirmed (to whoever sees that review)."""
    return currency_of(review.employee)


@dataclass
class TeamRow:
    person: User
    currency: Currency


def team_status(viewer: User, team: Team) -> list[TeamRow]:
    """The people of ``team`` whom ``viewer`` may name, each with their currency, those
    behind first."""
    people = access.procedure_status_people(viewer, team.id)
    if people is None:
        return []
    rows = [TeamRow(p, currency_of(p)) for p in db.session.scalars(people.order_by(User.name))]
    return sorted(rows, key=lambda r: (r.currency.up_to_date, r.person.name))


def status_teams(viewer: User) -> list[Team]:
    """The teams whose confirmations ``viewer`` may follow."""
    query = select(Team).where(Team.active.is_(True)).order_by(Team.name)
    if access.sees_all_teams(viewer):
        return list(db.session.scalars(query))
    ids = access.idea_team_scope(viewer) or set()
    return list(db.session.scalars(query.where(Team.id.in_(ids)))) if ids else []


def asked_count(procedure: Procedure) -> int:
    """How many people publishing now would ask (for the question before publishing)."""
    from .editing import audience

    return len(audience(procedure))
