"""Where a history is linked from: the review page (for its manager, leadership and admins —
not for the person, whose own history is "My ratings"), the manager's team list, a cycle's
list of reviews and the admin's page of a person."""

from .test_history import boris


def history_link(person) -> str:
    return f'href="/reports/person/{person.id}"'


def test_the_review_page_links_the_persons_history_for_those_entitled(org, login_as):
    a1 = org.people["a1"]
    review = org.reviews["q1", "a1"]
    for viewer, shown in ((org.maria, True), (org.leader, True), (org.admin, True), (a1, False)):
        page = login_as(viewer).get(f"/reviews/{review.id}").get_data(as_text=True)
        assert (history_link(a1) in page) is shown, viewer.name
        if shown:
            assert "Person A1 across cycles" in page


def test_the_managers_team_list_and_cycle_page_link_each_history(org, login_as):
    client = login_as(org.maria)
    home = client.get("/").get_data(as_text=True)
    for key in ("a1", "a2", "a3", "b3"):  # the people Maria manages now
        assert history_link(org.people[key]) in home, key
    assert history_link(org.people["b1"]) not in home
    cycle = login_as(boris(org)).get(f"/cycles/{org.q1.id}").get_data(as_text=True)
    for key in ("b1", "b2", "b3", "c1", "c2"):  # the reviews Boris wrote in Q1
        assert history_link(org.people[key]) in cycle, key
    assert history_link(org.people["a1"]) not in cycle


def test_the_admin_page_of_a_person_links_their_history(org, login_as):
    a1 = org.people["a1"]
    page = login_as(org.admin).get(f"/admin/people/{a1.id}/edit").get_data(as_text=True)
    assert history_link(a1) in page
