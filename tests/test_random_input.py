"""Bad input never hurts (issue 10, point 8): Hypothesis fills every field of the app's
forms — read from the pages as a browser would, CSRF token included — with random text
(NUL and other control characters, right-to-left marks, emoji, markup, very long) and
numbers, and posts them. The answer is always a page that says what is wrong or a
success, never a 5xx; text that is accepted reads back exactly, and escaped."""

import html
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from extensions import db
from reviews.models import Idea, Team
from tests.organisation import build_org

FORM = re.compile(r"<form\b[^>]*method=\"post\"[^>]*>(.*?)</form>", re.S | re.I)
ACTION = re.compile(r"action=\"([^\"]*)\"")
FIELD = re.compile(r"<(input|textarea|select)\b([^>]*)>", re.I)
NAME = re.compile(r"\bname=\"([^\"]+)\"")
TYPE = re.compile(r"\btype=\"([^\"]+)\"")
VALUE = re.compile(r"\bvalue=\"([^\"]*)\"")
KEEP = {"csrf_token"}  # the browser sends it as given
SKIP_TYPES = {"submit", "button", "checkbox", "radio", "file"}

awkward = st.sampled_from(
    [
        "\x00",
        "a\x00b",
        "\x07\x1b[31m",
        "\u202eevil\u202c",
        "שלום עולם",
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        '=HYPERLINK("http://x")',
        "Õun ja šokolaad 🍫",
        " ",
        "9" * 40,
        "-1",
        "2147483648",
        "1e309",
        "0x10",
        "2026-02-30",
    ]
)
value = st.one_of(
    awkward,
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=12),
    st.integers(-(2**64), 2**64).map(str),
    st.builds(lambda c, n: c * n, st.sampled_from("xЖ🙂"), st.integers(1000, 7000)),
)


# Pages with forms, and who opens them (keys of tests.organisation's help desk).
PAGES = [
    ("mari", "/ideas/new"),
    ("mari", "/reviews/{review}/self"),
    ("mari", "/reviews/{review}"),
    ("mari", "/ideas/{idea}"),
    ("mari", "/account"),
    ("mari", "/account/password"),
    ("kadri", "/reviews/{review}/assess"),
    ("admin", "/admin/people/new"),
    ("admin", "/admin/teams/new"),
    ("admin", "/admin/cycles/new"),
    ("admin", "/admin/framework/new"),
    ("admin", "/admin/scale"),
    ("admin", "/admin/audit"),
    ("leader", "/reports/"),
    ("admin", "/ideas/"),
]


@pytest.fixture
def desk(app):
    org = build_org(cycle="2026 Q4")
    idea = Idea(title="Macros", description="d", category="process", team=org.desk, author=org.jaan)
    db.session.add(idea)
    db.session.commit()
    return org, {"review": org.reviews["mari"].id, "idea": idea.id}


def forms_on(page: str) -> list[tuple[str, dict, list[str]]]:
    """(action, the fields as the page fills them, the fields a person can type into)."""
    found = []
    for match in FORM.finditer(page):
        head = page[match.start() : match.start() + 400]
        action = html.unescape(ACTION.search(head).group(1)) if ACTION.search(head) else ""
        filled, typed = {}, []
        for _, attrs in FIELD.findall(match.group(1)):
            name = NAME.search(attrs)
            if not name:
                continue
            kind = (TYPE.search(attrs).group(1) if TYPE.search(attrs) else "text").lower()
            if kind in SKIP_TYPES:
                continue
            key = html.unescape(name.group(1))
            given_value = VALUE.search(attrs)
            filled[key] = html.unescape(given_value.group(1)) if given_value else ""
            if key not in KEEP:
                typed.append(key)
        if typed:
            found.append((action, filled, typed))
    return found


