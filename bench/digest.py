"""Time the daily digest for a large organisation, and count its SQL statements.

    SECRET_KEY=x .venv/bin/python -P bench/digest.py [--people 10000] [--each 3] [DATABASE_URL]

Builds a fresh database (a temporary SQLite file unless a URL of an EMPTY database is given:
its tables are created and dropped), with ``--people`` people in three languages, a tenth of
them deactivated, each with ``--each`` notifications waiting for their digest. Then
``send_daily_digest`` runs as the 06:30 job does, queueing the e-mails into the outbox (their
delivery jobs go to a queue no worker reads: delivery is timed by bench/open_cycle.py).
Prints the time, the e-mails queued, the statements run and the statements per chunk."""

import argparse
import sys
import tempfile
from pathlib import Path
from time import perf_counter

# The project root instead of bench/ (whose http.py would shadow the standard library).
sys.path[0] = str(Path(__file__).resolve().parent.parent)

from sqlalchemy import event, func, insert, select  # noqa: E402

from app import create_app  # noqa: E402
from extensions import db  # noqa: E402
from reviews.jobs.notifications import send_daily_digest  # noqa: E402
from reviews.models import Notification, OutboundEmail, User, utcnow  # noqa: E402
from reviews.services.notifications import digest  # noqa: E402


def build(people: int, each: int) -> None:
    now = utcnow()
    users = [
        {
            "email": f"p{n}@example.com",
            "name": f"Person {n}",
            "locale": ("en", "et", "sl")[n % 3],
            "active": n % 10 != 0,
            "session_token": f"token-{n}",
            "job_title": "",
            "created_at": now,
            "updated_at": now,
        }
        for n in range(people)
    ]
    db.session.execute(insert(User), users)
    ids = list(db.session.scalars(select(User.id)))
    params = {"actor": "Jaan", "title": "Macros for the refund queue"}
    rows = [
        {"user_id": i, "kind": "idea_comment", "params": params, "url": "/ideas/1"}
        | {"created_at": now, "digest_pending": True}
        for i in ids
        for _ in range(each)
    ]
    db.session.execute(insert(Notification), rows)
    db.session.commit()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url", nargs="?")
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--each", type=int, default=3)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="digest-bench-"))
    url = args.url or f"sqlite:///{workdir / 'digest.sqlite3'}"
    app = create_app(
        {
            "SECRET_KEY": "bench",
            "SQLALCHEMY_DATABASE_URI": url,
            "JOBS_DATABASE": str(workdir / "jobs.sqlite3"),
            "REDIS_URL": None,
            "MAIL_SERVER": "127.0.0.1",
        }
    )
    with app.app_context():
        db.create_all()
        try:
            build(args.people, args.each)
            statements = []
            event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(1))
            began = perf_counter()
            sent = send_daily_digest()
            took = perf_counter() - began
            mails = db.session.scalar(select(func.count(OutboundEmail.id)))
            chunks = -(-args.people // digest.CHUNK)
            print(f"{url.split(':')[0]}: {args.people} people x {args.each} notifications")
            print(f"digest: {took:.2f} s, {sent} e-mails queued ({mails} in the outbox)")
            print(f"statements: {len(statements)} in {chunks} chunks of {digest.CHUNK} people")
        finally:
            db.session.remove()
            if args.url:
                db.drop_all()


if __name__ == "__main__":
    main()
