"""Recognition by team and competency: a grid of counts, one row per team (the most
recognised first, at most MAX_TEAMS; all of them are in the table), hidden teams hatched."""

import numpy as np
from flask_babel import gettext

from .. import labels
from ..chartdata import ChartData
from . import style

MAX_TEAMS = 25
TOTAL = -1
LABEL_FONT = style.BASE_FONT - 1.5
LINE = LABEL_FONT * 1.25 / 72  # inches per line of a column's name


def rows_to_draw(frame) -> tuple[list[tuple[float, str]], int]:
    """(team_id, name) of the rows drawn: the total first, then teams by recognitions."""
    if frame.empty:
        return [], 0
    totals = frame[frame["competency_id"] == 0]
    teams = totals[totals["team_id"] != TOTAL]
    ordered = teams.assign(_n=teams["count"].fillna(-1)).sort_values(
        ["_n", "team"], ascending=[False, True]
    )
    picked = [(t, n) for t, n in zip(ordered["team_id"], ordered["team"], strict=True)]
    first = [(float(TOTAL), "")] if (totals["team_id"] == TOTAL).any() else []
    return first + picked[:MAX_TEAMS], len(picked)


def height(frame) -> float:
    return max(3.6, 2.9 + 0.34 * len(rows_to_draw(frame)[0]))


def _fits(width: float, left: float, columns: int) -> int:
    """Characters of a column's name per line: the column's width less a little air."""
    inches = (0.97 - left) * width / max(columns, 1)
    return max(8, int((inches - 0.08) * 72 / (LABEL_FONT * 0.56)))


def draw(data: ChartData, fig) -> None:
    frame = data.frame
    rows, total = rows_to_draw(frame)
    subtitle = data.meta.get("range", "")
    if total > len(rows) - 1 and rows:
        subtitle += "   " + gettext(
            "The %(shown)d most recognised of %(num)d teams; every team is in the table.",
            shown=len(rows) - 1,
            num=total,
        )
    style.frame_title(fig, gettext("Recognition by team and competency"), subtitle)
    if frame.empty or not (frame["count"].fillna(0) > 0).any():
        style.empty(fig, str(labels.NO_DATA_CHART))
        return
    whole = data.meta.get("scope", {}).get("kind") == "org"
    columns = list(dict.fromkeys(c for c in frame["competency_id"].tolist() if c != 0)) + [0]
    names = dict(zip(frame["competency_id"], frame["competency"], strict=False))
    cells = {(t, int(c)): (n, h) for t, c, n, h in zip(
        frame["team_id"].fillna(-2), frame["competency_id"], frame["count"], frame["hidden"],
        strict=True)}  # fmt: skip
    grid = np.full((len(rows), len(columns)), np.nan)
    hidden = np.zeros(grid.shape, dtype=bool)
    for i, (team_id, _) in enumerate(rows):
        key = -2 if team_id != team_id else team_id
        for j, cid in enumerate(columns):
            value, is_hidden = cells.get((key, cid), (np.nan, False))
            grid[i, j], hidden[i, j] = value, bool(is_hidden)
    width, fig_height = style.size_of(fig)
    row_labels = [_row_label(t, n, whole) for t, n in rows]
    left = style.margin_for(row_labels, width)
    column_labels = [
        style.wrap(labels.competency(c, names.get(c, "")), _fits(width, left, len(columns)))
        for c in columns
    ]
    lines = max(label.count("\n") + 1 for label in column_labels)
    top = 1 - (0.95 + LINE * lines) / fig_height
    bottom = 0.45 / fig_height
    ax = fig.add_axes((left, bottom, 0.97 - left, top - bottom))
    # Each column coloured on its own scale (the total column would swamp the others).
    for j in range(len(columns)):
        column = grid[1:, j] if len(rows) > 1 else grid[:, j]
        high = np.nanmax(column) if np.isfinite(column).any() else 1.0
        colours = [
            style.LIGHT if not np.isfinite(v) else _shade(v / high if high else 0.0)
            for v in grid[:, j]
        ]
        for i, colour in enumerate(colours):
            if hidden[i, j]:
                ax.add_patch(style.hidden_box(j, i))
                continue
            face = "#FFFFFF" if i == 0 and rows[0][0] == TOTAL else colour
            ax.add_patch(_box(j, i, face))
            value = grid[i, j]
            text = labels.number(value, 0) if np.isfinite(value) else "—"
            ink = "black" if face in ("#FFFFFF", style.LIGHT) else style.text_color(_rgba(face))
            weight = "bold" if i == 0 and rows[0][0] == TOTAL or columns[j] == 0 else "normal"
            ax.text(j, i, text, ha="center", va="center", fontsize=style.BASE_FONT, color=ink,
                    weight=weight)  # fmt: skip
    ax.set_xlim(-0.5, len(columns) - 0.5)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    for j, label in enumerate(column_labels):
        ax.text(j, -0.65, label, ha="center", va="bottom", fontsize=LABEL_FONT)
    style.row_names(ax, list(range(len(rows))), row_labels,
                    bold=[0] if rows and rows[0][0] == TOTAL else [])  # fmt: skip
    ax.set_axis_off()
    notes = [gettext("Cell: recognitions received; a recognition may name several competencies.")]
    notes.append(gettext("Removed recognitions are not counted."))
    if data.any_hidden:
        notes.append(gettext("Hatched: hidden, fewer than %(num)d people.", num=data.min_size))
    style.footnote(fig, *notes)


def _row_label(team_id, name: str, whole: bool) -> str:
    if team_id == TOTAL:
        return gettext("All teams") if whole else gettext("All your teams")
    return labels.team(team_id, name)


def _shade(share: float) -> str:
    from matplotlib import colormaps
    from matplotlib.colors import to_hex

    return to_hex(colormaps["Greens"](0.12 + 0.6 * max(0.0, min(1.0, share))))


def _rgba(colour: str):
    from matplotlib.colors import to_rgba

    return to_rgba(colour)


def _box(x: float, y: float, face: str):
    from matplotlib.patches import Rectangle

    return Rectangle((x - 0.5, y - 0.5), 1, 1, facecolor=face, edgecolor="white", linewidth=1.5)
