"""The lean pictures: what a reader sees in the heatmap and the trend at the scale of a big
organisation, pinned by the figure's artists (never by timing). The numbers are built by
``reports.metrics`` from hand-made aggregates, so no database is needed."""

import numpy as np
import pandas as pd
import pytest
from flask_babel import force_locale
from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PatchCollection, PathCollection
from matplotlib.lines import Line2D
from matplotlib.text import Text

from reports import charts, labels, metrics, service
from reports.chartdata import ChartData
from reports.charts import grid, style

CYCLES = [(1, "2025 Q1"), (2, "2025 Q2"), (3, "2025 Q3")]
SCALE = {"1": "Poor", "2": "Fair", "3": "Good", "4": "Very good", "5": "Excellent"}


def _meta(**extra) -> dict:
    return {"cycles": CYCLES, "min_size": 3, "scope": {"kind": "org"}, "scale": SCALE, **extra}


def _drawn(name: str, data: ChartData):
    """The figure of chart ``name``, drawn once on an Agg canvas, and its visible texts."""
    with rc_context(style.RC):
        fig = charts.figure(name, service.localised(data))
        FigureCanvasAgg(fig).draw()
    texts = [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    return fig, texts


def _heatmap(teams: int, competencies: int, small_team: int | None = None) -> ChartData:
    """Cycles 1 and 2 for ``teams`` teams of 10 people (``small_team`` has 2) rated on
    ``competencies`` competencies: team t's mean on competency c is 2 + (t % 7) / 4 + c / 20
    in cycle 2, and in cycle 1 the same minus 0.6 when (t + c) % 5 == 0, else minus 0.1."""
    rows = []
    for t in range(1, teams + 1):
        people = 2 if t == small_team else 10
        for cycle in (1, 2):
            means = []
            for c in range(1, competencies + 1):
                mean = 2 + (t % 7) / 4 + c / 20
                if cycle == 1:
                    mean -= 0.6 if (t + c) % 5 == 0 else 0.1
                means.append(mean)
                rows.append((cycle, t, c, mean, people))
            rows.append((cycle, t, 0, float(np.mean(means)), people))
    raw = pd.DataFrame(rows, columns=["cycle_id", "team_id", "competency_id", "mean", "n_people"])
    teams_ = {t: f"Team {t:03d}" for t in range(1, teams + 1)}
    names = {c: f"Competency number {c}" for c in range(1, competencies + 1)}
    frame = metrics.heatmap(raw, 2, 1, teams_, names, 3)
    return ChartData(frame, _meta(cycle="2025 Q2", previous="2025 Q1"))


@pytest.mark.parametrize("locale", ["en", "et", "sl"])
def test_a_large_heatmap_writes_names_and_overall_means_not_a_number_per_cell(app, locale):
    data = _heatmap(30, 17, small_team=7)
    with force_locale(locale):
        fig, texts = _drawn("heatmap", data)
        shown, _ = grid.teams_to_draw(data.frame)
        assert len(shown) == 30
        # 30 rows × 18 columns used to be ~1,080 cell labels; now names, overall means, notes
        assert len(texts) <= 30 + 18 + 30 + 15
        frame = data.frame
        overall = _column_rows(fig, len(shown))
        for r, (tid, name) in enumerate(shown):
            row = frame[(frame["team_id"] == tid) & (frame["competency_id"] == 0)].iloc[0]
            if row["hidden"]:
                assert name in texts  # no n for a hidden team
                assert overall[r] == ""
                continue
            assert f"{name} ({labels.people(row['n_people'])})" in texts
            assert overall[r] == labels.number(row["mean"])  # in its team's row
        for c in range(1, 18):
            assert any(f"Competency number {c}" == t.replace("\n", " ") for t in texts)
        assert labels.hidden_note(3) in texts  # the small team's row says why it is empty
        footnote = next(t for t in texts if "▲ ▼" in t)
        assert labels.number(grid.CHANGE_MARK) in footnote
    hatched = [c for c in fig.findobj(PatchCollection) if c.get_hatch()]
    assert hatched and len(hatched[0].get_paths()) == 18  # every cell of the small team


def _columns(fig) -> list[Text]:
    """The texts written as a column of rows (one line per row)."""
    return [t for t in fig.findobj(Text) if t.get_text().count("\n") >= 3]


def _column_rows(fig, rows: int) -> list[str]:
    """Per row, what the column texts write in it (one ink writes a row, the others leave
    the line empty)."""
    written = [""] * rows
    for text in _columns(fig):
        lines = text.get_text().split("\n")
        assert len(lines) == rows
        for r, line in enumerate(lines):
            if line:
                assert not written[r], "two inks write the same row"
                written[r] = line
    return written


@pytest.mark.parametrize("dpi", [72, 100, 200])
def test_a_column_of_numbers_lines_up_with_its_rows(app, dpi):
    """The overall means are one text per ink whose line spacing is set when it is laid
    out, so its lines keep to the rows at every resolution (page, download, PDF)."""
    data = _heatmap(30, 17, small_team=7)
    with force_locale("en"), rc_context(style.RC):
        fig = charts.figure("heatmap", service.localised(data))
        fig.set_dpi(dpi)
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        renderer = canvas.get_renderer()
        ax = fig.axes[0]
        columns = _columns(fig)
        assert columns
        for text in columns:
            box = text.get_window_extent(renderer)
            lines = text.get_text().split("\n")
            _, height, _ = renderer.get_text_width_height_descent(
                "lp", text.get_fontproperties(), ismath=False
            )
            first, last = ax.transData.transform([(0, 0), (0, len(lines) - 1)])[:, 1]
            # the block spans the row centres plus one line's height, centred on them
            assert abs(box.height - height - abs(first - last)) < 1.0
            assert abs((box.y0 + box.y1) / 2 - (first + last) / 2) < 1.0


def test_the_heatmap_marks_exactly_the_changes_its_footnote_promises(app):
    data = _heatmap(40, 17, small_team=7)
    with force_locale("en"):
        fig, _ = _drawn("heatmap", data)
    teams, _ = grid.teams_to_draw(data.frame)
    competencies = grid.competencies_to_draw(data.frame)
    cells = grid.cell_grid(data.frame, teams, competencies)
    changes = np.where(cells["hidden"], np.nan, cells["change"])
    marked = {
        (int(x), int(y))
        for collection in fig.findobj(PathCollection)
        for x, y in collection.get_offsets()
    }
    with np.errstate(invalid="ignore"):
        rows, cols = np.nonzero(np.abs(changes) >= grid.CHANGE_MARK - 1e-9)
    assert marked == set(zip(cols.tolist(), rows.tolist(), strict=True))
    assert marked  # the data has big changes: (t + c) % 5 == 0 rose by 0.6


def test_a_small_heatmap_writes_the_mean_and_change_in_every_cell(app):
    data = _heatmap(3, 4)
    with force_locale("en"):
        _, texts = _drawn("heatmap", data)
        frame = data.frame
        for mean, change in zip(frame["mean"], frame["change"], strict=True):
            assert labels.number(mean) in texts
            assert labels.signed(change) in texts
        assert "Cell: mean (1 decimal) and change since the previous cycle." in " ".join(texts)


def _trend(with_self: bool) -> ChartData:
    rows = []
    for cycle, _ in CYCLES:
        for c in range(0, 18):
            if c == 17 and cycle == 1:
                continue  # a competency new in the second cycle
            mean = 3 + c / 20 + cycle / 10
            rows.append((cycle, c, "manager", mean, 900 + c))
            if with_self:
                rows.append((cycle, c, "self", mean + 0.3, 880 + c))
    raw = pd.DataFrame(rows, columns=["cycle_id", "competency_id", "source", "mean", "n_people"])
    names = {c: f"Competency number {c}" for c in range(1, 18)}
    return ChartData(metrics.trend(raw, CYCLES, names, 3), _meta())


@pytest.mark.parametrize("with_self", [False, True])
def test_the_trend_draws_every_competency_line_through_its_means(app, with_self):
    data = _trend(with_self)
    with force_locale("en"):
        fig, texts = _drawn("trend", data)
    lines = {line.get_gid(): line for line in fig.findobj(Line2D) if line.get_gid()}
    sources = ["manager", "self"] if with_self else ["manager"]
    frame = data.frame
    assert len(lines) == 18 * len(sources)
    for c in range(0, 18):
        for source in sources:
            line = lines[f"trend-{c}-{source}"]
            rows = frame[(frame["competency_id"] == c) & (frame["source"] == source)]
            means = dict(zip(rows["cycle_id"], rows["mean"], strict=True))
            expected = [means.get(cid, np.nan) for cid, _ in CYCLES]
            assert list(line.get_xdata()) == [0, 1, 2]
            np.testing.assert_allclose(line.get_ydata(), expected)
        title = "All competencies" if c == 0 else f"Competency number {c}"
        assert title in [t.replace("\n", " ") for t in texts]
    # the people behind each point of the "all competencies" panel, and the cycles
    assert [t for t in texts if t == "900"] == ["900"] * 3
    assert texts.count("2025\nQ2") == 3  # under the bottom panel of each column
    assert not fig.axes  # panels are drawn onto the figure, not as 18 axes
