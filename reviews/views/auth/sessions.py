"""Session limits: a signed-in session ends after ``SESSION_IDLE_MINUTES`` without a request
and ``SESSION_MAX_HOURS`` after sign-in, however busy it is.

The server decides, on every request: the session (signed with ``SECRET_KEY``, so the browser
cannot change it) carries when it started and when it was last seen, and a session past either
limit is ended before the view runs. Nothing depends on the browser dropping an expired cookie:
a copy of an old cookie carries its old times and is refused the same way."""

import time

from flask import current_app, flash, session
from flask_babel import gettext as _
from flask_login import logout_user, user_logged_in

from . import bp

STARTED, SEEN = "_started", "_seen"
# The last-seen time is written back at most this often (seconds), so a page's many requests
# do not each send a new cookie; the idle limit is kept to within this much.
SEEN_RESOLUTION = 30


def _now() -> int:
    return int(time.time())


def start(sender=None, **extra) -> None:
    """On every sign-in (and on a password change, which asks for the password again): the
    session's clock starts now."""
    session[STARTED] = session[SEEN] = _now()


def expired(now: int) -> bool:
    """Whether this session is past its idle or absolute limit (or carries no times: a
    session from before the limits, which is not trusted either)."""
    started, seen = session.get(STARTED), session.get(SEEN)
    if not isinstance(started, int) or not isinstance(seen, int):
        return True
    cfg = current_app.config
    idle = now - seen > cfg["SESSION_IDLE_MINUTES"] * 60
    too_old = now - started > cfg["SESSION_MAX_HOURS"] * 3600
    return idle or too_old


@bp.before_app_request
def end_expired_session() -> None:
    """Before every view: end a session past its limits (the person is then anonymous, and
    a page that needs sign-in sends them to it), else note that it was seen now."""
    if "_user_id" not in session:
        return
    now = _now()
    if expired(now):
        logout_user()
        session.clear()  # nothing of the expired session stays, follow links included
        flash(_("Your session has expired. Please sign in again."), "info")
    elif now - session[SEEN] >= SEEN_RESOLUTION:
        session[SEEN] = now


@bp.record_once
def _on_register(state) -> None:
    user_logged_in.connect(start, state.app)
