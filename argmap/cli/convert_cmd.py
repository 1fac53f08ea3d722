"""``argmap convert IN OUT [--from F] [--to T]``: read a map in one format, write it in another."""

from __future__ import annotations

import argparse
import sys
from typing import Any, get_args

import argmap
from argmap.cli.failures import UsageError, options
from argmap.cli.files import STDOUT, check_outputs, read_any
from argmap.cli.options import add_from, add_input, command

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


def run(args: argparse.Namespace) -> int:
    from argmap.formats import registry
    from argmap.formats.api import FrameworkFormat

    # Every name is checked before the input is read: a wrong one is a usage error naming its option.
    with options(format="--from"):
        source = registry.get(args.source_format) if args.source_format else None
        if source is None:
            registry.for_path(args.input, reading=True)  # only to refuse a name that says nothing
    if source is not None and not source.can_read:
        raise UsageError(f"--from: format {source.name!r} can be written but not read", "--from")
    with options(format="--to"):
        target = registry.get(args.target_format) if args.target_format else None
        if target is None:
            if args.output == STDOUT:
                raise UsageError("writing to standard output needs --to FORMAT", "--to")
            target = registry.for_path(args.output, reading=False)
    if not target.can_write:
        raise UsageError(f"--to: format {target.name!r} can be read but not written", "--to")
    if args.output == STDOUT and target.binary:
        raise UsageError(f"--to: format {target.name!r} is binary; give an output file", "--to")
    check_outputs([args.input], {"OUT": args.output})
    subject = read_any(args.input, source.name if source else None)
    framework_formats = get_args(FrameworkFormat)
    if not isinstance(subject, argmap.ArgumentMap) and target.name not in framework_formats:
        raise UsageError(f"{args.input} is an abstract framework (arguments and attacks, no claims): it converts "
                         f"to {', '.join(framework_formats)}, not to {target.name}", "OUT")
    with options(format="--to"):
        if args.output == STDOUT:
            sys.stdout.write(argmap.dumps(subject, target.name))
        else:
            argmap.dump(subject, args.output, format=target.name)
    return 0
