"""Report pages and downloads. Pages show each chart as an <img> whose URL draws it (from
the cache when nothing changed), so a page never waits for drawing; the table behind each
chart is on the page too."""

from flask import Response, abort, current_app, render_template, request, url_for
from flask_login import current_user, login_required

from extensions import db
from reviews.services import audit

from . import bad_filters, bp, spec_or_404

FORMATS = ("png", "svg", "pdf", "csv", "xlsx")


def _read(audience: str, with_form: bool = True):
    """The viewer's validated request, or (None, the error) for bad filters."""
    from reports.web import requests

    try:
        return requests.read_request(current_user, request.args, audience, with_form), None
    except requests.FilterError as error:
        return None, error


@bp.route("/")
@login_required
def index():
    """Leadership and admins: every chart of the organisation. Managers: the same for their
    teams. Everyone else: their own ratings."""
    from reports import catalog
    from reviews.access import report_scope

    if not report_scope(current_user).sees_teams:
        return personal()
    return _page("reports/index.html", catalog.TEAM_CHARTS, "teams")


@bp.route("/me")
@login_required
def personal():
    """The viewer's own trend and self-vs-manager gap (never anyone else's)."""
    from reports import catalog

    return _page("reports/me.html", catalog.PERSON_CHARTS, "person")


def _page(template: str, specs, audience: str):
    from reports.web import panels, requests
    from reviews.access import report_scope

    req, error = _read(audience)
    teams_page = audience == "teams"
    context = {
        "scope": report_scope(current_user),
        "pack_form": requests.report_form(current_user, request=req) if teams_page else None,
    }
    if req is None:
        return render_template(template, form=error.form, panels=[], **context), 400
    fragments = panels.panels(db.session, specs, req)
    db.session.commit()  # keep what was cached
    return render_template(
        template, form=req.form, panels=fragments, charts=specs, request_data=req, **context
    )


@bp.route("/table/<name>")
@login_required
def table(name: str):
    """Every row of the table behind a chart (the page shows the first few)."""
    from reports.web import panels

    spec = spec_or_404(name)
    req, error = _read(spec.audience, with_form=False)
    if req is None:
        return bad_filters(error.messages)
    table_html = panels.full_table(db.session, spec, req)
    db.session.commit()
    back = "reports.index" if spec.audience == "teams" else "reports.personal"
    back_url = url_for(back, **req.args) + f"#chart-{spec.name}"
    return render_template(
        "reports/table.html", spec=spec, table_html=table_html, back_url=back_url
    )


@bp.route("/chart/<name>.png")
@login_required
def chart(name: str):
    """The page image of a chart (drawn once per data version, then served from cache)."""
    return _file(name, "png", attachment=False)


@bp.route("/download/<name>.<fmt>")
@login_required
def download(name: str, fmt: str):
    """A chart as PNG, SVG or PDF, or its table as CSV or XLSX."""
    if fmt not in FORMATS:
        abort(404)
    return _file(name, fmt, attachment=True)


def _file(name: str, fmt: str, attachment: bool) -> Response:
    """A chart's file. Its URL carries ``v``, the version of the data it shows: when that is
    current, the browser may keep the picture for good (a change means a new URL); otherwise
    it must ask again (ETag → 304). Downloads (``attachment``) are ``no-store`` whatever is
    set here: ``reviews.views.headers`` overrides it for every download. No form is built: a
    cached chart costs a few lookups."""
    spec = spec_or_404(name)
    req, error = _read(spec.audience, with_form=False)
    if req is None:
        return bad_filters(error.messages)
    return chart_response(spec, req, fmt, attachment)


def chart_response(spec, req, fmt: str, attachment: bool) -> Response:
    """The file of ``spec`` for the validated request ``req`` (also someone's history's)."""
    from reports import service
    from reports.web import requests

    name = spec.name
    config = current_app.config
    dpi = (
        config.get("REPORT_DOWNLOAD_DPI", service.DOWNLOAD_DPI)
        if attachment
        else config.get("REPORT_PAGE_DPI", service.PAGE_DPI)
    )
    filters = spec.normalise(req.filters)
    versions = service.data_versions(db.session, spec, filters, req.ctx)
    content, mimetype, stored = service.chart_file(
        db.session, spec, filters, req.ctx, fmt, requests.locale(), dpi, versions
    )
    if attachment:
        rows = len(service.chart_data(db.session, spec, filters, req.ctx, versions).frame)
        details = {"chart": name, "format": fmt, "rows": rows, "filters": filters.as_dict()}
        audit.record("report_downloaded", "reports", after=details, actor=current_user)
    if stored or attachment:
        db.session.commit()
    response = Response(content, content_type=mimetype)
    tag = service.version_tag(spec, filters, req.ctx, requests.locale(), versions)
    current = request.args.get("v") == tag
    response.headers["Cache-Control"] = (
        "private, max-age=31536000, immutable" if current else "private, no-cache"
    )
    response.headers["Vary"] = "Cookie"
    response.headers["X-Content-Type-Options"] = "nosniff"
    if attachment:
        filename = requests.download_name(spec, req, current_user, fmt)
        response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.add_etag()
    return response.make_conditional(request)


@bp.route("/exports/<int:export_id>")
@login_required
def export(export_id: int):
    """A cycle report on its way: its progress, then the file (only for whoever asked)."""
    from reviews.access import get_export_or_404

    item = get_export_or_404(current_user, export_id)
    return render_template("reports/export.html", export=item)


@bp.route("/exports/<int:export_id>/file")
@login_required
def export_file(export_id: int):
    from reviews.access import get_export_or_404

    item = get_export_or_404(current_user, export_id)
    if item.status != "done" or item.content is None:
        abort(404)
    details = {"file": item.filename, "export": item.id}
    audit.record("report_downloaded", "reports", after=details, actor=current_user)
    db.session.commit()
    response = Response(item.content, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{item.filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
