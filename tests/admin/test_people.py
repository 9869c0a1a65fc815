"""Admin: the people list, creating and editing people, and the rules around them."""

import pytest
from sqlalchemy import func, select

from extensions import db
from reviews.models import ReportingLine, User
from reviews.services.people import accounts as people_service
from reviews.services.people.auth import find_user_by_email
from tests import factories

from . import builders


def person_data(**changes) -> dict:
    """A valid person form; a value of None leaves the field out (an unticked checkbox)."""
    data = {
        "email": "kadri.kask@example.com",
        "name": "Kadri Kask",
        "job_title": "Service desk agent",
        "roles": ["staff"],
        "team_id": "",
        "manager_id": "",
        "locale": "et",
        "active": "y",
        "password": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def count_people() -> int:
    return db.session.scalar(select(func.count(User.id)))


@pytest.fixture
def admin(login_as):
    person = builders.admin()
    login_as(person)
    return person


# The list ---------------------------------------------------------------------------------


def test_the_list_shows_each_persons_details(client, admin):
    team = factories.team("Student services")
    boss = factories.user("manager", name="Boris Boss")
    factories.user("staff", name="Liis Lepp", email="liis@example.com", team=team, manager=boss)
    page = builders.text(client.get("/admin/people"))
    assert "Liis Lepp" in page and "liis@example.com" in page
    assert "Student services" in page and "Boris Boss" in page
    assert "Staff" in page and "Active" in page


def test_search_by_name_or_email(client, admin):
    factories.user(name="Mari Tamm", email="mari@example.com")
    factories.user(name="Jaan Sepp", email="jaan@uni.example.org")
    by_name = builders.text(client.get("/admin/people?q=tAmM"))
    assert "Mari Tamm" in by_name and "Jaan Sepp" not in by_name
    by_email = builders.text(client.get("/admin/people?q=uni.example"))
    assert "Jaan Sepp" in by_email and "Mari Tamm" not in by_email
    assert "Nobody matches" in builders.text(client.get("/admin/people?q=100%25"))


def test_filters_by_team_role_and_status(client, admin):
    team = factories.team("IT support")
    factories.user("staff", name="In Team", team=team)
    factories.user("leadership", name="Leader Person")
    factories.user("staff", name="Gone Person", active=False)
    page = builders.text(client.get(f"/admin/people?team={team.id}"))
    assert "In Team" in page and "Leader Person" not in page
    page = builders.text(client.get("/admin/people?role=leadership"))
    assert "Leader Person" in page and "In Team" not in page
    page = builders.text(client.get("/admin/people?status=deactivated"))
    assert "Gone Person" in page and "In Team" not in page
    page = builders.text(client.get("/admin/people?status=active"))
    assert "Gone Person" not in page and "In Team" in page


def test_the_list_has_pages_of_50(client, admin):
    for n in range(55):
        factories.user(name=f"Person {n:02d}", email=f"bulk{n:02d}@example.com")
    first = builders.text(client.get("/admin/people?q=bulk"))
    assert "Page 1 of 2" in first and "Person 49" in first and "Person 50" not in first
    second = builders.text(client.get("/admin/people?q=bulk&page=2"))
    assert "Person 50" in second and "Person 54" in second and "Person 00" not in second
    assert "q=bulk" in second  # the page links keep the search


# Creating ---------------------------------------------------------------------------------


def test_an_admin_adds_a_person(client, admin, post):
    team = factories.team("Front office")
    boss = factories.user("manager", name="Boris Boss")
    data = person_data(
        email="Kadri.Kask@Example.com",
        roles=["staff", "leadership"],
        team_id=str(team.id),
        manager_id=str(boss.id),
        password="a long enough secret",
    )
    response = post("/admin/people/new", data)
    assert response.status_code == 302
    person = find_user_by_email("kadri.kask@example.com")
    assert person.name == "Kadri Kask" and person.job_title == "Service desk agent"
    assert person.email == "kadri.kask@example.com"
    assert person.roles == {"staff", "leadership"}
    assert person.team_id == team.id and person.locale == "et" and person.active
    assert people_service.current_manager(person).id == boss.id
    assert "Kadri Kask was added." in builders.text(client.get(response.headers["Location"]))
    other = client.application.test_client()
    assert builders.sign_in(other, person, "a long enough secret").status_code == 302


def test_a_person_added_without_a_password_cannot_sign_in(client, admin, post):
    response = post("/admin/people/new", person_data())
    assert response.status_code == 302
    person = find_user_by_email("kadri.kask@example.com")
    assert person.password_hash is None
    assert "once a password is set" in builders.text(client.get("/admin/people"))
    other = client.application.test_client()
    assert builders.sign_in(other, person, "any password at all").status_code != 302


def test_a_person_can_be_added_already_deactivated(admin, post):
    assert post("/admin/people/new", person_data(active=None)).status_code == 302
    assert not find_user_by_email("kadri.kask@example.com").active


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": "  "}, "name", "This field is required."),
        ({"email": ""}, "email", "This field is required."),
        ({"email": "not-an-email"}, "email", "Enter a valid email address"),
        ({"email": "x" * 250 + "@example.com"}, "email", "254"),
        ({"name": "N" * 121}, "name", "120"),
        ({"job_title": "J" * 121}, "job_title", "120"),
        ({"roles": []}, "roles", "Choose at least one role."),
        ({"roles": ["superuser"]}, "roles", "not a valid choice"),
        ({"password": "short"}, "password", "Use at least 10 characters."),
        ({"locale": "fr"}, "locale", "Not a valid choice"),
        ({"team_id": "999999"}, "team_id", "Not a valid choice"),
    ],
)
def test_bad_input_is_refused_next_to_the_field(admin, post, changes, field, message):
    before = count_people()
    data = person_data(**changes)
    response = post("/admin/people/new", data)
    assert response.status_code == 400
    page = builders.text(response)
    assert message.lower() in page.lower()
    assert 'class="field has-error"' in page or "has-error" in page
    assert count_people() == before
    # What was typed stays on the page (passwords are never sent back).
    if data["name"].strip():
        assert data["name"] in page


