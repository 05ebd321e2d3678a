#!/usr/bin/env bash
# The Debian package's choice: Swift runtime linked statically, or shipped in the package as shared
# libraries (docs/BENCHMARKS.md, "Packaging"). joinup's own code is the same either way, so the
# difference is the runtime's: a program linking what joinup links from the toolchain (Foundation,
# FoundationXML) is compiled both ways and compared, beside the packaged joinup.
# (Switching --static-swift-stdlib on a SwiftPM release build recompiles every module: 25 minutes
# here, so the two joinup builds are not both made.)
#
#   bench/runtime-linking.sh PACKAGE.deb [RUNS]   (default 40 paired, alternating runs; median)
set -euo pipefail
deb="$(readlink -f "$1")" runs="${2:-40}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
toolchain_libs="$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")/lib/swift/linux"

cat > main.swift <<'EOF'
import Foundation
import FoundationXML
let parser = XMLParser(data: Data("<a/>".utf8))
print(parser.parse() ? "ok \(Date().formatted(.iso8601))" : "no")
EOF
nice -n 10 swiftc -O main.swift -o shared
nice -n 10 swiftc -O -static-stdlib main.swift -o static
strip --strip-unneeded static
mkdir runtime
ldd shared | awk -v dir="$toolchain_libs" 'index($3, dir) == 1 { print $3 }' | xargs -I{} cp {} runtime/
strip --strip-unneeded runtime/*.so
dpkg-deb -x "$deb" package

xz_size() { xz -6 -T1 -c "$1" | wc -c; }
echo "package: $(stat -c %s "$deb") bytes; joinup $(stat -c %s package/usr/bin/joinup), joinup-remote $(stat -c %s package/usr/bin/joinup-remote) (stripped)"
echo "runtime linked into each binary: $(stat -c %s static) bytes ($(xz_size static) xz)"
echo "runtime as shared libraries: $(du -cb runtime/*.so | tail -1 | cut -f1) bytes ($(tar -cf - runtime | xz -6 -T1 | wc -c) xz): $(ls runtime | tr '\n' ' ')"

python3 - "$runs" "$work" <<'EOF'
import statistics, subprocess, sys, time
runs, work = int(sys.argv[1]), sys.argv[2]
variants = {"runtime linked in (hello)": [work + "/static"], "runtime shared (hello)": [work + "/shared"],
            "packaged joinup --version": [work + "/package/usr/bin/joinup", "--version"]}
times = {name: [] for name in variants}
for _ in range(runs):
    for name, command in variants.items():
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times[name].append((time.perf_counter() - start) * 1000)
for name, values in times.items():
    values.sort()
    print(f"{name}: median {statistics.median(values):.1f} ms, p10 {values[runs // 10]:.1f}, p90 {values[runs * 9 // 10]:.1f} ({runs} runs)")
EOF
