"""Draw the leadership dashboard again after a write, before anyone asks: its panels and
pictures at the default filters, in the languages leadership reads, so the next viewer
gets them from the cache. Run by a job (``reviews.jobs.reports``); charts whose data did
not change are found in the cache and cost a lookup. It lives in the web layer because the
panels are web fragments (templates and URLs, rendered in a test request context).

A drawn figure is a web of reference cycles holding its canvas (≈ 4 MB of pixels for the
heatmap): it is collected after each picture, else 24 of them pile up until Python's next
full collection (≈ +30 MB in a worker)."""

import gc

from flask import current_app
from flask_babel import force_locale
from sqlalchemy import select
from sqlalchemy.orm import Session

from reports import catalog, service
from reports.build import Context
from reports.filters import Filters, cycle_range, default_cycle, report_cycles
from reviews.models import RoleAssignment, User

from . import panels
from .requests import Request


def leadership_locales(session: Session) -> list[str]:
    """The languages of the active people who see the whole organisation's dashboard."""
    query = (
        select(User.locale)
        .join(RoleAssignment, RoleAssignment.user_id == User.id)
        .where(User.active.is_(True), RoleAssignment.role.in_(("leadership", "admin")))
        .distinct()
    )
    return sorted(session.scalars(query)) or [current_app.config["BABEL_DEFAULT_LOCALE"]]


def dashboard_request(session: Session) -> Request:
    """What a leader's /reports/ without filters asks for."""
    cycles = report_cycles(session)
    filters = Filters(cycle_ids=cycle_range(cycles, None, None), cycle_id=default_cycle(cycles))
    ctx = Context(cycles, current_app.config["MIN_GROUP_SIZE"], {"kind": "org"})
    return Request(None, filters, ctx, cycles, {})


def warm(session: Session) -> int:
    """Render the dashboard's panels and page pictures that are not cached yet; returns how
    many pictures were looked at. The caller commits."""
    request = dashboard_request(session)
    dpi = current_app.config.get("REPORT_PAGE_DPI", service.PAGE_DPI)
    pictures = 0
    for locale in leadership_locales(session):
        with current_app.test_request_context(), force_locale(locale):
            panels.panels(session, catalog.TEAM_CHARTS, request)
            for spec in catalog.TEAM_CHARTS:
                filters, _ = panels.panel_filters(spec, request)
                _, _, drawn = service.chart_file(
                    session, spec, filters, request.ctx, "png", locale, dpi
                )
                if drawn:
                    gc.collect()
                pictures += 1
        session.commit()
    return pictures
