"""Fixtures: an app and a fresh database per test, a client, a CLI runner and ``login_as``.

SQLite by default (in memory); set TEST_DATABASE_URL to run the same suite on PostgreSQL.
The schema is created once per session and every table is emptied after each test, so each
test starts from a fresh, empty database even when an assertion fails."""

import contextvars
import os
import re
import socket
import uuid

import pytest
from flask import has_app_context
from flask.testing import FlaskClient
from hypothesis import settings
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app import create_app
from extensions import db

from . import factories

# CI (CI=true) draws the same examples every run, so a landing run is decided by the code,
# not by the draw; on a developer's machine every run draws afresh and keeps what it finds.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")


@pytest.fixture(scope="session", autouse=True)
def _compiled_translations():
    """Compile the .po catalogs when their .mo is missing or older (``make`` does this too;
    this keeps a bare ``pytest`` run in the right languages)."""
    from pathlib import Path

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in Path(__file__).parent.parent.glob("translations/*/LC_MESSAGES/messages.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            with po.open("rb") as source, mo.open("wb") as target:
                write_mo(target, read_po(source), use_fuzzy=True)


class RequestIsolatedClient(FlaskClient):
    """Runs each request in a fresh context, as production does, so a request never shares
    the test's database session or ``g`` (a view that forgets to commit fails its test).
    Afterwards the test's own objects are expired so they reload what the request saved."""

    def open(self, *args, **kwargs):
        response = contextvars.Context().run(super().open, *args, **kwargs)
        if has_app_context():  # not inside a redirect followed within the isolated run
            db.session.expire_all()
        return response


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """A database of our own for this run: a temporary SQLite file, or, when
    TEST_DATABASE_URL names a PostgreSQL server, a new database created on it (and dropped
    afterwards), so parallel runs never disturb each other."""
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        yield "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.sqlite3")
        return
    name = f"rapport_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    server = create_engine(base, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with server.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()


@pytest.fixture(scope="session")
def _app(database_url):
    app = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": database_url})
    app.test_client_class = RequestIsolatedClient
    with app.app_context():
        db.drop_all()
        db.create_all()
    yield app
    with app.app_context():
        db.drop_all()
        db.engine.dispose()


@pytest.fixture
def app(_app):
    from reviews import jobs

    # A test that built another app (production config, a second server) left the shared
    # queue bound to it, out of immediate mode: every test starts from this app's queue.
    jobs.init_app(_app)
    ctx = _app.app_context()
    ctx.push()
    try:
        yield _app
    finally:
        db.session.rollback()
        db.session.remove()
        _empty_all_tables()
        ctx.pop()


def _empty_all_tables() -> None:
    tables = db.metadata.sorted_tables
    with db.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(tables):
                conn.execute(table.delete())


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


CSRF_RE = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def csrf_token(client, url: str = "/login") -> str:
    """The CSRF token of the form on ``url`` (as a browser would read it)."""
    html = client.get(url, follow_redirects=True).get_data(as_text=True)
    match = CSRF_RE.search(html)
    assert match, f"no CSRF token on {url}"
    return match.group(1)


@pytest.fixture
def login_as(client):
    """Sign ``user`` in through the real form; returns the client."""

    def login(user, password: str = factories.PASSWORD):
        client.post("/logout", data={"csrf_token": csrf_token(client, "/login")})
        token = csrf_token(client, "/login")
        response = client.post(
            "/login", data={"email": user.email, "password": password, "csrf_token": token}
        )
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        return client

    return login


@pytest.fixture
def post(client):
    """POST with the CSRF token taken from the page the form lives on, as a person who
    answers yes when an irreversible button asks first (tests/test_confirmations.py asks)."""

    def do_post(url: str, data: dict | None = None, form_url: str | None = None, **kwargs):
        payload = dict(data or {})
        payload.setdefault("csrf_token", csrf_token(client, form_url or url))
        payload.setdefault("confirmed", "yes")
        return client.post(url, data=payload, **kwargs)

    return do_post


def redis_answers() -> bool:
    """Whether a Redis server answers on 127.0.0.1:6379 (the two-process tests need one)."""
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as conn:
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")
    except OSError:
        return False
