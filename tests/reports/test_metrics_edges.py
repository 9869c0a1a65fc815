"""The numbers of ``reports.metrics`` at their edges, on small frames shaped like the
queries' aggregates: the smallest group that is shown, the change since the previous cycle,
shares of the scale, the gap, notes, idea medians and completion — the figures and the order
a chart, table or download shows. Written so that mutation testing (issue 9) finds each
number pinned by a test."""

import math

import numpy as np
import pandas as pd
import pytest

from reports import metrics

CYCLES = [(7, "2026 Q1"), (3, "2026 Q2")]  # the range's order, not the ids' order
NAMES = {1: "Listening", 2: "Ownership"}
TEAMS = {10: "Service Desk", 20: "Application Support"}


def nan(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def rows(frame: pd.DataFrame, *columns: str) -> list[tuple]:
    """The frame's ``columns`` row by row, NaN as None (as a table would show a blank)."""
    return [
        tuple(None if nan(v) else v for v in values)
        for values in frame[list(columns)].itertuples(index=False, name=None)
    ]


# --- Hiding small groups --------------------------------------------------------------------


def test_a_group_of_exactly_the_minimum_is_shown_one_fewer_is_hidden_nobody_is_empty():
    raw = pd.DataFrame({"mean": [3.5, 2.0, 4.0, np.nan], "n_people": [3, 2, 1, 0]})
    frame = metrics.suppress(raw, 3, ["mean"])
    assert rows(frame, "mean", "n_people", "hidden") == [
        (3.5, 3.0, False),
        (None, None, True),
        (None, None, True),
        (None, 0.0, False),
    ]
    assert frame["hidden"].dtype == bool
    assert raw["mean"].tolist()[:3] == [3.5, 2.0, 4.0]  # the caller's frame is left alone


# --- Trends -------------------------------------------------------------------------------


def trend_raw(**overrides) -> pd.DataFrame:
    data = {
        "cycle_id": [3, 3, 7, 7, 3],
        "competency_id": [2, 1, 1, 1, 0],
        "source": ["self", "manager", "self", "manager", "manager"],
        "mean": [3.0, 2.5, 4.0, 3.5, 2.75],
        "n_people": [5, 5, 5, 2, 5],
    }
    data.update(overrides)
    return pd.DataFrame(data)


def test_a_trend_runs_in_the_ranges_order_and_hides_a_small_cycle():
    frame = metrics.trend(trend_raw(), CYCLES, NAMES, min_size=3)
    assert rows(frame, "cycle", "competency", "source", "mean", "hidden") == [
        ("2026 Q1", "Listening", "manager", None, True),
        ("2026 Q1", "Listening", "self", 4.0, False),
        ("2026 Q2", "", "manager", 2.75, False),  # all competencies: no name of its own
        ("2026 Q2", "Listening", "manager", 2.5, False),
        ("2026 Q2", "Ownership", "self", 3.0, False),
    ]
    assert list(frame.index) == list(range(5))


def test_a_trend_of_nothing_is_an_empty_frame_with_the_charts_columns():
    frame = metrics.trend(pd.DataFrame(), CYCLES, NAMES, min_size=3)
    assert frame.empty
    assert {"cycle", "competency", "source", "mean", "n_people", "hidden"} <= set(frame)


def test_a_cycle_outside_the_range_has_no_name():
    raw = trend_raw(cycle_id=[99, 3, 7, 7, 3])
    frame = metrics.trend(raw, CYCLES, NAMES, min_size=1)
    assert rows(frame[frame["cycle_id"] == 99], "cycle", "mean") == [("", 3.0)]


def test_a_persons_own_trend_is_never_hidden_and_counts_nobody():
    frame = metrics.person_trend(trend_raw(n_people=[1, 1, 1, 1, 1]), CYCLES, NAMES)
    assert "n_people" not in frame
    assert not frame["hidden"].any()
    assert rows(frame, "cycle", "source", "mean")[:2] == [
        ("2026 Q1", "manager", 3.5),
        ("2026 Q1", "self", 4.0),
    ]


# --- The heatmap ----------------------------------------------------------------------------


def heatmap_raw() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "cycle_id": [3, 3, 3, 7, 7, 3],
            "team_id": [20, 10, 10, 10, 20, None],
            "competency_id": [1, 1, 2, 1, 1, 1],
            "mean": [3.0, 2.5, 4.0, 2.0, 3.5, 2.75],
            "n_people": [4, 5, 5, 5, 2, 9],
        }
    )


