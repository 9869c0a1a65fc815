"""Where a page's server time goes: cProfile over N requests of each page, through Flask's
test client (no gunicorn), signed in as the accounts bench/http.py uses first.

    .venv/bin/python -P bench/profile_pages.py sqlite:////tmp/scale2.db [--n 30] [--top 12]

Reads only (sign-in rotates the account's session token and writes an audit row, as the
http bench's do)."""

import argparse
import cProfile
import pstats
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

from app import create_app  # noqa: E402
from reviews.seed.data import PASSWORD  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--pages", default="staff-home,review,ideas,manager-home,cycle,chart")
    parser.add_argument("--save", help="write each page's profile to SAVE-<page>.prof")
    args = parser.parse_args()
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": args.url,
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
            "REPORT_WARM": False,
        }
    )
    clients = {}
    for who in ("staff", "manager", "leader"):
        client = app.test_client()
        client.post("/login", data={"email": f"{who}@example.com", "password": PASSWORD})
        clients[who] = client
    home = clients["staff"].get("/").get_data(as_text=True)
    review = re.search(r'href="(/reviews/\d+)"', home)
    manager_home = clients["manager"].get("/").get_data(as_text=True)
    cycle = re.search(r'href="(/cycles/\d+)"', manager_home)
    dashboard = clients["leader"].get("/reports/").get_data(as_text=True)
    chart = re.search(r'<img[^>]*\ssrc="(/reports/chart/[^"]+)"', dashboard)
    urls = {
        "staff-home": ("staff", "/"),
        "review": ("staff", review and review.group(1)),
        "ideas": ("staff", "/ideas/"),
        "manager-home": ("manager", "/"),
        "cycle": ("manager", cycle.group(1) if cycle else f"/cycles/{_latest_cycle(app)}"),
        "dashboard": ("leader", "/reports/"),
        "chart": ("leader", chart and chart.group(1).replace("&amp;", "&")),
    }
    for key in args.pages.split(","):
        who, url = urls[key]
        if not url:
            print(f"{key}: no URL found")
            continue
        client = clients[who]
        status = client.get(url).status_code  # warm-up
        profile = cProfile.Profile()
        began = time.process_time()
        profile.enable()
        for _ in range(args.n):
            client.get(url)
        profile.disable()
        if args.save:
            profile.dump_stats(f"{args.save}-{key}.prof")
        cpu = (time.process_time() - began) * 1000 / args.n
        stats = pstats.Stats(profile)
        calls = stats.total_calls / args.n  # steadier than time on a busy machine
        print(
            f"\n=== {key} {url} ({status}): {cpu:.1f} ms CPU/request under cProfile, "
            f"{calls:,.0f} function calls/request, n={args.n}"
        )
        total = sum(row[2] for row in stats.stats.values())  # own time of everything
        rows = [(func, cc, nc, tt, ct) for func, (cc, nc, tt, ct, _) in stats.stats.items()]
        ours = [r for r in rows if _ours(r[0][0])]
        print(
            f"  project code by cumulative time (% of the request's {total / args.n * 1000:.1f} ms):"
        )
        for func, _, nc, _, ct in sorted(ours, key=lambda r: -r[4])[: args.top]:
            print(f"    {100 * ct / total:5.1f}%  {nc / args.n:6.0f}/req  {_name(func)}")
        print("  everything by own time:")
        for func, _, nc, tt, _ in sorted(rows, key=lambda r: -r[3])[: args.top]:
            print(f"    {100 * tt / total:5.1f}%  {nc / args.n:6.0f}/req  {_name(func)}")


def _latest_cycle(app) -> int:
    """The cycle the home page shows (the open one, else the latest), as bench/http.py picks it."""
    from sqlalchemy import text

    from extensions import db

    with app.app_context():
        return db.session.scalar(
            text(
                "SELECT id FROM cycles ORDER BY CASE WHEN status = 'open' THEN 0 ELSE 1 END,"
                " period_start DESC, id DESC LIMIT 1"
            )
        )


def _ours(filename: str) -> bool:
    rel = filename.replace(str(ROOT) + "/", "")
    return not rel.startswith("/") and "site-packages" not in rel and not rel.startswith("<")


def _name(func) -> str:
    filename, line, name = func
    short = filename.replace(str(ROOT) + "/", "")
    short = re.sub(r".*site-packages/", "", short)
    return f"{short}:{line}({name})"


if __name__ == "__main__":
    main()
