"""The workflow end to end: submitted → under review → planned → implemented, responses,
the decline reason, transitions that are not allowed, and a move made meanwhile."""

from extensions import db
from reviews.models import AuditEvent, IdeaEvent, Notification

from .conftest import idea_page, make_idea, move, reload


def test_full_workflow_from_submission_to_implemented(org, login_as, post):
    mari = login_as(org.mari)
    response = post(
        "/ideas/new",
        {
            "title": "Shared reply macros",
            "description": "Keep common answers as macros.",
            "category": "tools",
            "team_id": str(org.desk.id),
        },
    )
    assert response.status_code == 302
    idea_id = int(response.headers["Location"].rsplit("/", 1)[1])
    assert "Shared reply macros" in mari.get(f"/ideas/{idea_id}").get_data(as_text=True)

    login_as(org.kadri)
    from reviews.models import Idea

    idea = db.session.get(Idea, idea_id)
    steps = [
        ("under_review", "Looking into it with the tools team."),
        ("planned", "Planned for January."),
        ("implemented", "Live since Monday."),
    ]
    for status, text in steps:
        extra = {"impact_note": "Replies 30% faster."} if status == "implemented" else {}
        assert (
            move(post, idea, status, text, current=reload(idea).status, **extra).status_code == 302
        )

    idea = reload(idea)
    assert idea.status == "implemented"
    assert idea.impact_note == "Replies 30% faster."
    assert idea.first_response_at is not None and idea.decided_at is not None
    assert idea.first_response_at <= idea.decided_at
    events = [(e.from_status, e.to_status, e.actor_id, e.response) for e in idea.events]
    assert events == [
        (None, "submitted", org.mari.id, ""),
        ("submitted", "under_review", org.kadri.id, steps[0][1]),
        ("under_review", "planned", org.kadri.id, steps[1][1]),
        ("planned", "implemented", org.kadri.id, steps[2][1]),
    ]
    audited = db.session.query(AuditEvent).filter_by(action="idea_moved").count()
    assert audited == 3

    html = login_as(org.mari).get(idea_page(idea)).get_data(as_text=True)
    for _, text in steps:
        assert text in html  # the timeline shows every response to the author
    assert "Moved to Planned" in html and "Replies 30% faster." in html
    notes = db.session.query(Notification).filter_by(user_id=org.mari.id).all()
    assert [n.kind for n in notes] == ["idea_status_changed"] * 3
    assert notes[-1].params["status"] == "implemented"


def test_first_response_without_a_move(org, login_as, post):
    idea = make_idea(org.mari)
    login_as(org.kadri)
    assert move(post, idea, "", "Thanks! Which tool do you use?").status_code == 302
    idea = reload(idea)
    assert idea.status == "submitted" and idea.first_response_at is not None
    assert idea.decided_at is None
    assert idea.events[-1].from_status == idea.events[-1].to_status == "submitted"
    kinds = [n.kind for n in db.session.query(Notification).filter_by(user_id=org.mari.id)]
    assert kinds == ["idea_response"]


def test_an_empty_response_without_a_move_is_refused(org, login_as, post):
    idea = make_idea(org.mari)
    login_as(org.kadri)
    response = move(post, idea, "", "  ")
    assert response.status_code == 400
    assert "Write a response, or choose a new status." in response.get_data(as_text=True)
    assert reload(idea).first_response_at is None


def test_decline_needs_a_reason(org, login_as, post):
    idea = make_idea(org.mari)
    login_as(org.kadri)
    response = move(post, idea, "declined", "")
    assert response.status_code == 400
    assert "Say why the idea is declined" in response.get_data(as_text=True)
    assert reload(idea).status == "submitted"
    assert db.session.query(IdeaEvent).count() == 1

    assert move(post, idea, "declined", "The vendor ends support next year.").status_code == 302
    idea = reload(idea)
    assert idea.status == "declined" and idea.decline_reason == "The vendor ends support next year."
    assert idea.decided_at is not None
    html = login_as(org.mari).get(idea_page(idea)).get_data(as_text=True)
    assert "Why it was declined" in html and "The vendor ends support next year." in html


def test_implemented_needs_an_impact_note(org, login_as, post):
    idea = make_idea(org.mari, status="planned")
    login_as(org.kadri)
    response = move(post, idea, "implemented", "Done.")
    assert response.status_code == 400
    assert "Describe what changed thanks to this idea." in response.get_data(as_text=True)
    assert reload(idea).status == "planned"


def test_an_idea_goes_straight_to_its_target_but_never_back(org, login_as, post):
    """A quick win is marked implemented in one save, with its impact note; an idea never
    moves back to an earlier step, and a closed one stays closed."""
    idea = make_idea(org.mari)
    login_as(org.kadri)
    for status in ("submitted", "bogus"):
        assert move(post, idea, status, "Back to the start").status_code == 400
    assert move(post, idea, "implemented", "Done this week.").status_code == 400  # no impact note
    assert reload(idea).status == "submitted"
    note = "Password resets take one macro now."
    response = move(post, idea, "implemented", "Done this week.", impact_note=note)
    assert response.status_code == 302
    assert (reload(idea).status, idea.impact_note) == ("implemented", note)
    planned = make_idea(org.mari, "Planned one", status="planned")
    assert move(post, planned, "under_review", "Back a step").status_code == 400
    assert reload(planned).status == "planned"
    done = make_idea(org.mari, "Done already", status="implemented")
    assert move(post, done, "under_review", "Reopen").status_code == 400
    assert reload(done).status == "implemented"


def test_a_move_made_meanwhile_is_not_overwritten(org, login_as, post):
    idea = make_idea(org.mari)
    login_as(org.kadri)
    assert move(post, idea, "under_review", "Mine first").status_code == 302
    # Another manager's tab still shows "submitted" and tries to decline.
    response = move(post, idea, "declined", "Too late", current="submitted")
    assert response.status_code == 400
    assert "Someone moved this idea meanwhile" in response.get_data(as_text=True)
    assert reload(idea).status == "under_review"


def test_the_move_form_keeps_what_was_typed(org, login_as, post):
    idea = make_idea(org.mari, status="planned")
    login_as(org.kadri)
    html = move(post, idea, "implemented", "A long thoughtful response").get_data(as_text=True)
    assert "A long thoughtful response" in html
