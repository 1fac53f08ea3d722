"""``argmap convert IN OUT [--from F] [--to T]``: read a map in one format, write it in another."""

from __future__ import annotations

import argparse
import sys
from typing import Any

import argmap
from argmap.cli.options import add_from, add_input, command
from argmap.errors import ArgmapError

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    p = command(sub, "convert", run, help="convert a map between formats (Argdown, AIF, Kialo, JSON, YAML, ...)",
                description="Read IN and write OUT. Formats follow the file names (.aif.json, .kialo.txt, "
                ".yaml, .md, .graphml, .svg, ...); a .json or .txt input is recognised from its content. "
                "Use --from/--to when a name does not say. OUT may be - for standard output (needs --to). "
                "`argmap formats` lists every format.",
                epilog="Example: argmap convert debate.kialo.txt debate.aif.json")
    add_input(p, "the map file to read", metavar="IN")
    p.add_argument("output", metavar="OUT", help="the file to write, or - for standard output")
    add_from(p, metavar="F", help="read IN as format F")
    p.add_argument("--to", dest="target_format", metavar="T", help="write OUT as format T")


def _usage(message: str) -> int:
    print(f"argmap convert: error: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from argmap.formats import registry

    try:
        source = registry.get(args.source_format) if args.source_format else None
        if source is None:
            registry.for_path(args.input, reading=True)  # only to refuse a name that says nothing
        target = registry.get(args.target_format) if args.target_format else None
        if target is None:
            if args.output == "-":
                return _usage("writing to standard output needs --to FORMAT")
            target = registry.for_path(args.output, reading=False)
    except ArgmapError as exc:  # a format name or a file name the user must change: usage
        return _usage(str(exc) + " (see `argmap formats`)")
    if source is not None and not source.can_read:
        return _usage(f"format {source.name!r} can be written but not read")
    if not target.can_write:
        return _usage(f"format {target.name!r} can be read but not written")
    m = argmap.load(args.input, format=source.name if source else None)
    if args.output == "-":
        if target.binary:
            return _usage(f"format {target.name!r} is binary; give an output file")
        sys.stdout.write(argmap.dumps(m, target.name))
        return 0
    try:
        argmap.dump(m, args.output, format=target.name)
    except OSError as exc:  # a folder that does not exist, no permission: the OUT argument is wrong
        return _usage(f"cannot write {args.output}: {exc.strerror or exc}")
    return 0
