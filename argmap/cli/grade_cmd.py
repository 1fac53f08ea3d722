"""``argmap grade STUDENT MODEL``: grade a student's map against a model answer."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import argmap
from argmap.cli.failures import UsageError, options
from argmap.cli.files import check_outputs, read_map
from argmap.cli.options import add_format, add_output, add_theme, command

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    from argmap.teach.grade import THRESHOLD

    p = command(
        sub, "grade", run,
        help="grade a student's map against a model answer",
        description="Match the student's claims to the model's by meaning, spelling and place in the map, "
        "then report each mistake once, in plain words, with the points it cost: a missing claim, an "
        "extra one, a claim in the wrong place, a reason drawn as an objection or the reverse, linked "
        "premises drawn apart or the reverse. The teacher's rules (--rules) set weights, required "
        "claims, accepted wordings, fixed matches and mistakes to ignore.",
        epilog="Example: argmap grade examples/student-conscription.json examples/conscription.json "
        "-o graded.svg. Rules file format: docs/teaching.md.",
    )
    p.add_argument("student", metavar="STUDENT", help="the student's map file")
    p.add_argument("model", metavar="MODEL", help="the model answer's map file")
    add_format(p, help="report format on standard output (default: %(default)s)")
    add_output(p, "also draw the student's map with every match, miss and mistake marked (.svg, .png, .pdf)")
    p.add_argument("--rules", metavar="FILE", help="the teacher's grading rules (YAML): weights, required "
                   "claims, accepted wordings, fixed matches, mistakes to ignore")
    p.add_argument("--save-rules", metavar="FILE",
                   help="write a rules file holding every match this grading made, to correct and pass "
                   "back with --rules")
    p.add_argument("--threshold", type=float, default=None, metavar="PCT",
                   help=f"text likeness (0-100) a match needs when nothing around it agrees "
                   f"(default: the rules' threshold, else {THRESHOLD:g})")
    p.add_argument("--spelling-only", action="store_true",
                   help="compare texts by spelling alone, not by meaning (same result on every machine, "
                   "with or without the 'grade' extra)")
    add_theme(p, what="the annotated map")


def run(args: argparse.Namespace) -> int:
    from argmap.formats.api import picture_format
    from argmap.formats.files import write_files
    from argmap.teach.feedback import annotated_map, report_text
    from argmap.teach.grade import grade
    from argmap.teach.overrides import load_rules, rules_text

    if args.threshold is not None and not 0 <= args.threshold <= 100:
        raise UsageError("--threshold must be between 0 and 100", "--threshold")
    check_outputs([args.student, args.model, args.rules], {"-o": args.output, "--save-rules": args.save_rules})
    student = read_map(args.student, None, "grade")
    model = read_map(args.model, None, "grade")
    rules = load_rules(args.rules) if args.rules else None
    report = grade(student, model, rules=rules, meaning=not args.spelling_only, threshold=args.threshold)
    # Both outputs are made first, then written together, whole or not at all.
    files: dict[Path, str | bytes] = {}
    if args.save_rules:
        pairs = [(x.student, x.model) for x in report.matches if x.how != "copy"]
        copies = {x.student for x in report.matches if x.how == "copy"}
        matched = {s for s, _ in pairs} | copies
        unmatched = [c.id for c in student.claims if c.id not in matched]
        header = (f"{args.student} graded against {args.model}: each line pairs a student claim with the model "
                  "claim it was taken for (null: matches nothing). Correct a line, or add weights, required, "
                  "accept and ignore (docs/teaching.md), and grade again with --rules.")
        files[Path(args.save_rules)] = rules_text(pairs, unmatched, rules, header)
    if args.output:
        shown, badges = annotated_map(report, student, model)
        with options(format="-o", path="-o"):
            files[Path(args.output)] = argmap.render_bytes(shown, picture_format(args.output), theme=args.theme,
                                                           badges=badges)
    write_files(files)
    if args.output_format == "json":
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(report_text(report, student, model))
    return 0
