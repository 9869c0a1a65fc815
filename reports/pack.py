"""The PDF cycle report for leadership: a title page, then one A4 landscape page per chart
with its summary table under it — made to be printed. Built with PdfPages from the same
cached numbers the dashboard shows, and cached itself."""

import io
import textwrap
from collections.abc import Callable
from datetime import date

from flask_babel import force_locale, format_date, gettext, ngettext
from matplotlib import rc_context
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.collections import LineCollection
from matplotlib.patches import Rectangle
from sqlalchemy.orm import Session

from . import cache, charts, labels, service
from .build import Context
from .catalog import BY_NAME, REPORT_CHARTS
from .charts import style
from .filters import DEFAULT_RANGE, Filters
from .tables import Table

A4 = (11.69, 8.27)  # landscape, inches
TABLE_ROWS = 12
TABLE_COLUMNS = 10
ROW_HEIGHT, HEADER_HEIGHT = 0.2, 0.42  # inches: readable at 8 pt when printed


def report_filters(ctx: Context, cycle_id: int, team_id: int | None = None) -> Filters:
    """The whole organisation (or one team), the chosen cycle, and the cycles up to it for
    trends."""
    ids = [c.id for c in ctx.cycles]
    end = ids.index(cycle_id) + 1
    return Filters(
        cycle_ids=tuple(ids[max(0, end - DEFAULT_RANGE) : end]),
        cycle_id=cycle_id,
        team_ids=None if team_id is None else (team_id,),
    )


