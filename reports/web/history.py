"""One person's history for the people entitled to it: the person charts (their trend, with
the weighted overall score, and their self-vs-manager gap) of someone else, with the
person's name in the titles, tables and downloads. Who may open it and what of the reviews
it shows is ``reviews.access.history_reach``; the person's own history is "My ratings"."""

from dataclasses import replace

from flask import abort, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from extensions import db

from . import bad_filters, bp
from .pages import FORMATS, chart_response


def _reach(user_id: int):
    from reviews.access import get_history_or_404

    return get_history_or_404(current_user, user_id)


def _spec(name: str, person_name: str):
    """The person chart shown as ``name`` in a history, titled with the person's name."""
    from reports import catalog
    from reports.web.requests import HISTORY_CHARTS

    if name not in HISTORY_CHARTS:
        abort(404)
    spec = catalog.get(HISTORY_CHARTS[name])
    if name == "trend":
        return replace(
            spec,
            title=_l("Ratings of %(name)s over time", name=person_name),
            description=_l(
                "The manager's rating in each review shared with %(name)s, the overall score "
                "weighted by the competencies' weights; self-assessment dashed when chosen.",
                name=person_name,
            ),
        )
    return replace(
        spec,
        title=_l("Self-assessment vs manager rating of %(name)s", name=person_name),
        description=_l(
            "%(name)s's own rating minus the manager's, per competency, for one cycle.",
            name=person_name,
        ),
    )


def _read(reach, with_form: bool = True):
    from reports.web import requests

    try:
        req = requests.read_request(current_user, request.args, "person", with_form, history=reach)
        return req, None
    except requests.FilterError as error:
        return None, error


@bp.route("/person/<int:user_id>")
@login_required
def history(user_id: int):
    """Someone's trend and gap across cycles; the viewer's own history is "My ratings"."""
    from reports.web import panels

    reach = _reach(user_id)
    if reach.own:
        return redirect(url_for("reports.personal", **request.args))
    specs = [_spec(name, reach.person.name) for name in ("trend", "gap")]
    req, error = _read(reach)
    context = {"person": reach.person, "limited": reach.reviewer_id is not None}
    if req is None:
        return render_template("reports/history.html", form=error.form, panels=[], **context), 400
    fragments = panels.panels(db.session, specs, req)
    db.session.commit()  # keep what was cached
    return render_template("reports/history.html", form=req.form, panels=fragments, **context)


@bp.route("/person/<int:user_id>/table/<name>")
@login_required
def history_table(user_id: int, name: str):
    """Every row of the table behind one of the history's charts."""
    from reports.web import panels

    reach = _reach(user_id)
    spec = _spec(name, reach.person.name)
    req, error = _read(reach, with_form=False)
    if req is None:
        return bad_filters(error.messages)
    table_html = panels.full_table(db.session, spec, req)
    db.session.commit()
    back_url = url_for("reports.history", user_id=user_id, **req.args) + f"#chart-{spec.name}"
    return render_template(
        "reports/table.html", spec=spec, table_html=table_html, back_url=back_url
    )


@bp.route("/person/<int:user_id>/chart/<name>.png")
@login_required
def history_chart(user_id: int, name: str):
    return _file(user_id, name, "png", attachment=False)


@bp.route("/person/<int:user_id>/download/<name>.<fmt>")
@login_required
def history_download(user_id: int, name: str, fmt: str):
    """A history chart as PNG, SVG or PDF, or its table as CSV or XLSX, named in the reader's
    words after the person ("rapport-trend-mari-tamm-…")."""
    if fmt not in FORMATS:
        abort(404)
    return _file(user_id, name, fmt, attachment=True)


def _file(user_id: int, name: str, fmt: str, attachment: bool):
    reach = _reach(user_id)
    spec = _spec(name, reach.person.name)
    req, error = _read(reach, with_form=False)
    if req is None:
        return bad_filters(error.messages)
    return chart_response(spec, req, fmt, attachment)
