"""Time the people import at the size of a large organisation: a file of N people (default
5,000, the cap; 50 teams, a manager for every 10) checked, applied into an empty database,
and checked again (the re-import: everyone unchanged), on a temporary SQLite file or the
database of DATABASE_URL (emptied first — never point it at real data).

    .venv/bin/python bench/people_import.py
    .venv/bin/python bench/people_import.py --people 10000   # above the cap: the service alone

Prints the seconds and the SQL statements of each step."""

import argparse
import sys
import tempfile
from pathlib import Path
from time import perf_counter

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != HERE]

from sqlalchemy import event  # noqa: E402


def csv_file(people: int, teams: int) -> str:
    lines = ["name,email,team,manager_email,roles,language"]
    for i in range(people):
        manager = "" if i % 10 == 0 else f"p{i - i % 10}@example.com"
        roles = "manager|staff" if i % 10 == 0 else "staff"
        lines.append(f"Person {i},p{i}@example.com,Team {i % teams},{manager},{roles},et")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=5000)
    args = parser.parse_args()
    import os

    from app import create_app
    from extensions import db
    from reviews.models import Team
    from reviews.services.people import csv_people, import_apply, import_check

    url = os.environ.get("DATABASE_URL") or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    app = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": url})
    csv_people.MAX_ROWS = max(csv_people.MAX_ROWS, args.people)
    with app.app_context():
        db.drop_all()
        db.create_all()
        db.session.add_all(Team(name=f"Team {i}") for i in range(50))
        db.session.commit()
        statements = [0]
        event.listen(
            db.engine,
            "before_cursor_execute",
            lambda *a: statements.__setitem__(0, statements[0] + 1),
        )
        rows = csv_people.parse(csv_file(args.people, 50))

        def step(name, work):
            statements[0] = 0
            start = perf_counter()
            value = work()
            print(f"{name:<22} {perf_counter() - start:6.2f} s  {statements[0]:6d} statements")
            return value

        result = step("check (all new)", lambda: import_check.check(rows, None))
        step(
            "apply + commit",
            lambda: (import_apply.write(None, "bench.csv", result), db.session.commit()),
        )
        again = step("check (re-import)", lambda: import_check.check(rows, None))
        assert again["counts"] == {
            "errors": 0,
            "created": 0,
            "changed": 0,
            "unchanged": args.people,
        }
        db.drop_all()


if __name__ == "__main__":
    main()
