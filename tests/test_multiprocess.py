"""Several processes, one deployment: two gunicorn servers and a job worker sharing one
PostgreSQL database and one Redis. A change made through one server is seen through the
other, a chart served by the other follows the new data version, and a job queued by a
request on one server is run by the worker.

Runs only when TEST_DATABASE_URL names PostgreSQL and Redis answers on 127.0.0.1:6379."""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.conftest import redis_answers
from tests.smtp_sink import SmtpSink

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
REDIS_DB = 11
BASE = os.environ.get("TEST_DATABASE_URL", "")


if (
    BASE.startswith("postgresql")
    and os.environ.get("RAPPORT_REQUIRE_REDIS")
    and not redis_answers()
):
    raise RuntimeError("CI needs Redis on 127.0.0.1:6379 for the two-server test")

pytestmark = pytest.mark.skipif(
    not BASE.startswith("postgresql") or not redis_answers(),
    reason="needs TEST_DATABASE_URL on PostgreSQL and Redis on 127.0.0.1:6379",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def flush_redis() -> None:
    with socket.create_connection(("127.0.0.1", 6379), timeout=2) as conn:
        conn.sendall(f"SELECT {REDIS_DB}\r\nFLUSHDB\r\n".encode())
        time.sleep(0.1)
        conn.recv(64)


@pytest.fixture
def deployment(tmp_path):
    """A fresh database with migrations and the demo, and the environment every process
    of the deployment shares."""
    name = f"rapport_mp_{uuid.uuid4().hex[:8]}"
    server = create_engine(BASE, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    sink = SmtpSink()
    flush_redis()
    env = dict(
        os.environ,
        RAPPORT_ENV="production",
        SESSION_COOKIE_SECURE="0",
        SECRET_KEY="multi-process-test-key",
        DATABASE_URL=make_url(BASE).set(database=name).render_as_string(hide_password=False),
        REDIS_URL=f"redis://127.0.0.1:6379/{REDIS_DB}",
        RATELIMIT_STORAGE_URI=f"redis://127.0.0.1:6379/{REDIS_DB}",
        MAIL_SERVER="127.0.0.1",
        MAIL_PORT=str(sink.port),
    )
    env.pop("TEST_DATABASE_URL", None)
    try:
        for command in (["db", "upgrade"], ["seed-demo"]):
            flask(env, *command)
        yield env, sink
    finally:
        sink.stop()
        flush_redis()
        with server.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()


def flask(env, *args) -> None:
    subprocess.run(  # noqa: S603  (a fixed command)
        [str(BIN / "flask"), "--app", "app", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )


def open_cycle_id(env) -> int:
    engine = create_engine(env["DATABASE_URL"])
    try:
        with engine.connect() as conn:
            return conn.scalar(text("SELECT id FROM cycles WHERE status = 'open'"))
    finally:
        engine.dispose()


def start(env, args: list[str], log: Path) -> subprocess.Popen:
    with log.open("wb") as output:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(  # noqa: S603  (a fixed command)
            args, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
        )


def wait_until_up(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server exited"
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10)
            return
        except OSError:  # not listening yet, or still starting
            time.sleep(0.2)
    raise AssertionError(f"nothing answers on port {port}")


class Browser:
    """One person's cookies, used against any server of the deployment."""

    TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')

    def __init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, url: str) -> tuple[bytes, dict]:
        with self.opener.open(url, timeout=30) as response:
            return response.read(), dict(response.headers)

    def token(self, url: str) -> str:
        match = self.TOKEN.search(self.get(url)[0].decode())
        assert match, f"no form on {url}"
        return match.group(1)

    def post(self, url: str, data: dict) -> str:
        body = urllib.parse.urlencode(data).encode()
        with self.opener.open(url, data=body, timeout=30) as response:
            return response.read().decode()


def test_two_servers_and_a_worker_share_one_deployment(deployment, tmp_path):
    env, sink = deployment
    a, b = free_port(), free_port()
    gunicorn = str(BIN / "gunicorn")
    processes = []
    try:
        for port in (a, b):
            args = [gunicorn, "--workers", "1", "--bind", f"127.0.0.1:{port}", "app:create_app()"]
            processes.append(start(env, args, tmp_path / f"server-{port}.log"))
        worker = [str(BIN / "flask"), "--app", "app", "jobs", "worker", "--workers", "1"]
        processes.append(start(env, worker, tmp_path / "worker.log"))
        wait_until_up(a, processes[0])
        wait_until_up(b, processes[1])
        server_a, server_b = f"http://127.0.0.1:{a}", f"http://127.0.0.1:{b}"

        leader = Browser()
        leader.post(
            f"{server_a}/login",
            {
                "email": "leader@example.com",
                "password": "rapport-demo",
                "csrf_token": leader.token(f"{server_a}/login"),
            },
        )
        # The idea pipeline up to the open cycle, which today's ideas belong to.
        chart = f"{server_b}/reports/chart/ideas.png?end={open_cycle_id(env)}"
        chart_before, headers_before = leader.get(chart)
        assert chart_before.startswith(b"\x89PNG")

        title = f"Shared macros {uuid.uuid4().hex[:6]}"
        form = leader.get(f"{server_a}/ideas/new")[0].decode()
        team = re.search(r'<option selected value="(\d+)"|<option value="(\d+)"', form)
        leader.post(
            f"{server_a}/ideas/new",
            {
                "title": title,
                "description": "One macro list for the whole desk.",
                "category": "tools",
                "team_id": team.group(1) or team.group(2),
                "csrf_token": leader.token(f"{server_a}/ideas/new"),
            },
        )
        # Signed in through A, the session and the change are seen through B.
        query = urllib.parse.urlencode({"q": title})
        assert title in leader.get(f"{server_b}/ideas/?{query}")[0].decode()

        chart_after, headers_after = leader.get(chart)
        assert chart_after != chart_before
        assert headers_after.get("ETag") != headers_before.get("ETag")

        # The idea's e-mail to the team's managers was queued by A's request (in Redis)
        # and delivered by the worker.
        deadline = time.monotonic() + 60
        while not any(title in m.get_payload(decode=True).decode() for m in sink.messages):
            assert time.monotonic() < deadline, (tmp_path / "worker.log").read_text()[-3000:]
            assert processes[2].poll() is None, "the worker exited"
            time.sleep(0.2)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
