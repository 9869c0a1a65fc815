"""The anonymous author's private follow page: the idea, its history and responses, and
comments stored without any person."""

from extensions import db
from reviews.models import IdeaComment

from .conftest import idea_page, make_idea, move


def test_the_follow_page_shows_the_idea_its_history_and_responses(org, login_as, post):
    idea = make_idea(org.mari, "Fairer rota", anonymous=True)
    login_as(org.kadri)
    move(post, idea, "under_review", "We will try it in March.")
    client = login_as(org.jaan)  # any signed-in person holding the link
    response = client.get(f"/ideas/follow/{idea.token}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Fairer rota" in html and "We will try it in March." in html
    assert "Moved to Under review" in html and "Kadri Kask" in html
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["Cache-Control"] == "no-store"


def test_the_anonymous_author_comments_as_author(org, login_as, post):
    idea = make_idea(org.mari, "Fairer rota", anonymous=True)
    login_as(org.mari)
    url = f"/ideas/follow/{idea.token}"
    response = post(url + "/comments", {"body": "It would help the night shift."}, form_url=url)
    assert response.status_code == 302
    comment = db.session.query(IdeaComment).one()
    assert comment.author_id is None and comment.by_anonymous_author
    html = login_as(org.kadri).get(idea_page(idea)).get_data(as_text=True)
    assert "Author (anonymous)" in html and "It would help the night shift." in html
    assert "Mari Tamm" not in html


def test_an_empty_comment_is_refused_on_the_follow_page(org, login_as, post):
    idea = make_idea(org.mari, anonymous=True)
    login_as(org.mari)
    url = f"/ideas/follow/{idea.token}"
    response = post(url + "/comments", {"body": "  "}, form_url=url)
    assert response.status_code == 400 and "Write a comment first." in response.get_data(
        as_text=True
    )
    assert db.session.query(IdeaComment).count() == 0


def test_a_wrong_or_credited_token_finds_nothing(org, login_as):
    make_idea(org.mari, anonymous=True)
    credited = make_idea(org.mari)
    client = login_as(org.jaan)
    assert client.get("/ideas/follow/abc").status_code == 404
    assert credited.token is None


def test_comments_under_ones_name(org, login_as, post):
    idea = make_idea(org.mari)
    login_as(org.jaan)
    post(f"/ideas/{idea.id}/comments", {"body": "Count me in."}, form_url=idea_page(idea))
    comment = db.session.query(IdeaComment).one()
    assert comment.author_id == org.jaan.id and not comment.by_anonymous_author
    too_long = post(f"/ideas/{idea.id}/comments", {"body": "x" * 2001}, form_url=idea_page(idea))
    assert too_long.status_code == 400 and "Keep this under 2000 characters." in too_long.get_data(
        as_text=True
    )
