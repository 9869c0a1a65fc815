"""The leadership dashboard's charts and the PDF cycle reports at scale: what the numbers
cost against the drawing, what a cached picture costs, how long the PDF reports take, and
how long after a write the dashboard is fully fresh again.

    .venv/bin/python -P bench/reports.py sqlite:////tmp/scale2.db
    .venv/bin/python -P bench/reports.py postgresql+psycopg://postgres@127.0.0.1:5432/rapport_scale2
    .venv/bin/python -P bench/reports.py sqlite:////tmp/copy.db --writes   # writes: a COPY only

Without a URL it builds a temporary SQLite database with ``flask seed-demo``. For the scale
organisation build one first (see bench/RESULTS.md):

    export SECRET_KEY=x DATABASE_URL=sqlite:////tmp/scale2.db
    .venv/bin/flask --app app db upgrade && .venv/bin/flask --app app seed-scale

1. **Charts** — each chart of the dashboard (organisation scope, the dashboard's default
   filters, as ``reports.web.warm.dashboard_request`` builds them):
   *numbers cold* — ``service.chart_data`` with the chart cache emptied (``cache.clear``):
   versions, the summary queries and the frame, stored in the cache;
   *drawing* — ``service.render`` of those numbers to a page PNG (no database);
   *numbers % drawing*; *file cached* — ``service.chart_file`` answering from the cache.
   Wall and this process's CPU are shown (on PostgreSQL the query time is in the server,
   so compare the wall figures there).
2. **PDF cycle reports**, cold (cache emptied): the organisation's and one team's
   (``reports.pack.cycle_report`` with ``reports.exports.context``), the dashboard's cycle,
   each in ``reviews.jobs.reports.drawing()`` as the worker's job runs it; then the peak RSS
   of a fresh process building the team's report as a worker would (VmHWM).
3. **Fresh after a write** (``--writes``; it writes, so give it a copy): a new cycle is
   created and opened through ``cycle_flow.open_cycle`` (the seed has none open; its
   notification jobs go to a throw-away queue) and becomes the dashboard's cycle. Then, with
   every panel and page picture of the dashboard cached, one write is committed — (a) a
   draft of a self-assessment (``save_self_assessment(submit=False)``), (b) a review shared
   (``review_flow.share``, its self and manager parts submitted beforehand) — and a full
   dashboard refresh is timed: the panels (``panels.panels`` in a request context) and every
   page picture (``service.chart_file``). Each write is measured twice: without the warm job
   (the first viewer pays) and with ``reports.web.warm.warm`` run right after the commit, as the
   worker does (in ``drawing()``) (time to fresh = the warm job + the refresh after it).

Times are milliseconds; compare within one run."""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from time import perf_counter, process_time

ROOT = Path(__file__).resolve().parent.parent
# The project root instead of bench/ (whose http.py would shadow the standard library).
sys.path[:] = [p for p in sys.path if Path(p or os.curdir).resolve() != ROOT / "bench"]
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


class Clock:
    """Wall and CPU (this process) of one block, in ms."""

    def __enter__(self):
        self.w0, self.c0 = perf_counter(), process_time()
        return self

    def __exit__(self, *exc):
        self.wall = (perf_counter() - self.w0) * 1000
        self.cpu = (process_time() - self.c0) * 1000


def timed(call, repeat: int = 1) -> tuple[float, float]:
    """Median wall and CPU ms of ``repeat`` calls."""
    walls, cpus = [], []
    for _ in range(repeat):
        with Clock() as c:
            call()
        walls.append(c.wall)
        cpus.append(c.cpu)
    return statistics.median(walls), statistics.median(cpus)


def sizes(session) -> None:
    from reviews.models import Idea, Rating, Review, Team, User

    counts = {
        model.__tablename__: session.scalar(select(func.count()).select_from(model))
        for model in (User, Team, Review, Rating, Idea)
    }
    print("  ".join(f"{name} {n:,}" for name, n in counts.items()))


def clear(session) -> None:
    from reports import cache

    cache.clear(session)
    session.commit()


# --- 1. charts ---------------------------------------------------------------------------


