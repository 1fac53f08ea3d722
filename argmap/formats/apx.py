"""ASPARTIX ``.apx``, ICCMA's classic format: ``arg(a).`` per argument, ``att(a,b).`` per attack.

``%`` starts a comment; several statements may share a line. Reading gives a
:class:`~argmap.Framework`; writing takes a framework (or a map, through its derived framework).

>>> import argmap
>>> fw = argmap.loads("arg(a). arg(b).\\natt(a,b).  % a attacks b", "apx")
>>> fw.ids, list(fw.attacks())
(['a', 'b'], [('a', 'b')])
>>> print(argmap.dumps(fw, "apx"), end="")
arg(a).
arg(b).
att(a,b).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from argmap import limits
from argmap.errors import ParseError
from argmap.formats.frameworks import as_framework, refuse_blank, require_plain_ids
from argmap.formats.registry import Format, register

if TYPE_CHECKING:
    from argmap.analysis.framework import Framework

__all__ = ["loads", "dumps"]

_NAME = r"([^\s(),%]+)"
_STATEMENT = re.compile(rf"\s*(arg|att)\s*\(\s*{_NAME}\s*(?:,\s*{_NAME}\s*)?\)\s*\.")
_BLANK = re.compile(r"\s*(?:%.*)?$")


def loads(text: str, path: str | None = None) -> Framework:
    """Read ``.apx`` text; a located ``ParseError`` for anything that is not a statement."""
    refuse_blank(text, path, "apx")
    from argmap.analysis.framework import Framework  # numpy loads only when needed

    arguments: dict[str, None] = {}
    attacks: list[tuple[str, str, int, int, int]] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        pos = 0
        while not _BLANK.match(line, pos):
            match = _STATEMENT.match(line, pos)
            if match is None:
                column = len(line) - len(line[pos:].lstrip()) + 1
                raise ParseError(
                    f"expected `arg(NAME).` or `att(NAME,NAME).`, found {line[pos:].strip()[:30]!r}",
                    path=path, line=lineno, column=column,
                )
            kind, first, second = match.groups()
            if kind == "arg":
                if second is not None:
                    raise ParseError("`arg` takes one name, as in `arg(a).`", path=path, line=lineno,
                                     column=match.start(3) + 1)
                arguments[first] = None
            else:
                if second is None:
                    raise ParseError("`att` takes two names, as in `att(a,b).`", path=path, line=lineno,
                                     column=match.start(1) + 1)
                attacks.append((first, second, lineno, match.start(2) + 1, match.start(3) + 1))
            pos = match.end()
    for attacker, target, lineno, col1, col2 in attacks:
        for name, column in ((attacker, col1), (target, col2)):
            if name not in arguments:
                raise ParseError(f"attack names {name!r}, which no `arg({name}).` declares",
                                 path=path, line=lineno, column=column)
    if len(arguments) > limits.current().arguments:
        raise ParseError(limits.message("arguments", "the file", len(arguments)), path=path)
    return Framework(arguments, ((a, b) for a, b, *_ in attacks))


def dumps(obj: Any) -> str:
    """The framework as ``.apx`` text: every ``arg`` line, then every ``att`` line."""
    fw = as_framework(obj)
    require_plain_ids(fw, "(),%", "apx")
    lines = [f"arg({a})." for a in fw.ids]
    lines += [f"att({a},{b})." for a, b in fw.attacks()]
    return "\n".join(lines) + "\n" if lines else "% an empty framework\n"


register(Format(
    name="apx",
    suffixes=(".apx",),
    description="ASPARTIX/ICCMA abstract framework (arg/att facts)",
    reader=loads,
    writer=dumps,
    extras={"frameworks": True},  # writes a Framework, or a map's derived one
    sniff=lambda text: bool(re.match(r"\s*(?:%.*\n\s*)*(arg|att)\s*\(", text)),
))
