"""The table behind each chart, in the viewer's language: shown under the chart on the page,
written to CSV and XLSX, and summarised in the cycle report. Hidden aggregates stay hidden
here too — the cell holds the HIDDEN mark, never the number."""

import math
from dataclasses import dataclass, field

from flask_babel import gettext

from . import labels
from .chartdata import ChartData
from .metrics import COMPLETION_STEPS, IDEA_COUNTS


class _Hidden:
    def __repr__(self) -> str:
        return "HIDDEN"


HIDDEN = _Hidden()
DIGITS = {"mean": 2, "rating": 1, "change": 2, "pct": 1, "days": 1, "int": 0}


@dataclass
class Column:
    label: str
    kind: str = "text"  # text, int, mean, change, pct, days

    @property
    def numeric(self) -> bool:
        return self.kind != "text"


@dataclass
class Table:
    columns: list[Column]
    rows: list[list] = field(default_factory=list)
    min_size: int = 3

    def display(self, value, column: Column) -> str:
        """A cell as the page shows it."""
        if value is HIDDEN:
            return str(labels.HIDDEN)
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return "—"
        if column.kind == "change":
            return labels.signed(value, DIGITS["change"])
        if column.numeric:
            return labels.number(value, DIGITS[column.kind])
        return str(value)

    def plain(self, value, column: Column):
        """A cell as downloads hold it: numbers stay numbers (rounded), a hidden cell says
        why it is empty."""
        if value is HIDDEN:
            return labels.hidden_note(self.min_size)
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return None
        if column.numeric:
            digits = DIGITS[column.kind]
            return int(round(value)) if digits == 0 else round(float(value), digits)
        return str(value)

    def is_hidden(self, value) -> bool:
        return value is HIDDEN

    @property
    def header(self) -> list[str]:
        return [c.label for c in self.columns]


def _cell(row, column: str, hidden_flag: str = "hidden"):
    if hidden_flag in row and bool(row[hidden_flag]):
        return HIDDEN
    value = row[column]
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def trend(data: ChartData) -> Table:
    frame = data.frame
    with_self = "self" in set(frame["source"])
    columns = [
        Column(gettext("Cycle")),
        Column(gettext("Competency")),
        Column(gettext("Manager mean"), "mean"),
        Column(gettext("People"), "int"),
    ]
    if with_self:
        columns += [
            Column(gettext("Self-assessment mean"), "mean"),
            Column(gettext("People (self)"), "int"),
        ]
    table = Table(columns, min_size=data.min_size)
    for cid, cycle in data.cycles:
        rows = frame[frame["cycle_id"] == cid]
        if rows.empty:
            table.rows.append([cycle, str(labels.NO_DATA)] + [None] * (len(columns) - 2))
            continue
        for competency_id in dict.fromkeys(rows["competency_id"]):
            mine = rows[rows["competency_id"] == competency_id]
            name = labels.competency(competency_id, mine["competency"].iloc[0])
            line = [cycle, name]
            for source in ("manager", "self") if with_self else ("manager",):
                side = mine[mine["source"] == source]
                if side.empty:
                    line += [None, None]
                else:
                    row = side.iloc[0]
                    line += [_cell(row, "mean"), _cell(row, "n_people")]
            table.rows.append(line)
    return table


def person_trend(data: ChartData) -> Table:
    frame = data.frame
    sources = ["manager", "self"] if "self" in set(frame["source"]) else ["manager"]
    columns = [Column(gettext("Cycle")), Column(gettext("Competency"))]
    columns += [Column(str(labels.SOURCES[s]), "rating") for s in sources]
    table = Table(columns, min_size=data.min_size)
    for cid, cycle in data.cycles:
        rows = frame[frame["cycle_id"] == cid]
        if rows.empty:
            table.rows.append([cycle, str(labels.NO_DATA)] + [None] * len(sources))
        # all competencies first, then the weighted overall (-1), then each competency
        for competency_id in sorted(set(rows["competency_id"]), key=lambda c: (c != 0, c)):
            mine = rows[rows["competency_id"] == competency_id]
            values = dict(zip(mine["source"], mine["mean"], strict=True))
            name = labels.competency(competency_id, mine["competency"].iloc[0])
            table.rows.append([cycle, name, *(values.get(s) for s in sources)])
    return table


def heatmap(data: ChartData) -> Table:
    columns = [
        Column(gettext("Team")),
        Column(gettext("Competency")),
        Column(gettext("Mean"), "mean"),
        Column(gettext("Change since %(cycle)s", cycle=data.meta.get("previous") or "—"), "change"),
        Column(gettext("People"), "int"),
        Column(gettext("Mean in %(cycle)s", cycle=data.meta.get("previous") or "—"), "mean"),
    ]
    table = Table(columns, min_size=data.min_size)
    for row in data.frame.to_dict("records"):
        team = labels.team(row["team_id"], row["team"])
        name = labels.competency(row["competency_id"], row["competency"])
        before = _cell(row, "previous_mean", "previous_hidden")
        change = HIDDEN if row["hidden"] or row["previous_hidden"] else _cell(row, "change")
        table.rows.append([team, name, _cell(row, "mean"), change, _cell(row, "n_people"), before])
    return table


