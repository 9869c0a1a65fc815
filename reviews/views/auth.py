"""Sign-in, sign-out and password change."""

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import bindparam, select
from sqlalchemy.orm import joinedload

from extensions import db, limiter
from forms import EmptyForm
from forms.auth import ChangePasswordForm, LoginForm, PreferencesForm
from reviews.models import User
from reviews.services import DomainError, audit
from reviews.services.auth import authenticate, change_password, end_sessions

from . import apply_domain_errors

bp = Blueprint("auth", __name__)


# Run on every request: built once, with the roles in the same statement.
_BY_TOKEN = (
    select(User)
    .where(User.session_token == bindparam("token"), User.active.is_(True))
    .options(joinedload(User.role_rows))
)


def load_user(session_token: str) -> User | None:
    """Flask-Login loader: the session holds the person's current token, so a cookie from
    before a logout, password change or deactivation finds nobody."""
    if not session_token:
        return None
    return db.session.scalars(_BY_TOKEN, {"token": session_token}).unique().first()


def safe_next(target: str | None) -> str:
    """Only a path on this site; anything with a scheme or host goes home instead."""
    if not target:
        return url_for("main.home")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return url_for("main.home")
    if "\\" in target:
        return url_for("main.home")
    return target


def _login_limit() -> str:
    from flask import current_app

    return current_app.config["LOGIN_RATE_LIMIT"]


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.email.data, form.password.data)
        if user is None:
            form.form_errors.append(_("The email or password is not correct."))
        else:
            login_user(user)
            audit.record("signed_in", user, actor=user)
            db.session.commit()
            return redirect(safe_next(request.args.get("next")))
    status = 400 if form.errors else 200
    return render_template("auth/login.html", form=form), status


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    form = EmptyForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        end_sessions(user)
        db.session.commit()
        logout_user()
        session.clear()  # nothing of this person stays in the browser's session
        flash(_("You have signed out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        try:
            change_password(user, form.current_password.data, form.new_password.data)
        except DomainError as error:
            apply_domain_errors(form, error)
        else:
            login_user(user)  # this session carries on with the new token; others end
            flash(
                _("Your password has been changed. Other sessions have been signed out."), "success"
            )
            return redirect(url_for("main.home"))
    return render_template("auth/password.html", form=form)


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account():
    """The person's own settings: language (and a link to change the password)."""
    user = current_user._get_current_object()
    form = PreferencesForm(obj=user)
    if form.validate_on_submit():
        if form.locale.data != user.locale:
            audit.record(
                "locale_changed", user, {"locale": user.locale}, {"locale": form.locale.data}
            )
            user.locale = form.locale.data
            db.session.commit()
        flash(_("Your settings have been saved."), "success")
        return redirect(url_for("auth.account"))
    return render_template("auth/account.html", form=form), 400 if form.errors else 200
