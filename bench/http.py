"""Rapport's pages under gunicorn, as server CPU per request and as a ratio to a Flask
"hello world" served with the same gunicorn settings in the same run.

    DATABASE_URL=sqlite:////tmp/scale2.db .venv/bin/python -P bench/http.py
    .venv/bin/python -P bench/http.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/rapport_scale2 \\
        --pages hello,staff-home,ideas --requests 200 --json /tmp/bench.json

It starts two servers on free loopback ports (``bench/hello.py`` and ``app:create_app()``,
both gunicorn sync workers), signs ``--users`` people in through the real /login form (each
connection its own account where there are enough of them: staff with a review in the latest
cycle, managers with reviews to write in it, the leadership and admin accounts), then for
each page keeps ``--users`` connections busy until ``--requests`` requests are done or
``--seconds`` have passed. Server CPU is utime + stime of the gunicorn master and workers from
/proc before and after each batch (the client's own CPU is not in it); on PostgreSQL the
CPU of the workers' database backends is shown beside it. Cached pages (the dashboard and one
chart image) are requested once before they are measured. Both servers are always stopped.

Issue 13's administration pages are requested as the admins (``admin@example.com`` first;
the 16 connections share them): the people list ``/admin/people`` (``admin-people``), the
data rights page ``/admin/data-rights`` (``data-rights``), the erasure dry run
``/admin/people/<id>/erase`` of the deactivated, unerased person with the most reviews
(``erase-dry-run``; it plans both modes), the people export ``/admin/people/export.csv``
(``people-export``) and the import form ``/admin/people/import`` (``people-import-form``);
the e-mail preferences ``/account/notifications`` (``email-prefs``) as the staff accounts.
Each account signs in once even when it serves two groups (a sign-in ends its earlier
session).

The chart is the first ``<img src>`` of the leadership dashboard (its URL carries ``v=``, the
version of its data); "chart If-None-Match" (``chart-304``) asks for it again with the ETag
each connection's own account got, and expects 304. Every answer must have the status its
page should give (the "unexpected" column counts the others). After the run the peak and
current RSS (VmHWM, VmRSS) of Rapport's gunicorn workers are printed.

Sign-in is limited to 10 a minute per address in production. The benchmark starts Rapport
with ``create_app({"LOGIN_RATE_LIMIT": "1000 per minute"})`` (``--login-limit``; the limiter
itself stays on) so that every user signs in from 127.0.0.1 without waiting; with
``--login-limit ''`` the production limit applies and a refused sign-in waits and retries.

The file is called http.py: it takes its own directory off sys.path so that it never
shadows the standard library's ``http`` package.
"""

import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]

import argparse  # noqa: E402
import contextlib  # noqa: E402
import html  # noqa: E402
import itertools  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import secrets  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from urllib.parse import urlencode  # noqa: E402

ROOT = os.path.dirname(_HERE)
PASSWORD = "rapport-demo"  # noqa: S105  (every scale account's password; see README)
TICK_MS = 1000.0 / os.sysconf("SC_CLK_TCK")
LOGIN_LIMIT = "1000 per minute"

# Targets from the scale issue: pages ≤ 10 × hello world's CPU and p95 ≤ 100 ms; the
# cached dashboard and a cached chart image have their own CPU budgets.
PAGE_CPU_RATIO = 10.0
PAGE_P95_MS = 100.0
CPU_BUDGET_MS = {"dashboard": 25.0, "chart": 2.0, "chart-304": 2.0}
# Issue 13's administration pages, as the scale org's admins (admin@example.com first).
ADMIN_PAGES = (
    "admin-people",
    "data-rights",
    "erase-dry-run",
    "people-export",
    "people-import-form",
)


# --- a small HTTP/1.1 client: one socket per user, cookies kept by hand -------------------


