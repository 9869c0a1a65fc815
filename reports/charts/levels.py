"""How ratings spread: the share of each scale level per cycle, and the gap between the
self-assessment and the manager's rating per competency."""

import math

import numpy as np
from flask_babel import gettext

from .. import labels
from ..chartdata import ChartData
from . import style
from .trend import cycle_ticks

# Diverging colour-blind-safe colours for a five-level scale, low (vermillion) to high (blue).
FIVE_LEVELS = ["#D55E00", "#E69F00", "#C8C8C8", "#56B4E9", "#0072B2"]


def distribution(data: ChartData, fig) -> None:
    """Per cycle, the share of manager ratings at each scale level, stacked to 100 %."""
    frame, cycles = data.frame, data.cycles
    width, height = style.size_of(fig)
    scale = {int(k): v for k, v in data.meta.get("scale", {}).items()}
    levels = sorted(scale)
    colours = FIVE_LEVELS if len(levels) == 5 else _sampled(len(levels))
    ax = fig.add_axes((0.07, 0.95 / height, 0.62, 1 - 1.75 / height))
    style.tidy(ax)
    x = np.arange(len(cycles))
    rows = frame.set_index("cycle_id")
    bottom = np.zeros(len(cycles))
    for level, colour in zip(levels, colours, strict=True):
        share = np.array([_value(rows, cid, f"level_{level}") for cid, _ in cycles])
        share = np.nan_to_num(share)
        ax.bar(
            x,
            share,
            0.7,
            bottom=bottom,
            color=colour,
            edgecolor="white",
            linewidth=0.5,
            label=f"{level} – {scale[level]}",
        )
        bottom += share
    notes = {}
    for i, (cid, _) in enumerate(cycles):
        n = _value(rows, cid, "n_people")
        hidden = bool(rows.loc[cid, "hidden"]) if cid in rows.index else False
        if hidden:
            ax.bar(
                i,
                100,
                0.7,
                color=style.HIDDEN_FACE,
                hatch=style.HIDDEN_HATCH,
                edgecolor=style.LIGHT,
                linewidth=0,
            )
            ax.text(
                i,
                50,
                str(labels.HIDDEN),
                ha="center",
                va="center",
                rotation=90,
                color=style.GREY,
                fontsize=style.BASE_FONT - 1,
            )
        notes[cid] = (
            str(labels.HIDDEN)
            if hidden
            else labels.people(n)
            if n and not math.isnan(n)
            else str(labels.NO_DATA)
        )
    cycle_ticks(ax, cycles, notes)
    ax.set_ylim(0, 100)
    ax.set_ylabel(gettext("Share of manager ratings (%)"))
    ax.legend(
        loc="center left",
        bbox_to_anchor=(1.02, 0.5),
        frameon=False,
        title=gettext("Scale level"),
        reverse=True,
    )
    style.frame_title(
        fig,
        gettext("Rating distribution per cycle"),
        gettext("Manager ratings · %(subject)s", subject=data.meta["subject"]),
    )
    notes = [
        gettext("“Not applicable” ratings are excluded from the bars (counted in the table)."),
        gettext("n = people rated"),
    ]
    if data.any_hidden:
        notes.append(gettext("Hatched: hidden, fewer than %(num)d people.", num=data.min_size))
    style.footnote(fig, *notes)


def _value(rows, cycle_id, column) -> float:
    if cycle_id not in rows.index:
        return np.nan
    return float(rows.loc[cycle_id, column])


def _sampled(n: int) -> list:
    from matplotlib import colormaps

    cmap = colormaps[style.HEATMAP]
    return [cmap(i / max(1, n - 1)) for i in range(n)]


def gap(data: ChartData, fig, *, person: bool = False) -> None:
    """Self minus manager rating per competency: right of zero people rate themselves
    higher than their manager does, left of zero lower. All competencies last."""
    frame = data.frame
    width, height = style.size_of(fig)
    rows = frame.sort_values("competency_id", key=lambda s: s.replace(0, 10**9))
    ids = list(rows["competency_id"])
    names = [
        style.wrap(labels.competency(c, n), 46)
        for c, n in zip(ids, rows["competency"], strict=True)
    ]
    left = style.margin_for(names, width)
    ax = fig.add_axes((left, 0.8 / height, 0.96 - left, 1 - 1.65 / height))
    style.tidy(ax)
    _gap_titles(data, fig, person)
    if frame.empty:
        style.empty(fig, str(labels.NO_DATA_CHART))
        ax.set_axis_off()
        return
    y = np.arange(len(rows))[::-1]
    values = rows["gap"].to_numpy(dtype=float)
    colours = [style.OKABE_ITO[1] if v > 0 else style.OKABE_ITO[0] for v in np.nan_to_num(values)]
    ax.barh(y, np.nan_to_num(values), 0.6, color=colours)
    widest = float(np.nanmax(np.abs(values))) if np.isfinite(values).any() else 0.0
    limit = max(1.0, widest * 1.25 + (0.2 if person else 0.5))
    hidden = rows["hidden"] if "hidden" in rows else [False] * len(rows)
    people = rows["n_people"] if "n_people" in rows else [None] * len(rows)
    for yi, value, flag, n in zip(y, values, hidden, people, strict=True):
        if flag:
            ax.add_patch(style.hidden_box(0, yi, width=1.9 * limit, height=0.7))
            ax.text(
                0,
                yi,
                labels.hidden_note(data.min_size),
                ha="center",
                va="center",
                fontsize=style.BASE_FONT - 1,
                color=style.GREY,
            )
        elif not math.isnan(value):
            text = labels.signed(value, 1 if person else 2)
            if n is not None:
                text += f"   ({labels.people(n)})"
            ax.text(
                value + (0.03 if value >= 0 else -0.03) * limit,
                yi,
                text,
                ha="left" if value >= 0 else "right",
                va="center",
                fontsize=style.BASE_FONT - 1,
            )
    ax.set_yticks(y, names)
    for tick, competency_id in zip(ax.get_yticklabels(), ids, strict=True):
        if competency_id == 0:
            tick.set_fontweight("bold")
    if 0 in ids and len(ids) > 1:
        ax.axhline(0.5, color=style.LIGHT, linewidth=1)
    ax.set_xlim(-limit, limit)
    ax.axvline(0, color="#333333", linewidth=0.8)
    ax.grid(axis="x", color=style.LIGHT, linewidth=0.8)
    ax.set_xlabel(gettext("← manager rated higher        self-assessment higher →"))


def _gap_titles(data: ChartData, fig, person: bool) -> None:
    cycle = data.meta.get("cycle", "")
    name = data.meta.get("scope", {}).get("name")
    if person and name:  # someone else's history (reports.web.history)
        title = gettext(
            "Self-assessment vs manager rating of %(name)s, %(cycle)s", name=name, cycle=cycle
        )
        sub = gettext("%(name)s's own rating minus the manager's, per competency", name=name)
    elif person:
        title = gettext("Your self-assessment vs your manager's rating, %(cycle)s", cycle=cycle)
        sub = gettext("Your rating minus your manager's, per competency")
    else:
        title = gettext("Self-assessment vs manager rating, %(cycle)s", cycle=cycle)
        sub = gettext(
            "Mean of self minus manager rating · %(subject)s", subject=data.meta["subject"]
        )
    notes = [gettext("Only competencies both sides rated (not “not applicable”).")]
    if not person:
        notes.append(gettext("n = people with both ratings"))
    style.frame_title(fig, title, sub)
    style.footnote(fig, *notes)
