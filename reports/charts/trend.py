"""Competency trends over cycles — for the organisation, some teams, or one person — as
small multiples: one panel per competency (all competencies first), the manager rating as a
solid line and the self-assessment dashed. Overlapping lines of ten competencies on one axes
would not read at a glance; panels on a shared 1–5 scale do."""

import math

import numpy as np
from flask_babel import gettext
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from .. import labels
from ..chartdata import ChartData
from . import style

COLUMNS = 3
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


def trend(data: ChartData, fig, *, person: bool = False) -> None:
    """Mean rating per cycle: one panel per competency, manager solid, self dashed."""
    frame, cycles = data.frame, data.cycles
    width, height = style.size_of(fig)
    _titles(data, fig, person)
    panels = competencies_of(frame)
    if frame.empty or not panels:
        style.empty(fig, str(labels.NO_DATA_CHART))
        return
    single = len(panels) == 1
    columns = 1 if single else COLUMNS
    rows = math.ceil(len(panels) / columns)
    grid = fig.add_gridspec(
        rows,
        columns,
        left=0.07,
        right=0.985,
        top=1 - 1.2 / height,
        bottom=0.95 / height,
        hspace=0.75 if rows > 1 else 0.2,
        wspace=0.1,
    )
    names = dict(zip(frame["competency_id"], frame["competency"], strict=True))
    sources = [s for s in ("manager", "self") if s in set(frame["source"])]
    for index, competency_id in enumerate(panels):
        ax = fig.add_subplot(grid[index // columns, index % columns])
        bottom_row = index + columns >= len(panels)
        _panel(ax, data, competency_id, sources, person, single)
        name = labels.competency(competency_id, names[competency_id])
        ax.set_title(
            style.wrap(name, 44 if single else 38),
            loc="left",
            fontsize=style.BASE_FONT - (0 if single else 0.5),
            weight="bold" if competency_id == 0 else "normal",
        )
        notes = _people_notes(data) if single and not person and bottom_row else None
        cycle_ticks(ax, cycles, notes, short=not single)
        if not bottom_row:
            ax.tick_params(labelbottom=False)
        if index % columns:
            ax.tick_params(labelleft=False)
    if len(sources) > 1:
        handles = [Line2D([], [], **SOURCE_STYLE[s], markersize=4) for s in sources]
        fig.legend(
            handles,
            [str(labels.SOURCES[s]) for s in sources],
            loc="upper right",
            bbox_to_anchor=(0.985, 1 - 0.3 / height),
            ncol=2,
            frameon=False,
        )


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
    if person:
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
    if not person:
        notes.append(
            gettext("Small grey numbers: people rated (n); every point's n is in the table.")
        )
        if data.any_hidden:
            notes.append(gettext("Hatched: hidden, fewer than %(num)d people.", num=data.min_size))
    style.frame_title(fig, title, sub)
    style.footnote(fig, *notes)
