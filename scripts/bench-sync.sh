#!/usr/bin/env bash
# Times `joinup sync` of a generated collection over loopback: a first sync into an empty cache
# and an unchanged re-sync, RUNS times each; prints each run and the medians.
# Usage: scripts/bench-sync.sh [ITEMS] [RUNS]   (after `swift build -c release --product joinup`
#        and `swift build -c release --product joinup-remote`)
set -euo pipefail
cd "$(dirname "$0")/.."
items=${1:-10000}
runs=${2:-5}
bin=.build/release
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

"$bin/joinup-remote" --generate "$items" --seed 1 --port 0 --log "$work/requests.log" > "$work/url" &
server=$!
for _ in $(seq 100); do [ -s "$work/url" ] && break; sleep 0.05; done
url=$(head -1 "$work/url")

measure() {  # measure LABEL DATA-DIR -> "seconds max-rss-kB requests"
    local before after
    before=$(wc -l < "$work/requests.log")
    /usr/bin/time -v -o "$work/time" "$bin/joinup" sync --remote "$url" --data-dir "$2" --config-dir "$work/config" > "$work/out"
    after=$(wc -l < "$work/requests.log")
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {split($2, t, ":"); print t[1] * 60 + t[2]}' "$work/time")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
    echo "$1 $wall $rss $((after - before)) $(cat "$work/out")"
}

for run in $(seq "$runs"); do
    measure first "$work/data-$run"
    measure resync "$work/data-$run"
done | tee "$work/results"

median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
for kind in first resync; do
    wall=$(awk -v k="$kind" '$1 == k {print $2}' "$work/results" | median)
    rss=$(awk -v k="$kind" '$1 == k {print $3}' "$work/results" | median)
    requests=$(awk -v k="$kind" '$1 == k {print $4}' "$work/results" | median)
    echo "median $kind: $wall s, max RSS $rss kB, $requests requests"
done
