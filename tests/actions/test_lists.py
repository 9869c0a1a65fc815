"""The lists: "my action items", a manager's list of their staff's items (by person, status,
overdue), a team's list (managers their teams; leadership and admins any team), and the
overdue items on the home page."""

from datetime import timedelta

from .conftest import TODAY, item, share


def _page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def test_my_list_holds_my_reviews_items_and_the_ones_i_own(org, login_as):
    share(org.reviews["mari"])
    share(org.reviews["jaan"])
    item(org.reviews["mari"], "Mari own item")
    item(org.reviews["jaan"], "Jaan item")
    item(org.reviews["mari"], "Kadri owns this one", owner=org.kadri)
    mine = _page(login_as(org.mari), "/actions/")
    assert "Mari own item" in mine and "Jaan item" not in mine
    kadri = _page(login_as(org.kadri), "/actions/")
    assert "Kadri owns this one" in kadri and "Mari own item" not in kadri


def test_done_items_leave_the_default_list_but_any_status_shows_them(org, login_as):
    share(org.reviews["mari"])
    item(org.reviews["mari"], "Finished long ago", status="done")
    client = login_as(org.mari)
    assert "Finished long ago" not in _page(client, "/actions/")
    assert "Finished long ago" in _page(client, "/actions/?status=all")
    assert "Finished long ago" in _page(client, "/actions/?status=done")
    assert "Finished long ago" not in _page(client, "/actions/?status=nonsense")  # ignored


def test_the_managers_list_filters_by_person_and_overdue(org, login_as):
    late = TODAY - timedelta(days=3)
    item(org.reviews["mari"], "Mari overdue item", due=late)
    item(org.reviews["jaan"], "Jaan item, no date")
    item(org.reviews["peeter"], "Peeter is with Olev")
    client = login_as(org.kadri)
    page = _page(client, "/actions/staff")
    assert "Mari overdue item" in page and "Jaan item, no date" in page
    assert "Peeter is with Olev" not in page
    assert "Overdue" in page
    only_jaan = _page(client, f"/actions/staff?person={org.jaan.id}")
    assert "Jaan item, no date" in only_jaan and "Mari overdue item" not in only_jaan
    overdue = _page(client, "/actions/staff?overdue=y")
    assert "Mari overdue item" in overdue and "Jaan item, no date" not in overdue
    assert login_as(org.mari).get("/actions/staff").status_code == 403


def test_the_team_list_is_a_managers_teams_and_any_team_for_leadership(org, login_as):
    item(org.reviews["mari"], "Service Desk item")
    item(org.reviews["peeter"], "Application Support item")
    kadri = login_as(org.kadri)
    assert "Service Desk item" in _page(kadri, "/actions/team")
    assert kadri.get(f"/actions/team?team={org.apps.id}").status_code == 404
    leader = login_as(org.leader)
    page = _page(leader, f"/actions/team?team={org.apps.id}")
    assert "Application Support item" in page and "Service Desk item" not in page
    # leadership reads but does not change: no status form
    assert 'action="/actions/' not in page


def test_overdue_items_waiting_on_me_are_on_my_home_page(org, login_as):
    share(org.reviews["mari"])
    item(org.reviews["mari"], "Finish the ITIL course", owner=org.mari,
         due=TODAY - timedelta(days=1))  # fmt: skip
    item(org.reviews["mari"], "Kadri to do", owner=org.kadri, due=TODAY - timedelta(days=1))
    home = _page(login_as(org.mari), "/")
    assert "Overdue action items" in home and "Finish the ITIL course" in home
    assert "Kadri to do" not in home
    assert "Kadri to do" in _page(login_as(org.kadri), "/")


def test_the_review_page_lists_its_items_with_their_competencies(org, login_as):
    from sqlalchemy import select

    from extensions import db
    from reviews.models import Competency

    tag = db.session.scalar(select(Competency).order_by(Competency.position))
    share(org.reviews["mari"])
    item(org.reviews["mari"], "Finish the ITIL course", competencies=[tag])
    page = _page(login_as(org.mari), f"/reviews/{org.reviews['mari'].id}")
    assert "Finish the ITIL course" in page and tag.name in page
    assert tag.name in _page(login_as(org.mari), "/actions/")
