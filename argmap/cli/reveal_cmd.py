"""``argmap reveal FILE -o talk.html``: a step-by-step reveal of a map for projecting in class."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import argmap
from argmap.cli.options import add_format, add_from, add_input, add_output, add_plain, add_theme, command

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    from argmap.teach.reveal import DEFAULT_DEPTH

    p = command(sub, "reveal", run,
                help="step through a map, thesis first (one offline HTML page, a PDF, or numbered SVGs)",
                description="Reveal a map step by step in reading order: the thesis first, then each reason "
                "with its objections and rebuttals. Writes one self-contained HTML page (arrow keys or "
                "buttons to step; works offline), a PDF of 16:9 slides (talk.pdf, a page a frame) or, with "
                "--format svg, a folder of numbered SVGs (01.svg, 02.svg, ...). Every frame has the same "
                "layout, so nothing jumps, and zooms to the part it reveals, so text reads on a projector.",
                epilog="Examples: argmap reveal examples/conscription.json -o talk.html; "
                "argmap reveal examples/conscription.json -o talk.pdf; "
                "argmap reveal examples/conscription.json -o slides/ --format svg")
    add_input(p, "the map file")
    add_from(p)
    add_output(p, "the HTML or PDF file, or the folder for SVGs (default: FILE's name + -reveal.html, "
               "-reveal.pdf, or -reveal/ for SVGs)")
    add_format(p, ("html", "pdf", "svg"), default=None,
               help="html (one page), pdf (a slide a frame) or svg (numbered files in a folder); default: "
               "from OUT (.html or .pdf; a name without a suffix is a folder of SVGs)")
    p.add_argument("--depth", type=int, default=DEFAULT_DEPTH, metavar="N",
                   help="outline depth that gets its own step; deeper parts come with their parent "
                   "(default: %(default)s)")
    add_theme(p, "projector", why=", large type for a projector")
    add_plain(p, "the steps' schemes")


def run(args: argparse.Namespace) -> int:
    from argmap.cli.render_cmd import default_output
    from argmap.formats.files import write_atomic
    from argmap.teach.reveal import reveal_html, reveal_pdf, reveal_svgs

    if args.depth < 0:
        print("argmap reveal: error: --depth must be 0 or more", file=sys.stderr)
        return 2
    fmt = args.output_format
    suffix = Path(args.output).suffix.lower() if args.output else ""
    if fmt is None:
        fmt = {"": "html" if args.output is None else "svg", ".html": "html", ".htm": "html", ".pdf": "pdf"}.get(suffix)
        if fmt is None:
            print(f"argmap reveal: error: cannot write a reveal as {args.output!r}: name an .html or .pdf file, "
                  "or a folder (no suffix) for SVG frames with --format svg", file=sys.stderr)
            return 2
    if fmt in ("html", "pdf") and args.output and Path(args.output).is_dir():
        print(f"argmap reveal: error: {args.output} is a folder; name an .{fmt} file or use --format svg",
              file=sys.stderr)
        return 2
    m = argmap.load(args.input, format=args.source_format)
    if fmt in ("html", "pdf"):
        out = Path(args.output) if args.output else default_output(args.input, f"-reveal.{fmt}")
        made = (reveal_html(m, depth=args.depth, theme=args.theme, plain=args.plain) if fmt == "html"
                else reveal_pdf(m, depth=args.depth, theme=args.theme, plain=args.plain))
        write_atomic(out, made)
        print(out)
        return 0
    folder = Path(args.output) if args.output else default_output(args.input, "-reveal")
    if folder.exists() and not folder.is_dir():
        print(f"argmap reveal: error: {folder} is a file; SVG frames need a folder", file=sys.stderr)
        return 2
    svgs = reveal_svgs(m, depth=args.depth, theme=args.theme, plain=args.plain)
    folder.mkdir(parents=True, exist_ok=True)
    width = max(2, len(str(len(svgs))))
    for k, svg in enumerate(svgs, start=1):
        write_atomic(folder / f"{k:0{width}d}.svg", svg)
    print(f"{folder}: {len(svgs)} frames")
    return 0
