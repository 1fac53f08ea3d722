"""``argmap demo``: render the flagship map (the conscription op-ed) and print where."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from argmap.drawing.themes import THEMES

__all__ = ["add_parser"]


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "demo",
        help="render the flagship example map",
        description="Build the map of the op-ed 'It's a Mistake To Turn Away Russian Civilians "
        "Fleeing Conscription' and render it.",
    )
    p.add_argument("-o", "--output", metavar="OUT", default="conscription.svg",
                   help="where to write (default: %(default)s; the suffix picks the format)")
    p.add_argument("--theme", default="default", choices=sorted(THEMES),
                   help="look of the map (default: %(default)s)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import argmap
    from argmap.gallery.conscription import build_map

    out = argmap.render(build_map(), Path(args.output), theme=args.theme)
    print(out.resolve())
    return 0
