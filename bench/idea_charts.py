"""Time the idea charts' queries (pipeline per cycle, breakdown by team and category) for the
first, a middle and the latest range of eight cycles, for the whole organisation and one team.
Their cost should follow the ideas inside the range, not the history outside it.

    .venv/bin/python -P bench/idea_charts.py sqlite:////tmp/ideas-scale.db --repeat 5

Medians in milliseconds; compare ratios from one run, not absolute times across machines."""

import argparse
import statistics
import sys
from pathlib import Path
from time import perf_counter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from app import create_app  # noqa: E402
from extensions import db  # noqa: E402
from reports import queries  # noqa: E402
from reports.filters import Filters, report_cycles  # noqa: E402
from reviews.models import Idea  # noqa: E402

WIDTH = 8


def timed(call, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = perf_counter()
        call()
        times.append(perf_counter() - began)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    app = create_app({"SQLALCHEMY_DATABASE_URI": args.url})
    with app.app_context():
        session = db.session
        ids = [c.id for c in report_cycles(session)]
        team = session.scalar(select(Idea.team_id).limit(1))
        total = session.scalar(select(func.count(Idea.id)))
        print(f"{total:,} ideas, {len(ids)} cycles")
        print(f"{'range':<22} {'scope':<6} {'ideas':>7} {'pipeline':>9} {'breakdown':>10}")
        middle = len(ids) // 2 - WIDTH // 2
        for label, first in (("first", 0), ("middle", middle), ("latest", len(ids) - WIDTH)):
            cycle_ids = tuple(ids[first : first + WIDTH])
            for scope, teams in (("org", None), ("team", (team,))):
                filters = Filters(cycle_ids=cycle_ids, cycle_id=cycle_ids[-1], team_ids=teams)
                frame = queries.idea_pipeline(session, filters)
                pipeline = timed(lambda f=filters: queries.idea_pipeline(session, f), args.repeat)
                breakdown = timed(lambda f=filters: queries.idea_breakdown(session, f), args.repeat)
                name = f"{label} ({cycle_ids[0]}-{cycle_ids[-1]})"
                print(f"{name:<22} {scope:<6} {int(frame['submitted'].sum()):7d} "
                      f"{pipeline:9.1f} {breakdown:10.1f}")  # fmt: skip


if __name__ == "__main__":
    main()