def distribution(data: ChartData) -> Table:
    scale = {int(k): v for k, v in data.meta.get("scale", {}).items()}
    columns = [
        Column(gettext("Cycle")),
        Column(gettext("People"), "int"),
        Column(gettext("Ratings"), "int"),
        Column(gettext("Not applicable"), "int"),
    ]
    columns += [Column(f"{level} – {scale[level]} (%)", "pct") for level in sorted(scale)]
    table = Table(columns, min_size=data.min_size)
    for row in data.frame.to_dict("records"):
        line = [row["cycle"]] + [_cell(row, c) for c in ("n_people", "ratings", "not_applicable")]
        line += [_cell(row, f"level_{level}") for level in sorted(scale)]
        table.rows.append(line)
    return table


def gap(data: ChartData) -> Table:
    columns = [
        Column(gettext("Competency")),
        Column(gettext("Self-assessment mean"), "mean"),
        Column(gettext("Manager mean"), "mean"),
        Column(gettext("Gap (self − manager)"), "change"),
        Column(gettext("Rated themselves higher"), "int"),
        Column(gettext("Rated themselves lower"), "int"),
        Column(gettext("Same"), "int"),
        Column(gettext("People"), "int"),
    ]
    table = Table(columns, min_size=data.min_size)
    for row in data.frame.to_dict("records"):
        name = labels.competency(row["competency_id"], row["competency"])
        values = ("self_mean", "manager_mean", "gap", "higher", "lower", "same", "n_people")
        table.rows.append([name] + [_cell(row, c) for c in values])
    return table


def person_gap(data: ChartData) -> Table:
    other = bool(data.meta.get("scope", {}).get("name"))  # someone else's history
    columns = [
        Column(gettext("Competency")),
        Column(gettext("Self-assessment") if other else gettext("Your rating"), "rating"),
        Column(gettext("Manager rating") if other else gettext("Your manager's rating"), "rating"),
        Column(gettext("Gap (self − manager)"), "change"),
    ]
    table = Table(columns, min_size=data.min_size)
    for row in data.frame.to_dict("records"):
        name = labels.competency(row["competency_id"], row["competency"])
        table.rows.append([name] + [_cell(row, c) for c in ("self_mean", "manager_mean", "gap")])
    return table


def notes(data: ChartData) -> Table:
    columns = [
        Column(gettext("Cycle")),
        Column(gettext("Competency")),
        Column(gettext("Named as a strength (reviews)"), "int"),
        Column(gettext("Strength (% of reviews)"), "pct"),
        Column(gettext("Named as an improvement area (reviews)"), "int"),
        Column(gettext("Improvement area (% of reviews)"), "pct"),
        Column(gettext("Reviews in the cycle"), "int"),
    ]
    table = Table(columns, min_size=data.min_size)
    for row in data.frame.to_dict("records"):
        values = ("strength", "strength_pct", "improvement", "improvement_pct", "n_people")
        table.rows.append([row["cycle"], row["competency"]] + [_cell(row, c) for c in values])
    return table


def _idea_columns() -> list[Column]:
    return [Column(str(labels.IDEA_MEASURES[m]), "int") for m in IDEA_COUNTS] + [
        Column(gettext("Median days to first response"), "days"),
        Column(gettext("Median days to decision"), "days"),
    ]


def _idea_values(row) -> list:
    return [_cell(row, m) for m in IDEA_COUNTS] + [
        _cell(row, "response_days", "response_hidden"),
        _cell(row, "decision_days", "decision_hidden"),
    ]


def ideas(data: ChartData) -> Table:
    table = Table([Column(gettext("Cycle")), *_idea_columns()], min_size=data.min_size)
    for row in data.frame.to_dict("records"):
        table.rows.append([row["cycle"], *_idea_values(row)])
    return table


def idea_breakdown(data: ChartData) -> Table:
    by = {"team": gettext("Team"), "category": gettext("Category")}
    columns = [Column(gettext("By")), Column(gettext("Name")), *_idea_columns()]
    table = Table(columns, min_size=data.min_size)
    for row in data.frame.to_dict("records"):
        name = labels.breakdown_name(row["by"], row["key"], row["name"])
        table.rows.append([by[row["by"]], name, *_idea_values(row)])
    return table


def completion(data: ChartData) -> Table:
    columns = [Column(gettext("Team")), Column(gettext("Reviews"), "int")]
    for step in COMPLETION_STEPS:
        name = str(labels.COMPLETION_STEPS[step])
        columns += [Column(name, "int"), Column(f"{name} (%)", "pct")]
    table = Table(columns, min_size=data.min_size)
    for row in data.frame.to_dict("records"):
        line = [labels.team(row["team_id"], row["team"]), _cell(row, "reviews")]
        for step in COMPLETION_STEPS:
            line += [_cell(row, step), _cell(row, f"{step}_pct")]
        table.rows.append(line)
    return table


def procedure_currency(data: ChartData) -> Table:
    columns = [
        Column(gettext("Cycle")),
        Column(gettext("Team")),
        Column(gettext("People asked"), "int"),
        Column(gettext("Up to date"), "int"),
        Column(gettext("Up to date (%)"), "pct"),
    ]
    table = Table(columns, min_size=data.min_size)
    whole = data.meta.get("whole_org", True)
    for row in data.frame.to_dict("records"):
        if row["total"]:
            name = gettext("Organisation") if whole else gettext("All chosen teams")
        else:
            name = labels.team(row["team_id"], row["team"])
        line = [row["cycle"], name, _cell(row, "n_people")]
        table.rows.append(line + [_cell(row, "n_current"), _cell(row, "share")])
    return table
