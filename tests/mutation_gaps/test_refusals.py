"""The services' own refusals under their field and word for word, where the forms usually
answer first (the fourth mutation run, issue 9: ``flow.reassign`` 22,
``framework.save_competency`` 12, ``ideas.flow.merge_target`` 6, ``contributions._check_comment``
3)."""

from functools import partial

import pytest
from sqlalchemy import select

from extensions import db
from reviews.models import IdeaComment
from reviews.services import DomainError
from reviews.services.ideas import contributions
from reviews.services.ideas import flow as idea_flow
from reviews.services.reviews import flow as review_flow
from reviews.services.reviews import framework


def errors_of(call) -> dict[str, str]:
    with pytest.raises(DomainError) as refused:
        call()
    return {key: str(message) for key, message in refused.value.errors.items()}


def test_a_review_cannot_go_to_a_deactivated_manager(org_in_cycle):
    org = org_in_cycle
    review = org.reviews["mari"]
    org.olev.active = False
    db.session.commit()
    reassign = partial(review_flow.reassign, review, org.admin, org.olev)
    assert errors_of(reassign) == {"manager_id": "The manager has been deactivated."}
    assert review.manager_id == org.kadri.id


def test_a_competency_without_a_name_is_refused_under_the_name(app):
    save = partial(
        framework.save_competency,
        None,
        None,
        name="  ",
        description="Understands how the customer feels.",
        behaviour_examples="",
        weight=1.0,
        position=1,
    )
    assert errors_of(save) == {"name": "This field is required."}


def test_a_merge_without_a_target_asks_for_its_number_word_for_word(org):
    idea = contributions.submit_idea(
        org.mari,
        title="Shared reply macros",
        description="Common answers kept as macros.",
        category="process",
        team=None,
        anonymous=False,
    ).idea
    assert errors_of(partial(idea_flow.merge_target, idea, None)) == {
        "merge_into": "Give the number of the idea this one duplicates."
    }


def test_an_empty_comment_is_refused_not_posted(org):
    """``contributions._check_comment`` 3: an empty body became the comment "XXXX"."""
    idea = contributions.submit_idea(
        org.mari,
        title="Shared reply macros",
        description="Common answers kept as macros.",
        category="process",
        team=None,
        anonymous=False,
    ).idea
    comment = partial(contributions.add_comment, idea, org.kadri, "")
    assert errors_of(comment) == {"body": "Write a comment first."}
    db.session.rollback()
    assert db.session.scalars(select(IdeaComment)).all() == []
