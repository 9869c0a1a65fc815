"""Pure pandas: turn the queries' aggregates into the frames charts, tables and downloads
share — names joined in, changes since the previous cycle, gaps, shares — and hide every
aggregate over fewer than ``min_size`` people, marking it as hidden.

An aggregate over nobody is not "hidden" but empty (``n_people`` 0): there is nothing to
protect, only nothing to show. A person's own numbers are never hidden from them."""

import numpy as np
import pandas as pd

ALL = 0  # competency_id of the "all competencies" rows


def suppress(
    frame: pd.DataFrame, min_size: int, values: list[str], n_col: str = "n_people"
) -> pd.DataFrame:
    """Blank ``values`` and ``n_col`` where fewer than ``min_size`` people are behind a row,
    and mark those rows ``hidden`` (keeping the rows already ``withhold``-en hidden)."""
    frame = frame.copy()
    people = frame[n_col].astype(float)
    hidden = (people > 0) & (people < min_size)
    if "hidden" in frame:
        hidden |= frame["hidden"].eq(True)
    frame["hidden"] = hidden.to_numpy(dtype=bool)
    for column in [*values, n_col]:
        frame[column] = frame[column].astype(float).mask(hidden)
    return frame


def withhold(
    frame: pd.DataFrame, rows: list[bool], values: list[str], n_col: str = "n_people"
) -> pd.DataFrame:
    """Hide ``rows`` too, whatever their size: complementary suppression (reports.privacy)
    hides a large group's figure when it and the others shown would give a small one."""
    frame = frame.copy()
    mask = pd.Series(rows, index=frame.index, dtype=bool)
    before = frame["hidden"].eq(True) if "hidden" in frame else False
    frame["hidden"] = (mask | before).to_numpy(dtype=bool)
    for column in [*values, n_col]:
        frame[column] = frame[column].astype(float).mask(mask)
    return frame


def _names(ids: pd.Series, names: dict) -> list[str]:
    """The names of ``ids``: "" for a missing (NaN, None) or unknown one. An integral float
    finds its int key (3.0 == 3), so no per-value int() or notna() is needed."""
    return [names.get(v, "") for v in ids.tolist()]


def _name(frame: pd.DataFrame, column: str, names: dict, target: str) -> pd.DataFrame:
    frame[target] = _names(frame[column], names)
    return frame


def _cycle_order(frame: pd.DataFrame, cycles: list[tuple[int, str]]) -> pd.DataFrame:
    order, names = {cid: i for i, (cid, _) in enumerate(cycles)}, dict(cycles)
    frame["cycle"] = [names.get(int(c), "") for c in frame["cycle_id"]]
    frame["_order"] = [order.get(int(c), 0) for c in frame["cycle_id"]]
    return frame


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=float) for c in columns})


def trend(
    raw: pd.DataFrame, cycles: list[tuple[int, str]], names: dict[int, str], min_size: int
) -> pd.DataFrame:
    """Long frame: cycle × competency × source with the mean and the people behind it."""
    columns = ["cycle_id", "competency_id", "source", "mean", "n_people"]
    frame = raw[columns].copy() if not raw.empty else _empty(columns)
    frame = _cycle_order(frame, cycles)
    frame = _name(frame, "competency_id", names, "competency")
    frame = frame.sort_values(["_order", "competency_id", "source"]).drop(columns="_order")
    return suppress(frame.reset_index(drop=True), min_size, ["mean"])


def person_trend(
    raw: pd.DataFrame, cycles: list[tuple[int, str]], names: dict[int, str]
) -> pd.DataFrame:
    """A person's own ratings: never suppressed (their own data is not a group)."""
    frame = trend(raw, cycles, names, min_size=0)
    return frame.drop(columns="n_people")


def heatmap(
    raw: pd.DataFrame,
    cycle_id: int,
    previous_id: int | None,
    teams: dict[int, str],
    names: dict[int, str],
    min_size: int,
) -> pd.DataFrame:
    """Team × competency for ``cycle_id``: mean, people, the previous cycle's mean and the
    change. A change is shown only when both cycles' cells are shown."""
    columns = ["cycle_id", "team_id", "competency_id", "mean", "n_people"]
    columns += ["hidden"] if "hidden" in raw else []  # rows withheld already
    raw = raw[columns].copy() if not raw.empty else _empty(columns)
    raw = suppress(raw, min_size, ["mean"])
    keys = ["team_id", "competency_id"]
    now = raw[raw["cycle_id"] == cycle_id].drop(columns="cycle_id")
    before = raw[raw["cycle_id"] == previous_id][[*keys, "mean", "hidden"]].rename(
        columns={"mean": "previous_mean", "hidden": "previous_hidden"}
    )
    frame = now.merge(before, on=keys, how="left")
    frame["previous_mean"] = frame["previous_mean"].astype(float)
    frame["change"] = frame["mean"] - frame["previous_mean"]
    frame["team_id"] = frame["team_id"].astype(float)
    frame["team"] = _names(frame["team_id"], teams)
    frame = _name(frame, "competency_id", names, "competency")
    frame["previous_hidden"] = frame["previous_hidden"].eq(True).to_numpy(dtype=bool)
    frame = frame.sort_values(["team", "team_id", "competency_id"], na_position="last")
    return frame.reset_index(drop=True)


