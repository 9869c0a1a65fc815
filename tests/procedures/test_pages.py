"""The procedures' pages through the app: a safely rendered body, the confirm button (POST,
CSRF, current version only), publishing that asks first, the manager's team view (their own
staff by name), the home page's to-do and the review page."""

from datetime import date, timedelta
from html.parser import HTMLParser

from sqlalchemy import select

from extensions import db
from reviews.models import ProcedureRequest
from reviews.services.procedures import markdown
from tests.conftest import csrf_token
from tests.organisation import open_cycle, review_of

from .conftest import make_procedure, new_version

HOSTILE = """# Steps

<script>alert('x')</script>
[click me](javascript:alert(1)) and [ok](https://example.com/kb)
<img src=x onerror="alert(2)">
<a href="#" onclick="steal()">raw link</a>

| Step | Who |
|---|---|
| Call back | Desk |
"""


class Tags(HTMLParser):
    """Every tag and attribute of a piece of HTML, as a browser would read them."""

    def __init__(self, html: str):
        super().__init__()
        self.tags, self.attributes = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [(name, value or "") for name, value in attrs]


def _harmless(html: str) -> None:
    found = Tags(html)
    assert not {"script", "img", "iframe", "style"} & set(found.tags), found.tags
    assert not [name for name, _ in found.attributes if name.startswith("on")]
    assert not [v for name, v in found.attributes if "javascript:" in v.replace(" ", "").lower()]


def test_the_sanitiser_strips_scripts_javascript_links_and_event_handlers():
    raw = (
        '<p onclick="steal()">Hi<script>alert(1)</script></p><a href="javascript:alert(1)">x</a>'
        '<a href=" JaVaScRiPt:alert(1)">y</a><img src=x onerror="alert(2)"><style>p{}</style>'
        '<a href="https://example.com" onmouseover="x()">ok</a>'
    )
    clean = str(markdown.sanitise(raw))
    _harmless(clean)
    assert '<a href="https://example.com" rel="noopener noreferrer nofollow">ok</a>' in clean


def test_a_hostile_markdown_body_renders_harmless():
    html = str(markdown.render(HOSTILE))
    _harmless(html)
    assert '<a href="https://example.com/kb" rel="noopener noreferrer nofollow">ok</a>' in html
    assert "<h1>Steps</h1>" in html and "<table>" in html and "<td>Call back</td>" in html
    # Raw HTML typed into the body is shown as text, never as markup.
    assert "&lt;script&gt;" in html


def test_the_sanitiser_catches_what_the_parser_lets_through():
    """An autolink with a dangerous scheme and a data: image are stripped too."""
    html = str(markdown.render("<javascript:alert(1)>\n\n![x](data:text/html;base64,PHNjcmlwdD4=)"))
    _harmless(html)
    assert "data:" not in Tags(html).attributes


def test_a_hostile_body_is_served_harmless(org, client, login_as):
    procedure = make_procedure(org.leader, body=HOSTILE, teams=[org.desk])
    login_as(org.mari)
    page = client.get(f"/procedures/{procedure.id}").get_data(as_text=True)
    body = page[page.index('<article class="card procedure-body">') :]
    _harmless(body[: body.index("</article>")])


def test_staff_confirm_the_current_version_with_the_button(org, client, login_as, post):
    procedure = make_procedure(org.leader, teams=[org.desk])
    login_as(org.mari)
    home = client.get("/").get_data(as_text=True)
    assert "Procedures to read and confirm" in home and "Password reset: check the caller" in home
    page = client.get(f"/procedures/{procedure.id}").get_data(as_text=True)
    assert "I have read and understood version 1" in page
    response = post(
        f"/procedures/{procedure.id}/confirm",
        {"version": 1},
        form_url=f"/procedures/{procedure.id}",
    )
    assert response.status_code == 302
    page = client.get(f"/procedures/{procedure.id}").get_data(as_text=True)
    assert "You confirmed version 1" in page
    assert "Procedures to read and confirm" not in client.get("/").get_data(as_text=True)


def test_confirming_an_old_version_is_refused_with_a_message(org, client, login_as, post):
    procedure = make_procedure(org.leader, teams=[org.desk])
    login_as(org.mari)
    url = f"/procedures/{procedure.id}"
    token = csrf_token(client, url)
    new_version(org.leader, procedure, "1. Ask for the employee number and date of birth.")
    response = client.post(
        url + "/confirm", data={"version": 1, "csrf_token": token}, follow_redirects=True
    )
    assert "Version 1 has been replaced by version 2" in response.get_data(as_text=True)
    request = db.session.scalar(
        select(ProcedureRequest).where(
            ProcedureRequest.user_id == org.mari.id, ProcedureRequest.confirmed_at.is_not(None)
        )
    )
    assert request is None


