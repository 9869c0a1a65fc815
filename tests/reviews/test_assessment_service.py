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
from reviews.services.reviews.assessments import NoteInput, RatingInput


def save_self(org, ratings, *, improvements="Shorter articles.", submit=False):
    assessments.save_self_assessment(
        org.review,
        org.mari,
        version=org.review.version,
        ratings=ratings,
        strengths="Calm with angry callers.",
        improvements=improvements,
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
    assert errors == {"improvements": "Write something here to submit."}
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
