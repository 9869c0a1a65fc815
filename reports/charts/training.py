"""The training charts: hours per person per team over the cycles (one line per team, the
total bold), and each competency's mean manager rating before and after a training in it
(an arrow from before to after)."""

import numpy as np
from flask_babel import gettext
from matplotlib.lines import Line2D

from .. import labels
from ..chartdata import ChartData
from . import style
from .trend import cycle_ticks

MAX_TEAMS = 8  # lines that stay readable; the table has every team
TOTAL = -1


def hours(data: ChartData, fig) -> None:
    frame = data.frame
    width, height = style.size_of(fig)
    style.frame_title(
        fig,
        gettext("Training hours per person"),
        gettext(
            "Hours of training per person reviewed, per team and cycle · %(subject)s",
            subject=data.meta["subject"],
        ),
    )
    if frame.empty or not data.cycles:
        style.empty(fig, str(labels.NO_DATA_CHART))
        return
    cycles = data.cycles
    at = {cid: k for k, (cid, _) in enumerate(cycles)}
    ax = fig.add_axes((0.08, 1.1 / height, 0.66, 1 - 2.0 / height))
    style.tidy(ax)
    teams = frame[frame["team_id"] != TOTAL]
    order = (teams.groupby(["team_id", "team"])["hours"].sum().sort_values(ascending=False).index)[
        :MAX_TEAMS
    ]
    items = []
    for k, (team_id, name) in enumerate(order):
        rows = teams[teams["team_id"] == team_id]
        colour = style.OKABE_ITO[(k + 1) % len(style.OKABE_ITO)]
        x = [at[int(c)] for c in rows["cycle_id"]]
        ax.plot(x, rows["hours_per_person"].to_numpy(dtype=float), color=colour, marker="o",
                linewidth=1.4, markersize=4)  # fmt: skip
        label = str(labels.NO_TEAM) if int(team_id) == 0 else name
        items.append((label, colour))
    total = frame[frame["team_id"] == TOTAL]
    x = [at[int(c)] for c in total["cycle_id"]]
    ax.plot(x, total["hours_per_person"].to_numpy(dtype=float), color="black", marker="s",
            linewidth=2.6, markersize=5)  # fmt: skip
    for xi, flag in zip(x, total["hidden"], strict=True):
        if flag:
            ax.text(xi, 0, labels.hidden_note(data.min_size), rotation=90, ha="center",
                    va="bottom", fontsize=style.BASE_FONT - 2, color=style.GREY)  # fmt: skip
    cycle_ticks(ax, cycles)
    ax.set_ylim(bottom=0)
    ax.set_ylabel(gettext("Hours per person"))
    ax.grid(axis="y", color=style.LIGHT)
    names = [(gettext("All teams shown"), "black"), *items]
    top = 1 - 1.1 / height
    for k, (label, colour) in enumerate(names):
        y = top - k * 0.22 / height
        fig.add_artist(
            Line2D(
                [0.765, 0.8], [y, y], color=colour, linewidth=2.6 if k == 0 else 1.4,
                transform=fig.transSubfigure,
            )
        )  # fmt: skip
        fig.text(0.81, y, style.wrap(label, 24), va="center", fontsize=style.BASE_FONT - 1)
    lines = [
        gettext(
            "A training counts in the cycle whose period holds its date, for the team "
            "the person was reviewed in."
        ),  # fmt: skip
        gettext("Trainings without hours add none (see the table)."),
    ]
    if data.any_hidden:
        lines.append(gettext("Teams of fewer than %(n)d people are hidden.", n=data.min_size))
    style.footnote(fig, *lines)


def before_after(data: ChartData, fig) -> None:
    frame = data.frame
    width, height = style.size_of(fig)
    style.frame_title(
        fig,
        gettext("Ratings before and after a training"),
        gettext(
            "Mean manager rating in the last review before and the first review after a "
            "training in the competency · %(subject)s",
            subject=data.meta["subject"],
        ),
    )
    if frame.empty:
        style.empty(fig, str(labels.NO_DATA_CHART))
        return
    rows = frame.iloc[::-1]
    names = [
        f"{row['competency']} ({'n = ' + str(int(row['n_pairs'])) if not row['hidden'] else labels.HIDDEN})"
        for row in rows.to_dict("records")
    ]
    left = style.margin_for(names, width)
    ax = fig.add_axes((left, 0.95 / height, 0.96 - left, 1 - 1.95 / height))
    style.tidy(ax)
    y = np.arange(len(rows))
    before = rows["before"].to_numpy(dtype=float)
    after = rows["after"].to_numpy(dtype=float)
    low = np.nanmin(np.concatenate([before, after, [3.0]]))
    high = np.nanmax(np.concatenate([before, after, [3.0]]))
    lo, hi = max(0.5, np.floor(low) - 0.5), np.ceil(high) + 0.5
    for yi, b, a, flag in zip(y, before, after, rows["hidden"], strict=True):
        if flag:
            ax.add_patch(style.hidden_box((lo + hi) / 2, yi, width=hi - lo, height=0.7))
            ax.text((lo + hi) / 2, yi, labels.hidden_note(data.min_size), ha="center",
                    va="center", fontsize=style.BASE_FONT - 1, color=style.GREY)  # fmt: skip
            continue
        colour = style.OKABE_ITO[2] if a >= b else style.OKABE_ITO[5]
        ax.annotate("", xy=(a, yi), xytext=(b, yi),
                    arrowprops={"arrowstyle": "->", "color": colour, "lw": 1.6})  # fmt: skip
        ax.plot([b], [yi], "o", color=style.GREY, markersize=6, markerfacecolor="white")
        ax.plot([a], [yi], "o", color=colour, markersize=6)
    style.row_names(ax, y, names)
    ax.set_ylim(-0.6, max(len(rows), 1) - 0.4)
    ax.set_xlim(lo, hi)
    ax.set_xlabel(gettext("Mean manager rating"))
    ax.grid(axis="x", color=style.LIGHT)
    style.key(
        fig,
        [
            {"label": gettext("Before"), "line": {"color": style.GREY, "marker": "o",
                                                  "markerfacecolor": "white", "linewidth": 0}},
            {"label": gettext("After"), "line": {"color": style.OKABE_ITO[2], "marker": "o",
                                                 "linewidth": 0}},
        ],
        0.96,
        1 - 0.68 / height,
    )  # fmt: skip
    style.footnote(
        fig,
        gettext("n = people with a rating before and after (their first training in it)"),
        gettext("Competencies with fewer than %(n)d people are hidden.", n=data.min_size),
    )


def size_of_before_after(data: ChartData) -> float:
    return max(3.4, 1.9 + 0.42 * len(data.frame))
