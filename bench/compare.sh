#!/usr/bin/env bash
# joinup against newsboat (and sfeed's bare parse) on the same generated RSS, in one run.
#
# Usage: bench/compare.sh [SIZE …]            (default: 10000 100000)
#        RUNS=1 bench/compare.sh 1000000        (the million row: joinup and sfeed only)
# Environment:
#   RUNS=5            runs of each joinup measure and of sfeed (medians are printed)
#   NEWSBOAT_RUNS=3   runs of newsboat's reloads (a 100k first reload takes about a minute)
#   NEWSBOAT_MAX=100000  larger sizes skip newsboat (a million items needs about a gigabyte and minutes)
#   FRAME_RUNS=10     runs of each first-frame measure (after 2 warm-ups)
#   SKIP_BUILD=1      use the release binaries already in .build/release
#   BIN=DIR           take joinup, joinup-remote and joinup-bench from DIR (implies SKIP_BUILD;
#                     a before/after comparison runs an older build this way)
#   KEEP=1            keep the temporary folder (its path is printed)
#
# For each size it starts two `joinup-remote --generate SIZE --seed 1` servers on 127.0.0.1:
# one with the default paging (500 items a page: what `joinup sync` reads) and one with
# `--page-size 0`, the whole listing as one RSS document (newsboat reads one URL and does not
# follow RFC 5005 next links; sfeed parses that same document from a file). Same seed, same
# items, same bytes per item. Then it measures:
#   - sfeed: `sfeed < feed.xml > /dev/null` (the parse alone, no network, no storage);
#   - newsboat: `newsboat -x reload` into an empty cache (first reload) and, after a second
#     reload (newsboat keeps a new feed's validators only from then on), a third (the unchanged
#     reload: a conditional GET answered 304), wall time and peak RSS (/usr/bin/time), its cache
#     size, and its first frame from that cache in a pty (bench/first_frame.py, marker: the
#     feed's "N (unread/total" count in the feed list, drawn once the cache is loaded);
#   - joinup: after one untimed sync (the server renders each page once, then serves it from
#     memory, as newsboat's document was fetched once by curl first), `joinup sync` into an
#     empty cache and again unchanged, wall time and peak RSS, the
#     cache size; `joinup sync` of the one-document server into an empty cache (the listing a
#     plain RSS server gives, as newsboat reads it: no paging, no read-ahead); the browser's
#     first frame from that cache with its peak RSS (first_frame.py, marker "Topics"), and
#     joinup-bench's filter change and search keystroke (in-process).
# Everything lives in one temporary folder; newsboat gets -u/-c/-C plus HOME and XDG_* pointed
# into it, so nothing touches the real home. Servers are stopped by PID on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
runs=${RUNS:-5}
newsboat_runs=${NEWSBOAT_RUNS:-3}
newsboat_max=${NEWSBOAT_MAX:-100000}
frame_runs=${FRAME_RUNS:-10}
bin=${BIN:-.build/release}

for tool in newsboat sfeed curl python3 /usr/bin/time; do
    command -v "$tool" > /dev/null || { echo "compare.sh: $tool is missing (apt-get install newsboat sfeed curl time)" >&2; exit 2; }
done
if [ -z "${SKIP_BUILD:-}" ] && [ -z "${BIN:-}" ]; then
    for product in joinup joinup-remote joinup-bench; do swift build -c release --product "$product" > /dev/null; done
fi

