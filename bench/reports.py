"""Time every report chart: its numbers alone (SQL aggregate + pandas), cold (numbers, drawing
and storing in the cache) and cached (served from ChartCache), for the whole organisation,
one team and one person; then the data behind the dashboard page and the PDF cycle report.

    .venv/bin/python bench/reports.py                    # a temporary SQLite demo database
    .venv/bin/python bench/reports.py sqlite:////tmp/scale.db --repeat 5
    .venv/bin/python bench/reports.py postgresql+psycopg://postgres@127.0.0.1:5432/scale

Without a URL it builds a temporary SQLite database with ``flask seed-demo``. For a large
organisation build one first with ``flask seed-scale`` (see README, "Reports"):

    export SECRET_KEY=x DATABASE_URL=sqlite:////tmp/scale.db
    .venv/bin/flask --app app db upgrade && .venv/bin/flask --app app seed-scale

The cache is emptied before each cold measurement (and left empty at the end). Times are
medians in milliseconds; compare ratios from one run, not absolute times across machines."""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from time import perf_counter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from app import create_app  # noqa: E402
from extensions import db  # noqa: E402


def demo_database(folder: str) -> str:
    """A fresh SQLite database with the demo organisation, built by the app's own commands."""
    url = f"sqlite:///{folder}/bench.db"
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": os.environ.get("SECRET_KEY", "x")}
    flask = [sys.executable, "-m", "flask", "--app", "app"]
    for command in (["db", "upgrade"], ["seed-demo"]):
        subprocess.run(flask + command, cwd=ROOT, env=env, check=True, capture_output=True)  # noqa: S603
    return url


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.0f}"


def timed(call, repeat: int = 1) -> float:
    times = []
    for _ in range(repeat):
        began = perf_counter()
        call()
        times.append(perf_counter() - began)
    return statistics.median(times)


def scopes(session):
    """(label, filters, context) for the whole organisation, its first team and one person."""
    from reports.build import Context
    from reports.filters import Filters, cycle_range, default_cycle, report_cycles
    from reviews.models import Review, Team, User

    cycles = report_cycles(session)
    base = Filters(cycle_ids=cycle_range(cycles, None, None), cycle_id=default_cycle(cycles))
    team = session.scalar(select(Team).order_by(Team.id))
    person = session.scalar(
        select(User).where(User.email == "staff@example.com")
    ) or session.scalar(select(User).join(Review, Review.employee_id == User.id).limit(1))
    return cycles, [
        ("organisation", base, Context(cycles, 3, {"kind": "org"})),
        (f"team {team.name}", base.__class__(**{**base.as_dict(), "team_ids": (team.id,)}),
         Context(cycles, 3, {"kind": "teams", "names": [team.name]})),
        (f"person {person.name}", base.__class__(**{**base.as_dict(), "person_id": person.id}),
         Context(cycles, 3, {"kind": "person"})),
    ]  # fmt: skip


def bench_charts(session, repeat: int) -> None:
    from reports import cache, catalog, service

    _, cases = scopes(session)
    print(f"{'chart':<16} {'scope':<34} {'numbers':>8} {'cold':>8} {'cached':>8}  (ms)")
    for label, filters, ctx in cases:
        audience = "person" if ctx.scope["kind"] == "person" else "teams"
        for spec in (s for s in catalog.CHARTS if s.audience == audience):
            normal = spec.normalise(filters)
            numbers = timed(lambda spec=spec, f=normal, c=ctx: spec.build(session, f, c))
            cache.clear(session)
            session.commit()

            def draw(spec=spec, ctx=ctx, filters=filters):
                service.chart_file(session, spec, filters, ctx, "png", "en")
                session.commit()

            cold = timed(draw)
            cached = timed(draw, repeat)
            print(f"{spec.name:<16} {label[:34]:<34} {ms(numbers)} {ms(cold)} {ms(cached)}")
    cache.clear(session)
    session.commit()


def bench_page_and_pack(session, repeat: int) -> None:
    from reports import cache, catalog, pack, service

    cycles, cases = scopes(session)
    _, filters, ctx = cases[0]
    cache.clear(session)
    session.commit()

    def page_numbers():
        for spec in catalog.TEAM_CHARTS:
            data = service.chart_data(session, spec, filters, ctx)
            spec.table(service.localised(data))
        session.commit()

    cold, cached = timed(page_numbers), timed(page_numbers, repeat)
    print(f"\ndashboard numbers+tables, organisation: cold {ms(cold)} ms, cached {ms(cached)} ms")
    cycle_id = filters.cycle_id

    def report():
        pack.cycle_report(session, cycle_id, ctx, "en")
        session.commit()

    cache.clear(session)
    session.commit()
    cold, cached = timed(report), timed(report, repeat)
    print(f"PDF cycle report ({len(catalog.REPORT_CHARTS) + 1} pages): cold {ms(cold)} ms, "
          f"cached {ms(cached)} ms")  # fmt: skip
    cache.clear(session)
    session.commit()


def sizes(session) -> None:
    from reviews.models import Idea, Rating, Review, Team, User

    counts = {
        model.__tablename__: session.scalar(select(func.count()).select_from(model))
        for model in (User, Team, Review, Rating, Idea)
    }
    print("  ".join(f"{name} {n:,}" for name, n in counts.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url", nargs="?", help="database URL (default: a temporary demo)")
    parser.add_argument("--repeat", type=int, default=5, help="cached calls to time")
    args = parser.parse_args()
    import logging

    with tempfile.TemporaryDirectory() as folder:
        url = args.url or demo_database(folder)
        app = create_app({"SQLALCHEMY_DATABASE_URI": url})
        logging.getLogger().setLevel(logging.WARNING)
        with app.app_context():
            print(f"database: {db.engine.url.render_as_string(hide_password=True)}")
            sizes(db.session)
            began = perf_counter()
            import reports.service  # noqa: F401  (pandas, matplotlib)

            print(f"first import of pandas + matplotlib: {ms(perf_counter() - began)} ms\n")
            bench_charts(db.session, args.repeat)
            bench_page_and_pack(db.session, args.repeat)


if __name__ == "__main__":
    main()
