"""The numbers behind the two training charts, worked out by hand on the organisation of
tests/reports/conftest.py (read its docstring first), and the small-group rule.

Reviews (closed cycles, rated on the period's last day): 2025 Q1 — Alpha a1 a2 a3, Beta b1 b2
b3, Gamma c1 c2; 2025 Q2 — Alpha a1 a2 a3 b3, Beta b1 b2, Gamma c1 c2; 2025 Q3 none; 2025 Q4
(open) a1 and a2 shared, rated 3 in everything."""

from datetime import date

import pytest

from extensions import db
from reports import catalog
from reviews.models import TrainingRecord
from tests.reports.conftest import build_org, chart_data

# person, day, hours, competencies
TRAININGS = [
    ("a1", date(2025, 2, 10), 4.0, ()),
    ("a2", date(2025, 3, 5), 1.5, ()),
    ("a3", date(2025, 3, 20), None, ()),  # hours not given yet
    ("b1", date(2025, 1, 15), 6.0, ()),
    ("c1", date(2025, 2, 1), 2.0, ()),
    ("b3", date(2025, 5, 1), 8.0, ()),  # Q2: b3 is in Alpha then
    ("b2", date(2025, 5, 10), 3.0, ()),
    ("c2", date(2025, 6, 1), 1.0, ()),
    ("a1", date(2025, 8, 1), 5.0, ()),  # Q3: nobody reviewed, counted nowhere
]
# Trainings in competencies, between the Q1 review (31 March) and the Q2 one (30 June).
TAGGED = [
    *((key, date(2025, 5, 20), 2.0, ("X",)) for key in ("a1", "a2", "a3", "b3", "b1", "b2")),
    ("c1", date(2025, 5, 20), 2.0, ("X",)),
    ("c2", date(2025, 5, 20), 2.0, ("X",)),  # Q2 X "n/a", no later review: no pair
    ("a1", date(2025, 5, 21), 1.0, ("Y",)),  # the only one in Y
    ("a1", date(2025, 6, 25), 1.0, ("X",)),  # a1's second in X: the first one counts
]


@pytest.fixture
def org(app, small_charts):
    org = build_org()
    for key, day, hours, codes in TRAININGS + TAGGED:
        who = org.leader if key == "leader" else org.people[key]
        db.session.add(
            TrainingRecord(
                person_id=who.id, title=f"Course of {key}", taken_on=day, hours=hours,
                competencies=[org.competencies[c] for c in codes],
            )
        )  # fmt: skip
    db.session.add(
        TrainingRecord(
            person_id=org.leader.id, title="Not reviewed", taken_on=date(2025, 2, 2), hours=10.0
        )  # fmt: skip
    )
    db.session.commit()
    return org


def _rows(data, cycle):
    frame = data.frame[data.frame["cycle"] == cycle]
    return {
        ("Total" if row["team_id"] == -1 else row["team"]): row for row in frame.to_dict("records")
    }


def test_hours_per_team_per_cycle_by_hand(org):
    data = chart_data(org, "training-hours", cycles=[org.q1, org.q2])
    q1 = _rows(data, "2025 Q1")
    # Gamma has 2 people: hidden, and with it the smaller of the others (Alpha, 3 people,
    # created first), so the total minus Beta gives Alpha and Gamma together (5 people).
    assert q1["Gamma"]["hidden"] and q1["Alpha"]["hidden"] and not q1["Beta"]["hidden"]
    beta = q1["Beta"]
    assert (beta["people"], beta["trainings"], beta["hours"], beta["hours_per_person"]) == (
        3, 1, 6.0, 2.0,
    )  # fmt: skip
    total = q1["Total"]
    # a1 4 + a2 1.5 + b1 6 + c1 2 = 13.5 hours over 8 people; a3's has no hours; Liis was
    # not reviewed: not counted.
    assert (total["people"], total["trainings"], total["hours"]) == (8, 5, 13.5)
    assert total["hours_per_person"] == pytest.approx(13.5 / 8)
    assert total["without_hours"] == 1
    q2 = _rows(data, "2025 Q2")
    # Beta (b1 b2) and Gamma (c1 c2) are small: hidden together (4 people), Alpha shown.
    assert q2["Beta"]["hidden"] and q2["Gamma"]["hidden"] and not q2["Alpha"]["hidden"]
    # Alpha: b3 8 + the tagged ones of a1 (X 2, Y 1, X again 1), a2 2, a3 2, b3 2: 7
    # trainings, 18 hours, 4 people.
    alpha = q2["Alpha"]
    assert (alpha["people"], alpha["trainings"], alpha["hours"]) == (4, 7, 18.0)
    assert alpha["hours_per_person"] == 18.0 / 4
    # All: Alpha 18 + Beta (b2 3, tagged b1 2, b2 2) 7 + Gamma (c2 1, tagged c1 2, c2 2) 5.
    assert (q2["Total"]["people"], q2["Total"]["trainings"], q2["Total"]["hours"]) == (
        8, 13, 30.0,
    )  # fmt: skip


