"""Sign out (a POST with a CSRF token)."""

from flask import flash, redirect, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, logout_user

from extensions import db
from forms import EmptyForm
from reviews.services import audit
from reviews.services.people.auth import end_sessions

from . import bp


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    form = EmptyForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        end_sessions(user)
        audit.record("signed_out", user, actor=user)
        db.session.commit()
        logout_user()
        session.clear()  # nothing of this person stays in the browser's session
        flash(_("You have signed out."), "info")
    return redirect(url_for("auth.login"))
