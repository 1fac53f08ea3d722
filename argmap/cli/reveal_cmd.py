"""``argmap reveal FILE -o talk.html``: a step-by-step reveal of a map for projecting in class."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from argmap.cli.failures import UsageError
from argmap.cli.files import check_outputs, read_map, refuse_inputs
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
    from argmap.formats.files import write_atomic, write_folder
    from argmap.teach.reveal import reveal_html, reveal_pdf, reveal_svgs

    if args.depth < 0:
        raise UsageError("--depth must be 0 or more", "--depth")
    refuse_inputs([args.input], {"-o": args.output})
    fmt = args.output_format
    suffix = Path(args.output).suffix.lower() if args.output else ""
    if fmt is None:
        fmt = {"": "html" if args.output is None else "svg", ".html": "html", ".htm": "html", ".pdf": "pdf"}.get(suffix)
        if fmt is None:
            raise UsageError(f"-o: cannot write a reveal as {args.output!r}: name an .html or .pdf file, "
                             "or a folder (no suffix) for SVG frames with --format svg", "-o")
    if fmt in ("html", "pdf"):
        out = Path(args.output) if args.output else default_output(args.input, f"-reveal.{fmt}")
        if out.is_dir():
            raise UsageError(f"-o {out} is a folder; name an .{fmt} file or use --format svg", "-o")
        check_outputs([args.input], {"-o": out})
        m = read_map(args.input, args.source_format, "reveal")
        made = (reveal_html(m, depth=args.depth, theme=args.theme, plain=args.plain) if fmt == "html"
                else reveal_pdf(m, depth=args.depth, theme=args.theme, plain=args.plain))
        write_atomic(out, made)
        print(out)
        return 0
    folder = Path(args.output) if args.output else default_output(args.input, "-reveal")
    check_outputs([args.input], {"-o": folder}, folders=["-o"])
    m = read_map(args.input, args.source_format, "reveal")
    svgs = reveal_svgs(m, depth=args.depth, theme=args.theme, plain=args.plain)
    width = max(2, len(str(len(svgs))))
    # Every frame drawn first, then the folder written whole; frames of an earlier, longer run go.
    write_folder(folder, {f"{k:0{width}d}.svg": svg for k, svg in enumerate(svgs, start=1)},
                 replaces=re.compile(r"\d{2,}\.svg"))
    print(f"{folder}: {len(svgs)} frames")
    return 0