def bench_charts(app, session, repeat: int, cold_repeat: int = 3) -> list[dict]:
    from flask_babel import force_locale

    from reports import catalog, service
    from reports.web import warm
    from reports.web.panels import panel_filters

    rows = []
    with app.test_request_context(), force_locale("en"):
        request = warm.dashboard_request(session)
        dpi = app.config.get("REPORT_PAGE_DPI", service.PAGE_DPI)
        print(
            f"dashboard: organisation, cycle {request.filters.cycle_id},"
            f" cycles {list(request.filters.cycle_ids)}, open cycle {request.open_cycle}\n"
        )
        head = (
            f"{'chart':<16} {'numbers cold':>12} {'(CPU)':>7} {'drawing':>8} {'(CPU)':>7}"
            f" {'numbers % drawing':>17} {'cached file':>11} {'(CPU)':>6}"
        )
        print(head + "   (ms; cold: median of --cold-repeat; numbers % drawing by wall)")
        for spec in catalog.TEAM_CHARTS:
            filters, _ = panel_filters(spec, request)
            clear(session)
            holder = {}

            def numbers(spec=spec, filters=filters, holder=holder):
                holder["data"] = service.chart_data(session, spec, filters, request.ctx)
                session.commit()

            n_wall, n_cpu = timed(numbers)
            if cold_repeat > 1:
                walls, cpus = [n_wall], [n_cpu]
                for _ in range(cold_repeat - 1):
                    clear(session)
                    w, c = timed(numbers)
                    walls.append(w)
                    cpus.append(c)
                n_wall, n_cpu = statistics.median(walls), statistics.median(cpus)
            data = service.localised(holder["data"])
            d_wall, d_cpu = timed(
                lambda spec=spec, data=data: service.render(spec, data, "png"), cold_repeat
            )

            def file(spec=spec, filters=filters):
                service.chart_file(session, spec, filters, request.ctx, "png", "en", dpi)
                session.commit()

            file()  # drawn from the cached numbers and stored
            c_wall, c_cpu = timed(file, repeat)
            share = 100 * n_wall / d_wall if d_wall else float("nan")
            print(
                f"{spec.name:<16} {n_wall:>12.0f} {n_cpu:>7.0f} {d_wall:>8.0f} {d_cpu:>7.0f}"
                f" {share:>16.0f}% {c_wall:>11.1f} {c_cpu:>6.1f}",
                flush=True,
            )
            rows.append(
                {
                    "chart": spec.name,
                    "numbers_ms": n_wall,
                    "numbers_cpu_ms": n_cpu,
                    "drawing_ms": d_wall,
                    "drawing_cpu_ms": d_cpu,
                    "numbers_pct": share,
                    "cached_ms": c_wall,
                    "cached_cpu_ms": c_cpu,
                }
            )
    clear(session)
    return rows


# --- 2. PDF cycle reports ------------------------------------------------------------------


def bench_pdfs(app, session) -> None:
    from reports import catalog, exports, pack
    from reports.web import warm
    from reviews.jobs.reports import drawing
    from reviews.models import Review

    with app.app_context():
        cycle_id = warm.dashboard_request(session).filters.cycle_id
        # A team with reviews in that cycle: the largest, so its report has the most rows.
        team_id = session.scalar(
            select(Review.team_id)
            .where(Review.cycle_id == cycle_id, Review.team_id.is_not(None))
            .group_by(Review.team_id)
            .order_by(func.count().desc(), Review.team_id)
            .limit(1)
        )
        pages = len(catalog.REPORT_CHARTS) + 1
        print(f"\nPDF cycle reports, cycle {cycle_id}, {pages} pages, cold (cache emptied):")
        for label, team in (("organisation", None), (f"team {team_id}", team_id)):
            clear(session)
            ctx = exports.context(session, team)
            with Clock() as c, drawing():
                pdf = pack.cycle_report(session, cycle_id, ctx, "en", team_id=team)
                session.commit()
            print(
                f"  {label:<14} {c.wall:8.0f} ms (CPU here {c.cpu:6.0f} ms), {len(pdf) / 1024:.0f} KB",
                flush=True,
            )
    clear(session)


def vm_hwm() -> float:
    """This process's peak resident memory (VmHWM) in MB."""
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) / 1024 for line in f if line.startswith("VmHWM"))


