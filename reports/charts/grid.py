"""The teams × competencies heatmap of one cycle: the mean in each cell, the change since
the previous cycle under it, hidden cells hatched grey."""

import math

import numpy as np
from flask_babel import gettext

from .. import labels
from ..chartdata import ChartData
from . import style
from .trend import scale_high, scale_low

MAX_TEAMS = 30


def heatmap(data: ChartData, fig) -> None:
    """Teams × competencies: the mean in each cell and, under it, the change since the
    previous cycle; hidden cells hatched grey."""
    frame = data.frame
    width, height = style.size_of(fig)
    teams, total = teams_to_draw(frame)
    competencies = sorted({int(c) for c in frame["competency_id"]} - {0})
    competencies += [0] if (frame["competency_id"] == 0).any() else []
    style.frame_title(
        fig,
        gettext("Teams × competencies, %(cycle)s", cycle=data.meta.get("cycle", "")),
        _heatmap_subtitle(data, len(teams), total),
    )
    if frame.empty:
        style.empty(fig, str(labels.NO_DATA_CHART))
        return
    names = dict(zip(frame["competency_id"], frame["competency"], strict=True))
    team_labels = [_team_label(frame, tid, name) for tid, name in teams]
    left = style.margin_for(team_labels, width)
    top, bottom = 1 - 2.0 / height, 0.42 / height
    ax = fig.add_axes((left, bottom, 0.9 - left, top - bottom))
    cax = fig.add_axes((0.925, bottom, 0.013, top - bottom))
    grid = np.full((len(teams), len(competencies)), np.nan)
    for r, (tid, _) in enumerate(teams):
        rows = frame[frame["team_id"].fillna(-1) == tid]
        cells = dict(zip(rows["competency_id"], rows["mean"], strict=True))
        grid[r] = [cells.get(c, np.nan) for c in competencies]
    low, high = colour_range(grid, scale_low(data), scale_high(data))
    image = ax.imshow(grid, cmap=style.HEATMAP, vmin=low, vmax=high, aspect="auto")
    bar = fig.colorbar(image, cax=cax)
    bar.set_label(gettext("Mean rating"), fontsize=style.BASE_FONT - 1)
    bar.ax.tick_params(labelsize=style.BASE_FONT - 2)
    bar.outline.set_visible(False)
    _heatmap_cells(ax, frame, teams, competencies, image, len(teams) <= 40)
    ax.set_yticks(range(len(teams)), team_labels)
    ax.xaxis.tick_top()
    ax.set_xticks(
        range(len(competencies)),
        [style.wrap(labels.competency(c, names[c]), 30) for c in competencies],
        fontsize=style.BASE_FONT - 1.5,
        rotation=40,
        ha="left",
        rotation_mode="anchor",
    )
    ax.tick_params(length=0)
    ax.spines[:].set_visible(False)
    if 0 in competencies:
        ax.axvline(len(competencies) - 1.5, color="white", linewidth=3)
    notes = [
        gettext("Cell: mean (1 decimal) and change since the previous cycle."),
        gettext("n = people rated"),
    ]
    if data.any_hidden:
        notes.append(gettext("Hatched: hidden, fewer than %(num)d people.", num=data.min_size))
    style.footnote(fig, *notes)


def colour_range(grid: np.ndarray, low: int, high: int) -> tuple[float, float]:
    """The colour scale: the shown means to the nearest half point, within the rating
    scale, so small differences between teams stay visible (the colour bar says the range)."""
    if not np.isfinite(grid).any():
        return float(low), float(high)
    lo = max(low, math.floor((np.nanmin(grid) - 0.2) * 2) / 2)
    hi = min(high, math.ceil((np.nanmax(grid) + 0.2) * 2) / 2)
    return (lo, hi) if hi > lo else (float(low), float(high))


def teams_to_draw(frame) -> tuple[list[tuple[float, str]], int]:
    """The rows to draw (team id, -1 for "no team", and name) and how many teams there are:
    at most MAX_TEAMS, those with the lowest overall mean, in name order."""
    teams = list(dict.fromkeys(zip(frame["team_id"].fillna(-1), frame["team"], strict=True)))
    if len(teams) <= MAX_TEAMS:
        return teams, len(teams)
    overall = frame[frame["competency_id"] == 0]
    means = dict(zip(overall["team_id"].fillna(-1), overall["mean"].fillna(99), strict=True))
    lowest = sorted(teams, key=lambda team: (means.get(team[0], 99), team[1]))[:MAX_TEAMS]
    return sorted(lowest, key=lambda team: team[1]), len(teams)


def _heatmap_subtitle(data: ChartData, shown: int, total: int) -> str:
    previous = data.meta.get("previous")
    parts = [gettext("Mean manager rating · %(subject)s", subject=data.meta["subject"])]
    if previous:
        parts.append(gettext("change since %(cycle)s", cycle=previous))
    else:
        parts.append(gettext("no previous cycle to compare with"))
    if shown < total:
        parts.append(
            gettext(
                "the %(shown)d of %(total)d teams with the lowest means", shown=shown, total=total
            )
        )
    return " · ".join(parts)


def _team_label(frame, team_id, name) -> str:
    rows = frame[(frame["team_id"].fillna(-1) == team_id) & (frame["competency_id"] == 0)]
    label = labels.team(None if team_id == -1 else team_id, name)
    if rows.empty or bool(rows["hidden"].iloc[0]):
        return label
    return f"{label} ({labels.people(rows['n_people'].iloc[0])})"


def _heatmap_cells(ax, frame, teams, competencies, image, with_text: bool) -> None:
    for r, (tid, _) in enumerate(teams):
        rows = frame[frame["team_id"].fillna(-1) == tid].set_index("competency_id")
        for c, cid in enumerate(competencies):
            if cid not in rows.index:
                continue
            row = rows.loc[cid]
            if bool(row["hidden"]):
                ax.add_patch(style.hidden_box(c, r))
                if with_text:
                    ax.text(
                        c,
                        r,
                        str(labels.HIDDEN),
                        ha="center",
                        va="center",
                        fontsize=style.BASE_FONT - 2,
                        color=style.GREY,
                    )
                continue
            if not with_text:
                continue
            ink = style.text_color(image.cmap(image.norm(row["mean"])))
            text = labels.number(row["mean"])
            change = labels.signed(row["change"])
            ax.text(
                c,
                r - 0.12 if change else r,
                text,
                ha="center",
                va="center",
                fontsize=style.BASE_FONT,
                color=ink,
                weight="bold",
            )
            if change:
                ax.text(
                    c,
                    r + 0.24,
                    change,
                    ha="center",
                    va="center",
                    fontsize=style.BASE_FONT - 2,
                    color=ink,
                )
