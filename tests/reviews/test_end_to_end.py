"""The whole cycle through the pages, as people do it: an admin creates and opens a cycle,
the employee assesses themselves, the manager assesses, both compare, the employee suggests
an idea, the manager shares, the employee acknowledges, the admin closes the cycle."""

from datetime import date, timedelta

from extensions import db
from reviews.models import Cycle, Idea, Review
from tests import factories
from tests.conftest import csrf_token

from .conftest import manager_form, self_form


def test_a_whole_review_cycle_through_the_pages(app, login_as):
    desk = factories.team("Service Desk")
    kadri = factories.user("manager", "staff", name="Kadri Kask", team=desk)
    mari = factories.user("staff", name="Mari Tamm", team=desk, manager=kadri)
    admin = factories.user("admin", name="Anu Admin")
    factories.framework()
    today = date.today()

    client = login_as(admin)
    response = client.post(
        "/admin/cycles/new",
        data={
            "name": "2026 Q4",
            "period_start": str(today - timedelta(days=30)),
            "period_end": str(today + timedelta(days=60)),
            "self_deadline": str(today + timedelta(days=7)),
            "review_deadline": str(today + timedelta(days=21)),
            "csrf_token": csrf_token(client, "/admin/cycles/new"),
        },
    )
    assert response.status_code == 302
    cycle = db.session.query(Cycle).filter_by(name="2026 Q4").one()
    client.post(
        f"/cycles/{cycle.id}/open",
        data={"csrf_token": csrf_token(client, f"/cycles/{cycle.id}"), "confirmed": "yes"},
    )
    assert cycle.status == "open"
    review = db.session.query(Review).filter_by(cycle_id=cycle.id, employee_id=mari.id).one()

    client = login_as(mari)
    url = f"/reviews/{review.id}"
    assert (
        client.post(
            f"{url}/self",
            data=dict(self_form(review), csrf_token=csrf_token(client, f"{url}/self")),
        ).status_code
        == 302
    )

    client = login_as(kadri)
    assert (
        client.post(
            f"{url}/assess",
            data=dict(manager_form(review), csrf_token=csrf_token(client, f"{url}/assess")),
        ).status_code
        == 302
    )
    compare = client.get(f"{url}/compare").get_data(as_text=True)
    assert (
        "I calm angry callers" in compare and "Handled the enrolment-week queue calmly." in compare
    )

    client = login_as(mari)
    client.post(
        "/ideas/suggestions",
        data={
            "review": str(review.id),
            "title": "Reply macros",
            "description": "Shared macros.",
            "category": "tools",
            "csrf_token": csrf_token(client, url),
        },
    )
    assert db.session.query(Idea).filter_by(review_id=review.id, author_id=mari.id).count() == 1

    client = login_as(kadri)
    client.post(f"{url}/share", data={"csrf_token": csrf_token(client, url), "confirmed": "yes"})
    client = login_as(mari)
    client.post(
        f"{url}/acknowledge",
        data={
            "comment": "Fair and useful.",
            "csrf_token": csrf_token(client, url),
            "confirmed": "yes",
        },
    )
    assert review.step == "acknowledged"

    client = login_as(admin)
    client.post(
        f"/cycles/{cycle.id}/close",
        data={"csrf_token": csrf_token(client, f"/cycles/{cycle.id}"), "confirmed": "yes"},
    )
    assert cycle.status == "closed"
    client = login_as(kadri)
    page = client.get(url).get_data(as_text=True)
    assert "Amend" not in page and "Fair and useful." in page
    assert client.get(f"{url}/assess").status_code == 302  # read-only once closed
