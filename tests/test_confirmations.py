"""Irreversible actions ask first, also without JavaScript: a POST without the yes answers
with a confirmation page and changes nothing; the page's own button posts the same form with
the yes and the action happens. Closing a cycle says how many reviews are unfinished; an
admin can reopen a closed cycle, and it is audited."""

import re

import pytest

from extensions import db
from reviews.models import AuditEvent, Competency, Idea
from reviews.services.ideas import contributions as idea_service
from tests import factories
from tests.conftest import csrf_token
from tests.organisation import build_org
from tests.reviews.test_sharing import fill


@pytest.fixture
def org(app):
    org = build_org(cycle="2026 Q4")
    org.review = org.reviews["mari"]
    return org


def ask(client, url: str, page: str, **data):
    """POST as a browser without JavaScript: no ``confirmed``."""
    data["csrf_token"] = csrf_token(client, page)
    return client.post(url, data=data)


def say_yes(client, asked):
    """Press the confirmation page's button: its form, as the page wrote it."""
    html = asked.get_data(as_text=True)
    action = re.search(r'<form method="post" action="([^"]+)" class="actions">', html)[1]
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', html))
    return client.post(action, data=fields)


def asked_question(response) -> str:
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Are you sure?" in html
    return re.search(r'<p class="confirm-question">(.*?)</p>', html, re.S)[1]


def test_sharing_asks_then_shares(org, login_as):
    fill(org.review, lambda who: login_as(getattr(org, who)))
    kadri = login_as(org.kadri)
    asked = ask(kadri, f"/reviews/{org.review.id}/share", f"/reviews/{org.review.id}")
    assert "Share the review with Mari Tamm now?" in asked_question(asked)
    assert org.review.shared_at is None
    assert say_yes(kadri, asked).status_code == 302
    assert org.review.shared_at is not None


def test_acknowledging_asks_and_keeps_the_comment_through_the_question(org, login_as):
    fill(org.review, lambda who: login_as(getattr(org, who)))
    kadri = login_as(org.kadri)
    say_yes(kadri, ask(kadri, f"/reviews/{org.review.id}/share", f"/reviews/{org.review.id}"))
    mari = login_as(org.mari)
    url = f"/reviews/{org.review.id}/acknowledge"
    asked = ask(mari, url, f"/reviews/{org.review.id}", comment="We agreed on the rota.")
    assert "Acknowledge the review?" in asked_question(asked)
    assert org.review.acknowledged_at is None
    say_yes(mari, asked)
    assert org.review.acknowledged_at is not None
    assert org.review.employee_comment == "We agreed on the rota."


def test_closing_says_how_many_reviews_are_unfinished(org, login_as):
    admin = login_as(org.admin)
    page = admin.get(f"/cycles/{org.cycle.id}").get_data(as_text=True)
    assert "5 reviews are not finished (not yet acknowledged)" in page  # the button's question
    asked = ask(admin, f"/cycles/{org.cycle.id}/close", f"/cycles/{org.cycle.id}")
    assert "5 reviews are not finished" in asked_question(asked)
    assert org.cycle.status == "open"
    say_yes(admin, asked)
    assert org.cycle.status == "closed"


def test_a_closed_cycle_can_be_reopened_by_an_admin_and_it_is_audited(org, login_as):
    admin = login_as(org.admin)
    say_yes(admin, ask(admin, f"/cycles/{org.cycle.id}/close", f"/cycles/{org.cycle.id}"))
    page = admin.get(f"/cycles/{org.cycle.id}").get_data(as_text=True)
    assert "Reopen cycle" in page
    asked = ask(admin, f"/cycles/{org.cycle.id}/reopen", f"/cycles/{org.cycle.id}")
    assert "Reopen 2026 Q4?" in asked_question(asked)
    assert org.cycle.status == "closed"
    say_yes(admin, asked)
    assert org.cycle.status == "open" and org.cycle.closed_at is None
    event = db.session.query(AuditEvent).filter_by(action="cycle_reopened").one()
    assert (event.actor_id, event.object_id) == (org.admin.id, org.cycle.id)
    assert "Reopened a cycle" in admin.get("/admin/audit").get_data(as_text=True)
    # and the unfinished reviews can be written again
    assert login_as(org.mari).get(f"/reviews/{org.review.id}/self").status_code == 200


