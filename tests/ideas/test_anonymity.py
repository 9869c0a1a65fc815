"""Anonymous means anonymous. A person with an unmistakable name submits two anonymous ideas
(one from the ideas page, one from their review), comments through the private link and
follows them; then no page, download or table reveals them to managers, leadership or
admins."""

import json
import logging
import re

import pytest
from sqlalchemy import select

from extensions import db
from reviews.models import AuditEvent, Idea, IdeaComment, IdeaEvent, IdeaSupport, Notification
from tests import factories

from .conftest import idea_page, move, open_cycle, review_of

NAME, EMAIL = "Zebedee Quillfeather", "zebedee.quillfeather@example.com"
SECRETS = ("Zebedee", "Quillfeather", "zebedee.quillfeather")
TITLES = ("Quiet room for calls", "Rotate chat duty")


def token_of(html: str) -> str:
    return re.search(r"/ideas/follow/([A-Za-z0-9_-]+)", html).group(1)


@pytest.fixture
def scene(org, login_as, post, caplog):
    caplog.set_level(logging.DEBUG)
    zeb = factories.user("staff", name=NAME, email=EMAIL, team=org.desk, manager=org.kadri)
    cycle = open_cycle()
    review = review_of(cycle, zeb)
    client = login_as(zeb)
    data = {"description": "Somewhere to take difficult calls.", "category": "process"}
    post("/ideas/new", dict(data, title=TITLES[0], team_id=str(org.desk.id), anonymous="y"))
    first = token_of(client.get("/ideas/submitted").get_data(as_text=True))
    suggestion = dict(data, title=TITLES[1], anonymous="y", review=str(review.id))
    post("/ideas/suggestions", suggestion, form_url=f"/reviews/{review.id}")
    second = token_of(client.get("/ideas/submitted").get_data(as_text=True))
    for token in (first, second):
        follow = f"/ideas/follow/{token}"
        post(follow + "/comments", {"body": "Happy to explain more."}, form_url=follow)
    client.get("/ideas/mine")
    ideas = db.session.scalars(select(Idea).where(Idea.title.in_(TITLES))).all()
    assert len(ideas) == 2
    # The team works on them: moves, responses, comments, support, and recognition.
    quiet = next(i for i in ideas if i.title == TITLES[0])
    login_as(org.kadri)
    for status in ("under_review", "planned"):
        move(post, quiet, status, "Good thinking.")
    move(post, quiet, "implemented", "Built.", impact_note="Calmer calls.")
    login_as(org.jaan)
    for idea in ideas:
        post(f"/ideas/{idea.id}/support", form_url=idea_page(idea))
        post(f"/ideas/{idea.id}/comments", {"body": "Yes!"}, form_url=idea_page(idea))
    return {"zeb": zeb, "ideas": ideas, "review": review, "caplog": caplog}


def pages(ideas) -> list[str]:
    urls = [
        "/ideas/",
        "/ideas/?q=quiet",
        "/ideas/?sort=supported",
        "/ideas/?sort=waiting&status=open",
        "/ideas/?category=process",
        "/ideas/mine",
        "/ideas/triage",
        "/ideas/implemented",
        "/ideas/export.csv",
        "/ideas/export.csv?q=chat",
    ]
    return urls + [idea_page(i) for i in ideas]


def assert_nameless(text: str, where: str) -> None:
    for secret in SECRETS:
        assert secret.lower() not in text.lower(), f"{secret} revealed on {where}"


@pytest.mark.parametrize("who", ["kadri", "leader", "admin"])
def test_no_page_or_download_reveals_the_author(org, scene, login_as, who):
    client = login_as(getattr(org, who))
    seen = {}
    for url in pages(scene["ideas"]):
        response = client.get(url)
        assert response.status_code == 200, url
        seen[url] = response.get_data(as_text=True)
        assert_nameless(seen[url], url)
    # The pages do show the ideas (an empty page would prove nothing).
    assert all(title in seen["/ideas/"] for title in TITLES)
    assert TITLES[1] in seen["/ideas/triage"] and TITLES[0] in seen["/ideas/implemented"]
    assert all(title in seen["/ideas/export.csv"] for title in TITLES)
    assert "Author (anonymous)" in seen[idea_page(scene["ideas"][0])]
    review_page = client.get(f"/reviews/{scene['review'].id}").get_data(as_text=True)
    for title in TITLES:  # the review is theirs, but the ideas are not linked to it
        assert title not in review_page
    inbox = client.get("/inbox/").get_data(as_text=True)
    for item in re.findall(r"<li.*?</li>", inbox, re.S):
        if any(title in item for title in TITLES):
            assert_nameless(item, "inbox")


def test_the_team_managers_inbox_names_nobody(org, scene, login_as):
    from datetime import timedelta

    from reviews.models import utcnow
    from reviews.services.ideas.contributions import announce_anonymous_ideas

    announce_anonymous_ideas(utcnow() + timedelta(days=1))  # the next day's batch
    db.session.commit()
    notes = db.session.scalars(select(Notification).where(Notification.user_id == org.kadri.id))
    about = [n for n in notes if any(t in json.dumps(n.params) for t in TITLES)]
    assert {n.kind for n in about} == {"idea_new", "idea_author_comment"}
    for note in about:
        assert_nameless(json.dumps(note.params, ensure_ascii=False), "notification")


def test_the_audit_log_names_nobody(org, scene, login_as):
    client = login_as(org.admin)
    assert_nameless(client.get("/admin/audit?object_type=ideas").get_data(as_text=True), "audit")
    # The full log shows the person signing in, never next to an idea.
    html = client.get("/admin/audit").get_data(as_text=True)
    for row in re.findall(r"<tr>.*?</tr>", html, re.S):
        if "Idea" in row:
            assert_nameless(row, "audit row")