def peak_of(app, session, what: str) -> None:
    """``--peak-of``: in this fresh process, do one drawing job as the worker does — the
    team's or the organisation's PDF, or the dashboard warm-up with every picture drawn
    (cache emptied) — and print the process's peak RSS."""
    from reports import exports, pack
    from reports.web import warm
    from reviews.jobs.reports import drawing
    from reviews.models import Review

    clear(session)
    base = vm_hwm()
    cycle_id = warm.dashboard_request(session).filters.cycle_id
    with drawing():
        if what == "warm":
            with app.test_request_context():
                done = f"{warm.warm(session)} pictures"
        else:
            team = None
            if what == "team":
                team = session.scalar(
                    select(Review.team_id)
                    .where(Review.cycle_id == cycle_id, Review.team_id.is_not(None))
                    .group_by(Review.team_id)
                    .order_by(func.count().desc(), Review.team_id)
                    .limit(1)
                )
            ctx = exports.context(session, team)
            pdf = pack.cycle_report(session, cycle_id, ctx, "en", team_id=team)
            done = f"{len(pdf) // 1024} KB"
        session.commit()
    print(f"  {what:<14} {done:>12}: peak RSS {vm_hwm():.0f} MB (before the job: {base:.0f} MB)")
    clear(session)


def fresh_peaks(url: str) -> None:
    print("\npeak RSS of a fresh process doing one drawing job as the jobs worker does:")
    for what in ("team", "org", "warm"):
        command = [sys.executable, "-P", __file__, url, "--peak-of", what]
        out = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
        print(out.stdout.rstrip().splitlines()[-1], flush=True)


# --- 3. fresh after a write ----------------------------------------------------------------


def open_new_cycle(session) -> int:
    """Close the open cycle if any; create a cycle running today (bench/open_cycle.py's
    ``planned_cycle``) and open it."""
    import importlib.util

    from reviews.models import Cycle
    from reviews.services.cycles import flow as cycle_flow

    spec = importlib.util.spec_from_file_location("open_cycle", ROOT / "bench" / "open_cycle.py")
    open_cycle = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(open_cycle)
    cycle = session.get(Cycle, open_cycle.planned_cycle())
    with Clock() as c:
        created = cycle_flow.open_cycle(None, cycle)
        session.commit()
    print(f"\nopened cycle {cycle.id}: {created:,} reviews in {c.wall:.0f} ms", flush=True)
    return cycle.id


