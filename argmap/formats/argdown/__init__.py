"""Argdown (``.argdown``, ``.ad``): read and write, matching Argdown 2.0 on its own examples.

The reader runs in stages, one module each: :mod:`.source` (lines, front matter, comments,
includes), :mod:`.parser` (paragraphs into Argdown's model, :mod:`.document`), :mod:`.builder`
(that model into an :class:`~argmap.model.ArgumentMap`). :mod:`.writer` goes back.
:func:`statistics` counts a document the way Argdown does (the corpus tests use it).

>>> import argmap
>>> m = argmap.loads("[Tea]: Tea is good.\\n  + [Warm]: Tea is warm.", "argdown")
>>> m["tea"].reasons[0].premise.text
'Tea is warm.'
>>> print(argmap.dumps(m, "argdown"), end="")
[Tea]: Tea is good.
  + [Warm]: Tea is warm.
"""

from __future__ import annotations

from pathlib import Path

from argmap.errors import ParseError
from argmap.formats.argdown.builder import build
from argmap.formats.argdown.document import Document, statistics
from argmap.formats.argdown.parser import parse
from argmap.formats.argdown.writer import dumps
from argmap.formats.registry import Format, register
from argmap.model import ArgumentMap

__all__ = ["loads", "dumps", "parse", "build", "statistics", "Document"]


def loads(text: str, path: str | None = None, *, root: str | Path | None = None) -> ArgumentMap:
    """Read Argdown text into a map; ``path`` locates errors and resolves ``@include``.

    Raises :class:`~argmap.errors.ParseError` (file, line, column) on bad input; an empty text
    is refused, as every reader refuses one (an empty map is written with a comment in it).
    """
    if not text.strip():
        raise ParseError("the file is empty; an Argdown map needs at least one statement, such as "
                         "`[Title]: text`", path=path, line=1, column=1)
    return build(parse(text, path, root=root))


def _sniff(text: str) -> bool:
    head = text.lstrip()[:200]
    return head.startswith(("[", "<", "===", "#")) and ("]:" in head or ">:" in head)


register(Format(
    name="argdown",
    suffixes=(".argdown", ".ad"),
    description="Argdown (statements, arguments, premise-conclusion structures, relations)",
    reader=loads,
    writer=dumps,
    sniff=_sniff,
))
