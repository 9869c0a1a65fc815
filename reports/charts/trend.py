"""Competency trends over cycles — for the organisation, some teams, or one person — as
small multiples: one panel per competency (all competencies first), the manager rating as a
solid line and the self-assessment dashed. Overlapping lines of ten competencies on one axes
would not read at a glance; panels on a shared 1–5 scale do."""

import math

import numpy as np
import pandas as pd
from flask_babel import gettext
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import Bbox, BboxTransformFrom, BboxTransformTo, ScaledTranslation

from .. import labels
from ..chartdata import ChartData
from . import style

COLUMNS = 3
PANEL_GAP = (0.1, 0.75)  # space between panels, as a share of a panel's width and height
SOURCE_STYLE = {
    "manager": {"color": style.OKABE_ITO[0], "linestyle": "-", "marker": "o", "linewidth": 1.8},
    "self": {"color": style.OKABE_ITO[1], "linestyle": "--", "marker": "s", "linewidth": 1.3},
}


def short_cycle(name: str) -> str:
    """A cycle name on two short lines ("2025 Q1" → "2025\\nQ1"), to fit under a narrow panel."""
    head, _, tail = name.rpartition(" ")
    return f"{head}\n{tail}" if head and len(name) > 5 else name


def cycle_ticks(ax, cycles, notes: dict[int, str] | None = None, short: bool = False) -> None:
    """Cycle names (and a note under each, e.g. the people behind it) as x tick labels;
    with many cycles, every few labelled and turned on their side."""
    many = len(cycles) > 12
    step = max(1, math.ceil(len(cycles) / 20)) if many else 1
    texts = []
    for i, (cid, name) in enumerate(cycles):
        note = (notes or {}).get(cid, "")
        if i % step:
            texts.append("")
        elif many:
            texts.append(f"{name} ({note})" if note else name)
        else:
            label = short_cycle(name) if short else name
            texts.append(f"{label}\n{note}" if note else label)
    ax.set_xticks(range(len(cycles)), texts, rotation=90 if many else 0)
    ax.set_xlim(-0.5, len(cycles) - 0.5)


def scale_low(data: ChartData) -> int:
    return min((int(v) for v in data.meta.get("scale", {})), default=1)


def scale_high(data: ChartData) -> int:
    return max((int(v) for v in data.meta.get("scale", {})), default=5)


def competencies_of(frame) -> list[int]:
    """Panels in order: all competencies (id 0) first, then each competency."""
    ids = sorted({int(c) for c in frame["competency_id"]})
    return ([0] if 0 in ids else []) + [c for c in ids if c != 0]


def panel_rows(frame) -> int:
    count = len(competencies_of(frame))
    return 1 if count <= 1 else math.ceil(count / COLUMNS)


def _series(frame, cycles, competency_id, source) -> tuple[np.ndarray, list]:
    rows = frame[(frame["competency_id"] == competency_id) & (frame["source"] == source)]
    means = dict(zip(rows["cycle_id"], rows["mean"], strict=True))
    hidden = dict(zip(rows["cycle_id"], rows.get("hidden", [False] * len(rows)), strict=True))
    ys = np.array([means.get(cid, np.nan) for cid, _ in cycles], dtype=float)
    return ys, [bool(hidden.get(cid, False)) for cid, _ in cycles]


def _all_series(frame, cycles) -> dict[tuple[int, str], tuple[np.ndarray, np.ndarray]]:
    """Every (competency, source)'s means per cycle (NaN where missing) and hidden flags, from
    one pass over the frame (filtering it once per panel and source cost more than drawing)."""
    at = {cid: i for i, (cid, _) in enumerate(cycles)}
    hidden = frame["hidden"] if "hidden" in frame else [False] * len(frame)
    series: dict[tuple[int, str], tuple[np.ndarray, np.ndarray]] = {}
    means = pd.to_numeric(frame["mean"], errors="coerce").to_numpy(float)
    columns = (frame["competency_id"], frame["source"], frame["cycle_id"], means, hidden)
    for comp, source, cid, mean, flag in zip(*columns, strict=True):
        if cid not in at:
            continue
        key = (int(comp), source)
        if key not in series:
            series[key] = (np.full(len(cycles), np.nan), np.zeros(len(cycles), dtype=bool))
        ys, flags = series[key]
        ys[at[cid]], flags[at[cid]] = mean, bool(flag)
    return series


