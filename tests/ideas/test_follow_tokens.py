"""The follow tokens an anonymous author keeps: encrypted in the session cookie (which is
signed, not secret, and holds who is signed in), bound to that person, and the private link
shown once even to a replayed copy of the cookie."""

import base64
import re
import zlib

from extensions import db
from reviews.models import Idea
from reviews.services.ideas.contributions import hash_token, reissue_follow_token
from reviews.views.ideas.follow import FOLLOWED, KEEP

from .conftest import make_idea

NEW = {
    "title": "Quiet room for calls",
    "description": "Somewhere to take difficult calls.",
    "category": "process",
    "anonymous": "y",
}


def readable(cookie: str) -> str:
    """What anyone holding the session cookie reads without the SECRET_KEY."""
    payload = cookie.split(".")[1] if cookie.startswith(".") else cookie.split(".")[0]
    data = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    return (zlib.decompress(data) if cookie.startswith(".") else data).decode()


def submit_anonymously(client, post, team) -> None:
    response = post("/ideas/new", dict(NEW, team_id=str(team.id)))
    assert response.headers["Location"].endswith("/ideas/submitted")


def shown_token(response) -> str:
    return re.search(r"/ideas/follow/([A-Za-z0-9_-]+)", response.get_data(as_text=True)).group(1)


def test_the_cookie_never_shows_a_follow_token(org, login_as, post, client):
    login_as(org.mari)
    submit_anonymously(client, post, org.desk)
    pending = readable(client.get_cookie("session").value)  # the new token, waiting
    submitted_hash = db.session.query(Idea).one().follow_token_hash
    assert not any(hash_token(t) == submitted_hash for t in re.findall(r"[\w-]{32}", pending))
    token = shown_token(client.get("/ideas/submitted"))
    client.get(f"/ideas/follow/{token}")
    after = readable(client.get_cookie("session").value)
    idea = db.session.query(Idea).one()
    assert FOLLOWED in after  # the list is there, as an opaque value
    for text in (pending, after):
        assert not re.search(r'"followed_ideas":\s*\[', text)  # not a readable list
        assert '"followed_ideas_owner"' not in text
    assert token not in pending + after
    assert hash_token(token) == idea.follow_token_hash


def test_my_ideas_lists_the_followed_idea_for_its_author_only(org, login_as, post, client):
    login_as(org.mari)
    submit_anonymously(client, post, org.desk)
    client.get("/ideas/submitted")
    assert "Quiet room for calls" in client.get("/ideas/mine").get_data(as_text=True)
    with client.session_transaction() as session:
        sealed = session[FOLLOWED]
    login_as(org.jaan)  # the next person on this browser, even handed the same value
    with client.session_transaction() as session:
        session[FOLLOWED] = sealed
    assert "Quiet room for calls" not in client.get("/ideas/mine").get_data(as_text=True)


def test_a_tampered_or_foreign_value_is_ignored(org, login_as, client):
    login_as(org.mari)
    for junk in ("not a token", ["a-plain-token"], 42):
        with client.session_transaction() as session:
            session[FOLLOWED] = junk
        assert client.get("/ideas/mine").status_code == 200


def test_the_link_is_shown_once_even_to_a_replayed_cookie(app, org, login_as, post, client):
    login_as(org.mari)
    submit_anonymously(client, post, org.desk)
    replay = app.test_client()
    replay.set_cookie("session", client.get_cookie("session").value)
    token = shown_token(client.get("/ideas/submitted"))
    again = replay.get("/ideas/submitted")
    assert again.status_code == 302 and again.headers["Location"].endswith("/ideas/mine")
    assert "/ideas/follow/" not in replay.get("/ideas/mine").get_data(as_text=True)
    assert client.get(f"/ideas/follow/{token}").status_code == 200
    assert "Quiet room for calls" in client.get("/ideas/mine").get_data(as_text=True)


def test_a_token_is_reissued_once_only(org):
    idea = make_idea(org.mari, anonymous=True)
    new = reissue_follow_token(idea.token)
    db.session.commit()
    assert new and new != idea.token
    assert reissue_follow_token(idea.token) is None
    db.session.refresh(idea)
    assert idea.follow_token_hash == hash_token(new)


def test_thirty_followed_ideas_fit_in_the_cookie(org, login_as, client):
    login_as(org.mari)
    ideas = [make_idea(org.jaan, f"Idea {n}", anonymous=True) for n in range(KEEP + 2)]
    for idea in ideas:
        assert client.get(f"/ideas/follow/{idea.token}").status_code == 200
    assert len(client.get_cookie("session").value) < 4000
    html = client.get("/ideas/mine").get_data(as_text=True)
    assert "Idea 31<" in html and "Idea 2<" in html  # the newest 30 are kept
    assert "Idea 1<" not in html and "Idea 0<" not in html
