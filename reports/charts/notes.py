"""Strengths and improvement areas by competency tag over time: the share of each cycle's
reviews whose manager named the competency."""

import math

import numpy as np
from flask_babel import gettext

from .. import labels
from ..chartdata import ChartData
from . import style
from .trend import cycle_ticks

NOTE_MAPS = {"strength": "Blues", "improvement": "Oranges"}


def notes(data: ChartData, fig) -> None:
    """Two grids, competencies × cycles: the share of reviews naming each competency as a
    strength (left) and as an improvement area (right), most named improvement first."""
    frame, cycles = data.frame, data.cycles
    width, height = style.size_of(fig)
    style.frame_title(
        fig,
        gettext("Strengths and improvement areas over time"),
        gettext(
            "Share of reviews whose manager named the competency · %(subject)s",
            subject=data.meta["subject"],
        ),
    )
    if frame.empty:
        style.empty(fig, str(labels.NO_DATA_CHART))
        return
    totals = frame.groupby("competency_id")["improvement"].sum().sort_values(ascending=False)
    order = [int(c) for c in totals.index]
    names = dict(zip(frame["competency_id"], frame["competency"], strict=True))
    row_labels = [style.wrap(names[c], 34) for c in order]
    left = style.margin_for(row_labels, width)
    panel = (0.985 - left - 0.03) / 2
    many = len(cycles) > 12
    bottom = (1.05 if many else 0.9) / height
    top = 1 - 1.25 / height
    notes_by_cycle = _people_notes(frame, cycles)
    for k, kind in enumerate(("strength", "improvement")):
        ax = fig.add_axes((left + k * (panel + 0.03), bottom, panel, top - bottom))
        grid = _note_grid(frame, cycles, order, kind)
        image = ax.imshow(
            grid,
            cmap=NOTE_MAPS[kind],
            vmin=0,
            vmax=max(50.0, np.nanmax(grid) if np.isfinite(grid).any() else 50.0),
            aspect="auto",
        )
        _note_cells(ax, frame, cycles, order, kind, grid, image, not many)
        ax.set_title(str(labels.NOTE_KINDS[kind]), loc="left", fontsize=style.BASE_FONT + 1)
        ax.set_yticks(range(len(order)), row_labels if k == 0 else [""] * len(order))
        cycle_ticks(ax, cycles, notes_by_cycle, short=True)
        ax.tick_params(length=0, labelsize=style.BASE_FONT - 2)
        ax.spines[:].set_visible(False)
    lines = [gettext("Cell: % of the cycle's reviews (n = reviews) tagging the competency.")]
    if data.any_hidden:
        lines.append(gettext("Hatched: hidden, fewer than %(num)d people.", num=data.min_size))
    style.footnote(fig, *lines)


def _people_notes(frame, cycles) -> dict[int, str]:
    notes = {}
    for cid, _ in cycles:
        rows = frame[frame["cycle_id"] == cid]
        if rows.empty or (not rows["hidden"].any() and not rows["n_people"].max()):
            notes[cid] = str(labels.NO_DATA)
        elif rows["hidden"].any():
            notes[cid] = str(labels.HIDDEN)
        else:
            notes[cid] = labels.people(rows["n_people"].max())
    return notes


def _note_grid(frame, cycles, order, kind) -> np.ndarray:
    grid = np.full((len(order), len(cycles)), np.nan)
    for j, (cid, _) in enumerate(cycles):
        rows = frame[frame["cycle_id"] == cid]
        shares = dict(zip(rows["competency_id"], rows[f"{kind}_pct"], strict=True))
        grid[:, j] = [shares.get(c, np.nan) for c in order]
    return grid


def _note_cells(ax, frame, cycles, order, kind, grid, image, with_text) -> None:
    hidden_cycles = {cid for cid, h in zip(frame["cycle_id"], frame["hidden"], strict=True) if h}
    for j, (cid, _) in enumerate(cycles):
        if cid in hidden_cycles:
            for i in range(len(order)):
                ax.add_patch(style.hidden_box(j, i))
            continue
        if not with_text:
            continue
        for i in range(len(order)):
            value = grid[i, j]
            if not math.isnan(value):
                ink = style.text_color(image.cmap(image.norm(value)))
                ax.text(
                    j,
                    i,
                    labels.number(value, 0),
                    ha="center",
                    va="center",
                    fontsize=style.BASE_FONT - 2,
                    color=ink,
                )
