"""The ``argmap`` command: one program, a subcommand per job, each in its own module."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from argmap.errors import ArgmapError

__all__ = ["main", "build_parser", "COMMAND_MODULES"]

#: Each module has ``add_parser(subparsers)``, which registers one subcommand.
COMMAND_MODULES: tuple[str, ...] = (
    "argmap.cli.render_cmd",
    "argmap.cli.demo_cmd",
    "argmap.cli.evaluate_cmd",
    "argmap.cli.convert_cmd",
    "argmap.cli.formats_cmd",
    "argmap.cli.questions_cmd",
    "argmap.cli.worksheet_cmd",
    "argmap.cli.grade_cmd",
    "argmap.cli.reveal_cmd",
    "argmap.cli.flow_cmd",
    "argmap.cli.check_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, with every subcommand."""
    from argmap import __version__

    parser = argparse.ArgumentParser(
        prog="argmap",
        description="Build, read, check, evaluate and draw argument maps.",
        epilog="Run `argmap COMMAND --help` for a command's options. "
        "Exit status: 0 success, 1 the input has errors, 2 bad usage.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 bad input, 2 bad usage)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except ArgmapError as exc:
        print(f"argmap: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