class Conn:
    """One user's connection. Keep-alive is asked for; gunicorn's sync workers close
    after every response, so a new connection is opened when the server closes (its cost is
    in the latency, as a browser would see it). Cookies are kept whatever their Secure flag
    (production sets it; the benchmark speaks plain HTTP on loopback)."""

    def __init__(self, port: int, cookies: dict | None = None, timeout: float = 60.0):
        self.port = port
        self.cookies = dict(cookies or {})
        self.timeout = timeout
        self.sock = None
        self.buf = b""

    def close(self):
        if self.sock is not None:
            self.sock.close()
        self.sock = None
        self.buf = b""

    def _connect(self):
        self.sock = socket.create_connection(("127.0.0.1", self.port), timeout=self.timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buf = b""

    def request(
        self, method: str, path: str, form: dict | None = None, headers: dict | None = None
    ):
        """(status, headers with lower-case names, body)."""
        body = urlencode(form).encode() if form is not None else b""
        lines = [
            f"{method} {path} HTTP/1.1",
            f"Host: 127.0.0.1:{self.port}",
            "User-Agent: rapport-bench",
            "Accept-Language: en",
            "Accept: text/html,*/*",
            "Connection: keep-alive",
            *(f"{name}: {value}" for name, value in (headers or {}).items()),
        ]
        if self.cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if form is not None:
            lines += [
                "Content-Type: application/x-www-form-urlencoded",
                f"Content-Length: {len(body)}",
            ]
        raw = ("\r\n".join(lines) + "\r\n\r\n").encode() + body
        for attempt in (0, 1):
            reused = self.sock is not None
            if not reused:
                self._connect()
            try:
                self.sock.sendall(raw)
                status, headers, payload = self._read_response(method)
                break
            except (ConnectionError, _Closed):
                self.close()
                if not reused or attempt:
                    raise
        if headers.get("connection", "").lower() == "close":
            self.close()
        for cookie in headers.get("set-cookie", []):
            self._store_cookie(cookie)
        return status, headers, payload

    def _recv(self):
        chunk = self.sock.recv(262144)
        if not chunk:
            raise _Closed
        self.buf += chunk

    def _read_response(self, method: str):
        while b"\r\n\r\n" not in self.buf:
            self._recv()
        head, self.buf = self.buf.split(b"\r\n\r\n", 1)
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split()[1])
        headers: dict = {"set-cookie": []}
        for line in header_lines:
            name, _, value = line.partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "set-cookie":
                headers["set-cookie"].append(value)
            else:
                headers[name] = value
        if method == "HEAD" or status in (204, 304) or 100 <= status < 200:
            return status, headers, b""
        if "chunked" in headers.get("transfer-encoding", "").lower():
            return status, headers, self._read_chunked()
        if "content-length" in headers:
            size = int(headers["content-length"])
            while len(self.buf) < size:
                self._recv()
            payload, self.buf = self.buf[:size], self.buf[size:]
            return status, headers, payload
        try:  # no length: the body runs to the end of the connection
            while True:
                self._recv()
        except _Closed:
            pass
        payload = self.buf
        self.close()
        headers["connection"] = "close"
        return status, headers, payload

    def _read_chunked(self) -> bytes:
        out = []
        while True:
            while b"\r\n" not in self.buf:
                self._recv()
            line, self.buf = self.buf.split(b"\r\n", 1)
            size = int(line.split(b";")[0], 16)
            while len(self.buf) < size + 2:
                self._recv()
            out.append(self.buf[:size])
            self.buf = self.buf[size + 2 :]
            if size == 0:
                return b"".join(out)

    def _store_cookie(self, header: str):
        first, *attrs = header.split(";")
        name, _, value = first.strip().partition("=")
        attrs = [a.strip().lower() for a in attrs]
        expired = any(a in ("max-age=0", "max-age=-1") for a in attrs) or any(
            a.startswith("expires=") and "1970" in a for a in attrs
        )
        if expired or value in ("", '""'):
            self.cookies.pop(name, None)
        else:
            self.cookies[name] = value


class _Closed(Exception):
    """The server closed the connection."""


# --- servers ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A gunicorn we start (in its own process group) and always stop."""

    def __init__(self, name: str, app: str, cwd: str, env: dict, workers: int, log_dir: str):
        self.name = name
        self.workers = workers
        self.port = free_port()
        self.log_path = os.path.join(log_dir, f"{name}.log")
        self.log = open(self.log_path, "wb")  # noqa: SIM115  (closed in stop)
        cmd = [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            str(workers),
            "--worker-class",
            "sync",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--timeout",
            "600",  # the one cold dashboard request may take a while at scale
            "--log-level",
            "warning",
            app,
        ]
        self.proc = subprocess.Popen(  # noqa: S603
            cmd, cwd=cwd, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )

    @property
    def pid(self) -> int:
        return self.proc.pid

    def wait_ready(self, path: str, deadline_s: float = 90.0):
        end = time.monotonic() + deadline_s
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited; see {self.log_path}:\n{self.tail()}")
            try:
                conn = Conn(self.port, timeout=10)
                status, _, _ = conn.request("GET", path)
                conn.close()
                if status < 500:
                    # Both workers up: the first answer can come before the second has booted.
                    end_workers = time.monotonic() + 30
                    while len(children(self.pid)) < self.workers and time.monotonic() < end_workers:
                        time.sleep(0.2)
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"{self.name} did not answer in {deadline_s:.0f} s:\n{self.tail()}")

    def tail(self, n: int = 30) -> str:
        self.log.flush()
        with open(self.log_path, "rb") as f:
            return b"\n".join(f.read().splitlines()[-n:]).decode(errors="replace")

    def stop(self):
        if self.proc.poll() is None:
            try:
                os.kill(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=15)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                pass
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)  # anything of ours left in our group
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=5)
        self.log.close()


# --- CPU from /proc ----------------------------------------------------------------------


def _stat(pid: int) -> list[str] | None:
    try:
        with open(f"/proc/{pid}/stat") as f:
            text = f.read()
    except OSError:
        return None
    return text[text.rindex(")") + 2 :].split()  # fields from 3 (state) on


def children(pid: int) -> list[int]:
    kids = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                kids += [int(k) for k in f.read().split()]
        return kids
    except OSError:
        pass
    for entry in os.listdir("/proc"):  # no /proc/.../children: scan for the parent id
        if entry.isdigit():
            fields = _stat(int(entry))
            if fields and int(fields[1]) == pid:
                kids.append(int(entry))
    return kids


