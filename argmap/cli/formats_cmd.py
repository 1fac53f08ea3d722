"""``argmap formats``: list the formats argmap reads and writes, with their file suffixes."""

from __future__ import annotations

import argparse
from typing import Any

from argmap.cli.options import command

__all__ = ["add_parser", "run", "table"]


def add_parser(sub: Any) -> None:
    command(sub, "formats", run, help="list the formats argmap can read and write",
            description="List every format: its name (for --from/--to and format=), the file suffixes "
            "that select it, and whether argmap reads it, writes it, or both.")


def table() -> str:
    """The formats as an aligned text table.

    >>> print(table().splitlines()[0])  # doctest: +NORMALIZE_WHITESPACE
    name  read  write  suffixes  description
    """
    from argmap.formats.registry import all_formats

    rows = [("name", "read", "write", "suffixes", "description")]
    for fmt in all_formats():
        rows.append((fmt.name, "yes" if fmt.can_read else "-", "yes" if fmt.can_write else "-",
                     " ".join(fmt.suffixes), fmt.description))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r[:4], widths, strict=True)) + "  " + r[4]
                     for r in rows)


def run(args: argparse.Namespace) -> int:
    print(table())
    return 0
