"""The options several commands share, declared once: the input file, ``--from``, ``-o``,
``--theme`` and ``--format``, each with one ``dest`` whatever the command.

>>> import argparse
>>> p = argparse.ArgumentParser()
>>> add_input(p); add_from(p); add_output(p, "where to write"); add_theme(p); add_format(p)
>>> vars(p.parse_args(["map.json", "--from", "json", "-o", "x.svg", "--format", "json"]))
{'input': 'map.json', 'source_format': 'json', 'output': 'x.svg', 'theme': 'default', 'output_format': 'json'}
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Any

from argmap.drawing.themes import THEMES

__all__ = ["command", "add_input", "add_from", "add_output", "add_theme", "add_format", "add_plain"]


def command(sub: Any, name: str, run: Callable[[argparse.Namespace], int], **texts: str) -> argparse.ArgumentParser:
    """Register subcommand ``name`` (``help``, ``description``, ``epilog``) that runs ``run``."""
    parser: argparse.ArgumentParser = sub.add_parser(name, **texts)
    parser.set_defaults(func=run, _parser=parser)
    return parser


def add_input(p: argparse.ArgumentParser, help: str = "the map file (its suffix names the format)",
              metavar: str = "FILE") -> None:
    """The file to read, as ``args.input``."""
    p.add_argument("input", metavar=metavar, help=help)


def add_from(p: argparse.ArgumentParser, metavar: str = "FORMAT",
             help: str = "read the input as this format, whatever its suffix") -> None:
    """``--from FORMAT``, as ``args.source_format``."""
    p.add_argument("--from", dest="source_format", metavar=metavar, help=help)


def add_output(p: argparse.ArgumentParser, help: str, *, required: bool = False, default: str | None = None) -> None:
    """``-o/--output OUT``, as ``args.output``."""
    p.add_argument("-o", "--output", metavar="OUT", required=required, default=default, help=help)


def add_theme(p: argparse.ArgumentParser, default: str = "default", what: str = "the map", why: str = "") -> None:
    """``--theme T`` (one of the themes), as ``args.theme``; ``why`` says why the default suits."""
    p.add_argument("--theme", default=default, choices=sorted(THEMES),
                   help=f"look of {what} (default: %(default)s{why})")


def add_plain(p: argparse.ArgumentParser, what: str = "the steps' schemes and their critical questions") -> None:
    """``--plain``, as ``args.plain``: words for students instead of the field's terms."""
    p.add_argument("--plain", action="store_true",
                   help=f"plain words for students: {what} in everyday language, without the field's terms")


def add_format(p: argparse.ArgumentParser, choices: Sequence[str] = ("text", "json"), default: str | None = "text",
               help: str = "how to print the result (default: %(default)s)") -> None:
    """``--format F``, as ``args.output_format``."""
    p.add_argument("--format", dest="output_format", choices=tuple(choices), default=default, help=help)
