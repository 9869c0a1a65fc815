"""Finding ideas: search, each filter and sort return exactly the right ideas, pages of 20,
counts without one query per idea, bad parameters ignored, and "My ideas"."""

import re

import pytest
from sqlalchemy import event

from extensions import db

from .conftest import make_idea

TITLE = re.compile(r'class="idea-title" href="[^"]*">([^<]+)</a>')


def titles(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    return TITLE.findall(response.get_data(as_text=True))


def names(c, *keys) -> list[str]:
    return [getattr(c, k).title for k in keys]


@pytest.fixture
def as_jaan(login_as, org, catalogue):
    return login_as(org.jaan)


@pytest.mark.parametrize(
    "query,expected",
    [
        ("", ["chat", "night", "kb", "macros", "rota", "phone"]),
        ("status=submitted", ["night", "macros"]),
        ("status=under_review", ["rota"]),
        ("status=planned", ["kb"]),
        ("status=implemented", ["phone"]),
        ("status=declined", ["chat"]),
        ("status=merged", []),
        ("status=open", ["night", "kb", "macros", "rota"]),
        ("category=process", ["kb", "rota"]),
        ("category=tools", ["macros"]),
        ("category=customer_experience", ["chat"]),
        ("q=macro", ["kb", "macros"]),  # title or description, any case
        ("q=LATE+SHIFTS", ["rota"]),
        ("q=widget", ["chat"]),
        ("q=%C3%B6%C3%B6-vahetuse", ["night"]),
        ("q=%C3%96%C3%96", ["night"]),  # "ÖÖ": letters beyond ASCII fold too, on SQLite as well
        ("q=%25", []),  # a wildcard character is searched for literally
        ("sort=supported", ["kb", "rota", "phone", "chat", "night", "macros"]),
        ("sort=waiting", ["macros", "night", "phone", "rota", "kb", "chat"]),
        ("status=open&sort=supported&q=e", ["kb", "rota", "night", "macros"]),
    ],
)
def test_filters_search_and_sorts(as_jaan, catalogue, query, expected):
    assert titles(as_jaan, "/ideas/?" + query) == names(catalogue, *expected)


def test_team_filter(as_jaan, catalogue, org):
    desk = titles(as_jaan, f"/ideas/?team={org.desk.id}")
    assert desk == names(catalogue, "chat", "night", "macros", "rota")
    apps = titles(as_jaan, f"/ideas/?team={org.apps.id}&sort=supported")
    assert apps == names(catalogue, "kb", "phone")


@pytest.mark.parametrize(
    "query",
    [
        "status=zzz",
        "team=abc",
        "team=999999",
        "category=nope",
        "sort=random",
        "page=abc",
        "q=" + "x" * 300,
    ],
)
def test_bad_parameters_are_ignored(as_jaan, catalogue, query):
    response = as_jaan.get("/ideas/?" + query)
    assert response.status_code == 200


def test_pages_of_twenty(login_as, org):
    for n in range(25):
        make_idea(org.mari, f"Idea number {n:02d}", days_ago=n)
    client = login_as(org.jaan)
    first = titles(client, "/ideas/")
    second = titles(client, "/ideas/?page=2")
    assert first == [f"Idea number {n:02d}" for n in range(20)]
    assert second == [f"Idea number {n:02d}" for n in range(20, 25)]
    assert titles(client, "/ideas/?page=3") == []
    assert "Page 1 of 2" in client.get("/ideas/").get_data(as_text=True)
    # Filters survive paging.
    assert 'href="/ideas/?status=open&amp;page=2"' in client.get("/ideas/?status=open").get_data(
        as_text=True
    )


def _statements(client, url: str) -> int:
    count = 0

    def counter(*_args):
        nonlocal count
        count += 1

    event.listen(db.engine, "before_cursor_execute", counter)
    try:
        client.get(url)
    finally:
        event.remove(db.engine, "before_cursor_execute", counter)
    return count


def test_the_list_does_not_query_once_per_idea(login_as, org):
    for n in range(3):
        make_idea(org.mari, f"Few {n}", supporters=(org.jaan,))
    client = login_as(org.kadri)
    few = _statements(client, "/ideas/")
    for n in range(17):
        make_idea(org.peeter, f"More {n}", team=org.apps, supporters=(org.jaan, org.mari))
    assert _statements(client, "/ideas/") == few


def test_my_ideas_credited_and_followed_in_this_browser(login_as, org, catalogue):
    client = login_as(org.jaan)
    assert titles(client, "/ideas/mine") == names(catalogue, "night", "phone")
    client.get(f"/ideas/follow/{catalogue.rota.token}")
    html = client.get("/ideas/mine").get_data(as_text=True)
    assert TITLE.findall(html) == names(catalogue, "night", "rota", "phone")
    assert f"/ideas/follow/{catalogue.rota.token}" in html
    assert "kept in this browser until you sign out" in html
    # Signing out forgets it: the database never knew.
    client = login_as(org.jaan)
    assert titles(client, "/ideas/mine") == names(catalogue, "night", "phone")


def test_followed_ideas_of_someone_else_in_the_same_browser_are_not_shown(login_as, org, catalogue):
    client = login_as(org.mari)
    with client.session_transaction() as session:
        session["followed_ideas"] = [catalogue.rota.token]
        session["followed_ideas_owner"] = org.jaan.id  # left behind by another person
    assert titles(client, "/ideas/mine") == names(catalogue, "macros")