def test_a_duplicate_email_is_refused_whatever_its_case(admin, post):
    factories.user(email="taken@example.com")
    before = count_people()
    response = post("/admin/people/new", person_data(email="TAKEN@Example.com"))
    assert response.status_code == 400
    assert "Someone already has this email address." in builders.text(response)
    assert count_people() == before


def test_a_post_without_a_csrf_token_changes_nothing(client, admin):
    before = count_people()
    response = client.post("/admin/people/new", data=person_data())
    assert response.status_code == 400
    assert count_people() == before


# Editing ----------------------------------------------------------------------------------


def edit_url(person) -> str:
    return f"/admin/people/{person.id}/edit"


def edit_data(person, **changes) -> dict:
    manager = people_service.current_manager(person)
    base = {
        "email": person.email,
        "name": person.name,
        "job_title": person.job_title,
        "roles": sorted(person.roles),
        "team_id": str(person.team_id or ""),
        "manager_id": str(manager.id) if manager else "",
        "locale": person.locale,
        "active": "y" if person.active else None,
        "password": "",
    }
    base.update(changes)
    return {key: value for key, value in base.items() if value is not None}


def test_an_admin_edits_a_person(client, admin, post):
    old_boss = factories.user("staff", name="Old Boss")
    new_boss = factories.user("staff", name="New Boss")
    team = factories.team("Helpdesk")
    person = factories.user("staff", name="Piret", manager=old_boss)
    page = builders.text(client.get(edit_url(person)))
    assert 'value="Piret"' in page and "Old Boss" in page
    data = edit_data(
        person,
        name="Piret Põld",
        job_title="Team lead",
        roles=["staff", "manager"],
        team_id=str(team.id),
        manager_id=str(new_boss.id),
        locale="sl",
    )
    response = post(edit_url(person), data)
    assert response.status_code == 302
    assert (person.name, person.job_title, person.locale) == ("Piret Põld", "Team lead", "sl")
    assert person.roles == {"staff", "manager"} and person.team_id == team.id
    assert people_service.current_manager(person).id == new_boss.id
    assert new_boss.has_role("manager")  # managing someone makes you a manager
    assert "The changes to Piret Põld were saved." in builders.text(client.get(edit_url(person)))


def test_the_edit_page_shows_the_reporting_line_history(client, admin):
    first = factories.user("manager", name="First Manager")
    person = factories.user(name="Reporter", manager=first)
    line = db.session.scalar(select(ReportingLine).where(ReportingLine.employee_id == person.id))
    line.starts_on = line.starts_on.replace(year=line.starts_on.year - 1)
    db.session.commit()
    second = factories.user("manager", name="Second Manager")
    people_service.set_manager(person, second)
    db.session.commit()
    page = builders.text(client.get(edit_url(person)))
    assert "Reporting lines" in page
    assert "First Manager" in page and "Second Manager" in page and "Current" in page
    assert "Reporter" in builders.text(client.get(edit_url(second)))  # as a direct report


def test_a_person_cannot_be_their_own_manager(admin, post):
    person = factories.user(name="Self Managed")
    response = post(edit_url(person), edit_data(person, manager_id=str(person.id)))
    assert response.status_code == 400
    assert "A person cannot be their own manager." in builders.text(response)
    assert people_service.current_manager(person) is None


