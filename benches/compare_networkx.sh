#!/usr/bin/env bash
# Side-by-side timing of historiograph and the networkx baseline on one generated graph.
#
#   benches/compare_networkx.sh [CLAIMS]        # default 1000000 claims, CLAIMS/100 documents
#
# It builds the release binaries, writes one seeded TSV edge list with `historiograph generate`,
# runs `examples/bench_queries` and `../shared/bench/networkx_baseline.py --edges` on that same
# file, one after the other, and prints for each question both times, the speedup and both
# result sizes (equal sizes are the check that both computed the same thing), then the peak
# memory of each process. The last line is
#   SUMMARY claims=N dependency_speedup=X grounded_speedup=Y memory_ratio=Z
# where memory_ratio = historiograph peak / networkx peak. It exits 1 if any result size differs.
#
# Environment: DOCUMENTS (default CLAIMS/100), SEED (1), PYTHON (a python with networkx; if
# python3 lacks it, networkx is installed from PyPI into a venv in the scratch folder),
# NETWORKX_BASELINE (path of the baseline script), CARGO_TARGET_DIR.
# Peak memory comes from GNU time (`/usr/bin/time -v`; `apt-get install time` if missing);
# without it, each program's own report of its peak is used.
set -euo pipefail
cd "$(dirname "$0")/.."

claims="${1:-1000000}"
documents="${DOCUMENTS:-$(( claims / 100 > 0 ? claims / 100 : 1 ))}"
seed="${SEED:-1}"
baseline="${NETWORKX_BASELINE:-../shared/bench/networkx_baseline.py}"
target="${CARGO_TARGET_DIR:-target}"
work="$(mktemp -d "${TMPDIR:-/tmp}/historiograph-compare.XXXXXX")"
trap 'rm -rf "$work"' EXIT

if [ ! -f "$baseline" ]; then
  echo "error: the networkx baseline is not at $baseline (set NETWORKX_BASELINE)" >&2
  exit 2
fi

echo "== building (release)"
cargo build --release --quiet --bin historiograph --example bench_queries

echo "== generating $claims claims, $documents documents, seed $seed"
"$target/release/historiograph" generate --documents "$documents" --claims "$claims" \
  --seed "$seed" --format tsv -o "$work/graph.tsv"

python="${PYTHON:-python3}"
if ! "$python" -c 'import networkx' 2>/dev/null; then
  echo "== networkx not found for $python: installing it into a venv in $work"
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install --quiet networkx
  python="$work/venv/bin/python"
fi

timer=()
if /usr/bin/time -v true >/dev/null 2>&1; then
  timer=(/usr/bin/time -v)
else
  echo "note: GNU time (/usr/bin/time -v) is missing, so peak memory is each program's own report;"
  echo "      install it with: apt-get install time"
fi

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== historiograph"
"${timer[@]}" "$target/release/examples/bench_queries" "$work/graph.tsv" >"$work/hg.json" 2>"$work/hg.time"
cat "$work/hg.json"
echo "== networkx ($("$python" -c 'import networkx; print(networkx.__version__)'))"
"${timer[@]}" "$python" "$baseline" --edges "$work/graph.tsv" >"$work/nx.json" 2>"$work/nx.time"
cat "$work/nx.json"

python3 - "$work" "$claims" <<'PY'
import json, re, sys
work, claims = sys.argv[1], int(sys.argv[2])
hg = json.load(open(f"{work}/hg.json"))
nx = json.load(open(f"{work}/nx.json"))

def peak_mb(name, own):
    text = open(f"{work}/{name}.time").read()
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    return (int(m.group(1)) / 1024, "GNU time") if m else (own, "self-reported")

rows = [  # question, historiograph seconds, networkx seconds, result key pair
    ("load + build graph", hg["load_s"] + hg["build_s"], nx["load_s"], None),
    ("(a) rests-only-on most-cited (after b)", hg["a_rests_only_on_s"], nx["a_fast_s"], ("a_result", "a_result")),
    ("(b) dependency, all documents", hg["b_dependency_s"], nx["b_dominators_s"], ("b_claims_single_doc", "b_claims_single_doc")),
    ("(c) grounded extension", hg["c_grounded_s"], nx["c_queue_s"], ("c_grounded_size", "c_grounded_size")),
]

ok = True
print(f"{'question':40} {'historiograph s':>16} {'networkx s':>11} {'speedup':>8} {'hg result':>10} {'nx result':>10}")
speedups = {}
for name, h, n, keys in rows:
    hr, nr = (hg[keys[0]], nx[keys[1]]) if keys else ("-", "-")
    same = hr == nr
    ok &= same
    speedups[name] = n / h if h > 0 else float("inf")
    print(f"{name:40} {h:16.6f} {n:11.3f} {speedups[name]:7.1f}x {hr!s:>10} {nr!s:>10}{'' if same else '  MISMATCH'}")
hm, hsrc = peak_mb("hg", hg.get("rss_peak_mb"))
nm, nsrc = peak_mb("nx", nx.get("rss_peak_mb"))
print(f"peak memory: historiograph {hm:.0f} MB, networkx {nm:.0f} MB ({hsrc}, {nsrc}); ratio {hm / nm:.2f}")
dep = speedups["(b) dependency, all documents"]
grd = speedups["(c) grounded extension"]
print(f"SUMMARY claims={hg['claims']} dependency_speedup={dep:.1f} grounded_speedup={grd:.1f} memory_ratio={hm / nm:.2f}")
sys.exit(0 if ok else 1)
PY
