"""Giving a recognition: to an active colleague (never oneself), for one or more active
framework competencies, with a short signed message; at most ``DAILY_LIMIT`` a day from one
person, so it cannot be used to flood anyone's inbox. The recipient and their current
manager are told (inbox and e-mail, sent by the job queue after the commit)."""

from datetime import timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import lazyload

from extensions import db
from reviews.models import Competency, Recognition, Team, User, utcnow
from reviews.services import DomainError, audit
from reviews.services.notifications.inbox import notify
from reviews.services.people.accounts import current_manager

MESSAGE_MIN, MESSAGE_MAX = 10, 500
DAILY_LIMIT = 10  # recognitions one person may give in any 24 hours
MAX_COMPETENCIES = 3


def active_competencies() -> list[Competency]:
    query = select(Competency).where(Competency.retired_at.is_(None))
    return list(db.session.scalars(query.order_by(Competency.position, Competency.id)))


def colleague_menu(actor: User) -> list[tuple[int, str]]:
    """(id, "Name — Team") of every active person but ``actor``, by name: the picker's
    options (plain rows: a menu of 10,000 people needs no ORM objects)."""
    query = (
        select(User.id, User.name, Team.name)
        .outerjoin(Team, Team.id == User.team_id)
        .where(User.active.is_(True), User.id != actor.id)
        .order_by(User.name, User.id)
    )
    return [
        (i, f"{name} — {team}" if team else name) for i, name, team in db.session.execute(query)
    ]


def given_today(actor: User) -> int:
    since = utcnow() - timedelta(days=1)
    query = select(func.count(Recognition.id)).where(
        Recognition.giver_id == actor.id, Recognition.created_at >= since
    )
    return db.session.scalar(query) or 0


def give(
    actor: User, recipient: User | None, competency_ids: list[int], message: str
) -> Recognition:
    """Record ``actor``'s recognition of ``recipient`` and tell them and their manager."""
    errors = {}
    message = (message or "").strip()
    if recipient is None or not recipient.active:
        errors["recipient"] = _l("Choose an active colleague.")
    elif recipient.id == actor.id:
        errors["recipient"] = _l("Recognise a colleague, not yourself.")
    chosen = _competencies(competency_ids)
    if not chosen:
        errors["competencies"] = _l("Choose at least one competency the recognition is for.")
    elif len(chosen) > MAX_COMPETENCIES:
        errors["competencies"] = _l("Choose at most %(n)d competencies.", n=MAX_COMPETENCIES)
    if not message:
        errors["message"] = _l("Write a few words about what they did.")
    elif len(message) < MESSAGE_MIN:
        errors["message"] = _l("Say a little more: at least %(n)d characters.", n=MESSAGE_MIN)
    elif len(message) > MESSAGE_MAX:
        errors["message"] = _l("Keep the message under %(n)d characters.", n=MESSAGE_MAX)
    if not errors and given_today(actor) >= DAILY_LIMIT:
        errors[""] = _l(
            "You have given %(n)d recognitions in the last 24 hours, the most there can be."
            " Please come back tomorrow.",
            n=DAILY_LIMIT,
        )
    if errors:
        raise DomainError(errors)
    recognition = Recognition(
        giver=actor,
        recipient=recipient,
        team_id=recipient.team_id,
        message=message,
        competencies=chosen,
    )
    db.session.add(recognition)
    db.session.flush()
    audit.record("recognition_given", recognition, actor=actor)
    notify(recipient, "recognition_received", url="/recognition/", giver=actor.name)
    manager = current_manager(recipient)
    if manager is not None and manager.id != actor.id and manager.active:
        notify(
            manager,
            "recognition_for_report",
            url="/recognition/reports",
            giver=actor.name,
            person=recipient.name,
        )
    return recognition


def _competencies(ids: list[int]) -> list[Competency]:
    wanted = sorted(set(ids or ()))
    if not wanted:
        return []
    query = select(Competency).where(Competency.id.in_(wanted), Competency.retired_at.is_(None))
    found = list(db.session.scalars(query.options(lazyload("*"))))
    if len(found) != len(wanted):
        raise DomainError({"competencies": _l("Choose competencies from the list.")})
    return sorted(found, key=lambda c: (c.position, c.id))
