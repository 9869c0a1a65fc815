"""Admin: e-mail that has not gone out — failed mails with their error, and pending ones —
with "Send again" for failed mail."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from extensions import db
from forms import EmptyForm
from reviews.services.notifications import outbox

from .. import page_number, require_button
from . import PER_PAGE, bp


@bp.route("/mail")
def mail():
    page = db.paginate(outbox.unsent(), page=page_number(), per_page=PER_PAGE, error_out=False)
    return render_template(
        "admin/mail.html", page=page, counts=outbox.status_counts(), button_form=EmptyForm()
    )


@bp.route("/mail/<int:mail_id>/send-again", methods=["POST"])
def send_mail_again(mail_id: int):
    return _send_again(mail_id)


@bp.route("/mail/send-again", methods=["POST"])
def send_failed_mail_again():
    return _send_again(None)


def _send_again(mail_id: int | None):
    """Queue failed mail (one, or all) for new attempts once this commits."""
    require_button()
    count = outbox.send_again(mail_id)
    db.session.commit()
    if count:
        flash(
            ngettext(
                "%(num)d e-mail will be sent again.", "%(num)d e-mails will be sent again.", count
            ),
            "success",
        )
    else:
        flash(_("Nothing to send again: that e-mail is no longer failed."), "info")
    return redirect(url_for("admin.mail"))
