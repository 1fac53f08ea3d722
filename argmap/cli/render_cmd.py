"""``argmap render IN [-o OUT] [--theme T]``: draw a map file as SVG, PNG, PDF, DOT (or HTML)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from argmap.drawing.themes import THEMES

__all__ = ["add_parser"]


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "render",
        help="draw a map (SVG, PNG, PDF, DOT)",
        description="Draw a map file. The output format follows OUT's suffix "
        "(.svg, .png, .pdf, .dot, .html).",
        epilog="Example: argmap render examples/conscription.json -o map.svg",
    )
    p.add_argument("input", metavar="IN", help="the map file (its suffix names the format)")
    p.add_argument("-o", "--output", metavar="OUT",
                   help="where to write (default: IN with the suffix .svg)")
    p.add_argument("--theme", default="default", choices=sorted(THEMES),
                   help="look of the map (default: %(default)s)")
    p.add_argument("--from", dest="source_format", metavar="FORMAT",
                   help="read IN as this format, whatever its suffix")
    p.add_argument("--questions", action="store_true",
                   help="draw each step's open critical questions as dashed prompt boxes")
    p.set_defaults(func=run)


def default_output(input_path: str, suffix: str = ".svg") -> Path:
    """IN's path with its (possibly double) suffix replaced, e.g. ``a.aif.json`` -> ``a.svg``."""
    path = Path(input_path)
    stem = path.name.split(".")[0] or path.stem
    return path.with_name(stem + suffix)


def run(args: argparse.Namespace) -> int:
    import argmap

    m = argmap.load(args.input, format=args.source_format)
    out = Path(args.output) if args.output else default_output(args.input)
    if getattr(args, "questions", False):
        argmap.render(m, out, theme=args.theme, questions=True)
    else:
        argmap.render(m, out, theme=args.theme)
    print(out)
    return 0
