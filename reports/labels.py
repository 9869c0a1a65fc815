"""Every word the charts, tables and downloads show, marked for translation and turned into
text in the viewer's language only when drawn. Numbers are formatted for that language too
(a decimal comma in Estonian and Slovenian)."""

import math

from flask_babel import format_decimal, gettext, ngettext
from flask_babel import lazy_gettext as _l

from reviews.labels import CATEGORY_LABELS

ALL_COMPETENCIES = _l("All competencies")
WEIGHTED = _l("Overall (weighted)")  # a review's weighted mean: reports.queries.ratings
NO_TEAM = _l("No team")
HIDDEN = _l("hidden")
NO_DATA = _l("no data")
NO_DATA_CHART = _l("No data for these filters yet.")
MANAGER = _l("Manager rating")
SELF = _l("Self-assessment")

SOURCES = {"manager": MANAGER, "self": SELF}


IDEA_MEASURES = {
    "submitted": _l("Submitted"),
    "implemented": _l("Implemented"),
    "declined": _l("Declined"),
    "open": _l("Still open"),
    "merged": _l("Merged"),
}

COMPLETION_STEPS = {
    "self_done": _l("Self-assessment"),
    "manager_done": _l("Manager assessment"),
    "shared": _l("Shared"),
    "acknowledged": _l("Acknowledged"),
}

NOTE_KINDS = {"strength": _l("Strengths"), "improvement": _l("Improvement areas")}


def hidden_note(min_size: int) -> str:
    """The mark explaining a hidden aggregate."""
    return gettext("hidden (fewer than %(num)d people, or to protect such a group)", num=min_size)


def competency(competency_id, name: str) -> str:
    if int(competency_id) == -1:
        return str(WEIGHTED)
    return str(ALL_COMPETENCIES) if int(competency_id) == 0 else name


def team(team_id, name: str) -> str:
    if team_id is None or (isinstance(team_id, float) and math.isnan(team_id)):
        return str(NO_TEAM)
    return name


def number(value, digits: int = 1) -> str:
    """``value`` rounded to ``digits`` decimals in the viewer's number format."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    pattern = "0." + "0" * digits if digits else "0"
    return format_decimal(value, format=pattern)


def signed(value, digits: int = 1) -> str:
    """A change with its sign: +0.3, −0.2, ±0.0."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if round(value, digits) == 0:
        return "±" + number(0.0, digits)
    text = number(abs(value), digits)
    return ("+" if value > 0 else "−") + text


def people(n) -> str:
    return gettext("n = %(num)d", num=int(n))


def breakdown_name(by: str, key: str, name: str) -> str:
    """A row of the idea breakdown: a team's name, or a category in the viewer's language."""
    if by == "category":
        return str(CATEGORY_LABELS.get(key, key))
    return name or str(NO_TEAM)


def subject(scope: dict) -> str:
    """Whose numbers a chart shows: the organisation, a team, some teams, or "you"."""
    kind = scope.get("kind")
    if kind == "org":
        return gettext("whole organisation")
    if kind == "person":
        return gettext("you")
    names = scope.get("names", [])
    if len(names) == 1:
        return names[0]
    if len(names) <= 3:
        return ", ".join(names)
    return ngettext("%(num)d team", "%(num)d teams", len(names))
