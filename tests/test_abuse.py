"""Abuse resistance: sign-in limited per account and per address (a window, never a
lock-out), a 429 that says when to come back, a 2 MiB request cap with its own page, error
pages that never repeat the input, and ids or page numbers out of any range answered 404."""

import http.cookiejar
import logging
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest

import config
from app import create_app
from extensions import limiter
from tests import factories
from tests.conftest import csrf_token, redis_answers

HUGE = [2**31, 2**63, 10**20]  # one past the largest id a column holds, and far beyond


@pytest.fixture
def limits(app, monkeypatch):
    """Set the sign-in limits for one test; the counts start and end empty."""

    def set_limits(per_address="10000 per minute", per_account="10000 per minute"):
        monkeypatch.setitem(app.config, "LOGIN_RATE_LIMIT", per_address)
        monkeypatch.setitem(app.config, "LOGIN_ACCOUNT_RATE_LIMIT", per_account)

    limiter.reset()
    yield set_limits
    limiter.reset()


def sign_in(client, email, password, address="127.0.0.1"):
    token = csrf_token(client, "/login")
    return client.post(
        "/login",
        data={"email": email, "password": password, "csrf_token": token},
        environ_base={"REMOTE_ADDR": address},
    )


# --- sign-in limits ---------------------------------------------------------------------


def test_one_account_is_limited_across_addresses(app, client, limits):
    factories.user("staff", email="mari@example.com")
    limits(per_account="5 per 10 minutes")
    addresses = ["10.0.0.1", "10.0.0.2", "10.0.0.3"]
    spellings = ["mari@example.com", " Mari@Example.com ", "MARI@EXAMPLE.COM"]
    codes = [
        sign_in(client, spellings[i % 3], "wrong", addresses[i % 3]).status_code for i in range(15)
    ]
    assert codes == [400] * 5 + [429] * 10
    # Another account is not affected.
    assert sign_in(client, "jaan@example.com", "wrong", "10.0.0.1").status_code == 400


def test_one_address_is_limited_across_accounts(app, client, limits):
    limits(per_address="5 per minute")
    codes = [sign_in(client, f"p{i}@example.com", "wrong").status_code for i in range(8)]
    assert codes == [400] * 5 + [429] * 3
    assert sign_in(client, "p0@example.com", "wrong", "10.0.0.9").status_code == 400


def test_signing_in_successfully_does_not_use_up_the_account_limit(app, client, limits):
    person = factories.user("staff")
    limits(per_account="3 per 10 minutes")
    for _ in range(5):
        assert sign_in(client, person.email, factories.PASSWORD).status_code == 302
        client.post("/logout", data={"csrf_token": csrf_token(client, "/")})


def test_the_account_limit_is_a_window_not_a_lock_out(app, client, limits):
    person = factories.user("staff")
    limits(per_account="2 per 1 second")
    codes = [sign_in(client, person.email, "wrong").status_code for _ in range(3)]
    assert codes == [400, 400, 429]
    assert sign_in(client, person.email, factories.PASSWORD).status_code == 429
    time.sleep(1.1)
    assert sign_in(client, person.email, factories.PASSWORD).status_code == 302


def test_the_429_page_says_when_to_come_back(app, client, limits):
    limits(per_account="1 per 10 minutes")
    sign_in(client, "someone@example.com", "wrong")
    response = sign_in(client, "someone@example.com", "wrong-again")
    assert response.status_code == 429
    wait = int(response.headers["Retry-After"])
    assert 0 < wait <= 601  # the window's end, rounded up to the second
    html = response.get_data(as_text=True)
    assert "You can try again at" in html
    assert "someone@example.com" not in html and "wrong-again" not in html


# --- where the counts live ----------------------------------------------------------------


def test_limits_are_shared_through_redis_when_it_is_configured(monkeypatch, tmp_path):
    monkeypatch.delenv("RATELIMIT_STORAGE_URI", raising=False)
    monkeypatch.setenv("REDIS_URL", "redis://queue.internal:6379/0")
    assert config.Config(str(tmp_path)).RATELIMIT_STORAGE_URI == "redis://queue.internal:6379/0"
    monkeypatch.setenv("RATELIMIT_STORAGE_URI", "redis://limits.internal:6379/1")
    assert config.Config(str(tmp_path)).RATELIMIT_STORAGE_URI == "redis://limits.internal:6379/1"
    assert config.TestingConfig(str(tmp_path)).RATELIMIT_STORAGE_URI == "memory://"


