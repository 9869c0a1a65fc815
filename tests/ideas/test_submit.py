"""Submitting an idea: the form, its limits and messages, the default team, and the
anonymous submission with its private link shown once."""

import pytest

from extensions import db
from reviews.models import Idea, IdeaEvent
from reviews.services.ideas.contributions import hash_token

GOOD = {
    "title": "Shared reply macros",
    "description": "Keep answers as macros.",
    "category": "tools",
}


def submit(post, **data):
    return post("/ideas/new", {**GOOD, **data})


def test_the_form_offers_active_teams_with_ones_own_chosen(org, login_as):
    from tests import factories

    factories.team("Retired team").active = False
    db.session.commit()
    html = login_as(org.peeter).get("/ideas/new").get_data(as_text=True)
    assert f'<option selected value="{org.apps.id}">Application Support</option>' in html
    assert "Service Desk" in html and "Retired team" not in html


def test_a_credited_idea(org, login_as, post):
    login_as(org.mari)
    response = submit(post, team_id=str(org.apps.id))
    idea = db.session.query(Idea).one()
    assert response.headers["Location"].endswith(f"/ideas/{idea.id}")
    assert (idea.title, idea.team_id, idea.author_id, idea.anonymous, idea.status) == (
        "Shared reply macros",
        org.apps.id,
        org.mari.id,
        False,
        "submitted",
    )


@pytest.mark.parametrize(
    "data,message",
    [
        ({"title": ""}, "Give the idea a title."),
        ({"title": "   "}, "Give the idea a title."),
        ({"title": "x" * 151}, "Keep this under 150 characters."),
        ({"description": ""}, "Describe the idea."),
        ({"description": "x" * 5001}, "Keep this under 5000 characters."),
        ({"category": "cheese"}, "Not a valid choice."),
        ({"team_id": "999999"}, "Not a valid choice."),
        ({"team_id": "abc"}, "Choose the team the idea is for."),
        ({"team_id": ""}, "Choose the team the idea is for."),
    ],
)
def test_bad_input_is_explained_and_nothing_saved(org, login_as, post, data, message):
    login_as(org.mari)
    data.setdefault("team_id", str(org.desk.id))
    response = submit(post, **data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert db.session.query(Idea).count() == 0


def test_the_typed_text_stays_on_a_refused_form(org, login_as, post):
    login_as(org.mari)
    html = submit(post, title="", description="My long careful text").get_data(as_text=True)
    assert "My long careful text" in html


def test_an_anonymous_idea_shows_its_private_link_once(org, login_as, post):
    client = login_as(org.mari)
    response = submit(post, anonymous="y", team_id=str(org.desk.id))
    assert response.headers["Location"].endswith("/ideas/submitted")
    page = client.get("/ideas/submitted")
    html = page.get_data(as_text=True)
    assert page.headers["Cache-Control"] == "no-store"
    token = html.split("/ideas/follow/")[1].split("<")[0].split('"')[0]
    idea = db.session.query(Idea).one()
    assert idea.author_id is None and idea.anonymous and idea.review_id is None
    assert idea.follow_token_hash == hash_token(token) and token not in idea.follow_token_hash
    assert db.session.query(IdeaEvent).one().actor_id is None
    # Shown once: a second visit finds nothing to show.
    again = client.get("/ideas/submitted")
    assert again.status_code == 302 and again.headers["Location"].endswith("/ideas/mine")
    # The follow link works and "My ideas" lists it in this browser.
    assert client.get(f"/ideas/follow/{token}").status_code == 200
    assert "Shared reply macros" in client.get("/ideas/mine").get_data(as_text=True)
