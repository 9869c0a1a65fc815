"""The leadership chart: recognitions received per team × competency in the chosen cycles,
checked against numbers counted by hand; small teams hidden, with complementary suppression
so the organisation's figures less the teams shown cannot give them back; removed ones not
counted, hidden ones counted; and no rating chart moves when recognitions are added.

The organisation: Alpha (Maria, Aino, Ago, Anne: 4 people), Beta (Boris, Berit, Bruno: 3),
Gamma (Carl: 1 — small; Boris manages him too). X and Y are the first two competencies.

    1 Ago → Aino     X Y      Alpha
    2 Berit → Aino   X        Alpha
    3 Aino → Berit   Y        Beta
    4 Aino → Bruno   X        Beta
    5 Aino → Carl    X        Gamma
    6 Carl → Bruno   X        Beta, removed: not counted
    7 Bruno → Anne   Y        Alpha, hidden by Anne: counted

    Alpha: X 2 (1 2), Y 2 (1 7), all 3 (1 2 7)      Beta: X 1, Y 1, all 2      Gamma: X 1, all 1
    Organisation: X 4, Y 3, all 6; people 4 + 3 + 1 = 8."""

import csv
import io
from datetime import datetime

import pytest
from sqlalchemy import select

from extensions import db
from reports import catalog
from reports.build import Context
from reports.filters import Filters, report_cycles
from reports.recognition import TOTAL, slices
from reviews.models import Competency, utcnow
from tests import factories
from tests.organisation import TeamPlan, build_org, open_cycle

from .conftest import give

PLAN = {
    "alpha": TeamPlan("Alpha", "Maria Manager", ("Aino Aas", "Ago Org", "Anne Ait")),
    "beta": TeamPlan("Beta", "Boris Boss", ("Berit Berg", "Bruno Bach")),
    "gamma": TeamPlan("Gamma", "Boris Boss", ("Carl Corn",)),
}
SPEC = catalog.get("recognition")


@pytest.fixture
def org(app):
    factories.framework()
    org = build_org(PLAN)
    org.cycle = open_cycle("2026 Q4")
    give(org.ago, org.aino, 0, 1)
    give(org.berit, org.aino, 0)
    give(org.aino, org.berit, 1)
    give(org.aino, org.bruno, 0)
    give(org.aino, org.carl, 0)
    give(org.carl, org.bruno, 0, removed_at=utcnow())
    give(org.bruno, org.anne, 1, hidden=True)
    give(org.bruno, org.anne, 1, days_ago=400)  # before the cycle: not in its period
    return org


def _data(org, team_ids=None, min_size=3):
    ctx = Context(
        report_cycles(db.session), min_size, {"kind": "org" if team_ids is None else "teams"}
    )
    return SPEC.build(db.session, Filters(cycle_ids=(org.cycle.id,), team_ids=team_ids), ctx)


def _grid(data) -> dict:
    """(team name or TOTAL, competency position or "all") → count (None: hidden)."""
    position = {
        c.id: i
        for i, c in enumerate(db.session.scalars(select(Competency).order_by(Competency.position)))
    }
    grid = {}
    for row in data.frame.to_dict("records"):
        team = "total" if row["team_id"] == TOTAL else row["team"]
        key = "all" if row["competency_id"] == 0 else position[row["competency_id"]]
        grid[team, key] = None if row["hidden"] else int(row["count"])
        if key == "all":
            grid[team, "people"] = None if row["hidden"] else int(row["people"])
    return grid


def test_counts_per_team_and_competency_as_counted_by_hand(org):
    grid = _grid(_data(org, min_size=1))  # nothing hidden: every number as counted above
    assert {k: v for k, v in grid.items() if k[1] in (0, 1, "all", "people")} == {
        ("Alpha", 0): 2, ("Alpha", 1): 2, ("Alpha", "all"): 3, ("Alpha", "people"): 4,
        ("Beta", 0): 1, ("Beta", 1): 1, ("Beta", "all"): 2, ("Beta", "people"): 3,
        ("Gamma", 0): 1, ("Gamma", 1): 0, ("Gamma", "all"): 1, ("Gamma", "people"): 1,
        ("total", 0): 4, ("total", 1): 3, ("total", "all"): 6, ("total", "people"): 8,
    }  # fmt: skip
    assert grid["Alpha", 2] == 0 and grid["total", 2] == 0  # a competency nobody was named for


def test_a_small_team_is_hidden_and_cannot_be_rebuilt_from_the_organisation(org):
    grid = _grid(_data(org))
    # Gamma (1 person) is hidden; Beta too, or the organisation less Alpha and Beta would
    # be Gamma's count.
    for key in (0, 1, "all", "people"):
        assert grid["Gamma", key] is None and grid["Beta", key] is None
    assert (grid["Alpha", 0], grid["Alpha", 1], grid["Alpha", "all"]) == (2, 2, 3)
    assert (grid["total", 0], grid["total", 1], grid["total", "all"]) == (4, 3, 6)
    # What a viewer can subtract leaves Beta and Gamma together, never Gamma alone.
    for key in (0, 1, "all"):
        assert grid["total", key] - grid["Alpha", key] == {0: 2, 1: 1, "all": 3}[key]


