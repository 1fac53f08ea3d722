"""``argmap render IN [-o OUT] [--theme T]``: draw a map file as SVG, PNG, PDF, DOT (or HTML)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import argmap
from argmap.cli.failures import options
from argmap.cli.files import check_outputs, read_map
from argmap.cli.options import add_from, add_input, add_output, add_plain, add_theme, command
from argmap.cli.progress import progress_bar

__all__ = ["add_parser"]


def add_parser(sub: Any) -> None:
    p = command(sub, "render", run, help="draw a map (SVG, PNG, PDF, DOT)",
                description="Draw a map file. The output format follows OUT's suffix (.svg, .png, .pdf, .dot, .html).",
                epilog="Example: argmap render examples/conscription.json -o map.svg")
    add_input(p, metavar="IN")
    add_output(p, "where to write (default: IN with the suffix .svg)")
    add_theme(p)
    add_from(p)
    p.add_argument("--questions", action="store_true",
                   help="draw each step's open critical questions as dashed prompt boxes")
    add_plain(p)
    p.add_argument("--focus", metavar="ID",
                   help="draw only the claim ID, what bears on it (see --depth) and the line up to its thesis")
    p.add_argument("--depth", type=int, metavar="N",
                   help="levels of claims to draw below the focus (or the theses), default 2; the rest folds "
                   "into '+N more' stubs")
    p.add_argument("--layout", choices=("auto", "dot", "tree"), default="auto",
                   help="who places the boxes: Graphviz's layered layout (dot), argmap's tree layout for big "
                   "maps (tree), or by size (auto, the default: tree past 60 claims)")
    p.add_argument("--pages", nargs="?", type=int, const=0, default=None, metavar="N",
                   help="write a big map as linked pages (SVG or HTML): OUT is the overview, NAME-pages/ "
                   "holds a page per branch, about N claims a page (default 60)")


def default_output(input_path: str, suffix: str = ".svg") -> Path:
    """IN's path with its (possibly double) suffix replaced, e.g. ``a.aif.json`` -> ``a.svg``."""
    path = Path(input_path)
    stem = path.name.split(".")[0] or path.stem
    return path.with_name(stem + suffix)


def run(args: argparse.Namespace) -> int:
    out = Path(args.output) if args.output else default_output(args.input)
    check_outputs([args.input], {"-o": out})
    m = read_map(args.input, args.source_format, "render")
    pages: bool | int = False if args.pages is None else (args.pages or True)
    # Without --questions a page still lists the catalogue's questions (questions=None).
    with options(path="-o", format="-o", theme="--theme", focus="--focus", depth="--depth", pages="--pages",
                 layout="--layout"), \
            progress_bar() as bar:
        argmap.render(m, out, theme=args.theme, questions=True if args.questions else None, plain=args.plain,
                      pages=pages, focus=args.focus, depth=args.depth, layout=args.layout, progress=bar)
    print(out)
    return 0
