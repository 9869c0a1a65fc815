"""Time drawing alone: every report chart from its ChartData to PNG bytes at page dpi, at the
shape of the scale organisation (10,000 people, 500 teams, 17 competencies, 8 cycles in the
range) — no database, no cache. The numbers are built by ``reports.metrics`` from synthetic
aggregates of that shape (seeded, so every run draws the same pictures).

    .venv/bin/python bench/draw.py                 # median of 7 draws per chart
    .venv/bin/python bench/draw.py --repeat 15 --only heatmap trend
    .venv/bin/python bench/draw.py --shots /tmp/draw-shots --locales en et sl

Per chart it prints the median draw + PNG encode in ms, as wall time and as the process's
CPU time (steadier on a shared machine), the fastest CPU time, the visible text
artists of the drawn figure, the axes, the pixel size and the PNG's size. ``--shots`` also
saves each picture (and a narrow variant: 6 teams, 4 competencies, 3 cycles) per locale.
Compare ratios within one run: the machines are noisy."""

import argparse
import platform
import random
import statistics
import sys
from pathlib import Path
from time import perf_counter, process_time

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
# the project first, and not bench/ itself (a bench script may share a stdlib module's name)
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != HERE]

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

CYCLE_NAMES = [f"{y} Q{q}" for y in range(2024, 2027) for q in range(1, 5)][2:10]
COMPETENCIES = [
    "Clear and concise communication",
    "Active listening and clarifying questions",
    "Explaining in the customer's words",
    "Knowledge of information and procedures",
    "Problem solving and handling difficult situations",
    "Teamwork and supporting colleagues",
    "Respect and professionalism",
    "Reliability and follow-through",
    "Telephone and chat manner",
    "Identity checks and security awareness",
    "Documentation and knowledge base upkeep",
    "Ticket triage and prioritisation",
    "Ownership of escalations",
    "Accessibility awareness",
    "Time management under queue pressure",
    "Coaching newer colleagues",
    "Continuous improvement and ideas",
]
AREAS = ("Service Desk", "Application Support", "Student Services", "Field Support",
         "Network Operations", "Customer Care", "Front Office", "Library Help Desk",
         "Accounts and Access", "Classroom Technology", "Finance Systems Support",
         "HR Systems Support", "Research Computing", "Onboarding", "Facilities Help Desk",
         "Citizen Services", "Permits Desk", "Contact Centre", "Print and Devices",
         "Digital Learning Support")  # fmt: skip
PLACES = ("North", "South", "East", "West", "Central", "Tallinn", "Tartu", "Pärnu", "Narva",
          "Ljubljana", "Maribor", "Celje", "Koper", "Kranj", "Dublin", "Cork", "Galway", "Leeds",
          "York", "Bristol", "Old Town", "Harbour", "Riverside", "Science Park",
          "Medical Campus")  # fmt: skip
SCALE = {1: "Poor", 2: "Fair", 3: "Good", 4: "Very good", 5: "Excellent"}
CATEGORIES = ("process", "tools", "training", "communication", "customer_experience", "other")
STEPS = ("self_done", "manager_done", "shared", "acknowledged")


def shape(people=10_000, teams=500, competencies=17, cycles=8):
    return {"people": people, "teams": teams, "competencies": competencies, "cycles": cycles}


NARROW = shape(people=60, teams=6, competencies=4, cycles=3)


