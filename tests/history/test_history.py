"""One person's history for the people entitled to it (reports.web.history): who may open
whose, what of the reviews it shows (shared reviews only, a manager's own reviews only), the
weighted overall score against hand-computed values, and the downloads.

The organisation is the report tests' (tests/reports/conftest.py): Alpha (a1 a2 a3) is Maria's,
Beta (b1 b2) and Gamma (c1 c2) Boris's; b3 was Boris's in 2025 Q1 and is Maria's since Q2. In the
open 2025 Q4, a2's review is shared (manager 3 3 3), b1's is assessed but not shared (3 3 3),
a3's and c1's are self-assessed only (4 4 4)."""

import csv
import io
import re

import pytest

from extensions import db
from reports.web.requests import HISTORY_CHARTS
from reviews.models import Rating

from ..reports.conftest import chart_data

TREND, GAP = "/reports/person/{id}/download/trend.csv", "/reports/person/{id}/download/gap.csv"


def boris(org):
    return next(m for m in org.managers.values() if m.name == "Boris Boss")


def table(client, url: str) -> list[list[str]]:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))


def trend_rows(client, person, **args) -> dict[tuple[str, str], list[str]]:
    """The trend table of ``person``'s history: (cycle, competency) → the ratings."""
    query = "&".join(f"{k}={v}" for k, v in args.items())
    rows = table(client, TREND.format(id=person.id) + (f"?{query}" if query else ""))
    return {(row[0], row[1]): row[2:] for row in rows[1:] if row[1] != "no data"}


# --- Who opens whose history -----------------------------------------------------------------


def test_who_opens_whose_history(org, login_as):
    a1, b1, b3 = org.people["a1"], org.people["b1"], org.people["b3"]
    cases = [
        (org.maria, a1, 200),  # she manages a1 now
        (org.maria, b3, 200),  # and b3, since Q2
        (boris(org), b3, 200),  # he wrote b3's Q1 review
        (org.maria, b1, 404),  # someone else's report
        (a1, org.people["a2"], 404),  # a colleague
        (a1, b1, 404),
        (org.leader, b1, 200),
        (org.admin, a1, 200),
    ]
    for viewer, person, status in cases:
        client = login_as(viewer)
        url = f"/reports/person/{person.id}"
        assert client.get(url).status_code == status, (viewer.name, person.name)
        chart = client.get(f"/reports/person/{person.id}/chart/trend.png")
        assert chart.status_code == status, (viewer.name, person.name)
        for name in HISTORY_CHARTS:
            download = client.get(f"/reports/person/{person.id}/download/{name}.csv")
            assert download.status_code == status, (viewer.name, person.name, name)
        assert client.get(f"/reports/person/{person.id}/table/gap").status_code == status


def test_a_persons_own_history_is_their_own_charts(org, login_as):
    a1 = org.people["a1"]
    response = login_as(a1).get(f"/reports/person/{a1.id}")
    assert response.status_code == 302 and response.headers["Location"].endswith("/reports/me")


def test_the_page_shows_the_persons_name_and_their_charts(org, login_as):
    a1 = org.people["a1"]
    page = login_as(org.maria).get(f"/reports/person/{a1.id}").get_data(as_text=True)
    assert "History of Person A1" in page
    assert "Ratings of Person A1 over time" in page
    assert "Self-assessment vs manager rating of Person A1" in page
    assert f"/reports/person/{a1.id}/download/trend.csv" in page
    assert "/reports/download/my-trend" not in page  # the viewer's own charts are not it
    assert "You see the reviews you wrote" in page


def test_unknown_chart_or_format_is_404(org, login_as):
    client = login_as(org.leader)
    a1 = org.people["a1"]
    assert client.get(f"/reports/person/{a1.id}/download/heatmap.csv").status_code == 404
    assert client.get(f"/reports/person/{a1.id}/download/trend.exe").status_code == 404
    assert client.get("/reports/person/999999").status_code == 404


# --- What of the reviews it shows ------------------------------------------------------------


