"""Invitations and password resets: single-use, expiring links to choose a password.

A link's token (``secrets.token_urlsafe(32)``) is mailed once and never stored: the database
holds its SHA-256, so a copy of the database opens nobody's account. Issuing a link voids
the person's older unused links of the same purpose; using one sets the password, marks it
used (once, even under two submits at the same moment) and ends every other session."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, insert, select, update

from extensions import db
from reviews.models import AccountLink, AuditEvent, LinkPurpose, User, utcnow
from reviews.services import DomainError, audit
from reviews.services.notifications import outbox
from reviews.services.people.auth import (
    check_password,
    find_user_by_email,
    hash_password,
    personal_words,
    void_links,
)

LINK_PATH = "/account/link/"  # + the token: the page of reviews.views.auth.links
NO_LINK = _l(
    "This link has expired or was already used. Ask for a new one: use “Forgot your"
    " password?” on the sign-in page, or ask your administrator."
)
NO_MAIL = _l(
    "E-mail is not set up on this server (MAIL_SERVER), so no link can be sent. Set a"
    " password on the person's page instead."
)


def token_hash(token: str) -> str:
    """What is stored of a token: its SHA-256, in hex."""
    return hashlib.sha256(token.encode()).hexdigest()


def _lifetime(purpose: LinkPurpose) -> timedelta:
    cfg = current_app.config
    if purpose is LinkPurpose.INVITE:
        return timedelta(days=cfg["INVITATION_DAYS"])
    return timedelta(hours=cfg["RESET_HOURS"])


def link_url(token: str) -> str:
    """The absolute address of a link, as mailed."""
    return current_app.config["BASE_URL"] + LINK_PATH + token


def _issue(users: list[User], purpose: LinkPurpose, actor: User | None) -> dict[int, str]:
    """New links for ``users`` in one INSERT (older unused ones voided); their tokens by
    person id."""
    now = utcnow()
    void_links([u.id for u in users], purpose.value)
    tokens = {u.id: secrets.token_urlsafe(32) for u in users}
    rows = [
        {
            "user_id": user_id,
            "purpose": purpose.value,
            "token_hash": token_hash(token),
            "created_at": now,
            "expires_at": now + _lifetime(purpose),
            "used_at": None,
            "created_by_id": actor.id if actor else None,
        }
        for user_id, token in tokens.items()
    ]
    db.session.execute(insert(AccountLink), rows)
    return tokens


def _email(user: User, purpose: LinkPurpose, token: str) -> dict:
    """The e-mail carrying a link, in the person's language."""
    params = {"name": user.name, "link": link_url(token)}
    with force_locale(user.locale):
        if purpose is LinkPurpose.INVITE:
            subject = str(_l("Welcome to Rapport: choose your password"))
            body = str(
                _l(
                    "Hello %(name)s,\n\nan account has been made for you in Rapport. Choose"
                    " your password here:\n\n%(link)s\n\nThe link works once, for %(days)d"
                    " days. If it has expired, ask your administrator for a new one.",
                    days=current_app.config["INVITATION_DAYS"],
                    **params,
                )
            )
        else:
            subject = str(_l("Rapport: choose a new password"))
            body = str(
                _l(
                    "Hello %(name)s,\n\nsomeone (we hope you) asked to reset your Rapport"
                    " password. Choose a new one here:\n\n%(link)s\n\nThe link works once,"
                    " for %(hours)d hours. If you did not ask, ignore this e-mail: your"
                    " password stays as it is.",
                    hours=current_app.config["RESET_HOURS"],
                    **params,
                )
            )
    return {"recipient": user.email, "subject": subject, "body": body, "secret": True}


def _require_mail() -> None:
    if not outbox.mail_enabled():
        raise DomainError({"": NO_MAIL})


def invite(actor: User, user: User) -> None:
    """Mail ``user`` an invitation to choose their password (committed by the caller)."""
    _require_mail()
    if not user.active:
        raise DomainError(
            {"": _l("%(name)s is deactivated: reactivate them first.", name=user.name)}
        )
    invite_many(actor, [user])


