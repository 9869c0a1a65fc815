"""Security headers on every response of every route (issue 10, point 5).

Routes are enumerated from ``app.url_map``, so a new route is checked without being listed
here. Each GET route is fetched by every role in the demo help desk with ids of objects that
role may open (until one answers 200), each POST route without a CSRF token (a 400 page, no
change made), and everything once signed out. Every response must carry the policy; every
response but a static file or a page's chart image must be ``no-store``; every HTML page must
be free of inline script and style, which the policy would block."""

import re
import socket
import subprocess
import sys
import time
import urllib.request
from itertools import product
from pathlib import Path

import pytest
from flask import url_for
from sqlalchemy import or_, select

from extensions import db
from reviews.models import (
    Cycle,
    Idea,
    OutboundEmail,
    Procedure,
    Recognition,
    ReportExport,
    Review,
    Team,
    TrainingRecord,
    User,
)
from reviews.seed.data import PASSWORD as DEMO_PASSWORD
from reviews.views.headers import CSP

EXPECTED = {
    "Content-Security-Policy": (
        "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
REFERRER_POLICIES = {"same-origin", "no-referrer"}
# The demo help desk's admin, leadership, manager and staff accounts.
ACCOUNTS = ("admin@example.com", "leader@example.com", "manager@example.com", "staff@example.com")
# Cache-Control is the view's own here: static assets hold no one's data, and a page's chart
# image is the signed-in person's own, at a URL naming its data version (private, immutable).
OWN_CACHING = {"static", "reports.chart"}
# GET routes no role is expected to see answer 200, and why.
NOT_200 = {
    "auth.account_link": "tried with an unknown link, which answers 410 (tests/auth)",
    "ideas.submitted": "shows a just-submitted anonymous idea's link once, else redirects",
    "reports.history": "tried on the person's own id, which leads to My ratings (tests/history)",
}
INLINE = re.compile(
    r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle\s*=|\son[a-z]+\s*=|javascript:", re.I
)


def test_the_policy_is_the_one_the_issue_asks_for():
    assert CSP == EXPECTED["Content-Security-Policy"]


def test_every_route_sends_the_security_headers_to_every_role(app, client, login_as):
    from reviews.seed.demo import build_demo

    build_demo(wipe=False)
    problems, answered = [], {}
    check_all_routes(app, client, None, problems, answered)
    for email in ACCOUNTS:
        user = db.session.scalar(select(User).where(User.email == email))
        login_as(user, password=DEMO_PASSWORD)
        check_all_routes(app, client, user, problems, answered)
    assert not problems, "\n".join(problems)
    get_routes = {r.endpoint for r in app.url_map.iter_rules() if "GET" in r.methods}
    never = sorted(get_routes - {e for e, codes in answered.items() if 200 in codes})
    assert never == sorted(NOT_200), {e: answered.get(e) for e in never}


def check_all_routes(app, client, user, problems, answered):
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods:
            for url in urls_for(app, rule, user):
                response = client.get(url)
                answered.setdefault(rule.endpoint, set()).add(response.status_code)
                problems.extend(header_problems(rule.endpoint, url, response))
                response.close()  # a static file is streamed from an open file
                if response.status_code == 200 and "fmt" not in rule.arguments:
                    break
        if "POST" in rule.methods:
            url = urls_for(app, rule, user)[0]
            response = client.post(url, data={})  # no CSRF token: refused, nothing changes
            problems.extend(header_problems(rule.endpoint, "POST " + url, response))
            response.close()


def header_problems(endpoint, url, response):
    who = f"{endpoint} {url} ({response.status_code})"
    found = [
        f"{who}: {name} is {response.headers.get(name)!r}"
        for name, value in EXPECTED.items()
        if response.headers.get(name) != value
    ]
    if response.headers.get("Referrer-Policy") not in REFERRER_POLICIES:
        found.append(f"{who}: Referrer-Policy {response.headers.get('Referrer-Policy')!r}")
    cache = response.headers.get("Cache-Control", "")
    if endpoint not in OWN_CACHING and cache != "no-store":
        found.append(f"{who}: Cache-Control {cache!r}")
    if endpoint == "reports.chart" and response.status_code == 200 and cache[:7] != "private":
        found.append(f"{who}: a chart image cached as {cache!r}")
    if "Strict-Transport-Security" in response.headers:  # the test client speaks http
        found.append(f"{who}: HSTS over plain http")
    if response.mimetype == "text/html" and response.status_code == 200:
        inline = INLINE.search(response.get_data(as_text=True))
        if inline:
            found.append(f"{who}: inline script or style {inline.group(0)!r}")
    return found


def urls_for(app, rule, user) -> list[str]:
    """URLs of ``rule`` with each id taken from objects ``user`` may open, best first."""
    names = sorted(rule.arguments)
    options = [candidates(name, user) for name in names]
    with app.test_request_context():
        return [
            url_for(rule.endpoint, **dict(zip(names, values, strict=True)))
            for values in product(*options)
        ]


def candidates(arg: str, user: User | None) -> list:
    if arg == "filename":
        return ["css/rapport.css"]
    if arg == "key":  # an invitation or reset link's token: an unknown one answers its page
        return ["not-a-link"]
    if arg == "fmt":
        return ["png", "svg", "pdf", "csv", "xlsx"]
    if arg == "name":
        return ["trend", "my-trend"]
    if user is None:
        return [1]
    ids = {
        "review_id": review_ids,
        "cycle_id": lambda u: [c.id for c in db.session.scalars(select(Cycle).order_by(Cycle.id))],
        "user_id": lambda u: [u.id],
        "team_id": lambda u: [db.session.scalar(select(Team.id).order_by(Team.id))],
        "competency_id": lambda u: [1],
        "idea_id": idea_ids,
        "mail_id": lambda u: [mail(u).id],
        "export_id": lambda u: [report_export(u).id],
        "note_id": lambda u: [1],
        "token": lambda u: [anonymous_idea_token(u)],
        "procedure_id": lambda u: [db.session.scalar(select(Procedure.id).order_by(Procedure.id))],
        "recognition_id": lambda u: [
            db.session.scalar(select(Recognition.id).order_by(Recognition.id))
        ],
        "record_id": lambda u: [
            db.session.scalar(
                select(TrainingRecord.id).order_by(
                    TrainingRecord.person_id != u.id, TrainingRecord.id
                )
            )
        ],
        "item_id": action_item_ids,
        "import_id": lambda u: [people_import(u).id],
    }
    return ids[arg](user)


def action_item_ids(user: User) -> list[int]:
    """An action item of a review ``user`` writes or their own (else any), for its pages."""
    from reviews.models import ActionItem

    query = select(ActionItem.id).join(Review).order_by(ActionItem.id)
    live = ActionItem.status.in_(["open", "in_progress"])
    managed = query.where(live, Review.manager_id == user.id).limit(1)
    mine = query.where(or_(Review.manager_id == user.id, Review.employee_id == user.id))
    return list(db.session.scalars(managed)) or list(db.session.scalars(mine.limit(1))) or [1]


def review_ids(user: User) -> list[int]:
    newest = select(Review.id).order_by(Review.cycle_id.desc(), Review.id)
    mine = [
        *db.session.scalars(newest.where(Review.manager_id == user.id).limit(1)),
        *db.session.scalars(newest.where(Review.employee_id == user.id).limit(2)),
        *db.session.scalars(
            newest.where(Review.employee_id == user.id, Review.shared_at.is_not(None)).limit(1)
        ),
    ]
    return mine + list(db.session.scalars(newest.where(Review.shared_at.is_not(None)).limit(2)))


def idea_ids(user: User) -> list[int]:
    query = select(Idea.id).order_by(Idea.id)
    return list(db.session.scalars(query.where(Idea.team_id == user.team_id).limit(1))) + list(
        db.session.scalars(query.limit(1))
    )


def mail(user: User) -> OutboundEmail:
    item = OutboundEmail(
        recipient=user.email, subject="Hello", body="Hello", status="failed", message_id="<x@y>"
    )
    db.session.add(item)
    db.session.commit()
    return item


def report_export(user: User) -> ReportExport:
    cycle = db.session.scalar(select(Cycle).order_by(Cycle.id))
    item = ReportExport(
        user_id=user.id, cycle_id=cycle.id, locale="en", status="done", progress=100,
        filename="report.pdf", content=b"%PDF-1.4\n%%EOF\n",
    )  # fmt: skip
    db.session.add(item)
    db.session.commit()
    return item


def people_import(user: User):
    from reviews.models import PeopleImport

    header = "name,email,team,manager_email,roles,language"
    item = PeopleImport(user_id=user.id, filename="people.csv", content=header + "\n", rows=0)
    db.session.add(item)
    db.session.commit()
    return item


def anonymous_idea_token(user: User) -> str:
    from reviews.services.ideas.contributions import submit_idea

    team = user.team or db.session.scalar(select(Team).order_by(Team.id))
    made = submit_idea(
        user, title="Anonymous", description="Said anonymously.", category="process",
        team=team, anonymous=True,
    )  # fmt: skip
    db.session.commit()
    return made.follow_token


def test_hsts_is_sent_over_https_only(app, client):
    assert "Strict-Transport-Security" not in client.get("/login").headers
    secure = client.get("/login", base_url="https://rapport.example")
    assert secure.headers["Strict-Transport-Security"] == "max-age=31536000"


def test_hsts_is_sent_when_tls_ends_at_a_proxy_in_front(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "BASE_URL", "https://rapport.example")
    assert client.get("/login").headers["Strict-Transport-Security"] == "max-age=31536000"
    monkeypatch.setitem(app.config, "HSTS_MAX_AGE", 0)
    assert "Strict-Transport-Security" not in client.get("/login").headers


def test_a_follow_link_page_keeps_its_stricter_referrer_policy(app, client, login_as):
    from tests import factories

    team = factories.team()
    user = factories.user("staff", team=team)
    token = anonymous_idea_token(user)
    response = login_as(user).get(f"/ideas/follow/{token}")
    assert response.status_code == 200
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["Cache-Control"] == "no-store"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_production_server_names_no_version(tmp_path):
    """``make serve`` runs gunicorn: its Server header must not say which version."""
    port = free_port()
    env = {
        "PATH": "/usr/bin:/bin",
        "RAPPORT_ENV": "production",
        "SECRET_KEY": "x" * 32,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'rapport.sqlite3'}",
    }
    gunicorn = Path(sys.executable).parent / "gunicorn"
    root = Path(__file__).resolve().parent.parent
    server = subprocess.Popen(  # noqa: S603  (our own server, fixed arguments)
        [str(gunicorn), "--workers", "1", "--bind", f"127.0.0.1:{port}", "app:create_app()"],
        cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        headers = fetch_headers(f"http://127.0.0.1:{port}/healthz")
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert not re.search(r"\d", headers.get("Server", "")), headers.get("Server")
    assert headers["Content-Security-Policy"] == CSP


def fetch_headers(url: str, seconds: float = 20) -> dict:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
                return dict(response.headers)
        except urllib.error.HTTPError as error:  # 503: no tables, still a response
            return dict(error.headers)
        except OSError:
            if time.monotonic() > deadline:
                pytest.fail(f"gunicorn did not answer on {url}")
            time.sleep(0.2)
