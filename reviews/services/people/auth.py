"""Passwords (argon2id) and sign-in."""

import re
from collections.abc import Iterable

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import joinedload
from zxcvbn import zxcvbn

from extensions import db
from reviews.models import AccountLink, User, utcnow
from reviews.services import DomainError, audit

MIN_PASSWORD_LENGTH = 10
# zxcvbn's score (0-4) a new password needs: 3 is "safely unguessable", which refuses the
# common passwords of its shipped lists (password123, qwertyuiop1) and a common word with a
# year or a digit tacked on (Summer2024!); the person's name and e-mail address count as
# common words too.
MIN_PASSWORD_SCORE = 3
ESTIMATE_LENGTH = 72  # zxcvbn's own limit: it estimates the start of a longer password

# A hash of a random password, verified when the email is unknown, so that an unknown
# account takes as long to refuse as a wrong password (no account enumeration by timing).
_dummy_hash: dict[tuple, str] = {}


def _hasher() -> PasswordHasher:
    cfg = current_app.config
    return PasswordHasher(
        time_cost=cfg["ARGON2_TIME_COST"],
        memory_cost=cfg["ARGON2_MEMORY_COST"],
        parallelism=cfg["ARGON2_PARALLELISM"],
        type=Type.ID,
    )


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(user: User | None, password: str) -> bool:
    hasher = _hasher()
    if user is None or not user.password_hash:
        key = (hasher.time_cost, hasher.memory_cost, hasher.parallelism)
        if key not in _dummy_hash:
            _dummy_hash[key] = hasher.hash("no such account, but take the same time")
        stored = _dummy_hash[key]
    else:
        stored = user.password_hash
    try:
        ok = hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False
    if ok and user is not None and hasher.check_needs_rehash(stored):
        user.password_hash = hasher.hash(password)  # saved with the sign-in (the caller commits)
    return ok and user is not None and bool(user.password_hash)


# Run on every request: built once, with the roles in the same statement.
_BY_TOKEN = (
    select(User)
    .where(User.session_token == bindparam("token"), User.active.is_(True))
    .options(joinedload(User.role_rows))
)


def user_for_session(session_token: str) -> User | None:
    """The active person a session belongs to. The session holds the person's current token,
    so a cookie from before a logout, password change or deactivation finds nobody."""
    if not session_token:
        return None
    return db.session.scalars(_BY_TOKEN, {"token": session_token}).unique().first()


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))


def authenticate(email: str, password: str) -> User | None:
    """The active user with these credentials, or None. Never says which part was wrong."""
    user = find_user_by_email(email)
    if not verify_password(user, password):
        return None
    if not user.active:
        return None
    return user


def record_failed_sign_in(email: str) -> None:
    """A refused sign-in in the audit trail: the address typed (trimmed, at most 254
    characters) and the person it names, if any — never the password."""
    typed = (email or "").strip()[:254]
    user = find_user_by_email(typed) if typed else None
    if user is None and "@" not in typed:
        typed = "(not an e-mail address)"  # it may be a password typed in the wrong box
    audit.record(
        "sign_in_failed", user if user is not None else "users", after={"email": typed}, actor=None
    )


def change_password(user: User, current: str, new: str) -> None:
    if not verify_password(user, current):
        raise DomainError({"current_password": _l("Your current password is not correct.")})
    set_password(user, user, new, field="new_password")


def check_password(new: str, field: str = "password", hints: Iterable[str] = ()) -> None:
    """Refuse a password that is short or easy to guess: common, a keyboard or date pattern,
    or made of ``hints`` (the person's name and e-mail address). Estimated offline by zxcvbn
    with its shipped frequency lists."""
    if len(new) < MIN_PASSWORD_LENGTH:
        raise DomainError({field: _l("Use at least %(n)d characters.", n=MIN_PASSWORD_LENGTH)})
    hints = [h.lower() for h in hints if h]
    words = hints + [w for hint in hints for w in re.split(r"\W+", hint) if w]
    if zxcvbn(new[:ESTIMATE_LENGTH], user_inputs=words)["score"] < MIN_PASSWORD_SCORE:
        raise DomainError(
            {
                field: _l(
                    "This password is too easy to guess: it is a common one or follows a"
                    " common pattern. A few unrelated words make a strong password."
                )
            }
        )


def personal_words(user: User) -> list[str]:
    """What a password should not be made of: the person's name and e-mail address."""
    return [user.name or "", user.email or "", "rapport"]


def set_password(actor: User | None, user: User, new: str, field: str = "password") -> None:
    """Give ``user`` a new password (``actor`` None: from the command line); every session of
    theirs ends. The caller commits."""
    check_password(new, field, personal_words(user))
    user.password_hash = hash_password(new)
    user.rotate_session_token()  # every other session of this person ends
    void_links([user.id])  # a reset or invitation link mailed earlier no longer opens it
    audit.record("password_changed", user, actor=actor)


def end_sessions(user: User) -> None:
    """Sign the person out everywhere: every cookie carrying the old token stops working.
    The caller commits."""
    user.rotate_session_token()


def void_links(user_ids: list[int], purpose: str | None = None) -> None:
    """Unused invitation and reset links (of ``purpose``, or all) of these people stop
    working: when a new one is issued, the password is set another way, the e-mail address
    the link went to is corrected, or the person is deactivated."""
    now = utcnow()
    query = update(AccountLink).where(
        AccountLink.user_id.in_(user_ids),
        AccountLink.used_at.is_(None),
        AccountLink.expires_at > now,
    )
    if purpose is not None:
        query = query.where(AccountLink.purpose == purpose)
    db.session.execute(query.values(expires_at=now).execution_options(synchronize_session=False))
