"""A live Rapport server per test, each on its own copy of the demo organisation, and a
headless Chromium.

The demo database is built once by the real migrations; every test gets a fresh copy of it
and its own server in a thread of this process, so no test sees what another one changed and
the order they run in does not matter. The browser is Debian's /usr/bin/chromium driven by
Playwright. Screenshots of the pages a test visits land in ``screenshots/`` (git-ignored)."""

import os
import re
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask import Flask
from werkzeug.serving import WSGIRequestHandler, make_server

from app import create_app
from extensions import db

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEMO_PASSWORD = "rapport-demo"
DESKTOP = {"width": 1280, "height": 860}
PHONE = {"width": 390, "height": 844}
SHOTS = Path(os.environ.get("SCREENSHOT_DIR", Path(__file__).parents[2] / "screenshots"))


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory) -> Path:
    """The demo organisation, built once by the migrations and the demo seed."""
    from flask_migrate import upgrade

    from reviews.seed.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    app = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    with app.app_context():
        upgrade()
        build_demo(wipe=False)
        db.session.remove()
        db.engine.dispose()
    return path


class QuietHandler(WSGIRequestHandler):
    """No line per request in the test output (a failure shows the server's errors still)."""

    def log_request(self, *args, **kwargs) -> None:
        pass


@dataclass
class Live:
    url: str
    app: Flask


@pytest.fixture
def live(demo_database, tmp_path):
    """A server of this test's own: a fresh copy of the demo database behind it."""
    path = tmp_path / "rapport.sqlite3"
    with sqlite3.connect(demo_database) as source, sqlite3.connect(path) as copy:
        source.backup(copy)
    app = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Live(f"http://127.0.0.1:{server.server_port}", app)
    server.shutdown()
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def live_server(live) -> str:
    return live.url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=DESKTOP, locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="en-GB", is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def shots_dir() -> Path:
    """Screenshots land here (SCREENSHOT_DIR, default screenshots/ in the project, git-ignored)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS


def shoot(page, name: str) -> Path:
    """A full-page screenshot of what the page shows now, named after what it is."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"] if page.viewport_size else 0
    path = SHOTS / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name).strip('-')}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def visit(page, url: str, name: str | None = None):
    """Open a page, check it answered, and keep a screenshot of it."""
    response = page.goto(url)
    assert response is not None and response.ok, (url, response and response.status)
    page.wait_for_load_state("load")
    shoot(page, name or url.split("//", 1)[-1].split("/", 1)[-1] or "home")
    return response


def sign_in(page, base_url: str, email: str, password: str = DEMO_PASSWORD) -> None:
    page.goto(base_url + "/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state("domcontentloaded")


def use_language(live: Live, email: str, locale: str) -> None:
    """Set a demo person's language as their Account page would (for tests about another
    page in that language; the journeys themselves switch through the Account page)."""
    from reviews.models import User

    with live.app.app_context():
        db.session.execute(db.update(User).where(User.email == email).values(locale=locale))
        db.session.commit()
        db.session.remove()
