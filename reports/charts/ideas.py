"""The idea pipeline: per cycle (submitted, implemented, declined; median days to a first
response and to a decision) and by team and category. Never by person."""

import numpy as np
from flask_babel import gettext
from matplotlib.ticker import MaxNLocator

from .. import labels
from ..chartdata import ChartData
from . import style
from .trend import cycle_ticks

IDEA_COLOURS = {
    "submitted": "#56B4E9",
    "implemented": "#009E73",
    "declined": "#D55E00",
    "open": "#E69F00",
    "merged": "#999999",
}

MAX_ROWS = 15  # bars per panel of the breakdown


def ideas(data: ChartData, fig) -> None:
    """Per cycle: ideas submitted, implemented and declined (bars), and the median days to a
    first response and to a decision (lines below)."""
    frame, cycles = data.frame, data.cycles
    width, height = style.size_of(fig)
    style.frame_title(
        fig,
        gettext("Idea pipeline per cycle"),
        gettext(
            "Ideas by the cycle they were submitted in · %(subject)s", subject=data.meta["subject"]
        ),
    )
    x = np.arange(len(cycles))
    rows = frame.set_index("cycle_id")
    top_ax = fig.add_axes((0.07, 0.52, 0.915, 1 - 0.52 - 1.3 / height))
    low_ax = fig.add_axes((0.07, 0.85 / height, 0.915, 0.37 - 0.85 / height))
    for ax in (top_ax, low_ax):
        style.tidy(ax)
        ax.set_xlim(-0.5, len(cycles) - 0.5)
    for k, measure in enumerate(("submitted", "implemented", "declined")):
        values = np.array([_get(rows, cid, measure) for cid, _ in cycles])
        bars = top_ax.bar(
            x + (k - 1) * 0.26,
            values,
            0.26,
            color=IDEA_COLOURS[measure],
            label=str(labels.IDEA_MEASURES[measure]),
        )
        top_ax.bar_label(
            bars,
            [f"{int(v)}" if v or measure == "submitted" else "" for v in values],
            fontsize=style.BASE_FONT - 2,
            padding=1,
        )
    top_ax.set_ylabel(gettext("Ideas"))
    top_ax.set_xticks(x, [""] * len(cycles))
    top_ax.grid(axis="y", color=style.LIGHT)
    top_ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    top_ax.legend(loc="lower left", bbox_to_anchor=(0, 1.02), ncol=3, frameon=False)
    _median_lines(low_ax, rows, cycles)
    cycle_ticks(low_ax, cycles)
    lines = [gettext("Implemented / declined: what has become of the cycle's ideas so far.")]
    if frame[["response_hidden", "decision_hidden"]].to_numpy().any():
        lines.append(
            gettext("Medians over fewer than %(num)d ideas are hidden.", num=data.min_size)
        )
    style.footnote(fig, *lines)


def _get(rows, cycle_id, column) -> float:
    return float(rows.loc[cycle_id, column]) if cycle_id in rows.index else 0.0


def _median_lines(ax, rows, cycles) -> None:
    x = np.arange(len(cycles))
    series = (
        ("response_days", gettext("Median days to first response"), "#000000", "o"),
        ("decision_days", gettext("Median days to decision"), "#CC79A7", "s"),
    )
    for column, label, colour, mark in series:
        ys = np.array(
            [float(rows.loc[c, column]) if c in rows.index else np.nan for c, _ in cycles]
        )
        ax.plot(x, ys, color=colour, marker=mark, markersize=4, label=label, linewidth=1.5)
    for i, (cid, _) in enumerate(cycles):
        if cid in rows.index and (
            rows.loc[cid, "response_hidden"] or rows.loc[cid, "decision_hidden"]
        ):
            ax.text(
                i,
                0.55,
                str(labels.HIDDEN),
                transform=ax.get_xaxis_transform(),
                ha="center",
                fontsize=style.BASE_FONT - 2,
                color=style.GREY,
            )
    ax.set_ylabel(gettext("Days"))
    ax.set_ylim(bottom=0)
    ax.grid(axis="y", color=style.LIGHT)
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.02), ncol=2, frameon=False)


def idea_breakdown(data: ChartData, fig) -> None:
    """For the cycle range: ideas by team (left) and by category (right), each bar split
    into what became of them."""
    frame = data.frame
    width, height = style.size_of(fig)
    style.frame_title(
        fig,
        gettext("Ideas by team and category"),
        gettext(
            "Ideas submitted %(range)s · %(subject)s",
            range=data.meta.get("range", ""),
            subject=data.meta["subject"],
        ),
    )
    if frame.empty or not frame["submitted"].sum():
        style.empty(fig, str(labels.NO_DATA_CHART))
        return
    limit = MAX_ROWS
    parts = [("team", gettext("By team")), ("category", gettext("By category"))]
    shown = {by: frame[frame["by"] == by].head(limit).iloc[::-1] for by, _ in parts}
    names = {
        by: [style.wrap(_row_name(r), 24) for r in rows[["by", "key", "name"]].to_dict("records")]
        for by, rows in shown.items()
    }
    left = min(0.3, style.margin_for(sum(names.values(), []), width / 2) / 2 + 0.01)
    measures = ("implemented", "declined", "open", "merged")
    for k, (by, title) in enumerate(parts):
        rows = shown[by]
        ax = fig.add_axes((left + k * 0.5, 0.95 / height, 0.47 - left, 1 - 1.95 / height))
        style.tidy(ax)
        ax.text(0, 1.02, title, transform=ax.transAxes, ha="left", va="bottom",
                fontsize=style.BASE_FONT + 1)  # fmt: skip
        y = np.arange(len(rows))
        start = np.zeros(len(rows))
        for measure in measures:
            values = rows[measure].to_numpy(dtype=float)
            style.hbars(ax, y, values, 0.65, IDEA_COLOURS[measure], left=start)
            start += values
        for yi, total in zip(y, start, strict=True):
            ax.text(total + 0.2, yi, f"{int(total)}", va="center", fontsize=style.BASE_FONT - 2)
        style.row_names(ax, y, names[by])
        ax.set_ylim(-0.6, max(len(rows), 1) - 0.4)
        ax.set_xlabel(gettext("Ideas submitted"))
        ax.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        ax.set_xlim(0, max(1.0, float(start.max(initial=0))) * 1.15)
        ax.grid(axis="x", color=style.LIGHT)
    items = [{"label": str(labels.IDEA_MEASURES[m]), "patch": IDEA_COLOURS[m]} for m in measures]
    style.key(fig, items, 0.5, 0.45 / height, align="center")
    lines = [gettext("Bars: ideas submitted, split by what became of them.")]
    teams = int((frame["by"] == "team").sum())
    if teams > MAX_ROWS:
        lines.append(
            gettext(
                "The %(shown)d of %(total)d teams with the most ideas; all are in the table.",
                shown=MAX_ROWS,
                total=teams,
            )
        )
    style.footnote(fig, *lines)


def _row_name(row) -> str:
    return labels.breakdown_name(row["by"], row["key"], row["name"])
