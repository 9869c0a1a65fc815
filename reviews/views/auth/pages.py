"""Sign-in, password change and the person's settings."""

from functools import partial

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user

from extensions import db, limiter, posted_account
from forms.auth import ChangePasswordForm, LoginForm, PreferencesForm
from reviews.services import audit
from reviews.services.people.auth import authenticate, change_password, record_failed_sign_in

from .. import run, safe_next
from . import bp


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _account_limit() -> str:
    return current_app.config["LOGIN_ACCOUNT_RATE_LIMIT"]


def _failed(response) -> bool:
    return response.status_code != 302  # a sign-in that worked redirects


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
@limiter.limit(_account_limit, methods=["POST"], key_func=posted_account, deduct_when=_failed)
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.email.data, form.password.data)
        if user is None:
            form.form_errors.append(_("The email or password is not correct."))
            record_failed_sign_in(form.email.data)
            db.session.commit()
        else:
            login_user(user)
            audit.record("signed_in", user, actor=user)
            db.session.commit()
            return redirect(safe_next(request.args.get("next")))
    status = 400 if form.errors else 200
    return render_template("auth/login.html", form=form), status


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def password():
    form = ChangePasswordForm()
    user = current_user._get_current_object()
    change = partial(change_password, user, form.current_password.data, form.new_password.data)
    if form.validate_on_submit() and run(change, form):
        login_user(user)  # this session carries on with the new token; others end
        flash(_("Your password has been changed. Other sessions have been signed out."), "success")
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
                "locale_changed",
                user,
                {"locale": user.locale},
                {"locale": form.locale.data},
                actor=user,
            )
            user.locale = form.locale.data
            db.session.commit()
        flash(_("Your settings have been saved."), "success")
        return redirect(url_for("auth.account"))
    return render_template("auth/account.html", form=form), 400 if form.errors else 200
