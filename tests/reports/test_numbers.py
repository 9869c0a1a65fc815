"""The numbers behind every chart, against values worked out by hand from the fixture (see
conftest.py for the ratings)."""

import math

import pytest

from .conftest import chart_data


def rows(frame, **match):
    mask = True
    for column, value in match.items():
        mask = mask & (frame[column] == value)
    return frame[mask]


def one(frame, **match):
    found = rows(frame, **match)
    assert len(found) == 1, found
    return found.iloc[0]


def cid(org, code):
    return org.competencies[code].id


def test_trend_groups_snapshots_by_competency_and_leaves_out_not_applicable(org):
    data = chart_data(org, "trend", cycles=[org.q1, org.q2, org.q3])
    frame = data.frame
    # X: one line across both cycles although each cycle has its own snapshot row.
    x = rows(frame, competency_id=cid(org, "X"), source="manager")
    assert list(x["cycle_id"]) == [org.q1.id, org.q2.id]
    # Q1 X: (4+3+5+2+3+4+5+5)/8; Q2 X: c2 n/a → (5+4+5+4+3+3+4)/7.
    assert x.iloc[0]["mean"] == pytest.approx(31 / 8) and x.iloc[0]["n_people"] == 8
    assert x.iloc[1]["mean"] == pytest.approx(28 / 7) and x.iloc[1]["n_people"] == 7
    # Q1 Y: a2 n/a → (3+3+4+4+1+2+2)/7, 7 people.
    y = one(frame, cycle_id=org.q1.id, competency_id=cid(org, "Y"))
    assert y["mean"] == pytest.approx(19 / 7) and y["n_people"] == 7
    # Retired Z only in Q1, added W only in Q2.
    assert set(rows(frame, competency_id=cid(org, "Z"))["cycle_id"]) == {org.q1.id}
    w = one(frame, competency_id=cid(org, "W"))
    assert w["cycle_id"] == org.q2.id and w["mean"] == pytest.approx(26 / 8)
    # All competencies, Q1: 71 over 22 applicable ratings of 8 people.
    overall = one(frame, cycle_id=org.q1.id, competency_id=0)
    assert overall["mean"] == pytest.approx(71 / 22) and overall["n_people"] == 8
    # The empty cycle has no rows, but is on the axis.
    assert rows(frame, cycle_id=org.q3.id).empty
    assert [c for c, _ in data.cycles] == [org.q1.id, org.q2.id, org.q3.id]
    assert not frame["hidden"].any()


def test_trend_counts_a_mover_for_the_team_of_the_time(org):
    alpha = chart_data(org, "trend", cycles=[org.q1, org.q2], teams=[org.teams["alpha"]]).frame
    beta = chart_data(org, "trend", cycles=[org.q1, org.q2], teams=[org.teams["beta"]]).frame
    # Alpha X: Q1 a1 a2 a3 → 4.0, but hidden: the organisation's Q1 X minus Alpha and Beta
    # would give Gamma's two people, so the smaller of the others (Alpha, 3) goes with it.
    # Q2 with b3 → (5+4+5+4)/4.
    assert one(alpha, cycle_id=org.q1.id, competency_id=cid(org, "X"))["hidden"]
    q2 = one(alpha, cycle_id=org.q2.id, competency_id=cid(org, "X"))
    assert q2["mean"] == 4.5 and q2["n_people"] == 4
    # Beta X, Q1 with b3: (2+3+4)/3. Q2: only b1 b2 → hidden.
    assert one(beta, cycle_id=org.q1.id, competency_id=cid(org, "X"))["mean"] == 3.0
    hidden = one(beta, cycle_id=org.q2.id, competency_id=cid(org, "X"))
    assert hidden["hidden"] and math.isnan(hidden["mean"]) and math.isnan(hidden["n_people"])
    # Alpha Y, Q1: a2 "not applicable" leaves 2 people → hidden.
    assert one(alpha, cycle_id=org.q1.id, competency_id=cid(org, "Y"))["hidden"]


def test_trend_with_self_ratings_and_one_competency(org):
    frame = chart_data(org, "trend", cycles=[org.q1, org.q2], competency="X", with_self=True).frame
    assert set(frame["competency_id"]) == {cid(org, "X")}  # no "all competencies" row
    own = one(frame, cycle_id=org.q1.id, source="self")
    assert own["mean"] == pytest.approx(34 / 8)  # 5+4+5+3+3+4+5+5


