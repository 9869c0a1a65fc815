"""The mutation score of the last `mutmut run` (issue 9), per target and overall.

Run from the folder mutmut ran in (it reads ``mutants/**/*.py.meta``); `make mutation` calls
it. A mutant counts as caught when a test failed (killed) or ran out of time (timeout); the
score is caught / checked. ``--survivors`` also lists the mutants no test noticed, for review
with ``mutmut show <name>``."""

import json
import sys
from collections import Counter
from pathlib import Path

TARGETS = {
    "reviews/access.py": "reviews/access.py",
    "reviews/services/": "reviews/services/",
    "reports/metrics.py": "reports/metrics.py",
}
KILLED = {1, 3}
SURVIVED = {0}
NO_TESTS = {5, 33}
TIMEOUT = {36, 24, -24, 152, 255}


def status(code: int | None) -> str:
    if code is None:
        return "not checked"
    if code in KILLED:
        return "killed"
    if code in SURVIVED:
        return "survived"
    if code in NO_TESTS:
        return "no tests"
    if code in TIMEOUT:
        return "timeout"
    return "other"


def target_of(meta: Path, mutants: Path) -> str | None:
    source = meta.relative_to(mutants).as_posix().removesuffix(".meta")
    return next((name for name, prefix in TARGETS.items() if source.startswith(prefix)), None)


def collect(mutants: Path) -> tuple[dict[str, Counter], dict[str, list[str]]]:
    counts: dict[str, Counter] = {name: Counter() for name in TARGETS}
    survivors: dict[str, list[str]] = {name: [] for name in TARGETS}
    for meta in sorted(mutants.rglob("*.py.meta")):
        target = target_of(meta, mutants)
        if target is None:
            continue
        for name, code in json.loads(meta.read_text())["exit_code_by_key"].items():
            kind = status(code)
            counts[target][kind] += 1
            if kind in ("survived", "no tests"):
                survivors[target].append(name)
    return counts, survivors


def row(name: str, c: Counter) -> str:
    checked = sum(c.values()) - c["not checked"]
    caught = c["killed"] + c["timeout"]
    score = f"{100 * caught / checked:.1f} %" if checked else "–"
    cells = [name, checked, c["killed"], c["timeout"], c["survived"], c["no tests"], score]
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def main(argv: list[str]) -> int:
    counts, survivors = collect(Path("mutants"))
    print("| target | mutants | killed | timeout | survived | no tests | score |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, c in counts.items():
        print(row(name, c))
    print(row("**overall**", sum(counts.values(), Counter())))
    unchecked = sum(c["not checked"] for c in counts.values())
    if unchecked:
        print(f"\n{unchecked} mutants not checked (run interrupted?)")
    if "--survivors" in argv:
        for name, names in survivors.items():
            print(f"\n{name}: {len(names)} not caught")
            print("\n".join(f"  {n}" for n in names))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