def _ratings(review, value: int | None = None):
    from reviews.services.reviews.assessments import RatingInput

    values = sorted(level.value for level in review.cycle.scale)
    pick = value if value is not None else values[len(values) // 2]
    return [RatingInput(c.id, pick) for c in review.cycle.competencies]


def draft_write(review):
    """(a) a saved draft of the self-assessment (not shared: no chart shows it)."""
    from reviews.services.reviews import assessments

    def write():
        assessments.save_self_assessment(
            review,
            review.employee,
            version=review.version,
            ratings=_ratings(review),
            notes=[assessments.NoteInput("strength", "bench draft")],
            suggestions="",
            submit=False,
        )

    return write


def prepare_share(session, review) -> None:
    """Self and manager parts submitted (not yet shared), committed."""
    from reviews.services.reviews import assessments

    assessments.save_self_assessment(
        review,
        review.employee,
        version=review.version,
        ratings=_ratings(review),
        notes=[
            assessments.NoteInput("strength", "bench"),
            assessments.NoteInput("improvement", "bench"),
        ],
        suggestions="",
        submit=True,
    )
    session.commit()
    assessments.save_manager_assessment(
        review,
        review.manager,
        version=review.version,
        ratings=_ratings(review),
        notes=[assessments.NoteInput("strength", "bench")],
        actions=[],
        summary="bench",
        private_note="",
        submit=True,
    )
    session.commit()


def share_write(review):
    """(b) the manager shares the review: its ratings enter the charts."""
    from reviews.services.reviews import flow as review_flow

    def write():
        review_flow.share(review, review.manager)

    return write


def refresh(app, session) -> tuple[float, int, int]:
    """A full dashboard refresh as a viewer would cause it: the panels and every page
    picture. Returns (ms, pictures drawn, pictures served from cache)."""
    from flask_babel import force_locale

    from reports import catalog, service
    from reports.web import panels, warm
    from reports.web.panels import panel_filters

    drawn = cached = 0
    with Clock() as c, app.test_request_context(), force_locale("en"):
        request = warm.dashboard_request(session)
        dpi = app.config.get("REPORT_PAGE_DPI", service.PAGE_DPI)
        panels.panels(session, catalog.TEAM_CHARTS, request)
        for spec in catalog.TEAM_CHARTS:
            filters, _ = panel_filters(spec, request)
            _, _, stored = service.chart_file(session, spec, filters, request.ctx, "png", "en", dpi)
            drawn += stored
            cached += not stored
        session.commit()
    return c.wall, drawn, cached


def job_column(with_warm: bool, queued: bool) -> str:
    if not with_warm:
        return "no"
    return "ran" if queued else "not due"


def bench_fresh(app, session) -> None:
    from reports import cache
    from reports.web import warm
    from reviews.jobs.reports import drawing
    from reviews.models import Review

    with app.app_context():
        cycle_id = open_new_cycle(session)
        reviews = session.scalars(
            select(Review).where(Review.cycle_id == cycle_id).order_by(Review.id).limit(4)
        ).all()
        for review in reviews[2:]:
            prepare_share(session, review)
        cases = [
            ("(a) draft saved", draft_write(reviews[0]), False),
            ("(a) draft saved", draft_write(reviews[1]), True),
            ("(b) review shared", share_write(reviews[2]), False),
            ("(b) review shared", share_write(reviews[3]), True),
        ]
        domains = cache.chart_domains([cycle_id])
        print(
            "\ndashboard fully fresh after a write (panels + every page picture; caches warm"
            " before each write):"
        )
        print(
            f"{'write':<18} {'warm job':>8} {'write+commit':>12} {'bumped':>7} {'warm job ms':>11}"
            f" {'refresh ms':>10} {'drawn':>5} {'cached':>6} {'time to fresh':>13}"
        )
        refresh(app, session)  # everything of the new cycle cached once,
        with app.test_request_context(), drawing():  # in every leadership language too, as
            warm.warm(session)  # the worker's job after the opening would have done
            session.commit()
        for label, write, with_warm in cases:
            before_ms, _, _ = refresh(app, session)
            assert before_ms >= 0
            old = cache.versions(session, domains)
            with Clock() as w:
                write()
                session.commit()
            bumped = [d for d, v in cache.versions(session, domains).items() if v != old[d]]
            warm_ms, queued = 0.0, bool(bumped)
            if with_warm and queued:  # the worker's job runs only if a version moved
                with Clock() as job, app.test_request_context(), drawing():
                    warm.warm(session)
                    session.commit()
                warm_ms = job.wall
            ms, drawn, hits = refresh(app, session)
            print(
                f"{label:<18} {job_column(with_warm, queued):>8} {w.wall:>12.0f}"
                f" {','.join(bumped) or '-':>7} {warm_ms:>11.0f} {ms:>10.0f} {drawn:>5} {hits:>6}"
                f" {warm_ms + ms:>13.0f}",
                flush=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url", nargs="?", help="database URL (default: a temporary demo)")
    parser.add_argument("--repeat", type=int, default=5, help="cached calls to time")
    parser.add_argument("--cold-repeat", type=int, default=3, help="cold builds per chart")
    parser.add_argument("--skip-charts", action="store_true")
    parser.add_argument("--skip-pdf", action="store_true")
    parser.add_argument(
        "--writes", action="store_true", help="also time freshness after writes (a COPY only)"
    )
    parser.add_argument("--peak-of", choices=("team", "org", "warm"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    import logging

    with tempfile.TemporaryDirectory() as folder:
        url = args.url or demo_database(folder)
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": url,
                # Jobs (notifications, the warm job) queue into a throw-away file: nothing
                # runs them; the bench calls warm() itself where it measures it.
                "JOBS_DATABASE": f"{folder}/jobs.sqlite3",
                "JOBS_IMMEDIATE": False,
                "MAIL_SERVER": None,
            }
        )
        logging.getLogger().setLevel(logging.WARNING)
        with app.app_context():
            session = db.session
            if args.peak_of:
                peak_of(app, session, args.peak_of)
                return
            print(f"database: {db.engine.url.render_as_string(hide_password=True)}")
            sizes(session)
            with Clock() as c:
                import reports.service  # noqa: F401  (pandas, matplotlib)
            print(f"first import of pandas + matplotlib: {c.wall:.0f} ms\n", flush=True)
            if not args.skip_charts:
                bench_charts(app, session, args.repeat, args.cold_repeat)
            if not args.skip_pdf:
                bench_pdfs(app, session)
                fresh_peaks(url)
            if args.writes:
                bench_fresh(app, session)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(
                f"\npeak RSS of this process (what a jobs worker building these needs): {peak:.0f} MB"
            )


if __name__ == "__main__":
    main()
