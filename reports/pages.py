"""What the report views need from a request: the viewer's filters (validated, scoped), the
chart panels of a page, and ASCII-safe download names. Kept apart so the views stay thin."""

import re
import unicodedata
from dataclasses import dataclass, replace

from flask import abort, current_app, url_for
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from extensions import db
from forms.reports import CycleReportForm, ReportFilterForm, cycle_report_form, filter_form
from reviews.access import ReportScope, check_report_team, report_scope
from reviews.models import Competency, Team, User

from . import filters as f
from .build import Context
from .catalog import CYCLE, RANGE, ChartSpec
from .tables import Table

FILTER_ARGS = ("start", "end", "cycle", "team", "competency", "self_ratings")


class FilterError(Exception):
    """The filters could not be read; ``form`` carries the messages."""

    def __init__(self, form: ReportFilterForm):
        super().__init__("invalid report filters")
        self.form = form


@dataclass
class Request:
    """A viewer's validated report request."""

    form: ReportFilterForm
    filters: f.Filters
    ctx: Context
    cycles: list[f.CycleInfo]
    args: dict

    @property
    def open_cycle(self) -> int | None:
        return f.open_cycle(self.cycles)


def _team_choices(scope: ReportScope) -> list[tuple[int, str]]:
    query = select(Team.id, Team.name).order_by(Team.name)
    if not scope.whole_org:
        query = query.where(Team.id.in_(scope.team_ids))
    return [(row.id, row.name) for row in db.session.execute(query)]


def _competency_choices() -> list[tuple[int, str]]:
    query = select(Competency.id, Competency.name, Competency.retired_at).order_by(
        Competency.position, Competency.name
    )
    return [
        (row.id, row.name if row.retired_at is None else f"{row.name} ({_l('retired')})")
        for row in db.session.execute(query)
    ]


def _requested_team(args) -> int | None:
    raw = (args.get("team") or "").strip()
    return int(raw) if raw.isdigit() and len(raw) < 10 else None


def read_request(user: User, args, audience: str) -> Request:
    """Validate ``args`` against what ``user`` may chart. 403 when a team chart is asked for
    by someone who charts no team; 404 for a team outside their scope; FilterError for any
    other bad value."""
    scope = report_scope(user)
    if audience == "teams" and not scope.sees_teams:
        abort(403)
    teams = _team_choices(scope) if audience == "teams" else []
    if audience == "teams":
        requested = _requested_team(args)
        check_report_team(scope, requested)
        if requested is not None and requested not in dict(teams):
            abort(404)  # no such team
    else:
        args = args.copy()
        args.pop("team", None)  # a person's own charts have no team
    cycles = f.report_cycles(db.session)
    all_label = _l("All teams") if scope.whole_org else _l("All my teams")
    form = filter_form(
        args, [(c.id, c.name) for c in cycles], teams, _competency_choices(), all_label
    )
    form.cycle.label.text = (
        _l("One cycle (heatmap, gap)") if audience == "teams" else _l("One cycle (gap)")
    )
    if not form.validate():
        raise FilterError(form)
    filters = _filters(form, scope, cycles, user, audience)
    names = dict(teams)
    ctx = Context(cycles, current_app.config["MIN_GROUP_SIZE"], _scope_meta(filters, names))
    kept = {k: v for k, v in args.items() if k in FILTER_ARGS and v not in ("", None)}
    return Request(form, filters, ctx, cycles, kept)


def _filters(form, scope: ReportScope, cycles, user: User, audience: str) -> f.Filters:
    if audience == "person":
        team_ids = None
    elif form.team.data is not None:
        team_ids = (form.team.data,)
    else:
        team_ids = None if scope.whole_org else tuple(sorted(scope.team_ids))
    return f.Filters(
        cycle_ids=f.cycle_range(cycles, form.start.data, form.end.data),
        cycle_id=form.cycle.data or f.default_cycle(cycles),
        team_ids=team_ids,
        competency_id=form.competency.data,
        person_id=user.id if audience == "person" else None,
        with_self=bool(form.self_ratings.data),
    )


def _scope_meta(filters: f.Filters, names: dict[int, str]) -> dict:
    if filters.person_id is not None:
        return {"kind": "person"}
    if filters.team_ids is None:
        return {"kind": "org"}
    return {"kind": "teams", "names": [names.get(t, "") for t in filters.team_ids]}


def locale() -> str:
    return str(get_locale() or "en")


@dataclass
class Panel:
    spec: ChartSpec
    image_url: str
    width: int
    height: int
    downloads: list[tuple[str, str]]
    table: Table


def panel_filters(spec: ChartSpec, request: Request) -> tuple[f.Filters, dict]:
    """A chart's filters and URL arguments on a page: the review progress chart shows the
    open cycle (if there is one) whatever cycle the other charts show."""
    if spec.name == "completion" and request.open_cycle is not None:
        filters = replace(request.filters, cycle_id=request.open_cycle)
        return filters, {**request.args, "cycle": request.open_cycle}
    return request.filters, dict(request.args)


def panel(spec: ChartSpec, request: Request, data, size: tuple[int, int], table) -> Panel:
    _, args = panel_filters(spec, request)
    args = {k: v for k, v in args.items() if _uses(spec, k)}
    downloads = [
        (fmt, url_for("reports.download", name=spec.name, fmt=fmt, **args))
        for fmt in ("png", "svg", "pdf", "csv", "xlsx")
    ]
    image = url_for("reports.chart", name=spec.name, **args)
    return Panel(spec, image, size[0], size[1], downloads, table)


def _uses(spec: ChartSpec, arg: str) -> bool:
    needs = {
        "start": RANGE,
        "end": RANGE,
        "cycle": CYCLE,
        "competency": "competency",
        "self_ratings": "self",
    }
    return arg == "team" or needs.get(arg) in spec.uses


def slug(text: str, limit: int = 40) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")


def download_name(spec: ChartSpec, request: Request, user: User, fmt: str) -> str:
    """rapport-<chart>-<scope>-<cycles>.<fmt>, ASCII only."""
    filters = spec.normalise(request.filters)
    scope = request.ctx.scope
    if scope["kind"] == "person":
        who = slug(user.name) or "me"
    elif scope["kind"] == "org":
        who = "organisation"
    else:
        who = slug("-".join(scope["names"])) if len(scope["names"]) <= 2 else "my-teams"
    names = dict((c.id, c.name) for c in request.cycles)
    if RANGE in spec.uses and filters.cycle_ids:
        first, last = names[filters.cycle_ids[0]], names[filters.cycle_ids[-1]]
        when = slug(first) if first == last else f"{slug(first)}-to-{slug(last)}"
    else:
        when = slug(names.get(filters.cycle_id, "")) or "no-cycle"
    return "-".join(part for part in ("rapport", spec.name, who, when) if part) + f".{fmt}"


def cycle_report_request(args) -> tuple[Context, CycleReportForm]:
    """The organisation-wide context and the (unvalidated) cycle choice of the report."""
    cycles = f.report_cycles(db.session)
    ctx = Context(cycles, current_app.config["MIN_GROUP_SIZE"], {"kind": "org"})
    form = cycle_report_form(args, [(c.id, c.name) for c in cycles], f.default_cycle(cycles))
    return ctx, form
