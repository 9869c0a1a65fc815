"""The assessment service's own checks and what it stores, where the review page's form
usually answers first: a rating that is a value and "not applicable" at once, the field a
missing text is reported under, the order the manager's notes are kept in, and the refusal
of a change once shared (issue 9: mutants of ``services.reviews.assessments``)."""

from datetime import datetime
from functools import partial

import pytest

from extensions import db
from reviews.services import DomainError
from reviews.services.reviews import assessments
from reviews.services.reviews.assessments import ActionInput, NoteInput, RatingInput


def save_self(org, ratings, *, improvements="Shorter articles.", submit=False):
    assessments.save_self_assessment(
        org.review,
        org.mari,
        version=org.review.version,
        ratings=ratings,
        notes=[
            NoteInput("strength", "Calm with angry callers."),
            NoteInput("improvement", improvements),
        ],
        suggestions="",
        submit=submit,
    )


def errors_of(call) -> dict[str, str]:
    with pytest.raises(DomainError) as refused:
        call()
    return {key: str(message) for key, message in refused.value.errors.items()}


def test_a_rating_cannot_be_a_value_and_not_applicable_at_once(org):
    first = org.review.cycle.competencies[0]
    both = RatingInput(first.id, value=3, not_applicable=True)
    assert errors_of(lambda: save_self(org, [both])) == {
        f"rating_{first.id}": "Choose a rating or “not applicable”, not both."
    }


def test_a_self_assessment_submitted_without_improvements_says_so_under_that_field(org):
    ratings = [RatingInput(c.id, value=4) for c in org.review.cycle.competencies]
    errors = errors_of(lambda: save_self(org, ratings, improvements=" ", submit=True))
    assert errors == {"self_improvement": "Name at least one area to improve to submit."}
    assert org.review.self_submitted_at is None


def test_the_managers_notes_are_kept_in_the_order_they_were_written(org):
    review = org.review
    written = [
        NoteInput("strength", "Calm during enrolment week."),
        NoteInput("improvement", "Explain fixes without jargon."),
        NoteInput("strength", "Keeps tickets tidy."),
    ]
    assessments.save_manager_assessment(
        review,
        org.kadri,
        version=review.version,
        ratings=[],
        notes=written,
        actions=[],
        summary="",
        private_note="",
        submit=False,
    )
    db.session.commit()
    db.session.expire_all()
    assert [(n.position, n.text) for n in review.notes] == [
        (0, "Calm during enrolment week."),
        (1, "Explain fixes without jargon."),
        (2, "Keeps tickets tidy."),
    ]


def test_the_service_refuses_a_managers_change_once_shared_word_for_word(org):
    review = org.review
    review.self_submitted_at = review.manager_submitted_at = review.shared_at = datetime(
        2026, 11, 2
    )
    db.session.commit()
    save = partial(
        assessments.save_manager_assessment,
        review,
        org.kadri,
        version=review.version,
        ratings=[],
        notes=[],
        actions=[],
        summary="Changed afterwards.",
        private_note="",
        submit=False,
    )
    assert errors_of(save) == {"": "This assessment can no longer be changed."}


def test_submitting_with_a_competency_unrated_asks_for_its_rating(org):
    first, *rest = org.review.cycle.competencies
    ratings = [RatingInput(c.id, value=4) for c in rest]
    assert errors_of(partial(save_self, org, ratings, submit=True)) == {
        f"rating_{first.id}": "Rate this competency to submit."
    }


def save_actions(org, actions):
    assessments.save_manager_assessment(
        org.review,
        org.kadri,
        version=org.review.version,
        ratings=[],
        notes=[],
        actions=actions,
        summary="",
        private_note="",
        submit=False,
    )


def test_a_blank_action_row_drops_only_itself(org):
    """A cleared item (or the form's empty row) before the others: the others are kept."""
    save_actions(
        org,
        [
            ActionInput(" "),
            ActionInput("Shadow a senior colleague.", owner_id=org.mari.id),
            ActionInput("Book the course.", owner_id=org.kadri.id),
        ],
    )
    db.session.commit()
    db.session.expire_all()
    assert [(a.description, a.owner_id) for a in org.review.action_items] == [
        ("Shadow a senior colleague.", org.mari.id),
        ("Book the course.", org.kadri.id),
    ]


def test_an_action_for_someone_outside_the_review_is_refused_word_for_word(org):
    stranger = ActionInput("Cover the night shift.", owner_id=org.olev.id)
    assert errors_of(lambda: save_actions(org, [stranger])) == {
        "": "The form did not match this review. Reload the page."
    }
    assert org.review.action_items == []


def test_a_manager_submitting_without_a_summary_is_told_under_the_summary(org):
    ratings = [RatingInput(c.id, value=4) for c in org.review.cycle.competencies]
    submit = partial(
        assessments.save_manager_assessment,
        org.review,
        org.kadri,
        version=org.review.version,
        ratings=ratings,
        notes=[NoteInput("strength", "Calm during enrolment week.")],
        actions=[],
        summary="  ",
        private_note="",
        submit=True,
    )
    assert errors_of(submit) == {"summary": "Write something here to submit."}
    assert org.review.manager_submitted_at is None


def test_a_value_off_the_scale_is_refused_under_its_competency(org):
    first = org.review.cycle.competencies[0]
    off_scale = RatingInput(first.id, value=9)
    assert errors_of(lambda: save_self(org, [off_scale])) == {
        f"rating_{first.id}": "Choose a value from the scale."
    }


def test_a_competency_from_another_cycle_is_refused_word_for_word(org):
    elsewhere = RatingInput(max(c.id for c in org.review.cycle.competencies) + 100, value=3)
    assert errors_of(lambda: save_self(org, [elsewhere])) == {
        "": "The form did not match this review. Reload the page."
    }