def test_a_review_not_yet_shared_never_shows(org, login_as):
    """b1's Q4 review is assessed (3 3 3) but not shared; a3's and c1's are self-assessed."""
    q4 = {"start": org.q4.id, "end": org.q4.id, "self_ratings": "y"}
    for viewer in (boris(org), org.leader, org.admin):
        client = login_as(viewer)
        assert trend_rows(client, org.people["b1"], **q4) == {}, viewer.name
        assert trend_rows(client, org.people["c1"], **q4) == {}, viewer.name
        gap = table(client, GAP.format(id=org.people["b1"].id) + f"?cycle={org.q4.id}")
        assert len(gap) == 1, viewer.name  # the header only
    client = login_as(org.maria)
    assert trend_rows(client, org.people["a3"], **q4) == {}
    # a2's Q4 review is shared: it shows, self-assessment and all.
    shown = trend_rows(client, org.people["a2"], **q4)
    assert shown[("2025 Q4", "All competencies")] == ["3.0", "4.0"]


def test_the_person_still_sees_their_own_self_assessment_before_it_is_shared(org, login_as):
    """Their own rules, as on "My ratings": their self-assessment once submitted."""
    a3 = org.people["a3"]
    q4 = {"start": org.q4.id, "end": org.q4.id, "self_ratings": "y"}
    assert trend_rows(login_as(a3), a3, **q4)[("2025 Q4", "All competencies")] == ["", "4.0"]


def test_a_manager_sees_only_the_reviews_they_wrote(org, login_as):
    """b3: Q1 by Boris (manager 4 1 3 → 2.67), Q2 by Maria (4 2 3 → 3.00)."""
    b3 = org.people["b3"]
    both = {"start": org.q1.id, "end": org.q2.id}
    maria = trend_rows(login_as(org.maria), b3, **both)
    assert {cycle for cycle, _ in maria} == {"2025 Q2"}
    assert maria[("2025 Q2", "All competencies")] == ["3.0"]
    his = trend_rows(login_as(boris(org)), b3, **both)
    assert {cycle for cycle, _ in his} == {"2025 Q1"}
    assert his[("2025 Q1", "All competencies")] == [
        "2.7"
    ]  # (4 + 1 + 3) / 3, to one decimal like every rating
    leader = trend_rows(login_as(org.leader), b3, **both)
    assert {cycle for cycle, _ in leader} == {"2025 Q1", "2025 Q2"}


def test_the_history_shows_ratings_only_never_notes(org, login_as):
    """a1's Q1 review has strength and improvement notes: no text of them in the history."""
    client = login_as(org.leader)
    a1 = org.people["a1"]
    page = client.get(f"/reports/person/{a1.id}?start={org.q1.id}").get_data(as_text=True)
    assert "strength note" not in page and "improvement note" not in page
    for name in HISTORY_CHARTS:
        body = client.get(f"/reports/person/{a1.id}/download/{name}.csv").get_data(as_text=True)
        assert "note" not in body
        assert "Person A2" not in body  # nobody else's numbers


# --- The weighted overall score --------------------------------------------------------------


@pytest.fixture
def weighted(org):
    """2025 Q1 weighs X 2, Y 1, Z 5; a1's Q1 manager ratings become X 4, Y 2, Z n/a (self 5 4
    4 as before)."""
    weights = {"Competency X": 2, "Competency Y": 1, "Competency Z": 5}
    for snapshot in org.q1.competencies:
        snapshot.weight = weights[snapshot.name]
    review = org.reviews["q1", "a1"]
    for rating in db.session.query(Rating).filter_by(review_id=review.id, source="manager"):
        value = {"Competency X": 4, "Competency Y": 2, "Competency Z": None}[rating.competency.name]
        rating.value, rating.not_applicable = value, value is None
    db.session.commit()
    return org


