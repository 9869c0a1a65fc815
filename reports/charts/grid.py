"""The teams × competencies heatmap of one cycle: the mean in each cell, the change since
the previous cycle, hidden cells hatched grey.

Text is the expensive part of a figure (matplotlib lays out and renders every glyph), so a
small grid writes its numbers in the cells and a large one does not: there the colour shows
the mean, only the "all competencies" column is written out, a triangle marks a change of
CHANGE_MARK or more, and every number is in the table under the chart."""

import math

import numpy as np
import pandas as pd
from flask_babel import gettext
from matplotlib.collections import PatchCollection
from matplotlib.ticker import MaxNLocator

from .. import labels
from ..chartdata import ChartData
from . import style
from .trend import scale_high, scale_low

MAX_TEAMS = 30
LABEL_CELLS = 72  # up to this many cells, each cell shows its mean and change
CHANGE_MARK = 0.5  # in a large grid, a change at least this big is marked ▲ or ▼
ROW = {True: 0.5, False: 0.3}  # inches per team row, with and without numbers in the cells


def heatmap(data: ChartData, fig) -> None:
    """Teams × competencies: the mean in each cell and, under it, the change since the
    previous cycle (large grids: colour, marks and the overall mean); hidden cells hatched."""
    frame = data.frame
    width, height = style.size_of(fig)
    teams, total = teams_to_draw(frame)
    competencies = competencies_to_draw(frame)
    style.frame_title(
        fig,
        gettext("Teams × competencies, %(cycle)s", cycle=data.meta.get("cycle", "")),
        _heatmap_subtitle(data, len(teams), total),
    )
    if frame.empty:
        style.empty(fig, str(labels.NO_DATA_CHART))
        return
    overall = frame[frame["competency_id"] == 0].drop_duplicates("team_id")
    people = dict(
        zip(overall["team_id"].fillna(-1), overall["n_people"].where(~overall["hidden"]),
            strict=True)
    )  # fmt: skip
    team_labels = [_team_label(tid, name, people.get(tid)) for tid, name in teams]
    left = style.margin_for(team_labels, width)
    top, bottom = 1 - top_margin(frame) / height, 0.42 / height
    ax = fig.add_axes((left, bottom, 0.9 - left, top - bottom))
    cells = cell_grid(frame, teams, competencies)
    grid = cells["mean"]
    low, high = colour_range(grid, scale_low(data), scale_high(data))
    image = _cells(ax, grid, low, high)
    _colour_key(fig, (0.925, bottom, 0.013, top - bottom), image)
    written = len(teams) * len(competencies) <= LABEL_CELLS
    _hidden_cells(ax, cells["hidden"], data.min_size, written)
    if written:
        _cell_numbers(ax, cells, image)
    else:
        pitch = (top - bottom) * height / len(teams)
        _overall_numbers(ax, cells, competencies, image, pitch)
        _change_marks(ax, cells, image)
    _axis_labels(ax, team_labels, column_labels(frame))
    ax.set_axis_off()
    if 0 in competencies:
        ax.axvline(len(competencies) - 1.5, color="white", linewidth=3)
    if written:
        notes = [gettext("Cell: mean (1 decimal) and change since the previous cycle.")]
    else:
        notes = [
            gettext(
                "Colour: the mean; ▲ ▼ a change of %(change)s or more since the previous "
                "cycle; every number is in the table.",
                change=labels.number(CHANGE_MARK),
            )
        ]
    notes.append(gettext("n = people rated"))
    if data.any_hidden:
        notes.append(gettext("Hatched: hidden, fewer than %(num)d people.", num=data.min_size))
    style.footnote(fig, *notes)


def _cells(ax, grid: np.ndarray, low: float, high: float):
    """The coloured cells as one mesh of quads, row 0 at the top (an image would be
    resampled to the canvas as floats: ≈ 20-40 MB for the organisation's grid at page size,
    where the mesh needs next to nothing, and stays sharp in a PDF). Empty cells (NaN) stay
    blank."""
    rows, cols = grid.shape
    mesh = ax.pcolormesh(
        np.arange(cols + 1) - 0.5, np.arange(rows + 1) - 0.5, grid, cmap=style.HEATMAP,
        vmin=low, vmax=high, edgecolors="face", linewidth=0.3,
    )  # fmt: skip
    ax.set_xlim(-0.5, cols - 0.5)
    ax.set_ylim(rows - 0.5, -0.5)
    return mesh


def labelled(frame) -> bool:
    """Whether each cell gets its numbers written in it (small grids only)."""
    return len(teams_to_draw(frame)[0]) * len(competencies_to_draw(frame)) <= LABEL_CELLS


