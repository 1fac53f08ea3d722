"""``argmap demo``: render the flagship map (the conscription op-ed) and print where."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import argmap
from argmap.cli.failures import options
from argmap.cli.files import check_outputs
from argmap.cli.options import add_output, add_theme, command

__all__ = ["add_parser"]


def add_parser(sub: Any) -> None:
    p = command(sub, "demo", run, help="render the flagship example map",
                description="Build the map of the op-ed 'It's a Mistake To Turn Away Russian Civilians "
                "Fleeing Conscription' and render it.")
    add_output(p, "where to write (default: %(default)s; the suffix picks the format)", default="conscription.svg")
    add_theme(p)


def run(args: argparse.Namespace) -> int:
    from argmap.gallery.conscription import build_map

    check_outputs([], {"-o": args.output})
    with options(path="-o", format="-o", theme="--theme"):
        out = argmap.render(build_map(), Path(args.output), theme=args.theme)
    print(out.resolve())
    return 0