def test_a_managers_view_of_their_teams(org):
    # Boris: Beta and Gamma, both hidden; their sum is shown (it holds both hidden teams).
    grid = _grid(_data(org, (org.beta.id, org.gamma.id)))
    assert grid["Beta", 0] is None and grid["Gamma", 0] is None
    assert (grid["total", 0], grid["total", 1], grid["total", "all"]) == (2, 1, 3)
    # Maria: Alpha alone.
    grid = _grid(_data(org, (org.alpha.id,)))
    assert grid["Alpha", "all"] == 3 and grid["total", "all"] == 3
    assert ("Beta", 0) not in grid


def test_complementary_suppression_rules():
    # One small team with recognitions: the smallest other team with some joins it.
    people, counts = {1: 1, 2: 5, 3: 4}, {7: {1: 2, 2: 3, 3: 1}}
    assert slices(people, counts, 3)[7].units == {1, 3}
    # The smallest team has none in the slice: the next one with some is taken instead.
    counts = {7: {1: 2, 2: 3, 3: 0}}
    assert slices(people, counts, 3)[7].units == {1, 2}
    # Nobody else to hide with: the organisation's figure is hidden too.
    found = slices({1: 1, 2: 5}, {7: {1: 2}}, 3)[7]
    assert found.short
    # Two small teams hold enough people together, but one of them has none in the slice:
    # the rest would be the other's own count, so a team with some is hidden beside them.
    counts = {7: {1: 2, 2: 0, 3: 4}}
    assert slices({1: 1, 2: 2, 3: 5}, counts, 3)[7].units == {1, 2, 3}
    # No small team: nothing hidden.
    assert not slices({1: 3, 2: 5}, {7: {1: 2}}, 3)[7].units


def test_the_table_and_csv_hide_the_same_cells(org, login_as):
    client = login_as(org.leader)
    response = client.get(
        f"/reports/download/recognition.csv?start={org.cycle.id}&end={org.cycle.id}"
    )
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    by_team = {row[0]: row for row in rows[1:]}
    assert by_team["All teams"][1] == "8" and by_team["All teams"][-1] == "6"
    assert by_team["Alpha"][1:3] == ["4", "2"] and by_team["Alpha"][-1] == "3"
    assert by_team["Gamma"][1].startswith("hidden") and by_team["Beta"][-1].startswith("hidden")
    for fmt in ("png", "xlsx"):
        url = f"/reports/download/recognition.{fmt}?start={org.cycle.id}&end={org.cycle.id}"
        assert client.get(url).status_code == 200


def test_recognition_never_moves_a_rating_chart(app):
    """Every chart that reads reviews draws the same numbers with and without recognitions."""
    from tests.reports.conftest import build_org as rated_org

    org = rated_org()
    ctx = Context(report_cycles(db.session), 3, {"kind": "org"})
    filters = Filters(cycle_ids=(org.q1.id, org.q2.id), cycle_id=org.q2.id)
    rating_charts = [s for s in catalog.TEAM_CHARTS if s.reads == catalog.REVIEWS]
    before = {s.name: s.build(db.session, s.normalise(filters), ctx).frame for s in rating_charts}
    people = org.people
    for giver, recipient in (("a1", "a2"), ("b1", "c1"), ("c2", "a3"), ("a2", "b3")):
        give(people[giver], people[recipient], 0, 1).created_at = datetime(2025, 5, 2)
    db.session.commit()
    for spec in rating_charts:
        after = spec.build(db.session, spec.normalise(filters), ctx).frame
        assert after.equals(before[spec.name]), spec.name


def test_the_cached_chart_follows_new_recognitions_and_moves_between_teams(org):
    """The chart's cache key holds its own data version: a new recognition, or a person
    moving team (the team sizes), draws new numbers; a rating chart's cache is untouched."""
    from reports import service

    ctx = Context(report_cycles(db.session), 1, {"kind": "org"})
    filters = Filters(cycle_ids=(org.cycle.id,))
    first = _grid(service.chart_data(db.session, SPEC, filters, ctx))
    db.session.commit()
    assert first["total", "all"] == 6
    give(org.anne, org.ago, 0)
    assert _grid(service.chart_data(db.session, SPEC, filters, ctx))["total", "all"] == 7
    db.session.commit()
    org.carl.team = org.alpha
    db.session.commit()
    grid = _grid(service.chart_data(db.session, SPEC, filters, ctx))
    assert (
        grid["Alpha", "people"] == 5 and grid["Gamma", "people"] == 1
    )  # Carl was recognised there
