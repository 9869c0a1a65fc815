"""Admin: the audit log, newest first, with before → after values written out readably
(``audit_log``)."""

from flask import render_template, request
from flask_babel import gettext as _

from extensions import db
from forms.admin import AuditFilterForm
from forms.fields import choice_list
from reviews.services import audit as audit_service

from .. import page_number
from . import PER_PAGE, bp
from .audit_log import OBJECT_TYPES, rows


@bp.route("/audit")
def audit():
    filters = AuditFilterForm(request.args)
    filters.object_type.choices = choice_list(
        [("", _("All objects"))]
        + [(t, str(OBJECT_TYPES.get(t, t))) for t in audit_service.object_types()]
    )
    query = audit_service.log_query(filters.object_type.data or "", filters.actor.data or "")
    page = db.paginate(query, page=page_number(), per_page=PER_PAGE, error_out=False)
    return render_template("admin/audit.html", filters=filters, page=page, rows=rows(page.items))
