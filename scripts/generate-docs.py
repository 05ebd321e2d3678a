#!/usr/bin/env python3
"""Writes the man pages and shell completions of joinup and joinup-remote from the built binaries.

    scripts/generate-docs.py BINARY_FOLDER OUTPUT_FOLDER

Everything about commands and options comes from the argument parser itself
(`--experimental-dump-help`, `--generate-completion-script`), so a new subcommand or flag appears
without an edit here. The key table comes from the binary too (`joinup complete keys`, the table
the help overlay shows). Only FILES, ENVIRONMENT and EXIT STATUS are written by hand, in
scripts/packaging/*.roff; ManualPageTests checks them against the binary.

Output: OUTPUT/man/joinup.1, OUTPUT/man/joinup-remote.1, OUTPUT/completions/{bash,zsh,fish}/….
Why not swift-argument-parser's GenerateManual plugin: it builds a debug copy of the product
(minutes on top of the release build) and has no way to add the key table or hand-written sections.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGING = os.path.join(HERE, "packaging")

# Characters the pages use that have a named groff glyph (rendered in ASCII too: "->", "^").
GLYPHS = {"→": r"\(->", "←": r"\(<-", "↑": r"\(ua", "↓": r"\(da", "—": r"\(em", "–": r"\(en",
          "“": r"\(lq", "”": r"\(rq", "‘": r"\(oq", "’": r"\(cq", "…": "...", "×": r"\(mu"}


def roff(text):
    """Plain text as roff: backslashes and minus signs escaped, other non-ASCII as glyphs."""
    out = []
    for char in text.replace("\\", r"\e"):
        if char == "-":
            out.append(r"\-")
        elif char in GLYPHS:
            out.append(GLYPHS[char])
        elif ord(char) > 127:
            out.append(r"\[u%04X]" % ord(char))
        else:
            out.append(char)
    return "".join(out)


def paragraph(text):
    """Text as roff lines: a line break of the help stays a break, an empty line starts a paragraph;
    a line starting with . or ' would be a request, so it is guarded."""
    lines = []
    for line in text.strip().split("\n"):
        line = roff(line.strip())
        if not line:
            lines.append(".PP")
            continue
        if lines and lines[-1] != ".PP":
            lines.append(".br")
        lines.append(r"\&" + line if line[0] in ".'" else line)
    return lines


def run(binary, *arguments, env=None):
    return subprocess.run([binary, *arguments], check=True, capture_output=True, text=True, env=env).stdout


def dump_help(binary):
    return json.loads(run(binary, "--experimental-dump-help"))["command"]


def visible(items):
    """What the help shows, less the parser's own `help` subcommand (the same as -h)."""
    return [item for item in items or [] if item.get("shouldDisplay", True) and item.get("commandName") != "help"]


def argument_synopsis(argument):
    """--topic <uri|label>, -h/--help, <collection> as the man page shows them (roff)."""
    value = argument.get("valueName") or "value"
    if argument["kind"] == "positional":
        text = r"\fI%s\fR" % roff(value)
        return text + (" ..." if argument.get("isRepeating") else "")
    names = []
    for name in argument.get("names") or []:
        dashes = "--" if name["kind"] == "long" else "-"
        names.append(r"\fB%s\fR" % roff(dashes + name["name"]))
    text = ", ".join(names)
    if argument["kind"] == "option":
        text += r" \fI%s\fR" % roff(value)
    return text


def argument_lines(argument):
    lines = [".TP", argument_synopsis(argument)]
    help_text = argument.get("abstract") or ""
    if argument.get("defaultValue") and argument["kind"] == "option":
        help_text += " (default: %s)" % argument["defaultValue"]
    if argument.get("isRepeating") and argument["kind"] != "positional" and "repeatable" not in help_text:
        help_text += " Repeatable."
    lines += paragraph(help_text) if help_text else []
    if argument.get("discussion"):
        lines += paragraph(argument["discussion"])
    return lines


def command_lines(command, path):
    """One subcommand (and its own subcommands) as a subsection."""
    arguments = visible(command.get("arguments"))
    synopsis = " ".join([r"\fB%s\fR" % roff(path)] +
                        [("[%s]" if a.get("isOptional") else "%s") % argument_synopsis(a).split(",")[-1].strip()
                         for a in arguments if a["kind"] == "positional" or not a.get("isOptional")])
    if any(a["kind"] != "positional" and a.get("isOptional") for a in arguments):
        synopsis += r" [\fIoptions\fR]"
    lines = [".SS " + '"%s"' % roff(path), synopsis, ".br"]
    lines += paragraph(command.get("abstract") or "")
    if command.get("discussion"):
        lines += [".PP"] + paragraph(command["discussion"])
    for argument in arguments:
        if argument["kind"] == "flag" and argument.get("preferredName", {}).get("name") in ("help", "version"):
            continue  # every command takes -h/--help and --version; said once under OPTIONS
        lines += argument_lines(argument)
    for sub in visible(command.get("subcommands")):
        lines += command_lines(sub, path + " " + sub["commandName"])
    return lines


