"""A manager's staff list holds their current staff's items, whoever wrote the review — but
never the draft of a review someone else writes; and the tables show what the service and
access decided (overdue, who may update), not rules of their own."""

from datetime import timedelta

from extensions import db
from reviews.services.actions import lists
from reviews.services.people.accounts import set_manager

from .conftest import TODAY, item, post, share


def test_a_manager_who_took_a_person_over_sees_their_items(org, login_as):
    shared = item(org.reviews["mari"], "Agreed with Kadri", owner=org.mari)
    share(org.reviews["mari"])
    draft = item(org.reviews["jaan"], "Kadri's draft for Jaan")
    set_manager(org.mari, org.olev)
    set_manager(org.jaan, org.olev)
    db.session.commit()
    assert [i.id for i in lists.staff_items(org.olev)] == [shared.id]
    page = login_as(org.olev).get("/actions/staff").get_data(as_text=True)
    assert "Agreed with Kadri" in page and "draft for Jaan" not in page
    # No longer Kadri's staff; her own draft is still hers to see (as its review's manager).
    assert shared.id not in [i.id for i in lists.staff_items(org.kadri)]
    assert draft.id in [i.id for i in db.session.scalars(lists.visible_action_items(org.kadri))]


def test_the_new_manager_reads_but_does_not_open_a_review_they_did_not_write(org, login_as):
    share(org.reviews["mari"])
    item(org.reviews["mari"], "Agreed with Kadri", owner=org.mari)
    set_manager(org.mari, org.olev)
    db.session.commit()
    page = login_as(org.olev).get("/actions/staff").get_data(as_text=True)
    assert f'/reviews/{org.reviews["mari"].id}"' not in page
    assert "Agreed with Kadri" in page


def test_overdue_and_the_status_form_come_from_the_rows(org, login_as):
    review = org.reviews["mari"]
    share(review)
    late = item(review, "Late one", owner=org.mari, due=TODAY - timedelta(days=3))
    item(review, "Done late", owner=org.mari, due=TODAY - timedelta(days=3), status="done")
    client = login_as(org.mari)
    page = client.get("/actions/?status=all").get_data(as_text=True)
    assert page.count('class="overdue"') == 1 and f'id="item-{late.id}" class="overdue"' in page
    status_select = page.split(f'id="status-{late.id}"')[1].split("</select>")[0]
    assert 'value="done"' in status_select and 'value="carried"' not in status_select
    # The review page: the rows Mari may update have their status form in place.
    shown = client.get(f"/reviews/{review.id}").get_data(as_text=True)
    assert f'action="/actions/{late.id}/status"' in shown
    response = post(client, f"/actions/{late.id}/status",
                    {"status": "done", "next": f"/reviews/{review.id}"})  # fmt: skip
    assert response.headers["Location"].startswith(f"/reviews/{review.id}")
    assert late.status == "done"
