#!/usr/bin/env bash
# Side-by-side timing of `historiograph iccma` (the SAT engine) and crustabri 1.1.1 (CRIL's
# ICCMA 2023 entrant, Rust on a SAT solver) on the ICCMA 2023 tasks we support.
#
#   benches/compare_crustabri.sh
#
# It builds the release binaries, installs crustabri from crates.io into the scratch folder
# (`cargo install --root`; GPL-3.0, so it is run, never linked), writes the seeded random
# frameworks (1 000 arguments, each ordered pair an attack with probability 4/1000 or 3/1000,
# seeds 1 to 5) with `examples/random_af`, adds the instances of ../shared/data/iccma/iccma23,
# and runs both solvers on DC-CO, DC-PR, DS-PR, DC-ST, DS-ST (queries: the first argument and
# the middle one) and SE-ST, SE-PR. Every call has a time limit. It prints one line per call
# with both times, the ratio historiograph / other and both answers (YES, NO, or w for an
# extension), then the geometric means, the worst ratio and how many calls are within
# max(1 s, 3 x other). It exits 1 if an answer differs (calls past the limit are not compared).
#
# If crustabri cannot be installed (no network, no C++ compiler for its SAT solver), it says
# so and compares with historiograph's former engine instead (`--engine search`).
#
# Environment: CRUSTABRI (an installed `crustabri_iccma23` binary, the ICCMA 2023 interface that
# the crustabri package installs, to skip the install; `none` to compare
# with the former engine only), LIMIT (seconds
# per call, default 10), SEEDS (default 5), ARGUMENTS (default 1000), SHARED_DATA (default
# ../shared/data), OLD=1 (also run `--engine search`, as a third column), CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

limit="${LIMIT:-10}"
seeds="${SEEDS:-5}"
arguments="${ARGUMENTS:-1000}"
shared="${SHARED_DATA:-../shared/data}"
target="${CARGO_TARGET_DIR:-target}"
work="$(mktemp -d "${TMPDIR:-/tmp}/historiograph-crustabri.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "== building (release)"
cargo build --release --quiet --bin historiograph --example random_af
hg="$target/release/historiograph"

other_name=crustabri
other="${CRUSTABRI:-}"
if [ "$other" = none ]; then
  other=""
elif [ -z "$other" ]; then
  echo "== installing crustabri 1.1.1 into $work (cargo install --root)"
  if cargo install --quiet --locked --version 1.1.1 --root "$work/crustabri" crustabri \
    >"$work/install.log" 2>&1 || cargo install --quiet --version 1.1.1 \
    --root "$work/crustabri" crustabri >>"$work/install.log" 2>&1; then
    other="$work/crustabri/bin/crustabri_iccma23"
  else
    echo "note: crustabri could not be installed (see below); comparing with --engine search"
    tail -5 "$work/install.log" | sed 's/^/    /'
  fi
fi
# Each solver is a command prefix; the task arguments follow.
if [ -n "$other" ]; then
  other_cmd=("$other")
else
  other_name=search
  other_cmd=("$hg" iccma --engine search)
fi
third=()
if [ "${OLD:-0}" = 1 ] && [ "$other_name" != search ]; then
  third=("$hg" iccma --engine search)
fi

echo "== frameworks: $arguments arguments, p = 4/1000 and 3/1000, seeds 1..$seeds"
mkdir -p "$work/af"
for p in 0.004 0.003; do
  for seed in $(seq 1 "$seeds"); do
    "$target/release/examples/random_af" "$arguments" "$p" "$seed" >"$work/af/random_${p}_$seed.af"
  done
