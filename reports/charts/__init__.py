"""One function per chart, each drawing a ChartData into a matplotlib figure (or a
subfigure of a report page) with the Figure API — never pyplot — and an Agg canvas.

``figure(name, data)`` makes a figure of the right size and draws the chart into it;
``size(name, data)`` says that size in inches, so a page can set an image's width and height
before the image is drawn."""

from collections.abc import Callable

from matplotlib import rc_context
from matplotlib.figure import Figure

from ..chartdata import ChartData
from . import (
    followthrough,
    grid,
    ideas,
    levels,
    notes,
    procedures,
    progress,
    recognition,
    style,
    training,
    trend,
)

WIDTH = 9.0

DRAW: dict[str, Callable] = {
    "trend": trend.trend,
    "heatmap": grid.heatmap,
    "distribution": levels.distribution,
    "gap": levels.gap,
    "notes": notes.notes,
    "ideas": ideas.ideas,
    "idea-breakdown": ideas.idea_breakdown,
    "completion": progress.completion,
    "recognition": recognition.draw,
    "my-trend": lambda data, fig: trend.trend(data, fig, person=True),
    "my-gap": lambda data, fig: levels.gap(data, fig, person=True),
    "procedure-currency": procedures.currency,
    "training-hours": training.hours,
    "training-effect": training.before_after,
    "follow-through": followthrough.follow_through,
}


def _rows(count: int, base: float, per_row: float, least: float) -> float:
    return max(least, base + per_row * count)


def size(name: str, data: ChartData) -> tuple[float, float]:
    """The figure size in inches for chart ``name`` showing ``data``."""
    frame = data.frame
    if name in ("trend", "my-trend"):
        rows = trend.panel_rows(frame)
        return WIDTH, 4.8 if rows <= 1 and len(trend.competencies_of(frame)) <= 1 else (
            2.2 + 1.5 * rows
        )
    if name == "heatmap":
        base = 0.7 + (grid.top_margin(frame) if not frame.empty else 2.0)
        return WIDTH, _rows(len(grid.teams_to_draw(frame)[0]), base, grid.row_height(frame), 3.8)
    if name in ("gap", "my-gap"):
        return WIDTH, _rows(len(frame), 1.7, 0.36, 3.0)
    if name == "notes":
        return WIDTH, _rows(frame["competency_id"].nunique(), 2.1, 0.34, 3.6)
    if name == "idea-breakdown":
        counts = frame["by"].value_counts() if not frame.empty else {}
        longest = min(ideas.MAX_ROWS, max(counts.values, default=0) if len(counts) else 0)
        return WIDTH, _rows(longest, 2.3, 0.3, 3.6)
    if name == "completion":
        return WIDTH, _rows(len(progress.rows_to_draw(frame)), 1.9, 0.62, 3.2)
    if name == "ideas":
        return WIDTH, 5.6
    if name == "recognition":
        return WIDTH, recognition.height(frame)
    if name == "training-effect":
        return WIDTH, training.size_of_before_after(data)
    if name == "follow-through":
        return WIDTH, _rows(len(followthrough.rows_to_draw(frame)), 1.9, 0.42, 3.2)
    return WIDTH, 4.8


def draw(name: str, data: ChartData, fig) -> None:
    """Draw chart ``name`` into ``fig`` (a Figure or a report page's SubFigure)."""
    with rc_context(style.RC):
        DRAW[name](data, fig)


def figure(name: str, data: ChartData) -> Figure:
    """A new figure, sized for the data, with chart ``name`` drawn in it."""
    with rc_context(style.RC):
        fig = style.new_figure(*size(name, data))
        DRAW[name](data, fig)
    return fig