def test_the_heatmap_shows_the_change_only_where_both_cycles_are_shown():
    frame = metrics.heatmap(heatmap_raw(), 3, 7, TEAMS, NAMES, min_size=3)
    assert rows(frame, "team", "competency", "mean", "previous_mean", "change") == [
        ("", "Listening", 2.75, None, None),  # reviews without a team: no name, first
        ("Application Support", "Listening", 3.0, None, None),  # last cycle hidden (2)
        ("Service Desk", "Listening", 2.5, 2.0, 0.5),
        ("Service Desk", "Ownership", 4.0, None, None),  # nothing to compare with
    ]
    assert frame["previous_hidden"].tolist() == [False, True, False, False]
    assert frame["n_people"].tolist() == [9.0, 4.0, 5.0, 5.0]


def test_the_heatmap_of_a_first_cycle_has_no_changes():
    frame = metrics.heatmap(heatmap_raw(), 7, None, TEAMS, NAMES, min_size=3)
    assert rows(frame, "team", "mean", "change", "hidden") == [
        ("Application Support", None, None, True),
        ("Service Desk", 2.0, None, False),
    ]
    assert not frame["previous_hidden"].any()


def test_an_empty_heatmap_is_empty():
    assert metrics.heatmap(pd.DataFrame(), 3, 7, TEAMS, NAMES, min_size=3).empty


# --- Distribution of ratings ----------------------------------------------------------------


def test_the_distribution_gives_each_levels_share_and_counts_not_applicable_apart():
    levels = pd.DataFrame(
        {
            "cycle_id": [7, 7, 7, 3],
            "level": [1, 4, np.nan, 2],
            "ratings": [1, 3, 2, 2],
        }
    )
    people = pd.DataFrame({"cycle_id": [7, 3], "n_people": [4, 2]})
    frame = metrics.distribution(levels, people, CYCLES, [1, 2, 3, 4], min_size=3)
    first, second = frame.to_dict("records")
    assert (first["cycle"], first["n_people"], first["ratings"]) == ("2026 Q1", 4.0, 4.0)
    assert first["not_applicable"] == 2.0
    assert [first[f"level_{v}"] for v in (1, 2, 3, 4)] == [25.0, 0.0, 0.0, 75.0]
    assert second["hidden"] and nan(second["level_2"]) and nan(second["ratings"])


def test_a_cycle_without_ratings_has_no_shares():
    people = pd.DataFrame({"cycle_id": [7], "n_people": [5]})
    frame = metrics.distribution(pd.DataFrame(), people, CYCLES, [1, 2], min_size=3)
    assert rows(frame, "cycle", "n_people", "ratings", "not_applicable", "level_1") == [
        ("2026 Q1", 5.0, 0.0, 0.0, None),
        ("2026 Q2", 0.0, 0.0, 0.0, None),
    ]
    assert frame["hidden"].tolist() == [False, False]


# --- Self versus manager --------------------------------------------------------------------


def gap_raw() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "competency_id": [2, 0, 1],
            "self_mean": [4.0, 3.5, 3.0],
            "manager_mean": [3.0, 3.25, 3.5],
            "gap": [1.0, 0.25, -0.5],
            "higher": [3, 9, 1],
            "lower": [1, 4, 1],
            "n_people": [5, 5, 2],
        }
    )


def test_the_gap_counts_who_rated_themselves_higher_lower_or_the_same():
    frame = metrics.gap(gap_raw(), NAMES, min_size=3)
    assert rows(frame, "competency", "gap", "higher", "lower", "same", "hidden") == [
        ("", 0.25, None, None, None, False),  # all competencies: ratings, not people
        ("Listening", None, None, None, None, True),
        ("Ownership", 1.0, 3.0, 1.0, 1.0, False),
    ]


