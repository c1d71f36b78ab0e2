#!/usr/bin/env python3
"""Writes insightflow(1), a roff man page, from the command definitions: the JSON that ArgumentParser prints for
`insightflow --experimental-dump-help` (every subcommand, its abstract, arguments and defaults).

    insightflow --experimental-dump-help | python3 scripts/generate-manpage.py VERSION > insightflow.1
"""
import json
import sys


def roff(text):
    """Text safe in a roff body: backslashes doubled, a leading dot or quote guarded, non-ASCII as \\[uXXXX]."""
    text = (text or "").replace("\\", "\\e").replace("-", "\\-")
    text = "".join(c if ord(c) < 128 else "\\[u%04X]" % ord(c) for c in text)
    return "\n".join(("\\&" + line) if line[:1] in (".", "'") else line for line in text.splitlines())


def name_text(argument):
    names = argument.get("names") or []
    shown = []
    for name in names:
        prefix = {"long": "--", "short": "-", "longWithSingleDash": "-"}.get(name.get("kind"), "--")
        shown.append(prefix + name.get("name", ""))
    if argument.get("kind") == "positional" or not shown:
        return "<" + (argument.get("valueName") or "value") + ">"
    text = ", ".join(shown)
    if argument.get("kind") == "option":
        text += " <" + (argument.get("valueName") or "value") + ">"
    return text


def command_section(command, path, out):
    out.append(".SS " + roff(" ".join(path)))
    if command.get("abstract"):
        out.append(roff(command["abstract"]))
    if command.get("discussion"):
        out.append(".PP")
        out.append(roff(command["discussion"]))
    for argument in command.get("arguments") or []:
        if argument.get("shouldDisplay") is False:
            continue
        names = [n.get("name") for n in argument.get("names") or []]
        if "help" in names or "version" in names:
            continue
        out.append(".TP")
        out.append("\\fB" + roff(name_text(argument)) + "\\fR")
        detail = argument.get("abstract") or ""
        if argument.get("defaultValue") not in (None, ""):
            detail += " (default: " + str(argument["defaultValue"]) + ")"
        out.append(roff(detail) or "\\&")
    for sub in command.get("subcommands") or []:
        command_section(sub, path + [sub.get("commandName", "")], out)


def main():
    version = sys.argv[1] if len(sys.argv) > 1 else ""
    info = json.load(sys.stdin)
    root = info["command"]
    out = [
        '.TH INSIGHTFLOW 1 "" "insightflow %s" "User Commands"' % roff(version),
        ".SH NAME",
        "insightflow \\- " + roff(root.get("abstract", "")),
        ".SH SYNOPSIS",
        "\\fBinsightflow\\fR [\\fIsubcommand\\fR] [\\fIoptions\\fR]",
        ".SH DESCRIPTION",
        roff(root.get("discussion") or root.get("abstract", "")),
        ".SH COMMANDS",
    ]
    command_section(root, ["insightflow"], out)
    out += [
        ".SH ENVIRONMENT",
        ".TP",
        "\\fBINSIGHTFLOW_HOME\\fR",
        "The home folder when \\fB\\-\\-home\\fR is not given.",
        ".SH FILES",
        ".TP",
        "\\fI<home>/intake\\-token\\fR",
        "The bearer token of \\fBserve\\fR's intake and \\fB/metrics\\fR.",
        ".SH SEE ALSO",
        "The README and docs/ installed under share/doc/insightflow.",
    ]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
