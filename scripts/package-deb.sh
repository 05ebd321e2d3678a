#!/usr/bin/env bash
# Builds the Debian package: .build/joinup_VERSION-1_ARCH.deb.
#
#   scripts/package-deb.sh [--binaries DIR]
#
# The release binaries link the Swift runtime statically (--static-swift-stdlib), so the package
# needs no Swift toolchain; its Depends are exactly the Debian libraries they link, as
# dpkg-shlibdeps finds them. --binaries reuses release builds already made (scripts/test-package.sh).
# Needs dpkg-dev (dpkg-shlibdeps), chrpath, python3 and, for the build, Swift 6, the -dev packages of
# README and libcurl4-openssl-dev (joinup-remote's FlyingFox links FoundationNetworking, hence libcurl).
set -euo pipefail
cd "$(dirname "$0")/.."

binaries=""
while (($#)); do
    case "$1" in
        --binaries) binaries="$2"; shift 2 ;;
        *) echo "package-deb.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
[[ -n "$binaries" ]] || binaries="$(scripts/build-release.sh)"

version="$("$binaries/joinup" --version | awk '{print $NF}')-1"
architecture="$(dpkg --print-architecture)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
stage="$work/debian/joinup"  # where dpkg-shlibdeps expects a package's files
# The maintainer is whoever made the commit packaged (the project publishes no other address).
maintainer="$(git log -1 --format='%an <%ae>' 2>/dev/null || echo 'joinup developers <joinup@localhost>')"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}"

scripts/install.sh --prefix /usr --destdir "$stage" --binaries "$binaries" --strip >/dev/null

doc="$stage/usr/share/doc/joinup"
install -d "$doc"
swift package show-dependencies --format json | python3 scripts/generate-copyright.py > "$doc/copyright"
changelog_date="$(date -u -R -d "@$SOURCE_DATE_EPOCH")"
printf 'joinup (%s) unstable; urgency=medium\n\n  * Built from %s.\n\n -- %s  %s\n' \
    "$version" "$(git describe --always --dirty 2>/dev/null || echo 'a source tree')" "$maintainer" "$changelog_date" \
    | gzip -9n > "$doc/changelog.Debian.gz"
chmod 644 "$doc/copyright" "$doc/changelog.Debian.gz"
install -D -m 644 scripts/packaging/lintian-overrides "$stage/usr/share/lintian/overrides/joinup"

# Depends: dpkg-shlibdeps reads the libraries the binaries link (NEEDED) and the minimum versions
# from the Debian packages that provide them; it wants a debian/control beside it.
install -d "$stage/DEBIAN"
printf 'Source: joinup\n\nPackage: joinup\nArchitecture: any\n' > "$work/debian/control"
depends="$(cd "$work" && dpkg-shlibdeps -O "$stage/usr/bin/joinup" "$stage/usr/bin/joinup-remote" \
    | sed -n 's/^shlibs:Depends=//p')"

installed_size="$(du -sk --exclude=DEBIAN "$stage" | cut -f1)"
cat > "$stage/DEBIAN/control" <<EOF
Package: joinup
Version: $version
Architecture: $architecture
Maintainer: $maintainer
Installed-Size: $installed_size
Depends: $depends
Section: net
Priority: optional
Homepage: https://joinup.ec.europa.eu
Description: terminal browser for Joinup collections
 Browse collections of Joinup, the European Commission's Interoperable Europe
 platform, in the terminal: content, topics, members and metadata, offline
 from a local SQLite cache kept fresh by syncing. Includes joinup-remote, a
 stand-in server for demos and tests, man pages and bash, zsh and fish
 completions.
EOF
(cd "$stage" && find usr -type f -print0 | sort -z | xargs -0 md5sum > DEBIAN/md5sums)
chmod 644 "$stage/DEBIAN/control" "$stage/DEBIAN/md5sums"

output=".build/joinup_${version}_${architecture}.deb"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$output" >/dev/null
echo "$output"
