"""Admin: the audit log, newest first, with before → after values written out readably
(``audit_log``), filtered by date, person, object and action, and as a CSV download."""

import csv
import io
from datetime import date

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from extensions import db
from forms.admin import AuditFilterForm
from forms.fields import choice_list
from reports.export import safe_text
from reports.filenames import dated
from reviews.models import AuditEvent
from reviews.services import audit as audit_service

from .. import page_number
from . import PER_PAGE, bp
from .audit_log import ACTIONS, OBJECT_TYPES, csv_header, csv_rows, rows

BATCH = 500  # events per query while the CSV is written
MAX_CSV = 100_000  # events in one download


def _filters() -> tuple[AuditFilterForm, object]:
    """The filter form over the query string (an invalid field shows its error and is
    ignored) and the query it asks for."""
    filters = AuditFilterForm(request.args)
    filters.object_type.choices = choice_list(
        [("", _("All objects"))]
        + [(t, str(OBJECT_TYPES.get(t, t))) for t in audit_service.object_types()]
    )
    filters.action.choices = choice_list(
        [("", _("All actions"))]
        + sorted(((a, str(ACTIONS.get(a, a))) for a in audit_service.actions()), key=lambda c: c[1])
    )
    filters.validate()
    query = audit_service.log_query(
        filters.value("object_type") or "",
        filters.value("actor") or "",
        action=filters.value("action") or "",
        object_id=filters.value("object_id"),
        since=filters.value("since"),
        until=filters.value("until"),
    )
    return filters, query


@bp.route("/audit")
def audit():
    filters, query = _filters()
    page = db.paginate(query, page=page_number(), per_page=PER_PAGE, error_out=False)
    return render_template("admin/audit.html", filters=filters, page=page, rows=rows(page.items))


@bp.route("/audit.csv")
def audit_csv():
    """The filtered log as CSV, newest first as on the page, up to MAX_CSV events (more:
    narrow the filters). The download is itself recorded, with how many events it held."""
    query = _filters()[1]
    found = audit_service.count(query)
    if found > MAX_CSV:
        flash(
            ngettext(
                "%(num)d entry matches: narrow the dates or filters to at most %(max)d to "
                "download them.",
                "%(num)d entries match: narrow the dates or filters to at most %(max)d to "
                "download them.",
                found,
                max=MAX_CSV,
            ),
            "error",
        )
        return redirect(url_for("admin.audit", **request.args))
    details = {"rows": found, "filters": {k: v for k, v in request.args.items() if v}}
    event = audit_service.record(
        "audit_exported", "audit_events", after=details, actor=current_user
    )
    db.session.flush()
    query = query.where(AuditEvent.id < event.id)  # what was there when it was asked for
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(csv_header())
    for batch in db.session.scalars(query.execution_options(yield_per=BATCH)).partitions():
        writer.writerows([safe_text(str(cell)) for cell in row] for row in csv_rows(batch))
    db.session.commit()
    return Response(
        buffer.getvalue(),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="{dated("audit-log", date.today(), "csv")}"'
        },
    )
