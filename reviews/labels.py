"""The words for the domain's codes (roles, steps, statuses, categories), marked for
translation once and shared by forms, services, reports and templates."""

from flask_babel import lazy_gettext as _l

ROLE_LABELS = {
    "staff": _l("Staff"),
    "manager": _l("Manager"),
    "leadership": _l("Leadership"),
    "admin": _l("Admin"),
}

STEP_LABELS = {
    "not_started": _l("Not started"),
    "awaiting_manager": _l("Self-assessment done"),
    "awaiting_self": _l("Manager assessment done"),
    "ready_to_share": _l("Ready to share"),
    "shared": _l("Shared"),
    "acknowledged": _l("Acknowledged"),
}

CYCLE_STATUS_LABELS = {"planned": _l("Planned"), "open": _l("Open"), "closed": _l("Closed")}

IDEA_STATUS_LABELS = {
    "submitted": _l("Submitted"),
    "under_review": _l("Under review"),
    "planned": _l("Planned"),
    "implemented": _l("Implemented"),
    "declined": _l("Declined"),
    "merged": _l("Merged"),
}

CATEGORY_LABELS = {
    "process": _l("Process"),
    "tools": _l("Tools"),
    "training": _l("Training"),
    "communication": _l("Communication"),
    "customer_experience": _l("Customer experience"),
    "other": _l("Other"),
}

ACTION_KIND_LABELS = {
    "training": _l("Training"),
    "coaching": _l("Coaching"),
    "support": _l("Support"),
    "other": _l("Other"),
}

ACTION_STATUS_LABELS = {
    "open": _l("Open"),
    "in_progress": _l("In progress"),
    "done": _l("Done"),
    "dropped": _l("Dropped"),
}

LOCALE_LABELS = {"en": "English", "et": "Eesti", "sl": "Slovenščina"}
