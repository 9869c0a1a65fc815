"""The admin's lists of people and teams and one's own password form, as the fourth mutation
run (issue 9, a Random(12) sample of ee2bd2c) found them unpinned: the people list in name
order, closed teams after the active ones, a weak new password refused under its field."""

import pytest

from reviews.services import DomainError
from reviews.services.people import auth
from tests import factories
from tests.admin import builders


@pytest.fixture
def admin(app, login_as):
    person = builders.admin()
    login_as(person)
    return person


def test_the_people_list_is_in_name_order_whatever_order_they_were_added(client, admin):
    """``accounts.search_people`` 5: by id (the order they were added) instead."""
    factories.user("staff", name="Zoe Zed")  # added first
    factories.user("staff", name="Anna Aas")
    page = builders.text(client.get("/admin/people"))
    assert page.index("Anna Aas") < page.index("Zoe Zed")


def test_closed_teams_are_listed_after_the_active_ones(client, admin):
    """``teams.team_rows`` 5: by name only, a closed "Alpha Desk" above "Zeta Support"."""
    factories.team("Alpha Desk").active = False
    factories.team("Zeta Support")
    page = builders.text(client.get("/admin/teams"))
    assert page.index("Zeta Support") < page.index("Alpha Desk")


def test_a_weak_new_password_is_refused_under_the_new_password(app):
    """``auth.change_password`` 20: the refusal under ``password``, a field that form lacks."""
    person = factories.user("staff", name="Mari Tamm")
    with pytest.raises(DomainError) as refused:
        auth.change_password(person, factories.PASSWORD, "short")
    assert {k: str(v) for k, v in refused.value.errors.items()} == {
        "new_password": "Use at least 10 characters."
    }
