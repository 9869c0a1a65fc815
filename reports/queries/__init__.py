"""Aggregating SELECTs that return small pandas DataFrames: the only place SQL meets pandas.

Every query groups in the database (by cycle, team, competency…) and counts the distinct
people behind each group, so no request ever loads individual ratings into Python."""

from .activity import completion, idea_breakdown, idea_pipeline, note_mentions
from .common import competency_names, frameworks, scale_levels, team_names
from .ratings import distribution, heatmap, person_ratings, rating_gap, rating_trend

__all__ = [
    "competency_names",
    "completion",
    "distribution",
    "frameworks",
    "heatmap",
    "idea_breakdown",
    "idea_pipeline",
    "note_mentions",
    "person_ratings",
    "rating_gap",
    "rating_trend",
    "scale_levels",
    "team_names",
]
