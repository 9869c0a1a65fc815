"""Flask-WTF form classes: the shape of input, no database writes."""

from flask_wtf import FlaskForm


class EmptyForm(FlaskForm):
    """A form with only the CSRF token, for buttons that change state (logout, retire…)."""