def column_labels(frame) -> list[str]:
    """The competency names over the columns, wrapped as drawn."""
    pairs = frame[["competency_id", "competency"]].drop_duplicates("competency_id")
    names = dict(zip(pairs["competency_id"], pairs["competency"], strict=True))
    columns = competencies_to_draw(frame)
    width = 28 if len(columns) > 6 else 20
    return [style.wrap(labels.competency(c, names[c]), width) for c in columns]


def top_margin(frame) -> float:
    """Inches above the grid: the titles, then the column names (upright when the columns
    are narrow, so their longest line sets the height)."""
    lines = column_labels(frame)
    if len(lines) > 6:
        longest = max((len(part) for label in lines for part in label.split("\n")), default=0)
        return 0.95 + longest * (style.BASE_FONT - 1.5) * 0.56 / 72
    return 0.95 + 0.16 * max((label.count("\n") + 1 for label in lines), default=1)


def row_height(frame) -> float:
    """Inches per team row: numbered cells need two lines of text, coloured ones do not."""
    return ROW[labelled(frame)]


def competencies_to_draw(frame) -> list[int]:
    """The columns: each competency in id order, then all competencies (id 0) last."""
    ids = {int(c) for c in frame["competency_id"].unique()}
    return sorted(ids - {0}) + ([0] if 0 in ids else [])


def cell_grid(frame, teams, competencies) -> dict[str, np.ndarray]:
    """Rows × columns arrays of the cells' mean, change and hidden flag (NaN / False where a
    team has no cell for a competency)."""
    rows = {tid: r for r, (tid, _) in enumerate(teams)}
    cols = {cid: c for c, cid in enumerate(competencies)}
    team_ids = frame["team_id"].fillna(-1)
    r = team_ids.map(rows)
    c = frame["competency_id"].map(cols)
    keep = r.notna() & c.notna()
    r, c = r[keep].astype(int).to_numpy(), c[keep].astype(int).to_numpy()
    shape = (len(teams), len(competencies))
    cells = {}
    for column, empty, dtype in (("mean", np.nan, float), ("change", np.nan, float)):
        grid = np.full(shape, empty, dtype=dtype)
        grid[r, c] = pd.to_numeric(frame.loc[keep, column], errors="coerce").to_numpy(float)
        cells[column] = grid
    hidden = np.zeros(shape, dtype=bool)
    hidden[r, c] = frame.loc[keep, "hidden"].to_numpy(dtype=bool)
    cells["hidden"] = hidden
    return cells


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
    pairs = pd.DataFrame({"id": frame["team_id"].fillna(-1), "name": frame["team"]})
    pairs = pairs[~pairs.duplicated()]  # first appearance first, as in the frame
    teams = list(zip(pairs["id"].tolist(), pairs["name"].tolist(), strict=True))
    if len(teams) <= MAX_TEAMS:
        return teams, len(teams)
    overall = frame["competency_id"].to_numpy() == 0
    ids = frame["team_id"].to_numpy(float)[overall]
    means = dict(
        zip(np.nan_to_num(ids, nan=-1).tolist(),
            np.nan_to_num(frame["mean"].to_numpy(float)[overall], nan=99).tolist(), strict=True)
    )  # fmt: skip
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


def _team_label(team_id, name, people) -> str:
    """The team's name and the people behind its row (none for a hidden or empty row)."""
    label = labels.team(None if team_id == -1 else team_id, name)
    if people is None or math.isnan(people):
        return label
    return f"{label} ({labels.people(people)})"


def _hidden_cells(ax, hidden: np.ndarray, min_size: int, written: bool) -> None:
    """Hatched grey boxes (one collection) over hidden cells; "hidden" written in each cell
    of a numbered grid, or once across a row that is hidden throughout."""
    rows, cols = np.nonzero(hidden)
    if not len(rows):
        return
    boxes = PatchCollection(
        [style.hidden_box(c, r) for r, c in zip(rows, cols, strict=True)],
        facecolor=style.HIDDEN_FACE,
        edgecolor=style.LIGHT,
        hatch=style.HIDDEN_HATCH,
        linewidth=0,
    )
    ax.add_collection(boxes, autolim=False)
    text = dict(ha="center", va="center", color=style.GREY, fontsize=style.BASE_FONT - 2)
    if written:
        for r, c in zip(rows, cols, strict=True):
            ax.text(c, r, str(labels.HIDDEN), **text)
        return
    for r in np.nonzero(hidden.all(axis=1))[0]:
        ax.text((hidden.shape[1] - 1) / 2, r, labels.hidden_note(min_size), **text)


