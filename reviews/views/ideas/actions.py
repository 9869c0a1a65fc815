"""Buttons and forms that change an idea: support, withdraw, comment, move, and the anonymous
author's comment through the private follow link. All POST, all with a CSRF token."""

from functools import partial

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forms.fields import MAX_ID
from forms.ideas import CommentForm, move_form
from forms.reviews import SuggestionForm
from reviews import access
from reviews.services.ideas import contributions as ideas
from reviews.services.ideas import flow as idea_flow
from reviews.services.reviews import flow as review_flow

from .. import confirm, require_button, run
from ..reviews.pages import render_review
from . import bp
from .follow import followed_tokens, show_follow_link_once
from .pages import render_follow, render_idea


@bp.route("/suggestions", methods=["POST"])
@login_required
def suggest():
    """A suggestion from a review's closing section (the review's number in the form). It is
    posted here rather than to the review's address, so an access log line never ties an
    anonymous suggestion to a review."""
    form = SuggestionForm()
    if form.review.data is None or not 1 <= form.review.data <= MAX_ID:
        abort(404)
    review = access.get_review_or_404(current_user, form.review.data)
    if not access.is_employee(current_user, review):
        abort(403)
    if not form.validate_on_submit():
        return render_review(review, suggestion_form=form), 400
    done = run(
        lambda: review_flow.add_suggestion(
            review,
            current_user,
            title=form.title.data,
            description=form.description.data,
            category=form.category.data,
            anonymous=form.anonymous.data,
        ),
        form,
    )
    if not done:
        return render_review(review, suggestion_form=form), done.status
    if done.value.follow_token:
        return show_follow_link_once(done.value.follow_token)
    flash(_("Thank you. Your suggestion is now an idea the team can follow."), "success")
    return redirect(url_for("reviews.show", review_id=review.id) + "#suggestions")


def _back(idea, anchor: str = ""):
    return redirect(url_for("ideas.show", idea_id=idea.id) + anchor)


@bp.route("/<int:idea_id>/support", methods=["POST"])
@login_required
def support(idea_id: int):
    idea = access.get_idea_or_404(current_user, idea_id)
    require_button()
    done = run(lambda: ideas.support(idea, current_user, followed_tokens()))
    if done and done.value:
        flash(_("Thank you for your support."), "success")
    elif done:
        flash(_("You already support this idea."), "info")
    return _back(idea, "#support")


@bp.route("/<int:idea_id>/withdraw", methods=["POST"])
@login_required
def withdraw(idea_id: int):
    idea = access.get_idea_or_404(current_user, idea_id)
    require_button()
    done = run(lambda: ideas.withdraw_support(idea, current_user))
    if done and done.value:
        flash(_("Your support has been withdrawn."), "info")
    return _back(idea, "#support")


@bp.route("/<int:idea_id>/comments", methods=["POST"])
@login_required
def comment(idea_id: int):
    idea = access.get_idea_or_404(current_user, idea_id)
    form = CommentForm()
    change = partial(ideas.add_comment, idea, current_user, form.body.data)
    if form.validate_on_submit() and run(change, form):
        flash(_("Your comment is posted."), "success")
        return _back(idea, "#discussion")
    return render_idea(idea, comment_form=form, status=400)


@bp.route("/<int:idea_id>/move", methods=["POST"])
@login_required
def move(idea_id: int):
    """Respond to the author and, optionally, move the idea on (managers of its team,
    leadership and admins; anyone else gets 403 and nothing changes)."""
    idea = access.get_idea_or_404(current_user, idea_id, for_update=True)
    if not access.can_move_idea(current_user, idea):
        abort(403)
    form = move_form(idea.status, idea_flow.allowed_moves(idea))
    change = partial(
        idea_flow.move_idea,
        idea,
        current_user,
        to_status=form.status.data or "",
        response=form.response.data or "",
        impact_note=form.impact_note.data or "",
        merge_into=form.merge_into.data,
        expected_status=form.current.data or None,
    )
    if not form.validate_on_submit():
        return render_idea(idea, move=form, status=400)
    if page := _ask_before_closing(idea, form.status.data):
        return page
    if run(change, form):
        flash(_("Saved. The author can see your response on the idea's page."), "success")
        return _back(idea)
    return render_idea(idea, move=form, status=400)


def _ask_before_closing(idea, to_status: str | None):
    """Declining or merging closes the idea for good: ask first."""
    questions = {"declined": confirm.decline_idea, "merged": confirm.merge_idea}
    if to_status not in questions or to_status == idea.status:
        return None
    back = url_for("ideas.show", idea_id=idea.id) + "#manage"
    return confirm.ask_first(questions[to_status](), _("Save"), back, danger=True)


@bp.route("/follow/<token>/comments", methods=["POST"])
@login_required
def follow_comment(token: str):
    """The anonymous author answers through their private link; stored without any person."""
    idea = ideas.find_by_follow_token(token)
    if idea is None:
        abort(404)
    form = CommentForm()
    change = partial(ideas.add_author_comment, idea, form.body.data)
    if form.validate_on_submit() and run(change, form):
        flash(_("Your comment is posted as “Author (anonymous)”."), "success")
        return redirect(url_for("ideas.follow", token=token) + "#discussion")
    return render_follow(idea, token, comment_form=form, status=400)
