"""App-wide error pages. The 500 handler rolls the session back so the next request starts
clean."""

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError

from extensions import db


def register(app: Flask) -> None:
    def render(code: int):
        def handler(error):
            if code == 500:
                db.session.rollback()
            return render_template(f"errors/{code}.html", error=error), code

        return handler

    for code in (400, 403, 404, 405, 429, 500):
        app.register_error_handler(code, render(code))
    app.register_error_handler(
        CSRFError, lambda error: (render_template("errors/csrf.html", error=error), 400)
    )