def trend(data: ChartData, fig, *, person: bool = False) -> None:
    """Mean rating per cycle: one panel per competency, manager solid, self dashed."""
    frame = data.frame
    width, height = style.size_of(fig)
    _titles(data, fig, person)
    panels = competencies_of(frame)
    if frame.empty or not panels:
        style.empty(fig, str(labels.NO_DATA_CHART))
        return
    sources = [s for s in ("manager", "self") if s in set(frame["source"])]
    if len(panels) == 1:
        _single(fig, data, panels[0], sources, person, height)
    else:
        _small_multiples(fig, data, panels, sources, person, height)
    if len(sources) > 1:
        items = [
            {"label": str(labels.SOURCES[s]), "line": dict(SOURCE_STYLE[s], markersize=4)}
            for s in sources
        ]
        style.key(fig, items, 0.985, 1 - 0.36 / height)


def _names(frame) -> dict:
    return dict(zip(frame["competency_id"], frame["competency"], strict=True))


def _single(fig, data: ChartData, competency_id, sources, person: bool, height: float) -> None:
    """One competency: a full-size axes with the people under each cycle's name."""
    ax = fig.add_axes((0.07, 0.95 / height, 0.915, 1 - 2.15 / height))
    _panel(ax, data, competency_id, sources, person, True)
    name = labels.competency(competency_id, _names(data.frame)[competency_id])
    ax.set_title(
        style.wrap(name, 44),
        loc="left",
        fontsize=style.BASE_FONT,
        weight="bold" if competency_id <= 0 else "normal",
    )
    cycle_ticks(ax, data.cycles, None if person else _people_notes(data))


