"""``argmap flow FILE``: a debate's flow: dropped arguments, new ones in rebuttal, weakest links."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import argmap
from argmap.cli.options import add_format, add_from, add_input, add_output, command

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    p = command(sub, "flow", run,
                help="a debate's flow: dropped arguments, new arguments in rebuttals, weakest links",
                description="Read a debate map (claims with data 'side' and 'speech'; the speech order from meta "
                "'speeches' or a known format: policy, Lincoln-Douglas, public forum, classroom) and report "
                "arguments dropped by the other side, arguments new in rebuttal speeches, and the weakest "
                "link on the way to each side's thesis. -o writes a printable flow sheet, one column per "
                "speech (.svg, .html, .png or .pdf).",
                epilog="Example: argmap flow examples/debate-conscription.json -o flow.html")
    add_input(p, "the debate map file")
    add_from(p)
    add_format(p, help="report format on standard output (default: %(default)s)")
    add_output(p, "write the flow sheet (.svg, .html, .png, .pdf)")
    p.add_argument("--ruled", type=int, default=0, metavar="N",
                   help="add N ruled lines under the arguments, to flow a live debate on paper")


def run(args: argparse.Namespace) -> int:
    from argmap.formats.files import write_atomic
    from argmap.teach.flow import analyse, report_text
    from argmap.teach.flowsheet import flow_html, flow_picture, flow_svg

    suffix = Path(args.output).suffix.lower() if args.output else None
    if suffix not in (None, ".svg", ".html", ".htm", ".png", ".pdf"):
        print(f"argmap flow: error: cannot write a flow sheet as {suffix or 'a file without a suffix'}; "
              "use .svg, .html, .png or .pdf", file=sys.stderr)
        return 2
    if args.ruled < 0:
        print("argmap flow: error: --ruled must be 0 or more", file=sys.stderr)
        return 2
    m = argmap.load(args.input, format=args.source_format)
    report = analyse(m)
    if args.output_format == "json":
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(report_text(m, report))
    if args.output:
        out = Path(args.output)
        if suffix in (".html", ".htm"):
            write_atomic(out, flow_html(m, report, ruled=args.ruled))
        elif suffix == ".svg":
            write_atomic(out, flow_svg(m, report, ruled=args.ruled))
        else:
            write_atomic(out, flow_picture(m, out.suffix.lower().lstrip("."), report, ruled=args.ruled))
    return 0