@pytest.mark.parametrize(
    ("storage", "warned"), [("", True), ("memory://", True), ("redis://127.0.0.1:6379/12", False)]
)
def test_counting_in_one_process_is_said_at_start_up(
    monkeypatch, tmp_path, caplog, storage, warned
):
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setenv("RATELIMIT_STORAGE_URI", storage)
    monkeypatch.setenv("DATABASE_URL", "sqlite:///" + str(tmp_path / "db.sqlite3"))
    monkeypatch.setenv("SECRET_KEY", "start-up-test")
    with caplog.at_level(logging.WARNING, logger="rapport.limits"):
        create_app("production")
    said = [r.getMessage() for r in caplog.records if r.name == "rapport.limits"]
    assert bool(said) is warned, said
    assert all("REDIS_URL" in message for message in said)


# --- request size and error pages -----------------------------------------------------------


def test_requests_are_capped_at_two_mib():
    assert config.Config.MAX_CONTENT_LENGTH == 2 * 1024 * 1024


def multipart(fields: dict[str, str], boundary: str = "rapport-test-boundary") -> bytes:
    """A multipart body built by hand (the test client would spool a big one to a file)."""
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in fields.items()
    ]
    return ("".join(parts) + f"--{boundary}--\r\n").encode()


@pytest.mark.parametrize("url", ["/login", "/ideas/new"])
def test_a_request_over_the_cap_gets_the_413_page_without_its_input(app, client, login_as, url):
    login_as(factories.user("staff"))
    marker = "ECHO-ME-"
    # 300 fields of 8 kB: each under Flask's own per-field and part-count limits, so only the
    # request cap refuses it.
    fields = {f"field{i}": marker + "x" * 8000 for i in range(300)}
    fields["csrf_token"] = csrf_token(client, url)
    response = client.post(
        url,
        data=multipart(fields),
        content_type="multipart/form-data; boundary=rapport-test-boundary",
    )
    assert response.status_code == 413
    html = response.get_data(as_text=True)
    assert "larger than 2 MB" in html
    assert marker not in html and len(html) < 50_000


@pytest.mark.parametrize(
    ("method", "url", "data"),
    [
        ("GET", "/no-such-page/<b>ECHO-ME</b>", None),
        ("POST", "/login", {"email": "<b>ECHO-ME</b>", "password": "x"}),  # no CSRF token
        ("GET", "/reviews/99999999999999999999?q=<b>ECHO-ME</b>", None),
    ],
)
def test_error_pages_never_repeat_the_input(client, method, url, data):
    response = client.open(url, method=method, data=data)
    assert response.status_code in (400, 404)
    assert "ECHO-ME" not in response.get_data(as_text=True)


# --- ids and page numbers out of range ------------------------------------------------------


def id_routes(app) -> list[tuple[str, str]]:
    """Every route with an id in its path (method, URL with a placeholder for the id)."""
    found = []
    for rule in app.url_map.iter_rules():
        path = re.sub(r"<int:\w+>", "{id}", rule.rule)
        if "{id}" not in path:
            continue
        path = re.sub(r"<(?:\w+:)?\w+>", "x", path)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            found.append((method, path))
    return found


def test_an_id_beyond_any_column_is_not_found_on_every_route(app, client, login_as):
    routes = id_routes(app)
    assert len(routes) > 20
    login_as(factories.user("admin", "leadership", "manager", "staff"))
    token = csrf_token(client, "/account")
    wrong = []
    for method, path in routes:
        for number in HUGE:
            url = path.format(id=number)
            response = client.open(url, method=method, data={"csrf_token": token})
            if response.status_code != 404:
                wrong.append((method, url, response.status_code))
        largest = path.format(id=2**31 - 1)  # still an id: the database is asked, and says no
        assert client.open(largest, method=method, data={"csrf_token": token}).status_code < 500
    assert not wrong


@pytest.mark.parametrize(
    "url", ["/admin/people", "/admin/audit", "/admin/mail", "/ideas/", "/ideas/implemented"]
)
def test_a_page_number_beyond_any_list_is_not_found(app, client, login_as, url):
    login_as(factories.user("admin", "leadership", "manager", "staff"))
    for number in HUGE:
        assert client.get(f"{url}?page={number}").status_code == 404
    assert client.get(f"{url}?page=2147483647").status_code == 200  # past the end: empty


