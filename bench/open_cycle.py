"""Time opening a review cycle on a large organisation, and the fan-out behind it.

    export SECRET_KEY=x DATABASE_URL=sqlite:////tmp/scale2.db
    .venv/bin/flask --app app db upgrade && .venv/bin/flask --app app seed-scale
    .venv/bin/python bench/open_cycle.py [DATABASE_URL]     # default: a copy of /tmp/scale2.db
    .venv/bin/python bench/open_cycle.py --worker process URL  # `flask jobs worker`, its RSS

The database is written to (a cycle is created and opened), so a SQLite file is copied
first. The admin opens a new planned cycle through the real request (Flask's test client);
then a real Huey consumer (two worker threads, queue in a temporary SQLite file) writes
the notifications and delivers every e-mail to a local SMTP sink, and the e-mails that
arrive are counted: none may be lost. With ``--worker process`` the consumer is ``flask --app
app jobs worker`` in its own process, as in production, and its peak RSS (VmHWM) is shown."""

import argparse
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from time import perf_counter

# The project root instead of bench/ (whose http.py would shadow the standard library).
sys.path[0] = str(Path(__file__).resolve().parent.parent)

from huey.consumer import Consumer  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from app import create_app  # noqa: E402
from extensions import db, huey  # noqa: E402
from reviews import jobs  # noqa: E402
from reviews.models import Cycle, Notification, Review  # noqa: E402
from reviews.models.activity import OutboundEmail  # noqa: E402
from reviews.seed.data import PASSWORD  # noqa: E402
from reviews.services.cycles import setup as cycle_service  # noqa: E402
from tests.smtp_sink import SmtpSink  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SCALE_DB = Path("/tmp/scale2.db")  # noqa: S108  (where the README builds it)
ADMIN = "admin@example.com"


class BenchConsumer(Consumer):
    def _set_signal_handlers(self):  # started from a script's main thread, stopped by it
        pass


def run(database_url: str, timeout: float = 1800, worker: str = "thread") -> dict:
    """Open a new cycle on ``database_url`` as the admin and wait for every e-mail, delivered
    by a consumer in this process (``worker="thread"``) or by ``flask jobs worker`` in its
    own process (``"process"``: its peak RSS is then a jobs worker's, measured)."""
    sink, workdir = SmtpSink(), Path(tempfile.mkdtemp(prefix="open-cycle-"))
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_url,
            "JOBS_DATABASE": str(workdir / "jobs.sqlite3"),
            "REDIS_URL": None,
            "MAIL_SERVER": "127.0.0.1",
            "MAIL_PORT": sink.port,
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
        }
    )
    try:
        with app.app_context():
            cycle_id = planned_cycle()
            client = app.test_client()
            client.post("/login", data={"email": ADMIN, "password": PASSWORD})
            began = perf_counter()
            response = client.post(f"/cycles/{cycle_id}/open")
            request_s = perf_counter() - began
            assert response.status_code == 302, response.status_code
            reviews = _count(Review, Review.cycle_id == cycle_id)
            figures = {"reviews": reviews, "open_request_s": round(request_s, 2)}
            if worker == "process":
                figures.update(_fan_out_process(database_url, workdir, sink, 2 * reviews, timeout))
            else:
                figures.update(_fan_out(app, sink, expected=2 * reviews, timeout=timeout))
            figures["notifications"] = _count(
                Notification, Notification.url.in_(_review_urls(cycle_id))
            )
            figures["emails_sent_rows"] = _count(OutboundEmail, OutboundEmail.status == "sent")
            return figures
    finally:
        sink.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def planned_cycle() -> int:
    """Close the open cycle if there is one, and create a planned cycle running today."""
    for cycle in db.session.scalars(select(Cycle).where(Cycle.status == "open")):
        cycle.status = "closed"
    today = date.today()
    cycle = cycle_service.save_cycle(
        None,
        None,
        name=f"Bench {today.isoformat()} {int(time.time())}",
        period_start=today - timedelta(days=30),
        period_end=today + timedelta(days=60),
        self_deadline=today + timedelta(days=14),
        review_deadline=today + timedelta(days=28),
        show_self_to_manager=False,
    )
    db.session.commit()
    return cycle.id