def test_only_an_admin_reopens_and_only_a_closed_cycle(org, login_as):
    admin = login_as(org.admin)
    response = admin.post(
        f"/cycles/{org.cycle.id}/reopen",
        data={"csrf_token": csrf_token(admin, "/"), "confirmed": "yes"},
        follow_redirects=True,
    )
    assert "Only a closed cycle can be reopened." in response.get_data(as_text=True)
    say_yes(admin, ask(admin, f"/cycles/{org.cycle.id}/close", f"/cycles/{org.cycle.id}"))
    leader = login_as(org.leader)
    response = leader.post(
        f"/cycles/{org.cycle.id}/reopen",
        data={"csrf_token": csrf_token(leader, "/"), "confirmed": "yes"},
    )
    assert response.status_code == 403 and org.cycle.status == "closed"


def test_opening_a_cycle_asks_first(org, login_as):
    admin = login_as(org.admin)
    say_yes(admin, ask(admin, f"/cycles/{org.cycle.id}/close", f"/cycles/{org.cycle.id}"))
    planned = factories.cycle("2027 Q1")
    asked = ask(admin, f"/cycles/{planned.id}/open", f"/cycles/{planned.id}")
    assert "Open 2027 Q1?" in asked_question(asked)
    assert planned.status == "planned"
    say_yes(admin, asked)
    assert planned.status == "open"


def test_retiring_a_competency_asks_first(org, login_as):
    admin = login_as(org.admin)
    competency = db.session.query(Competency).filter_by(retired_at=None).first()
    url = f"/admin/framework/{competency.id}/retire"
    asked = ask(admin, url, "/admin/framework")
    assert f"Retire “{competency.name}”?" in asked_question(asked).replace("&#34;", '"')
    assert competency.active
    say_yes(admin, asked)
    assert not competency.active


def test_deactivating_a_person_asks_first(org, login_as):
    admin = login_as(org.admin)
    url = f"/admin/people/{org.mari.id}/deactivate"
    asked = ask(admin, url, f"/admin/people/{org.mari.id}/edit")
    assert "Deactivate Mari Tamm?" in asked_question(asked)
    assert org.mari.active
    say_yes(admin, asked)
    assert not org.mari.active


def an_idea(org, title: str):
    """Mari's idea for the Service Desk, waiting for its first response."""
    submitted = idea_service.submit_idea(
        org.mari, title=title, description="Details.", category="process", team=org.desk,
        anonymous=False,
    )  # fmt: skip
    db.session.commit()
    return submitted.idea


def test_declining_an_idea_asks_first_and_keeps_the_response(org, login_as):
    idea = an_idea(org, "Chat on the portal")
    kadri = login_as(org.kadri)
    data = {"status": "declined", "response": "Not this year: no budget.", "current": idea.status}
    asked = ask(kadri, f"/ideas/{idea.id}/move", f"/ideas/{idea.id}", **data)
    assert "Decline this idea?" in asked_question(asked)
    assert db.session.get(Idea, idea.id).status == "submitted"
    say_yes(kadri, asked)
    assert idea.status == "declined" and idea.decline_reason == "Not this year: no budget."


def test_moving_an_idea_on_without_closing_it_does_not_ask(org, login_as):
    idea = an_idea(org, "Macros")
    kadri = login_as(org.kadri)
    data = {"status": "under_review", "response": "", "current": idea.status}
    response = ask(kadri, f"/ideas/{idea.id}/move", f"/ideas/{idea.id}", **data)
    assert response.status_code == 302 and idea.status == "under_review"
