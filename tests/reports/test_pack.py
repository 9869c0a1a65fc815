"""The PDF cycle report's pages: the summary table under each chart is drawn with a few
texts (one per cell made a report slow to save), yet shows every cell and header."""

import textwrap

import pytest
from flask_babel import force_locale
from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.table import Table as MplTable
from matplotlib.text import Text

from extensions import db
from reports import exports, pack, service
from reports.catalog import BY_NAME, REPORT_CHARTS
from reports.charts import style


def _page(org, name: str, team_id=None):
    ctx = exports.context(db.session, team_id)
    filters = pack.report_filters(ctx, org.q2.id, team_id)
    spec = BY_NAME[name]
    data = service.localised(service.chart_data(db.session, spec, filters, ctx))
    fig = pack._chart_page(spec, data, org.q2.name, 2, len(REPORT_CHARTS) + 1)
    return spec, data, fig


def _table_texts(fig) -> list[Text]:
    """The texts of the page's lower part (the table and its note)."""
    table = fig.subfigs[1]
    return [a for a in [*table.texts, *table.artists] if isinstance(a, Text)]


@pytest.mark.parametrize("name", REPORT_CHARTS)
def test_a_table_is_a_few_texts_holding_every_cell(org, name):
    with force_locale("en"), rc_context(style.RC):
        spec, data, fig = _page(org, name)
    table = spec.table(data)
    columns = table.columns[: pack.TABLE_COLUMNS]
    rows = pack.summary_rows(name, table, data)
    texts = _table_texts(fig)
    assert not any(isinstance(a, MplTable) for a in fig.subfigs[1].artists)
    if not rows:
        return
    # A bold header and one text of cells per column, and the "first N rows" note.
    assert len(texts) <= 2 * len(columns) + 2
    lines = {line for text in texts for line in text.get_text().split("\n")}
    for row in rows[: pack.TABLE_ROWS]:
        for value, column in zip(row, columns, strict=False):
            assert table.display(value, column) in lines
    bold = [t for t in texts if t.get_weight() == "bold"]
    header = [" ".join(textwrap.wrap(c.label, 16)[:3]) for c in columns]
    assert [t.get_text().replace("\n", " ") for t in bold] == header


def test_the_cells_of_a_column_sit_on_its_rows(org):
    with force_locale("en"), rc_context(style.RC):
        spec, data, fig = _page(org, "heatmap")
        renderer = FigureCanvasAgg(fig).get_renderer()
        fig.draw(renderer)
    texts = [t for t in _table_texts(fig) if t.get_weight() != "bold"]
    columns = [t for t in texts if "\n" in t.get_text()]
    assert columns, "the heatmap's summary has several rows"
    tops = {round(t.get_window_extent(renderer).y1) for t in columns}
    bottoms = {round(t.get_window_extent(renderer).y0) for t in columns}
    # Every column's block starts and ends on the same rows (within a pixel).
    assert max(tops) - min(tops) <= 1 and max(bottoms) - min(bottoms) <= 1