def invite_many(actor: User, users: list[User]) -> int:
    """Invite many people at once (after an import: thousands), each step one statement:
    their links, their e-mails and their audit entries. Returns how many were invited."""
    _require_mail()
    users = [u for u in users if u.active]
    if not users:
        return 0
    tokens = _issue(users, LinkPurpose.INVITE, actor)
    outbox.queue_many([_email(u, LinkPurpose.INVITE, tokens[u.id]) for u in users])
    now = utcnow()
    entries = [
        {
            "actor_id": actor.id,
            "action": "invitation_sent",
            "object_type": "users",
            "object_id": u.id,
            "before": None,
            "after": {"email": u.email},
            "created_at": now,
        }
        for u in users
    ]
    db.session.execute(insert(AuditEvent), entries)
    return len(users)


SEND_RESET = "send_reset_link"  # the job that looks the address up (reviews.jobs)


def request_reset(email: str) -> None:
    """Ask for a password-reset link for the address typed, to be looked up and mailed by a
    job after the commit: the request does the same work whether or not an account exists,
    so neither its answer nor its time tells."""
    outbox.later(SEND_RESET, (email or "").strip()[:254])


def send_reset(email: str) -> None:
    """Mail a password-reset link to the active person with this address (run by a job). An
    unknown or deactivated address gets nothing but an audit entry."""
    user = find_user_by_email(email or "")
    if user is None or not user.active or not outbox.mail_enabled():
        audit.record("password_reset_refused", "users", after={"email": email}, actor=None)
        return
    tokens = _issue([user], LinkPurpose.RESET, None)
    outbox.queue(**_email(user, LinkPurpose.RESET, tokens[user.id]))
    audit.record("password_reset_requested", user, actor=None)


def find_link(token: str) -> AccountLink | None:
    """The link this token opens, if it is unused, unexpired and for an active person.
    Looking at it changes nothing (mail scanners open links)."""
    if not token or len(token) > 100:
        return None
    wanted = token_hash(token)
    link = db.session.scalar(select(AccountLink).where(AccountLink.token_hash == wanted))
    if link is None:
        return None
    if link.used_at is not None or link.expires_at <= utcnow() or not link.user.active:
        return None
    return link


def redeem(token: str, new_password: str) -> User:
    """Set the password of the link's person and use the link up; every other session of
    theirs ends. Returns the person (whom the caller signs in, then commits)."""
    link = find_link(token)
    if link is None:
        raise DomainError({"": NO_LINK})
    user = link.user
    check_password(new_password, "password", personal_words(user))
    taken = db.session.execute(
        update(AccountLink)
        .where(AccountLink.id == link.id, AccountLink.used_at.is_(None))
        .values(used_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if taken.rowcount != 1:  # another submit of the same link got there first
        raise DomainError({"": NO_LINK})
    user.password_hash = hash_password(new_password)
    user.rotate_session_token()  # every other session of this person ends
    void_links([user.id])  # and every other link of theirs: the password is chosen
    action = "invitation_accepted" if link.purpose == LinkPurpose.INVITE else "password_reset"
    audit.record(action, user, actor=user)
    return user


# --- What the admin pages show -----------------------------------------------------------


@dataclass(frozen=True)
class InviteState:
    state: str  # "pending", "expired" or "used"
    sent_at: datetime


def invitation_states(user_ids: list[int]) -> dict[int, InviteState]:
    """The state of each person's latest invitation (people never invited are left out)."""
    if not user_ids:
        return {}
    latest = (
        select(AccountLink.user_id, func.max(AccountLink.id).label("id"))
        .where(AccountLink.user_id.in_(user_ids), AccountLink.purpose == LinkPurpose.INVITE.value)
        .group_by(AccountLink.user_id)
        .subquery()
    )
    links = db.session.scalars(select(AccountLink).join(latest, latest.c.id == AccountLink.id))
    now = utcnow()
    return {
        link.user_id: InviteState(
            "used" if link.used_at else "pending" if link.expires_at > now else "expired",
            link.created_at,
        )
        for link in links
    }


def _uninvited():
    """Active people without a password and without a pending invitation."""
    pending = select(AccountLink.user_id).where(
        AccountLink.purpose == LinkPurpose.INVITE.value,
        AccountLink.used_at.is_(None),
        AccountLink.expires_at > utcnow(),
    )
    return select(User).where(
        User.active.is_(True), User.password_hash.is_(None), User.id.not_in(pending)
    )


def uninvited_count() -> int:
    """How many people the bulk invitation would reach."""
    return db.session.scalar(select(func.count()).select_from(_uninvited().subquery())) or 0


def invite_uninvited(actor: User) -> int:
    """Invite every active person who has no password and no pending invitation."""
    return invite_many(actor, list(db.session.scalars(_uninvited())))
