"""A clean file: the preview, then the import all at once — people created without a
password, fields and managers changed with history and audit, and a second import of the
same file changing nothing."""

from datetime import date, timedelta

from sqlalchemy import select

from extensions import db
from reviews.models import AuditEvent, ReportingLine
from tests import factories
from tests.admin import builders

from .conftest import counts, csv_text, last_import, person


def test_the_preview_shows_what_will_be_created_changed_and_left_and_writes_nothing(
    admin, teams, upload
):
    factories.user(email="kadri@example.com", name="Kadri Kask", team=teams["desk"])
    factories.user(email="same@example.com", name="Same Person")
    factories.user(email="other@example.com", name="Not In File")
    before = counts()
    page = upload(
        csv_text(
            "Mari Maasikas,mari@example.com,service desk,kadri@example.com,staff,et",
            "Kadri Kask,KADRI@example.com,Applications,,staff,sl",
            "Same Person,same@example.com,,,staff,en",
            "Ada Admin,ada@example.com,,,admin,en",
        )
    )
    body = builders.text(page)
    assert "Preview: 1 to create, 1 to change, 2 unchanged." in body
    assert "People in Rapport who are not in the file are left as they are." in body
    assert "Mari Maasikas" in body and "mari@example.com" in body
    assert "<dt>team</dt><dd><del>Service Desk</del> → <ins>Applications</ins>" in body
    assert "<dt>language</dt><dd><del>en</del> → <ins>sl</ins>" in body
    assert "<dt>roles</dt><dd><del>staff</del> → <ins>manager|staff</ins>" in body  # manages Mari
    assert "Import</button>" in body
    assert counts() == before
    assert person("mari@example.com") is None


def test_import_creates_and_changes_everyone_at_once_with_audit(
    admin, client, teams, upload, apply
):
    kadri = factories.user(email="kadri@example.com", name="Kadri Kask", team=teams["desk"])
    upload(
        csv_text(
            "Mari Maasikas,mari@example.com,Service Desk,kadri@example.com,staff,et",
            "Kadri Kask,kadri@example.com,Applications,,staff,sl",
        )
    )
    before = counts()
    page = apply()
    assert "The people in the file were imported." in builders.text(page)
    assert "1 created, 1 changed, 0 unchanged" in builders.text(page)
    mari = person("mari@example.com")
    assert mari.password_hash is None and mari.locale == "et" and mari.team == teams["desk"]
    assert {line.manager_id for line in _lines(mari)} == {kadri.id}
    kadri = person("kadri@example.com")
    assert kadri.team == teams["apps"] and kadri.locale == "sl"
    assert kadri.roles == {"staff", "manager"}
    actions = [e.action for e in _audit_since(before["audit"])]
    assert sorted(actions) == ["people_imported", "user_created", "user_updated"]
    summary = next(e for e in _audit_since(before["audit"]) if e.action == "people_imported")
    assert summary.actor_id == admin.id
    assert summary.after == {"file": "people.csv", "created": 1, "changed": 1, "unchanged": 0}
    log = builders.log_rows(client.get("/admin/audit"))
    assert "Imported people from a file" in log and "Added a person" in log


def test_importing_the_same_file_again_changes_nothing(admin, teams, upload, apply):
    content = csv_text(
        "Boss,boss@example.com,Service Desk,,staff,en",
        "Mari,mari@example.com,Service Desk,boss@example.com,staff,et",
        '=HYPERLINK("x"),formula@example.com,,,staff,en',
    )
    upload(content)
    apply()
    before = counts()
    page = upload(content)
    assert "Preview: 0 to create, 0 to change, 3 unchanged." in builders.text(page)
    assert "The file matches Rapport: there is nothing to import." in builders.text(page)
    assert "Import</button>" not in page.get_data(as_text=True)
    assert "This import cannot be applied" in builders.text(apply())
    assert counts() == before  # no person, line, or audit entry


def test_a_new_manager_ends_the_old_reporting_line_and_keeps_it_as_history(admin, upload, apply):
    old = factories.user("manager", email="old@example.com")
    new = factories.user("manager", email="new@example.com")
    mari = factories.user(email="mari@example.com", name="Mari", manager=old)
    line = _lines(mari)[0]
    line.starts_on = date.today() - timedelta(days=100)
    db.session.commit()
    upload(csv_text("Mari,mari@example.com,,new@example.com,staff,en"))
    apply()
    lines = sorted(_lines(mari), key=lambda item: item.starts_on)
    assert [(x.manager_id, x.ends_on) for x in lines] == [
        (old.id, date.today()),
        (new.id, None),
    ]
    updated = [e for e in _audit_since(0) if e.action == "user_updated"]
    assert updated[-1].before == {"manager_id": old.id}
    assert updated[-1].after == {"manager_id": new.id}


def test_two_people_swapping_who_manages_whom_is_not_a_loop(admin, upload, apply):
    anna = factories.user("manager", email="anna@example.com", name="Anna")
    bert = factories.user(email="bert@example.com", name="Bert", manager=anna)
    upload(
        csv_text(
            "Anna,anna@example.com,,bert@example.com,manager,en",
            "Bert,bert@example.com,,,manager|staff,en",
        )
    )
    assert "Import</button>" in builders.text(_page(upload))  # still clean
    apply()
    assert {x.manager_id for x in _lines(anna) if x.ends_on is None} == {bert.id}
    assert [x for x in _lines(bert) if x.ends_on is None] == []


def test_apply_checks_again_and_writes_nothing_when_rapport_changed(admin, teams, upload, apply):
    upload(csv_text("Mari,mari@example.com,Service Desk,,staff,en"))
    teams["desk"].name = "Help Desk"  # renamed after the preview
    db.session.commit()
    before = counts()
    page = apply()
    body = builders.text(page)
    assert "Rapport changed since the preview" in body
    assert "There is no team called “Service Desk”" in body
    assert counts() == before
    assert last_import().stage == "preview"


def test_a_failure_while_writing_rolls_everything_back(admin, teams, upload, apply, monkeypatch):
    from reviews.services.people import import_apply

    upload(
        csv_text(
            "Mari,mari@example.com,Service Desk,,staff,en",
            "Jaan,jaan@example.com,Service Desk,,staff,en",
        )
    )

    def broken(*args):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(import_apply, "_give_manager_role", broken)
    before = counts()
    page = apply()
    assert "Nothing was imported: the disk is full" in builders.text(page)
    assert counts() == before
    assert last_import().status == "failed"


def _page(upload):
    return upload(
        csv_text(
            "Anna,anna@example.com,,bert@example.com,manager,en",
            "Bert,bert@example.com,,,manager|staff,en",
        )
    )


def _lines(user) -> list[ReportingLine]:
    db.session.expire_all()
    return list(
        db.session.scalars(select(ReportingLine).where(ReportingLine.employee_id == user.id))
    )


def _audit_since(count: int) -> list[AuditEvent]:
    db.session.expire_all()
    return list(db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)))[count:]
