"""What a viewer asks the reports to do (POST): build the PDF cycle report of a cycle."""

from flask import abort, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from extensions import db

from . import bad_filters, bp


@bp.route("/cycle-report", methods=["POST"])
@login_required
def cycle_report():
    """Ask for the PDF cycle report of the organisation or of one team: a job builds it and
    its page shows the progress."""
    from reports import exports
    from reports.web import requests
    from reviews.access import can_download_cycle_report

    form = requests.report_form(current_user, request.form)
    if form is None or not can_download_cycle_report(current_user, form.team.data):
        abort(403)
    if not form.validate():
        messages = [m for field in form for m in field.errors]
        return bad_filters(messages or [_("There is no cycle to report on yet.")])
    export = exports.request_export(
        db.session, current_user, form.cycle.data, form.team.data, requests.locale()
    )
    db.session.commit()
    return redirect(url_for("reports.export", export_id=export.id))
