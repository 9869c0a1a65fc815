"""The dashboard pages, their filters (bad values get a clear message, never a 500), and the
PDF cycle report."""

import re

import pytest

from extensions import db
from reports.catalog import BY_NAME, REPORT_CHARTS, TEAM_CHARTS


def test_dashboard_shows_every_chart_as_an_image_with_its_table(org, login_as):
    html = login_as(org.leader).get(f"/reports/?start={org.q1.id}").get_data(as_text=True)
    for spec in TEAM_CHARTS:
        section = html.split(f'id="chart-{spec.name}"')[1].split("</section>")[0]
        img = re.search(r"<img [^>]*>", section).group(0)
        assert f"/reports/chart/{spec.name}.png" in img
        assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)
        assert 'alt="Chart: ' in img
        assert "<table" in section and '<th scope="col"' in section
        for fmt in ("png", "svg", "pdf", "csv", "xlsx"):
            assert f"/reports/download/{spec.name}.{fmt}" in section


def test_the_page_does_not_draw(org, login_as):
    from reports.charts.style import FIGURES

    client = login_as(org.leader)
    before = FIGURES["created"]
    assert client.get("/reports/").status_code == 200
    assert FIGURES["created"] == before


def test_review_progress_shows_the_open_cycle(org, login_as):
    html = login_as(org.leader).get(f"/reports/?cycle={org.q1.id}").get_data(as_text=True)
    section = html.split('id="chart-completion"')[1].split("</section>")[0]
    assert f"cycle={org.q4.id}" in section
    assert f"cycle={org.q1.id}" in html.split('id="chart-heatmap"')[1].split("</section>")[0]


def test_the_empty_cycle_says_no_data(org, login_as):
    html = (
        login_as(org.leader)
        .get(f"/reports/?start={org.q1.id}&end={org.q3.id}")
        .get_data(as_text=True)
    )
    section = html.split('id="chart-trend"')[1].split("</section>")[0]
    assert "2025 Q3" in section and "no data" in section


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("start=abc", "Choose the first cycle from the list."),
        ("end=99999", "Choose the last cycle from the list."),
        ("cycle=-1", "Choose a cycle from the list."),
        ("competency=x", "Choose a competency from the list."),
        ("team=abc", "Choose a team from the list."),
    ],
)
def test_bad_filter_values_get_a_clear_message(org, login_as, query, message):
    client = login_as(org.leader)
    page = client.get(f"/reports/?{query}")
    assert page.status_code == 400 and message in page.get_data(as_text=True)
    image = client.get(f"/reports/chart/trend.png?{query}")
    assert image.status_code == 400 and message in image.get_data(as_text=True)


def test_a_backwards_range_is_refused(org, login_as):
    client = login_as(org.leader)
    response = client.get(f"/reports/?start={org.q2.id}&end={org.q1.id}")
    assert response.status_code == 400
    assert "The last cycle must not come before the first." in response.get_data(as_text=True)


def test_personal_page_filters_ignore_a_team(org, login_as):
    client = login_as(org.people["a1"])
    response = client.get(f"/reports/me?team={org.teams['beta'].id}&start={org.q1.id}")
    assert response.status_code == 200
    assert "/reports/chart/my-gap.png" in response.get_data(as_text=True)


def test_home_page_of_leadership_links_the_charts(org, login_as):
    html = login_as(org.leader).get("/").get_data(as_text=True)
    assert "/reports/chart/heatmap.png" in html and 'href="/reports/"' in html


