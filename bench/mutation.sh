#!/bin/sh
# `make mutation` (issue 9): mutmut over the rules and the numbers — reviews/access.py,
# reviews/services/ and reports/metrics.py ([tool.mutmut] in pyproject.toml) — then the score.
# It runs in a snapshot of the last commit (git archive HEAD), so a working tree that is
# being edited is never mutated and no mutants/ folder appears in it. Not part of CI: all
# ~5,300 mutants take several hours on two cores. MUTATION_DIR picks the folder (default a
# temporary one, kept afterwards for `mutmut show <name>`); MUTATION_CHILDREN the workers.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/.venv/bin"
dir=${MUTATION_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/rapport-mutation.XXXXXX")}
rm -rf "$dir" && mkdir -p "$dir"
git -C "$root" archive HEAD | tar -x -C "$dir"
cd "$dir"
"$bin/pybabel" compile --use-fuzzy -d translations >/dev/null
echo "mutating a snapshot of $(git -C "$root" rev-parse --short HEAD) in $dir"
nice -n 10 "$bin/mutmut" run --max-children "${MUTATION_CHILDREN:-2}"
"$bin/python" "$root/bench/mutation_score.py" "$@"
