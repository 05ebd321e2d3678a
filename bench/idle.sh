#!/usr/bin/env bash
# An idle browser's CPU time and wake-ups: the built joinup on the embedded snapshot in a
# private tmux server, left alone for SECONDS after it has settled.
#
# Usage: bench/idle.sh [BINARY] [SECONDS]     (default: .build/debug/joinup, 30)
# Prints the CPU seconds (utime + stime from /proc/PID/stat) and their share of one core, and the
# context switches of all its threads a second (/proc/PID/task/*/status: voluntary +
# nonvoluntary; each is a wake-up or a preemption). Everything lives in a temporary folder; the
# browser is stopped by PID, the tmux server by its own socket.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/debug/joinup}
seconds=${2:-30}
folder=$(mktemp -d)
socket="joinup-idle-$$"
cleanup() {
    [[ -n ${pid:-} ]] && kill "$pid" 2>/dev/null || true
    tmux -L "$socket" kill-server 2>/dev/null || true
    rm -rf "$folder"
}
trap cleanup EXIT
tmux -L "$socket" -f /dev/null new-session -d -x 100 -y 30 -e LANG=C.UTF-8 -e TERM=tmux-256color \
    "$(realpath "$binary") --data-dir $folder/data --config-dir $folder/config; sleep 60"
sleep 3
pane=$(tmux -L "$socket" display-message -p '#{pane_pid}')
for entry in /proc/[0-9]*; do
    if [[ $(awk '{print $4}' "$entry/stat" 2>/dev/null) == "$pane" ]]; then pid=${entry#/proc/}; break; fi
done
sleep 2  # the first load's background work
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
switches() { cat /proc/"$pid"/task/*/status | awk '/ctxt_switches/ {s += $2} END {print s}'; }
ticks0=$(ticks); switches0=$(switches)
sleep "$seconds"
ticks1=$(ticks); switches1=$(switches)
hz=$(getconf CLK_TCK)
awk -v t="$((ticks1 - ticks0))" -v hz="$hz" -v s="$seconds" -v c="$((switches1 - switches0))" \
    'BEGIN { printf "cpu %.2f s in %d s (%.2f %% of a core), %.0f wake-ups a second\n", t / hz, s, 100 * t / hz / s, c / s }'
