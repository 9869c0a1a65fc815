"""Admin: invitations — one person's, and everyone's who has no password yet."""

from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from reviews.access import get_or_404
from reviews.models import User
from reviews.services.people import invitations

from .. import confirm, require_button, run
from . import bp


@bp.route("/people/<int:user_id>/invite", methods=["POST"])
def invite_person(user_id: int):
    person = get_or_404(User, user_id)
    require_button()
    if run(lambda: invitations.invite(current_user, person)):
        flash(
            _(
                "An invitation was sent to %(name)s (%(email)s).",
                name=person.name,
                email=person.email,
            ),
            "success",
        )
    return redirect(url_for("admin.edit_person", user_id=person.id))


@bp.route("/people/invite", methods=["POST"])
def invite_everyone():
    """Invite every active person without a password or a pending invitation, asking first."""
    require_button()
    back = url_for("admin.people")
    count = invitations.uninvited_count()
    question = confirm.invite_everyone(count)
    if count and (page := confirm.ask_first(question, _("Send invitations"), back)):
        return page
    done = run(lambda: invitations.invite_uninvited(current_user))
    if done:
        flash(
            ngettext("%(num)d invitation was sent.", "%(num)d invitations were sent.", done.value),
            "success",
        )
    return redirect(back)
