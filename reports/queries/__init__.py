"""Aggregating SELECTs that return small pandas DataFrames: the only place SQL meets pandas.

Group figures come from the summary rows kept on write (summary.py), so no request reads
individual ratings into a group's numbers; a person's own charts read their own ratings
(ratings.py); ideas and review progress are grouped in the database (activity.py)."""

from .activity import completion, idea_breakdown, idea_pipeline
from .common import (
    competencies_in,
    competency_names,
    frameworks,
    scale_in,
    scale_levels,
    team_names,
)
from .procedures import procedure_requests
from .ratings import person_gap, person_ratings
from .summary import distribution, heatmap, note_mentions, rating_gap, rating_trend

__all__ = [
    "competencies_in",
    "competency_names",
    "completion",
    "distribution",
    "frameworks",
    "heatmap",
    "idea_breakdown",
    "idea_pipeline",
    "note_mentions",
    "person_gap",
    "person_ratings",
    "procedure_requests",
    "rating_gap",
    "rating_trend",
    "scale_in",
    "scale_levels",
    "team_names",
]