def cpu_ticks(pids) -> dict[int, int]:
    """utime + stime of each process (clock ticks)."""
    out = {}
    for pid in pids:
        fields = _stat(pid)
        if fields:
            out[pid] = int(fields[11]) + int(fields[12])
    return out


def server_ticks(master: int) -> dict[int, int]:
    return cpu_ticks([master, *children(master)])


class PgBackends:
    """The CPU of the PostgreSQL backends serving our gunicorn workers, found by the
    application_name the benchmark adds to the database URL (the server must be local)."""

    def __init__(self, url: str, app_name: str):
        import psycopg

        self.app_name = app_name
        self.conn = psycopg.connect(_libpq_url(url), autocommit=True)

    def pids(self) -> list[int]:
        rows = self.conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE application_name = %s", (self.app_name,)
        ).fetchall()
        return [r[0] for r in rows]

    def ticks(self) -> dict[int, int]:
        return cpu_ticks(self.pids())

    def close(self):
        self.conn.close()


def _libpq_url(url: str) -> str:
    return re.sub(r"^postgresql\+\w+://", "postgresql://", url)


def _with_app_name(url: str, app_name: str) -> str:
    return url + ("&" if "?" in url else "?") + "application_name=" + app_name


def worker_memory(master: int) -> dict[int, dict[str, float]]:
    """Peak (VmHWM) and current (VmRSS) resident memory of the master's workers, in MB."""
    out = {}
    for pid in children(master):
        fields = {}
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    name, _, value = line.partition(":")
                    if name in ("VmHWM", "VmRSS"):
                        fields[name] = int(value.split()[0]) / 1024  # kB → MB
        except OSError:
            continue
        if fields:
            out[pid] = fields
    return out


def delta_ms(before: dict[int, int], after: dict[int, int]) -> float:
    """CPU used between two readings; a process that appeared in between counts from 0."""
    return sum(t - before.get(pid, 0) for pid, t in after.items()) * TICK_MS


# --- accounts ----------------------------------------------------------------------------


@dataclass
class Accounts:
    cycle_id: int
    staff: list[tuple[str, int]]  # (email, id of their review in the latest cycle)
    managers: list[str]
    leaders: list[str]
    admins: list[str] = field(default_factory=list)
    departed: int | None = None  # a deactivated, unerased person with reviews (erase page)


STAFF_SQL = """
SELECT u.email, r.id FROM users u JOIN reviews r ON r.employee_id = u.id
WHERE r.cycle_id = :c AND u.active AND NOT EXISTS (
    SELECT 1 FROM role_assignments x
    WHERE x.user_id = u.id AND x.role IN ('manager', 'leadership', 'admin'))
ORDER BY CASE WHEN u.email = 'staff@example.com' THEN 0 ELSE 1 END, u.id
LIMIT :n
"""
MANAGERS_SQL = """
SELECT u.email FROM users u
WHERE u.active
  AND EXISTS (SELECT 1 FROM role_assignments x WHERE x.user_id = u.id AND x.role = 'manager')
  AND NOT EXISTS (SELECT 1 FROM role_assignments x
                  WHERE x.user_id = u.id AND x.role IN ('leadership', 'admin'))
  AND EXISTS (SELECT 1 FROM reviews r WHERE r.manager_id = u.id AND r.cycle_id = :c)
ORDER BY CASE WHEN u.email = 'manager@example.com' THEN 0 ELSE 1 END, u.id
LIMIT :n
"""
LEADERS_SQL = """
SELECT u.email FROM users u
WHERE u.active AND EXISTS (SELECT 1 FROM role_assignments x
                           WHERE x.user_id = u.id AND x.role IN ('leadership', 'admin'))
ORDER BY CASE WHEN u.email = 'leader@example.com' THEN 0 ELSE 1 END, u.id
LIMIT :n
"""
ADMINS_SQL = """
SELECT u.email FROM users u
WHERE u.active AND EXISTS (SELECT 1 FROM role_assignments x
                           WHERE x.user_id = u.id AND x.role = 'admin')
ORDER BY CASE WHEN u.email = 'admin@example.com' THEN 0 ELSE 1 END, u.id
LIMIT :n
"""
DEPARTED_SQL = """
SELECT u.id FROM users u
WHERE NOT u.active AND u.erased_at IS NULL AND u.deactivated_at IS NOT NULL
  AND EXISTS (SELECT 1 FROM reviews r WHERE r.employee_id = u.id)
ORDER BY (SELECT count(*) FROM reviews r WHERE r.employee_id = u.id) DESC, u.id
LIMIT 1
"""
CYCLE_SQL = """
SELECT id FROM cycles
ORDER BY CASE WHEN status = 'open' THEN 0 ELSE 1 END, period_start DESC, id DESC LIMIT 1
"""


