"""Small groups are hidden everywhere — the numbers, the page's table, the picture and every
download — and marked as hidden; spreadsheet formulas in names are never run."""

import csv
import io
from datetime import datetime

from openpyxl import load_workbook

from extensions import db
from reports.export import safe_text

from .conftest import _rate, build_org

HIDDEN = "hidden (fewer than 3 people, or to protect such a group)"


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
    beta_y = next(row for row in csv.reader(io.StringIO(text)) if row[1] == "Competency Y")
    assert beta_y[2:5] == ["4.0", "1.0", "2"]  # two people are enough now


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


def _csv(client, url) -> list[list[str]]:
    return list(csv.reader(io.StringIO(client.get(url).get_data(as_text=True).lstrip("\ufeff"))))


def _sum_and_people(rows, competency) -> tuple[float, int] | None:
    """Rating sum and people of a trend CSV's row for ``competency`` (None: hidden)."""
    row = next(row for row in rows[1:] if row[1] == competency)
    return None if row[2].startswith("hidden") else (float(row[2]) * int(row[3]), int(row[3]))


def test_the_organisation_minus_the_teams_shown_never_gives_a_small_team(org, login_as):
    """The issue's attack: Q2 Competency X — Alpha 4 people, Beta 2, Gamma 1 (c2 n/a). The
    organisation's row minus Alpha's used to give Beta and Gamma; now both stay hidden, so
    what is left is their sum over 3 people, never one team's."""
    client = login_as(org.leader)
    base = f"/reports/download/trend.csv?start={org.q2.id}&end={org.q2.id}"
    whole = _sum_and_people(_csv(client, base), "Competency X")
    per_team = {
        key: _sum_and_people(_csv(client, f"{base}&team={team.id}"), "Competency X")
        for key, team in org.teams.items()
    }
    assert whole == (4.5 * 4 + 3 + 3 + 4, 7)  # a1 5 a2 4 a3 5 b3 4; b1 3 b2 3; c1 4
    assert per_team["alpha"] == (18.0, 4)
    assert per_team["beta"] is None and per_team["gamma"] is None
    left = whole[1] - sum(p for s, p in filter(None, per_team.values()))
    assert left >= 3


def rows_of(rows) -> dict[str, list[str]]:
    return {row[1]: row for row in rows[1:]}


def test_a_self_assessment_counts_only_once_the_review_is_shared(org, app, login_as, monkeypatch):
    """Differencing in the open cycle: Maria's downloads before and after b3 submits a
    self-assessment are the same, even with no group hidden (MIN_GROUP_SIZE 1); once she
    shares the review, b3's self-ratings count."""
    monkeypatch.setitem(app.config, "MIN_GROUP_SIZE", 1)
    client = login_as(org.managers["maria"])
    url = f"/reports/download/trend.csv?start={org.q4.id}&end={org.q4.id}&self_ratings=1"
    before = _csv(client, url)
    review = org.reviews["q4", "b3"]
    _rate(review, org.q4, (1, 1, 1), "self")
    review.self_submitted_at = datetime(2025, 12, 1)
    db.session.commit()
    assert _csv(client, url) == before  # the submission can't be read by subtraction
    _rate(review, org.q4, (2, 2, 2), "manager")
    review.manager_submitted_at = review.shared_at = datetime(2025, 12, 2)
    db.session.commit()
    after = _csv(client, url)
    # Manager X: a1 3, a2 3 (shared), then b3 2 → 8/3; self X: a1 4, a2 4, then b3 1 → 3.0.
    # a3's submitted but unshared self-assessment (4) never counts.
    assert rows_of(before)["Competency X"][2:] == ["3.0", "2", "4.0", "2"]
    assert rows_of(after)["Competency X"][2:] == ["2.67", "3", "3.0", "3"]
