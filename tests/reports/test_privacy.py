"""Small groups are hidden everywhere — the numbers, the page's table, the picture and every
download — and marked as hidden; spreadsheet formulas in names are never run."""

import csv
import io

from openpyxl import load_workbook

from reports.export import safe_text

from .conftest import build_org

HIDDEN = "hidden (fewer than 3 people)"


def beta_q2(org) -> str:
    """Heatmap of 2025 Q2 for Beta, where only b1 and b2 remain (b3 moved to Alpha)."""
    return f"cycle={org.q2.id}&team={org.teams['beta'].id}"


def test_hidden_in_the_page_table(org, login_as):
    html = login_as(org.leader).get(f"/reports/?{beta_q2(org)}").get_data(as_text=True)
    table = html.split('id="chart-heatmap"')[1].split("</section>")[0]
    body = table.split("<tbody>")[1]
    # Four rows (X, Y, W, all competencies): mean, change and people hidden in each; the
    # previous cycle's means (three people then) stay.
    assert body.count("hidden-cell") == 12 and ">hidden<" in body
    assert "3.67" not in body  # Beta's Q2 mean over all competencies: (3+3+4+3+5+4)/6


def test_hidden_in_csv_and_xlsx(org, login_as):
    client = login_as(org.leader)
    text = client.get(f"/reports/download/heatmap.csv?{beta_q2(org)}").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:3] == ["Team", "Competency", "Mean"]
    assert all(row[2] == HIDDEN for row in rows[1:])
    book = client.get(f"/reports/download/heatmap.xlsx?{beta_q2(org)}").get_data()
    values = list(load_workbook(io.BytesIO(book)).active.iter_rows(values_only=True))
    assert all(row[2] == HIDDEN for row in values[1:])


def test_hidden_in_the_picture(org, login_as):
    svg = login_as(org.leader).get(f"/reports/download/heatmap.svg?{beta_q2(org)}").get_data()
    assert svg.count(b">hidden</text>") >= 4  # one mark per hidden cell
    assert b">3.0</text>" not in svg and b">4.0</text>" not in svg


def test_completion_hides_teams_of_two(org, login_as):
    client = login_as(org.boris)  # Beta and Gamma: two reviews each in the open cycle
    text = client.get(f"/reports/download/completion.csv?cycle={org.q4.id}").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert {row[0] for row in rows[1:]} == {"Beta", "Gamma"}
    assert all(cell == HIDDEN for row in rows[1:] for cell in row[1:])


def test_min_group_size_is_configurable(org, app, login_as, monkeypatch):
    monkeypatch.setitem(app.config, "MIN_GROUP_SIZE", 2)
    text = (
        login_as(org.leader)
        .get(f"/reports/download/heatmap.csv?{beta_q2(org)}")
        .get_data(as_text=True)
    )
    assert "hidden" not in text and "3.0" in text


def test_a_persons_own_numbers_are_not_hidden_from_them(org, login_as):
    text = (
        login_as(org.people["c1"])
        .get(f"/reports/download/my-gap.csv?cycle={org.q1.id}")
        .get_data(as_text=True)
    )
    assert "hidden" not in text and "Competency X" in text


def test_ideas_never_name_a_person(org, login_as):
    client = login_as(org.leader)
    for name in ("ideas", "idea-breakdown"):
        text = client.get(f"/reports/download/{name}.csv?start={org.q1.id}").get_data(as_text=True)
        assert "Person" not in text


def test_formulas_in_names_are_escaped(app, small_charts, login_as):
    formula = '=HYPERLINK("http://evil.example","click")'
    org = build_org({"alpha": "+SUM(1,2)", "beta": "@cmd", "X": formula})
    client = login_as(org.leader)
    url = f"/reports/download/heatmap.{{fmt}}?cycle={org.q1.id}"
    text = client.get(url.format(fmt="csv")).get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    cells = {cell for row in rows for cell in row}
    assert "'" + formula in cells and "'+SUM(1,2)" in cells and "'@cmd" in cells
    assert formula not in cells and "+SUM(1,2)" not in cells
    book = load_workbook(io.BytesIO(client.get(url.format(fmt="xlsx")).get_data()))
    sheet_cells = [c for row in book.active.iter_rows() for c in row]
    texts = {c.value for c in sheet_cells if isinstance(c.value, str)}
    assert "'" + formula in texts and "'+SUM(1,2)" in texts
    assert not any(c.data_type == "f" for c in sheet_cells)


def test_negative_numbers_stay_numbers():
    from reports.export import table_rows
    from reports.tables import Column, Table

    table = Table([Column("Team"), Column("Change", "change")], [["-team", -0.5]])
    assert table_rows(table)[1] == ["'-team", -0.5]


def test_safe_text():
    for risky in ("=1+1", "+1", "-1", "@A1", "\tx", "\rx"):
        assert safe_text(risky) == "'" + risky
    assert safe_text("Service Desk") == "Service Desk"


def test_all_not_applicable_reviews_do_not_count_as_people(org):
    """Alpha in Q1 has three reviewed people; when two of them are "not applicable" on every
    competency, the "all competencies" mean rests on one person and must be hidden."""
    from extensions import db

    from .conftest import chart_data

    for key in ("a2", "a3"):
        for rating in org.reviews["q1", key].ratings:
            if rating.source == "manager":
                rating.value, rating.not_applicable = None, True
    db.session.commit()
    frame = chart_data(org, "trend", cycles=[org.q1], teams=[org.teams["alpha"]]).frame
    overall = frame[(frame["competency_id"] == 0) & (frame["cycle_id"] == org.q1.id)]
    assert overall["hidden"].all()
    distribution = chart_data(org, "distribution", cycles=[org.q1], teams=[org.teams["alpha"]])
    assert distribution.frame["hidden"].all()