def distribution(
    levels: pd.DataFrame,
    people: pd.DataFrame,
    cycles: list[tuple[int, str]],
    scale: list[int],
    min_size: int,
) -> pd.DataFrame:
    """One row per cycle of the range: people, ratings on the scale, "not applicable"
    ratings (counted apart, excluded from the shares) and the share of each level in %."""
    people_by_cycle = dict(zip(people.get("cycle_id", []), people.get("n_people", []), strict=True))
    rows = []
    for cycle_id, name in cycles:
        counts, not_applicable = _level_counts(levels, cycle_id)
        rated = sum(counts.values())
        row = {"cycle_id": cycle_id, "cycle": name, "n_people": people_by_cycle.get(cycle_id, 0)}
        row.update(ratings=rated, not_applicable=not_applicable)
        for level in scale:
            row[f"level_{level}"] = 100.0 * counts.get(level, 0) / rated if rated else np.nan
        rows.append(row)
    columns = ["cycle_id", "cycle", "n_people", "ratings", "not_applicable"]
    columns += [f"level_{v}" for v in scale]
    frame = pd.DataFrame(rows, columns=columns)
    shares = [f"level_{v}" for v in scale]
    return suppress(frame, min_size, [*shares, "ratings", "not_applicable"])


def _level_counts(levels: pd.DataFrame, cycle_id: int) -> tuple[dict[int, int], int]:
    """Ratings per scale level in one cycle, and the "not applicable" ones (level NULL)."""
    counts, not_applicable = {}, 0
    if levels.empty:
        return counts, not_applicable
    mine = levels[levels["cycle_id"] == cycle_id]
    for level, n in zip(mine["level"], mine["ratings"], strict=True):
        if pd.isna(level):
            not_applicable += int(n)
        else:
            counts[int(level)] = int(n)
    return counts, not_applicable


def gap(raw: pd.DataFrame, names: dict[int, str], min_size: int) -> pd.DataFrame:
    """Self minus manager per competency: both means, the gap, and how many people rated
    themselves higher, lower or the same (not for the "all competencies" row, whose counts
    would be of ratings, not people)."""
    columns = ["competency_id", "self_mean", "manager_mean", "gap", "higher", "lower"]
    frame = raw[[*columns, "n_people"]].copy() if not raw.empty else _empty([*columns, "n_people"])
    for column in ("higher", "lower", "n_people"):
        frame[column] = frame[column].astype(float)
    frame["same"] = frame["n_people"] - frame["higher"] - frame["lower"]
    overall = frame["competency_id"] == ALL
    frame.loc[overall, ["higher", "lower", "same"]] = np.nan
    frame = _name(frame, "competency_id", names, "competency")
    frame = frame.sort_values("competency_id").reset_index(drop=True)
    values = ["self_mean", "manager_mean", "gap", "higher", "lower", "same"]
    return suppress(frame, min_size, values)


def person_gap(raw: pd.DataFrame, names: dict[int, str]) -> pd.DataFrame:
    """A person's own self-vs-manager gap: never suppressed, no people counts."""
    frame = gap(raw, names, min_size=0)
    return frame.drop(columns=["higher", "lower", "same", "n_people"])


def notes(
    mentions: pd.DataFrame,
    people: pd.DataFrame,
    framework: pd.DataFrame,
    cycles: list[tuple[int, str]],
    names: dict[int, str],
    min_size: int,
) -> pd.DataFrame:
    """Per cycle × competency of that cycle's framework: reviews naming it as a strength and
    as an improvement area, in numbers and as a % of the cycle's reviews (the people behind
    the cycle). A competency a cycle did not have gets no row for it."""
    reviewed = dict(zip(people.get("cycle_id", []), people.get("n_people", []), strict=True))
    held = {
        (int(c), int(k))
        for c, k in zip(
            framework.get("cycle_id", []), framework.get("competency_id", []), strict=True
        )
    }
    counts = {
        (int(c), int(k), kind): float(n)
        for c, k, kind, n in zip(
            mentions.get("cycle_id", []),
            mentions.get("competency_id", []),
            mentions.get("kind", []),
            mentions.get("reviews", []),
            strict=True,
        )
    }
    rows = []
    for cycle_id, name in cycles:
        for competency_id in sorted(k for c, k in held if c == cycle_id):
            row = {"cycle_id": cycle_id, "cycle": name, "competency_id": competency_id}
            for kind in ("strength", "improvement"):
                row[kind] = counts.get((cycle_id, competency_id, kind), 0.0)
            row["n_people"] = float(reviewed.get(cycle_id, 0))
            rows.append(row)
    columns = ["cycle_id", "cycle", "competency_id", "strength", "improvement", "n_people"]
    frame = pd.DataFrame(rows, columns=columns)
    for kind in ("strength", "improvement"):
        share = 100.0 * frame[kind].astype(float) / frame["n_people"].where(frame["n_people"] > 0)
        frame[f"{kind}_pct"] = share.astype(float)
    frame = _name(frame, "competency_id", names, "competency")
    values = ["strength", "improvement", "strength_pct", "improvement_pct"]
    return suppress(frame, min_size, values)