def _small_multiples(fig, data: ChartData, panels, sources, person: bool, height) -> None:
    """A panel per competency on a shared scale, drawn straight onto the figure: each
    panel is a transform from (cycle index, rating) to its rectangle, so there are no axes,
    ticks or layout passes to pay for — only its lines, a few rules and the words. The
    scale is labelled on the left column, the cycles under the bottom panel of each column."""
    cycles, frame = data.cycles, data.frame
    rows = math.ceil(len(panels) / COLUMNS)
    left, right, top, bottom = 0.07, 0.985, 1 - 1.2 / height, 0.95 / height
    cell_w = (right - left) / (COLUMNS + (COLUMNS - 1) * PANEL_GAP[0])
    cell_h = (top - bottom) / (rows + (rows - 1) * PANEL_GAP[1])
    low, high = scale_low(data), scale_high(data)
    levels = list(range(low, high + 1, max(1, (high - low) // 2)))
    limits = Bbox(((-0.5, low - 0.35), (len(cycles) - 0.5, high + 0.35)))
    names = _names(frame)
    series = _all_series(frame, cycles)
    nothing = (np.full(len(cycles), np.nan), np.zeros(len(cycles), dtype=bool))
    rules, frames_ = [], []
    tick = 3.5 / 72 / style.size_of(fig)[0]  # a tick mark's length as a share of the width
    x = np.arange(len(cycles))
    for index, competency_id in enumerate(panels):
        col, row = index % COLUMNS, index // COLUMNS
        x0 = left + col * cell_w * (1 + PANEL_GAP[0])
        y1 = top - row * cell_h * (1 + PANEL_GAP[1])
        rect = Bbox(((x0, y1 - cell_h), (x0 + cell_w, y1)))
        to_fig = BboxTransformFrom(limits) + BboxTransformTo(rect) + fig.transSubfigure

        def fy(value, rect=rect):
            return rect.y0 + (value - limits.y0) / limits.height * rect.height

        frames_.append([(rect.x0, rect.y1 - 0.02 * rect.height), (rect.x0, rect.y0)])
        frames_.append([(rect.x0, rect.y0), (rect.x1, rect.y0)])
        rules += [[(rect.x0, fy(v)), (rect.x1, fy(v))] for v in levels]
        if col == 0:
            frames_ += [[(rect.x0 - tick, fy(v)), (rect.x0, fy(v))] for v in levels]
            for v in levels:
                fig.text(rect.x0 - 1.8 * tick, fy(v), str(v), ha="right", va="center",
                         fontsize=style.BASE_FONT - 1)  # fmt: skip
        fx = [rect.x0 + (i + 0.5) / len(cycles) * rect.width for i in range(len(cycles))]
        frames_ += [[(f, rect.y0), (f, rect.y0 - tick * 0.6)] for f in fx]
        if index + COLUMNS >= len(panels):  # the bottom panel of its column
            for f, (_, name) in zip(fx, cycles, strict=True):
                fig.text(f, rect.y0 - 0.09 / height, short_cycle(name), ha="center", va="top",
                         fontsize=style.BASE_FONT - 1, linespacing=1.1)  # fmt: skip
        name = labels.competency(competency_id, names[competency_id])
        fig.text(
            rect.x0, rect.y1 + 0.06 / height, style.wrap(name, 38), ha="left", va="bottom",
            fontsize=style.BASE_FONT - 0.5, weight="bold" if competency_id <= 0 else "normal",
            linespacing=1.1,
        )  # fmt: skip
        for source in sources:
            ys, hidden = series.get((int(competency_id), source), nothing)
            line = Line2D(x, ys, markersize=3, transform=to_fig, **SOURCE_STYLE[source])
            line.set_gid(f"trend-{competency_id}-{source}")
            fig.add_artist(line)
            if source == "manager" and not person:
                for i in np.nonzero(hidden)[0]:
                    _hidden_span(fig, to_fig, i, limits, competency_id == 0)
        if competency_id == 0:
            if not person:
                _annotate_points(fig, to_fig, frame, cycles, competency_id)
            rated = set(frame["cycle_id"])
            for i, (cid, _) in enumerate(cycles):
                if cid not in rated:
                    _upright(fig, to_fig, i, (low + high) / 2, str(labels.NO_DATA))
    fig.add_artist(LineCollection(rules, colors=style.LIGHT, linewidths=0.8, zorder=0.5,
                                  transform=fig.transSubfigure))  # fmt: skip
    fig.add_artist(LineCollection(frames_, colors="#555555", linewidths=0.8, zorder=1,
                                  transform=fig.transSubfigure))  # fmt: skip


def _hidden_span(fig, to_fig, i: int, limits, label: bool) -> None:
    fig.add_artist(
        Rectangle(
            (i - 0.42, limits.y0), 0.84, limits.height, transform=to_fig, zorder=0.8,
            facecolor=style.HIDDEN_FACE, hatch=style.HIDDEN_HATCH, edgecolor=style.LIGHT,
            linewidth=0,
        )
    )  # fmt: skip
    if label:
        _upright(fig, to_fig, i, limits.y0 + limits.height / 2, str(labels.HIDDEN))


def _upright(fig, to_fig, x, y, text: str) -> None:
    """A small grey word standing upright at (x, y) of a panel."""
    fig.text(x, y, text, transform=to_fig, rotation=90, ha="center", va="center",
             color=style.GREY, fontsize=style.BASE_FONT - 2)  # fmt: skip


def _annotate_points(fig, to_fig, frame, cycles, competency_id) -> None:
    """n under each point of a panel (the people behind it)."""
    rows = frame[(frame["competency_id"] == competency_id) & (frame["source"] == "manager")]
    at = {cid: i for i, (cid, _) in enumerate(cycles)}
    below = to_fig + ScaledTranslation(0, -11 / 72, fig.dpi_scale_trans)
    for cid, mean, n in zip(rows["cycle_id"], rows["mean"], rows["n_people"], strict=True):
        if not math.isnan(mean):
            fig.text(at[cid], mean, compact(n), transform=below, ha="center", va="baseline",
                     fontsize=style.BASE_FONT - 2.5, color=style.GREY)  # fmt: skip


def _panel(ax, data: ChartData, competency_id, sources, person: bool, single: bool) -> None:
    cycles = data.cycles
    style.tidy(ax)
    low, high = scale_low(data), scale_high(data)
    ax.set_ylim(low - 0.35, high + 0.35)
    if single:
        ax.yaxis.set_major_locator(MaxNLocator(nbins=8, integer=True))
    else:
        ax.set_yticks(range(low, high + 1, max(1, (high - low) // 2)))
    ax.grid(axis="y", color=style.LIGHT, linewidth=0.8)
    x = np.arange(len(cycles))
    for source in sources:
        ys, hidden = _series(data.frame, cycles, competency_id, source)
        ax.plot(x, ys, markersize=4 if single else 3, **SOURCE_STYLE[source])
        if source == "manager" and not person:
            _mark_hidden(ax, hidden, label=competency_id == 0 or single)
    if single or competency_id == 0:
        if not person:
            _annotate_people(ax, data.frame, cycles, competency_id)
        _mark_empty(ax, data.frame, cycles)


def _mark_empty(ax, frame, cycles) -> None:
    """ "no data" over a cycle nobody was rated in (e.g. one with no reviews)."""
    rated = set(frame["cycle_id"])
    for i, (cid, _) in enumerate(cycles):
        if cid not in rated:
            ax.text(
                i,
                0.5,
                str(labels.NO_DATA),
                transform=ax.get_xaxis_transform(),
                rotation=90,
                ha="center",
                va="center",
                color=style.GREY,
                fontsize=style.BASE_FONT - 2,
            )


def _mark_hidden(ax, hidden: list[bool], label: bool) -> None:
    for i, flag in enumerate(hidden):
        if flag:
            ax.axvspan(
                i - 0.42,
                i + 0.42,
                facecolor=style.HIDDEN_FACE,
                hatch=style.HIDDEN_HATCH,
                edgecolor=style.LIGHT,
                linewidth=0,
            )
            if label:
                ax.text(
                    i,
                    0.5,
                    str(labels.HIDDEN),
                    transform=ax.get_xaxis_transform(),
                    rotation=90,
                    ha="center",
                    va="center",
                    color=style.GREY,
                    fontsize=style.BASE_FONT - 2,
                )


def _annotate_people(ax, frame, cycles, competency_id) -> None:
    """n under each point of the panel (the people behind it)."""
    rows = frame[(frame["competency_id"] == competency_id) & (frame["source"] == "manager")]
    at = {cid: i for i, (cid, _) in enumerate(cycles)}
    for cid, mean, n in zip(rows["cycle_id"], rows["mean"], rows["n_people"], strict=True):
        if not math.isnan(mean):
            ax.annotate(
                compact(n),
                (at[cid], mean),
                textcoords="offset points",
                xytext=(0, -11),
                ha="center",
                fontsize=style.BASE_FONT - 2.5,
                color=style.GREY,
            )


def compact(n) -> str:
    """A count short enough to sit under a point: 36, 950, 9.9k, 12k."""
    n = int(n)
    if n < 1000:
        return str(n)
    return f"{math.floor(n / 100) / 10:.1f}k" if n < 10_000 else f"{n // 1000}k"


def _people_notes(data: ChartData) -> dict[int, str]:
    frame = data.frame
    manager = frame[frame["source"] == "manager"]
    notes = {}
    for cid, _ in data.cycles:
        rows = manager[manager["cycle_id"] == cid]
        if rows.empty:
            notes[cid] = str(labels.NO_DATA)
        elif bool(rows["hidden"].iloc[0]):
            notes[cid] = str(labels.HIDDEN)
        else:
            notes[cid] = labels.people(rows["n_people"].iloc[0])
    return notes


def _titles(data: ChartData, fig, person: bool) -> None:
    name = data.meta.get("scope", {}).get("name")
    if person and name:  # someone else's history (reports.web.history)
        title = gettext("Competency ratings of %(name)s over time", name=name)
        sub = gettext("The manager's rating in each review shared with %(name)s", name=name)
    elif person:
        title = gettext("Your competency ratings over time")
        sub = gettext("Your manager's rating in each review shared with you")
    else:
        title = gettext("Competency trends over cycles")
        sub = gettext("Mean manager rating per cycle · %(subject)s", subject=data.meta["subject"])
    notes = [
        gettext(
            "Scale %(low)d–%(high)d; “not applicable” ratings excluded.",
            low=scale_low(data),
            high=scale_high(data),
        )
    ]
    if person and (data.frame["competency_id"] == -1).any():
        notes.append(gettext("Overall (weighted): each competency counts by its weight."))
    if not person:
        notes.append(
            gettext("Small grey numbers: people rated (n); every point's n is in the table.")
        )
        if data.any_hidden:
            notes.append(
                gettext(
                    "Hatched: hidden — fewer than %(num)d people, or to protect such a group.",
                    num=data.min_size,
                )
            )
    style.frame_title(fig, title, sub)
    style.footnote(fig, *notes)
