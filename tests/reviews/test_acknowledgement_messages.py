"""The acknowledgement and the reopening of a review, word for word (issue 9: mutants of
``services.reviews.flow`` that left the page's checks and the kind of notice unchanged): the
service's own refusals, and the manager's notice naming the person and the cycle."""

from datetime import datetime

import pytest

from extensions import db
from reviews.models import Notification
from reviews.services import DomainError
from reviews.services.notifications.inbox import render
from reviews.services.reviews import flow as review_flow

NOW = datetime(2026, 11, 2, 9, 0)


def refusal(call) -> str:
    with pytest.raises(DomainError) as refused:
        call()
    return str(refused.value)


def shared(review):
    review.self_submitted_at = review.manager_submitted_at = review.shared_at = NOW
    db.session.commit()
    return review


def test_the_service_refuses_to_reopen_a_review_still_being_written_word_for_word(org):
    org.review.self_submitted_at = NOW
    db.session.commit()
    message = refusal(lambda: review_flow.reopen(org.review, org.admin))
    assert message == ": This review is still being written; there is nothing to reopen."


def test_the_service_refuses_a_disagreement_without_a_comment_word_for_word(org):
    review = shared(org.review)
    message = refusal(
        lambda: review_flow.acknowledge(review, org.mari, comment="  ", disagrees=True)
    )
    assert message == "comment: Say what you disagree with, so it can be discussed."
    assert review.acknowledged_at is None


@pytest.mark.parametrize(
    ("disagrees", "sentence"),
    [
        (False, "Mari Tamm has acknowledged their 2026 Q4 review."),
        (True, "Mari Tamm acknowledged their 2026 Q4 review and recorded disagreement."),
    ],
)
def test_the_manager_is_told_who_acknowledged_which_review(org, disagrees, sentence):
    review = shared(org.review)
    review_flow.acknowledge(review, org.mari, comment="Read.", disagrees=disagrees)
    db.session.commit()
    [note] = db.session.query(Notification).filter(
        Notification.user_id == org.kadri.id,
        Notification.kind.in_(["review_acknowledged", "review_disagreed"]),
    )
    assert render(note) == sentence
    assert note.url == f"/reviews/{review.id}"
