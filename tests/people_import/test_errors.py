"""A file with bad rows: every problem listed with its line, column and reason, no Import
button, and nothing written."""

import pytest

from tests import factories

from .conftest import counts, csv_text, error_rows, last_import


def test_every_kind_of_error_is_listed_with_its_line_and_column(admin, teams, upload):
    factories.user(email="gone@example.com", active=False)
    content = csv_text(
        "Ann,,Service Desk,,staff,en",  # 2: missing e-mail
        "Ben,ben-at-example.com,Service Desk,,staff,en",  # 3: malformed e-mail
        ",cleo@example.com,Service Desk,,staff,en",  # 4: missing name
        "Dan,dan@example.com,Marketing,,staff,en",  # 5: unknown team
        "Eve,eve@example.com,Service Desk,nobody@example.com,staff,en",  # 6: unknown manager
        "Fay,fay@example.com,Service Desk,gus@example.com,staff,en",  # 7: loop with 8
        "Gus,gus@example.com,Service Desk,fay@example.com,manager,en",  # 8: loop with 7
        "Hal,hal@example.com,,hal@example.com,staff,en",  # 9: own manager
        "Ida,fay@example.com,,,staff,en",  # 10: duplicate of line 7
        "Jon,jon@example.com,,,staff|wizard,en",  # 11: unknown role
        "Kim,kim@example.com,,,staff,fi",  # 12: unknown language
        "L" * 121 + ",lou@example.com,,,staff,en",  # 13: too long
        "Max,max@example.com,,gone@example.com,staff,en",  # 14: deactivated manager
        "Ned,ned@example.com,,staff,en",  # 15: a cell short
    )
    before = counts()
    page = upload(content)
    assert page.status_code == 200
    rows = error_rows(page)
    assert rows == [
        ("2", "email", "The e-mail address is missing."),
        ("3", "email", "“ben-at-example.com” is not an e-mail address."),
        ("4", "name", "The name is missing."),
        ("5", "team", "There is no team called “Marketing”; add the team first."),
        ("6", "manager_email", "“nobody@example.com” is neither in the file nor in Rapport."),
        (
            "7",
            "manager_email",
            "A manager loop: fay@example.com → gus@example.com → fay@example.com.",
        ),
        (
            "8",
            "manager_email",
            "A manager loop: gus@example.com → fay@example.com → gus@example.com.",
        ),
        ("9", "manager_email", "A person cannot be their own manager."),
        ("10", "email", "This e-mail address is also on line 7."),
        ("11", "roles", "Unknown role “wizard”: use staff, manager, leadership or admin."),
        ("12", "language", "Unknown language “fi”: use en, et or sl."),
        ("13", "name", "Too long: at most 120 characters."),
        ("14", "manager_email", "The manager “gone@example.com” has been deactivated."),
        ("15", "—", "The line has 5 cells; it needs 6."),
    ]
    assert "Import</button>" not in page.get_data(as_text=True)
    assert counts() == before  # the upload itself is kept, but no person, line or audit entry


def test_a_loop_through_existing_reporting_lines_is_found(admin, teams, upload):
    boss = factories.user("manager", email="boss@example.com")
    factories.user(email="worker@example.com", manager=boss)
    page = upload(csv_text("Boss,boss@example.com,,worker@example.com,manager,en"))
    assert error_rows(page) == [
        (
            "2",
            "manager_email",
            "A manager loop: boss@example.com → worker@example.com → boss@example.com.",
        )
    ]


def test_one_bad_row_among_good_ones_writes_nothing_and_cannot_be_applied(
    admin, teams, upload, apply
):
    good = [f"P{i},p{i}@example.com,Service Desk,,staff,en" for i in range(20)]
    before = counts()
    page = upload(csv_text(*good, "Bad,bad@,Service Desk,,staff,en"))
    assert error_rows(page) == [("22", "email", "“bad@” is not an e-mail address.")]
    response = apply()
    assert "This import cannot be applied" in response.get_data(as_text=True)
    assert counts() == before
    assert last_import().result["counts"]["errors"] == 1


def test_an_admin_cannot_take_their_own_admin_role_away(admin, upload):
    page = upload(csv_text("Ada Admin,ada@example.com,,,staff,en"))
    assert error_rows(page) == [
        ("2", "roles", "You cannot remove your own admin role; another admin can.")
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"name;email\nAnn;ann@example.com\n", "The first line must be the header"),
        (b"", "The first line must be the header"),
        ("name,email,team,manager_email,roles,language\nÄnn,ä@example.com,,,,\n".encode("latin-1"),
         "The file is not UTF-8 text"),
        (b"name,email,team,manager_email,roles,language\nAnn Lee,ann@example.com,,,,\n"
         b"Ann\x00 Lee,ann.lee@example.com,,,,\n",
         "Line 3 holds an invisible control character (U+0000)"),
        (b"name,email,team,manager_email,roles,language\nBob\x07,bob@example.com,,,,\n",
         "Line 2 holds an invisible control character (U+0007)"),
    ],
)  # fmt: skip
def test_a_file_that_cannot_be_read_is_refused_with_a_clear_message(
    admin, upload, content, expected
):
    before = counts()
    page = upload(content)
    assert page.status_code == 400
    assert expected in page.get_data(as_text=True)
    assert counts() == before
    assert last_import() is None


def test_the_header_message_names_the_expected_header_and_what_was_found(admin, upload):
    page = upload(b"Name,E-mail,Team\nAnn,ann@example.com,\n")
    body = page.get_data(as_text=True)
    assert "name,email,team,manager_email,roles,language" in body
    assert "Name,E-mail,Team" in body


def test_more_rows_than_the_cap_is_refused(admin, upload, monkeypatch):
    from reviews.services.people import csv_people

    monkeypatch.setattr(csv_people, "MAX_ROWS", 3)
    page = upload(csv_text(*[f"P{i},p{i}@example.com,,,staff,en" for i in range(4)]))
    assert page.status_code == 400
    assert "more than 3 people" in page.get_data(as_text=True)
    assert last_import() is None


def test_a_file_that_is_not_csv_by_name_is_refused(admin, upload):
    page = upload(csv_text("Ann,ann@example.com,,,staff,en"), filename="people.xlsx")
    assert page.status_code == 400
    assert "Choose a .csv file." in page.get_data(as_text=True)
