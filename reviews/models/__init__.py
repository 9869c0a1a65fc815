"""All models, importable from one place."""

from .activity import AuditEvent, Notification, OutboundEmail
from .base import utcnow
from .cache import ChartCache, DataVersion, ReportExport
from .cycles import CYCLE_STATUSES, Cycle, CycleCompetency, CycleScaleLevel
from .framework import Competency, ScaleLevel
from .ideas import IDEA_CATEGORIES, IDEA_STATUSES, Idea, IdeaComment, IdeaEvent, IdeaSupport
from .people import LOCALES, ROLES, ReportingLine, RoleAssignment, Team, User
from .reviews import (
    ACTION_KINDS,
    ACTION_STATUSES,
    ActionItem,
    Rating,
    Review,
    ReviewNote,
    note_competencies,
)
from .summary import NoteCount, PeopleCount, RatingCount, RatingGap

__all__ = [
    "ACTION_KINDS",
    "ACTION_STATUSES",
    "ActionItem",
    "AuditEvent",
    "CYCLE_STATUSES",
    "ChartCache",
    "Competency",
    "Cycle",
    "DataVersion",
    "CycleCompetency",
    "CycleScaleLevel",
    "IDEA_CATEGORIES",
    "IDEA_STATUSES",
    "Idea",
    "IdeaComment",
    "IdeaEvent",
    "IdeaSupport",
    "LOCALES",
    "NoteCount",
    "Notification",
    "OutboundEmail",
    "PeopleCount",
    "ROLES",
    "Rating",
    "RatingCount",
    "RatingGap",
    "ReportExport",
    "ReportingLine",
    "Review",
    "ReviewNote",
    "RoleAssignment",
    "ScaleLevel",
    "Team",
    "User",
    "note_competencies",
    "utcnow",
]
