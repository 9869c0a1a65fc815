"""A review: its page, the self-assessment and manager assessment forms, the side-by-side
view (``pages``), and the buttons that move it on (``actions``)."""

from flask import Blueprint, flash, redirect, url_for
from flask_login import current_user

from reviews import access
from reviews.models import Review

bp = Blueprint("reviews", __name__, url_prefix="/reviews")


def load(review_id: int, page: bool = False) -> Review:
    """The review, if the current user may open it (404 otherwise); ``page`` loads what its
    pages show in the same go."""
    return access.get_review_or_404(current_user, review_id, page=page)


def back_to(review: Review, message: str | None = None, anchor: str = ""):
    """Back to the review's page, with a message if given."""
    if message:
        flash(message, "success")
    return redirect(url_for("reviews.show", review_id=review.id) + anchor)


from . import actions, pages  # noqa: E402,F401  (routes register on bp)