def test_a_managers_teams_and_their_total(org):
    # Boris charts Beta and Gamma. Q1: Beta shown, Gamma hidden, and their total too (it
    # would give Gamma back). Q2: both hidden, but their total holds them all: shown.
    data = chart_data(org, "training-hours", cycles=[org.q1, org.q2],
                      teams=[org.beta, org.gamma])  # fmt: skip
    q1, q2 = _rows(data, "2025 Q1"), _rows(data, "2025 Q2")
    assert not q1["Beta"]["hidden"] and q1["Gamma"]["hidden"] and q1["Total"]["hidden"]
    assert q2["Beta"]["hidden"] and q2["Gamma"]["hidden"] and not q2["Total"]["hidden"]
    assert (q2["Total"]["people"], q2["Total"]["hours"]) == (4, 7.0 + 5.0)


def test_no_hidden_team_can_be_rebuilt_from_the_downloads(org):
    """Every figure anyone can download (the organisation, each team alone, each manager's
    teams): whatever a viewer subtracts, the hidden teams stay together, at least 3 people."""
    teams = [org.alpha, org.beta, org.gamma]
    views = [None, *([t] for t in teams), [org.beta, org.gamma]]
    for cycle in ("2025 Q1", "2025 Q2"):
        shown: dict[frozenset, float] = {}
        for view in views:
            rows = _rows(chart_data(org, "training-hours", cycles=[org.q1, org.q2], teams=view),
                         cycle)  # fmt: skip
            for name, row in rows.items():
                if row["hidden"]:
                    continue
                group = frozenset([name]) if name != "Total" else frozenset(
                    t.name for t in (view or teams)
                )  # fmt: skip
                shown[group] = row["people"]
        # Every sum of shown groups, subtracted from any other, leaves the hidden teams
        # all or none: each shown group holds all of the hidden ones or none of them.
        org_rows = _rows(chart_data(org, "training-hours", cycles=[org.q1, org.q2]), cycle)
        hidden = {name for name, row in org_rows.items() if row["hidden"]}
        assert hidden, cycle
        for group in shown:
            assert not (group & hidden) or hidden <= group, (cycle, group)
        # ... and together they are at least 3 people (read off the reviews, by hand:
        # Q1 Alpha 3 + Gamma 2, Q2 Beta 2 + Gamma 2).
        assert {"2025 Q1": {"Alpha", "Gamma"}, "2025 Q2": {"Beta", "Gamma"}}[cycle] == hidden


def test_ratings_before_and_after_a_training_by_hand(org):
    data = chart_data(org, "training-effect", cycles=[org.q1, org.q2])
    rows = {row["competency"]: row for row in data.frame.to_dict("records")}
    x = rows["Competency X"]
    # Pairs (Q1 → Q2 manager rating of X): a1 4→5, a2 3→4, a3 5→5, b3 4→4 (Alpha), b1 2→3,
    # b2 3→3 (Beta), c1 5→4 (Gamma); c2 has no rating after. 7 pairs.
    assert not x["hidden"] and x["n_pairs"] == 7
    assert x["before"] == pytest.approx(26 / 7) and x["after"] == pytest.approx(28 / 7)
    assert x["change"] == pytest.approx(2 / 7)
    # Y: a1 alone (3 → 4): one person, hidden everywhere.
    assert rows["Competency Y"]["hidden"] and rows["Competency Y"]["n_pairs"] != 1


def test_before_and_after_per_team_hides_the_small_ones_together(org):
    alpha = chart_data(org, "training-effect", cycles=[org.q1, org.q2], teams=[org.alpha])
    x = alpha.frame.iloc[0]
    # Alpha: a1 4→5, a2 3→4, a3 5→5, b3 4→4.
    assert (x["n_pairs"], x["before"], x["after"]) == (4, 4.0, 4.5)
    # Beta (2 pairs) and Gamma (1) are hidden each, but Boris's two together (3) are not:
    # the organisation's figure minus Alpha's gives just that.
    beta = chart_data(org, "training-effect", cycles=[org.q1, org.q2], teams=[org.beta])
    assert beta.frame.iloc[0]["hidden"]
    both = chart_data(org, "training-effect", cycles=[org.q1, org.q2],
                      teams=[org.beta, org.gamma])  # fmt: skip
    row = both.frame[both.frame["competency"] == "Competency X"].iloc[0]
    assert not row["hidden"] and row["n_pairs"] == 3
    assert row["before"] == pytest.approx(10 / 3) and row["after"] == pytest.approx(10 / 3)


def test_every_training_chart_is_in_the_catalogue_with_its_downloads(org, login_as):
    for name in ("training-hours", "training-effect"):
        spec = catalog.get(name)
        assert spec in catalog.TEAM_CHARTS and name in catalog.REPORT_CHARTS
    client = login_as(org.leader)
    for name in ("training-hours", "training-effect"):
        for fmt in ("csv", "xlsx", "png"):
            response = client.get(
                f"/reports/download/{name}.{fmt}?start={org.q1.id}&end={org.q2.id}"
            )
            assert response.status_code == 200, (name, fmt)
        csv = client.get(
            f"/reports/download/{name}.csv?start={org.q1.id}&end={org.q2.id}"
        ).get_data(as_text=True)
        assert "hidden" in csv.lower()