@pytest.mark.parametrize(
    "query", ["/admin/people?team={n}", "/ideas/?team={n}", "/reports/?team={n}&end={n}"]
)
def test_a_filter_id_beyond_any_column_is_refused_not_a_500(app, client, login_as, query):
    login_as(factories.user("admin", "leadership", "manager", "staff"))
    for number in HUGE:
        assert client.get(query.format(n=number)).status_code in (200, 400)


# --- two processes, one count ---------------------------------------------------------------


def failed_sign_ins_through(servers: list[str], email: str, attempts: int) -> list[int]:
    """Wrong passwords for ``email``, taking turns between ``servers``; the status of each."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    codes = []
    for i in range(attempts):
        server = servers[i % len(servers)]
        with opener.open(f"{server}/login", timeout=30) as page:
            token = re.search(
                r'name="csrf_token" type="hidden" value="([^"]+)"', page.read().decode()
            )
        body = urllib.parse.urlencode(
            {"email": email, "password": "wrong", "csrf_token": token.group(1)}
        ).encode()
        try:
            with opener.open(f"{server}/login", data=body, timeout=30) as response:
                codes.append(response.status)
        except urllib.error.HTTPError as error:
            codes.append(error.code)
    return codes


@pytest.mark.skipif(not redis_answers(), reason="needs Redis on 127.0.0.1:6379")
def test_two_servers_share_one_account_limit_through_redis(tmp_path):
    """Two gunicorn servers (as two workers of ``make serve`` would be): the account's failed
    sign-ins are counted once, whichever server takes them."""
    from tests.test_multiprocess import BIN, flask, free_port, start, wait_until_up

    env = dict(
        os.environ,
        RAPPORT_ENV="production",
        SESSION_COOKIE_SECURE="0",
        SECRET_KEY="abuse-test-key",
        DATABASE_URL="sqlite:///" + str(tmp_path / "rapport.sqlite3"),
        JOBS_DATABASE=str(tmp_path / "jobs.sqlite3"),
        RATELIMIT_STORAGE_URI="redis://127.0.0.1:6379/12",  # memory:// here: 8 times 400
    )
    env.pop("REDIS_URL", None)
    env.pop("TEST_DATABASE_URL", None)
    flask(env, "db", "upgrade")
    email = f"target-{uuid.uuid4().hex[:8]}@example.com"  # a key no earlier run has counted
    factory = "app:create_app({'LOGIN_ACCOUNT_RATE_LIMIT': '4 per 10 minutes'})"
    ports, processes = [free_port(), free_port()], []
    try:
        for port in ports:
            args = [str(BIN / "gunicorn"), "--workers", "1", "--bind", f"127.0.0.1:{port}", factory]
            processes.append(start(env, args, tmp_path / f"server-{port}.log"))
        for port, process in zip(ports, processes, strict=True):
            wait_until_up(port, process)
        codes = failed_sign_ins_through([f"http://127.0.0.1:{p}" for p in ports], email, 8)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=15)
    assert codes == [400] * 4 + [429] * 4


# --- behind a proxy -----------------------------------------------------------------------


def forwarded_sign_in(client, forwarded_for):
    token = csrf_token(client, "/login")
    return client.post(
        "/login",
        data={"email": "x@example.com", "password": "wrong", "csrf_token": token},
        headers={"X-Forwarded-For": forwarded_for},
        environ_base={"REMOTE_ADDR": "10.0.0.254"},  # the load balancer
    ).status_code


def test_behind_a_trusted_proxy_each_client_has_its_own_limit(app, limits, monkeypatch):
    from app import trust_proxies

    limits(per_address="2 per minute")
    monkeypatch.setitem(app.config, "TRUSTED_PROXIES", 1)
    monkeypatch.setattr(app, "wsgi_app", app.wsgi_app)  # put back afterwards
    trust_proxies(app)
    client = app.test_client()
    assert [forwarded_sign_in(client, "203.0.113.7") for _ in range(3)] == [400, 400, 429]
    assert forwarded_sign_in(client, "198.51.100.4") == 400  # another client, not blocked


def test_without_a_trusted_proxy_a_forwarded_address_is_ignored(app, client, limits):
    limits(per_address="2 per minute")
    codes = [forwarded_sign_in(client, f"203.0.113.{n}") for n in range(3)]
    assert codes == [400, 400, 429]  # inventing addresses does not escape the limit


def test_trusted_proxies_come_from_the_environment(monkeypatch, tmp_path):
    assert config.Config(str(tmp_path)).TRUSTED_PROXIES == 0
    monkeypatch.setenv("TRUSTED_PROXIES", "2")
    assert config.Config(str(tmp_path)).TRUSTED_PROXIES == 2
