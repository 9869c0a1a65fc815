"""Who may move an idea (the managers of its team, leadership, admins), who may triage and
export, and tampered ids: refused cleanly, with nothing changed."""

import pytest

from extensions import db
from reviews.models import IdeaEvent, Notification

from .conftest import idea_page, make_idea, move, reload

MOVES = [
    ("under_review", {}),
    ("declined", {}),
    ("merged", {"target": True}),
    ("", {}),  # a response without a move
]


def _move_data(org, status, options):
    extra = {}
    if options.get("target"):
        extra["merge_into"] = str(make_idea(org.jaan, "Duplicate target").id)
    return extra


@pytest.mark.parametrize("status,options", MOVES)
@pytest.mark.parametrize("who", ["mari", "jaan", "olev", "peeter"])
def test_staff_and_other_managers_cannot_move(org, login_as, post, who, status, options):
    idea = make_idea(org.mari, team=org.desk)
    extra = _move_data(org, status, options)
    events, notes = db.session.query(IdeaEvent).count(), db.session.query(Notification).count()
    login_as(getattr(org, who))
    response = move(post, idea, status, "Trying anyway", **extra)
    assert response.status_code == 403
    idea = reload(idea)
    assert (idea.status, idea.first_response_at, idea.merged_into_id) == ("submitted", None, None)
    assert db.session.query(IdeaEvent).count() == events
    assert db.session.query(Notification).count() == notes


@pytest.mark.parametrize("who", ["kadri", "leader", "admin"])
@pytest.mark.parametrize(
    "start,status,extra",
    [
        ("submitted", "under_review", {}),
        ("under_review", "planned", {}),
        ("planned", "implemented", {"impact_note": "Queue down by a fifth."}),
        ("under_review", "declined", {}),
    ],
)
def test_team_manager_leadership_and_admin_move(org, login_as, post, who, start, status, extra):
    idea = make_idea(org.mari, status=start)
    login_as(getattr(org, who))
    assert move(post, idea, status, "Decided.", **extra).status_code == 302
    assert reload(idea).status == status
    assert reload(idea).events[-1].actor_id == getattr(org, who).id


def test_only_movers_see_the_move_form(org, login_as):
    idea = make_idea(org.mari)
    for person, sees in ((org.mari, False), (org.olev, False), (org.kadri, True)):
        html = login_as(person).get(idea_page(idea)).get_data(as_text=True)
        assert ("Respond and move on" in html) is sees


@pytest.mark.parametrize("who,status", [("mari", 403), ("peeter", 403), ("kadri", 200)])
def test_triage_and_export_need_a_team_or_leadership(org, login_as, who, status):
    client = login_as(getattr(org, who))
    assert client.get("/ideas/triage").status_code == status
    assert client.get("/ideas/export.csv").status_code == status


@pytest.mark.parametrize(
    "method,url",
    [
        ("get", "/ideas/999999"),
        ("post", "/ideas/999999/support"),
        ("post", "/ideas/999999/withdraw"),
        ("post", "/ideas/999999/comments"),
        ("post", "/ideas/999999/move"),
        ("get", "/ideas/follow/not-a-token"),
        ("post", "/ideas/follow/not-a-token/comments"),
        ("get", "/ideas/abc"),
    ],
)
def test_tampered_ids_are_not_found(org, login_as, post, method, url):
    client = login_as(org.kadri)
    make_idea(org.mari)
    if method == "get":
        assert client.get(url).status_code == 404
    else:
        assert post(url, {"body": "x"}, form_url="/ideas/new").status_code == 404


def test_pages_need_sign_in(org):
    from flask import current_app

    client = current_app.test_client()
    idea = make_idea(org.mari, anonymous=True)
    for url in (
        "/ideas/",
        "/ideas/mine",
        "/ideas/new",
        idea_page(idea),
        "/ideas/triage",
        "/ideas/implemented",
        "/ideas/export.csv",
        f"/ideas/follow/{idea.token}",
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_post_without_csrf_token_changes_nothing(org, login_as):
    idea = make_idea(org.mari)
    client = login_as(org.kadri)
    response = client.post(f"/ideas/{idea.id}/move", data={"status": "under_review"})
    assert response.status_code == 400
    assert reload(idea).status == "submitted"
    assert client.post(f"/ideas/{idea.id}/support", data={}).status_code == 400
