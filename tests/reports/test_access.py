"""Who may chart what: every chart and download for staff, another team's manager, the
team's manager, leadership and admins."""

import csv
import io

import pytest

from reports.catalog import PERSON_CHARTS, TEAM_CHARTS

TEAM = [spec.name for spec in TEAM_CHARTS]
PERSON = [spec.name for spec in PERSON_CHARTS]
VIEWERS = ["staff", "other_manager", "manager", "leader", "admin"]


def viewer(org, who):
    return {
        "staff": org.people["a1"],
        "other_manager": org.boris,  # manages Beta and Gamma, not Alpha
        "manager": org.maria,  # manages Alpha
        "leader": org.leader,
        "admin": org.admin,
    }[who]


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


ALPHA_STATUS = {"staff": 403, "other_manager": 404, "manager": 200, "leader": 200, "admin": 200}


@pytest.mark.parametrize("name", TEAM)
def test_team_chart_of_alpha(org, login_as, name):
    """Each viewer in turn (the drawing is cached, so it is drawn once for all of them)."""
    alpha = org.teams["alpha"].id
    for who, status in ALPHA_STATUS.items():
        client = login_as(viewer(org, who))
        for url in (f"/reports/chart/{name}.png?team={alpha}",
                    f"/reports/download/{name}.csv?team={alpha}",
                    f"/reports/download/{name}.pdf?team={alpha}"):  # fmt: skip
            assert client.get(url).status_code == status, (who, url)


@pytest.mark.parametrize("name", TEAM)
def test_staff_gets_403_for_every_team_chart_and_format(org, login_as, name):
    client = login_as(org.people["a1"])
    for fmt in ("png", "svg", "pdf", "csv", "xlsx"):
        assert client.get(f"/reports/download/{name}.{fmt}").status_code == 403
    assert client.get(f"/reports/chart/{name}.png").status_code == 403


def test_a_manager_sees_only_their_teams(org, login_as):
    client = login_as(org.maria)
    q1 = org.q1.id
    table = read_csv(client.get(f"/reports/download/heatmap.csv?cycle={q1}"))
    assert {row[0] for row in table[1:]} == {"Alpha"}
    pipeline = read_csv(client.get(f"/reports/download/idea-breakdown.csv?start={q1}"))
    assert {row[1] for row in pipeline[1:] if row[0] == "Team"} == {"Alpha"}
    # A team that does not exist answers like one they may not see.
    assert client.get("/reports/chart/trend.png?team=999999").status_code == 404


def test_leadership_charts_any_team(org, login_as):
    client = login_as(org.leader)
    table = read_csv(client.get(f"/reports/download/heatmap.csv?cycle={org.q1.id}"))
    assert {row[0] for row in table[1:]} == {"Alpha", "Beta", "Gamma"}
    assert client.get("/reports/chart/trend.png?team=999999").status_code == 404


def own_manager_ratings(person) -> dict[tuple[str, str], str]:
    """(cycle, competency) -> the manager's rating of ``person`` there, from the database,
    as the trend CSV writes it (one review per cycle: the rating itself)."""
    from sqlalchemy import select

    from extensions import db
    from reviews.models import Cycle, CycleCompetency, Rating, Review

    rows = db.session.execute(
        select(Cycle.name, CycleCompetency.name, Rating.value)
        .join(Review, Review.cycle_id == Cycle.id)
        .join(Rating, Rating.review_id == Review.id)
        .join(CycleCompetency, CycleCompetency.id == Rating.cycle_competency_id)
        .where(
            Review.employee_id == person.id,
            Rating.source == "manager",
            Rating.value.is_not(None),
            Cycle.status == "closed",
        )
    )
    return {(cycle, competency): f"{value:.1f}" for cycle, competency, value in rows}


@pytest.mark.parametrize("name", PERSON)
@pytest.mark.parametrize("who", VIEWERS)
def test_everyone_charts_their_own_numbers_only(org, login_as, name, who):
    """Arguments naming someone else or a team change nothing: the file holds the viewer's
    own numbers, byte for byte the same as without them."""
    person = viewer(org, who)
    client = login_as(person)
    other = org.people["b1"].id
    base = f"/reports/download/{name}.csv?start={org.q1.id}"
    own = client.get(base)
    tricked = client.get(f"{base}&person={other}&employee={other}&team={org.teams['beta'].id}")
    assert own.status_code == tricked.status_code == 200
    assert tricked.get_data() == own.get_data()
    assert client.get(f"/reports/chart/{name}.png?team={org.teams['beta'].id}").status_code == 200


