"""Time opening a review cycle on a large organisation, and the fan-out behind it.

    export SECRET_KEY=x DATABASE_URL=sqlite:////tmp/scale2.db
    .venv/bin/flask --app app db upgrade && .venv/bin/flask --app app seed-scale
    .venv/bin/python bench/open_cycle.py [DATABASE_URL]     # default: a copy of /tmp/scale2.db

The database is written to (a cycle is created and opened), so a SQLite file is copied
first. The admin opens a new planned cycle through the real request (Flask's test client);
then a real Huey consumer (two worker threads, queue in a temporary SQLite file) writes
the notifications and delivers every e-mail to a local SMTP sink, and the e-mails that
arrive are counted: none may be lost."""

import shutil
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
from reviews.services import cycles as cycle_service  # noqa: E402
from tests.smtp_sink import SmtpSink  # noqa: E402

SCALE_DB = Path("/tmp/scale2.db")  # noqa: S108  (where the README builds it)
ADMIN = "admin@example.com"


class BenchConsumer(Consumer):
    def _set_signal_handlers(self):  # started from a script's main thread, stopped by it
        pass


def run(database_url: str, timeout: float = 1800) -> dict:
    """Open a new cycle on ``database_url`` as the admin and wait for every e-mail."""
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
            cycle_id = _planned_cycle()
            client = app.test_client()
            client.post("/login", data={"email": ADMIN, "password": PASSWORD})
            began = perf_counter()
            response = client.post(f"/cycles/{cycle_id}/open")
            request_s = perf_counter() - began
            assert response.status_code == 302, response.status_code
            reviews = _count(Review, Review.cycle_id == cycle_id)
            figures = {"reviews": reviews, "open_request_s": round(request_s, 2)}
            figures.update(_fan_out(app, sink, expected=2 * reviews, timeout=timeout))
            figures["notifications"] = _count(
                Notification, Notification.url.in_(_review_urls(cycle_id))
            )
            figures["emails_sent_rows"] = _count(OutboundEmail, OutboundEmail.status == "sent")
            return figures
    finally:
        sink.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def _planned_cycle() -> int:
    """Close the open cycle if there is one, and create a planned cycle running today."""
    for cycle in db.session.scalars(select(Cycle).where(Cycle.status == "open")):
        cycle.status = "closed"
    today = date.today()
    cycle = cycle_service.save_cycle(
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


def _count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def _review_urls(cycle_id: int) -> list[str]:
    ids = db.session.scalars(select(Review.id).where(Review.cycle_id == cycle_id))
    return [f"/reviews/{i}" for i in ids]


def main() -> None:
    if len(sys.argv) > 1:
        url = sys.argv[1]
    else:
        copy = Path(tempfile.mkdtemp(prefix="open-cycle-db-")) / "scale.db"
        print(f"Copying {SCALE_DB} to {copy} …")
        shutil.copy(SCALE_DB, copy)
        url = f"sqlite:///{copy}"
    figures = run(url)
    for key, value in figures.items():
        print(f"{key:<24} {value}")
    lost = figures["emails_expected"] - figures["emails_received"]
    print("none lost" if lost == 0 else f"LOST {lost} e-mails")


if __name__ == "__main__":
    main()