def test_confirming_needs_the_csrf_token(org, client, login_as):
    procedure = make_procedure(org.leader, teams=[org.desk])
    login_as(org.mari)
    assert (
        client.post(f"/procedures/{procedure.id}/confirm", data={"version": 1}).status_code == 400
    )


def test_publishing_asks_first_with_the_number_of_people_and_the_date(org, client, login_as):
    procedure = make_procedure(org.kadri, teams=[org.desk], publish=False)
    login_as(org.kadri)
    url = f"/procedures/{procedure.id}/publish"
    due = date.today() + timedelta(days=10)
    data = {"due_on": due.isoformat(), "change_note": "", "csrf_token": csrf_token(client, url)}
    asked = client.post(url, data=data).get_data(as_text=True)
    assert "3 people will be asked to read and confirm it by" in asked
    assert db.session.scalar(select(ProcedureRequest.id)) is None  # not yet
    response = client.post(url, data={**data, "confirmed": "yes"})
    assert response.status_code == 302
    assert len(db.session.scalars(select(ProcedureRequest)).all()) == 3


def test_a_bad_due_date_is_a_form_error_not_a_500(org, client, login_as, post):
    procedure = make_procedure(org.leader, teams=[org.desk], publish=False)
    login_as(org.leader)
    url = f"/procedures/{procedure.id}/publish"
    response = post(url, {"due_on": "2001-01-01"})
    assert response.status_code == 400
    assert "Choose a date from tomorrow to a year from now." in response.get_data(as_text=True)


def test_writing_a_procedure_through_the_form(org, client, login_as, post):
    login_as(org.kadri)
    form = client.get("/procedures/new").get_data(as_text=True)
    assert "Application Support" not in form  # only the teams Kadri manages
    response = post(
        "/procedures/new",
        {
            "title": "Escalating to second line",
            "body": "- Log it\n- Assign it",
            "owner": org.kadri.id,
            "teams": [org.desk.id],
        },
    )
    assert response.status_code == 302
    refused = post(
        "/procedures/new",
        {"title": "For everyone", "body": "Text", "owner": org.kadri.id},
    )
    assert refused.status_code == 400
    assert "only your own teams" in refused.get_data(as_text=True)


def test_the_manager_sees_their_own_staff_by_name(org, client, login_as):
    procedure = make_procedure(org.leader, teams=[org.desk, org.apps])
    login_as(org.kadri)
    page = client.get(f"/procedures/teams/{org.desk.id}").get_data(as_text=True)
    table = page[page.index("<tbody>") : page.index("</tbody>")]
    assert "Mari Tamm" in table and "Jaan Sepp" in table
    assert "Kadri Kask" not in table  # not her own report
    who = client.get(f"/procedures/{procedure.id}").get_data(as_text=True)
    assert "Mari Tamm" in who and "Peeter" not in who and "Kadri Kask</td>" not in who
    assert client.get(f"/procedures/teams/{org.apps.id}").status_code == 404


def test_the_review_page_shows_the_persons_currency(org, client, login_as):
    cycle = open_cycle()
    procedure = make_procedure(org.leader, "Handling an angry caller", teams=[org.desk])
    review = review_of(cycle, org.mari)
    login_as(org.kadri)
    page = client.get(f"/reviews/{review.id}").get_data(as_text=True)
    assert "0 of 1 confirmed" in page and "Handling an angry caller" in page
    assert procedure.id


def test_archiving_asks_first_and_changes_nothing_until_yes(org, client, login_as):
    procedure = make_procedure(org.leader, teams=[org.desk])
    login_as(org.leader)
    url = f"/procedures/{procedure.id}"
    token = csrf_token(client, url)
    asked = client.post(url + "/archive", data={"csrf_token": token})
    assert asked.status_code == 200 and "Archive “" in asked.get_data(as_text=True)
    db.session.refresh(procedure)
    assert procedure.status == "published"
    client.post(url + "/archive", data={"csrf_token": token, "confirmed": "yes"})
    db.session.refresh(procedure)
    assert procedure.status == "archived"


def test_the_daily_command(org, runner):
    make_procedure(org.leader, teams=[org.desk], due_in=2)
    result = runner.invoke(args=["procedures", "daily"])
    assert result.exit_code == 0 and "procedure_due: 3" in result.output
    assert "Nothing to do." in runner.invoke(args=["procedures", "daily"]).output
