"""All models, importable from one place."""

from .activity import AuditEvent, MailStatus, Notification, OutboundEmail
from .base import utcnow
from .cache import ChartCache, DataVersion, ExportStatus, ReportExport
from .cycles import Cycle, CycleCompetency, CycleScaleLevel, CycleStatus
from .framework import Competency, ScaleLevel
from .ideas import (
    IDEA_CATEGORIES,
    IDEA_STATUSES,
    Idea,
    IdeaCategory,
    IdeaComment,
    IdeaEvent,
    IdeaStatus,
    IdeaSupport,
)
from .links import AccountLink, LinkPurpose
from .people import ROLES, Locale, ReportingLine, Role, RoleAssignment, Team, User
from .procedures import (
    Procedure,
    ProcedureRequest,
    ProcedureStatus,
    ProcedureVersion,
    procedure_teams,
)
from .recognition import Recognition, RecognitionSetting, recognition_competencies
from .reviews import (
    ActionItem,
    ActionKind,
    ActionStatus,
    NoteKind,
    NoteSource,
    Rating,
    RatingSource,
    Review,
    ReviewNote,
    ReviewStep,
    action_item_competencies,
    note_competencies,
)
from .summary import NoteCount, PeopleCount, RatingCount, RatingGap
from .training import TrainingRecord, training_competencies

__all__ = [
    "AccountLink",
    "ActionItem",
    "ActionKind",
    "ActionStatus",
    "AuditEvent",
    "ChartCache",
    "Competency",
    "Cycle",
    "CycleCompetency",
    "CycleScaleLevel",
    "CycleStatus",
    "DataVersion",
    "ExportStatus",
    "IDEA_CATEGORIES",
    "IDEA_STATUSES",
    "Idea",
    "IdeaCategory",
    "IdeaComment",
    "IdeaEvent",
    "IdeaStatus",
    "IdeaSupport",
    "LinkPurpose",
    "Locale",
    "MailStatus",
    "NoteCount",
    "NoteKind",
    "NoteSource",
    "Notification",
    "OutboundEmail",
    "PeopleCount",
    "Procedure",
    "ProcedureRequest",
    "ProcedureStatus",
    "ProcedureVersion",
    "ROLES",
    "Rating",
    "RatingCount",
    "RatingGap",
    "RatingSource",
    "Recognition",
    "RecognitionSetting",
    "ReportExport",
    "ReportingLine",
    "Review",
    "ReviewNote",
    "ReviewStep",
    "Role",
    "RoleAssignment",
    "ScaleLevel",
    "Team",
    "TrainingRecord",
    "User",
    "action_item_competencies",
    "note_competencies",
    "recognition_competencies",
    "procedure_teams",
    "training_competencies",
    "utcnow",
]
