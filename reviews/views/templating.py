"""Jinja globals and filters shared by every template."""

from flask import Flask
from flask_babel import format_date, format_datetime, get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from forms import EmptyForm
from forms.reviews import ACTION_KIND_LABELS, ACTION_STATUS_LABELS, CATEGORY_LABELS

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

IDEA_STATUS_LABELS = {
    "submitted": _l("Submitted"),
    "under_review": _l("Under review"),
    "planned": _l("Planned"),
    "implemented": _l("Implemented"),
    "declined": _l("Declined"),
    "merged": _l("Merged"),
}

CYCLE_STATUS_LABELS = {"planned": _l("Planned"), "open": _l("Open"), "closed": _l("Closed")}


def rating_text(rating) -> str:
    """A rating as shown in tables: its value, "n/a", or a dash when not given."""
    if rating is None:
        return "—"
    return str(_l("n/a")) if rating.not_applicable else str(rating.value)


LOCALE_LABELS = {"en": "English", "et": "Eesti", "sl": "Slovenščina"}


def register(app: Flask) -> None:
    @app.context_processor
    def inject():
        return {
            "ROLE_LABELS": ROLE_LABELS,
            "STEP_LABELS": STEP_LABELS,
            "IDEA_STATUS_LABELS": IDEA_STATUS_LABELS,
            "CYCLE_STATUS_LABELS": CYCLE_STATUS_LABELS,
            "LOCALE_LABELS": LOCALE_LABELS,
            "ACTION_STATUS_LABELS": ACTION_STATUS_LABELS,
            "ACTION_KIND_LABELS": ACTION_KIND_LABELS,
            "CATEGORY_LABELS": CATEGORY_LABELS,
            "rating_text": rating_text,
            "get_locale": get_locale,
            "logout_form": EmptyForm() if current_user.is_authenticated else None,
        }

    app.jinja_env.filters["date"] = lambda value, fmt="medium": (
        format_date(value, fmt) if value else ""
    )
    app.jinja_env.filters["datetime"] = lambda value, fmt="medium": (
        format_datetime(value, fmt) if value else ""
    )
