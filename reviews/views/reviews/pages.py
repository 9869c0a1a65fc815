"""A review's pages: overview, self-assessment, manager assessment, side by side."""

from functools import partial

from flask import (
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forms import EmptyForm
from forms.reviews import (
    AcknowledgeForm,
    MeetingForm,
    SuggestionForm,
    manager_assessment_form,
    reassign_form,
    self_assessment_form,
)
from reviews import access
from reviews.labels import EVIDENCE_KIND_LABELS
from reviews.services.procedures.queries import review_summary as procedure_summary
from reviews.services.recognition import queries as recognition
from reviews.services.reviews import assessments, evidence
from reviews.services.reviews import flow as review_flow
from reviews.services.reviews.pages import previous_actions, rating_rows, review_ideas
from reviews.services.training import queries as training_queries

from .. import run
from . import bp, load


@bp.route("/<int:review_id>")
@login_required
def show(review_id: int):
    return render_review(load(review_id, page=True))


def render_review(review, suggestion_form=None, ack_form=None, meeting_form=None):
    """The review page; ``suggestion_form``, ``ack_form`` or ``meeting_form`` is one that came
    back with errors, shown with what the person typed (a suggestion is posted to the ideas
    blueprint)."""
    user = current_user
    training = training_queries.for_review(user, review)
    return render_template(
        "reviews/show.html",
        review=review,
        rows=rating_rows(review),
        ideas=review_ideas(review, user),
        recognitions=recognition.for_review(user, review),
        training=training,
        # Those who follow the person's training follow their procedures too.
        procedure_currency=procedure_summary(review) if training.can_open else None,
        sees_self=access.sees_self_part(user, review),
        sees_manager=access.sees_manager_part(user, review),
        sees_private=access.sees_private_note(user, review),
        can=_abilities(review),
        history=access.can_open_history(user, review.employee_id),
        button=EmptyForm(),
        ack_form=ack_form or AcknowledgeForm(),
        suggestion_form=suggestion_form or SuggestionForm(review=review.id),
        meeting_form=meeting_form
        or MeetingForm(version=review.version, text=review.meeting_suggestions),
        reassign_form=reassign_form(review, review_flow.reassign_candidates(review))
        if access.can_administer(current_user, review)
        else None,
    )


def _abilities(review) -> dict[str, bool]:
    user = current_user
    return {
        "write_self": access.can_write_self(user, review),
        "write_manager": access.can_write_manager(user, review),
        "share": access.can_share(user, review),
        "acknowledge": access.can_acknowledge(user, review),
        "amend": access.can_amend(user, review),
        "suggest": access.can_add_suggestion(user, review),
        "administer": access.can_administer(user, review),
        "compare": access.can_compare(user, review),
        "record_meeting": access.can_record_meeting(user, review),
    }


def _answer(form, review, done, template: str, **context):
    """JSON for the autosave script; otherwise PRG on success or the form with its errors
    (``done`` is None when the form did not validate)."""
    saved, status = bool(done), done.status if done is not None else 400
    if request.headers.get("X-Autosave"):
        if saved:
            return jsonify(saved=True, version=review.version)
        return jsonify(saved=False, errors=[str(e) for e in form.form_errors]), status
    if saved:
        if context.get("amending"):
            message = _("Amendment saved. It is recorded in the audit log.")
        else:
            message = _("Submitted.") if form.submitting else _("Draft saved.")
        flash(message, "success")
        return redirect(
            url_for("reviews.show", review_id=review.id) if form.submitting else request.path
        )
    return render_template(template, form=form, review=review, **context), status


@bp.route("/<int:review_id>/self", methods=["GET", "POST"])
@login_required
def self_assessment(review_id: int):
    review = load(review_id, page=True)
    if not access.is_employee(current_user, review):
        abort(403)
    if not access.can_write_self(current_user, review):
        if review.self_submitted_at:
            flash(_("Your self-assessment is submitted and can no longer be changed."), "info")
        else:
            flash(_("This review can no longer be changed."), "info")
        return redirect(url_for("reviews.show", review_id=review.id))
    if request.method == "GET":
        form = self_assessment_form(review)
        return render_template(
            "reviews/self.html", form=form, review=review, evidence=page_evidence(review)
        )
    form = self_assessment_form(review, formdata=request.form)
    done = None
    if form.validate_on_submit():
        done = run(
            lambda: assessments.save_self_assessment(
                review,
                current_user,
                version=form.version.data,
                ratings=form.ratings(review),
                notes=form.notes(),
                suggestions=form.suggestions.data or "",
                submit=form.submitting,
            ),
            form,
        )
    context = {"evidence": page_evidence(review)} if _rendering(done) else {}
    return _answer(form, review, done, "reviews/self.html", **context)


def _rendering(done) -> bool:
    """Will ``_answer`` render the form (not redirect, not answer the autosave's JSON)?"""
    return not done and not request.headers.get("X-Autosave")


# The pages evidence links to, by kind: (endpoint, its id argument). A kind without a page
# here (or whose blueprint is not there) is shown without a link.
EVIDENCE_PAGES = {"idea": ("ideas.show", "idea_id")}


def evidence_url(item: evidence.Evidence) -> str | None:
    page = EVIDENCE_PAGES.get(item.kind)
    if page is None or page[0] not in current_app.view_functions:
        return None
    return url_for(page[0], **{page[1]: item.obj_id})


def page_evidence(review) -> dict:
    """What happened since the person's last review, for a review form: by framework
    competency (None: the whole review), grouped by kind. One ``collect`` per page."""
    found = evidence.collect(review)
    return {"groups": evidence.grouped(found), "url": evidence_url, "labels": EVIDENCE_KIND_LABELS}


@bp.route("/<int:review_id>/assess", methods=["GET", "POST"])
@login_required
def manager_assessment(review_id: int):
    review = load(review_id, page=True)
    amending = access.can_amend(current_user, review)
    if not (access.can_write_manager(current_user, review) or amending):
        if not access.is_manager(current_user, review):
            abort(403)
        flash(_("This review has been shared and can no longer be changed."), "info")
        return redirect(url_for("reviews.show", review_id=review.id))
    context = {
        "amending": amending,
        "rows": rating_rows(review),
        "sees_self": access.sees_self_part(current_user, review),
        "previous": previous_actions(review),
    }
    if request.method == "GET":
        form = manager_assessment_form(review, previous_items=context["previous"][1])
        context["evidence"] = page_evidence(review)
        return render_template("reviews/assess.html", form=form, review=review, **context)
    form = manager_assessment_form(review, formdata=request.form)
    done = None
    if form.validate_on_submit():
        fields = dict(
            version=form.version.data,
            ratings=form.ratings(review, with_comments=True),
            notes=form.notes(),
            actions=form.action_items(),
            summary=form.summary.data or "",
            private_note=form.private_note.data or "",
        )
        if amending:
            change = partial(assessments.amend_manager_assessment, review, current_user, **fields)
        else:
            change = partial(
                assessments.save_manager_assessment,
                review,
                current_user,
                submit=form.submitting,
                follow_ups=form.follow_ups(),
                **fields,
            )
        done = run(change, form)
    if _rendering(done):
        context["evidence"] = page_evidence(review)
    return _answer(form, review, done, "reviews/assess.html", **context)


@bp.route("/<int:review_id>/compare")
@login_required
def compare(review_id: int):
    review = load(review_id, page=True)
    if not (
        access.sees_self_part(current_user, review)
        and access.sees_manager_part(current_user, review)
    ):
        abort(403)
    if not access.can_compare(current_user, review):
        flash(_("The comparison is available once both assessments are submitted."), "info")
        return redirect(url_for("reviews.show", review_id=review.id))
    return render_template("reviews/compare.html", review=review, rows=rating_rows(review))