work=$(mktemp -d -t joinup-compare.XXXXXX)
servers=()
cleanup() {
    for pid in "${servers[@]}"; do kill "$pid" 2> /dev/null || true; done
    for pid in "${servers[@]}"; do wait "$pid" 2> /dev/null || true; done
    if [ -n "${KEEP:-}" ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
results=$work/results     # lines: SIZE KEY VALUE
: > "$results"

record() { echo "$1 $2 $3" >> "$results"; }
median() { sort -g | awk '{v[NR] = $1} END {if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
value() { awk -v s="$1" -v k="$2" '$1 == s && $2 == k {print $3}' "$results" | median; }

start_server() {  # start_server OUT-FILE ARGS… → sets $url
    "$bin/joinup-remote" "${@:2}" > "$1" &
    servers+=($!)
    for _ in $(seq 600); do [ -s "$1" ] && break; sleep 0.05; done
    url=$(head -1 "$1")
    [ -n "$url" ] || { echo "compare.sh: joinup-remote did not start" >&2; exit 1; }
}

timed() {  # timed FILE COMMAND… : runs it, writes "seconds max-rss-kB" to FILE
    /usr/bin/time -f "%e %M" -o "$1" "${@:2}"
}

echo "compare.sh: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for size in "${sizes[@]}"; do
    echo "== $size items" >&2
    start_server "$work/paged-$size.url" --generate "$size" --seed 1 --port 0
    paged=$url
    start_server "$work/single-$size.url" --generate "$size" --seed 1 --port 0 --page-size 0
    single=$url
    feed_url="$single/collection/generated-1/feed.xml"
    # joinup-remote builds the one document in memory; at a million items (1.3 GB) it answers 500,
    # and the rows that need the document (sfeed, joinup's one-document sync) say so.
    served=1
    curl -sf "$feed_url" -o "$work/feed-$size.xml" || served=0
    if [ "$served" -eq 1 ]; then
        record "$size" feed_mb "$(awk -v b="$(stat -c %s "$work/feed-$size.xml")" 'BEGIN {printf "%.1f", b / 1048576}')"
    else
        echo "   the one document: not served by joinup-remote at this size (sfeed and the one-document sync skipped)" >&2
    fi

    # sfeed: the bare parse of the same document.
    for run in $(seq "$runs"); do
        [ "$served" -eq 1 ] || break
        timed "$work/t" sfeed < "$work/feed-$size.xml" > /dev/null
        record "$size" sfeed_s "$(cut -d' ' -f1 "$work/t")"
    done
    echo "   sfeed parse: $(value "$size" sfeed_s) s" >&2

    # joinup-remote renders and gzips each page the first time it is asked for (then keeps it):
    # on the same two cores that work would be charged to joinup's first run (at a million items,
    # most of it). One untimed sync renders every page first, as curl above did the one document.
    "$bin/joinup" sync --remote "$paged" --data-dir "$work/warm-$size" --config-dir "$work/joinup-config" > /dev/null
    rm -rf "$work/warm-$size"

    # joinup: first sync into an empty cache, then the unchanged re-sync of the same cache.
    for run in $(seq "$runs"); do
        data=$work/joinup-$size-$run
        timed "$work/t" "$bin/joinup" sync --remote "$paged" --data-dir "$data" --config-dir "$work/joinup-config" > /dev/null
        record "$size" joinup_sync_s "$(cut -d' ' -f1 "$work/t")"
        record "$size" joinup_sync_rss "$(cut -d' ' -f2 "$work/t")"
        timed "$work/t" "$bin/joinup" sync --remote "$paged" --data-dir "$data" --config-dir "$work/joinup-config" > /dev/null
        record "$size" joinup_resync_s "$(cut -d' ' -f1 "$work/t")"
        record "$size" joinup_cache_mb "$(du -sm "$data" | cut -f1)"
        [ "$run" -eq 1 ] || rm -rf "$data"
    done
    # joinup on the one-document feed newsboat reads: a first sync into an empty cache. A document
    # over the HTTP client's 64 MB body limit (the guard against decompression bombs) is refused
    # by design: the table says so instead of a time.
    over_limit=$(awk -v m="$(value "$size" feed_mb)" -v s="$served" 'BEGIN {print (s == 0 || m > 64) ? 1 : 0}')
    [ "$over_limit" -eq 0 ] || [ "$served" -eq 0 ] || echo "   joinup one document: refused, $(value "$size" feed_mb) MB is over joinup's 64 MB limit" >&2
    for run in $(seq "$runs"); do
        [ "$over_limit" -eq 0 ] || break
        data=$work/joinup-single-$size-$run
        timed "$work/t" "$bin/joinup" sync --remote "$single" --data-dir "$data" --config-dir "$work/joinup-config" > /dev/null
        record "$size" joinup_single_s "$(cut -d' ' -f1 "$work/t")"
        record "$size" joinup_single_rss "$(cut -d' ' -f2 "$work/t")"
        rm -rf "$data"
    done
    echo "   joinup sync: $(value "$size" joinup_sync_s) s, re-sync $(value "$size" joinup_resync_s) s, one document $(value "$size" joinup_single_s) s" >&2
    python3 bench/first_frame.py "$bin/joinup" "$work/joinup-$size-1" --runs "$frame_runs" --warmup 2 > "$work/ff"
    awk '/^run / {print $3}' "$work/ff" | while read -r ms; do record "$size" joinup_frame_ms "$ms"; done
    awk '/^run / {print $7}' "$work/ff" | while read -r kb; do record "$size" joinup_browser_rss "$kb"; done
    echo "   joinup first frame: $(value "$size" joinup_frame_ms) ms" >&2

    # newsboat: its own config, URL list and cache in the temp folder; HOME and XDG there too.
    if [ "$size" -gt "$newsboat_max" ]; then
        echo "   newsboat: skipped above $newsboat_max items (NEWSBOAT_MAX)" >&2
    else
        for run in $(seq "$newsboat_runs"); do
            nb=$work/newsboat-$size-$run
            mkdir -p "$nb/home"
            echo "$feed_url" > "$nb/urls"
            printf 'max-items 0\n' > "$nb/config"
            nb_env=(env HOME="$nb/home" XDG_CONFIG_HOME="$nb/home/.config" XDG_DATA_HOME="$nb/home/.local/share")
            nb_args=(-u "$nb/urls" -c "$nb/cache.db" -C "$nb/config")
            timed "$work/t" "${nb_env[@]}" newsboat "${nb_args[@]}" -x reload > /dev/null
            record "$size" newsboat_reload_s "$(cut -d' ' -f1 "$work/t")"
            record "$size" newsboat_reload_rss "$(cut -d' ' -f2 "$work/t")"
            # newsboat stores a new feed's ETag/Last-Modified only from its second reload on, so the
            # second reload fetches everything again; the third is the conditional (304) one.
            "${nb_env[@]}" newsboat "${nb_args[@]}" -x reload > /dev/null
            timed "$work/t" "${nb_env[@]}" newsboat "${nb_args[@]}" -x reload > /dev/null
            record "$size" newsboat_rereload_s "$(cut -d' ' -f1 "$work/t")"
            record "$size" newsboat_cache_mb "$(du -sm "$nb/cache.db" | cut -f1)"
            [ "$run" -eq 1 ] || rm -rf "$nb"
        done
        echo "   newsboat reload: $(value "$size" newsboat_reload_s) s, unchanged $(value "$size" newsboat_rereload_s) s" >&2
        nb=$work/newsboat-$size-1
        python3 bench/first_frame.py --command "newsboat -u $nb/urls -c $nb/cache.db -C $nb/config" \
            --env "HOME=$nb/home" --env "XDG_CONFIG_HOME=$nb/home/.config" --env "XDG_DATA_HOME=$nb/home/.local/share" \
            --marker 'N \(\d+/\d+' --runs "$frame_runs" --warmup 2 > "$work/ff"
        awk '/^run / {print $3}' "$work/ff" | while read -r ms; do record "$size" newsboat_frame_ms "$ms"; done
        awk '/^run / {print $7}' "$work/ff" | while read -r kb; do record "$size" newsboat_browser_rss "$kb"; done
        echo "   newsboat first frame: $(value "$size" newsboat_frame_ms) ms" >&2
    fi

    # joinup-bench: filter change and search keystroke, in-process, on a cache of this size.
    "$bin/joinup-bench" --items "$size" --runs 30 > "$work/bench-$size"
    record "$size" filter_ms "$(awk '/both directions:/ {print $4}' "$work/bench-$size")"
    record "$size" keystroke_ms "$(awk '/all keystrokes:/ {print $4}' "$work/bench-$size")"

    for pid in "${servers[@]}"; do kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; done
    servers=()
done

# The table: medians; ratio = newsboat / joinup (how many times faster or smaller joinup is).
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.1f×", a / b}'; }
mb() { awk -v k="$1" 'BEGIN {if (k == "-") print "-"; else printf "%.0f MB", k / 1024}'; }
ms() { awk -v s="$1" 'BEGIN {if (s == "-") print "-"; else printf "%.0f ms", s * 1000}'; }
echo
echo "joinup vs newsboat 2.21 — $(date -u '+%Y-%m-%d'), $(nproc) cores, load after: $(cut -d' ' -f1-3 /proc/loadavg); medians (RUNS=$runs, NEWSBOAT_RUNS=$newsboat_runs, FRAME_RUNS=$frame_runs)"
echo
echo "| items | measure | joinup | newsboat | newsboat ÷ joinup |"
echo "|---|---|---|---|---|"
for size in "${sizes[@]}"; do
    js=$(value "$size" joinup_sync_s); ns=$(value "$size" newsboat_reload_s)
    echo "| $size | first sync / first reload | ${js} s | ${ns} s | $(ratio "$ns" "$js") |"
    j1=$(value "$size" joinup_single_s)
    if [ "$(value "$size" feed_mb)" = "-" ]; then
        echo "| $size | first sync of the one document (--page-size 0) / first reload | not served at this size | ${ns} s | - |"
    elif [ "$j1" = "-" ]; then
        echo "| $size | first sync of the one document (--page-size 0) / first reload | refused: the $(value "$size" feed_mb) MB document is over the 64 MB limit | ${ns} s | - |"
    else
        echo "| $size | first sync of the one document (--page-size 0) / first reload | ${j1} s | ${ns} s | $(ratio "$ns" "$j1") |"
    fi
    echo "| $size | peak RSS of the one-document sync | $(mb "$(value "$size" joinup_single_rss)") | | |"
    jr=$(value "$size" joinup_resync_s); nr=$(value "$size" newsboat_rereload_s)
    echo "| $size | unchanged re-sync / reload | $(ms "$jr") | $(ms "$nr") | $(ratio "$nr" "$jr") |"
    jm=$(value "$size" joinup_sync_rss); nm=$(value "$size" newsboat_reload_rss)
    echo "| $size | peak RSS of the sync / reload | $(mb "$jm") | $(mb "$nm") | $(ratio "$nm" "$jm") |"
    jc=$(value "$size" joinup_cache_mb); nc=$(value "$size" newsboat_cache_mb)
    echo "| $size | cache size | ${jc} MB | ${nc} MB | $(ratio "$nc" "$jc") |"
    jf=$(value "$size" joinup_frame_ms); nf=$(value "$size" newsboat_frame_ms)
    echo "| $size | first frame from the cache | ${jf} ms | ${nf} ms | $(ratio "$nf" "$jf") |"
    jb=$(value "$size" joinup_browser_rss); nbr=$(value "$size" newsboat_browser_rss)
    echo "| $size | peak RSS of the browser | $(mb "$jb") | $(mb "$nbr") | $(ratio "$nbr" "$jb") |"
    echo "| $size | filter change (joinup-bench) | $(value "$size" filter_ms) ms | — | |"
    echo "| $size | search keystroke (joinup-bench) | $(value "$size" keystroke_ms) ms | — | |"
    sp=$(value "$size" sfeed_s)
    echo "| $size | sfeed's bare parse of the $(value "$size" feed_mb) MB document | | | joinup sync ÷ sfeed: $(ratio "$js" "$sp") |"
done
