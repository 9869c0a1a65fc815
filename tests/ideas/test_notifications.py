"""Inbox notifications: the team's managers hear of new ideas; a credited author hears of
status changes, responses and comments; an anonymous author is never notified (they follow
the idea through their link), and their comments reach the managers without a name."""

from extensions import db
from reviews.models import Notification
from reviews.services.notifications import inbox as notify

from .conftest import idea_page, make_idea, move


def inbox(person) -> list[tuple[str, str]]:
    notes = db.session.query(Notification).filter_by(user_id=person.id).order_by(Notification.id)
    return [(n.kind, notify.render(n)) for n in notes]


def comment(post, idea, body):
    return post(f"/ideas/{idea.id}/comments", {"body": body}, form_url=idea_page(idea))


def test_managers_hear_of_a_new_idea(org, login_as, post):
    login_as(org.mari)
    data = {"title": "Rota", "description": "Fairer", "category": "process"}
    post("/ideas/new", dict(data, team_id=str(org.desk.id)))
    post("/ideas/new", dict(data, title="For apps", team_id=str(org.apps.id)))
    assert inbox(org.kadri) == [("idea_new", "New idea for Service Desk: “Rota”.")]
    assert inbox(org.olev) == [("idea_new", "New idea for Application Support: “For apps”.")]
    assert inbox(org.mari) == []


def test_the_author_hears_of_moves_responses_and_comments(org, login_as, post):
    idea = make_idea(org.mari, "Macros")
    login_as(org.kadri)
    move(post, idea, "under_review", "Looking at it")
    move(post, idea, "", "Which tool?")
    login_as(org.jaan)
    assert comment(post, idea, "Great idea!").status_code == 302
    login_as(org.mari)
    comment(post, idea, "Thanks!")  # the author's own comment: no note to herself
    assert inbox(org.mari) == [
        ("idea_status_changed", "Your idea “Macros” is now under review."),
        ("idea_response", "Kadri Kask responded to your idea “Macros”."),
        ("idea_comment", "Jaan Sepp commented on your idea “Macros”."),
    ]
    assert ("idea_author_comment", "The author of “Macros” added a comment.") in inbox(org.kadri)
    link = db.session.query(Notification).filter_by(user_id=org.mari.id).first().url
    assert link == idea_page(idea)


def test_an_anonymous_author_is_never_notified(org, login_as, post):
    idea = make_idea(org.mari, "Anonymous one", anonymous=True)
    login_as(org.kadri)
    move(post, idea, "under_review", "Looking at it")
    login_as(org.jaan)
    comment(post, idea, "Agree")
    assert inbox(org.mari) == []


def test_an_anonymous_authors_comment_reaches_the_managers_nameless(org, login_as, post):
    idea = make_idea(org.mari, "Anonymous one", anonymous=True)
    client = login_as(org.mari)
    url = f"/ideas/follow/{idea.token}"
    response = post(url + "/comments", {"body": "More detail"}, form_url=url)
    assert response.status_code == 302
    notes = inbox(org.kadri)
    assert notes[-1] == ("idea_author_comment", "The author of “Anonymous one” added a comment.")
    assert "Mari" not in str(db.session.query(Notification).all()[-1].params)
    assert client.get(url).status_code == 200


def test_a_comment_on_an_idea_links_its_author_to_the_idea(org, login_as, post):
    idea = make_idea(org.mari, "Macros")
    login_as(org.jaan)
    assert comment(post, idea, "Great idea!").status_code == 302
    [note] = db.session.query(Notification).filter_by(user_id=org.mari.id, kind="idea_comment")
    assert note.url == idea_page(idea)