def test_a_persons_trend_is_their_own_ratings(org, login_as):
    """Each person's trend rows are exactly their own manager ratings, for two people whose
    ratings differ (a file serving someone else's numbers fails here)."""
    for key in ("a1", "b1"):
        person = org.people[key]
        table = read_csv(login_as(person).get(f"/reports/download/my-trend.csv?start={org.q1.id}"))
        shown = {(row[0], row[1]): row[2] for row in table[1:] if row[1].startswith("Competency")}
        assert shown and shown == own_manager_ratings(person), key


def test_staff_own_trend_holds_their_ratings(org, login_as):
    client = login_as(org.people["b3"])
    url = f"/reports/download/my-trend.csv?start={org.q1.id}&self_ratings=y"
    table = read_csv(client.get(url))
    header, body = table[0], table[1:]
    assert header[:4] == ["Cycle", "Competency", "Manager rating", "Self-assessment"]
    x = [row for row in body if row[1] == "Competency X"]
    # b3's own X: Q1 manager 4 / self 4, Q2 manager 4 / self 4 — nobody else's numbers.
    assert [row[2:] for row in x] == [["4.0", "4.0"], ["4.0", "4.0"]]
    mine = read_csv(client.get(f"/reports/download/my-trend.csv?start={org.q1.id}"))
    assert mine[0] == ["Cycle", "Competency", "Manager rating"]


@pytest.mark.parametrize(("who", "status"), [("staff", 403), ("manager", 403), ("leader", 302),
                                             ("admin", 302)])  # fmt: skip
def test_the_organisations_cycle_report_is_for_leadership_and_admins(org, post, login_as, who,
                                                                     status):  # fmt: skip
    login_as(viewer(org, who))
    response = post("/reports/cycle-report", {"cycle": org.q2.id, "team": ""}, "/reports/")
    assert response.status_code == status


def test_a_manager_gets_the_cycle_report_of_their_own_team_only(org, post, login_as):
    login_as(org.maria)
    alpha, beta = org.teams["alpha"].id, org.teams["beta"].id
    mine = post("/reports/cycle-report", {"cycle": org.q2.id, "team": alpha}, "/reports/")
    assert mine.status_code == 302
    other = post("/reports/cycle-report", {"cycle": org.q2.id, "team": beta}, "/reports/")
    assert other.status_code == 403


def test_leadership_gets_any_teams_cycle_report(org, post, login_as):
    login_as(org.leader)
    beta = org.teams["beta"].id
    page = f"/reports/?team={beta}"
    response = post("/reports/cycle-report", {"cycle": org.q2.id, "team": beta}, page)
    assert response.status_code == 302
    assert (
        post("/reports/cycle-report", {"cycle": org.q2.id, "team": 99999}, page).status_code == 400
    )


def test_an_export_is_seen_only_by_whoever_asked(org, post, login_as, client):
    login_as(org.leader)
    page = post("/reports/cycle-report", {"cycle": org.q2.id, "team": ""}, "/reports/")
    url = page.headers["Location"]
    assert client.get(url).status_code == 200
    assert client.get(url + "/file").status_code == 200
    login_as(org.admin)  # may have the report too, but not this person's file
    assert client.get(url).status_code == 404
    assert client.get(url + "/file").status_code == 404


def test_pages_per_role(org, login_as):
    staff = login_as(org.people["a1"]).get("/reports/")
    assert staff.status_code == 200
    html = staff.get_data(as_text=True)
    assert "/reports/chart/my-trend.png" in html and "/reports/chart/heatmap.png" not in html
    assert 'action="/reports/cycle-report"' not in html
    manager = login_as(org.maria).get("/reports/").get_data(as_text=True)
    assert "/reports/chart/heatmap.png" in manager
    assert 'action="/reports/cycle-report"' in manager  # their own team's report
    assert ">Beta<" not in manager and "The whole organisation" not in manager
    leader = login_as(org.leader).get("/reports/").get_data(as_text=True)
    assert 'action="/reports/cycle-report"' in leader and ">Beta<" in leader
    assert "The whole organisation" in leader


def test_anonymous_visitors_are_sent_to_sign_in(org, client):
    for url in ("/reports/", "/reports/me", "/reports/chart/trend.png",
                "/reports/download/trend.csv", "/reports/exports/1",
                "/reports/table/trend"):  # fmt: skip
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response.headers["Location"]