def cycle_report(
    session: Session,
    cycle_id: int,
    ctx: Context,
    locale: str,
    team_id: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """The report's PDF bytes for the organisation (``ctx.scope`` "org") or one team (scope
    "teams" naming it), from the cache when no data under it changed. ``progress(done,
    total)`` is told after each step of a build."""
    filters = report_filters(ctx, cycle_id, team_id)
    domains = cache.chart_domains({*filters.cycle_ids, cycle_id}, ideas=True)
    versions = cache.versions(session, domains)
    key = cache.make_key(
        kind="pack",
        cycle=cycle_id,
        scope=ctx.scope,
        min_size=ctx.min_size,
        locale=locale,
        versions=versions,
        today=date.today(),
    )
    hit = cache.load(session, key)
    if hit is not None:
        return hit[0]
    tell = progress or (lambda done, total: None)
    steps = len(REPORT_CHARTS) * 2 + 1  # numbers, then pages, then the file
    pages = []
    for name in REPORT_CHARTS:
        spec = BY_NAME[name]
        pages.append((spec, service.chart_data(session, spec, filters, ctx)))
        tell(len(pages), steps)
    with force_locale(locale), rc_context(style.RC):
        content = _pdf(ctx, cycle_id, pages, lambda n: tell(len(pages) + n, steps))
    cache.store(session, key, content, "application/pdf")
    tell(steps, steps)
    return content


def _pdf(ctx: Context, cycle_id: int, pages, drawn: Callable[[int], None]) -> bytes:
    buffer = io.BytesIO()
    cycle = next(c for c in ctx.cycles if c.id == cycle_id)
    metadata = {
        "Title": gettext("Cycle report %(cycle)s", cycle=cycle.name),
        "Creator": "Rapport",
        "CreationDate": None,
    }
    total = len(pages) + 1
    with PdfPages(buffer, metadata=metadata) as pdf:
        pdf.savefig(_title_page(ctx, cycle, pages, total))
        for number, (spec, data) in enumerate(pages, start=2):
            pdf.savefig(_chart_page(spec, service.localised(data), cycle.name, number, total))
            drawn(number - 1)
    return buffer.getvalue()


def _title_page(ctx: Context, cycle, pages, total: int):
    fig = style.new_figure(*A4)
    fig.text(0.08, 0.84, "Rapport", fontsize=14, color=style.OKABE_ITO[0], weight="bold")
    fig.text(
        0.08, 0.74, gettext("Cycle report %(cycle)s", cycle=cycle.name), fontsize=28, weight="bold"
    )
    period = f"{format_date(cycle.period_start)} – {format_date(cycle.period_end)}"
    if ctx.scope.get("kind") == "teams":
        heading = gettext(
            "Review period %(period)s · %(team)s", period=period, team=", ".join(ctx.scope["names"])
        )
    else:
        heading = gettext("Review period %(period)s · whole organisation", period=period)
    fig.text(
        0.08,
        0.68,
        heading,
        fontsize=13,
        color="#444444",
    )
    fig.text(
        0.08,
        0.64,
        gettext("Made on %(day)s", day=format_date(date.today())),
        fontsize=11,
        color=style.GREY,
    )
    fig.text(0.08, 0.55, gettext("Contents"), fontsize=14, weight="bold")
    for i, (spec, _) in enumerate(pages):
        fig.text(0.08, 0.5 - i * 0.04, f"{i + 2}.  {spec.title}", fontsize=12)
    notes = [
        gettext(
            "Ratings are managers' ratings unless a chart says otherwise; “not "
            "applicable” ratings are left out of every mean."
        ),
        gettext(
            "Any number over fewer than %(num)d people is hidden and marked as hidden, and so "
            "is any number from which such a group could be worked out.",
            num=ctx.min_size,
        ),
    ]
    for i, line in enumerate(notes):
        fig.text(0.08, 0.12 - i * 0.035, line, fontsize=10, color="#444444")
    _page_footer(fig, cycle.name, 1, total)
    return fig


def _chart_page(spec, data, cycle_name: str, number: int, total: int):
    fig = style.new_figure(*A4)
    table = spec.table(data)
    rows = summary_rows(spec.name, table, data)
    chart_height = min(charts.size(spec.name, data)[1], A4[1] - 2.9)
    table_height = A4[1] - chart_height - 0.45
    top, bottom = fig.subfigures(2, 1, height_ratios=[chart_height, table_height])
    charts.draw(spec.name, data, top)
    _draw_table(bottom, table, rows)
    _page_footer(fig, cycle_name, number, total)
    return fig


def summary_rows(name: str, table: Table, data) -> list[list]:
    """The rows a printed page has room for: the "all competencies" rows of the trend and
    the heatmap, the report cycle's rows of the strengths and improvement areas, else the
    first rows."""
    everything = str(labels.ALL_COMPETENCIES)
    rows = table.rows
    if name in ("trend", "heatmap"):
        rows = [row for row in rows if row[1] == everything] or rows
    elif name == "notes":
        rows = [row for row in rows if row[0] == data.meta.get("cycles", [[0, ""]])[-1][1]]
    return rows[:TABLE_ROWS]


def _draw_table(fig, table: Table, rows: list[list]) -> None:
    """The summary table with few artists (one per cell made a PDF page slow): a shaded
    header band with one bold text per column, then each column's cells as one text whose
    lines sit on the rows, and the rules between rows as one collection."""
    columns = table.columns[:TABLE_COLUMNS]
    if not rows:
        fig.text(0.5, 0.6, str(labels.NO_DATA_CHART), ha="center", color=style.GREY)
        return
    width, height = style.size_of(fig)
    height *= 0.9  # inches for the table
    fits = max(1, int((height - HEADER_HEIGHT) / ROW_HEIGHT))
    if len(rows) > fits:
        rows = rows[:fits]
        fig.text(
            0.03,
            0.02,
            ngettext(
                "The first %(num)d row; the CSV and XLSX downloads hold all of them.",
                "The first %(num)d rows; the CSV and XLSX downloads hold all of them.",
                fits,
            ),
            ha="left",
            fontsize=style.BASE_FONT - 2,
            color=style.GREY,
        )
    text = [
        [table.display(value, col) for value, col in zip(row, columns, strict=False)]
        for row in rows
    ]
    header = ["\n".join(textwrap.wrap(c.label, 16)[:3]) for c in columns]
    left, right, top = 0.03, 0.97, 0.98  # figure fractions, as the axes of old
    span = right - left

    def y(inches: float) -> float:  # inches down from the table's top → figure fraction
        return top - inches / style.size_of(fig)[1]

    body = HEADER_HEIGHT + len(rows) * ROW_HEIGHT
    fig.add_artist(
        Rectangle(
            (left, y(HEADER_HEIGHT)), span, HEADER_HEIGHT / style.size_of(fig)[1],
            facecolor="#F2F4F7", linewidth=0,
        )
    )  # fmt: skip
    rules = [top] + [y(HEADER_HEIGHT + i * ROW_HEIGHT) for i in range(len(rows) + 1)]
    fig.add_artist(
        LineCollection(
            [((left, r), (right, r)) for r in rules], colors=style.LIGHT, linewidths=0.6,
            transform=fig.transSubfigure,
        )
    )  # fmt: skip
    size = style.BASE_FONT - 1
    pad = 0.06 / width  # inches of space left of each column's text
    x = left
    for i, (head, share) in enumerate(zip(header, _widths(header, text), strict=True)):
        fig.text(x + pad, y(HEADER_HEIGHT / 2), head, ha="left", va="center",
                 multialignment="left", fontsize=size, weight="bold")  # fmt: skip
        cells = [row[i] if i < len(row) else "" for row in text]
        tall = [_tall(cell, size) for cell in cells]
        style.text_column(
            fig, x + pad, y((HEADER_HEIGHT + body) / 2),
            ["" if t else cell for cell, t in zip(cells, tall, strict=True)],
            ROW_HEIGHT, ha="left", multialignment="left", fontsize=size,
        )  # fmt: skip
        for r, cell in enumerate(cells):
            if tall[r]:  # a capital with a diacritic (Ä, Õ) would push the column's lines
                fig.text(x + pad, y(HEADER_HEIGHT + (r + 0.5) * ROW_HEIGHT), cell, ha="left",
                         va="center", fontsize=size)  # fmt: skip
        x += share * span


def _tall(line: str, size: float) -> bool:
    """Whether ``line`` reaches above or below "lp", so it cannot share a text column."""
    _, height, descent = style.extent(line, size)
    _, lp_height, lp_descent = style.extent("lp", size)
    return height - descent > lp_height - lp_descent or descent > lp_descent


def _widths(header: list[str], text: list[list[str]]) -> list[float]:
    """Column widths in proportion to their longest line, so names are not cut off."""
    longest = [
        max([len(line) for line in head.split("\n")] + [len(row[i]) for row in text])
        for i, head in enumerate(header)
    ]
    longest = [min(max(n, 6), 48) for n in longest]
    return [n / sum(longest) for n in longest]


def _page_footer(fig, cycle_name: str, number: int, total: int) -> None:
    fig.text(
        0.97,
        0.015,
        gettext(
            "Rapport · cycle report %(cycle)s · page %(page)d of %(total)d",
            cycle=cycle_name,
            page=number,
            total=total,
        ),
        ha="right",
        fontsize=style.BASE_FONT - 1,
        color=style.GREY,
    )
