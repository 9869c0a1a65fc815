"""What the admin lists say about people and teams: the admin home's numbers, the people
list's search and managers, a person's reporting lines in date order, a team's managers by
name — and the rule that a person has at least one role, whoever calls the service."""

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from extensions import db
from reviews.models import ReportingLine
from reviews.services import DomainError
from reviews.services.people import accounts as people_service
from tests import factories

from . import builders


@pytest.fixture
def admin(login_as):
    person = builders.admin()
    login_as(person)
    return person


def stats(page: str) -> dict[str, str]:
    """The admin home's numbers, by their label."""
    pairs = re.findall(
        r'<span class="stat-value">([^<]*)</span><span class="stat-label">([^<]*)</span>', page
    )
    return {label: value for value, label in pairs}


def test_the_admin_home_counts_people_teams_and_cycles(client, admin):
    desk, apps, _ = factories.team("Desk"), factories.team("Apps"), factories.team("Old")
    factories.user(name="Mari Tamm", team=desk)
    factories.user(name="Jaan Sepp", team=apps)
    factories.user(name="Left Us", active=False)
    factories.cycle("2026 Q4")
    page = builders.text(client.get("/admin/"))
    assert stats(page) == {
        "active people": "3",  # the admin too
        "deactivated": "1",
        "teams": "3",
        "review cycles": "1",
    }


def test_an_underscore_in_a_search_is_a_character_not_a_wildcard(client, admin):
    factories.user(name="Mari Tamm", email="mari@example.com")
    factories.user(name="svc_backup", email="backup@example.com")
    page = builders.text(client.get("/admin/people?q=_"))
    assert "svc_backup" in page
    assert "Mari Tamm" not in page and admin.email not in page


def test_someone_whose_manager_was_removed_shows_no_manager(client, admin):
    former = factories.user("manager", name="Former Boss")
    person = factories.user(name="Piret Põld", manager=former)
    line = db.session.scalar(select(ReportingLine).where(ReportingLine.employee_id == person.id))
    line.starts_on -= timedelta(days=365)
    db.session.commit()
    people_service.set_manager(person, None)  # the line ends today; it stays in the history
    db.session.commit()
    assert people_service.current_managers([person]) == {}
    page = builders.text(client.get("/admin/people?q=Piret"))
    assert "Piret Põld" in page and "Former Boss" not in page


def test_the_reporting_lines_are_listed_newest_first_whatever_order_they_were_entered(
    client, admin
):
    now = factories.user("manager", name="Current Carl")
    person = factories.user(name="Piret Põld", manager=now)
    earlier = factories.user("manager", name="Earlier Eve")
    # Entered after the current line (an older history typed in later).
    db.session.add(
        ReportingLine(
            employee=person,
            manager=earlier,
            starts_on=date.today() - timedelta(days=700),
            ends_on=date.today() - timedelta(days=1),
        )
    )
    db.session.commit()
    history = people_service.reporting_history(person)
    assert [line.manager.name for line in history] == ["Current Carl", "Earlier Eve"]
    page = builders.text(client.get(f"/admin/people/{person.id}/edit"))
    lines = page[page.index("Reporting lines") :]
    assert lines.index("Current Carl") < lines.index("Earlier Eve")


def test_the_service_refuses_a_person_without_a_role(app):
    actor = builders.admin()
    with pytest.raises(DomainError) as refused:
        people_service.save_person(
            actor, None, active=True, email="x@example.com", name="X", roles=set()
        )
    assert str(refused.value.errors["roles"]) == "Choose at least one role."


def test_a_teams_managers_are_listed_by_name(client, admin):
    team = factories.team("Desk")
    zoe = factories.user("manager", name="Zoe Zed")  # added first
    anna = factories.user("manager", name="Anna Aas")
    factories.user(name="Mari Tamm", team=team, manager=zoe)
    factories.user(name="Jaan Sepp", team=team, manager=anna)
    page = builders.text(client.get("/admin/teams"))
    assert re.search(r">Anna Aas</a>, <a [^>]*>Zoe Zed</a>", page)


def test_the_teams_are_listed_by_name_whatever_order_they_were_added(client, admin):
    factories.team("Zeta Support")  # added first
    factories.team("Alpha Desk")
    page = builders.text(client.get("/admin/teams"))
    assert page.index("Alpha Desk") < page.index("Zeta Support")


def test_a_new_password_set_by_the_service_is_refused_under_its_field(app):
    actor = builders.admin()
    person = factories.user("staff", name="Mari Tamm")
    with pytest.raises(DomainError) as refused:
        people_service.update_user(
            actor,
            person,
            email=person.email,
            name=person.name,
            roles={"staff"},
            team=None,
            manager=None,
            job_title="",
            locale="en",
            active=True,
            password="short",
        )
    assert {k: str(v) for k, v in refused.value.errors.items()} == {
        "password": "Use at least 10 characters."
    }


def test_the_service_refuses_to_take_away_every_role_word_for_word(app):
    actor = builders.admin()
    person = factories.user("staff", name="Mari Tamm")
    with pytest.raises(DomainError) as refused:
        people_service.update_user(
            actor,
            person,
            email=person.email,
            name=person.name,
            roles=set(),
            team=None,
            manager=None,
            job_title="",
            locale="en",
            active=True,
        )
    assert {k: str(v) for k, v in refused.value.errors.items()} == {
        "roles": "Choose at least one role."
    }


def test_a_persons_possible_managers_are_offered_by_name(app):
    zoe = factories.user("manager", name="Zoe Zed")  # added first
    anna = factories.user("manager", name="Anna Aas")
    mari = factories.user(name="Mari Tamm")
    offered = [name for _, name in people_service.manager_candidates(mari)]
    assert offered == ["Anna Aas", "Zoe Zed"]
    assert (zoe.id, "Zoe Zed") in people_service.manager_candidates(None)
    assert anna.id not in dict(people_service.manager_candidates(anna))
