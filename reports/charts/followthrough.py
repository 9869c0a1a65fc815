"""Follow-through of action items: per team, the share of the cycle's action items done by
the next cycle (or so far), with all the teams shown together as a line across."""

import numpy as np
from flask_babel import gettext

from .. import labels
from ..chartdata import ChartData
from . import style

DONE = style.OKABE_ITO[2]
TOTAL = style.OKABE_ITO[6]
MAX_TEAMS = 20


def rows_to_draw(frame):
    """The teams (not the total), at most MAX_TEAMS: those with the lowest share first
    chosen (hidden ones count as lowest, so they show as hidden), in name order."""
    teams = frame[~frame["total"].astype(bool)] if not frame.empty else frame
    if len(teams) <= MAX_TEAMS:
        return teams
    share = teams["done_pct"].fillna(-1)
    return teams.assign(_s=share).sort_values(["_s", "team"]).head(MAX_TEAMS).drop(columns="_s")


def title(data: ChartData) -> str:
    cycle = data.meta.get("cycle", "")
    if data.meta.get("so_far"):
        return gettext("Action items done so far, %(cycle)s", cycle=cycle)
    return gettext("Action items done by the next cycle, %(cycle)s", cycle=cycle)


def follow_through(data: ChartData, fig) -> None:
    frame = data.frame
    width, height = style.size_of(fig)
    style.frame_title(
        fig,
        title(data),
        gettext(
            "Share of the action items agreed in each team's reviews that were done · %(subject)s",
            subject=data.meta["subject"],
        ),
    )
    if frame.empty or not frame["agreed"].fillna(1).any():
        style.empty(fig, str(labels.NO_DATA_CHART))
        return
    shown = rows_to_draw(frame)
    rows = shown.sort_values("team").iloc[::-1]
    names = [
        labels.team(r["team_id"], r["team"])
        + ("" if r["hidden"] else f" ({labels.people(r['n_people'])})")
        for r in rows.to_dict("records")
    ]
    left = style.margin_for(names, width)
    ax = fig.add_axes((left, 0.95 / height, 0.96 - left, 1 - 1.95 / height))
    style.tidy(ax)
    y = np.arange(len(rows))
    values = rows["done_pct"].to_numpy(dtype=float)
    style.hbars(ax, y, values, 0.6, DONE)
    for yi, value, hidden in zip(y, values, rows["hidden"], strict=True):
        if not hidden and value == value:
            ax.text(min(value, 88) + 1, yi, labels.number(value, 0) + " %", va="center",
                    fontsize=style.BASE_FONT - 1)  # fmt: skip
    hidden = [yi for yi, flag in zip(y, rows["hidden"], strict=True) if flag]
    style.hidden_share_rows(ax, hidden, 0.8, labels.hidden_note(data.min_size))
    style.row_names(ax, y, names)
    ax.set_ylim(-0.6, max(len(rows), 1) - 0.4)
    ax.set_xlim(0, 100)
    ax.set_xlabel(gettext("Share of the team's action items done (%)"))
    ax.grid(axis="x", color=style.LIGHT)
    totals = frame[frame["total"].astype(bool)]
    lines = [gettext("n = people with action items in the team")]
    if len(totals) and not bool(totals["hidden"].iloc[0]):
        share = float(totals["done_pct"].iloc[0])
        if share == share:
            ax.axvline(share, color=TOTAL, linestyle="--", linewidth=1.2)
            lines.append(
                gettext("Dashed line: all teams shown, %(share)s %%", share=labels.number(share, 0))
            )
    if len(shown) < len(frame) - 1:
        lines.append(
            gettext(
                "The %(shown)d of %(total)d teams with the lowest share; all are in the table.",
                shown=len(shown),
                total=len(frame) - 1,
            )
        )
    style.footnote(fig, *lines)
