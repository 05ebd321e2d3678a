#!/usr/bin/env bash
# Times the collection directory at Joinup's scale and beyond: a Virtuoso (scripts/virtuoso.sh)
# loaded with the SPARQL fixtures plus COUNT generated collections (each with 1-3 topics of the
# fixture vocabulary), then `joinup sync --directory-only` (all pages read and stored: the
# directory ready for the browser), `joinup collections` (the whole list with its facet) and
# `joinup collections --topic URI`, RUNS times each; prints each run and the medians.
# Usage: scripts/bench-directory.sh [COUNT] [RUNS]   (after `swift build -c release --product joinup`)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-5000}
runs=${2:-5}
bin=${JOINUP_BIN_DIR:-.build/release}
work=$(mktemp -d)
trap 'scripts/virtuoso.sh stop "$work/virtuoso" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

endpoint=$(scripts/virtuoso.sh start "$work/virtuoso")
scripts/virtuoso.sh fixtures "$work/virtuoso"
# Generated collections in Joinup's shape (N-Triples), deterministic.
python3 - "$count" > "$work/generated.nt" <<'PY'
import random, sys
random.seed(1)
topics = ["http://joinup.eu/ontology/topic/category#ict", "http://joinup.eu/ontology/topic#ict",
          "http://joinup.eu/ontology/topic#open-source-software", "http://joinup.eu/ontology/topic#ict-security",
          "http://joinup.eu/ontology/topic/category#digital-government", "http://joinup.eu/ontology/topic#egovernment",
          "http://joinup.eu/ontology/topic#legal", "http://joinup.eu/ontology/topic#collaboration"]
dct, dcat = "http://purl.org/dc/terms/", "http://www.w3.org/ns/dcat#"
for n in range(int(sys.argv[1])):
    c = f"<http://data.europa.eu/w21/generated-{n:05d}>"
    print(f'{c} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{dcat}Catalog> .')
    print(f'{c} <{dct}title> "Generated collection {n}"@en .')
    print(f'{c} <{dct}abstract> "Collection number {n} about interoperability and reuse."@en .')
    print(f'{c} <{dct}alternative> "generated-{n:05d}" .')
    print(f'{c} <{dct}modified> "2023-01-01T10:00:00+01:00"^^<http://www.w3.org/2001/XMLSchema#dateTime> .')
    print(f'{c} <{dct}RightsStatement> "{n % 3 == 0 and 1 or 0}"^^<http://www.w3.org/2001/XMLSchema#boolean> .')
    print(f'{c} <http://joinup.eu/ar/workflow_status> "{"archived" if n % 50 == 0 else "validated"}" .')
    for t in random.sample(topics, random.randint(1, 3)):
        print(f'{c} <http://joinup.eu/vocabulary/topic> <{t}> .')
PY
scripts/virtuoso.sh load "$work/virtuoso" http://joinup.eu/collection/published "$work/generated.nt"

timed() {  # timed LABEL COMMAND... -> "LABEL seconds max-rss-kB lines"
    local label=$1
    shift
    /usr/bin/time -v -o "$work/time" "$@" > "$work/out"
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {split($2, t, ":"); print t[1] * 60 + t[2]}' "$work/time")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
    echo "$label $wall $rss $(wc -l < "$work/out")"
}

topic="http://joinup.eu/ontology/topic#ict-security"
for run in $(seq "$runs"); do
    data="$work/data-$run"
    timed directory "$bin/joinup" sync --remote http://127.0.0.1:9 --sparql "$endpoint" --directory-only \
        --data-dir "$data" --config-dir "$work/config"
    timed list "$bin/joinup" collections --data-dir "$data" --config-dir "$work/config"
    timed topic "$bin/joinup" collections --topic "$topic" --data-dir "$data" --config-dir "$work/config"
done | tee "$work/results"

median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
for kind in directory list topic; do
    wall=$(awk -v k="$kind" '$1 == k {print $2}' "$work/results" | median)
    rss=$(awk -v k="$kind" '$1 == k {print $3}' "$work/results" | median)
    lines=$(awk -v k="$kind" '$1 == k {print $4}' "$work/results" | median)
    echo "median $kind: $wall s, max RSS $rss kB, $lines lines"
done
