"""Lean report pages: a page shows the first rows of each table (all of them one link away),
renders each panel once per data version and language, and tags its chart URLs with the
data version so browsers keep the pictures; a cached chart builds no form."""

import re

import pytest
from sqlalchemy import select

from extensions import db
from reports import labels
from reports.catalog import TEAM_CHARTS
from reports.web import panels
from reviews.models import Rating, utcnow


def _section(html: str, name: str) -> str:
    return html.split(f'id="chart-{name}"')[1].split("</section>")[0]


def _image_url(html: str, name: str) -> str:
    return re.search(r'<img src="([^"]+)"', _section(html, name)).group(1).replace("&amp;", "&")


def test_the_page_shows_the_first_rows_and_links_to_the_whole_table(org, login_as, monkeypatch):
    monkeypatch.setattr(panels, "PAGE_ROWS", 5)
    client = login_as(org.leader)
    html = client.get(f"/reports/?cycle={org.q2.id}").get_data(as_text=True)
    heatmap = _section(html, "heatmap")
    rows = heatmap.count("<tr>") - 1  # minus the header row
    link = re.search(r'href="(/reports/table/heatmap[^"]*)"', heatmap)
    full = client.get(link.group(1).replace("&amp;", "&"))
    assert full.status_code == 200
    full_rows = full.get_data(as_text=True).count("<tr>") - 1
    assert rows == panels.PAGE_ROWS < full_rows
    assert f"Show all {full_rows} rows" in heatmap


def test_a_small_table_is_whole_on_the_page_without_a_link(org, login_as):
    html = login_as(org.leader).get(f"/reports/?cycle={org.q2.id}").get_data(as_text=True)
    gap = _section(html, "gap")
    assert "\n" not in gap  # the cached panel keeps no indentation (40 % of its bytes)
    assert "/reports/table/gap" not in gap and '<details class="chart-table" open>' in gap


def test_a_second_view_formats_no_number(org, login_as, monkeypatch):
    client = login_as(org.leader)
    first = client.get("/reports/").get_data(as_text=True)

    def refuse(*args, **kwargs):
        raise AssertionError("a cached panel formatted a number again")

    monkeypatch.setattr(labels, "number", refuse)
    monkeypatch.setattr(labels, "signed", refuse)
    second = client.get("/reports/")
    assert second.status_code == 200
    assert (
        second.get_data(as_text=True).count("chart-card")
        == first.count("chart-card")
        == len(TEAM_CHARTS)
    )


def test_chart_urls_carry_the_data_version_and_are_kept_by_the_browser(org, login_as):
    client = login_as(org.leader)
    html = client.get(f"/reports/?start={org.q1.id}").get_data(as_text=True)
    url = _image_url(html, "trend")
    assert "v=" in url
    picture = client.get(url)
    assert picture.status_code == 200
    assert picture.headers["Cache-Control"] == "private, max-age=31536000, immutable"
    again = client.get(url, headers={"If-None-Match": picture.headers["ETag"]})
    assert again.status_code == 304
    # A counted change gives the chart a new URL; the old one must be asked for again.
    rating = db.session.scalar(
        select(Rating).where(
            Rating.review_id == org.reviews["q1", "a1"].id, Rating.source == "manager"
        )
    )
    rating.value = 1 if rating.value != 1 else 2
    db.session.commit()
    html = client.get(f"/reports/?start={org.q1.id}").get_data(as_text=True)
    new_url = _image_url(html, "trend")
    assert new_url != url
    stale = client.get(url)
    assert stale.headers["Cache-Control"] == "private, no-cache"
    assert stale.get_data() != picture.get_data()  # the current picture, never the old one


def test_a_chart_url_never_fits_two_views(org, login_as):
    """Two people's own charts, or the organisation's and a manager's team charts, never
    share a URL a browser keeps for good (a shared computer would show the wrong one)."""
    urls = {}
    for who, page in (("a1", "/reports/me"), ("a2", "/reports/me")):
        html = login_as(org.people[who]).get(page).get_data(as_text=True)
        urls[who] = _image_url(html, "my-trend")
    assert urls["a1"] != urls["a2"]
    leader = login_as(org.leader).get("/reports/").get_data(as_text=True)
    manager = login_as(org.maria).get("/reports/").get_data(as_text=True)
    assert _image_url(leader, "heatmap") != _image_url(manager, "heatmap")
    org.leader.locale = "et"
    db.session.commit()
    in_estonian = login_as(org.leader).get("/reports/").get_data(as_text=True)
    assert _image_url(in_estonian, "heatmap") != _image_url(leader, "heatmap")


def test_a_panel_cached_for_one_viewer_keeps_its_own_links(org, login_as):
    """A manager's default view and a leader filtered on the same team share numbers, but
    each panel's links carry what its viewer asked for."""
    alpha = org.teams["alpha"].id
    login_as(org.maria).get("/reports/")
    html = login_as(org.leader).get(f"/reports/?team={alpha}").get_data(as_text=True)
    assert f"team={alpha}" in _image_url(html, "heatmap")


def test_other_charts_keep_their_urls_after_a_write_elsewhere(org, login_as):
    client = login_as(org.leader)
    before = client.get(f"/reports/?start={org.q1.id}").get_data(as_text=True)
    org.reviews["q4", "a3"].shared_at = utcnow()  # a step in the open cycle
    db.session.commit()
    after = client.get(f"/reports/?start={org.q1.id}").get_data(as_text=True)
    for name in ("trend", "heatmap", "distribution", "gap", "notes", "ideas"):
        assert _image_url(before, name) == _image_url(after, name), name
    assert _image_url(before, "completion") != _image_url(after, "completion")


def test_a_cached_chart_builds_no_form(org, login_as, monkeypatch):
    import forms.reports

    client = login_as(org.leader)
    url = f"/reports/chart/heatmap.png?cycle={org.q2.id}&team={org.teams['alpha'].id}"
    assert client.get(url).status_code == 200

    def refuse(*args, **kwargs):
        raise AssertionError("a chart request built the filter form")

    monkeypatch.setattr(forms.reports.ReportFilterForm, "__init__", refuse)
    response = client.get(url)
    assert response.status_code == 200 and response.mimetype == "image/png"


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("start=abc", 400, "Choose the first cycle from the list."),
        ("cycle=99999", 400, "Choose a cycle from the list."),
        ("competency=99999", 400, "Choose a competency from the list."),
        ("team=99999", 404, ""),
        ("cycle=%C2%B2", 400, "Choose a cycle from the list."),  # "²" is a digit to Python
        ("team=%D9%A3", 400, "Choose a team from the list."),  # an Arabic-Indic three
        ("start=99999999999999999999", 400, "Choose the first cycle from the list."),
    ],
)
def test_a_chart_with_bad_filters_says_why(org, login_as, query, status, message):
    response = login_as(org.leader).get(f"/reports/chart/trend.png?{query}")
    assert response.status_code == status
    assert message in response.get_data(as_text=True)


def test_a_manager_gets_404_for_a_team_that_is_not_theirs(org, login_as):
    client = login_as(org.maria)
    beta = org.teams["beta"].id
    assert client.get(f"/reports/chart/trend.png?team={beta}").status_code == 404
    assert client.get(f"/reports/table/trend?team={beta}").status_code == 404
