"""``argmap grade STUDENT MODEL``: grade a student's map against a model answer."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import argmap
from argmap.cli.options import add_format, add_output, add_theme, command

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    from argmap.teach.grade import THRESHOLD

    p = command(sub, "grade", run, help="grade a student's map against a model answer",
                description="Match the student's claims to the model's by text similarity, then report per "
                "claim: found, missing, extra, wrong polarity, wrong place, linked premises drawn as "
                "independent reasons or the reverse; and a score out of 100 with its rubric.",
                epilog="Example: argmap grade examples/student-conscription.json examples/conscription.json "
                "-o graded.svg")
    p.add_argument("student", metavar="STUDENT", help="the student's map file")
    p.add_argument("model", metavar="MODEL", help="the model answer's map file")
    add_format(p, help="report format on standard output (default: %(default)s)")
    add_output(p, "also draw the student's map with every match, miss and mistake marked (.svg, .png, .pdf)")
    p.add_argument("--threshold", type=float, default=THRESHOLD, metavar="PCT",
                   help="lowest text similarity (0-100) for two claims to match (default: %(default)s)")
    add_theme(p, what="the annotated map")


def run(args: argparse.Namespace) -> int:
    from argmap.teach.grade import annotated_map, grade, report_text

    if not 0 <= args.threshold <= 100:
        print("argmap grade: error: --threshold must be between 0 and 100", file=sys.stderr)
        return 2
    student = argmap.load(args.student)
    model = argmap.load(args.model)
    report = grade(student, model, threshold=args.threshold)
    if args.output_format == "json":
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(report_text(report, student, model))
    if args.output:
        shown, badges = annotated_map(report, student, model)
        argmap.render(shown, Path(args.output), theme=args.theme, badges=badges)
    return 0