def _axis_labels(ax, rows: list[str], columns: list[str]) -> None:
    """Team names left of the rows and competency names over the columns, as plain texts
    (tick machinery would cost more than the labels themselves)."""
    for r, label in enumerate(rows):
        ax.text(
            -0.008, r, label, transform=ax.get_yaxis_transform(), ha="right", va="center",
            fontsize=style.BASE_FONT - 1,
        )  # fmt: skip
    turned = len(columns) > 6  # narrow columns: names read upwards, on at most two lines
    for c, label in enumerate(columns):
        ax.text(
            c, 1.006, label, transform=ax.get_xaxis_transform(),
            rotation=90 if turned else 0, ha="left" if turned else "center",
            va="center" if turned else "bottom", rotation_mode="anchor",
            fontsize=style.BASE_FONT - 1.5, linespacing=1.1,
        )  # fmt: skip


def _inks(image, values: np.ndarray) -> list[str]:
    return [style.text_color(rgba) for rgba in image.cmap(image.norm(values))]


def _cell_numbers(ax, cells, image) -> None:
    """The mean (bold) and the change under it, in each shown cell."""
    means, changes = cells["mean"], cells["change"]
    rows, cols = np.nonzero(np.isfinite(means) & ~cells["hidden"])
    inks = _inks(image, means[rows, cols])
    for r, c, ink in zip(rows, cols, inks, strict=True):
        change = labels.signed(changes[r, c])
        ax.text(
            c,
            r - 0.12 if change else r,
            labels.number(means[r, c]),
            ha="center",
            va="center",
            fontsize=style.BASE_FONT,
            color=ink,
            weight="bold",
        )
        if change:
            ax.text(
                c, r + 0.24, change, ha="center", va="center", fontsize=style.BASE_FONT - 2,
                color=ink,
            )  # fmt: skip


def _overall_numbers(ax, cells, competencies, image, pitch: float) -> None:
    """The overall mean of each team, in the "all competencies" column: one text per ink
    (black on light cells, white on dark), a line per row."""
    if 0 not in competencies:
        return
    c = competencies.index(0)
    means = cells["mean"][:, c]
    shown = np.isfinite(means) & ~cells["hidden"][:, c]
    inks = _inks(image, np.where(shown, means, image.norm.vmin))
    middle = (len(means) - 1) / 2
    for ink in sorted(set(inks)):
        lines = [
            labels.number(mean) if show and i == ink else ""
            for mean, show, i in zip(means, shown, inks, strict=True)
        ]
        if any(lines):
            style.text_column(
                ax, c, middle, lines, pitch, fontsize=style.BASE_FONT - 1, color=ink,
                weight="bold",
            )  # fmt: skip


def _colour_key(fig, rect, image) -> None:
    """The colour scale as one gradient image with a few values beside it (a colour bar
    would be a second axes with its own tick machinery)."""
    from matplotlib.image import BboxImage
    from matplotlib.transforms import Bbox, TransformedBbox

    x, y, w, h = rect
    low, high = image.norm.vmin, image.norm.vmax
    key = BboxImage(
        TransformedBbox(Bbox.from_bounds(x, y, w, h), fig.transSubfigure), cmap=image.cmap,
        norm=image.norm, interpolation="nearest", origin="lower",
    )  # fmt: skip
    key.set_data(np.linspace(low, high, 256).reshape(-1, 1))
    fig.add_artist(key)
    ticks = [v for v in MaxNLocator(nbins=4, steps=[1, 2, 5, 10]).tick_values(low, high)
             if low - 1e-9 <= v <= high + 1e-9]  # fmt: skip
    size, digits = style.BASE_FONT - 2, 0 if all(float(v).is_integer() for v in ticks) else 1
    for value in ticks:
        at = y + (value - low) / (high - low) * h
        fig.text(x + w + 0.006, at, labels.number(value, digits), ha="left", va="center",
                 fontsize=size)  # fmt: skip
    fig.text(
        x + w + 0.045, y + h / 2, gettext("Mean rating"), rotation=90, ha="center",
        va="center", fontsize=style.BASE_FONT - 1,
    )  # fmt: skip


def _change_marks(ax, cells, image) -> None:
    """▲ / ▼ in the cells whose mean changed by CHANGE_MARK or more: one scatter each."""
    changes = np.where(cells["hidden"], np.nan, cells["change"])
    for marker, sign in (("^", 1), ("v", -1)):
        with np.errstate(invalid="ignore"):
            rows, cols = np.nonzero(sign * changes >= CHANGE_MARK - 1e-9)
        if len(rows):
            ax.scatter(
                cols, rows, marker=marker, s=22, linewidths=0,
                c=_inks(image, cells["mean"][rows, cols]),
            )  # fmt: skip