def test_a_reporting_loop_is_refused(admin, post):
    top = factories.user("manager", name="Top")
    middle = factories.user("manager", name="Middle", manager=top)
    bottom = factories.user(name="Bottom", manager=middle)
    response = post(edit_url(top), edit_data(top, manager_id=str(bottom.id), name="Renamed"))
    assert response.status_code == 400
    assert "That would make a loop" in builders.text(response)
    assert people_service.current_manager(top) is None and top.name == "Top"


def test_a_weak_new_password_is_refused(admin, post):
    person = factories.user()
    old_hash = person.password_hash
    response = post(edit_url(person), edit_data(person, password="123456789"))
    assert response.status_code == 400
    assert "Use at least 10 characters." in builders.text(response)
    assert person.password_hash == old_hash


def test_an_edit_to_an_email_someone_else_has_is_refused(admin, post):
    factories.user(email="first@example.com")
    person = factories.user(email="second@example.com", name="Second")
    response = post(edit_url(person), edit_data(person, email="FIRST@example.com", name="X"))
    assert response.status_code == 400
    assert "Someone already has this email address." in builders.text(response)
    assert 'value="X"' in builders.text(response)  # the rest of the input is kept
    assert person.email == "second@example.com" and person.name == "Second"


def test_a_new_password_replaces_the_old_one(client, admin, post):
    person = factories.user()
    response = post(edit_url(person), edit_data(person, password="brand new password"))
    assert response.status_code == 302
    other = client.application.test_client()
    assert builders.sign_in(other, person).status_code != 302
    assert builders.sign_in(other, person, "brand new password").status_code == 302


def test_a_deactivated_manager_stays_selectable_for_their_reports(client, admin, post):
    boss = factories.user("manager", name="Former Boss")
    person = factories.user(name="Left Behind", manager=boss)
    people_service.deactivate(None, boss)
    db.session.commit()
    assert "Former Boss (deactivated)" in builders.text(client.get(edit_url(person)))
    response = post(edit_url(person), edit_data(person, job_title="Agent"))
    assert response.status_code == 302
    assert person.job_title == "Agent"


# Guarding the admin's own account ----------------------------------------------------------


def test_an_admin_cannot_remove_their_own_admin_role(admin, post):
    response = post(edit_url(admin), edit_data(admin, roles=["staff"]))
    assert response.status_code == 400
    assert "You cannot remove your own admin role" in builders.text(response)
    assert admin.has_role("admin")


def test_an_admin_cannot_deactivate_themselves_in_the_form(admin, post):
    response = post(edit_url(admin), edit_data(admin, active=None))
    assert response.status_code == 400
    assert "You cannot deactivate your own account." in builders.text(response)
    assert admin.active


def test_an_admin_cannot_deactivate_themselves_with_the_button(client, admin, post):
    response = post(f"/admin/people/{admin.id}/deactivate", form_url=edit_url(admin))
    assert response.status_code == 302
    assert admin.active
    assert "You cannot deactivate your own account." in builders.text(client.get(edit_url(admin)))


def test_an_admin_who_sets_their_own_password_stays_signed_in(client, admin, post):
    response = post(edit_url(admin), edit_data(admin, password="my own new password"))
    assert response.status_code == 302
    assert client.get("/admin/people").status_code == 200
    other = client.application.test_client()
    assert builders.sign_in(other, admin, "my own new password").status_code == 302


def test_another_admin_can_remove_an_admins_role(admin, post):
    other = builders.admin(name="Other Admin")
    response = post(edit_url(other), edit_data(other, roles=["staff"]))
    assert response.status_code == 302
    assert other.roles == {"staff"}


def test_people_search_ignores_case_in_every_alphabet(app, login_as):
    from tests import factories

    factories.user("staff", name="Peeter Pärn", email="peeter@example.com")
    factories.user("staff", name="Žiga Čuk", email="ziga@example.com")
    client = login_as(factories.user("admin"))
    assert "Peeter Pärn" in client.get("/admin/people?q=PÄRN").get_data(as_text=True)
    html = client.get("/admin/people?q=čuk").get_data(as_text=True)
    assert "Žiga Čuk" in html and "Peeter Pärn" not in html


def test_the_service_refuses_an_admin_deactivating_themselves(admin):
    """The rule lives in the service, so no page or command can skip it; another admin (or
    the system, actor None) may."""
    from reviews.services import DomainError

    with pytest.raises(DomainError, match="deactivate your own account"):
        people_service.deactivate(admin, admin)
    assert admin.active
    other = factories.user("admin", name="Other Admin", email="other-admin@example.com")
    people_service.deactivate(other, admin)
    assert not admin.active
