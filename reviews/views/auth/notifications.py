"""The person's own e-mail choices for their notifications."""

from functools import partial

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forms.notifications import EmailPreferencesForm
from reviews.services.notifications import outbox, preferences

from .. import form_status, run
from . import bp


@bp.route("/account/notifications", methods=["GET", "POST"])
@login_required
def notifications():
    """One e-mail choice per topic, for the signed-in person only."""
    user = current_user._get_current_object()
    form = EmailPreferencesForm(data=preferences.choices(user))
    save = partial(preferences.save, user, form.choices())
    if form.validate_on_submit() and run(save, form):
        flash(_("Your e-mail choices have been saved."), "success")
        return redirect(url_for("auth.notifications"))
    page = render_template(
        "auth/notifications.html",
        form=form,
        topics=preferences.TOPICS,
        always=preferences.ALWAYS.values(),
        mail_enabled=outbox.mail_enabled(),
    )
    return page, form_status(form)
