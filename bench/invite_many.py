"""Time the bulk invitation after an import: N people without a password invited at once
(their links, e-mails and audit entries, one INSERT each), on a fresh SQLite file or the
database of ``--url``. The e-mails are only queued (no worker runs), as in a request.

    .venv/bin/python bench/invite_many.py                 # 3,000 people
    .venv/bin/python bench/invite_many.py --people 10000
    .venv/bin/python bench/invite_many.py --url postgresql+psycopg://postgres@127.0.0.1:5432/bench

Prints the time of ``invite_uninvited`` and of its commit."""

import argparse
import sys
import tempfile
from pathlib import Path
from time import perf_counter

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != HERE]

from sqlalchemy import insert  # noqa: E402

from app import create_app  # noqa: E402
from extensions import db  # noqa: E402
from reviews.models import RoleAssignment, User, utcnow  # noqa: E402
from reviews.models.people import new_session_token  # noqa: E402
from reviews.services.people import invitations  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=3000)
    parser.add_argument("--url", default="")
    args = parser.parse_args()
    url = args.url or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    app = create_app(
        {
            "ENV_NAME": "testing",
            "SQLALCHEMY_DATABASE_URI": url,
            "MAIL_SERVER": "127.0.0.1",
            "JOBS_IMMEDIATE": False,
        }
    )
    with app.app_context(), app.test_request_context():
        db.drop_all()
        db.create_all()
        admin = User(email="admin@example.com", name="Admin", locale="en")
        db.session.add(admin)
        now, locales = utcnow(), ("en", "et", "sl")
        rows = [
            {
                "email": f"p{i}@example.com",
                "name": f"Person {i}",
                "job_title": "",
                "locale": locales[i % 3],
                "active": True,
                "session_token": new_session_token(),
                "created_at": now,
            }
            for i in range(args.people)
        ]
        ids = db.session.scalars(insert(User).returning(User.id), rows).all()
        db.session.execute(insert(RoleAssignment), [{"user_id": i, "role": "staff"} for i in ids])
        db.session.commit()
        start = perf_counter()
        count = invitations.invite_uninvited(admin)
        queued = perf_counter()
        db.session.commit()
        done = perf_counter()
        print(f"{count} people invited on {db.engine.dialect.name}:")
        print(f"  invite_uninvited {queued - start:.2f} s, commit {done - queued:.2f} s")
        db.drop_all()


if __name__ == "__main__":
    main()
