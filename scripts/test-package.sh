#!/usr/bin/env bash
# Tests the Debian package as a user's machine would get it (slow: a release build; not part of
# `swift test`). Builds it with scripts/package-deb.sh (or takes --deb FILE), extracts it and checks:
#   1. every library the binaries link (NEEDED) comes from a package in Depends, ldd resolves
#      everything, and nothing resolves into the Swift toolchain;
#   2. `joinup --version` and `joinup items` on the embedded snapshot run from the extracted tree
#      with the toolchain hidden (an empty tmpfs mounted over it in a private mount namespace);
#   3. `man -l` renders every page without a warning;
#   4. the bash completion loads and completes a subcommand and a cached collection alias;
#   5. lintian: no error or warning; the tags left are printed (scripts/packaging/lintian-overrides
#      explains the two overridden, docs/BENCHMARKS.md "Packaging" the informational ones).
# Needs root (unshare -m, mount), dpkg-dev, man-db, lintian (apt-get install -y lintian).
set -euo pipefail
cd "$(dirname "$0")/.."

deb=""
while (($#)); do
    case "$1" in
        --deb) deb="$2"; shift 2 ;;
        *) echo "test-package.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
[[ -n "$deb" ]] || deb="$(scripts/package-deb.sh | tail -1)"

toolchain="$(dirname "$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/root"
dpkg-deb -x "$deb" "$root"
depends="$(dpkg-deb -f "$deb" Depends)"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# The package owning a file, by the path ldd gives or the one it resolves to (merged /usr:
# dpkg knows /lib/x86_64-linux-gnu/libc.so.6, readlink -f gives /usr/lib/…).
owner() {
    local candidate
    for candidate in "$1" "$(readlink -f "$1")" "${1#/usr}"; do
        dpkg -S "$candidate" 2>/dev/null | head -1 | cut -d: -f1 && return 0
    done
    return 0  # none: the caller reports it
}
pass() { echo "ok:   $*"; }

echo "== $deb ($(du -h "$deb" | cut -f1)); Depends: $depends"
declared="$(echo "$depends" | tr ',' '\n' | sed 's/(.*)//; s/|.*//; s/ //g')"

echo "== 1. libraries"
for binary in "$root/usr/bin/joinup" "$root/usr/bin/joinup-remote"; do
    name="$(basename "$binary")"
    listing="$(ldd "$binary")"
    if grep -q "not found" <<<"$listing"; then fail "$name: ldd: $(grep 'not found' <<<"$listing" | tr -s ' \t' ' ')"; fi
    if grep -qF "$toolchain" <<<"$listing"; then fail "$name: resolves into the toolchain ($toolchain)"; fi
    if readelf -d "$binary" | grep -E "RPATH|RUNPATH"; then fail "$name: has an RPATH/RUNPATH"; fi
    needed=()
    for library in $(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
        # "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6", or the loader's own "/lib64/ld-linux-x86-64.so.2".
        path="$(awk -v lib="$library" '$1 == lib { print $3; exit } $1 ~ ("/" lib "$") { print $1; exit }' <<<"$listing")"
        package="$(owner "$path")"
        needed+=("$library:$package")
        if [[ -z "$package" ]] || ! grep -qx "$package" <<<"$declared"; then
            fail "$name: $library ($path) is not from a package in Depends (${package:-no package})"
        fi
    done
    pass "$name links ${needed[*]}"
done

echo "== 2. running from the extracted tree, toolchain ($toolchain) hidden"
mkdir -p "$work/home"
unshare -m --propagation private env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8 \
    TOOLCHAIN="$toolchain" ROOT="$root" WORK="$work" bash -c '
    set -e
    mount -t tmpfs none "$TOOLCHAIN"
    [[ -z "$(ls -A "$TOOLCHAIN")" ]] || { echo "toolchain still visible"; exit 1; }
    "$ROOT/usr/bin/joinup" --version > "$WORK/version"
    "$ROOT/usr/bin/joinup" items --data-dir "$WORK/data" --config-dir "$WORK/config" > "$WORK/items"
    "$ROOT/usr/bin/joinup-remote" --help > "$WORK/remote-help"
' || fail "running with the toolchain hidden (status $?)"
version="$(cat "$work/version" 2>/dev/null || true)"
items="$(wc -l < "$work/items" 2>/dev/null || echo 0)"
[[ "$version" == "joinup $(dpkg-deb -f "$deb" Version | sed 's/-[^-]*$//')" ]] && pass "joinup --version: $version" \
    || fail "joinup --version printed \"$version\""
# The embedded EC OSPO snapshot: 7 news and 1 event.
[[ "$items" -eq 8 ]] && pass "joinup items: $items items, first: $(head -1 "$work/items" | cut -f3)" \
    || fail "joinup items printed $items lines"
grep -q "USAGE: joinup-remote" "$work/remote-help" 2>/dev/null && pass "joinup-remote --help" || fail "joinup-remote --help"

echo "== 3. man pages"
for page in "$root"/usr/share/man/man1/*.1.gz; do
    rendered="$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$page" 2>"$work/man-warnings")"
    if [[ -s "$work/man-warnings" ]]; then fail "$(basename "$page"): $(head -3 "$work/man-warnings")"
    elif [[ "$(wc -l <<<"$rendered")" -lt 20 ]]; then fail "$(basename "$page") renders only $(wc -l <<<"$rendered") lines"
    else pass "$(basename "$page"): $(wc -l <<<"$rendered") lines, sections: $(grep -E '^[A-Z][A-Z ]+$' <<<"$rendered" | tr '\n' ' ')"
    fi
done

echo "== 4. bash completion"
completed="$(PATH="$root/usr/bin:$PATH" JOINUP_DATA_DIR="$work/data" JOINUP_CONFIG_DIR="$work/config" bash --norc -c '
    shopt -s extglob
    source "$1"
    ask() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
            _joinup_with_values joinup "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"; printf "%s\n" "${COMPREPLY[@]}"; }
    ask joinup it; ask joinup items --collection ""' _ "$root/usr/share/bash-completion/completions/joinup")"
grep -qx items <<<"$completed" && grep -qx ec-open-source-programme-office <<<"$completed" \
    && pass "bash completes: $(tr '\n' ' ' <<<"$completed")" || fail "bash completion gave: $completed"

echo "== 5. lintian"
lintian --info --display-info "$deb" > "$work/lintian" 2>&1 || true
if grep -qE "^(E|W):" "$work/lintian"; then fail "lintian errors or warnings"; fi
if [[ -s "$work/lintian" ]]; then grep -E "^[EWIP]:" "$work/lintian" | sort | uniq; else pass "lintian: no tags"; fi

echo "== $((failures)) failure(s)"
((failures == 0))
