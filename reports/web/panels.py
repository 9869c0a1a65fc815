"""The chart panels of a report page and the full tables behind them, as HTML fragments
cached under the versions of the data they show: a page reads every current version in one
query and every fragment in another, so numbers are formatted once per version and
language, and a page stays small (the first rows of each table; all rows on their own page
or in the downloads). Each panel links its picture, downloads and full table by URL."""

import re
from dataclasses import dataclass, replace

from flask import render_template, url_for
from markupsafe import Markup
from sqlalchemy.orm import Session

from reports import cache, service
from reports.catalog import CYCLE, RANGE, ChartSpec
from reports.filters import Filters
from reports.tables import Table
from reviews.access import HistoryReach

from .requests import HISTORY_WORDS, Request, locale

PAGE_ROWS = 12  # table rows shown under a chart on the page
LINE_BREAKS = re.compile(r"\s*\n\s*")


@dataclass
class Panel:
    spec: ChartSpec
    image_url: str
    width: int
    height: int
    downloads: list[tuple[str, str]]
    table: Table
    table_url: str = ""
    rows_shown: int = 0


def panel_filters(spec: ChartSpec, request: Request) -> tuple[Filters, dict]:
    """A chart's filters and URL arguments on a page: the review progress chart shows the
    open cycle (if there is one) whatever cycle the other charts show. Only the arguments
    the chart uses are kept, so its URLs are the same whatever else the page filters on."""
    filters, args = request.filters, dict(request.args)
    if spec.name == "completion" and request.open_cycle is not None:
        filters = replace(request.filters, cycle_id=request.open_cycle)
        args["cycle"] = request.open_cycle
    return filters, {k: v for k, v in args.items() if _uses(spec, k)}


def panel(
    spec: ChartSpec,
    args: dict,
    tag: str,
    size: tuple[int, int],
    table: Table,
    rows: int,
    history: HistoryReach | None = None,
) -> Panel:
    """A panel whose picture and downloads carry ``tag``, the version of their data: a
    browser may keep them for good, since new data means a new URL. ``history``: the
    panel of someone's history, whose files have URLs of their own."""
    tagged = {**args, "v": tag}

    def link(kind: str, **values) -> str:
        if history is None:
            return url_for(f"reports.{kind}", name=spec.name, **values)
        name = HISTORY_WORDS[spec.name]
        return url_for(f"reports.history_{kind}", user_id=history.person.id, name=name, **values)

    downloads = [(fmt, link("download", fmt=fmt, **tagged)) for fmt in FORMATS]
    image = link("chart", **tagged)
    table_url = link("table", **args)
    return Panel(spec, image, size[0], size[1], downloads, table, table_url, rows)


FORMATS = ("png", "svg", "pdf", "csv", "xlsx")


def _uses(spec: ChartSpec, arg: str) -> bool:
    needs = {
        "start": RANGE,
        "end": RANGE,
        "cycle": CYCLE,
        "competency": "competency",
        "self_ratings": "self",
    }
    return arg == "team" or needs.get(arg) in spec.uses


def _compact(html: str) -> str:
    """The template's line breaks and indentation folded into single spaces (40 % of a
    panel's bytes; a fragment holds no <pre> or <textarea> where they would matter)."""
    return LINE_BREAKS.sub(" ", html)


def _fragment(content: bytes | str) -> Markup:
    """HTML that our own templates rendered (every value escaped there) and the cache kept
    under a key only the server computes: safe to place in the page as it is."""
    text = content.decode() if isinstance(content, bytes) else content
    return Markup(text)  # noqa: S704


def _plan(spec: ChartSpec, request: Request):
    filters, args = panel_filters(spec, request)
    filters = spec.normalise(filters)
    return spec, filters, args, service.domains(spec, filters, request.ctx)


def _key(kind: str, spec: ChartSpec, filters, request: Request, versions: dict, args=None) -> str:
    """Everything a fragment holds depends on: the chart, its filters and the URL arguments
    its links carry, the scope, group size, language and data versions."""
    return cache.make_key(
        kind=kind,
        chart=spec.name,
        filters=filters.as_dict(),
        args=args or {},
        scope=request.ctx.scope,
        min_size=request.ctx.min_size,
        locale=locale(),
        versions=versions,
        rows=PAGE_ROWS,
    )


def panels(session: Session, specs: list[ChartSpec], request: Request) -> list[Markup]:
    """Every chart's panel for ``request``: cached fragments, or drawn up (numbers from the
    data cache) and cached. The caller commits."""
    plans = [_plan(spec, request) for spec in specs]
    current = cache.versions(session, {d for plan in plans for d in plan[3]})
    keyed = []
    for spec, filters, args, domains in plans:
        versions = {d: current[d] for d in domains}
        key = _key("panel", spec, filters, request, versions, args)
        keyed.append((spec, filters, args, versions, key))
    found = cache.load_many(session, [item[-1] for item in keyed])
    fragments = []
    for spec, filters, args, versions, key in keyed:
        if key not in found:
            found[key] = _render_panel(session, spec, filters, args, versions, request)
            cache.store(session, key, found[key], "text/html")
        fragments.append(_fragment(found[key]))
    return fragments


def _render_panel(session, spec, filters, args, versions, request: Request) -> bytes:
    data = service.chart_data(session, spec, filters, request.ctx, versions)
    size = service.image_size(spec, data)
    table = spec.table(service.localised(data))
    rows = min(len(table.rows), PAGE_ROWS)
    tag = service.version_tag(spec, filters, request.ctx, locale(), versions)
    item = panel(spec, args, tag, size, table, rows, request.history)
    return _compact(render_template("reports/_panel.html", panel=item)).encode()


def full_table(session: Session, spec: ChartSpec, request: Request) -> Markup:
    """Every row of a chart's table, as a cached fragment."""
    _, filters, _, domains = _plan(spec, request)
    versions = cache.versions(session, domains)
    key = _key("table", spec, filters, request, versions)
    hit = cache.load(session, key)
    if hit is not None:
        return _fragment(hit[0])
    data = service.chart_data(session, spec, filters, request.ctx, versions)
    table = spec.table(service.localised(data))
    html = _compact(
        render_template("reports/_table.html", spec=spec, table=table, rows=len(table.rows))
    )
    cache.store(session, key, html.encode(), "text/html")
    return _fragment(html)
