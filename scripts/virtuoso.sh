#!/usr/bin/env bash
# A throwaway Virtuoso (Debian's virtuoso-opensource-7, the engine behind Joinup's SPARQL endpoint)
# for tests and benchmarks: its own database folder, loopback ports picked free, a small memory
# setting, stopped by PID.
#
#   scripts/virtuoso.sh start FOLDER          starts it; prints the SPARQL endpoint URL when ready
#   scripts/virtuoso.sh load FOLDER GRAPH FILE...   loads RDF/XML (.rdf) or Turtle/N-Triples (.ttl, .nt) into GRAPH
#   scripts/virtuoso.sh fixtures FOLDER       loads Fixtures/sparql (see its README.md)
#   scripts/virtuoso.sh sql FOLDER FILE.sql   runs SQL (and SPARQL through `SPARQL …;`) as dba
#   scripts/virtuoso.sh stop FOLDER           stops it by its PID and waits
#
# FOLDER is created if needed and holds the database, the ini file, `pid`, `isql-port`, `endpoint`
# and `virtuoso.log`. Remove it after `stop`.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
command_name="${1:-}"
folder="${2:-}"
if [[ -z "$command_name" || -z "$folder" ]]; then
    sed -n '2,13p' "$0" >&2
    exit 2
fi
mkdir -p "$folder"
folder="$(cd "$folder" && pwd)"

# A loopback port free right now (Virtuoso cannot bind port 0 and report it; start retries on a clash).
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

isql() {
    isql-vt "127.0.0.1:$(cat "$folder/isql-port")" dba dba "$@"
}

run_sql() {
    local output
    if ! output="$(isql "$1" 2>&1)" || grep -q '^\*\*\* Error' <<<"$output"; then
        echo "virtuoso.sh: $1 failed:" >&2
        echo "$output" >&2
        exit 1
    fi
}

start() {
    if [[ -f "$folder/pid" ]] && kill -0 "$(cat "$folder/pid")" 2>/dev/null; then
        echo "virtuoso.sh: already running in $folder (pid $(cat "$folder/pid"))" >&2
        exit 1
    fi
    command -v virtuoso-t >/dev/null || { echo "virtuoso.sh: virtuoso-t not found (apt-get install virtuoso-opensource-7)" >&2; exit 1; }
    for attempt in 1 2 3 4 5; do
        rm -f "$folder"/virtuoso.db "$folder"/virtuoso.trx "$folder"/virtuoso.pxa "$folder"/virtuoso.lck "$folder"/virtuoso.log
        local isql_port http_port
        isql_port="$(free_port)"
        http_port="$(free_port)"
        # 2,000 buffers of 8 KB: ~16 MB of page cache, plenty for fixtures and a 5,000-collection directory.
        cat >"$folder/virtuoso.ini" <<EOF
[Database]
DatabaseFile = $folder/virtuoso.db
ErrorLogFile = $folder/virtuoso.log
TransactionFile = $folder/virtuoso.trx
xa_persistent_file = $folder/virtuoso.pxa
[Parameters]
ServerPort = 127.0.0.1:$isql_port
NumberOfBuffers = 2000
MaxDirtyBuffers = 1200
ServerThreads = 10
CheckpointInterval = 0
DirsAllowed = ., $folder
[HTTPServer]
ServerPort = 127.0.0.1:$http_port
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 30
EOF
        echo "$isql_port" >"$folder/isql-port"
        (cd "$folder" && exec virtuoso-t +configfile "$folder/virtuoso.ini" +foreground </dev/null >>"$folder/virtuoso.out" 2>&1) &
        echo $! >"$folder/pid"
        local endpoint="http://127.0.0.1:$http_port/sparql"
        for _ in $(seq 1 300); do
            kill -0 "$(cat "$folder/pid")" 2>/dev/null || break
            if curl -sf -o /dev/null --max-time 2 -H 'Accept: application/sparql-results+json' \
                "$endpoint?query=ASK%7B%7D"; then
                echo "$endpoint" >"$folder/endpoint"
                echo "$endpoint"
                return 0
            fi
            sleep 0.1
        done
        stop_server
        echo "virtuoso.sh: attempt $attempt did not start (port taken?); log:" >&2
        tail -5 "$folder/virtuoso.log" >&2 2>/dev/null || true
    done
    exit 1
}

stop_server() {
    [[ -f "$folder/pid" ]] || return 0
    local pid
    pid="$(cat "$folder/pid")"
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$folder/pid"
}

# Loads each file into the graph: RDF/XML by .rdf/.xml, Turtle (and N-Triples) otherwise.
load() {
    local graph="$1"
    shift
    local sql="$folder/load-$$.sql"
    : >"$sql"
    local n=0 copies=()
    for file in "$@"; do
        # Virtuoso reads only from DirsAllowed: each file goes through a copy in the folder.
        n=$((n + 1))
        local path="$folder/load-$$-$n.${file##*.}"
        cp "$file" "$path"
        copies+=("$path")
        case "$path" in
        *.rdf | *.xml) echo "DB.DBA.RDF_LOAD_RDFXML(file_to_string_output('$path'), '', '$graph');" >>"$sql" ;;
        *) echo "DB.DBA.TTLP(file_to_string_output('$path'), '', '$graph');" >>"$sql" ;;
        esac
    done
    run_sql "$sql"
    rm -f "$sql" "${copies[@]}"
}

# Fixtures/sparql: each collection.rdf of Fixtures/remote and Fixtures/sparql/collections is loaded
# into a staging graph and its nodes are moved to the graphs Joinup keeps them in (collections,
# owners, contact points); topics get Joinup's topic type in http://topic.
fixtures() {
    local sparql="$repo/Fixtures/sparql"
    load "urn:joinup:staging" "$repo"/Fixtures/remote/*/collection.rdf "$sparql"/collections/*.rdf
    load "urn:joinup:staging-draft" "$sparql"/draft/*.rdf
    load "urn:joinup:staging-topics" "$repo/Fixtures/remote/topics.rdf"
    load "http://countries-skos" "$sparql/countries.rdf"
    run_sql "$sparql/distribute.sql"
}

case "$command_name" in
start) start ;;
stop) stop_server ;;
load)
    shift 2
    [[ $# -ge 2 ]] || { echo "usage: virtuoso.sh load FOLDER GRAPH FILE..." >&2; exit 2; }
    load "$@"
    ;;
fixtures) fixtures ;;
sql)
    [[ $# -ge 3 ]] || { echo "usage: virtuoso.sh sql FOLDER FILE.sql" >&2; exit 2; }
    run_sql "$3"
    ;;
*)
    echo "virtuoso.sh: unknown command $command_name" >&2
    exit 2
    ;;
esac