def test_person_trend_is_their_own_and_never_hidden(org):
    a1 = org.people["a1"]
    frame = chart_data(
        org, "my-trend", cycles=[org.q1, org.q2, org.q4], person=a1, with_self=True
    ).frame
    x = rows(frame, competency_id=cid(org, "X"))
    assert {(r.cycle_id, r.source): r.mean for r in x.itertuples()} == {
        (org.q1.id, "manager"): 4, (org.q1.id, "self"): 5,
        (org.q2.id, "manager"): 5, (org.q2.id, "self"): 4,
        (org.q4.id, "manager"): 3, (org.q4.id, "self"): 4,
    }  # fmt: skip
    assert not frame["hidden"].any() and "n_people" not in frame
    # a3's open-cycle review has not been shared: no manager rating of Q4 for him.
    a3 = chart_data(org, "my-trend", cycles=[org.q4], person=org.people["a3"], with_self=True).frame
    assert set(a3["source"]) == {"self"}
    # Without the self-assessments asked for, only the manager's ratings.
    plain = chart_data(org, "my-trend", cycles=[org.q1], person=a1).frame
    assert set(plain["source"]) == {"manager"}


def test_heatmap_mean_and_change_since_previous_cycle(org):
    frame = chart_data(org, "heatmap", cycle=org.q2).frame
    alpha = org.teams["alpha"].id
    x = one(frame, team_id=alpha, competency_id=cid(org, "X"))
    # Q1 X of Alpha (4.0) is hidden with Gamma's (see the trend test): no change shown.
    assert (x["mean"], x["n_people"]) == (4.5, 4) and x["previous_hidden"]
    assert math.isnan(x["previous_mean"]) and math.isnan(x["change"])
    y = one(frame, team_id=alpha, competency_id=cid(org, "Y"))  # Q2 4 4 3 2; Q1 a2 n/a
    assert (y["mean"], y["n_people"]) == (3.25, 4) and y["previous_hidden"]
    w = one(frame, team_id=alpha, competency_id=cid(org, "W"))  # new in Q2: no change
    assert w["mean"] == 2.5 and math.isnan(w["change"])
    # All competencies, Alpha: Q2 41/12, Q1 27/8 — hidden, as its X is: no change shown.
    overall = one(frame, team_id=alpha, competency_id=0)
    assert overall["mean"] == pytest.approx(41 / 12) and math.isnan(overall["change"])
    # With no group too small (MIN_GROUP_SIZE 1), every change is shown.
    everything = chart_data(org, "heatmap", cycle=org.q2, min_size=1).frame
    overall = one(everything, team_id=alpha, competency_id=0)
    assert overall["change"] == pytest.approx(41 / 12 - 27 / 8)
    assert one(everything, team_id=alpha, competency_id=cid(org, "X"))["change"] == 0.5
    # Beta (2 people in Q2) and Gamma (2) are hidden; Beta Q1 was shown but the change isn't.
    beta = one(frame, team_id=org.teams["beta"].id, competency_id=cid(org, "X"))
    assert beta["hidden"] and math.isnan(beta["mean"]) and math.isnan(beta["change"])
    assert rows(frame, team_id=org.teams["gamma"].id)["hidden"].all()


def test_heatmap_of_an_empty_cycle_is_empty(org):
    assert chart_data(org, "heatmap", cycle=org.q3).frame.empty


def test_distribution_counts_levels_and_not_applicable_apart(org):
    frame = chart_data(org, "distribution", cycles=[org.q1, org.q2, org.q3]).frame
    q1 = one(frame, cycle_id=org.q1.id)
    # Q1 manager ratings: 1×1, 2×3, 3×11, 4×4, 5×3 of 22; 2 "not applicable".
    assert (q1["n_people"], q1["ratings"], q1["not_applicable"]) == (8, 22, 2)
    shares = [q1[f"level_{v}"] for v in range(1, 6)]
    assert shares == pytest.approx([100 / 22, 300 / 22, 1100 / 22, 400 / 22, 300 / 22])
    empty = one(frame, cycle_id=org.q3.id)
    assert empty["n_people"] == 0 and not empty["hidden"] and math.isnan(empty["level_3"])


def test_gap_self_minus_manager_over_both_rated(org):
    frame = chart_data(org, "gap", cycle=org.q1).frame
    x = one(frame, competency_id=cid(org, "X"))
    assert (x["self_mean"], x["manager_mean"], x["gap"]) == pytest.approx((4.25, 3.875, 0.375))
    assert (x["higher"], x["lower"], x["same"], x["n_people"]) == (3, 0, 5, 8)
    # Y: a2's manager said n/a, so the trend's 8 self-ratings minus these 7 pairs would give
    # a2's own: hidden (so is Z, c2's, and the total over them).
    for code in ("Y", "Z"):
        assert one(frame, competency_id=cid(org, code))["hidden"]
    assert one(frame, competency_id=0)["hidden"]
    # The arithmetic, with no group too small (MIN_GROUP_SIZE 1):
    every = chart_data(org, "gap", cycle=org.q1, min_size=1).frame
    y = one(every, competency_id=cid(org, "Y"))  # 7 pairs
    assert y["gap"] == pytest.approx(1 / 7)
    assert (y["higher"], y["lower"], y["same"], y["n_people"]) == (3, 2, 2, 7)
    z = one(every, competency_id=cid(org, "Z"))  # b1 b2 agree
    assert z["gap"] == pytest.approx(5 / 7) and z["n_people"] == 7
    overall = one(every, competency_id=0)
    assert overall["gap"] == pytest.approx((3 + 1 + 5) / 22) and math.isnan(overall["higher"])
    gamma = chart_data(org, "gap", cycle=org.q1, teams=[org.teams["gamma"]]).frame
    assert gamma["hidden"].all() and gamma["gap"].isna().all()