def find_accounts(url: str, n: int) -> Accounts:
    """Read-only look-ups: the latest cycle (the open one, else the most recent, as the home
    page picks it), staff with a review in it, managers with reviews to write in it, the
    leadership and admin accounts, the admins alone, and the departed person with the most
    reviews (deactivated, not erased) for the erase page."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as db:
            cycle_id = db.scalar(text(CYCLE_SQL))
            staff = db.execute(text(STAFF_SQL), {"c": cycle_id, "n": n}).all()
            managers = db.scalars(text(MANAGERS_SQL), {"c": cycle_id, "n": n}).all()
            leaders = db.scalars(text(LEADERS_SQL), {"n": n}).all()
            admins = db.scalars(text(ADMINS_SQL), {"n": n}).all()
            departed = db.scalar(text(DEPARTED_SQL))
    finally:
        engine.dispose()
    return Accounts(
        cycle_id,
        [tuple(r) for r in staff],
        list(managers),
        list(leaders),
        list(admins),
        departed,
    )


CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"')


def sign_in(port: int, email: str, respect_limit_s: float) -> dict:
    """Sign in through the real form; the session cookie. A refused (429) sign-in waits
    for the limiter's window and tries again, for at most ``respect_limit_s`` in all."""
    end = time.monotonic() + respect_limit_s
    while True:
        conn = Conn(port)
        status, _, body = conn.request("GET", "/login")
        match = CSRF_RE.search(body.decode())
        if status != 200 or not match:
            raise RuntimeError(f"GET /login answered {status} without a CSRF token")
        token = match.group(1) or match.group(2)
        form = {"email": email, "password": PASSWORD, "csrf_token": html.unescape(token)}
        status, headers, _ = conn.request("POST", "/login", form)
        conn.close()
        if status in (302, 303):
            return conn.cookies
        if status == 429 and time.monotonic() < end:
            wait = float(headers.get("retry-after") or 61)
            print(f"  sign-in limit reached; waiting {wait:.0f} s", flush=True)
            time.sleep(min(wait, max(end - time.monotonic(), 0)) + 0.5)
            continue
        raise RuntimeError(f"sign-in of {email} answered {status}")


# --- pages -------------------------------------------------------------------------------


@dataclass
class Page:
    key: str  # the --pages name
    label: str
    group: str  # hello, anon, staff, manager, leader, admin
    path: object  # str, or a function of the user (email, extra) giving the path
    cached: bool = False  # request once before measuring
    extra: dict = field(default_factory=dict)
    headers: dict = field(default_factory=dict)  # sent with every request of the batch
    expect: int = 200  # the status every answer should have
    conditional: bool = False  # send each connection's own ETag (from its warm-up) back


PAGE_KEYS = (
    "hello",
    "healthz",
    "staff-home",
    "review",
    "ideas",
    "ideas-p50",
    "ideas-sorts",
    "manager-home",
    "cycle",
    "dashboard",
    "chart",
    "chart-304",
    "admin-people",
    "data-rights",
    "erase-dry-run",
    "people-export",
    "people-import-form",
    "email-prefs",
)


def build_pages(
    keys,
    accounts: Accounts,
    sorts: list[str],
    default_sort: str,
    chart_url: str | None,
    chart_etag: str | None = None,
) -> list[Page]:
    pages = []
    for key in keys:
        if key == "hello":
            pages.append(Page(key, "hello world", "hello", "/"))
        elif key == "healthz":
            pages.append(Page(key, "/healthz (floor)", "anon", "/healthz"))
        elif key == "staff-home":
            pages.append(Page(key, "staff home", "staff", "/"))
        elif key == "review":
            pages.append(Page(key, "review page", "staff", lambda u: f"/reviews/{u[1]}"))
        elif key == "ideas":
            label = f"ideas p1 ({default_sort})" if default_sort else "ideas p1"
            pages.append(Page(key, label, "staff", "/ideas/"))
        elif key == "ideas-p50":
            pages.append(Page(key, "ideas p50", "staff", "/ideas/?page=50"))
        elif key == "ideas-sorts":
            # The default sort is "ideas p1" itself: measured there, unless it is not asked for.
            for sort in sorts:
                if sort != default_sort or "ideas" not in keys:
                    pages.append(Page(key, f"ideas sort={sort}", "staff", f"/ideas/?sort={sort}"))
        elif key == "manager-home":
            pages.append(Page(key, "manager home", "manager", "/"))
        elif key == "cycle":
            pages.append(Page(key, "cycle page", "manager", f"/cycles/{accounts.cycle_id}"))
        elif key == "dashboard":
            pages.append(Page(key, "dashboard (cached)", "leader", "/reports/", cached=True))
        elif key == "chart" and chart_url:
            pages.append(Page(key, "chart (cached)", "leader", chart_url, cached=True))
        elif key == "chart-304" and chart_url and chart_etag:
            pages.append(
                Page(
                    key,
                    "chart If-None-Match",
                    "leader",
                    chart_url,
                    cached=True,
                    expect=304,
                    conditional=True,
                )
            )
        elif key == "admin-people":
            pages.append(Page(key, "admin people list", "admin", "/admin/people"))
        elif key == "data-rights":
            pages.append(Page(key, "data rights", "admin", "/admin/data-rights"))
        elif key == "erase-dry-run" and accounts.departed:
            path = f"/admin/people/{accounts.departed}/erase"
            pages.append(Page(key, "erase dry run", "admin", path))
        elif key == "people-export":
            pages.append(Page(key, "people export CSV", "admin", "/admin/people/export.csv"))
        elif key == "people-import-form":
            pages.append(Page(key, "people import form", "admin", "/admin/people/import"))
        elif key == "email-prefs":
            pages.append(Page(key, "e-mail preferences", "staff", "/account/notifications"))
    return pages


