#!/usr/bin/env python3
"""Writes the Debian copyright file (DEP-5) of the joinup package to stdout.

    swift package show-dependencies --format json | scripts/generate-copyright.py

Every Swift package in the resolved graph is compiled into the binaries, so each gets a stanza
with the copyright lines of its own LICENSE/NOTICE files and its licence, recognised from the
text (Apache-2.0, with or without Swift's Runtime Library Exception; Expat) or, if unknown,
copied whole. The Swift runtime and Foundation come from the toolchain (--static-swift-stdlib).
"""
import glob
import json
import os
import re
import sys

EXPAT = """Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
THE SOFTWARE."""

APACHE = """Licensed under the Apache License, Version 2.0 (the "License"); you may not
use this software except in compliance with the License.
.
On Debian systems, the complete text of the Apache License, Version 2.0 can be
found in "/usr/share/common-licenses/Apache-2.0"."""

RUNTIME_EXCEPTION = """As an exception, if you use this Software to compile your source code and
portions of this Software are embedded into the binary product as a result,
you may redistribute such product without providing attribution as would
otherwise be required by Sections 4(a), 4(b) and 4(d) of the License.
.
""" + APACHE

TOOLCHAIN = [
    ("the Swift runtime and standard library, swift-corelibs-foundation, swift-foundation, "
     "swift-corelibs-libdispatch (linked statically from the Swift toolchain)",
     "Apple Inc. and the Swift project authors", "Apache-2.0 with Swift Runtime Library Exception"),
    ("swift-foundation-icu: ICU and its data, compiled into Foundation",
     "Unicode, Inc. and others", "Unicode-3.0"),
]

UNICODE = """The Unicode License v3 (a permissive licence: use, copy, modify and distribute,
provided that its copyright and permission notice appear with all copies or in
associated documentation). Its text: https://www.unicode.org/license.txt"""


def packages(node):
    for dependency in node.get("dependencies", []):
        yield dependency
        yield from packages(dependency)


def licence_files(path):
    found = []
    for pattern in ("LICENSE*", "LICENCE*", "COPYING*", "NOTICE*"):
        found += sorted(glob.glob(os.path.join(path, pattern)))
    return found


def classify(text):
    if "Apache License" in text and "Version 2.0" in text:
        return "Apache-2.0 with Swift Runtime Library Exception" if "Runtime Library Exception" in text else "Apache-2.0"
    if "Permission is hereby granted, free of charge" in text:
        return "Expat"
    return None


def copyright_lines(texts, fallback):
    lines = []
    for text in texts:
        for line in text.splitlines():
            line = line.strip().strip("#*/ ").strip()
            # "Copyright (c) 2015 Gwendal Roué" but not the Apache text's own "copyright notice" wording.
            if re.match(r"(?i)^copyright\s*(\(c\)|©|\d)", line) and line not in lines:
                lines.append(re.sub(r"(?i)^copyright\s*(\(c\)|©)?\s*", "", line))
    return lines or [fallback]


def notices(files):
    """What a NOTICE file says the package contains from elsewhere, with that code's licence
    ("This product contains code from boringssl. (Combination ISC and OpenSSL license)")."""
    lines = []
    for name in files:
        if "NOTICE" not in os.path.basename(name):
            continue
        text = open(name, encoding="utf-8", errors="replace").read().splitlines()
        for index, line in enumerate(text):
            if line.startswith("This product"):
                following = next((l for l in text[index + 1:index + 4] if "LICENSE" in l), "")
                licence = re.search(r"\((.*)\)", following)
                lines.append(line.strip() + (" (%s)" % licence.group(1) if licence else ""))
    return lines


def field(lines):
    """A multi-line field value: continuation lines start with a space, empty lines are " ."."""
    return "\n".join(" " + (line if line.strip() else ".") for line in lines)


def main():
    graph = json.load(sys.stdin)
    out = ["Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/",
           "Upstream-Name: joinup",
           "Comment: The binaries /usr/bin/joinup and /usr/bin/joinup-remote contain the",
           " Swift packages and toolchain libraries listed below, linked statically.",
           "",
           "Files: *",
           "Copyright: the joinup authors",
           "License: no-licence-chosen",
           " The joinup project has not published a licence yet.",
           ""]
    used = {}
    seen = set()
    for package in packages(graph):
        if package["identity"] in seen:
            continue
        seen.add(package["identity"])
        files = licence_files(package["path"])
        texts = [open(name, encoding="utf-8", errors="replace").read() for name in files]
        licence = next((name for name in map(classify, texts) if name), None)
        if licence is None:
            licence = package["identity"] + "-licence"
            used[licence] = "\n".join(texts) or "No licence file found in the package."
        else:
            used[licence] = None
        out += ["Files: %s/*" % package["identity"],
                "Comment: %s %s, %s" % (package["name"], package["version"], package["url"])]
        if notices(files):
            out.append(field(notices(files)))
        out += ["Copyright:", field(copyright_lines(texts, "the %s authors" % package["name"])),
                "License: %s" % licence, ""]
    for what, holder, licence in TOOLCHAIN:
        out += ["Files: swift-toolchain/*", "Comment: " + what, "Copyright: " + holder, "License: " + licence, ""]
        used[licence] = None
    texts = {"Expat": EXPAT, "Apache-2.0": APACHE,
             "Apache-2.0 with Swift Runtime Library Exception": RUNTIME_EXCEPTION, "Unicode-3.0": UNICODE}
    for licence, text in used.items():
        out += ["License: " + licence, field((text or texts[licence]).splitlines()), ""]
    sys.stdout.write("\n".join(out).rstrip("\n") + "\n")


if __name__ == "__main__":
    main()
