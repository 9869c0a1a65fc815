"""Erasing a departed person: pseudonymise (the default: they become "Former employee #n",
their reviews kept as pseudonymised records so every figure stays) or remove (their own
reviews, comments, support, recognitions and training deleted; the rating summaries follow
at the commit, as for any deleted review — ``reports.cache``).

``plan`` says what would change and writes nothing (the dry run); ``erase`` carries the
same plan out. Both leave anonymous ideas alone: they store no author, so nothing here reads
or counts them (``scrub``). The view or command owns the commit: one transaction."""

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, or_, select

from extensions import db
from reviews.models import User, utcnow
from reviews.services import DomainError, audit
from reviews.services.people.auth import end_sessions
from reviews.services.rights import retention, scrub
from reviews.services.rights.kinds import KINDS, REMOVED, Kind


class ErasureMode(StrEnum):
    PSEUDONYMISE = "pseudonymise"
    REMOVE = "remove"


def pseudonym(person: User) -> tuple[str, str]:
    """The name and the non-routable address a person becomes (.invalid never resolves)."""
    return f"Former employee #{person.id}", f"former-{person.id}@erased.invalid"


@dataclass
class Plan:
    """What an erasure does, counted per kind of record."""

    kept: dict[str, int] = field(default_factory=dict)
    removed: dict[str, int] = field(default_factory=dict)
    scrubbed: dict[str, int] = field(default_factory=dict)
    rewrites: list = field(default_factory=list)
    removals: list[Kind] = field(default_factory=list)

    def counts(self) -> dict[str, dict[str, int]]:
        """Numbers only (no names): what the audit entry and the dry run report."""
        return {"kept": self.kept, "removed": self.removed, "scrubbed": self.scrubbed}


def check(actor: User | None, person: User, asked_now: bool = False) -> None:
    """Refuse an erasure the rules do not allow (raises DomainError)."""
    if actor is not None and actor.id == person.id:
        raise DomainError({"": _l("You cannot erase your own data.")})
    if person.erased_at is not None:
        raise DomainError({"": _l("This person's data has already been erased.")})
    if person.active:
        raise DomainError({"": _l("Only a deactivated person's data can be erased.")})
    end = retention.retention_end(person)
    if end is not None and end > date.today() and not asked_now:
        raise DomainError(
            {
                "asked_now": _l(
                    "Their retention period has not ended yet. Tick the box only if they "
                    "asked for erasure themselves."
                )
            }
        )


def _count(kind: Kind, person: User) -> int:
    query = select(func.count()).select_from(kind.model).where(kind.where(person))
    return db.session.scalar(query) or 0


def plans(person: User) -> dict[ErasureMode, Plan]:
    """The dry run of both choices, from one count and one pass over the database."""
    found = scrub.scan(scrub.identity_of(person, *pseudonym(person)))
    counts = _counts(person)
    return {mode: plan(person, mode, found, counts) for mode in ErasureMode}


def _counts(person: User) -> dict[str, int]:
    return {kind.name: _count(kind, person) for kind in KINDS}


def plan(
    person: User, mode: ErasureMode, found: list | None = None, counts: dict | None = None
) -> Plan:
    """What erasing ``person`` in ``mode`` would change. Reads only: this is the dry run.
    ``found`` and ``counts``: the rows naming them and their records per kind, when already
    read (``plans``)."""
    result = Plan()
    counts = counts if counts is not None else _counts(person)
    leaving = {}
    for kind in KINDS:
        n = counts[kind.name]
        fate = kind.fate(mode == ErasureMode.REMOVE)
        if fate == REMOVED:
            result.removals.append(kind)
            previous = leaving.get(kind.table)
            condition = kind.where(person)
            leaving[kind.table] = condition if previous is None else or_(previous, condition)
        if n:
            (result.removed if fate == REMOVED else result.kept)[kind.name] = n
    if found is None:
        found = scrub.scan(scrub.identity_of(person, *pseudonym(person)))
    result.rewrites = scrub.without(found, leaving)
    for change in result.rewrites:
        result.scrubbed[change.table.name] = result.scrubbed.get(change.table.name, 0) + 1
    return result


def erase(actor: User | None, person: User, mode: ErasureMode, asked_now: bool = False) -> Plan:
    """Carry out the plan, in the caller's transaction; audited with counts only. Cannot be
    undone. ``actor`` None: the command line."""
    check(actor, person, asked_now)
    done = plan(person, mode)
    scrub.apply(done.rewrites)
    for kind in done.removals:
        kind.remove(person)
    name, email = pseudonym(person)
    person.name, person.email, person.job_title = name, email, ""
    person.password_hash = None
    person.set_roles([])
    person.erased_at = utcnow()
    end_sessions(person)
    db.session.flush()
    details = {"mode": str(mode), "asked_now": asked_now, **done.counts()}
    audit.record("person_erased", person, after=details, actor=actor)
    return done
