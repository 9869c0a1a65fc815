"""Who may record a training for whom, what a record must satisfy, and the history pages."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from extensions import db
from reviews.models import AuditEvent, TrainingRecord
from reviews.services import DomainError
from reviews.services.training import records

from .conftest import competency, form, make_training


def _count() -> int:
    return db.session.query(TrainingRecord).count()


def test_staff_record_their_own_training_with_decimal_hours(org, login_as, post):
    login_as(org.mari)
    listening = competency(1)
    data = form(person=str(org.mari.id), competencies=[str(listening.id)])
    response = post("/training/new", data)
    assert response.status_code == 302
    record = db.session.scalar(select(TrainingRecord))
    assert (record.person_id, record.recorded_by_id) == (org.mari.id, org.mari.id)
    assert record.hours == 1.5  # typed with a comma, as in Estonian and Slovenian
    assert [c.id for c in record.competencies] == [listening.id]
    page = login_as(org.mari).get("/training/").get_data(as_text=True)
    assert "De-escalation on the phone" in page and "Calm Line Training" in page
    audit = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "training_recorded"))
    assert audit.object_id == record.id and audit.actor_id == org.mari.id


def test_a_manager_records_for_their_staff_but_not_for_others(org, login_as, post):
    login_as(org.kadri)
    assert post("/training/new", form(person=str(org.jaan.id))).status_code == 302
    assert db.session.scalar(select(TrainingRecord.person_id)) == org.jaan.id
    # Peeter is Olev's: not on Kadri's menu, so the form refuses him.
    response = post("/training/new", form(person=str(org.peeter.id)), form_url="/training/new")
    assert response.status_code == 400
    assert _count() == 1


def test_staff_cannot_record_for_a_colleague(org, login_as, post):
    login_as(org.mari)
    response = post("/training/new", form(person=str(org.jaan.id)))
    assert response.status_code == 400
    assert _count() == 0
    with pytest.raises(DomainError):
        records.record_training(org.mari, org.jaan, records.TrainingInput("X", date.today(), 1))


def test_an_admin_records_for_anyone(org):
    record = make_training(org.peeter, org.admin)
    assert record.recorded_by_id == org.admin.id


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": "  "}, "title", "Give the training a title."),
        ({"taken_on": ""}, "taken_on", "Give the date the training was taken."),
        (
            {"taken_on": (date.today() + timedelta(days=1)).isoformat()},
            "taken_on",
            "not a future date",
        ),
        ({"hours": "0"}, "hours", "above 0"),
        ({"hours": "-2"}, "hours", "above 0"),
        ({"hours": "501"}, "hours", "at most 500"),
        ({"hours": "lots"}, "hours", "Give the hours as a number"),
    ],
)
def test_a_record_that_breaks_a_rule_is_refused_with_a_reason(
    org, login_as, post, overrides, field, message
):
    login_as(org.mari)
    response = post("/training/new", form(person=str(org.mari.id), **overrides))
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert _count() == 0


def test_today_is_allowed_and_hours_may_be_left_for_later(org, login_as, post):
    login_as(org.mari)
    data = form(person=str(org.mari.id), taken_on=date.today().isoformat(), hours="")
    assert post("/training/new", data).status_code == 302
    record = db.session.scalar(select(TrainingRecord))
    assert record.hours is None
    page = login_as(org.mari).get("/training/").get_data(as_text=True)
    assert "hours not given yet" in page and "Add hours" in page


def test_the_manager_gives_the_missing_hours_and_the_change_is_audited(org, login_as, post):
    record = make_training(org.mari, hours=None)
    login_as(org.kadri)
    url = f"/training/{record.id}/edit"
    data = form(
        title=record.title, hours="2.25", taken_on=str(record.taken_on), provider=record.provider
    )
    response = post(url, data)
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(TrainingRecord, record.id).hours == 2.25
    change = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "training_changed"))
    assert change.before == {"hours": None} and change.after["hours"] == 2.25


def test_delete_asks_first_then_removes_and_audits(org, login_as, post, client):
    from tests.conftest import csrf_token

    record = make_training(org.mari)
    login_as(org.mari)
    url = f"/training/{record.id}/delete"
    asked = client.post(url, data={"csrf_token": csrf_token(client, f"/training/{record.id}/edit")})
    assert asked.status_code == 200 and "Delete the training" in asked.get_data(as_text=True)
    assert _count() == 1
    assert post(url, form_url=f"/training/{record.id}/edit").status_code == 302
    assert _count() == 0
    gone = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "training_deleted"))
    assert gone.before["title"] == "Active listening workshop"


@pytest.mark.parametrize("who", ["jaan", "olev", "leader"])
def test_others_cannot_change_or_delete_a_record(org, login_as, post, who):
    record = make_training(org.mari)
    login_as(getattr(org, who))
    edit = post(f"/training/{record.id}/edit", form(title="Changed"), form_url="/training/")
    delete = post(f"/training/{record.id}/delete", form_url="/training/")
    assert edit.status_code in (403, 404) and delete.status_code in (403, 404)
    db.session.expire_all()
    assert db.session.get(TrainingRecord, record.id).title == "Active listening workshop"


def test_history_pages_are_scoped(org, login_as):
    make_training(org.mari)
    assert login_as(org.kadri).get(f"/training/people/{org.mari.id}").status_code == 200
    assert login_as(org.leader).get(f"/training/people/{org.mari.id}").status_code == 200
    assert login_as(org.olev).get(f"/training/people/{org.mari.id}").status_code == 404
    assert login_as(org.jaan).get(f"/training/people/{org.mari.id}").status_code == 404


def test_a_manager_sees_their_staff_at_a_glance(org, login_as):
    make_training(org.mari, hours=4)
    make_training(org.mari, hours=None, title="ITIL 4 Foundation")
    page = login_as(org.kadri).get("/training/").get_data(as_text=True)
    assert "My staff" in page
    assert f"/training/people/{org.mari.id}" in page and f"/training/people/{org.jaan.id}" in page
    assert f"/training/people/{org.peeter.id}" not in page


def test_a_retired_competency_stays_on_the_record_it_tags(org):
    from reviews.models import utcnow

    old = competency(0)
    record = make_training(org.mari, competencies=[old])
    old.retired_at = utcnow()
    db.session.commit()
    data = records.TrainingInput("Renamed", record.taken_on, 2, competency_ids=[old.id])
    records.update_training(org.mari, record, data)  # kept: no error
    with pytest.raises(DomainError):
        records.record_training(org.mari, org.mari, data)  # but not chosen anew
