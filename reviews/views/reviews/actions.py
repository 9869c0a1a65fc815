"""Buttons on a review: share, acknowledge, suggest an idea, record the meeting's
suggestions, and the admin's reassign and reopen. Each is a POST with a CSRF token."""

from flask import abort, flash, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from extensions import db
from forms.reviews import AcknowledgeForm, MeetingForm, reassign_form
from reviews import access
from reviews.models import User
from reviews.services.reviews import assessments
from reviews.services.reviews import flow as review_flow

from .. import confirm, require_button, run
from . import back_to, bp, load
from .pages import render_review


def here(review) -> str:
    return url_for("reviews.show", review_id=review.id)


@bp.route("/<int:review_id>/share", methods=["POST"])
@login_required
def share(review_id: int):
    review = load(review_id)
    if not access.is_manager(current_user, review):
        abort(403)
    require_button()
    name = review.employee.name
    if page := confirm.ask_first(
        confirm.share(review), _("Share with %(name)s", name=name), here(review)
    ):
        return page
    if not run(lambda: review_flow.share(review, current_user)):
        return back_to(review)
    return back_to(
        review, _("The review has been shared with %(name)s.", name=review.employee.name)
    )


@bp.route("/<int:review_id>/acknowledge", methods=["POST"])
@login_required
def acknowledge(review_id: int):
    review = load(review_id)
    if not access.is_employee(current_user, review):
        abort(403)
    form = AcknowledgeForm()
    if not form.validate_on_submit():
        return render_review(review, ack_form=form), 400
    answer = {"comment": form.comment.data or "", "disagrees": form.disagrees.data}
    if page := confirm.ask_first(confirm.acknowledge(), _("Acknowledge review"), here(review)):
        return page
    done = run(lambda: review_flow.acknowledge(review, current_user, **answer), form)
    if not done:  # e.g. "I disagree" ticked without saying what: the answer stays as typed
        return render_review(review, ack_form=form), done.status
    return back_to(review, _("Thank you. Your review is acknowledged."))


@bp.route("/<int:review_id>/meeting", methods=["POST"])
@login_required
def meeting(review_id: int):
    """The manager records the suggestions made in the review meeting."""
    review = load(review_id)
    if not access.can_record_meeting(current_user, review):
        abort(403)
    form = MeetingForm()
    done = None
    if form.validate_on_submit():
        done = run(
            lambda: assessments.record_meeting_suggestions(
                review, current_user, version=form.version.data, text=form.text.data or ""
            ),
            form,
        )
    if not done:
        return render_review(review, meeting_form=form), done.status if done is not None else 400
    return back_to(review, _("The suggestions from the meeting are saved."), anchor="#meeting")


@bp.route("/<int:review_id>/reassign", methods=["POST"])
@login_required
def reassign(review_id: int):
    review = load(review_id)
    if not current_user.has_role("admin"):
        abort(403)
    form = reassign_form(review, review_flow.reassign_candidates(review))
    manager = db.session.get(User, form.manager_id.data) if form.validate_on_submit() else None
    if manager is None:
        flash(_("Choose the new manager."), "error")
        return back_to(review)
    if not run(lambda: review_flow.reassign(review, current_user, manager)):
        return back_to(review)
    return back_to(review, _("The review is now with %(name)s.", name=manager.name))


@bp.route("/<int:review_id>/reopen", methods=["POST"])
@login_required
def reopen(review_id: int):
    review = load(review_id)
    if not current_user.has_role("admin"):
        abort(403)
    require_button()
    yes = _("Reopen for the manager")
    if page := confirm.ask_first(confirm.reopen_review(), yes, here(review), danger=True):
        return page
    if not run(lambda: review_flow.reopen(review, current_user)):
        return back_to(review)
    return back_to(review, _("The review is open again for the manager."))
