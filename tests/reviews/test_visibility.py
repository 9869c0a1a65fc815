"""Who sees what, route by route: the employee, their manager, leadership and admins may open
a review; anyone else gets 404, for every page and form post. The private note never
reaches the employee."""

import pytest

from reviews.models import Review
from tests.conftest import csrf_token

from .conftest import manager_form, self_form

GET_ROUTES = ["", "/self", "/assess", "/compare"]
POST_ROUTES = ["/self", "/assess", "/share", "/acknowledge", "/reassign", "/reopen"]
OUTSIDERS = ["olev", "jaan", "peeter"]  # another team's manager, a colleague, another team


@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_get_404_on_every_page_and_post(org, login_as, who):
    client = login_as(getattr(org, who))
    review = org.review
    token = csrf_token(client, "/")
    for suffix in GET_ROUTES:
        assert client.get(f"/reviews/{review.id}{suffix}").status_code == 404, (who, suffix)
    for suffix in POST_ROUTES:
        data = dict(
            self_form(review), csrf_token=token, title="t", description="d", category="tools"
        )
        assert client.post(f"/reviews/{review.id}{suffix}", data=data).status_code == 404, (
            who,
            suffix,
        )
        data["review"] = str(review.id)
    assert client.post("/ideas/suggestions", data=data).status_code == 404, who
    assert review.self_submitted_at is None and review.shared_at is None


def test_unknown_review_id_is_404(org, login_as):
    client = login_as(org.admin)
    assert client.get("/reviews/999999").status_code == 404


@pytest.mark.parametrize(
    "who, suffix, expected",
    [
        ("mari", "", 200),
        ("mari", "/self", 200),
        ("mari", "/assess", 403),
        ("kadri", "", 200),
        ("kadri", "/assess", 200),
        ("kadri", "/self", 403),
        ("leader", "", 200),
        ("leader", "/self", 403),
        ("leader", "/assess", 403),
        ("admin", "", 200),
        ("admin", "/self", 403),
        ("admin", "/assess", 403),
    ],
)
def test_each_role_reaches_only_its_own_step(org, login_as, who, suffix, expected):
    client = login_as(getattr(org, who))
    assert client.get(f"/reviews/{org.review.id}{suffix}").status_code == expected


def test_leadership_reads_but_cannot_write(org, login_as):
    client = login_as(org.leader)
    review = org.review
    response = client.post(
        f"/reviews/{review.id}/assess",
        data=dict(manager_form(review), csrf_token=csrf_token(client, "/")),
    )
    assert response.status_code == 403
    assert review.manager_submitted_at is None


def test_private_note_never_reaches_the_employee(org, login_as):
    review = org.review
    mari = login_as(org.mari)
    mari.post(
        f"/reviews/{review.id}/self",
        data=dict(self_form(review), csrf_token=csrf_token(mari, f"/reviews/{review.id}/self")),
    )
    kadri = login_as(org.kadri)
    kadri.post(
        f"/reviews/{review.id}/assess",
        data=dict(
            manager_form(review, private_note="PRIVATE-NOTE-XYZ"),
            csrf_token=csrf_token(kadri, f"/reviews/{review.id}/assess"),
        ),
    )
    kadri.post(
        f"/reviews/{review.id}/share",
        data={"csrf_token": csrf_token(kadri, f"/reviews/{review.id}"), "confirmed": "yes"},
    )
    assert review.shared_at
    assert "PRIVATE-NOTE-XYZ" in kadri.get(f"/reviews/{review.id}").get_data(as_text=True)
    mari = login_as(org.mari)
    for url in [f"/reviews/{review.id}{s}" for s in GET_ROUTES] + [
        "/",
        "/inbox/",
        f"/cycles/{org.cycle.id}",
    ]:
        body = mari.get(url, follow_redirects=True).get_data(as_text=True)
        assert "PRIVATE-NOTE-XYZ" not in body, url
    leader = login_as(org.leader)
    assert "PRIVATE-NOTE-XYZ" not in leader.get(f"/reviews/{review.id}").get_data(as_text=True)


def test_manager_keeps_access_to_reviews_of_people_who_moved_on(org, login_as):
    """The review stays with the manager of the time, even after the reporting line changes."""
    from extensions import db
    from reviews.services.people.accounts import set_manager

    set_manager(org.mari, org.olev)
    db.session.commit()
    assert login_as(org.kadri).get(f"/reviews/{org.review.id}").status_code == 200
    assert login_as(org.olev).get(f"/reviews/{org.review.id}").status_code == 404
    assert db.session.get(Review, org.review.id).manager_id == org.kadri.id
