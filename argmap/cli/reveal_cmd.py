"""``argmap reveal FILE -o talk.html``: a step-by-step reveal of a map for projecting in class."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from argmap.cli.failures import UsageError
from argmap.cli.files import check_outputs, read_map
from argmap.cli.options import add_format, add_from, add_input, add_output, add_theme, command

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    from argmap.teach.reveal import DEFAULT_DEPTH

    p = command(sub, "reveal", run,
                help="step through a map, thesis first (one offline HTML page or numbered SVGs)",
                description="Reveal a map step by step in reading order: the thesis first, then each reason "
                "with its objections and rebuttals. Writes one self-contained HTML page (arrow keys or "
                "buttons to step; works offline) or, with --format svg, a folder of numbered SVGs "
                "(01.svg, 02.svg, ...). Every frame has the same layout, so nothing jumps.",
                epilog="Examples: argmap reveal examples/conscription.json -o talk.html; "
                "argmap reveal examples/conscription.json -o slides/ --format svg")
    add_input(p, "the map file")
    add_from(p)
    add_output(p, "the HTML file, or the folder for SVGs (default: FILE's name + -reveal.html, "
               "or FILE's name + -reveal/ for SVGs)")
    add_format(p, ("html", "svg"), default=None,
               help="html (one page) or svg (numbered files in a folder); default: from OUT "
               "(a name ending in .html is a page, anything else a folder)")
    p.add_argument("--depth", type=int, default=DEFAULT_DEPTH, metavar="N",
                   help="outline depth that gets its own step; deeper parts come with their parent "
                   "(default: %(default)s)")
    add_theme(p, "projector", why=", large type for a projector")


def run(args: argparse.Namespace) -> int:
    from argmap.cli.render_cmd import default_output
    from argmap.formats.files import write_atomic, write_folder
    from argmap.teach.reveal import reveal_html, reveal_svgs

    if args.depth < 0:
        raise UsageError("--depth must be 0 or more", "--depth")
    fmt = args.output_format
    if fmt is None:
        fmt = "html" if args.output is None or args.output.lower().endswith((".html", ".htm")) else "svg"
    if fmt == "html":
        out = Path(args.output) if args.output else default_output(args.input, "-reveal.html")
        if out.is_dir():
            raise UsageError(f"-o {out} is a folder; name an .html file or use --format svg", "-o")
        check_outputs([args.input], {"-o": out})
        m = read_map(args.input, args.source_format, "reveal")
        write_atomic(out, reveal_html(m, depth=args.depth, theme=args.theme))
        print(out)
        return 0
    folder = Path(args.output) if args.output else default_output(args.input, "-reveal")
    check_outputs([args.input], {"-o": folder}, folders=["-o"])
    m = read_map(args.input, args.source_format, "reveal")
    svgs = reveal_svgs(m, depth=args.depth, theme=args.theme)
    width = max(2, len(str(len(svgs))))
    # Every frame drawn first, then the folder written whole; frames of an earlier, longer run go.
    write_folder(folder, {f"{k:0{width}d}.svg": svg for k, svg in enumerate(svgs, start=1)},
                 replaces=re.compile(r"\d{2,}\.svg"))
    print(f"{folder}: {len(svgs)} frames")
    return 0
