#!/usr/bin/env bash
# The release build the package and `make install` use, Swift runtime linked in
# (--static-swift-stdlib: docs/BENCHMARKS.md, "Packaging"); prints the folder of the binaries.
set -euo pipefail
cd "$(dirname "$0")/.."
nice -n 10 swift build -c release --static-swift-stdlib --product joinup >&2
nice -n 10 swift build -c release --static-swift-stdlib --product joinup-remote >&2
swift build -c release --static-swift-stdlib --show-bin-path