def test_a_persons_own_gap_is_never_hidden_and_counts_nobody():
    frame = metrics.person_gap(gap_raw(), NAMES)
    assert {"higher", "lower", "same", "n_people"}.isdisjoint(frame)
    assert rows(frame, "competency", "self_mean", "manager_mean", "hidden") == [
        ("", 3.5, 3.25, False),
        ("Listening", 3.0, 3.5, False),
        ("Ownership", 4.0, 3.0, False),
    ]


# --- Strengths and improvement areas ---------------------------------------------------------


def test_notes_count_each_competency_of_the_cycles_framework_as_a_share_of_its_reviews():
    mentions = pd.DataFrame(
        {
            "cycle_id": [7, 7, 3],
            "competency_id": [1, 1, 2],
            "kind": ["strength", "improvement", "strength"],
            "reviews": [2, 1, 1],
        }
    )
    people = pd.DataFrame({"cycle_id": [7, 3], "n_people": [4, 2]})
    framework = pd.DataFrame({"cycle_id": [7, 7, 3], "competency_id": [2, 1, 2]})
    frame = metrics.notes(mentions, people, framework, CYCLES, NAMES, min_size=3)
    columns = ("cycle", "competency", "strength", "improvement", "strength_pct")
    assert rows(frame, *columns, "improvement_pct", "hidden") == [
        ("2026 Q1", "Listening", 2.0, 1.0, 50.0, 25.0, False),
        ("2026 Q1", "Ownership", 0.0, 0.0, 0.0, 0.0, False),
        ("2026 Q2", "Ownership", None, None, None, None, True),  # 2 reviews: hidden
    ]


def test_notes_of_a_cycle_nobody_was_reviewed_in_have_no_share():
    framework = pd.DataFrame({"cycle_id": [3], "competency_id": [1]})
    frame = metrics.notes(pd.DataFrame(), pd.DataFrame(), framework, CYCLES, NAMES, 3)
    assert rows(frame, "cycle", "strength", "n_people", "strength_pct", "hidden") == [
        ("2026 Q2", 0.0, 0.0, None, False),
    ]


def test_notes_of_one_person_have_a_share_where_one_person_is_enough_to_show():
    """MIN_GROUP_SIZE can be set to 1: a cycle with one review then shows its share too."""
    mentions = pd.DataFrame(
        {"cycle_id": [3], "competency_id": [2], "kind": ["strength"], "reviews": [1]}
    )
    people = pd.DataFrame({"cycle_id": [3], "n_people": [1]})
    framework = pd.DataFrame({"cycle_id": [3], "competency_id": [2]})
    frame = metrics.notes(mentions, people, framework, CYCLES, NAMES, min_size=1)
    assert rows(frame, "cycle", "strength", "strength_pct", "improvement_pct", "hidden") == [
        ("2026 Q2", 1.0, 100.0, 0.0, False),
    ]


# --- Ideas --------------------------------------------------------------------------------


def idea_measures(**values) -> dict:
    base = dict.fromkeys(metrics.IDEA_COUNTS, 0)
    base.update(n_response=0, response_days=np.nan, n_decision=0, decision_days=np.nan)
    base.update(values)
    return base


def test_idea_medians_over_too_few_ideas_are_hidden_and_a_cycle_without_ideas_is_zeros():
    raw = pd.DataFrame(
        [
            {"cycle_id": 3, **idea_measures(submitted=4, n_response=3, response_days=2.5)},
        ]
        + [{"cycle_id": 9, **idea_measures(submitted=1)}]  # outside the range: left out
    )
    raw.loc[0, ["n_decision", "decision_days", "implemented"]] = [2, 6.0, 2]
    frame = metrics.ideas(raw, CYCLES, min_size=3)
    assert rows(frame, "cycle", "submitted", "implemented", "response_days") == [
        ("2026 Q1", 0.0, 0.0, None),
        ("2026 Q2", 4.0, 2.0, 2.5),
    ]
    assert rows(frame, "decision_days", "response_hidden", "decision_hidden") == [
        (None, False, False),  # no idea answered: empty, not hidden
        (None, False, True),  # 2 decisions: hidden
    ]


