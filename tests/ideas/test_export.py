"""The CSV export: the list's filters, scoped to a manager's teams, anonymous authors left
empty, formula-like cells neutralised, offered as a download."""

import csv
import io

import pytest

from extensions import db

from .conftest import make_idea


def download(client, query=""):
    response = client.get("/ideas/export.csv" + query)
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")  # spreadsheets then read UTF-8 correctly
    return response, list(csv.DictReader(io.StringIO(text[1:])))


def test_export_with_the_current_filters(org, login_as, catalogue):
    response, rows = download(login_as(org.leader), "?status=open&sort=supported")
    assert response.mimetype == "text/csv"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="rapport-ideas-') and ".csv" in disposition
    assert [r["Title"] for r in rows] == [
        "Knowledge base clean-up",
        "Fairer rota",
        "Öö-vahetuse märkmed",
        "Shared reply macros",
    ]
    kb = rows[0]
    assert (kb["Status"], kb["Team"], kb["Author"], kb["Supporters"]) == (
        "Planned",
        "Application Support",
        "Peeter Pärn",
        "3",
    )
    assert rows[1]["Author"] == ""  # the anonymous idea names nobody
    assert "Jaan Sepp" not in response.get_data(as_text=True).split("Fairer rota")[1].split("\n")[0]


def test_managers_export_only_their_teams(org, login_as, catalogue):
    _, rows = download(login_as(org.olev))
    assert [r["Title"] for r in rows] == ["Knowledge base clean-up", "Phone etiquette training"]
    _, rows = download(login_as(org.kadri), f"?team={org.apps.id}")
    assert rows == []
    _, rows = download(login_as(org.admin))
    assert len(rows) == 6


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_that_look_like_formulas_are_neutralised(org, login_as, start):
    idea = make_idea(org.mari)
    idea.title, idea.description = f'{start}HYPERLINK("http://evil")', f"{start}1+1"
    db.session.commit()
    _, rows = download(login_as(org.leader))
    assert rows[0]["Title"] == f'\'{start}HYPERLINK("http://evil")'
    assert rows[0]["Description"] == f"'{start}1+1"


def test_staff_cannot_export(org, login_as):
    assert login_as(org.mari).get("/ideas/export.csv").status_code == 403
    html = login_as(org.mari).get("/ideas/").get_data(as_text=True)
    assert "Download CSV" not in html
    assert "/ideas/export.csv?status=open" in login_as(org.kadri).get(
        "/ideas/?status=open"
    ).get_data(as_text=True)


def test_an_idea_nobody_supports_is_exported_with_0_supporters(org, login_as):
    make_idea(org.mari, "Lonely idea")
    make_idea(org.jaan, "Popular idea", supporters=(org.mari, org.peeter), days_ago=1)
    _, rows = download(login_as(org.leader))
    assert {r["Title"]: r["Supporters"] for r in rows} == {"Lonely idea": "0", "Popular idea": "2"}


def test_the_number_column_is_each_ideas_own_number(org, login_as):
    first = make_idea(org.mari, "Lonely idea")
    second = make_idea(org.jaan, "Popular idea", days_ago=1)
    _, rows = download(login_as(org.leader))
    numbers = {r["Title"]: r["Number"] for r in rows}
    assert numbers == {"Lonely idea": str(first.id), "Popular idea": str(second.id)}
