#!/usr/bin/env bash
# The Debian package's choice: Swift runtime linked statically, or shipped in the package as shared
# libraries. Builds both from one release compile (only the link differs) and compares package
# size (binaries + the runtime libraries they load, compressed as dpkg-deb does) and the start
# time of `joinup --version` (paired, alternating runs; median).
#
#   bench/runtime-linking.sh [RUNS] [SCRATCH]   (default 40 runs, .build-release)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-40}" scratch="${2:-.build-release}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
toolchain_libs="$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")/lib/swift/linux"

build() {  # build FLAGS… → the bin folder
    nice -n 10 swift build -c release --scratch-path "$scratch" "$@" --product joinup >&2
    nice -n 10 swift build -c release --scratch-path "$scratch" "$@" --product joinup-remote >&2
    swift build -c release --scratch-path "$scratch" "$@" --show-bin-path
}

mkdir -p "$work/shared/lib" "$work/static"
bin="$(build)"
cp "$bin/joinup" "$bin/joinup-remote" "$work/shared/"
# The runtime a shared build loads from the toolchain: what the package would have to ship.
for binary in "$work/shared/joinup" "$work/shared/joinup-remote"; do
    ldd "$binary" | awk -v dir="$toolchain_libs" 'index($3, dir) == 1 { print $3 }'
done | sort -u | xargs -I{} cp {} "$work/shared/lib/"
bin="$(build --static-swift-stdlib)"
cp "$bin/joinup" "$bin/joinup-remote" "$work/static/"
strip --strip-unneeded "$work"/static/joinup* "$work"/shared/joinup* "$work"/shared/lib/*.so

size() { echo "$(du -cb "$@" | tail -1 | cut -f1) bytes, $(tar -cf - "$@" 2>/dev/null | xz -6 | wc -c) compressed"; }
echo "static: binaries $(size "$work"/static/joinup*)"
echo "shared: binaries + $(ls "$work/shared/lib" | wc -l) runtime libraries $(size "$work"/shared/joinup* "$work/shared/lib")"
echo "shared runtime: $(ls "$work/shared/lib" | tr '\n' ' ')"

python3 - "$runs" "$work" <<'EOF'
import os, statistics, subprocess, sys, time
runs, work = int(sys.argv[1]), sys.argv[2]
variants = {
    "static": ([work + "/static/joinup", "--version"], {}),
    "shared": ([work + "/shared/joinup", "--version"], {"LD_LIBRARY_PATH": work + "/shared/lib"}),
}
times = {name: [] for name in variants}
for _ in range(runs):
    for name, (command, extra) in variants.items():
        env = dict(os.environ, **extra)
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
        times[name].append((time.perf_counter() - start) * 1000)
for name, values in times.items():
    values.sort()
    print(f"{name}: joinup --version median {statistics.median(values):.1f} ms, "
          f"p10 {values[len(values) // 10]:.1f} ms, p90 {values[len(values) * 9 // 10]:.1f} ms ({runs} runs)")
EOF
