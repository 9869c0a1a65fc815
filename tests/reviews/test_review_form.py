"""The review form respects the person's time: the step says "Draft" once something is
saved, and a refused acknowledgement keeps what was typed and ticked."""

import re

from tests.conftest import csrf_token
from tests.reviews.conftest import self_form
from tests.reviews.test_sharing import fill, press


def test_the_step_says_draft_once_something_is_saved(org, login_as):
    mari = login_as(org.mari)
    assert "Not started" in mari.get("/").get_data(as_text=True)
    url = f"/reviews/{org.review.id}/self"
    data = self_form(org.review, submit=False, improvements="")
    data["csrf_token"] = csrf_token(mari, url)
    assert mari.post(url, data=data).status_code == 302
    assert org.review.step == "draft"
    assert 'badge-step-draft">Draft<' in mari.get("/").get_data(as_text=True)
    team = login_as(org.kadri).get("/").get_data(as_text=True)
    assert 'badge-step-draft">Draft<' in team  # the manager's team table says so too


def test_a_refused_acknowledgement_keeps_the_tick_and_the_comment(org, login_as):
    fill(org.review, lambda who: login_as(getattr(org, who)))
    press(login_as(org.kadri), org.review, "share")
    mari = login_as(org.mari)
    url = f"/reviews/{org.review.id}/acknowledge"
    data = {"disagrees": "y", "comment": "   ", "confirmed": "yes"}
    data["csrf_token"] = csrf_token(mari, f"/reviews/{org.review.id}")
    response = mari.post(url, data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and org.review.acknowledged_at is None
    assert "Say what you disagree with, so it can be discussed." in html
    tick = re.search(r'<input[^>]*name="disagrees"[^>]*>', html)[0]
    assert "checked" in tick
