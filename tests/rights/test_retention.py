"""The retention period an admin sets, the day a person left, and who is past it."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from extensions import db
from reviews.models import AuditEvent, RetentionPolicy, User, utcnow
from reviews.services.people import accounts
from reviews.services.rights import retention
from tests import factories
from tests.rights.conftest import depart


def test_the_period_is_24_months_until_an_admin_sets_it(org, login_as, post, client):
    assert retention.months() == 24
    login_as(org.admin)
    assert post("/admin/data-rights", {"months": "36"}).status_code == 302
    assert db.session.get(RetentionPolicy, 1).months == 36
    event = db.session.scalars(select(AuditEvent).filter_by(action="retention_changed")).one()
    assert (event.before, event.after, event.actor_id) == (
        {"months": 24},
        {"months": 36},
        org.admin.id,
    )


@pytest.mark.parametrize("months", ["0", "121", "-3", "twelve", ""])
def test_a_period_outside_1_to_120_months_is_refused(org, login_as, post, months):
    login_as(org.admin)
    response = post("/admin/data-rights", {"months": months})
    assert response.status_code == 400
    assert "error" in response.get_data(as_text=True)
    assert db.session.get(RetentionPolicy, 1) is None


def test_deactivation_starts_the_clock_and_reactivation_stops_it(org):
    accounts.deactivate(org.admin, org.jaan)
    db.session.commit()
    assert utcnow() - org.jaan.deactivated_at < timedelta(minutes=1)
    accounts.reactivate(org.admin, org.jaan)
    db.session.commit()
    assert org.jaan.deactivated_at is None


def test_deactivating_through_the_person_form_starts_it_too(org, login_as, post):
    login_as(org.admin)
    url = f"/admin/people/{org.jaan.id}/edit"
    data = {"name": "Jaan Sepp", "email": "jaan@example.com", "roles": "staff", "locale": "en",
            "team_id": org.desk.id, "manager_id": org.kadri.id}  # fmt: skip
    post(url, data)  # "active" unticked
    assert db.session.get(User, org.jaan.id).deactivated_at is not None


def test_the_list_shows_departed_people_and_who_is_past_retention(org, login_as, client):
    depart(org, org.jaan, months_ago=30)
    depart(org, org.peeter, months_ago=2)
    assert retention.past_retention() == [org.jaan]
    login_as(org.admin)
    page = client.get("/admin/data-rights").get_data(as_text=True)
    assert "Jaan Sepp" in page and "Peeter Pärn" in page and "Mari Tamm" not in page


def test_the_end_is_the_same_day_months_later():
    assert retention.add_months(datetime(2026, 1, 31), 1).isoformat() == "2026-02-28"
    assert retention.add_months(datetime(2024, 12, 15), 24).isoformat() == "2026-12-15"


@pytest.mark.parametrize("role", ["staff", "manager", "leadership"])
@pytest.mark.parametrize("url", ["/admin/data-rights", "/admin/people/{id}/erase"])
def test_only_admins_may_see_or_act(org, login_as, client, role, url):
    depart(org, org.jaan)
    login_as(factories.user(role))
    assert client.get(url.format(id=org.jaan.id)).status_code == 403
    assert client.post(url.format(id=org.jaan.id), data={"mode": "remove"}).status_code in (
        400,
        403,
    )
    assert db.session.get(User, org.jaan.id).erased_at is None