def test_person_gap(org):
    frame = chart_data(org, "my-gap", cycle=org.q1, person=org.people["b3"]).frame
    # b3: self (4, 2, 4) vs manager (4, 1, 3).
    assert list(frame["gap"]) == [pytest.approx(2 / 3), 0, 1, 1]
    assert not frame["hidden"].any()


def test_notes_count_reviews_per_competency_tag(org):
    frame = chart_data(org, "notes", cycles=[org.q1, org.q2, org.q3]).frame
    x = one(frame, cycle_id=org.q1.id, competency_id=cid(org, "X"))
    assert (x["strength"], x["strength_pct"], x["n_people"]) == (3, 37.5, 8)  # a1 counted once
    y = one(frame, cycle_id=org.q1.id, competency_id=cid(org, "Y"))
    assert (y["strength"], y["improvement"], y["improvement_pct"]) == (1, 2, 25.0)
    assert one(frame, cycle_id=org.q1.id, competency_id=cid(org, "Z"))["improvement"] == 1
    # Each cycle has rows for its own framework only; the empty cycle counts nobody.
    assert rows(frame, cycle_id=org.q2.id, competency_id=cid(org, "Z")).empty
    assert rows(frame, cycle_id=org.q1.id, competency_id=cid(org, "W")).empty
    assert (rows(frame, cycle_id=org.q3.id)["n_people"] == 0).all()
    gamma = chart_data(org, "notes", cycles=[org.q1], teams=[org.teams["gamma"]]).frame
    assert gamma["hidden"].all() and gamma["strength"].isna().all()


def test_idea_pipeline_by_submission_cycle(org):
    frame = chart_data(org, "ideas", cycles=[org.q1, org.q2, org.q3]).frame
    q1 = one(frame, cycle_id=org.q1.id)
    counts = [q1[c] for c in ("submitted", "implemented", "declined", "open", "merged")]
    assert counts == [3, 1, 1, 1, 0]  # i3, on the period's last day, belongs to Q1
    assert q1["response_days"] == pytest.approx(4.0)  # median of 2, 4, 6
    assert q1["decision_hidden"] and math.isnan(q1["decision_days"])  # only 2 decided
    q2 = one(frame, cycle_id=org.q2.id)
    assert q2["submitted"] == 1 and not q2["response_hidden"]
    assert one(frame, cycle_id=org.q3.id)["submitted"] == 0
    assert frame["submitted"].sum() == 4  # i5 came before any cycle
    alpha = chart_data(org, "ideas", cycles=[org.q1], teams=[org.teams["alpha"]]).frame
    assert one(alpha, cycle_id=org.q1.id)["submitted"] == 2


def test_idea_breakdown_by_team_and_category(org):
    frame = chart_data(org, "idea-breakdown", cycles=[org.q1, org.q2, org.q3]).frame
    teams = rows(frame, by="team")
    assert dict(zip(teams["name"], teams["submitted"], strict=True)) == {
        "Alpha": 2, "Beta": 1, "Gamma": 1,
    }  # fmt: skip
    categories = rows(frame, by="category")
    assert dict(zip(categories["key"], categories["submitted"], strict=True)) == {
        "tools": 2, "process": 1, "other": 1,
    }  # fmt: skip
    tools = one(frame, by="category", key="tools")
    assert tools["n_response"] == 2 and tools["response_hidden"]  # median of 2 hidden


def test_completion_of_the_open_cycle_per_team(org):
    frame = chart_data(org, "completion", cycle=org.q4).frame
    alpha = one(frame, team_id=org.teams["alpha"].id)
    assert [alpha[c] for c in ("reviews", "self_done", "manager_done", "shared", "acknowledged")] == [
        4, 3, 2, 2, 1,
    ]  # fmt: skip
    assert alpha["acknowledged_pct"] == 25.0 and alpha["self_done_pct"] == 75.0
    beta = one(frame, team_id=org.teams["beta"].id)
    assert beta["hidden"] and math.isnan(beta["self_done"]) and math.isnan(beta["reviews"])


def test_group_size_is_configurable(org):
    frame = chart_data(org, "heatmap", cycle=org.q2, min_size=2).frame
    beta = one(frame, team_id=org.teams["beta"].id, competency_id=cid(org, "Y"))
    assert not beta["hidden"] and beta["mean"] == 4.0  # b1 3, b2 5: two people are enough
    # X: Gamma has one rating (c2 n/a), so Beta, the smallest other team, is hidden with it.
    beta_x = one(frame, team_id=org.teams["beta"].id, competency_id=cid(org, "X"))
    assert beta_x["hidden"]
