"""Sign-in and password forms."""

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, PasswordField, SelectChoice, SelectField
from wtforms.validators import DataRequired, EqualTo, Length

from forms import AppForm
from reviews.services.people.auth import MIN_PASSWORD_LENGTH


class LoginForm(AppForm):
    email = EmailField(
        _l("Email"),
        validators=[DataRequired(), Length(max=254)],
        render_kw={"autocomplete": "username"},
    )
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(), Length(max=512)],
        render_kw={"autocomplete": "current-password"},
    )


def new_password_field() -> PasswordField:
    """A new password: the length rules said on the field (the service checks the rest)."""
    return PasswordField(
        _l("New password"),
        validators=[
            DataRequired(),
            Length(
                min=MIN_PASSWORD_LENGTH,
                max=512,
                message=_l("Use at least %(min)d characters.", min=MIN_PASSWORD_LENGTH),
            ),
        ],
        render_kw={"autocomplete": "new-password"},
    )


def repeat_field(of: str) -> PasswordField:
    return PasswordField(
        _l("Repeat the new password"),
        validators=[DataRequired(), EqualTo(of, message=_l("The passwords differ."))],
        render_kw={"autocomplete": "new-password"},
    )


class ChangePasswordForm(AppForm):
    current_password = PasswordField(_l("Current password"), validators=[DataRequired()])
    new_password = new_password_field()
    confirm = repeat_field("new_password")


class PreferencesForm(AppForm):
    locale = SelectField(
        _l("Language"),
        choices=[
            SelectChoice("en", "English"),
            SelectChoice("et", "Eesti"),
            SelectChoice("sl", "Slovenščina"),
        ],
        validators=[DataRequired()],
    )


class ForgotPasswordForm(AppForm):
    email = EmailField(
        _l("Email"),
        validators=[DataRequired(), Length(max=254)],
        render_kw={"autocomplete": "username"},
    )


class ChoosePasswordForm(AppForm):
    """The page an invitation or reset link opens: the new password, twice."""

    password = new_password_field()
    confirm = repeat_field("password")
