"""Training records: a person's history ("My training", and a manager's staff), adding,
correcting and deleting a record (``pages``; the delete button in ``actions``)."""

from flask import Blueprint
from flask_babel import format_decimal

bp = Blueprint("training", __name__, url_prefix="/training")


def format_hours(value) -> str:
    """Hours in the reader's language: "1.5", "1,5", "12"."""
    return format_decimal(value, format="#,##0.##")


@bp.app_context_processor
def training_helpers() -> dict:
    """Every page may show a training list (the review page does)."""
    return {"format_hours": format_hours}


from . import actions, pages  # noqa: E402,F401  (routes register on bp)
