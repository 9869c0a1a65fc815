"""The employee's self-assessment: drafts, submission, validation, stale saves."""

from reviews.models import Rating
from tests.conftest import csrf_token

from .conftest import self_form


def post_self(client, review, data):
    data = dict(data, csrf_token=csrf_token(client, f"/reviews/{review.id}/self"))
    return client.post(f"/reviews/{review.id}/self", data=data)


def self_ratings(review):
    return {
        r.cycle_competency_id: (r.value, r.not_applicable)
        for r in review.ratings
        if r.source == "self"
    }


def test_draft_saves_partial_answers_any_number_of_times(org, login_as):
    review, client = org.review, login_as(org.mari)
    first = review.cycle.competencies[0]
    data = {
        "version": str(review.version),
        "action": "draft",
        f"rating_{first.id}": "4",
        "strengths-0-text": "Calm on the phone.",
    }
    assert post_self(client, review, data).status_code == 302
    assert self_ratings(review) == {first.id: (4, False)}
    data = {
        "version": str(review.version),
        "action": "draft",
        f"rating_{first.id}": "na",
        "strengths-0-text": "Calm.",
    }
    assert post_self(client, review, data).status_code == 302
    assert self_ratings(review) == {first.id: (None, True)}
    assert [n.text for n in review.self_notes] == ["Calm."]
    assert review.self_submitted_at is None


def test_submit_requires_every_competency_and_the_texts(org, login_as):
    review, client = org.review, login_as(org.mari)
    last = review.cycle.competencies[-1]
    data = self_form(review, **{"strengths-0-text": "", f"rating_{last.id}": ""})
    response = post_self(client, review, data)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Rate this competency to submit." in html
    assert "Name at least one strength to submit." in html
    assert "Writing shorter knowledge-base articles." in html  # what was typed is kept
    assert review.self_submitted_at is None and self_ratings(review) == {}


def test_submitted_self_assessment_is_locked(org, login_as):
    review, client = org.review, login_as(org.mari)
    assert post_self(client, review, self_form(review)).status_code == 302
    assert review.self_submitted_at is not None
    assert len(self_ratings(review)) == len(review.cycle.competencies)
    response = post_self(client, review, self_form(review, value="1"))
    assert response.status_code == 302
    assert {v for v, _ in self_ratings(review).values()} == {4}


def test_value_outside_the_scale_is_refused(org, login_as):
    review, client = org.review, login_as(org.mari)
    first = review.cycle.competencies[0]
    response = post_self(client, review, self_form(review, **{f"rating_{first.id}": "9"}))
    assert response.status_code == 400
    assert "Not a valid choice" in response.get_data(as_text=True)
    assert self_ratings(review) == {}


def test_stale_save_is_refused_and_keeps_both_texts(org, app, login_as):
    review = org.review
    tab_one = login_as(org.mari)
    stale_version = review.version
    draft = {
        "version": str(stale_version),
        "action": "draft",
        "strengths-0-text": "Saved in tab one.",
    }
    assert post_self(tab_one, review, draft).status_code == 302

    late = {
        "version": str(stale_version),
        "action": "draft",
        "strengths-0-text": "Typed in tab two.",
    }
    response = post_self(tab_one, review, late)
    html = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Someone saved this review after you opened it" in html
    assert "Typed in tab two." in html  # the second person's text stays on screen
    # and nothing saved is overwritten
    assert [n.text for n in review.self_notes] == ["Saved in tab one."]


def test_autosave_answers_json_with_the_new_version(org, login_as):
    review, client = org.review, login_as(org.mari)
    data = {
        "version": str(review.version),
        "action": "draft",
        "strengths-0-text": "Autosaved.",
        "csrf_token": csrf_token(client, f"/reviews/{review.id}/self"),
    }
    response = client.post(f"/reviews/{review.id}/self", data=data, headers={"X-Autosave": "1"})
    assert response.status_code == 200
    assert response.get_json() == {"saved": True, "version": review.version}
    data["version"] = "1"
    stale = client.post(f"/reviews/{review.id}/self", data=data, headers={"X-Autosave": "1"})
    assert stale.status_code == 409 and stale.get_json()["saved"] is False


def test_missing_csrf_changes_nothing(org, login_as):
    review, client = org.review, login_as(org.mari)
    response = client.post(f"/reviews/{review.id}/self", data=self_form(review))
    assert response.status_code == 400
    assert review.self_submitted_at is None


def test_ratings_of_another_cycle_are_ignored_not_stored(org, login_as):
    review, client = org.review, login_as(org.mari)
    response = post_self(client, review, self_form(review, rating_99999="5"))
    assert response.status_code == 302
    from extensions import db

    assert db.session.query(Rating).filter_by(cycle_competency_id=99999).count() == 0


def test_a_too_long_entry_is_refused_with_its_message_and_the_page_still_draws(org, login_as):
    """An entry over 2,000 characters: 400 with the reason beside it (the entry's error
    markup once shadowed the translation function, and the page after it was a 500)."""
    review, client = org.review, login_as(org.mari)
    data = self_form(review, **{"strengths-0-text": "x" * 2001})
    response = post_self(client, review, data)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Field cannot be longer than 2000 characters." in html
    assert "Competencies it concerns" in html
    assert review.self_submitted_at is None
