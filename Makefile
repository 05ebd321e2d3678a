# Unix-style install for people who do not use Debian packages; the work is in scripts/.
#   make install PREFIX=~/.local   (default /usr/local; DESTDIR=… stages under another root)
#   make deb                       (.build/joinup_VERSION-1_ARCH.deb)
#   make test-package              (builds the package and tests it: slow, a release build)
PREFIX ?= /usr/local
DESTDIR ?=

install:
	scripts/install.sh --prefix "$(PREFIX)" --destdir "$(DESTDIR)"

deb:
	scripts/package-deb.sh

test-package:
	scripts/test-package.sh

.PHONY: install deb test-package
