"""Charts, their tables and downloads, and the PDF report in the reader's language (issue 11,
point 2): competency names and scale labels as written in that language, the default
language's (English) where none is; the numbers are cached once for every language."""

import io

from matplotlib.text import Text
from openpyxl import load_workbook

from extensions import db
from reports import exports, pack

from .test_access import read_csv


def translate(org) -> None:
    """X and the level 3 of every cycle get an Estonian name; Y and the rest do not."""
    org.competencies["X"].name_et = "Kompetents X"
    for cycle in (org.q1, org.q2):
        for level in cycle.scale:
            if level.value == 3:
                level.label_et = "Hea"
    db.session.commit()


def reading(login_as, person, locale):
    person.locale = locale
    db.session.commit()
    return login_as(person)


def cells(rows) -> set[str]:
    return {cell for row in rows for cell in row}


def test_downloads_name_competencies_in_the_readers_language(org, login_as):
    translate(org)
    url = f"/reports/download/trend.csv?start={org.q1.id}&end={org.q2.id}"
    estonian = cells(read_csv(reading(login_as, org.leader, "et").get(url)))
    assert "Kompetents X" in estonian and "Competency X" not in estonian
    assert "Competency Y" in estonian  # no Estonian name written: the default's
    # The same numbers, cached once, in English for an English reader.
    english = cells(read_csv(reading(login_as, org.leader, "en").get(url)))
    assert "Competency X" in english and "Kompetents X" not in english


def test_the_scale_in_a_table_and_its_spreadsheet_is_in_the_readers_language(org, login_as):
    translate(org)
    client = reading(login_as, org.leader, "et")
    url = f"/reports/download/distribution.csv?start={org.q1.id}&end={org.q2.id}"
    header = read_csv(client.get(url))[0]
    assert "3 – Hea (%)" in header and "4 – Very good (%)" in header
    url = f"/reports/download/heatmap.xlsx?cycle={org.q2.id}"
    sheet = load_workbook(io.BytesIO(client.get(url).data)).active
    values = {cell.value for row in sheet.iter_rows() for cell in row}
    assert "Kompetents X" in values and "Competency X" not in values


def test_the_table_page_and_the_filter_speak_estonian(org, login_as):
    translate(org)
    client = reading(login_as, org.leader, "et")
    html = client.get(f"/reports/table/heatmap?cycle={org.q2.id}").get_data(as_text=True)
    assert "Kompetents X" in html and "Competency X" not in html
    page = client.get("/reports/").get_data(as_text=True)
    assert ">Kompetents X<" in page  # the competency filter's choice


def test_the_pdf_report_is_drawn_in_its_language(org, monkeypatch):
    translate(org)
    drawn: list[str] = []
    original = pack._chart_page

    def recording(*args, **kwargs):
        fig = original(*args, **kwargs)
        drawn.extend(t.get_text() for t in fig.findobj(Text))
        return fig

    monkeypatch.setattr(pack, "_chart_page", recording)
    ctx = exports.context(db.session, None)
    assert pack.cycle_report(db.session, org.q2.id, ctx, "et").startswith(b"%PDF")
    text = "\n".join(drawn)
    assert "Kompetents X" in text and "Competency X" not in text
    drawn.clear()
    pack.cycle_report(db.session, org.q2.id, ctx, "en")
    assert "Competency X" in "\n".join(drawn)