def pdf_pages(body: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", body))


def _report(client, post, cycle, team=""):
    """Ask for a cycle report; the job runs at once in tests (JOBS_IMMEDIATE)."""
    asked = post("/reports/cycle-report", {"cycle": cycle, "team": team}, "/reports/")
    assert asked.status_code == 302
    page = client.get(asked.headers["Location"]).get_data(as_text=True)
    return page, client.get(asked.headers["Location"] + "/file")


def test_cycle_report_has_a_title_page_and_one_page_per_chart(org, login_as, post):
    client = login_as(org.leader)
    page, response = _report(client, post, org.q2.id)
    assert "Your report is ready." in page
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    body = response.get_data()
    assert body.startswith(b"%PDF-")
    assert pdf_pages(body) == 1 + len(REPORT_CHARTS)
    disposition = response.headers["Content-Disposition"]
    assert disposition == 'attachment; filename="rapport-cycle-report-2025-q2-organisation.pdf"'
    assert response.headers["Cache-Control"] == "no-store"


def test_a_teams_cycle_report_holds_that_teams_numbers(org, login_as, post, monkeypatch):
    from reports import pack, service
    from reports.filters import Filters

    drawn = {}
    real = pack._pdf

    def keep(ctx, cycle_id, pages, progress):
        drawn.update(ctx=ctx, pages={spec.name: data for spec, data in pages})
        return real(ctx, cycle_id, pages, progress)

    monkeypatch.setattr(pack, "_pdf", keep)
    client = login_as(org.maria)
    alpha = org.teams["alpha"]
    _, response = _report(client, post, org.q2.id, alpha.id)
    assert response.status_code == 200 and pdf_pages(response.get_data()) == 1 + len(REPORT_CHARTS)
    assert "alpha" in response.headers["Content-Disposition"].lower()
    assert drawn["ctx"].scope == {"kind": "teams", "names": [alpha.name]}
    heatmap = drawn["pages"]["heatmap"].frame
    assert set(heatmap["team"]) == {alpha.name}  # no other team's numbers
    # The same numbers as the dashboard filtered on the team.
    expected = service.chart_data(
        db.session,
        BY_NAME["trend"],
        Filters(cycle_ids=(org.q1.id, org.q2.id), cycle_id=org.q2.id, team_ids=(alpha.id,)),
        drawn["ctx"],
    ).frame
    got = drawn["pages"]["trend"].frame
    assert got["mean"].round(6).fillna(-1).tolist() == expected["mean"].round(6).fillna(-1).tolist()
    assert got["mean"].notna().sum() > 0


def test_the_reports_progress_is_told_step_by_step(org):
    from reports import exports, pack

    steps = []
    ctx = exports.context(db.session, None)
    pack.cycle_report(db.session, org.q2.id, ctx, "en", None, lambda d, t: steps.append((d, t)))
    assert steps == sorted(steps) and steps[-1][0] == steps[-1][1]
    assert len(steps) == 2 * len(REPORT_CHARTS) + 1


def test_the_page_of_a_report_on_its_way_updates_itself(org, login_as):
    from reviews.models import ReportExport

    export = ReportExport(user_id=org.leader.id, cycle_id=org.q2.id, locale="en",
                          status="running", progress=40)  # fmt: skip
    db.session.add(export)
    db.session.commit()
    html = login_as(org.leader).get(f"/reports/exports/{export.id}").get_data(as_text=True)
    assert 'data-refresh-seconds="2"' in html and "js/refresh.js" in html
    assert 'value="40" max="100"' in html
    assert 'http-equiv="refresh"' not in html  # no reload on a timer the reader cannot stop
    assert f"/reports/exports/{export.id}/file" not in html


def test_cycle_report_of_an_unknown_cycle_is_refused(org, login_as, post):
    login_as(org.leader)
    for cycle in ("abc", "99999", ""):
        response = post("/reports/cycle-report", {"cycle": cycle, "team": ""}, "/reports/")
        assert response.status_code == 400


def test_a_report_whose_job_was_lost_is_queued_again_or_marked_failed(org):
    from datetime import timedelta

    from reports import exports
    from reviews.models import ReportExport, utcnow

    long_ago = utcnow() - timedelta(hours=1)
    waiting = ReportExport(user_id=org.leader.id, cycle_id=org.q2.id, locale="en",
                           created_at=long_ago)  # fmt: skip
    fresh = ReportExport(user_id=org.leader.id, cycle_id=org.q2.id, locale="en")
    dead = ReportExport(user_id=org.leader.id, cycle_id=org.q2.id, locale="en",
                        status="running", created_at=long_ago)  # fmt: skip
    db.session.add_all([waiting, fresh, dead])
    db.session.commit()
    assert exports.stalled(db.session) == [waiting.id]  # the fresh one may still be on its way
    db.session.commit()
    assert dead.status == "failed" and fresh.status == "queued"
