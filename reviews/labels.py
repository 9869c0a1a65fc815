"""The words for the domain's codes (roles, steps, statuses, categories), marked for
translation once and shared by forms, services, reports and templates. Each dict is keyed by
its vocabulary's enum and covers exactly its members (``tests/models/test_vocabulary.py``);
a member is its stored string, so ``LABELS["open"]`` finds ``Status.OPEN``."""

from flask_babel import lazy_gettext as _l

from reviews.models import (
    ActionKind,
    ActionStatus,
    CycleStatus,
    IdeaCategory,
    IdeaStatus,
    Locale,
    NoteSource,
    ProcedureStatus,
    ReviewStep,
    Role,
)

ROLE_LABELS = {
    Role.STAFF: _l("Staff"),
    Role.MANAGER: _l("Manager"),
    Role.LEADERSHIP: _l("Leadership"),
    Role.ADMIN: _l("Admin"),
}

STEP_LABELS = {
    ReviewStep.NOT_STARTED: _l("Not started"),
    ReviewStep.DRAFT: _l("Draft"),
    ReviewStep.AWAITING_MANAGER: _l("Self-assessment done"),
    ReviewStep.AWAITING_SELF: _l("Manager assessment done"),
    ReviewStep.READY_TO_SHARE: _l("Ready to share"),
    ReviewStep.SHARED: _l("Shared"),
    ReviewStep.ACKNOWLEDGED: _l("Acknowledged"),
}

CYCLE_STATUS_LABELS = {
    CycleStatus.PLANNED: _l("Planned"),
    CycleStatus.OPEN: _l("Open"),
    CycleStatus.CLOSED: _l("Closed"),
}

IDEA_STATUS_LABELS = {
    IdeaStatus.SUBMITTED: _l("Submitted"),
    IdeaStatus.UNDER_REVIEW: _l("Under review"),
    IdeaStatus.PLANNED: _l("Planned"),
    IdeaStatus.IMPLEMENTED: _l("Implemented"),
    IdeaStatus.DECLINED: _l("Declined"),
    IdeaStatus.MERGED: _l("Merged"),
}

CATEGORY_LABELS = {
    IdeaCategory.PROCESS: _l("Process"),
    IdeaCategory.TOOLS: _l("Tools"),
    IdeaCategory.TRAINING: _l("Training"),
    IdeaCategory.COMMUNICATION: _l("Communication"),
    IdeaCategory.CUSTOMER_EXPERIENCE: _l("Customer experience"),
    IdeaCategory.OTHER: _l("Other"),
}

ACTION_KIND_LABELS = {
    ActionKind.TRAINING: _l("Training"),
    ActionKind.COACHING: _l("Coaching"),
    ActionKind.SUPPORT: _l("Support"),
    ActionKind.OTHER: _l("Other"),
}

ACTION_STATUS_LABELS = {
    ActionStatus.OPEN: _l("Open"),
    ActionStatus.IN_PROGRESS: _l("In progress"),
    ActionStatus.DONE: _l("Done"),
    ActionStatus.DROPPED: _l("Dropped"),
    ActionStatus.CARRIED: _l("Carried over"),
}

NOTE_SOURCE_LABELS = {
    NoteSource.SELF: _l("Self-assessment"),
    NoteSource.MANAGER: _l("Manager assessment"),
}

# The kinds of evidence shown beside a competency in the review forms (not stored: each
# area's evidence source names its kind).
EVIDENCE_KIND_LABELS = {
    "recognition": _l("Recognition"),
    "training": _l("Training"),
    "action": _l("Action item"),
    "idea": _l("Idea implemented"),
}

# Each language in its own words, never translated.
LOCALE_LABELS = {Locale.EN: "English", Locale.ET: "Eesti", Locale.SL: "Slovenščina"}

PROCEDURE_STATUS_LABELS = {
    ProcedureStatus.DRAFT: _l("Draft"),
    ProcedureStatus.PUBLISHED: _l("Published"),
    ProcedureStatus.ARCHIVED: _l("Archived"),
}
