"""The idea services' own refusals, word for word and under their field, where the forms
usually answer first: a title or description too long, no team or a closed one, a status
the idea cannot move to (named as given), an impact note too long (issue 9: mutants of
``services.ideas``)."""

from functools import partial

import pytest

from reviews.services import DomainError
from reviews.services.ideas import contributions, flow

from .conftest import make_idea


def errors_of(call) -> dict[str, str]:
    with pytest.raises(DomainError) as refused:
        call()
    return {key: str(message) for key, message in refused.value.errors.items()}


def test_a_title_too_long_is_refused_under_the_title(org):
    title = "x" * (contributions.TITLE_MAX + 1)
    submit = partial(
        contributions.submit_idea, org.mari, title=title, description="Why.", category="tools"
    )
    assert errors_of(partial(submit, team=None, anonymous=False)) == {
        "title": f"Keep the title under {contributions.TITLE_MAX} characters."
    }


def test_a_description_too_long_is_refused_under_the_description(org):
    text = "x" * (contributions.DESCRIPTION_MAX + 1)
    submit = partial(
        contributions.submit_idea, org.mari, title="Macros", description=text, category="tools"
    )
    assert errors_of(partial(submit, team=None, anonymous=False)) == {
        "description": f"Keep the description under {contributions.DESCRIPTION_MAX} characters."
    }


def test_the_team_is_asked_for_under_its_field(org):
    submit = partial(
        contributions.submit_idea, title="Macros", description="Why.", category="tools"
    )
    no_team = partial(submit, org.admin, team=None, anonymous=False)  # the admin has no team
    assert errors_of(no_team) == {"team_id": "Choose the team the idea is for."}
    org.apps.active = False
    closed = partial(submit, org.mari, team=org.apps, anonymous=False)
    assert errors_of(closed) == {"team_id": "This team is no longer active; choose another."}


def test_a_status_without_a_label_is_named_as_given(org):
    idea = make_idea(org.mari)
    move = partial(flow.move_idea, idea, org.kadri, to_status="archived")
    assert errors_of(move) == {"status": "An idea in this status cannot move to “archived”."}


def test_an_impact_note_too_long_is_refused_under_its_field(org):
    idea = make_idea(org.mari, status="planned")
    note = "x" * (flow.IMPACT_MAX + 1)
    move = partial(
        flow.move_idea, idea, org.kadri, to_status="implemented", response="Done.", impact_note=note
    )
    assert errors_of(move) == {
        "impact_note": f"Keep the impact note under {flow.IMPACT_MAX} characters."
    }


def test_implemented_without_an_impact_note_is_refused_under_its_field(org):
    idea = make_idea(org.mari, status="planned")
    move = partial(flow.move_idea, idea, org.kadri, to_status="implemented", response="Done.")
    assert errors_of(move) == {"impact_note": "Describe what changed thanks to this idea."}


def test_an_empty_description_is_asked_for_under_its_field(org):
    submit = partial(
        contributions.submit_idea, org.mari, title="Macros", description="  ", category="tools"
    )
    assert errors_of(partial(submit, team=None, anonymous=False)) == {
        "description": "Describe the idea."
    }


def test_a_response_too_long_is_refused_under_its_field(org):
    idea = make_idea(org.mari)
    response = "x" * (flow.RESPONSE_MAX + 1)
    move = partial(flow.move_idea, idea, org.kadri, response=response)
    assert errors_of(move) == {
        "response": f"Keep the response under {flow.RESPONSE_MAX} characters."
    }


def test_an_empty_comment_is_asked_for_under_its_field(org):
    comment = partial(contributions.add_comment, make_idea(org.mari), org.kadri, "   ")
    assert errors_of(comment) == {"body": "Write a comment first."}


def test_a_comment_too_long_is_refused_under_its_field(org):
    body = "x" * (contributions.COMMENT_MAX + 1)
    comment = partial(contributions.add_comment, make_idea(org.mari), org.kadri, body)
    assert errors_of(comment) == {
        "body": f"Keep the comment under {contributions.COMMENT_MAX} characters."
    }


def test_an_empty_title_is_asked_for_under_its_field(org):
    submit = partial(
        contributions.submit_idea, org.mari, title=" ", description="Why.", category="tools"
    )
    assert errors_of(partial(submit, team=None, anonymous=False)) == {
        "title": "Give the idea a title."
    }