def _fan_out(app, sink: SmtpSink, expected: int, timeout: float) -> dict:
    """Run a consumer until the sink holds ``expected`` e-mails and the queue is empty."""
    jobs.bind(app)
    consumer = BenchConsumer(huey, workers=2, periodic=False, initial_delay=0.05, max_delay=0.5)
    began = perf_counter()
    consumer.start()
    try:
        deadline = began + timeout
        while len(sink.messages) < expected or huey.pending_count() or huey._tasks_in_flight:
            if perf_counter() > deadline:
                break
            time.sleep(0.1)
        elapsed = perf_counter() - began
    finally:
        consumer.stop(graceful=True)
    received = len(sink.messages)
    return {
        "emails_expected": expected,
        "emails_received": received,
        "distinct_message_ids": len({m["Message-ID"] for m in sink.messages}),
        "until_all_delivered_s": round(elapsed, 1),
        "emails_per_s": round(received / elapsed, 1) if elapsed else None,
    }


def _fan_out_process(database_url, workdir: Path, sink, expected: int, timeout: float) -> dict:
    """The same with ``flask --app app jobs worker`` (2 threads) as its own process, the way
    it runs in production; stopped after the sink holds ``expected`` e-mails and no job is
    queued or scheduled (the dashboard warm-up included). Its VmHWM is read before it stops."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": os.environ.get("SECRET_KEY", "x"),
        "JOBS_DATABASE": str(workdir / "jobs.sqlite3"),
        "MAIL_SERVER": "127.0.0.1",
        "MAIL_PORT": str(sink.port),
    }
    env.pop("REDIS_URL", None)
    log = open(workdir / "worker.log", "wb")  # noqa: SIM115  (closed below)
    began = perf_counter()
    proc = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "flask", "--app", "app", "jobs", "worker", "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    peak = 0.0
    try:
        deadline = began + timeout
        idle_since = None
        while perf_counter() < deadline and proc.poll() is None:
            peak = max(peak, _vm_hwm(proc.pid))
            busy = len(sink.messages) < expected or huey.pending_count() or huey.scheduled_count()
            if busy:
                idle_since = None
            elif idle_since is None:
                idle_since = perf_counter()
            elif perf_counter() - idle_since > 3:  # the last job has had time to finish
                break
            time.sleep(0.2)
        elapsed = (idle_since or perf_counter()) - began
        peak = max(peak, _vm_hwm(proc.pid))
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGINT)  # Huey's graceful stop
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
        log.close()
    received = len(sink.messages)
    return {
        "emails_expected": expected,
        "emails_received": received,
        "distinct_message_ids": len({m["Message-ID"] for m in sink.messages}),
        "until_all_delivered_s": round(elapsed, 1),
        "emails_per_s": round(received / elapsed, 1) if elapsed else None,
        "worker_peak_rss_mb": round(peak),
    }


def _vm_hwm(pid: int) -> float:
    """A process's peak resident memory (VmHWM) in MB, 0 if it is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def _review_urls(cycle_id: int) -> list[str]:
    ids = db.session.scalars(select(Review.id).where(Review.cycle_id == cycle_id))
    return [f"/reviews/{i}" for i in ids]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url", nargs="?", help="database URL (default: a copy of the scale DB)")
    parser.add_argument(
        "--worker",
        choices=("thread", "process"),
        default="thread",
        help="consumer threads in this process, or `flask jobs worker` as its own process",
    )
    args = parser.parse_args()
    if args.url:
        url = args.url
    else:
        copy = Path(tempfile.mkdtemp(prefix="open-cycle-db-")) / "scale.db"
        print(f"Copying {SCALE_DB} to {copy} …")
        shutil.copy(SCALE_DB, copy)
        url = f"sqlite:///{copy}"
    figures = run(url, worker=args.worker)
    for key, value in figures.items():
        print(f"{key:<24} {value}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    where = "the request" + (" and the consumer threads" if args.worker == "thread" else "")
    print(f"{'peak RSS here (MB)':<24} {peak:.0f}  (this process: {where})")
    lost = figures["emails_expected"] - figures["emails_received"]
    print("none lost" if lost == 0 else f"LOST {lost} e-mails")


if __name__ == "__main__":
    main()
