"""Publishing asks everyone a procedure applies to; a new version supersedes; archiving stops
the asking; only its writers may change it; everything is audited."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from extensions import db
from reviews.models import AuditEvent, Notification, ProcedureRequest
from reviews.services import DomainError
from reviews.services.procedures import editing, queries, reading
from tests import factories

from .conftest import make_procedure, new_version


def _asked(procedure) -> dict[str, bool]:
    """Whose live request is open, by e-mail → confirmed."""
    rows = db.session.scalars(
        select(ProcedureRequest).where(
            ProcedureRequest.procedure_id == procedure.id, ProcedureRequest.closed_at.is_(None)
        )
    )
    return {r.user.email.split("@")[0]: r.confirmed_at is not None for r in rows}


def test_publishing_asks_the_active_members_of_its_teams_and_tells_them(org):
    factories.user("staff", name="Gone Person", team=org.desk, active=False)
    procedure = make_procedure(org.leader, teams=[org.desk])
    assert _asked(procedure) == {"kadri": False, "mari": False, "jaan": False}
    notes = db.session.scalars(
        select(Notification).where(Notification.kind == "procedure_published")
    )
    assert sorted(n.user.name for n in notes) == ["Jaan Sepp", "Kadri Kask", "Mari Tamm"]


def test_a_procedure_for_no_team_asks_everyone_active(org):
    procedure = make_procedure(org.admin)
    assert set(_asked(procedure)) == {"kadri", "mari", "jaan", "olev", "peeter", "liis", "anu"}


def test_a_new_version_supersedes_every_older_request(org):
    procedure = make_procedure(org.leader, teams=[org.desk])
    reading.confirm(org.mari, procedure, 1)
    db.session.commit()
    new_version(org.leader, procedure, "1. Ask for the employee number and date of birth.")
    assert _asked(procedure) == {"kadri": False, "mari": False, "jaan": False}
    assert [w.number for w in queries.waiting(org.mari)] == [2]
    assert [v.number for v in procedure.versions] == [2, 1]
    assert procedure.versions[1].body.startswith("1. Ask for the employee number.\n")


def test_confirming_records_the_version_and_an_old_version_is_refused(org):
    procedure = make_procedure(org.leader, teams=[org.desk])
    new_version(org.leader, procedure, "Changed.")
    with pytest.raises(DomainError) as refused:
        reading.confirm(org.mari, procedure, 1)
    assert "replaced by version 2" in str(refused.value.errors[""])
    request = reading.confirm(org.mari, procedure, 2)
    db.session.commit()
    assert request.version.number == 2 and request.confirmed_at is not None
    assert queries.currency_of(org.mari).up_to_date


def test_someone_not_asked_cannot_confirm(org):
    procedure = make_procedure(org.leader, teams=[org.desk])
    with pytest.raises(DomainError):
        reading.confirm(org.peeter, procedure, 1)


def test_publishing_unchanged_text_or_without_a_note_is_refused(org):
    procedure = make_procedure(org.leader, teams=[org.desk])
    due = date.today() + timedelta(days=7)
    with pytest.raises(DomainError) as same:
        editing.publish(org.leader, procedure, change_note="Nothing", due_on=due)
    assert "Nothing has changed" in str(same.value.errors[""])
    db.session.rollback()
    procedure.body = "New text."
    with pytest.raises(DomainError) as note:
        editing.publish(org.leader, procedure, change_note="", due_on=due)
    assert "change_note" in note.value.errors


@pytest.mark.parametrize("days", [0, -3, 400])
def test_the_due_date_must_be_from_tomorrow_to_a_year(org, days):
    procedure = make_procedure(org.leader, teams=[org.desk], publish=False)
    with pytest.raises(DomainError) as refused:
        editing.publish(
            org.leader, procedure, change_note="", due_on=date.today() + timedelta(days=days)
        )
    assert "due_on" in refused.value.errors


def test_a_manager_writes_only_for_the_teams_they_manage(org):
    with pytest.raises(DomainError) as everyone:
        make_procedure(org.kadri, teams=[])
    assert "teams" in everyone.value.errors
    db.session.rollback()
    with pytest.raises(DomainError) as other:
        make_procedure(org.kadri, teams=[org.apps])
    assert "teams" in other.value.errors
    db.session.rollback()
    mine = make_procedure(org.kadri, teams=[org.desk])
    assert set(_asked(mine)) == {"kadri", "mari", "jaan"}
    theirs = make_procedure(org.leader, teams=[org.desk, org.apps])
    theirs.body = "Changed."
    with pytest.raises(DomainError):
        editing.publish(org.kadri, theirs, change_note="x", due_on=date.today() + timedelta(7))


def test_staff_cannot_write_procedures(org):
    with pytest.raises(DomainError):
        make_procedure(org.mari, teams=[org.desk])


def test_archiving_stops_the_asking_and_keeps_the_history(org):
    procedure = make_procedure(org.leader, teams=[org.desk])
    editing.archive(org.leader, procedure)
    db.session.commit()
    assert _asked(procedure) == {}
    assert queries.waiting(org.mari) == []
    assert len(procedure.versions) == 1
    with pytest.raises(DomainError):
        editing.archive(org.leader, procedure)


def test_publishing_archiving_and_confirming_are_audited(org):
    procedure = make_procedure(org.leader, teams=[org.desk])
    reading.confirm(org.mari, procedure, 1)
    reading.confirm(org.mari, procedure, 1)  # twice: recorded once
    editing.archive(org.leader, procedure)
    db.session.commit()
    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.object_type == "procedures").order_by(AuditEvent.id)
    )
    assert [(e.action, e.actor_id, e.after.get("version")) for e in events] == [
        ("procedure_published", org.leader.id, 1),
        ("procedure_confirmed", org.mari.id, 1),
        ("procedure_archived", org.leader.id, None),
    ]


def test_the_library_holds_what_applies_to_the_person(org):
    desk = make_procedure(org.leader, "Desk only", teams=[org.desk])
    make_procedure(org.leader, "Apps only", teams=[org.apps])
    everyone = make_procedure(org.leader, "For everyone")
    make_procedure(org.leader, "Draft", publish=False)
    titles = [e.procedure.title for e in queries.library(org.mari)]
    assert titles == ["Desk only", "For everyone"]
    reading.confirm(org.mari, desk, 1)
    db.session.commit()
    assert [e.up_to_date for e in queries.library(org.mari)] == [True, False]
    assert everyone.id
