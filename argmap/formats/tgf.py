"""Trivial Graph Format as ICCMA used it: one argument per line, ``#``, then ``a b`` per attack.

A node line may carry a label after the id (it is ignored); blank lines are skipped.

>>> import argmap
>>> fw = argmap.loads("a\\nb\\n#\\na b\\n", "tgf")
>>> list(fw.attacks())
[('a', 'b')]
>>> argmap.dumps(fw, "tgf")
'a\\nb\\n#\\na b\\n'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap import limits
from argmap.errors import ParseError
from argmap.formats.frameworks import as_framework, refuse_blank, require_plain_ids
from argmap.formats.registry import Format, register

if TYPE_CHECKING:
    from argmap.analysis.framework import Framework

__all__ = ["loads", "dumps"]


def loads(text: str, path: str | None = None) -> Framework:
    """Read TGF text; a located ``ParseError`` for an attack naming an unknown argument."""
    refuse_blank(text, path, "tgf")
    from argmap.analysis.framework import Framework  # numpy loads only when needed

    arguments: dict[str, None] = {}
    attacks: list[tuple[str, str]] = []
    in_edges = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "#" and not in_edges:
            in_edges = True
            continue
        if not in_edges:
            arguments[parts[0]] = None
            continue
        if len(parts) < 2:
            raise ParseError(f"an attack line needs two argument ids, as in `a b`; found {line.strip()!r}",
                             path=path, line=lineno, column=1)
        column = 1
        for name in parts[:2]:
            column = line.index(name, column - 1) + 1
            if name not in arguments:
                raise ParseError(f"attack names {name!r}, which is not listed before the `#` line",
                                 path=path, line=lineno, column=column)
            column += len(name)
        attacks.append((parts[0], parts[1]))
    if len(arguments) > limits.current().arguments:
        raise ParseError(limits.message("arguments", "the file", len(arguments)), path=path)
    return Framework(arguments, attacks)


def dumps(obj: Any) -> str:
    """The framework as TGF text."""
    fw = as_framework(obj)
    require_plain_ids(fw, "#", "tgf")
    lines = list(fw.ids) + ["#"] + [f"{a} {b}" for a, b in fw.attacks()]
    return "\n".join(lines) + "\n"


register(Format(
    name="tgf",
    suffixes=(".tgf",),
    description="Trivial Graph Format abstract framework (ICCMA up to 2021)",
    reader=loads,
    writer=dumps,
    extras={"frameworks": True},  # writes a Framework, or a map's derived one
))
