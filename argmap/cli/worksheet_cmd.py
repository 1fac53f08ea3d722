"""``argmap worksheet FILE -o sheet.svg``: a fill-in-the-blanks worksheet and its answer key."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import argmap
from argmap.cli.options import add_from, add_input, add_output, add_plain, add_theme, command
from argmap.errors import ArgmapError

__all__ = ["add_parser", "run", "parse_blanks"]


def parse_blanks(value: str) -> int | list[str]:
    """``--blank`` takes a count or a comma-separated list of ids.

    >>> parse_blanks("3"), parse_blanks("a, b-2")
    (3, ['a', 'b-2'])
    """
    text = value.strip()
    if text.isdigit():
        return int(text)
    ids = [part.strip() for part in text.split(",") if part.strip()]
    if not ids:
        raise argparse.ArgumentTypeError("give a number of blanks or comma-separated claim ids")
    return ids


def add_parser(sub: Any) -> None:
    p = command(sub, "worksheet", run, help="make a worksheet (blanked claims, numbered) and its answer key",
                description="Blank out claims of a map, numbered in reading order, for students to fill in; "
                "write the answer key beside the sheet (sheet-key.svg for sheet.svg). The format follows "
                "OUT's suffix: .svg, .pdf, .png or .md. Sheet and key come on A4 or Letter pages, one branch "
                "a page when the map is too big, no text printed below 9 pt: a PDF holds every page, SVG and "
                "PNG pages are files of their own (sheet-p1.png, sheet-p2.png, ...).",
                epilog="Examples: argmap worksheet map.json -o sheet.svg --blank 4 --seed 7; "
                "argmap worksheet map.json -o sheet.pdf --variant sort --focus no-blame")
    add_input(p)
    add_output(p, "the worksheet to write (.svg, .pdf, .png, .md)", required=True)
    p.add_argument("--blank", type=parse_blanks, metavar="N|ID,...",
                   help="how many claims to blank at random, or which (claim ids; for --variant "
                   "objection, objection step ids). Default: a quarter of the claims; one objection; "
                   "every claim for sort")
    p.add_argument("--seed", type=int, default=0,
                   help="seed of the random choice and of the word bank's order (default: %(default)s)")
    p.add_argument("--variant", choices=("blanks", "objection", "sort"), default="blanks",
                   help="blanks: fill in missing claims; objection: find the missing objection; "
                   "sort: place claims from a word bank (default: %(default)s)")
    p.add_argument("--focus", metavar="CLAIM_ID",
                   help="only the part of the map bearing on this claim (one branch fits a page)")
    p.add_argument("--paper", choices=("a4", "letter", "poster"), default=None,
                   help="page size: a4 or letter (default: from the locale: Letter in the US, Canada, Mexico and "
                   "a few more, A4 elsewhere), or "
                   "poster for the whole map as one picture of its own size")
    p.add_argument("--key", metavar="PATH", help="where to write the answer key (default: beside OUT)")
    p.add_argument("--no-key", action="store_true", help="do not write an answer key")
    add_theme(p, "print", what="the sheet", why=", greyscale for photocopies")
    add_plain(p, "the steps' schemes")
    add_from(p)


def run(args: argparse.Namespace) -> int:
    from argmap.teach.worksheet import focus_map, make_worksheet, write_worksheet

    m = argmap.load(args.input, format=args.source_format)
    if args.focus:
        m = focus_map(m, args.focus)
    ws = make_worksheet(m, args.blank, variant=args.variant, seed=args.seed, plain=args.plain)
    out = Path(args.output)
    for target in [out] + ([Path(args.key)] if args.key else []):
        if not target.parent.is_dir():
            raise ArgmapError(f"cannot write {str(target)!r}: the folder {str(target.parent)!r} does not exist")
    for path in write_worksheet(ws, out, key=args.key, write_key=not args.no_key, theme=args.theme,
                                paper=args.paper):
        print(path)
    return 0
