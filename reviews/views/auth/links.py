""" "Forgot your password?" and the page an invitation or reset link opens. Both are for
visitors who are not signed in, in their browser's language."""

from flask import current_app, flash, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_login import login_user, logout_user

from extensions import limiter, posted_account
from forms.auth import ChoosePasswordForm, ForgotPasswordForm
from reviews.models import LinkPurpose
from reviews.services.notifications.outbox import mail_enabled
from reviews.services.people import invitations

from .. import form_status, run
from . import bp


def _reset_limit() -> str:
    return current_app.config["RESET_RATE_LIMIT"]


def _reset_account_limit() -> str:
    return current_app.config["RESET_ACCOUNT_RATE_LIMIT"]


@bp.route("/account/forgot", methods=["GET", "POST"])
@limiter.limit(_reset_limit, methods=["POST"])
@limiter.limit(_reset_account_limit, methods=["POST"], key_func=posted_account)
def forgot_password():
    """Whatever address is typed, the same answer: it never tells whether an account exists."""
    form = ForgotPasswordForm()
    if form.validate_on_submit() and run(lambda: invitations.request_reset(form.email.data)):
        return render_template("auth/forgot_sent.html")
    return render_template("auth/forgot.html", form=form, mail=mail_enabled()), form_status(form)


def private(response):
    """A page whose address carries a link's token: never cached, never sent on as a Referer."""
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@bp.route(invitations.LINK_PATH + "<key>", methods=["GET", "POST"])
def account_link(key: str):
    """GET shows the form (looking uses nothing up: mail scanners open links); POST sets the
    password, uses the link up and signs the person in."""
    link = invitations.find_link(key)
    if link is None:
        page = render_template("auth/link_invalid.html", message=invitations.NO_LINK)
        return private(current_app.make_response((page, 410)))
    invite = link.purpose == LinkPurpose.INVITE
    form = ChoosePasswordForm()
    if form.validate_on_submit() and (done := run(lambda: _redeem(key, form), form)):
        logout_user()
        session.clear()
        login_user(done.value)
        flash(_("Your password is set. Any other sessions of yours were signed out."), "success")
        return redirect(url_for("main.home"))
    page = render_template("auth/choose_password.html", form=form, invite=invite, person=link.user)
    return private(current_app.make_response((page, form_status(form))))


def _redeem(key: str, form: ChoosePasswordForm):
    return invitations.redeem(key, form.password.data)