IDEA_COUNTS = ["submitted", "implemented", "declined", "open", "merged"]


def _idea_medians(frame: pd.DataFrame, min_size: int) -> pd.DataFrame:
    """A median over fewer than ``min_size`` ideas is hidden (the counts are not: every idea
    is visible to every signed-in person in the idea list)."""
    for measure, n_col in (("response_days", "n_response"), ("decision_days", "n_decision")):
        n = frame[n_col].astype(float)
        hidden = (n > 0) & (n < min_size)
        frame[measure] = frame[measure].astype(float).mask(hidden | (n == 0))
        frame[measure.replace("_days", "_hidden")] = hidden.to_numpy(dtype=bool)
    return frame


def ideas(raw: pd.DataFrame, cycles: list[tuple[int, str]], min_size: int) -> pd.DataFrame:
    """One row per cycle of the range (zeros for a cycle without ideas)."""
    measures = [*IDEA_COUNTS, "n_response", "response_days", "n_decision", "decision_days"]
    base = pd.DataFrame({"cycle_id": [c for c, _ in cycles], "cycle": [n for _, n in cycles]})
    if raw.empty:
        raw = _empty(["cycle_id", *measures])
    frame = base.merge(raw[["cycle_id", *measures]], on="cycle_id", how="left")
    counts = [*IDEA_COUNTS, "n_response", "n_decision"]
    frame[counts] = frame[counts].astype(float).fillna(0)
    return _idea_medians(frame, min_size)


def idea_breakdown(raw: pd.DataFrame, teams: dict[int, str], min_size: int) -> pd.DataFrame:
    """By team and by category, most ideas first. A category keeps its key as its name: it
    is translated when drawn."""
    measures = [*IDEA_COUNTS, "n_response", "response_days", "n_decision", "decision_days"]
    if raw.empty:
        raw = _empty(["by", "key", *measures]).astype({"by": str, "key": str})
    frame = raw[["by", "key", *measures]].copy()
    frame["name"] = [
        teams.get(int(key), "") if by == "team" else key
        for by, key in zip(frame["by"], frame["key"], strict=True)
    ]
    counts = [*IDEA_COUNTS, "n_response", "n_decision"]
    frame[counts] = frame[counts].astype(float).fillna(0)
    frame = frame.sort_values(["by", "submitted", "name"], ascending=[False, False, True])
    return _idea_medians(frame.reset_index(drop=True), min_size)


COMPLETION_STEPS = ["self_done", "manager_done", "shared", "acknowledged"]


def completion(raw: pd.DataFrame, teams: dict[int, str], min_size: int) -> pd.DataFrame:
    """Per team: reviews, each step's count and its % of the team's reviews."""
    columns = ["team_id", "reviews", *COMPLETION_STEPS]
    frame = raw[columns].copy() if not raw.empty else _empty(columns)
    frame["team_id"] = frame["team_id"].astype(float)
    frame["team"] = _names(frame["team_id"], teams)
    for step in COMPLETION_STEPS:
        frame[f"{step}_pct"] = 100.0 * frame[step].astype(float) / frame["reviews"].astype(float)
    frame = frame.sort_values(["team", "team_id"], na_position="last").reset_index(drop=True)
    values = [*COMPLETION_STEPS, *(f"{s}_pct" for s in COMPLETION_STEPS)]
    return suppress(frame, min_size, values, n_col="reviews")


def currency_people(requests: pd.DataFrame, at) -> pd.DataFrame:
    """Who was asked at moment ``at`` and whether they were up to date: one row per person
    with a live request (asked, not yet closed) — their team is that of their latest live
    request — and ``current`` when every live request of theirs was confirmed by then."""
    at = pd.Timestamp(at)
    live = requests[
        (requests["requested_at"] <= at)
        & (requests["closed_at"].isna() | (requests["closed_at"] > at))
    ].copy()
    if live.empty:
        return pd.DataFrame({"user_id": [], "team_id": [], "current": []})
    live["ok"] = live["confirmed_at"].notna() & (live["confirmed_at"] <= at)
    live = live.sort_values(["user_id", "requested_at"])
    people = live.groupby("user_id").agg(team_id=("team_id", "last"), current=("ok", "all"))
    return people.reset_index()


def currency(people: pd.DataFrame, min_size: int) -> pd.DataFrame:
    """Per team: people asked, people up to date and their share (%), hidden under
    ``min_size`` people. ``team_id`` NaN: no team."""
    if people.empty:
        return _empty(["team_id", "n_people", "n_current", "share"])
    grouped = people.assign(team_id=people["team_id"].astype(float)).groupby(
        "team_id", dropna=False
    )
    frame = grouped.agg(n_people=("user_id", "size"), n_current=("current", "sum"))
    frame = frame.reset_index()
    frame["share"] = 100.0 * frame["n_current"].astype(float) / frame["n_people"].astype(float)
    return suppress(frame, min_size, ["n_current", "share"])
