"""The file's format: a byte-order mark and semicolons are fine, formula-like cells are kept
as text, and an export imports back without a change."""

import csv
import io

import pytest

from extensions import db
from reviews.services.people import csv_people
from tests import factories
from tests.admin import builders

from .conftest import counts, csv_text, last_import, person


def test_a_byte_order_mark_and_semicolons_are_understood(admin, teams, upload, apply):
    content = "\ufeffname;email;team;manager_email;roles;language\r\n"
    content += "Žiga Novak;ziga@example.com;Service Desk;;staff;sl\r\n"
    page = upload(content.encode("utf-8"))
    assert "Preview: 1 to create, 0 to change, 1 unchanged." not in builders.text(page)
    assert "Preview: 1 to create" in builders.text(page)
    apply()
    ziga = person("ziga@example.com")
    assert ziga.name == "Žiga Novak" and ziga.locale == "sl" and ziga.team == teams["desk"]


@pytest.mark.parametrize("name", ["=1+2", "+SUM(A1)", "-5", "@cmd", "'=quoted", "'plain"])
def test_formula_like_cells_are_stored_as_text_and_escaped_on_export(
    admin, client, upload, apply, name
):
    upload(csv_text(f"{csv_people.escape(name)},formula@example.com,,,staff,en"))
    apply()
    assert person("formula@example.com").name == name
    exported = _export(client)
    cell = next(r for r in exported if r[1] == "formula@example.com")[0]
    assert not cell.startswith(("=", "+", "-", "@"))  # no spreadsheet runs it
    assert csv_people.unescape(cell) == name


def test_an_unescaped_formula_in_the_file_is_kept_exactly_as_given(admin, upload, apply):
    upload(
        csv_text(
            '"=HYPERLINK(""http://x"")",f@example.com,,,staff,en',
            "'Brien,o@example.com,,,staff,en",  # an apostrophe before a letter is no escape
        )
    )
    apply()
    assert person("f@example.com").name == '=HYPERLINK("http://x")'
    assert person("o@example.com").name == "'Brien"


def test_export_then_import_changes_nothing(admin, teams, client, upload):
    boss = factories.user("manager", email="boss@example.com", name="=Boss", team=teams["apps"])
    factories.user(email="mari@example.com", name="Mari, Jr.", team=teams["desk"], manager=boss)
    factories.user(email="gone@example.com", name="Gone", active=False)
    response = client.get("/admin/people/export.csv")
    assert response.headers["Content-Type"].startswith("text/csv")
    data = response.get_data()
    assert data.startswith("\ufeff".encode())
    rows = _export(client)
    assert rows[0] == list(csv_people.HEADER)
    assert [
        "Mari, Jr.",
        "mari@example.com",
        "Service Desk",
        "boss@example.com",
        "staff",
        "en",
    ] in rows
    assert ["'=Boss", "boss@example.com", "Applications", "", "manager", "en"] in rows
    assert all(r[1] != "gone@example.com" for r in rows)  # deactivated people are left out
    before = counts()
    page = upload(data)
    assert "Preview: 0 to create, 0 to change, 3 unchanged." in builders.text(page)
    assert last_import().result["counts"]["errors"] == 0
    assert counts() == before


def test_the_export_is_audited(admin, client):
    client.get("/admin/people/export.csv")
    from sqlalchemy import select

    from extensions import db
    from reviews.models import AuditEvent

    event = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "people_exported")
    ).one()
    assert event.actor_id == admin.id and event.after == {"rows": 1}


def _export(client) -> list[list[str]]:
    text = client.get("/admin/people/export.csv").get_data(as_text=True).lstrip("\ufeff")
    return list(csv.reader(io.StringIO(text)))


def test_people_still_in_a_retired_team_export_and_import_back_unchanged(
    admin, teams, client, upload
):
    """A team is retired while people are still in it: their export imports back without a
    change, while moving someone new into that team is refused."""
    factories.user(email="kai@example.com", name="Kai", team=teams["apps"])
    teams["apps"].active = False
    db.session.commit()
    page = upload(_export_bytes(client))
    assert "Preview: 0 to create, 0 to change, 2 unchanged." in builders.text(page)
    page = upload(csv_text("Liis,liis@example.com,Applications,,staff,en"))
    assert "Applications" in builders.text(page) and last_import().result["counts"]["errors"] == 1


def _export_bytes(client) -> bytes:
    return client.get("/admin/people/export.csv").get_data()