def test_no_ideas_at_all_give_a_zero_row_per_cycle():
    frame = metrics.ideas(pd.DataFrame(), CYCLES, min_size=3)
    assert rows(frame, "cycle", "submitted", "open", "merged", "n_response") == [
        ("2026 Q1", 0.0, 0.0, 0.0, 0.0),
        ("2026 Q2", 0.0, 0.0, 0.0, 0.0),
    ]


def test_the_idea_breakdown_lists_teams_then_categories_most_ideas_first():
    raw = pd.DataFrame(
        [
            {"by": "category", "key": "tools", **idea_measures(submitted=2)},
            {"by": "team", "key": "10", **idea_measures(submitted=2)},
            {"by": "team", "key": "20", **idea_measures(submitted=2)},
            {"by": "category", "key": "process", **idea_measures(submitted=5)},
            {"by": "team", "key": "30", **idea_measures(submitted=7)},
        ]
    )
    raw.loc[1, ["n_response", "response_days"]] = [3, 1.5]
    frame = metrics.idea_breakdown(raw, TEAMS, min_size=3)
    assert rows(frame, "by", "name", "submitted", "response_days") == [
        ("team", "", 7.0, None),  # a team no longer known keeps its row, without a name
        ("team", "Application Support", 2.0, None),
        ("team", "Service Desk", 2.0, 1.5),
        ("category", "process", 5.0, None),
        ("category", "tools", 2.0, None),
    ]


def test_an_empty_idea_breakdown_is_empty():
    frame = metrics.idea_breakdown(pd.DataFrame(), TEAMS, min_size=3)
    assert frame.empty and "response_hidden" in frame


# --- Completion -----------------------------------------------------------------------------


def test_completion_gives_each_steps_share_of_a_teams_reviews_and_hides_small_teams():
    raw = pd.DataFrame(
        {
            "team_id": [10, 20, None],
            "reviews": [4, 2, 8],
            "self_done": [3, 2, 6],
            "manager_done": [2, 1, 4],
            "shared": [1, 1, 2],
            "acknowledged": [0, 0, 1],
        }
    )
    frame = metrics.completion(raw, TEAMS, min_size=3)
    assert rows(frame, "team", "reviews", "self_done", "self_done_pct", "acknowledged_pct") == [
        ("", 8.0, 6.0, 75.0, 12.5),  # reviews without a team
        ("Application Support", None, None, None, None),
        ("Service Desk", 4.0, 3.0, 75.0, 0.0),
    ]
    assert rows(frame, "manager_done_pct", "shared_pct") == [
        (50.0, 25.0),
        (None, None),
        (50.0, 25.0),
    ]
    assert frame["hidden"].tolist() == [False, True, False]


@pytest.mark.parametrize("min_size", [1, 5])
def test_completion_of_nothing_is_empty(min_size):
    assert metrics.completion(pd.DataFrame(), TEAMS, min_size).empty


def test_a_distribution_with_nobody_reviewed_yet_is_a_row_of_zeros_per_cycle():
    frame = metrics.distribution(pd.DataFrame(), pd.DataFrame(), CYCLES, [1, 2], min_size=3)
    assert rows(frame, "cycle", "n_people", "ratings", "level_1", "hidden") == [
        ("2026 Q1", 0.0, 0.0, None, False),
        ("2026 Q2", 0.0, 0.0, None, False),
    ]


def test_a_distribution_over_a_range_without_cycles_is_an_empty_table_with_its_columns():
    frame = metrics.distribution(pd.DataFrame(), pd.DataFrame(), [], [1, 2], min_size=3)
    assert frame.empty
    assert {"cycle", "n_people", "ratings", "not_applicable", "level_1", "level_2"} <= set(frame)
