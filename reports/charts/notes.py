"""Strengths and improvement areas by competency tag over time: the share of each cycle's
reviews whose manager named the competency."""

import math

import numpy as np
from flask_babel import gettext

from .. import labels
from ..chartdata import ChartData
from . import style
from .trend import short_cycle

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
    pitch = (top - bottom) * height / len(order)  # inches per competency row
    under, prefix = _cycle_labels(frame, cycles, many)
    below = dict(transform=None, ha="center", va="top", fontsize=style.BASE_FONT - 2,
                 linespacing=1.1, rotation=90 if many else 0)  # fmt: skip
    hidden = {cid for cid, h in zip(frame["cycle_id"], frame["hidden"], strict=True) if h}
    formats: dict[int, str] = {}
    for k, kind in enumerate(("strength", "improvement")):
        ax = fig.add_axes((left + k * (panel + 0.03), bottom, panel, top - bottom))
        ax.set_axis_off()
        grid = _note_grid(frame, cycles, order, kind)
        image = ax.imshow(
            grid,
            cmap=NOTE_MAPS[kind],
            vmin=0,
            vmax=max(50.0, np.nanmax(grid) if np.isfinite(grid).any() else 50.0),
            aspect="auto",
            interpolation="none",
        )
        for j, (cid, _) in enumerate(cycles):
            if cid in hidden:
                ax.add_patch(style.hidden_box(j, (len(order) - 1) / 2, height=len(order)))
            elif not many:
                _cell_column(ax, j, grid[:, j], image, pitch, formats)
        ax.text(0, 1.012, str(labels.NOTE_KINDS[kind]), transform=ax.transAxes, ha="left",
                va="bottom", fontsize=style.BASE_FONT + 1)  # fmt: skip
        step = max(1, math.ceil(len(cycles) / 20)) if many else 1
        below["transform"] = ax.get_xaxis_transform()
        for j in range(0, len(cycles), step):
            ax.text(j, -0.012, under[j], **below)
        if prefix:  # "n =" before the counts, on their line
            lead = "\n".join([""] * under[0].count("\n") + [prefix])
            ax.text(-0.55, -0.012, lead, **dict(below, ha="right"))
        if k == 0:
            for i, label in enumerate(row_labels):
                ax.text(-0.01, i, label, transform=ax.get_yaxis_transform(), ha="right",
                        va="center", fontsize=style.BASE_FONT - 2)  # fmt: skip
    lines = [gettext("Cell: % of the cycle's reviews (n = reviews) tagging the competency.")]
    if data.any_hidden:
        lines.append(gettext("Hatched: hidden, fewer than %(num)d people.", num=data.min_size))
    style.footnote(fig, *lines)


def _cycle_labels(frame, cycles, many: bool) -> tuple[list[str], str]:
    """Under each column: the cycle and the reviews behind it (or why there are none); and
    the "n =" written once before the row of counts (narrow columns have no room for it)."""
    notes = _people_notes(frame, cycles)
    if many:
        return [f"{name} ({notes[cid]})" for cid, name in cycles], ""
    sample = labels.people(0)
    prefix = sample[:-1].rstrip() if sample.endswith("0") else ""
    counts = {}
    for cid, note in notes.items():
        count = note[len(sample) - 1 :] if prefix and note.startswith(sample[:-1]) else note
        counts[cid] = count
    return [f"{short_cycle(name)}\n{counts[cid]}" for cid, name in cycles], prefix


def _cell_column(ax, j: int, values: np.ndarray, image, pitch: float, formats: dict) -> None:
    """The shares of one cycle's column, one text per ink (black on light cells, white on
    dark), a line per competency."""
    shown = np.isfinite(values)
    inks = [style.text_color(rgba) for rgba in image.cmap(image.norm(np.nan_to_num(values)))]
    for ink in sorted(set(inks)):
        lines = []
        for value, show, i in zip(values, shown, inks, strict=True):
            if not show or i != ink:
                lines.append("")
                continue
            whole = round(float(value))  # what number(value, 0) rounds to, formatted once
            if whole not in formats:
                formats[whole] = labels.number(whole, 0)
            lines.append(formats[whole])
        if any(lines):
            style.text_column(ax, j, (len(values) - 1) / 2, lines, pitch, color=ink,
                              fontsize=style.BASE_FONT - 2)  # fmt: skip


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
