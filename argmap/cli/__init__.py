"""The ``argmap`` command: one program, a subcommand per job, each in its own module."""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import os
import sys
import traceback
from collections.abc import Sequence

from argmap import __version__
from argmap.cli.failures import MEANINGS, describe, status

__all__ = ["main", "entry", "build_parser", "COMMAND_MODULES"]

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
    "argmap.cli.studio_cmd",
)


def _command_name(module: str) -> str:
    return module.rsplit(".", 1)[-1].removesuffix("_cmd")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser, with every subcommand (or, given ``only``, just that one; none for ``""``)."""
    parser = argparse.ArgumentParser(
        prog="argmap",
        description="Build, read, check, evaluate and draw argument maps.",
        epilog="Run `argmap COMMAND --help` for a command's options. Exit status: "
        + ", ".join(f"{n} {words}" for n, words in MEANINGS.items())
        + " (disk full, read-only folder, layout engine missing). Every error is listed in docs/errors.md.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    parser.add_argument("--debug", action="store_true",
                        help="on an error, also print Python's traceback (or set ARGMAP_DEBUG=1)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        if only is None or _command_name(name) == only:
            importlib.import_module(name).add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 bad input, 2 bad usage, 3 the
    environment failed): see :mod:`argmap.cli.failures`."""
    # A short-lived process building big maps allocates millions of small objects that all stay
    # alive: generation-0 collections would rescan them again and again for nothing.
    gc.set_threshold(100_000, 50, 50)
    words = list(sys.argv[1:] if argv is None else argv)
    # Importing one command's module, not all twelve, keeps a single run quick to start;
    # `argmap --version` needs none of them (only help lists them all).
    known = {_command_name(m) for m in COMMAND_MODULES}
    first = next((w for w in words if w != "--debug"), None)
    if first in known:
        only: str | None = first
    elif first == "--version":
        only = ""
    else:
        only = None
    parser = build_parser(only=only)
    args = parser.parse_args(words)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # every error: one line per problem, the status says whose it is
        if args.debug or os.environ.get("ARGMAP_DEBUG"):
            traceback.print_exc()
        for line in describe(exc):
            print(f"argmap: error: {line}", file=sys.stderr)
        return status(exc)


def entry() -> None:
    """The ``argmap`` program: run :func:`main`, then leave without tearing the heap down.

    Freeing a big map object by object at interpreter exit costs as much as writing it out
    (0.1 s for 18,000 nodes); every file is closed by then, so only the streams need a flush.
    """
    import os

    status = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(BrokenPipeError, ValueError):
            stream.flush()
    os._exit(status)
