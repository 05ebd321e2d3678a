#!/usr/bin/env bash
# Installs joinup like a Unix tool: binaries, man pages, bash/zsh/fish completions, the themes.
#
#   scripts/install.sh [--prefix DIR] [--destdir DIR] [--binaries DIR] [--strip]
#
# --prefix   where it goes (default /usr/local); `make install PREFIX=…` calls this.
# --destdir  a staging root put in front of every path (packaging; default none).
# --binaries a folder with release builds of joinup and joinup-remote to use instead of building
#            (scripts/package-deb.sh passes its own); without it the release build runs here.
# --strip    strip the binaries (the Debian package does; a backtrace then has no symbols) and the
#            $ORIGIN library path SwiftPM links in (nothing is looked up beside them; needs chrpath).
# The binaries link the Swift runtime statically (scripts/build-release.sh): they need only
# Debian's own libraries.
set -euo pipefail
cd "$(dirname "$0")/.."

prefix=/usr/local destdir="" binaries="" strip=false
while (($#)); do
    case "$1" in
        --prefix) prefix="$2"; shift 2 ;;
        --destdir) destdir="$2"; shift 2 ;;
        --binaries) binaries="$2"; shift 2 ;;
        --strip) strip=true; shift ;;
        *) echo "install.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

[[ -n "$binaries" ]] || binaries="$(scripts/build-release.sh)"

generated="$(mktemp -d)"
trap 'rm -rf "$generated"' EXIT
SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}" \
    python3 scripts/generate-docs.py "$binaries" "$generated"

root="$destdir$prefix"
# Debian keeps a package's zsh functions apart from the administrator's (site-functions).
if [[ "$prefix" == /usr ]]; then zsh_folder=share/zsh/vendor-completions; else zsh_folder=share/zsh/site-functions; fi

install -d "$root/bin" "$root/share/man/man1" "$root/share/bash-completion/completions" \
    "$root/$zsh_folder" "$root/share/fish/vendor_completions.d" "$root/share/joinup/themes"
for name in joinup joinup-remote; do
    install -m 755 "$binaries/$name" "$root/bin/$name"
    if $strip; then
        strip --strip-unneeded --remove-section=.comment --remove-section=.note "$root/bin/$name"
        chrpath -d "$root/bin/$name" >/dev/null
    fi
    gzip -9n < "$generated/man/$name.1" > "$root/share/man/man1/$name.1.gz"
    chmod 644 "$root/share/man/man1/$name.1.gz"
    install -m 644 "$generated/completions/bash/$name" "$root/share/bash-completion/completions/$name"
    install -m 644 "$generated/completions/zsh/_$name" "$root/$zsh_folder/_$name"
    install -m 644 "$generated/completions/fish/$name.fish" "$root/share/fish/vendor_completions.d/$name.fish"
done
# Themes/ is a symlink to the shipped themes the binary embeds; the copies are starting points.
install -m 644 Themes/*.toml "$root/share/joinup/themes/"
echo "installed under $root"
