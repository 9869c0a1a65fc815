"""App-wide error pages. The 500 handler rolls the session back so the next request starts
clean. No page repeats what was sent: a refused request's input is never echoed back."""

import math
import time
from datetime import UTC, datetime

from flask import Flask, render_template, request
from flask_babel import format_time
from flask_wtf.csrf import CSRFError
from werkzeug.datastructures import ImmutableMultiDict

from extensions import db, limiter


def register(app: Flask) -> None:
    def render(code: int):
        def handler(error):
            if code == 500:
                db.session.rollback()
            return render_template(f"errors/{code}.html", error=error), code

        return handler

    for code in (400, 403, 404, 405, 500):
        app.register_error_handler(code, render(code))
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
    current = limiter.current_limit
    reset_at = current.reset_at if current else time.time() + 60
    wait = max(math.ceil(reset_at - time.time()), 1)
    retry_at = format_time(datetime.fromtimestamp(time.time() + wait, UTC), "short")
    page = render_template("errors/429.html", error=error, retry_at=retry_at)
    return page, 429, {"Retry-After": str(wait)}
