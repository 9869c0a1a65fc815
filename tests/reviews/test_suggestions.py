"""The closing section: each suggestion becomes an idea linked to the review, credited to the
employee; an anonymous one is linked to nothing and names nobody."""

import re

from extensions import db
from reviews.models import AuditEvent, Idea, IdeaEvent, Notification
from tests.conftest import csrf_token


def suggest(client, review, follow_redirects=False, **data):
    data.setdefault("category", "process")
    data["csrf_token"] = csrf_token(client, f"/reviews/{review.id}")
    data["review"] = str(review.id)
    return client.post("/ideas/suggestions", data=data, follow_redirects=follow_redirects)


def test_suggestion_becomes_a_credited_idea_linked_to_the_review(org, login_as):
    client = login_as(org.mari)
    response = suggest(
        client, org.review, title="Shared reply macros", description="Common answers as macros."
    )
    assert response.status_code == 302
    idea = db.session.query(Idea).one()
    assert (idea.author_id, idea.review_id, idea.team_id, idea.status) == (
        org.mari.id,
        org.review.id,
        org.desk.id,
        "submitted",
    )
    assert "Shared reply macros" in client.get(f"/reviews/{org.review.id}").get_data(as_text=True)
    managers = {n.user_id for n in db.session.query(Notification).filter_by(kind="idea_new")}
    assert managers == {org.kadri.id}


def test_anonymous_suggestion_is_linked_to_nobody(org, login_as):
    client = login_as(org.mari)
    response = suggest(
        client,
        org.review,
        title="Fairer rota",
        description="Rotate late shifts.",
        anonymous="y",
        follow_redirects=True,
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "/ideas/follow/" in html
    assert response.headers["Cache-Control"] == "no-store"  # the link page is never cached
    idea = db.session.query(Idea).one()
    assert idea.author_id is None and idea.review_id is None and idea.anonymous
    assert idea.follow_token_hash and idea.follow_token_hash not in html  # only the hash is kept
    assert all(e.actor_id is None for e in db.session.query(IdeaEvent))
    assert all(
        e.actor_id is None for e in db.session.query(AuditEvent).filter_by(object_type="ideas")
    )
    assert "Fairer rota" not in login_as(org.kadri).get(f"/reviews/{org.review.id}").get_data(
        as_text=True
    )


def test_suggestion_needs_title_and_description(org, login_as):
    client = login_as(org.mari)
    response = suggest(client, org.review, title="", description="")
    assert response.status_code == 400
    assert db.session.query(Idea).count() == 0
    html = response.get_data(as_text=True)
    assert html.count('class="error" id="title-error"') == 1
    assert 'aria-describedby="description-error"' in html
    assert '<a href="#title">Suggestion: This field is required.</a>' in html  # the summary


def test_a_refused_suggestion_keeps_what_was_typed(org, login_as):
    client = login_as(org.mari)
    typed = "A shared glossary of error codes, so answers to callers are the same."
    response = suggest(client, org.review, title="", description=typed, category="tools")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert typed in html and re.search(r'<option selected value="tools">', html)
    assert "Suggestions for the team" in html  # still the review page, not a blank error


def test_only_the_employee_adds_suggestions(org, login_as):
    client = login_as(org.kadri)
    assert suggest(client, org.review, title="T", description="D").status_code == 403
    assert db.session.query(Idea).count() == 0