def chart_data(org: dict, seed: int = 2026) -> dict:
    """ChartData for every chart name at the shape ``org``, from ``reports.metrics``."""
    from reports import metrics
    from reports.chartdata import ChartData

    rng = np.random.default_rng(seed)
    cycles = [(i + 1, name) for i, name in enumerate(CYCLE_NAMES[-org["cycles"] :])]
    cycle_ids = [c for c, _ in cycles]
    names = {i + 1: n for i, n in enumerate(COMPETENCIES[: org["competencies"]])}
    teams = {t: _team_name(t) for t in range(1, org["teams"] + 1)}
    size = org["people"] / org["teams"]
    team_size = {t: max(1, int(rng.normal(size, size / 4))) for t in teams}
    for t in list(teams)[:: max(4, len(teams) // 12)][1:]:
        team_size[t] = 2  # a few teams too small to show
    team_level = {t: rng.normal(3.5, 0.25) for t in teams}
    # the last competency is new in the latest cycles; one retired after the first cycles
    held = {c: set(cycle_ids) for c in names}
    last = max(names)
    if len(cycle_ids) > 3:
        held[last] = set(cycle_ids[len(cycle_ids) // 2 :])
        held[last - 1] = set(cycle_ids[:3])
    comp_offset = {c: rng.normal(0, 0.25) for c in names}
    meta = {
        "cycles": cycles,
        "range": f"{cycles[0][1]} – {cycles[-1][1]}",
        "min_size": 3,
        "scope": {"kind": "org"},
        "scale": {str(k): v for k, v in SCALE.items()},
    }

    # trend: cycle × competency (0 = all) × source
    rows = []
    total = org["people"] - org["people"] // 200  # a few people were not reviewed
    for k, cid in enumerate(cycle_ids):
        for comp in [0, *names]:
            if comp and cid not in held[comp]:
                continue
            base = 3.4 + 0.03 * k + (comp_offset[comp] if comp else 0)
            n = total - int(rng.integers(0, total // 30 + 1))
            rows.append((cid, comp, "manager", base + rng.normal(0, 0.04), n))
            rows.append((cid, comp, "self", base + 0.3 + rng.normal(0, 0.04), n - n // 200))
    raw = pd.DataFrame(rows, columns=["cycle_id", "competency_id", "source", "mean", "n_people"])
    trend = metrics.trend(raw, cycles, names, 3)
    manager_only = trend[trend["source"] == "manager"].reset_index(drop=True)
    person = metrics.person_trend(
        raw.assign(mean=raw["mean"].round()), cycles, names
    )  # one person's ratings are whole levels

    # heatmap: team × competency for the latest cycle and the one before
    cycle, previous = cycle_ids[-1], cycle_ids[-2] if len(cycle_ids) > 1 else None
    rows = []
    for cid in [c for c in (previous, cycle) if c]:
        for t in teams:
            comps = [c for c in names if cid in held[c]]
            means = [team_level[t] + comp_offset[c] + rng.normal(0, 0.3) for c in comps]
            for c, m in zip(comps, means, strict=True):
                n = team_size[t] - int(rng.integers(0, 2))
                rows.append((cid, t, c, min(5, max(1, m)), n))
            rows.append((cid, t, 0, float(np.mean(means)), team_size[t]))
    raw = pd.DataFrame(rows, columns=["cycle_id", "team_id", "competency_id", "mean", "n_people"])
    heatmap = metrics.heatmap(raw, cycle, previous, teams, names, 3)
    one = dict(
        meta,
        cycle=dict(cycles)[cycle],
        previous=dict(cycles).get(previous, ""),
    )

    # distribution
    levels, people = [], []
    for cid in cycle_ids:
        ratings = total * len(names)
        shares = rng.dirichlet([2, 5, 12, 14, 6])
        levels += [(cid, lv, int(ratings * s)) for lv, s in zip(SCALE, shares, strict=True)]
        levels.append((cid, None, int(ratings * 0.03)))
        people.append((cid, total))
    distribution = metrics.distribution(
        pd.DataFrame(levels, columns=["cycle_id", "level", "ratings"]),
        pd.DataFrame(people, columns=["cycle_id", "n_people"]),
        cycles,
        sorted(SCALE),
        3,
    )

    # gap (one cycle)
    rows = []
    for c in [0, *names]:
        n = total - int(rng.integers(0, total // 25 + 1))
        gap = rng.normal(0.25, 0.15)
        higher = int(n * (0.45 + gap / 3))
        lower = int(n * 0.2)
        rows.append((c, 3.6 + gap, 3.6, gap, higher, lower, n))
    raw = pd.DataFrame(
        rows,
        columns=[
            "competency_id",
            "self_mean",
            "manager_mean",
            "gap",
            "higher",
            "lower",
            "n_people",
        ],
    )
    gap = metrics.gap(raw, names, 3)
    person_gap = metrics.person_gap(raw.assign(gap=raw["gap"].round()), names)

    # notes
    mentions, framework = [], []
    for cid in cycle_ids:
        for c in names:
            if cid not in held[c]:
                continue
            framework.append((cid, c))
            for kind in ("strength", "improvement"):
                mentions.append((cid, c, kind, int(total * rng.uniform(0.02, 0.3))))
    notes = metrics.notes(
        pd.DataFrame(mentions, columns=["cycle_id", "competency_id", "kind", "reviews"]),
        pd.DataFrame(people, columns=["cycle_id", "n_people"]),
        pd.DataFrame(framework, columns=["cycle_id", "competency_id"]),
        cycles,
        names,
        3,
    )

    # ideas per cycle, and by team and category
    counts = ["submitted", "implemented", "declined", "open", "merged"]
    rows = []
    for cid in cycle_ids:
        submitted = int(rng.integers(2000, 3000))
        implemented, declined = int(submitted * 0.3), int(submitted * 0.2)
        merged = int(submitted * 0.05)
        opened = submitted - implemented - declined - merged
        rows.append(
            (cid, submitted, implemented, declined, opened, merged, submitted, 3.0,
             implemented + declined, 21.0 + rng.normal(0, 3))
        )  # fmt: skip
    measures = [*counts, "n_response", "response_days", "n_decision", "decision_days"]
    ideas = metrics.ideas(pd.DataFrame(rows, columns=["cycle_id", *measures]), cycles, 3)
    rows = []
    for by, keys in (("team", [str(t) for t in teams]), ("category", CATEGORIES)):
        for key in keys:
            submitted = int(rng.integers(1, 60 if by == "team" else 5000))
            implemented, declined = submitted // 3, submitted // 5
            merged = submitted // 20
            opened = submitted - implemented - declined - merged
            n = implemented + declined
            rows.append((by, key, submitted, implemented, declined, opened, merged, submitted,
                         2.0, n, 20.0))  # fmt: skip
    breakdown = metrics.idea_breakdown(
        pd.DataFrame(rows, columns=["by", "key", *measures]), teams, 3
    )

    # completion
    rows = []
    for t in teams:
        reviews = team_size[t]
        done = [int(reviews * rng.uniform(lo, 1)) for lo in (0.7, 0.5, 0.4, 0.2)]
        rows.append((t, reviews, *sorted(done, reverse=True)))
    completion = metrics.completion(
        pd.DataFrame(rows, columns=["team_id", "reviews", *STEPS]), teams, 3
    )

    person_meta = dict(meta, scope={"kind": "person"})
    return {
        "trend": ChartData(manager_only, meta),
        "trend+self": ChartData(trend, meta),
        "heatmap": ChartData(heatmap, one),
        "distribution": ChartData(distribution, meta),
        "gap": ChartData(gap, one),
        "notes": ChartData(notes, meta),
        "ideas": ChartData(ideas, meta),
        "idea-breakdown": ChartData(breakdown, meta),
        "completion": ChartData(completion, one),
        "my-trend": ChartData(person, person_meta),
        "my-gap": ChartData(person_gap, dict(person_meta, cycle=one["cycle"])),
    }


def _team_name(team: int) -> str:
    area = AREAS[(team - 1) % len(AREAS)]
    place = PLACES[(team - 1) // len(AREAS) % len(PLACES)]
    return f"{area} {place}"


def spec_of(name: str):
    from reports.catalog import CHARTS

    base = name.split("+")[0]
    return next(spec for spec in CHARTS if spec.name == base)


def render(name: str, data, dpi: int) -> bytes:
    from reports import service

    return service.render(spec_of(name), service.localised(data), "png", dpi)


def census(name: str, data) -> tuple[int, int, int, tuple[int, int]]:
    """Visible, non-empty text artists of the drawn figure, their characters (matplotlib
    3.11 renders text glyph by glyph, so these cost), its axes and its pixel size."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    from reports import charts, service
    from reports.charts import style

    with rc_context(style.RC):
        fig = charts.figure(spec_of(name).name, service.localised(data))
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
    texts = [
        t
        for t in fig.findobj(Text)
        if t.get_visible() and t.get_text().strip() and t.get_window_extent().width > 0
    ]
    glyphs = sum(len(t.get_text().replace(" ", "").replace("\n", "")) for t in texts)
    return len(texts), glyphs, len(fig.axes), canvas.get_width_height()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="draws per chart (median)")
    parser.add_argument("--dpi", type=int, default=100, help="page dpi (REPORT_PAGE_DPI)")
    parser.add_argument("--only", nargs="*", help="chart names (default: all)")
    parser.add_argument("--shots", help="save the pictures into this folder")
    parser.add_argument("--locales", nargs="*", default=["en"], help="locales for --shots")
    parser.add_argument("--tag", default="", help="suffix for the saved file names")
    args = parser.parse_args()

    import matplotlib
    from flask_babel import force_locale

    from app import create_app

    app = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    random.seed(0)
    with app.app_context():
        datas = chart_data(shape())
        names = args.only or list(datas)
        print(
            f"matplotlib {matplotlib.__version__}, python {platform.python_version()}, "
            f"dpi {args.dpi}, median of {args.repeat}"
        )
        print(f"{'chart':<16}{'wall ms':>8}{'CPU ms':>8}{'best':>6}{'texts':>7}{'glyphs':>7}{'axes':>6}"
              f"{'pixels':>12}{'PNG KB':>8}")  # fmt: skip
        with force_locale("en"):
            render("heatmap", datas["heatmap"], args.dpi)  # warm up fonts and caches
            for name in names:
                data = datas[name]
                times, cpu = [], []
                for _ in range(args.repeat):
                    began, began_cpu = perf_counter(), process_time()
                    png = render(name, data, args.dpi)
                    times.append(perf_counter() - began)
                    cpu.append(process_time() - began_cpu)
                texts, glyphs, axes, (w, h) = census(name, data)
                print(
                    f"{name:<16}{statistics.median(times) * 1000:8.0f}"
                    f"{statistics.median(cpu) * 1000:8.0f}{min(cpu) * 1000:6.0f}"
                    f"{texts:7d}{glyphs:7d}{axes:6d}{f'{w}×{h}':>12}{len(png) / 1024:8.0f}"
                )
        if args.shots:
            folder = Path(args.shots)
            folder.mkdir(parents=True, exist_ok=True)
            narrow = chart_data(NARROW)
            for locale in args.locales:
                with force_locale(locale):
                    for name in names:
                        for variant, source in (("", datas), ("-narrow", narrow)):
                            path = folder / f"{name}{variant}-{locale}{args.tag}.png"
                            path.write_bytes(render(name, source[name], args.dpi))
            print(f"pictures in {folder}")


if __name__ == "__main__":
    main()