done
if [ -d "$shared/iccma/iccma23" ]; then
  for f in "$shared"/iccma/iccma23/*.af; do
    ln -s "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")" "$work/af/$(basename "$f")"
  done
else
  echo "note: $shared/iccma/iccma23 is missing: random frameworks only"
fi

# The answer of one call: YES, NO, w (an extension), TIMEOUT, or ERROR; and its time in ms.
run() {
  local out start end status
  start=$(date +%s%N)
  set +e
  out=$(timeout "$limit" "$@" 2>/dev/null | head -c 100000)
  status=$?
  set -e
  end=$(date +%s%N)
  local ms=$(( (end - start) / 1000000 ))
  local first="${out%%$'\n'*}"
  case "$status:$first" in
    124:*) echo "TIMEOUT $ms" ;;
    0:YES | 0:NO) echo "$first $ms" ;;
    0:w*) echo "w $ms" ;;
    *) echo "ERROR $ms" ;;
  esac
}

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); limit ${limit} s per call"
results="$work/results.tsv"
printf 'instance\ttask\tquery\thg_ms\thg\tother_ms\tother\tthird_ms\tthird\n' >"$results"
for file in "$work"/af/*.af; do
  name=$(basename "$file" .af)
  n=$(grep -m1 '^p af' "$file" | awk '{print $3}')
  for task in DC-CO DC-PR DS-PR DC-ST DS-ST SE-ST SE-PR; do
    case "$task" in
      SE-*) queries=("") ;;
      *) queries=(1 $(( (n + 1) / 2 ))) ;;
    esac
    for q in "${queries[@]}"; do
      qa=()
      [ -n "$q" ] && qa=(-a "$q")
      read -r a_ans a_ms < <(run "$hg" iccma -p "$task" -f "$file" "${qa[@]}")
      read -r b_ans b_ms < <(run "${other_cmd[@]}" -p "$task" -f "$file" "${qa[@]}")
      c_ans=-; c_ms=-
      if [ ${#third[@]} -gt 0 ]; then
        read -r c_ans c_ms < <(run "${third[@]}" -p "$task" -f "$file" "${qa[@]}")
      fi
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$task" "${q:--}" \
        "$a_ms" "$a_ans" "$b_ms" "$b_ans" "$c_ms" "$c_ans" >>"$results"
    done
  done
done

python3 - "$results" "$other_name" "$limit" <<'EOF'
import math, sys
path, other, limit = sys.argv[1], sys.argv[2], float(sys.argv[3])
rows = [l.rstrip("\n").split("\t") for l in open(path)][1:]
third = any(r[8] != "-" for r in rows)
head = f"{'instance':34} {'task':6} {'query':>6} {'hg ms':>8} {other + ' ms':>13} {'ratio':>7}  answers"
print(head + ("   search ms" if third else ""))
ratios, hg_times, other_times, bad, within, timeouts = [], [], [], 0, 0, 0
for name, task, q, a_ms, a, b_ms, b, c_ms, c in rows:
    a_ms, b_ms = float(a_ms), float(b_ms)
    answered = [x for x in (a, b, c) if x in ("YES", "NO", "w")]
    agree = len(set(answered)) <= 1
    bad += not agree
    timeouts += "TIMEOUT" in (a, b)
    ratio = max(a_ms, 1) / max(b_ms, 1)
    if a != "TIMEOUT" and b != "TIMEOUT":
        ratios.append(ratio)
        hg_times.append(max(a_ms, 1))
        other_times.append(max(b_ms, 1))
    within += a != "TIMEOUT" and a_ms <= max(1000, 3 * b_ms)
    flag = "" if agree else "  DISAGREE"
    line = f"{name:34} {task:6} {q:>6} {a_ms:8.0f} {b_ms:13.0f} {ratio:7.2f}  {a}/{b}{flag}"
    print(line + (f"   {c_ms:>8} {c}" if third else ""))
geo = lambda xs: math.exp(sum(map(math.log, xs)) / len(xs)) if xs else float("nan")
worst = max(zip(ratios, rows), default=(float("nan"), ["-"] * 3), key=lambda x: x[0])
print()
print(f"calls: {len(rows)}; both answered: {len(ratios)}; past the {limit:.0f} s limit: {timeouts}")
print(f"geometric mean: historiograph {geo(hg_times):.0f} ms, {other} {geo(other_times):.0f} ms, ratio {geo(ratios):.2f}")
print(f"worst ratio: {worst[0]:.2f} ({worst[1][0]} {worst[1][1]} {worst[1][2]})")
print(f"within max(1 s, 3 x {other}): {within} of {len(rows)}")
print(f"disagreements: {bad}")
print(f"SUMMARY other={other} calls={len(rows)} geomean_ratio={geo(ratios):.2f} worst_ratio={worst[0]:.2f} within={within} disagreements={bad}")
sys.exit(1 if bad else 0)
EOF