def key_lines(binary):
    """KEYS from the binary's own key table (the help overlay's), one subsection per context."""
    with tempfile.TemporaryDirectory() as folder:
        table = run(binary, "complete", "keys", "--data-dir", folder, "--config-dir", folder)
    lines = [".SH KEYS",
             "The browser's keys, as its help overlay (\\fB?\\fR) lists them. "
             "The \\fB[keys]\\fR table of config.toml can remap them."]
    section = None
    for row in table.splitlines():
        title, keys, description = row.split("\t")
        if title != section:
            lines += [".PD"] if section else []
            lines += [".SS " + '"%s"' % roff(title), ".PD 0"]  # one line per key, no gaps
            section = title
        lines += [".TP 14", r"\fB%s\fR" % roff(keys)] + paragraph(description)
    return lines + [".PD"]


def manual(binary, name, title_date, version):
    root = dump_help(binary)
    lines = ['.TH %s 1 "%s" "%s" "User Commands"' % (name.upper(), title_date, roff(version)),
             ".SH NAME", r"%s \- %s" % (roff(name), roff(root.get("abstract") or ""))]
    subcommands = visible(root.get("subcommands"))
    lines += [".SH SYNOPSIS", r"\fB%s\fR%s [\fIoptions\fR]" % (roff(name), r" [\fIcommand\fR]" if subcommands else "")]
    lines += [".SH DESCRIPTION"] + paragraph(root.get("discussion") or root.get("abstract") or "")
    if root.get("defaultSubcommand"):
        lines += [".PP", r"With no command, \fB%s\fR runs \fB%s %s\fR." % (roff(name), roff(name), roff(root["defaultSubcommand"]))]
    lines += [".SH OPTIONS"]
    for argument in visible(root.get("arguments")):
        lines += argument_lines(argument)
    if subcommands:
        lines += [".SH COMMANDS", r"Each command also takes \fB\-h\fR, \fB\-\-help\fR and \fB\-\-version\fR."]
        for sub in subcommands:
            lines += command_lines(sub, name + " " + sub["commandName"])
    if name == "joinup":
        lines += key_lines(binary)
    sections = os.path.join(PACKAGING, name + ".sections.roff")
    if os.path.exists(sections):
        with open(sections, encoding="utf-8") as handle:
            lines += [line for line in handle.read().splitlines() if not line.startswith('.\\"')]
    return "\n".join(lines) + "\n"


def completion(binary, name, shell):
    """The parser's script, then joinup's dynamic values (collections, themes, topics) on top."""
    script = run(binary, "--generate-completion-script", shell)
    if shell == "bash" and script.startswith("#!"):
        script = script.split("\n", 1)[1]  # sourced, never run: a #! line only misleads (lintian says so)
    extra = os.path.join(PACKAGING, "%s-complete.%s" % (name, shell))
    if not os.path.exists(extra):
        return script
    with open(extra, encoding="utf-8") as handle:
        hook = handle.read()
    common = os.path.join(PACKAGING, "%s-complete-common.sh" % name)
    if shell in ("bash", "zsh") and os.path.exists(common):
        with open(common, encoding="utf-8") as handle:
            hook = hook + "\n" + handle.read()
    if shell != "zsh":
        return script.rstrip("\n") + "\n\n" + hook  # bash re-registers, fish adds entries
    # zsh runs the file as the body of _joinup: the hook must wrap _joinup before the last lines call it.
    marker = 'if [[ "${funcstack[1]}" = _%s ]]' % name
    if marker not in script:
        sys.exit("generate-docs: the zsh script of %s no longer ends with %r" % (name, marker))
    head, tail = script.rsplit(marker, 1)
    return head + hook + marker + tail


COMPLETION_FILES = {"bash": "{}", "zsh": "_{}", "fish": "{}.fish"}


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    binaries, output = sys.argv[1], sys.argv[2]
    # A reproducible date: SOURCE_DATE_EPOCH (Debian's convention), else now.
    stamp = time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH", time.time())))
    title_date = time.strftime("%Y-%m-%d", stamp)
    # joinup-remote has no --version of its own: both come from the same build.
    version = run(os.path.join(binaries, "joinup"), "--version").strip()
    for name in ("joinup", "joinup-remote"):
        binary = os.path.join(binaries, name)
        os.makedirs(os.path.join(output, "man"), exist_ok=True)
        with open(os.path.join(output, "man", name + ".1"), "w", encoding="utf-8") as handle:
            handle.write(manual(binary, name, title_date, version))
        for shell, pattern in COMPLETION_FILES.items():
            folder = os.path.join(output, "completions", shell)
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, pattern.format(name)), "w", encoding="utf-8") as handle:
                handle.write(completion(binary, name, shell))


if __name__ == "__main__":
    main()
