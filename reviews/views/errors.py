"""App-wide error pages. The 500 handler rolls the session back so the next request starts
clean. No page repeats what was sent: a refused request's input is never echoed back."""

import math
import time
from datetime import UTC, datetime

from flask import Flask, current_app, render_template, request
from flask_babel import format_time
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.exceptions import BadRequest

from extensions import db, limiter
from reviews.access import Denied
from reviews.models import User
from reviews.services import audit


def note_refusal(action: str) -> None:
    """Record a refused request in the audit trail: who (if signed in), the method and the
    path — never the query string, the form or a cookie. The request's own changes, if any,
    are rolled back first; a failure to record never turns the refusal into a 500."""
    try:
        actor_id = current_user.id if current_user.is_authenticated else None
        db.session.rollback()
        actor = db.session.get(User, actor_id) if actor_id else None
        details = {"method": request.method, "path": request.path}
        audit.record(action, "requests", after=details, actor=actor)
        db.session.commit()
    except SQLAlchemyError:
        db.session.rollback()
        current_app.logger.exception("could not record a refused request")


class ControlCharacters(BadRequest):
    """A form or query with invisible control characters (NUL and the like): PostgreSQL
    cannot store a NUL, spreadsheets refuse the others, and no person types them."""


def _has_control_characters(pairs) -> bool:
    """In any key or any value (every value of a repeated key): C0 but tab and line breaks,
    DEL, and the C1 range."""
    return any(
        (ord(c) < 32 and c not in "\t\n\r") or 0x7F <= ord(c) <= 0x9F
        for key, values in pairs
        for text in (key, *values)
        for c in text
    )


def refuse_control_characters() -> None:
    """before_request: refuse (400, saying why) input holding control characters other than
    tab and line breaks, before any view or query sees it. Nothing is stored."""
    if request.content_length and request.content_length > current_app.config["MAX_CONTENT_LENGTH"]:
        return  # refused as too large without reading it
    if _has_control_characters(request.args.lists()) or (
        request.method == "POST" and _has_control_characters(request.form.lists())
    ):
        raise ControlCharacters()


def register(app: Flask) -> None:
    def render(code: int):
        def handler(error):
            if code == 500:
                db.session.rollback()
            elif code == 403 or isinstance(error, Denied):
                note_refusal("access_denied")
            return render_template(f"errors/{code}.html", error=error), code

        return handler

    for code in (400, 403, 404, 405, 500):
        app.register_error_handler(code, render(code))
    app.before_request(refuse_control_characters)
    app.register_error_handler(
        ControlCharacters,
        lambda error: (
            render_template(
                "errors/400.html",
                error=error,
                detail=_(
                    "What you sent contains invisible control characters, which Rapport "
                    "cannot store. Remove them (often they come with text pasted from "
                    "another program) and try again. Nothing was saved."
                ),
            ),
            400,
        ),
    )
    app.register_error_handler(413, too_large)
    app.register_error_handler(429, too_many)
    app.register_error_handler(
        CSRFError, lambda error: (render_template("errors/csrf.html", error=error), 400)
    )


def too_large(error):
    """413 for a request over ``MAX_CONTENT_LENGTH``. Its body is never read: the page's own
    forms (the sign-out button) see an empty one instead of raising 413 again."""
    request.form = request.files = ImmutableMultiDict()
    return render_template("errors/413.html", error=error), 413


def too_many(error):
    """429 with ``Retry-After``: the seconds until the breached limit's window ends (a window,
    never a lock-out), and on the page the time to try again."""
    note_refusal("rate_limited")
    current = limiter.current_limit
    reset_at = current.reset_at if current else time.time() + 60
    wait = max(math.ceil(reset_at - time.time()), 1)
    retry_at = format_time(datetime.fromtimestamp(time.time() + wait, UTC), "short")
    page = render_template("errors/429.html", error=error, retry_at=retry_at)
    return page, 429, {"Retry-After": str(wait)}
