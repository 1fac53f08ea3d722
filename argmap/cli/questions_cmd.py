"""``argmap questions FILE``: the critical questions each step (and each source) still leaves open."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

import argmap
from argmap.cli.options import add_format, add_from, add_input, add_plain, command

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    p = command(sub, "questions", run, help="list the critical questions still open, per step",
                description="List, per step, the critical questions of its argumentation schemes that no "
                "objection or reason in the map answers yet, and the questions of each claim's kind of "
                "source. Link an answer with data {\"answers\": \"<scheme id>:<question id>\"} on the "
                "answering objection or reason (see docs/schemes.md).",
                epilog="Example: argmap questions examples/conscription.json --format json")
    add_input(p)
    add_from(p)
    add_format(p, help="output format (default: %(default)s)")
    p.add_argument("--no-sources", dest="sources", action="store_false",
                   help="leave out the questions of the claims' kinds of source")
    p.add_argument("--all", dest="show_all", action="store_true",
                   help="also list the questions already answered, and by what")
    add_plain(p, "the questions (and the steps' schemes)")


def run(args: argparse.Namespace) -> int:
    from argmap.analysis.questions import critical_questions, describe_step, unplaced_answers

    m = argmap.load(args.input, format=args.source_format)
    entries = critical_questions(m, sources=args.sources, plain=args.plain)
    if not args.show_all:
        entries = [e for e in entries if e.open]
    unplaced = unplaced_answers(m)
    if args.output_format == "json":
        doc = {
            "open": sum(len(e.open) for e in entries),
            "answered": sum(len(e.answered) for e in entries),
            "nodes": [e.to_dict(m) for e in entries],
            "unplaced_answers": [{"node": u.node, "ref": u.ref, "reason": u.reason} for u in unplaced],
        }
        sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        return 0
    out: list[str] = []
    for e in entries:
        out.append(describe_step(m, e.node, plain=args.plain))
        for q in e.open:
            if args.plain:  # for students: the question alone
                out.append(f"  ? {q.text}")
            else:
                out.append(f"  ? [{q.ref}] {q.text}  (asks about {q.targets_text}; burden: {q.burden})")
        if args.show_all:
            for q, by in e.answered:
                out.append(f"  = {q.text}  (answered)" if args.plain
                           else f"  = [{q.ref}] {q.text}  (answered by {', '.join(by)})")
        out.append("")
    total = sum(len(e.open) for e in entries)
    if args.plain:
        out.append(f"{total} question(s) to ask." if entries else "No questions to ask: nothing here asks one.")
    else:
        out.append(f"{total} open question(s) on {len(entries)} step(s) and claim(s)."
                   if entries else "No open critical questions (no step names a known scheme, or all are answered).")
    for u in unplaced:
        out.append(f"warning: {u.node}: {u.reason}")
    print("\n".join(out))
    return 0