def get_forms(client, url):
    """The page's forms: GET forms (filters) and POST forms."""
    page = client.get(url).get_data(as_text=True)
    posts = forms_on(page)
    gets = [
        (url, {}, NAME.findall(m.group(0)))
        for m in re.finditer(r"<form\b[^>]*method=\"get\"[^>]*>.*?</form>", page, re.S | re.I)
    ]
    return posts, gets


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_random_input_into_every_form_never_gives_a_5xx(app, desk, login_as, data):
    org, ids = desk
    who, template = data.draw(st.sampled_from(PAGES), label="page")
    url = template.format(**ids)
    client = login_as(getattr(org, who))
    posts, gets = get_forms(client, url)
    assert posts or gets, f"no form on {url}"
    if posts and (not gets or data.draw(st.booleans(), label="post")):
        action, filled, typed = data.draw(st.sampled_from(posts), label="form")
        for name in typed:
            if data.draw(st.booleans(), label=f"change {name}"):
                filled[name] = data.draw(value, label=name)
        response = client.post(action or url, data=filled)
    else:
        _, _, names = data.draw(st.sampled_from(gets), label="filter")
        query = {name: data.draw(value, label=name) for name in names}
        response = client.get(url, query_string=query)
    assert response.status_code < 500, (url, response.status_code)
    assert response.status_code in (200, 302, 303, 400, 403, 404, 409, 413, 429)
    db.session.rollback()


text_typed = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]), min_size=1, max_size=60
).filter(lambda t: t.strip())


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(title=text_typed, name=text_typed)
def test_accepted_text_reads_back_exactly_and_escaped(app, desk, login_as, post, title, name):
    org, _ = desk
    login_as(org.mari)
    response = post(
        "/ideas/new",
        {"title": title, "description": title, "category": "process", "team_id": str(org.desk.id)},
    )
    if response.status_code == 302:
        idea = db.session.scalars(select(Idea).order_by(Idea.id.desc())).first()
        assert idea.title == title.strip()
        page = login_as(org.mari).get(f"/ideas/{idea.id}").get_data(as_text=True)
        assert html.escape(idea.title, quote=False) in page.replace("&#39;", "'").replace(
            "&#34;", '"'
        )
    login_as(org.admin)
    response = post("/admin/teams/new", {"name": name, "description": ""})
    if response.status_code == 302:
        team = db.session.scalars(select(Team).order_by(Team.id.desc())).first()
        assert team.name == name.strip()
        page = login_as(org.admin).get("/admin/teams").get_data(as_text=True)
        assert html.escape(team.name, quote=False) in page.replace("&#39;", "'").replace(
            "&#34;", '"'
        )


@pytest.mark.parametrize("text", ["a\x00b", "bell\x07", "\x1b[31m"])
def test_control_characters_are_refused_with_a_clear_page_and_nothing_saved(
    app, desk, login_as, post, text
):
    org, _ = desk
    login_as(org.mari)
    before = db.session.scalar(select(db.func.count()).select_from(Idea))
    data = {"title": text, "description": "d", "category": "process", "team_id": str(org.desk.id)}
    response = post("/ideas/new", data)
    assert response.status_code == 400
    assert "invisible control characters" in response.get_data(as_text=True)
    assert db.session.scalar(select(db.func.count()).select_from(Idea)) == before
    assert login_as(org.mari).get("/ideas/", query_string={"q": text}).status_code == 400


@pytest.mark.parametrize(
    ("url", "field", "others"),
    [
        ("/admin/teams/new", "name", {"description": ""}),
    ],
)
def test_a_name_differing_only_in_non_english_case_is_a_duplicate_not_a_500(
    app, desk, login_as, post, url, field, others
):
    """Found by the random input above: SQLite's lower() folds only A–Z, so "Õpe" passed the
    check against "õpe" and broke the unique constraint (500)."""
    org, _ = desk
    login_as(org.admin)
    assert post(url, {field: "Õpe Ärklis", **others}).status_code == 302
    again = post(url, {field: "õpe ärklis", **others})
    assert again.status_code == 400 and "already exists" in again.get_data(as_text=True)
