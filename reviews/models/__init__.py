"""All models, importable from one place."""

from .activity import (
    AuditEvent,
    EmailMode,
    MailStatus,
    Notification,
    NotificationPreference,
    OutboundEmail,
    Topic,
)
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
from .people_import import ImportStage, PeopleImport
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
from .rights import RetentionPolicy
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
    "EmailMode",
    "ExportStatus",
    "ImportStage",
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
    "PeopleImport",
    "MailStatus",
    "NoteCount",
    "NoteKind",
    "NoteSource",
    "Notification",
    "NotificationPreference",
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
    "RetentionPolicy",
    "Review",
    "ReviewNote",
    "ReviewStep",
    "Role",
    "RoleAssignment",
    "ScaleLevel",
    "Team",
    "Topic",
    "TrainingRecord",
    "User",
    "action_item_competencies",
    "note_competencies",
    "recognition_competencies",
    "procedure_teams",
    "training_competencies",
    "utcnow",
]
