"""Procedure currency: per team, the share of people up to date at the end of each cycle."""

import numpy as np
from flask_babel import gettext

from .. import labels
from ..chartdata import ChartData
from . import style

MAX_TEAMS = 8


def currency(data: ChartData, fig) -> None:
    frame = data.frame
    width, height = style.size_of(fig)
    style.frame_title(
        fig,
        gettext("Procedure currency"),
        gettext(
            "Share of the people asked who had confirmed the current version of every "
            "procedure, at the end of each cycle · %(subject)s",
            subject=data.meta["subject"],
        ),
    )
    if frame.empty or not frame["n_people"].fillna(0).any() and not frame["hidden"].any():
        style.empty(fig, str(labels.NO_DATA_CHART))
        return
    cycles = list(dict.fromkeys(frame["cycle"]))
    asked = frame.groupby("cycle", sort=False).apply(
        lambda rows: bool(rows["n_people"].fillna(0).any() or rows["hidden"].any())
    )
    first = next((i for i, c in enumerate(cycles) if asked.get(c, False)), 0)
    cycles = cycles[first:]  # the cycles before anyone was asked are left out of the picture
    frame = frame[frame["cycle"].isin(cycles)]
    x = np.arange(len(cycles))
    ax = fig.add_axes((0.07, 1.0 / height, 0.9, 1 - 2.0 / height))
    style.tidy(ax)
    whole = data.meta.get("whole_org", True)
    total_name = gettext("Organisation") if whole else gettext("All chosen teams")
    series = [(total_name, frame[frame["total"]], True)]
    teams = frame[~frame["total"]]
    for key in list(dict.fromkeys(zip(teams["team_id"].fillna(-1), teams["team"], strict=True)))[
        :MAX_TEAMS
    ]:
        rows = teams[teams["team_id"].fillna(-1) == key[0]]
        series.append((labels.team(rows["team_id"].iloc[0], key[1]), rows, False))
    items = []
    for k, (name, rows, bold) in enumerate(series):
        values = np.full(len(cycles), np.nan)
        for cycle, share in zip(rows["cycle"], rows["share"], strict=True):
            values[cycles.index(cycle)] = share
        colour = "#222222" if bold else style.OKABE_ITO[(k - 1) % len(style.OKABE_ITO)]
        line = {"color": colour, "linewidth": 2.6 if bold else 1.6, "marker": "o",
                "markersize": 5 if bold else 4}  # fmt: skip
        ax.plot(x, values, zorder=4 if bold else 2, **line)
        items.append({"label": name, "line": line})
    ax.set_xticks(x, cycles)
    ax.set_xlim(-0.3, max(len(cycles) - 1, 0) + 0.3)
    ax.set_ylim(0, 105)
    ax.set_ylabel(gettext("Up to date (%)"))
    ax.grid(axis="y", color=style.LIGHT)
    style.key(fig, items, 0.012, 1 - 0.75 / height, align="left")
    notes = [
        gettext("A person counts from the moment they are asked to confirm a procedure."),
        gettext("People without a team are not counted."),
    ]
    if frame["hidden"].any():
        notes.append(labels.hidden_note(data.min_size))
    style.footnote(fig, *notes)
