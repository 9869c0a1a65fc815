"""The employee's own strengths and areas to improve as entries tagged with competencies:
saved, validated, refused with a competency of another cycle, shown where the free texts
were (which older reviews keep), and to the manager only as the cycle's rule allows."""

from datetime import date

import pytest

from extensions import db
from reviews.models import ReviewNote
from reviews.services import DomainError
from reviews.services.reviews import assessments
from reviews.services.reviews.assessments import NoteInput
from tests import factories
from tests.conftest import csrf_token
from tests.reviews.conftest import manager_form, self_form


def post(client, url, data):
    return client.post(url, data=dict(data, csrf_token=csrf_token(client, url)))


def post_self(client, review, **overrides):
    return post(client, f"/reviews/{review.id}/self", self_form(review, **overrides))


def html_of(client, url) -> str:
    return client.get(url).get_data(as_text=True)


def test_entries_are_saved_with_their_competencies(org, login_as):
    review, competencies = org.review, org.cycle.competencies
    response = post_self(
        login_as(org.mari),
        review,
        **{
            "strengths-0-competencies": [str(competencies[1].id), str(competencies[4].id)],
            "strengths-1-text": "Wrote the enrolment-week handover notes.",
            "improvements-0-competencies": str(competencies[2].id),
        },
    )
    assert response.status_code == 302
    saved = [(n.kind, n.text, [c.id for c in n.competencies]) for n in review.self_notes]
    assert saved == [
        (
            "strength",
            "I calm angry callers and keep tickets tidy.",
            [competencies[1].id, competencies[4].id],
        ),
        ("strength", "Wrote the enrolment-week handover notes.", []),
        ("improvement", "Writing shorter knowledge-base articles.", [competencies[2].id]),
    ]
    assert {n.source for n in review.self_notes} == {"self"}
    assert review.notes == []  # the manager's notes are the manager's


def test_a_competency_of_another_cycle_is_refused(org, login_as):
    other = factories.cycle("Elsewhere", start=date(2025, 1, 1))
    response = post_self(
        login_as(org.mari),
        org.review,
        **{"strengths-0-competencies": str(other.competencies[0].id)},
    )
    assert response.status_code == 400 and "not a valid choice" in response.get_data(as_text=True)
    db.session.expire_all()
    assert org.review.self_notes == [] and org.review.self_submitted_at is None
    # and the service's own check, for a caller without the form
    foreign = NoteInput("strength", "Calm.", [other.competencies[0].id])
    with pytest.raises(DomainError):
        assessments.save_self_assessment(
            org.review,
            org.mari,
            version=org.review.version,
            ratings=[],
            notes=[foreign],
            suggestions="",
            submit=False,
        )


def test_submitting_needs_a_strength_and_an_area_to_improve(org, login_as):
    response = post_self(login_as(org.mari), org.review, **{"improvements-0-text": "  "})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Name at least one area to improve to submit." in html
    assert "I calm angry callers and keep tickets tidy." in html  # what was typed stays
    assert org.review.self_submitted_at is None


def test_a_draft_begun_with_free_texts_continues_as_entries(org, login_as):
    org.review.self_strengths = "Calm with callers."
    org.review.self_improvements = "Shorter articles."
    org.review.version += 1
    db.session.commit()
    client = login_as(org.mari)
    html = html_of(client, f"/reviews/{org.review.id}/self")
    assert 'name="strengths-0-text"' in html and "Calm with callers.</textarea>" in html
    assert "Shorter articles.</textarea>" in html


def test_an_older_review_shows_its_free_texts(org, login_as):
    org.review.self_strengths = "OLD-FREE-TEXT"
    org.review.self_submitted_at = org.cycle.opened_at
    db.session.commit()
    assert "OLD-FREE-TEXT" in html_of(login_as(org.mari), f"/reviews/{org.review.id}")


def test_entries_show_on_the_review_and_side_by_side(org, login_as):
    review = org.review
    tag = org.cycle.competencies[3]
    post_self(
        login_as(org.mari),
        review,
        **{"strengths-0-text": "SELF-ENTRY", "strengths-0-competencies": str(tag.id)},
    )
    kadri = login_as(org.kadri)
    post(kadri, f"/reviews/{review.id}/assess", manager_form(review))
    for url in (f"/reviews/{review.id}", f"/reviews/{review.id}/compare"):
        html = html_of(kadri, url)
        entry = html[html.index("SELF-ENTRY") :]
        assert tag.name in entry[: entry.index("</li>")], url


def test_the_manager_sees_the_entries_only_as_the_cycle_allows(org, login_as):
    review = org.review
    post_self(login_as(org.mari), review, **{"strengths-0-text": "SECRET-ENTRY"})
    kadri = login_as(org.kadri)
    for url in (f"/reviews/{review.id}", f"/reviews/{review.id}/assess"):
        assert "SECRET-ENTRY" not in html_of(kadri, url)
    org.cycle.show_self_to_manager = True
    db.session.commit()
    assert "SECRET-ENTRY" in html_of(kadri, f"/reviews/{review.id}/assess")


def test_a_draft_entry_stays_private_even_with_the_cycle_setting(org, login_as):
    org.cycle.show_self_to_manager = True
    db.session.commit()
    post_self(login_as(org.mari), org.review, submit=False, **{"strengths-0-text": "DRAFT-ENTRY"})
    assert [n.text for n in org.review.self_notes][0] == "DRAFT-ENTRY"
    for person in (org.kadri, org.leader, org.admin):
        client = login_as(person)
        for url in (f"/reviews/{org.review.id}", f"/reviews/{org.review.id}/assess"):
            assert "DRAFT-ENTRY" not in html_of(client, url), person.name


def test_self_entries_never_count_as_the_managers_notes(org, login_as):
    """The amendment trail and the manager's form read only the manager's notes."""
    post_self(login_as(org.mari), org.review, **{"strengths-0-text": "SELF-ONLY"})
    html = html_of(login_as(org.kadri), f"/reviews/{org.review.id}/assess")
    assert "SELF-ONLY</textarea>" not in html
    assert db.session.query(ReviewNote).filter_by(source="manager").count() == 0
