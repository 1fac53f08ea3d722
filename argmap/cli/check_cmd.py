"""``argmap check FILE``: list a map's weak spots as ``file:line: code: message``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

import argmap
from argmap.cli.failures import UsageError
from argmap.cli.files import read_map
from argmap.cli.options import add_format, add_from, add_input, command

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    p = command(sub, "check", run,
                help="find a map's weak spots (unsupported claims, circles, missing premises, ...)",
                description="Check a map file and print one line per finding: FILE:LINE: CODE: MESSAGE "
                "(LINE when the format records it). Exit status 1 when a finding is an error, "
                "0 when there are only warnings and hints.",
                epilog="Codes are explained in docs/checks.md. "
                "Example: argmap check map.argdown --ignore rabbit-rule,holding-hands")
    add_input(p)
    add_from(p)
    add_format(p, help="how to print the findings (default: %(default)s)")
    p.add_argument("--select", metavar="CODES", action="append", default=[],
                   help="run only these checks (comma-separated codes; may repeat)")
    p.add_argument("--ignore", metavar="CODES", action="append", default=[],
                   help="skip these checks (comma-separated codes; may repeat)")
    p.add_argument("--no-hints", action="store_true",
                   help="leave out hints (unanswered objections, the Rabbit and Holding Hands heuristics)")


def _codes(values: list[str]) -> list[str]:
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


def run(args: argparse.Namespace) -> int:
    from argmap.analysis.checks import CHECKS, SEVERITIES, has_errors

    select, ignore = _codes(args.select), _codes(args.ignore)
    unknown = sorted(set(select + ignore) - set(CHECKS))
    if unknown:
        flag = "--select" if set(unknown) & set(select) else "--ignore"
        raise UsageError(f"{flag}: unknown check code(s): {', '.join(unknown)} (known: {', '.join(CHECKS)})", flag)
    m = read_map(args.input, args.source_format, "check")
    # Name the file as the user typed it, whatever the reader recorded.
    m.graph.graph["path"] = args.input
    findings = argmap.check(m, select=select or None, ignore=ignore)
    if args.no_hints:
        findings = [f for f in findings if f.severity != "hint"]
    counts = {s: sum(f.severity == s for f in findings) for s in SEVERITIES}
    if args.output_format == "json":
        doc = {"path": args.input, "counts": counts, "findings": [f.to_dict() for f in findings]}
        print(json.dumps(doc, indent=2, ensure_ascii=False))
    else:
        for f in findings:
            print(f)
        summary = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items())
        print(f"{args.input}: {summary}", file=sys.stderr)
    return 1 if has_errors(findings) else 0
