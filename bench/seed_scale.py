"""Check and time the app on a database built by ``flask seed-scale``: row counts of the big
tables, then each fixed account signs in and loads its home page a few times.

    export SECRET_KEY=x DATABASE_URL=sqlite:////tmp/scale.db
    .venv/bin/flask --app app db upgrade && .venv/bin/flask --app app seed-scale
    .venv/bin/python bench/seed_scale.py [--repeat 5]

Requests go through Flask's test client (no server, no network), so the figures are the
app's own cost: queries plus rendering. CSRF is off here because no browser is involved."""

import argparse
import statistics
import sys
from pathlib import Path
from time import perf_counter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select  # noqa: E402

from app import create_app  # noqa: E402
from extensions import db  # noqa: E402
from reviews.seed.data import FIXED_ACCOUNTS, PASSWORD  # noqa: E402

TABLES = ("users", "teams", "cycles", "reviews", "ratings", "review_notes", "ideas")


def count_rows() -> None:
    """Print the size of the main tables and how long counting them took."""
    for name in TABLES:
        began = perf_counter()
        rows = db.session.scalar(select(func.count()).select_from(db.metadata.tables[name]))
        print(f"{name:<14} {rows:>10,}  ({(perf_counter() - began) * 1000:.0f} ms to count)")


def time_home(app, email: str, repeat: int) -> None:
    """Sign in as ``email`` and load / ``repeat`` times; print the median and the worst."""
    client = app.test_client()
    began = perf_counter()
    response = client.post("/login", data={"email": email, "password": PASSWORD})
    signed_in = perf_counter() - began
    assert response.status_code == 302, f"{email} could not sign in"
    times = []
    for _ in range(repeat):
        began = perf_counter()
        response = client.get("/")
        times.append(perf_counter() - began)
        assert response.status_code == 200, f"{email}: home answered {response.status_code}"
    print(
        f"{email:<22} sign-in {signed_in * 1000:6.0f} ms   home median "
        f"{statistics.median(times) * 1000:6.0f} ms, worst {max(times) * 1000:6.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="home page loads per account")
    args = parser.parse_args()
    app = create_app({"WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False})
    with app.app_context():
        print(f"database: {db.engine.url.render_as_string(hide_password=True)}")
        count_rows()
    for email in FIXED_ACCOUNTS.values():
        time_home(app, email, args.repeat)


if __name__ == "__main__":
    main()
