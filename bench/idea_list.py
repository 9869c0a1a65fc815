"""Time the idea list (every sort, filters, page 1 and page 50), the idea pages and the idea
charts' queries, as full GET requests through the test client (one process, so wall time is
the CPU a request costs), with the SQL statements each one ran and the time spent in them.

    .venv/bin/python bench/idea_list.py sqlite:////tmp/ideas-scale.db --repeat 7
    .venv/bin/python bench/idea_list.py postgresql+psycopg://postgres@127.0.0.1:5432/x

Use a database built with ``flask seed-scale`` (see README). Medians in milliseconds; compare
ratios from one run, not absolute times across machines. "cpu" is this process's CPU time
(steady on a busy machine), "sql" the wall time inside the cursor calls (on PostgreSQL that
includes the server's work)."""

import argparse
import statistics
import sys
from pathlib import Path
from time import perf_counter, process_time

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import event, select  # noqa: E402

from app import create_app  # noqa: E402
from extensions import db  # noqa: E402

LIST = (
    "/ideas/",
    "/ideas/?page=50",
    "/ideas/?sort=supported",
    "/ideas/?sort=supported&page=50",
    "/ideas/?sort=waiting",
    "/ideas/?sort=waiting&page=50",
    "/ideas/?status=open",
    "/ideas/?status=open&page=50",
    "/ideas/?status=implemented&sort=supported&page=50",
    "/ideas/?status=submitted&page=50",
    "/ideas/?status=open&sort=waiting&page=50",
    "/ideas/?category=tools&page=50",
    "/ideas/?category=tools&sort=supported&page=50",
    "/ideas/?team={team}",
    "/ideas/?team={team}&sort=supported",
    "/ideas/?q=macro",
    "/ideas/?q=macro&page=50",
    "/ideas/?q=zzzz-nothing",
    "/ideas/mine",
    "/ideas/triage",
    "/ideas/{idea}",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--email", default="leader@example.com")
    args = parser.parse_args()
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": args.url, "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False}
    )
    statements = []
    with app.app_context():
        event.listen(
            db.engine, "before_cursor_execute", lambda *a: statements.append(-perf_counter())
        )
        event.listen(
            db.engine, "after_cursor_execute", lambda *a: statements.append(perf_counter())
        )
        from reviews.models import Idea, User

        team = db.session.scalar(select(User.team_id).where(User.email == args.email))
        team = team or db.session.scalar(select(Idea.team_id).limit(1))
        idea = db.session.scalar(select(Idea.id).order_by(Idea.id.desc()).limit(1))
    client = app.test_client()
    reply = client.post("/login", data={"email": args.email, "password": "rapport-demo"})
    assert reply.status_code == 302, reply.status_code
    print(f"{'page':<52} {'cpu ms':>7} {'sql ms':>7} {'queries':>8}")
    for pattern in LIST:
        url = pattern.format(team=team, idea=idea)
        cpu, sql = [], []
        for _ in range(args.repeat):
            statements.clear()
            began = process_time()
            reply = client.get(url)
            cpu.append(process_time() - began)
            sql.append(sum(statements))
            assert reply.status_code == 200, (url, reply.status_code)
        median = statistics.median
        print(f"{url:<52} {median(cpu) * 1000:7.1f} {median(sql) * 1000:7.1f} "
              f"{len(statements) // 2:8d}")  # fmt: skip


if __name__ == "__main__":
    main()