def test_overall_score_is_the_weighted_mean_without_not_applicable(weighted):
    org = weighted
    frame = chart_data(
        org, "my-trend", cycles=[org.q1, org.q2], person=org.people["a1"], with_self=True
    ).frame
    overall = frame[frame["competency_id"] == -1]
    got = {(r.cycle_id, r.source): round(r.mean, 4) for r in overall.itertuples()}
    assert got == {
        # (4×2 + 2×1) / (2 + 1): Z is n/a, so its weight 5 leaves the sum
        (org.q1.id, "manager"): round(10 / 3, 4),
        # (5×2 + 4×1 + 4×5) / (2 + 1 + 5)
        (org.q1.id, "self"): round(34 / 8, 4),
        # Q2 weighs every competency 1: the plain mean (5 + 4 + 2) / 3
        (org.q2.id, "manager"): round(11 / 3, 4),
        (org.q2.id, "self"): round(11 / 3, 4),  # (4 + 4 + 3) / 3
    }
    plain = frame[(frame["competency_id"] == 0) & (frame["source"] == "manager")]
    assert round(plain[plain["cycle_id"] == org.q1.id]["mean"].iloc[0], 4) == 3.0  # (4+2)/2


def test_overall_score_in_the_table_and_downloads_for_person_and_manager(weighted, login_as):
    org = weighted
    a1 = org.people["a1"]
    q1 = {"start": org.q1.id, "end": org.q1.id}
    shown = trend_rows(login_as(org.maria), a1, **q1)
    assert shown[("2025 Q1", "Overall (weighted)")] == ["3.3"]  # 3.33, to one decimal
    mine = table(login_as(a1), f"/reports/download/my-trend.csv?start={org.q1.id}&end={org.q1.id}")
    assert ["2025 Q1", "Overall (weighted)", "3.3"] in mine
    # The overall comes right after "all competencies", before each competency.
    assert [row[1] for row in mine[1:3]] == ["All competencies", "Overall (weighted)"]


def test_no_overall_score_for_one_competency(weighted, login_as):
    org = weighted
    rows = trend_rows(login_as(org.maria), org.people["a1"], competency=org.competencies["X"].id)
    assert {name for _, name in rows} == {"Competency X"}


def test_the_weight_hint_says_how_it_counts(org, login_as):
    competency = org.competencies["X"]
    page = login_as(org.admin).get(f"/admin/framework/{competency.id}/edit").get_data(as_text=True)
    assert "overall score is the mean of the manager’s ratings" in page


# --- Downloads ---------------------------------------------------------------------------------


def test_downloads_are_named_after_the_person_in_the_readers_words(org, login_as):
    b3 = org.people["b3"]
    client = login_as(org.leader)
    q1, q2 = org.q1.id, org.q2.id
    cases = {
        f"/reports/person/{b3.id}/download/trend.png?start={q1}&end={q2}":
            "rapport-trend-person-b3-2025-q1-to-2025-q2.png",
        f"/reports/person/{b3.id}/download/gap.xlsx?cycle={q1}":
            "rapport-self-manager-gap-person-b3-2025-q1.xlsx",
    }  # fmt: skip
    for url, name in cases.items():
        response = client.get(url)
        assert response.headers["Content-Disposition"] == f'attachment; filename="{name}"'
    org.leader.locale = "et"
    db.session.commit()
    client = login_as(org.leader)
    response = client.get(f"/reports/person/{b3.id}/download/trend.csv?start={q1}&end={q2}")
    name = re.search(r'filename="([^"]+)"', response.headers["Content-Disposition"])[1]
    assert name == "rapport-suundumus-person-b3-2025-q1-kuni-2025-q2.csv"


def test_every_format_downloads_for_another_person(org, login_as):
    client = login_as(org.maria)
    a1 = org.people["a1"]
    for name in HISTORY_CHARTS:
        for fmt in ("png", "svg", "pdf", "csv", "xlsx"):
            response = client.get(f"/reports/person/{a1.id}/download/{name}.{fmt}")
            assert response.status_code == 200, (name, fmt)
            assert response.headers["Cache-Control"] == "no-store"  # someone else's numbers


def test_the_gap_of_another_person(org, login_as):
    """b3 in Q1 (Boris's review): self 4 2 4 − manager 4 1 3 → X ±0, Y +1, Z +1; all +0.67."""
    rows = table(login_as(boris(org)), GAP.format(id=org.people["b3"].id) + f"?cycle={org.q1.id}")
    assert rows[0][1:] == ["Self-assessment", "Manager rating", "Gap (self − manager)"]
    by_name = {row[0]: row[1:] for row in rows[1:]}
    assert by_name["Competency Y"] == ["2.0", "1.0", "1.0"]
    assert by_name["All competencies"][2] == "0.67"
