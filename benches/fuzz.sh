#!/usr/bin/env bash
# Runs every fuzz target for a fixed time and prints what it tried and found.
#
#   benches/fuzz.sh [SECONDS]        # default 60 seconds per target
#
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`). Each target runs from
# an empty corpus kept in a scratch folder (the corpus files and the dictionary seed it), with
# libFuzzer's limits: an input that takes over 10 seconds is a hang, one that needs over 2 GB a
# blow-up, a panic a crash; each is a finding, saved under fuzz/artifacts/TARGET/. One line per
# target:
#   FUZZ target=NAME runs=N seconds=S findings=K
# It exits 1 if any target found anything.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

seconds="${1:-60}"
work="$(mktemp -d "${TMPDIR:-/tmp}/historiograph-fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Seeds: the bundled corpus files for the YAML targets, the shared AIF maps and ICCMA frameworks
# when present, the examples otherwise.
mkdir -p "$work/load" "$work/round_trip" "$work/aif" "$work/iccma"
cp ../claims/*.yaml "$work/load/"
cp ../claims/*.yaml "$work/round_trip/"
find ../../shared/data/aif -name '*.json' -size -64k 2>/dev/null | head -50 | xargs -r cp -t "$work/aif/"
cp ../examples/frameworks/* "$work/iccma/"
find ../../shared/data/iccma -size -64k -type f 2>/dev/null | head -50 | xargs -r cp -t "$work/iccma/"

status=0
for target in load round_trip aif iccma; do
    dict=()
    case "$target" in load | round_trip) dict=(-dict=load.dict) ;; esac
    log="$work/$target.log"
    if cargo +nightly fuzz run "$target" "$work/$target" -- "${dict[@]}" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        >"$log" 2>&1; then
        findings=0
    else
        findings=1
        status=1
        tail -n 30 "$log" >&2
    fi
    runs="$(grep -Eo 'Done [0-9]+ runs' "$log" | grep -Eo '[0-9]+' | tail -n 1 || true)"
    echo "FUZZ target=$target runs=${runs:-?} seconds=$seconds findings=$findings"
done
exit "$status"