SORT_SELECT_RE = re.compile(r'<select[^>]*name="sort"[^>]*>(.*?)</select>', re.S)
OPTION_RE = re.compile(r'<option([^>]*)value="([^"]*)"([^>]*)>')
CHART_RE = re.compile(r'<img[^>]*\ssrc="(/reports/chart/[^"]+)"')


def sorts_from(body: str) -> tuple[list[str], str]:
    """The values of the idea list's sort menu and the one selected by default."""
    select = SORT_SELECT_RE.search(body)
    if not select:
        return [], ""
    options = [
        (m.group(2), "selected" in m.group(1) + m.group(3))
        for m in OPTION_RE.finditer(select.group(1))
    ]
    default = next((v for v, chosen in options if chosen), options[0][0] if options else "")
    return [v for v, _ in options], default


# --- running a batch ---------------------------------------------------------------------


@dataclass
class Result:
    label: str
    key: str
    requests: int = 0
    seconds: float = 0.0
    latencies_ms: list = field(default_factory=list)
    statuses: dict = field(default_factory=dict)
    cpu_ms: float = 0.0
    db_cpu_ms: float | None = None
    bytes_per_req: float = 0.0
    warmup_ms: float | None = None
    notes: list = field(default_factory=list)
    expect: int = 200

    @property
    def unexpected(self) -> int:
        """Answers whose status is not the one the page should give."""
        return sum(n for s, n in self.statuses.items() if s != self.expect)

    @property
    def rps(self):
        return self.requests / self.seconds if self.seconds else 0.0

    def pct(self, q: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        data = sorted(self.latencies_ms)
        return data[min(len(data) - 1, int(round(q * (len(data) - 1))))]

    @property
    def cpu_per_req(self):
        return self.cpu_ms / self.requests if self.requests else float("nan")

    @property
    def db_per_req(self):
        if self.db_cpu_ms is None or not self.requests:
            return None
        return self.db_cpu_ms / self.requests

    @property
    def bad(self) -> int:
        """Responses that are neither 2xx nor 3xx."""
        return sum(n for s, n in self.statuses.items() if not 200 <= s < 400)

    @property
    def redirects(self) -> int:
        return sum(n for s, n in self.statuses.items() if 300 <= s < 400)


def run_batch(
    server: Server,
    page: Page,
    sessions: list,
    limit: int,
    seconds: float,
    pg: PgBackends | None,
) -> Result:
    """``len(sessions)`` connections at once until ``limit`` requests or ``seconds``."""
    result = Result(page.label, page.key, expect=page.expect)
    conns = []
    for user, cookies in sessions:
        path = page.path(user) if callable(page.path) else page.path
        conns.append((Conn(server.port, cookies), path, dict(page.headers)))

    # Warm-up, not measured: each connection once (templates compiled, caches filled).
    warm_statuses = {}
    for conn, path, sent in conns:
        if page.conditional:  # this user's own ETag (its picture depends on their language)
            _, headers, _ = conn.request("GET", path)
            if headers.get("etag"):
                sent["If-None-Match"] = headers["etag"]
        status, headers, _ = conn.request("GET", path, headers=sent)
        warm_statuses[status] = warm_statuses.get(status, 0) + 1
        if status != page.expect:
            where = headers.get("location", "")
            result.notes.append(f"warm-up {path} answered {status} {where}".strip())
    tickets = itertools.count()
    lock = threading.Lock()
    start_gate = threading.Barrier(len(conns) + 1)
    deadline = [0.0]
    lat, statuses, sizes = [], {}, [0]
    errors = []

    def worker(conn: Conn, path: str, sent: dict):
        mine, mine_status, mine_bytes = [], {}, 0
        start_gate.wait()
        try:
            while next(tickets) < limit and time.perf_counter() < deadline[0]:
                t0 = time.perf_counter()
                status, _, body = conn.request("GET", path, headers=sent)
                mine.append((time.perf_counter() - t0) * 1000)
                mine_status[status] = mine_status.get(status, 0) + 1
                mine_bytes += len(body)
        except Exception as exc:  # noqa: BLE001  (counted and reported, the run goes on)
            errors.append(repr(exc))
        finally:
            conn.close()
        with lock:
            lat.extend(mine)
            sizes[0] += mine_bytes
            for s, n in mine_status.items():
                statuses[s] = statuses.get(s, 0) + n

    threads = [threading.Thread(target=worker, args=c, daemon=True) for c in conns]
    for t in threads:
        t.start()
    before = server_ticks(server.pid)
    db_before = pg.ticks() if pg else None
    t0 = time.perf_counter()
    deadline[0] = t0 + seconds
    start_gate.wait()
    for t in threads:
        t.join(timeout=seconds + 120)
    elapsed = time.perf_counter() - t0
    after = server_ticks(server.pid)
    db_after = pg.ticks() if pg else None

    result.requests = len(lat)
    result.seconds = elapsed
    result.latencies_ms = lat
    result.statuses = statuses
    result.cpu_ms = delta_ms(before, after)
    if pg:
        result.db_cpu_ms = delta_ms(db_before, db_after)
    result.bytes_per_req = sizes[0] / len(lat) if lat else 0.0
    if set(before) != set(after):
        result.notes.append("gunicorn processes changed during the batch (a worker restarted?)")
    if errors:
        result.notes.append(f"{len(errors)} connection errors, e.g. {errors[0]}")
    if any(t.is_alive() for t in threads):
        result.notes.append("some client threads did not finish")
    return result


# --- output ------------------------------------------------------------------------------


def verdict(r: Result, hello: Result) -> str:
    if r.key in ("hello", "healthz"):
        return ""
    if r.unexpected:
        return f"MISS ({r.unexpected} answers not {r.expect})"
    if r.key in CPU_BUDGET_MS:
        budget = CPU_BUDGET_MS[r.key]
        return f"{'ok' if r.cpu_per_req <= budget else 'MISS'} (CPU ≤ {budget:g} ms)"
    misses = []
    if r.cpu_per_req > PAGE_CPU_RATIO * hello.cpu_per_req:
        misses.append("CPU")
    if r.pct(0.95) > PAGE_P95_MS:
        misses.append("p95")
    return "ok" if not misses else "MISS " + "+".join(misses)


def table(results: list[Result], with_db: bool) -> str:
    hello = next(r for r in results if r.key == "hello")
    head = (
        f"{'page':<24} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'CPU ms/req':>10}"
        f" {'CPU × hello':>11} {'req/s % hello':>13}"
    )
    if with_db:
        head += f" {'PG ms/req':>9}"
    head += f" {'KB/req':>7} {'n':>5} {'unexpected':>10}  target"
    lines = [head]
    for r in results:
        ratio = r.cpu_per_req / hello.cpu_per_req if hello.cpu_per_req else float("nan")
        pct = 100 * r.rps / hello.rps if hello.rps else float("nan")
        line = (
            f"{r.label:<24} {r.rps:>7.1f} {r.pct(0.5):>7.1f} {r.pct(0.95):>7.1f}"
            f" {r.cpu_per_req:>10.2f} {ratio:>11.1f} {pct:>12.1f}%"
        )
        if with_db:
            db = r.db_per_req
            line += f" {db:>9.2f}" if db is not None else f" {'':>9}"
        line += f" {r.bytes_per_req / 1024:>7.1f} {r.requests:>5} {r.unexpected:>10}  {verdict(r, hello)}"
        lines.append(line)
    return "\n".join(lines)


def code_label(app_dir: str) -> str:
    try:
        sha = subprocess.run(  # noqa: S603
            ["git", "-C", app_dir, "rev-parse", "--short", "HEAD"],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(  # noqa: S603
            ["git", "-C", app_dir, "status", "--porcelain", "--untracked-files=no"],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return sha + (" + uncommitted changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git work tree)"


def redact(url: str) -> str:
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)


# --- main --------------------------------------------------------------------------------


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    p.add_argument("--requests", type=int, default=300, help="per page (default 300)")
    p.add_argument("--hello-requests", type=int, default=3000, help="for hello world and /healthz")
    p.add_argument("--seconds", type=float, default=30.0, help="at most this long per page")
    p.add_argument("--pages", default=",".join(PAGE_KEYS), help=",".join(PAGE_KEYS))
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--users", type=int, default=16)
    p.add_argument("--json", dest="json_out")
    p.add_argument("--app-dir", default=ROOT, help="the Rapport checkout to serve")
    p.add_argument("--label", help="what code is measured (default: git rev of --app-dir)")
    p.add_argument(
        "--login-limit",
        default=LOGIN_LIMIT,
        help="LOGIN_RATE_LIMIT for the run ('' keeps production's and waits on 429)",
    )
    args = p.parse_args(argv)
    if not args.database_url:
        p.error("--database-url or DATABASE_URL is required")
    keys = [k.strip() for k in args.pages.split(",") if k.strip()]
    unknown = set(keys) - set(PAGE_KEYS)
    if unknown:
        p.error(f"unknown pages {sorted(unknown)}; choose from {','.join(PAGE_KEYS)}")
    if "hello" not in keys:
        keys.insert(0, "hello")  # every figure is a ratio to it
    args.keys = keys
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    is_pg = args.database_url.startswith("postgresql")
    app_name = f"rapport-bench-{os.getpid()}"
    server_url = _with_app_name(args.database_url, app_name) if is_pg else args.database_url
    label = args.label or code_label(args.app_dir)
    log_dir = tempfile.mkdtemp(prefix="rapport-bench-")
    print(f"code: {label}   app: {args.app_dir}")
    print(f"database: {redact(args.database_url)}")
    print(
        f"gunicorn sync × {args.workers}, {args.users} users, ≤ {args.requests} requests"
        f" (hello/healthz ≤ {args.hello_requests}) or ≤ {args.seconds:g} s a page;"
        f" load average {os.getloadavg()[0]:.2f}; server logs in {log_dir}",
        flush=True,
    )

    accounts = find_accounts(args.database_url, args.users)
    print(
        f"latest cycle {accounts.cycle_id}: {len(accounts.staff)} staff, "
        f"{len(accounts.managers)} managers, {len(accounts.leaders)} leadership/admin accounts"
        f" ({len(accounts.admins)} admins); departed person for the erase page:"
        f" {accounts.departed or 'none'}",
        flush=True,
    )
    if "erase-dry-run" in args.keys and not accounts.departed:
        print("warning: no deactivated person with reviews; erase-dry-run not measured", flush=True)
    base_env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("FLASK_", "RAPPORT_", "DATABASE_URL", "RATELIMIT_"))
    }
    rapport_env = dict(
        base_env,
        RAPPORT_ENV="production",
        SECRET_KEY=secrets.token_hex(16),
        DATABASE_URL=server_url,
        RATELIMIT_STORAGE_URI="memory://",
    )
    app_spec = (
        f"app:create_app({{'LOGIN_RATE_LIMIT': {args.login_limit!r}}})"
        if args.login_limit
        else "app:create_app()"
    )
    servers: list[Server] = []
    pg = None
    results: list[Result] = []
    memory: dict = {}
    try:
        hello_srv = Server("hello", "bench.hello:app", ROOT, base_env, args.workers, log_dir)
        servers.append(hello_srv)
        app_srv = Server("rapport", app_spec, args.app_dir, rapport_env, args.workers, log_dir)
        servers.append(app_srv)
        hello_srv.wait_ready("/")
        app_srv.wait_ready("/healthz")
        if is_pg:
            pg = PgBackends(args.database_url, app_name)

        groups_needed = set()
        pages_wanted = set(args.keys)
        for key in pages_wanted:
            if key in ("staff-home", "review", "ideas", "ideas-p50", "ideas-sorts", "email-prefs"):
                groups_needed.add("staff")
            elif key in ("manager-home", "cycle"):
                groups_needed.add("manager")
            elif key in ("dashboard", "chart", "chart-304"):
                groups_needed.add("leader")
            elif key in ADMIN_PAGES:
                groups_needed.add("admin")
        wait_s = 0.0 if args.login_limit else 300.0
        t_sign = time.monotonic()
        sessions: dict[str, list] = {"hello": [(None, {})] * args.users}
        sessions["anon"] = sessions["hello"]
        pools = {
            "staff": accounts.staff,
            "manager": [(m, None) for m in accounts.managers],
            "leader": [(m, None) for m in accounts.leaders],
            "admin": [(m, None) for m in accounts.admins],
        }
        # Each account signs in once: a sign-in rotates its session token, so signing the
        # admins in again (they are leadership/admin accounts too) would end the first session.
        signed_in: dict[str, dict] = {}
        for group in sorted(groups_needed):
            pool = pools[group]
            if not pool:
                raise RuntimeError(f"no {group} accounts found in the database")
            for user in pool:
                if user[0] not in signed_in:
                    signed_in[user[0]] = sign_in(app_srv.port, user[0], wait_s)
            signed = [(user, signed_in[user[0]]) for user in pool]
            # One account per connection where there are enough; else they take turns.
            sessions[group] = [signed[i % len(signed)] for i in range(args.users)]
        print(
            f"signed in {len(signed_in)} accounts in {time.monotonic() - t_sign:.1f} s",
            flush=True,
        )

        sorts, default_sort, chart_url, chart_etag, warm = [], "", None, None, {}
        if pages_wanted & {"ideas", "ideas-sorts"}:
            conn = Conn(app_srv.port, sessions["staff"][0][1])
            _, _, body = conn.request("GET", "/ideas/")
            conn.close()
            sorts, default_sort = sorts_from(body.decode())
            if not sorts:
                print("warning: no sort menu found on /ideas/", flush=True)
        if pages_wanted & {"dashboard", "chart", "chart-304"}:
            conn = Conn(app_srv.port, sessions["leader"][0][1], timeout=900)
            t0 = time.perf_counter()
            status, _, body = conn.request("GET", "/reports/")
            warm["dashboard"] = (time.perf_counter() - t0) * 1000
            print(f"dashboard, first request: {status} in {warm['dashboard']:.0f} ms", flush=True)
            images = [html.unescape(u) for u in CHART_RE.findall(body.decode())]
            print(f"  {len(images)} chart images on /reports/", flush=True)
            if images:
                chart_url = images[0]
                t0 = time.perf_counter()
                status, headers, _ = conn.request("GET", chart_url)
                warm["chart"] = (time.perf_counter() - t0) * 1000
                print(
                    f"chart {chart_url}, first request: {status} in {warm['chart']:.0f} ms,"
                    f" Cache-Control: {headers.get('cache-control')}, ETag: {headers.get('etag')}",
                    flush=True,
                )
                chart_etag = headers.get("etag")
                t0 = time.perf_counter()
                status, headers, payload = conn.request("GET", chart_url)
                print(
                    f"  again: {status} in {(time.perf_counter() - t0) * 1000:.0f} ms,"
                    f" {len(payload)} bytes",
                    flush=True,
                )
                if chart_etag:
                    t0 = time.perf_counter()
                    status, _, payload = conn.request(
                        "GET", chart_url, headers={"If-None-Match": chart_etag}
                    )
                    warm["chart-304"] = (time.perf_counter() - t0) * 1000
                    print(
                        f"  with If-None-Match: {status} in {warm['chart-304']:.0f} ms,"
                        f" {len(payload)} bytes",
                        flush=True,
                    )
            elif pages_wanted & {"chart", "chart-304"}:
                print("warning: no chart image on /reports/; charts not measured", flush=True)
            conn.close()

        pages = build_pages(args.keys, accounts, sorts, default_sort, chart_url, chart_etag)
        for page in pages:
            server = hello_srv if page.group == "hello" else app_srv
            limit = args.hello_requests if page.group in ("hello", "anon") else args.requests
            result = run_batch(
                server,
                page,
                sessions[page.group],
                limit,
                args.seconds,
                pg if server is app_srv else None,
            )
            result.warmup_ms = warm.get(page.key) if page.cached else None
            results.append(result)
            bad = f", {result.unexpected} not {page.expect}" if result.unexpected else ""
            print(
                f"  {page.label:<24} {result.requests:>5} requests in {result.seconds:5.1f} s,"
                f" CPU {result.cpu_per_req:7.2f} ms/req{bad}",
                flush=True,
            )
            for note in result.notes:
                print(f"    note: {note}", flush=True)
        memory = worker_memory(app_srv.pid)
    finally:
        if pg:
            pg.close()
        for server in servers:
            server.stop()

    total = time.monotonic() - started
    print()
    print(table(results, with_db=is_pg))
    print(
        f"\nCPU: utime+stime of gunicorn master and workers (ms per request, {TICK_MS:g} ms ticks)"
        + ("; PG: the workers' PostgreSQL backends" if is_pg else "")
        + f". Targets: pages ≤ {PAGE_CPU_RATIO:g} × hello CPU and p95 ≤ {PAGE_P95_MS:g} ms;"
        " dashboard (cached) ≤ 25 ms CPU; chart (cached) ≤ 2 ms CPU."
    )
    for r in results:
        odd = {s: n for s, n in r.statuses.items() if not 200 <= s < 300}
        if odd:
            print(f"{r.label}: status counts {dict(sorted(r.statuses.items()))}")
    if memory:
        print(
            "Rapport's gunicorn workers after the run: "
            + ", ".join(
                f"pid {pid} peak RSS (VmHWM) {m['VmHWM']:.0f} MB, RSS now {m['VmRSS']:.0f} MB"
                for pid, m in memory.items()
            )
            + f"; max peak {max(m['VmHWM'] for m in memory.values()):.0f} MB"
        )
    print(f"whole run {total:.0f} s; load average now {os.getloadavg()[0]:.2f}")

    if args.json_out:
        hello = next(r for r in results if r.key == "hello")
        doc = {
            "code": label,
            "app_dir": args.app_dir,
            "database": redact(args.database_url),
            "workers": args.workers,
            "users": args.users,
            "requests": args.requests,
            "seconds_cap": args.seconds,
            "login_limit": args.login_limit or "production",
            "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "run_seconds": round(total, 1),
            "worker_memory_mb": {str(pid): m for pid, m in memory.items()},
            "worker_peak_rss_mb": max((m["VmHWM"] for m in memory.values()), default=None),
            "pages": [
                {
                    "page": r.label,
                    "key": r.key,
                    "requests": r.requests,
                    "seconds": round(r.seconds, 3),
                    "req_per_s": round(r.rps, 2),
                    "p50_ms": round(r.pct(0.5), 2),
                    "p95_ms": round(r.pct(0.95), 2),
                    "cpu_ms_per_req": round(r.cpu_per_req, 3),
                    "cpu_x_hello": round(r.cpu_per_req / hello.cpu_per_req, 2)
                    if hello.cpu_per_req
                    else None,
                    "rps_pct_hello": round(100 * r.rps / hello.rps, 2) if hello.rps else None,
                    "pg_cpu_ms_per_req": None if r.db_per_req is None else round(r.db_per_req, 3),
                    "bytes_per_req": round(r.bytes_per_req),
                    "statuses": {str(s): n for s, n in sorted(r.statuses.items())},
                    "non_2xx_3xx": r.bad,
                    "expected_status": r.expect,
                    "unexpected_status": r.unexpected,
                    "first_request_ms": None if r.warmup_ms is None else round(r.warmup_ms),
                    "target": verdict(r, hello),
                    "notes": r.notes,
                }
                for r in results
            ],
        }
        with open(args.json_out, "w") as f:
            json.dump(doc, f, indent=2)
        print(f"wrote {args.json_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