def test_no_table_links_the_person_to_the_ideas(scene):
    zeb, ids = scene["zeb"], [i.id for i in scene["ideas"]]
    for idea in scene["ideas"]:
        assert (idea.author_id, idea.review_id, idea.anonymous) == (None, None, True)
    tables = {
        IdeaEvent: (IdeaEvent.idea_id, IdeaEvent.actor_id),
        IdeaComment: (IdeaComment.idea_id, IdeaComment.author_id),
        IdeaSupport: (IdeaSupport.idea_id, IdeaSupport.user_id),
    }
    for model, (idea_column, person_column) in tables.items():
        query = select(person_column).where(idea_column.in_(ids))
        assert zeb.id not in set(db.session.scalars(query)), model.__tablename__
    anonymous_comments = db.session.scalars(
        select(IdeaComment).where(IdeaComment.by_anonymous_author.is_(True))
    ).all()
    assert len(anonymous_comments) == 2 and all(c.author_id is None for c in anonymous_comments)
    audit = db.session.scalars(
        select(AuditEvent).where(AuditEvent.object_type == "ideas", AuditEvent.object_id.in_(ids))
    ).all()
    assert audit and all(e.actor_id != zeb.id for e in audit)
    for event in audit:
        assert_nameless(json.dumps([event.before, event.after]), "audit_events")
        assert str(zeb.id) not in json.dumps([event.before, event.after])
    own = db.session.scalars(select(Notification).where(Notification.user_id == zeb.id)).all()
    assert not [n for n in own if any(f"/ideas/{i}" == n.url for i in ids)]
    for note in db.session.scalars(select(Notification)):
        if any(f"/ideas/{i}" == note.url for i in ids):
            assert_nameless(json.dumps(note.params, ensure_ascii=False), "notifications")


def test_the_logs_name_nobody_near_an_idea(scene):
    for record in scene["caplog"].records:
        message = record.getMessage()
        if "idea" in message.lower():
            assert_nameless(message, "log")


def test_the_anonymous_authors_own_steps_show_the_day_not_the_minute(org, scene, login_as):
    html = login_as(org.kadri).get(idea_page(scene["ideas"][1])).get_data(as_text=True)
    anonymous = re.search(r"Anonymous · .*?</time>", html, re.S).group(0)
    assert "AM" not in anonymous and "PM" not in anonymous
    comment = re.search(r"Author \(anonymous\)</strong>.*?</span>", html, re.S).group(0)
    assert "AM" not in comment and "PM" not in comment


# --- time and order (issue 10, point 7) ----------------------------------------------------------


def test_an_anonymous_idea_keeps_only_its_day(org, login_as, post):
    from reviews.models import AuditEvent, IdeaEvent

    client = login_as(org.mari)
    post("/ideas/new", {"title": "Quiet hours", "description": "d", "category": "process",
                        "team_id": str(org.desk.id), "anonymous": "y"})  # fmt: skip
    idea = db.session.scalars(select(Idea).where(Idea.title == "Quiet hours")).one()
    midnight = idea.created_at.replace(hour=0, minute=0, second=0, microsecond=0)
    event = db.session.scalars(select(IdeaEvent).where(IdeaEvent.idea_id == idea.id)).one()
    audit = db.session.scalars(
        select(AuditEvent).where(
            AuditEvent.action == "idea_submitted", AuditEvent.object_id == idea.id
        )
    ).one()
    assert idea.created_at == idea.updated_at == event.created_at == audit.created_at == midnight
    assert audit.actor_id is None and idea.author_id is None
    assert client.get("/ideas/submitted").status_code == 200  # where the browser goes next
    db.session.expire_all()
    assert db.session.get(Idea, idea.id).updated_at == midnight  # the link's reissue kept it


def test_managers_hear_of_anonymous_ideas_the_next_day_all_at_once(org, login_as, post):
    from datetime import timedelta

    from reviews.models import Notification, utcnow
    from reviews.services.ideas.contributions import announce_anonymous_ideas

    login_as(org.mari)
    for title, anonymous in (("Zebra queue", "y"), ("Named one", ""), ("Apple macros", "y")):
        post("/ideas/new", {"title": title, "description": "d", "category": "process",
                            "team_id": str(org.desk.id), "anonymous": anonymous})  # fmt: skip
    told = lambda: [  # noqa: E731
        n.params["title"]
        for n in db.session.scalars(
            select(Notification)
            .where(Notification.user_id == org.kadri.id, Notification.kind == "idea_new")
            .order_by(Notification.id)
        )
    ]
    assert told() == ["Named one"]  # the named idea at once; the anonymous ones not yet
    assert announce_anonymous_ideas(utcnow()) == 0  # still the same day
    tomorrow = utcnow() + timedelta(days=1)
    assert announce_anonymous_ideas(tomorrow) == 2
    db.session.commit()
    assert told() == ["Named one", "Apple macros", "Zebra queue"]  # by title, not by time
    assert announce_anonymous_ideas(tomorrow) == 0  # never twice


def test_the_review_page_posts_suggestions_to_the_ideas_address(org, review, login_as):
    page = login_as(org.mari).get(f"/reviews/{review.id}").get_data(as_text=True)
    form = page.split('class="suggestion-form"')[0].rsplit("<form", 1)[1]
    assert 'action="/ideas/suggestions"' in form and f"/reviews/{review.id}" not in form


def test_a_review_number_beyond_any_column_is_not_found(org, login_as, post):
    login_as(org.mari)
    data = {"review": str(2**40), "title": "t", "description": "d", "category": "tools"}
    assert post("/ideas/suggestions", data, form_url="/ideas/new").status_code == 404
