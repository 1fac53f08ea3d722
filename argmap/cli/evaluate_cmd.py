"""``argmap evaluate FILE [--semantics S] [--format json] [-o OUT]``: which claims stand."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

import argmap
from argmap.cli.failures import options
from argmap.cli.files import check_outputs, read_any
from argmap.cli.options import add_format, add_from, add_input, add_output, command

__all__ = ["add_parser", "run", "report_text"]


def add_parser(sub: Any) -> None:
    from argmap.analysis.names import GRADUAL, SEMANTICS

    p = command(sub, "evaluate", run,
                help="label every claim in/out/undec under a semantics (or give its strength)",
                description="Evaluate a map (or an abstract framework: .apx, .tgf, .i23) under Dung's "
                "semantics or a gradual strength, and print each node's status. "
                "See docs/semantics.md for how a map becomes a framework.",
                epilog="Example: argmap evaluate examples/conscription.json --semantics preferred -o eval.svg")
    add_input(p, "the map or framework file")
    p.add_argument("-s", "--semantics", default="grounded", metavar="S",
                   help=f"one of {', '.join(SEMANTICS + GRADUAL)} (default: %(default)s)")
    add_format(p)
    p.add_argument("--support", default="secondary", choices=("secondary", "cayrol", "supported", "none"),
                   help="how support becomes attack for a map (default: %(default)s)")
    p.add_argument("--solver", default="auto", choices=("auto", "pysat", "python"),
                   help="SAT solver for the NP-hard semantics (default: %(default)s)")
    add_from(p)
    add_output(p, "also draw the evaluated map to OUT (.svg, .png, .pdf, .dot)")


def report_text(result: Any, subject: Any) -> str:
    """The result as lines ``id: label (status)``, claims first, then steps and extensions."""
    from argmap.analysis.semantics import STATUS, Evaluation

    lines: list[str] = []
    if isinstance(result, Evaluation):
        lines.append(f"{result.semantics} semantics: {len(result.extensions)} extension(s)")
        for arg in result:
            label = result[arg]
            lines.append(f"  {arg}: {label} ({STATUS[label]})")
        if len(result.extensions) > 1:
            for k, ext in enumerate(result.extensions, start=1):
                lines.append(f"  extension {k}: {{{', '.join(sorted(ext))}}}")
    else:
        lines.append(f"{result.semantics} strength" + (f" (thesis {result.thesis}: "
                     f"{result[result.thesis]:.3f})" if result.thesis in result else ""))
        lines += [f"  {node}: {value:.3f}" for node, value in result.items()]
    return "\n".join(lines)


#: The library's argument names, as this command's options.
_OPTIONS = {"semantics": "--semantics", "solver": "--solver", "format": "-o", "path": "-o"}


def run(args: argparse.Namespace) -> int:
    from argmap.analysis.framework import Framework
    from argmap.analysis.semantics import canonical_semantics

    with options(**_OPTIONS):
        canonical_semantics(args.semantics)  # a wrong name is refused before the file is read
    check_outputs([args.input], {"-o": args.output})
    subject = read_any(args.input, args.source_format)
    with options(**_OPTIONS):
        result = argmap.evaluate(subject, args.semantics, support=args.support, solver=args.solver)
    if args.output:  # drawn before the report is printed: a failure prints nothing
        # A framework is drawn with a claim per argument: the labels sit on those claims.
        m = subject.to_map() if isinstance(subject, Framework) else subject
        with options(**_OPTIONS):
            argmap.render(m, args.output, evaluation=result)
    if args.output_format == "json":
        json.dump(result.to_dict(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(report_text(result, subject))
    if args.output:
        print(args.output, file=sys.stderr)
    return 0
