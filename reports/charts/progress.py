"""How far the reviews of a cycle have come, per team: self-assessment, manager
assessment, shared, acknowledged."""

import numpy as np
from flask_babel import gettext

from .. import labels
from ..chartdata import ChartData
from . import style

STEP_COLOURS = ["#56B4E9", "#0072B2", "#E69F00", "#009E73"]
MAX_TEAMS = 15


def rows_to_draw(frame):
    """At most MAX_TEAMS teams — those least far along (fewest acknowledged) — in name
    order; hidden teams count as least far along, so they are shown as hidden."""
    if len(frame) <= MAX_TEAMS:
        return frame
    progress = frame["acknowledged_pct"].fillna(-1)
    chosen = frame.assign(_p=progress).sort_values(["_p", "team"]).head(MAX_TEAMS)
    return chosen.drop(columns="_p").sort_values("team")


def completion(data: ChartData, fig) -> None:
    """Per team, the share of the cycle's reviews past each step."""
    frame = data.frame
    width, height = style.size_of(fig)
    style.frame_title(
        fig,
        gettext("Review progress, %(cycle)s", cycle=data.meta.get("cycle", "")),
        gettext(
            "Share of each team's reviews that have reached each step · %(subject)s",
            subject=data.meta["subject"],
        ),
    )
    if frame.empty:
        style.empty(fig, str(labels.NO_DATA_CHART))
        return
    shown = rows_to_draw(frame)
    rows = shown.iloc[::-1]
    names = [
        _team_label(row)
        for row in rows[["team_id", "team", "hidden", "reviews"]].to_dict("records")
    ]
    left = style.margin_for(names, width)
    ax = fig.add_axes((left, 0.95 / height, 0.96 - left, 1 - 1.95 / height))
    style.tidy(ax)
    y = np.arange(len(rows))
    steps = list(labels.COMPLETION_STEPS)
    bar = 0.8 / len(steps)
    for k, step in enumerate(steps):
        values = rows[f"{step}_pct"].to_numpy(dtype=float)
        offset = (len(steps) - 1 - k - (len(steps) - 1) / 2) * bar
        style.hbars(ax, y + offset, values, bar, STEP_COLOURS[k])
    hidden = [yi for yi, flag in zip(y, rows["hidden"], strict=True) if flag]
    style.hidden_share_rows(ax, hidden, 0.9, labels.hidden_note(data.min_size))
    style.row_names(ax, y, names)
    ax.set_ylim(-0.6, max(len(rows), 1) - 0.4)
    ax.set_xlim(0, 100)
    ax.set_xlabel(gettext("Share of the team's reviews (%)"))
    ax.grid(axis="x", color=style.LIGHT)
    items = [
        {"label": str(labels.COMPLETION_STEPS[step]), "patch": STEP_COLOURS[k]}
        for k, step in enumerate(steps)
    ]  # left to right as the bars of a team, top to bottom
    style.key(fig, items, 0.96, 1 - 0.68 / height)
    lines = [gettext("n = reviews in the team")]
    if len(shown) < len(frame):
        lines.append(
            gettext(
                "The %(shown)d of %(total)d teams least far along; all are in the table.",
                shown=len(shown),
                total=len(frame),
            )
        )
    style.footnote(fig, *lines)


def _team_label(row) -> str:
    name = labels.team(row["team_id"], row["team"])
    if row["hidden"]:
        return name
    return f"{name} ({labels.people(row['reviews'])})"
