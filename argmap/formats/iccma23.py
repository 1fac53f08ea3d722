"""ICCMA 2023's numeric format: ``p af N``, then ``i j`` per attack (arguments ``1..N``).

``#`` lines are comments. Arguments are named ``"1"`` .. ``"N"`` unless comment lines of the form
``# i name`` name every one of them (argmap writes those for frameworks whose ids are not
``1..N``, so ids survive the round trip; other readers skip them as comments).

>>> import argmap
>>> fw = argmap.loads("p af 3\\n# a comment\\n1 2\\n2 3\\n", "iccma23")
>>> fw.ids, list(fw.attacks())
(['1', '2', '3'], [('1', '2'), ('2', '3')])
>>> named = argmap.Framework(["a", "b"], [("b", "a")])
>>> print(argmap.dumps(named, "iccma23"), end="")
p af 2
# 1 a
# 2 b
2 1
>>> argmap.loads(argmap.dumps(named, "iccma23"), "iccma23") == named
True
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from argmap import limits
from argmap.errors import ParseError
from argmap.formats.frameworks import as_framework, require_plain_ids
from argmap.formats.registry import Format, register

if TYPE_CHECKING:
    from argmap.analysis.framework import Framework

__all__ = ["loads", "dumps"]

_HEADER = re.compile(r"p\s+af\s+(\d+)\s*$")
_NAME_COMMENT = re.compile(r"#\s*(\d+)\s+(\S+)\s*$")


def loads(text: str, path: str | None = None) -> Framework:
    """Read ICCMA 2023 text; a located ``ParseError`` for a bad header, line or argument number."""
    import numpy as np

    from argmap.analysis.framework import Framework  # numpy loads only when needed

    n: int | None = None
    names: dict[int, str] = {}
    src: list[int] = []
    dst: list[int] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            named = _NAME_COMMENT.match(stripped)
            if named:
                names.setdefault(int(named.group(1)), named.group(2))
            continue
        if n is None:
            header = _HEADER.match(stripped)
            if header is None:
                raise ParseError(f"expected the header `p af N` first, found {stripped[:30]!r}",
                                 path=path, line=lineno, column=1)
            digits = header.group(1)
            # int() of thousands of digits is refused by Python itself; compare lengths first
            if len(digits.lstrip("0")) > 18 or int(digits) > limits.current().arguments:
                shown = int(digits) if len(digits) <= 18 else f"a {len(digits)}-digit number of"
                raise ParseError(limits.message("arguments", "the header", shown), path=path, line=lineno,
                                 column=line.index("p") + 1)
            n = int(digits)
            continue
        parts = stripped.split()
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            raise ParseError(f"expected an attack `i j` (two argument numbers), found {stripped[:30]!r}",
                             path=path, line=lineno, column=1)
        column = line.index(parts[0]) + 1
        for k, part in enumerate(parts):
            value = int(part) if len(part) <= 18 else n + 1  # thousands of digits: out of range
            if not 1 <= value <= n:
                col = column if k == 0 else line.index(part, column + len(parts[0]) - 1) + 1
                shown = part if len(part) <= 20 else part[:10] + "..."
                raise ParseError(f"argument {shown} is outside 1..{n} declared by `p af {n}`",
                                 path=path, line=lineno, column=col)
        src.append(int(parts[0]) - 1)
        dst.append(int(parts[1]) - 1)
    if n is None:
        raise ParseError("no `p af N` header: this is not an ICCMA 2023 framework", path=path, line=1, column=1)
    ids = None
    if names and set(names) == set(range(1, n + 1)) and len(set(names.values())) == n:
        ids = [names[i] for i in range(1, n + 1)]
    pairs = dict.fromkeys(zip(src, dst, strict=True))
    return Framework.from_arrays(n, np.fromiter((a for a, _ in pairs), np.int64, len(pairs)),
                                 np.fromiter((b for _, b in pairs), np.int64, len(pairs)), ids)


def dumps(obj: Any) -> str:
    """The framework as ICCMA 2023 text (with ``# i name`` lines when ids are not ``1..N``)."""
    fw = as_framework(obj)
    n = len(fw)
    lines = [f"p af {n}"]
    if fw.ids != [str(i) for i in range(1, n + 1)]:
        require_plain_ids(fw, "", "iccma23")
        lines += [f"# {i} {a}" for i, a in enumerate(fw.ids, start=1)]
    src, dst = fw.arrays
    lines += [f"{a + 1} {b + 1}" for a, b in zip(src.tolist(), dst.tolist(), strict=True)]
    return "\n".join(lines) + "\n"


register(Format(
    name="iccma23",
    suffixes=(".i23", ".af"),
    description="ICCMA 2023 abstract framework (p af N, numbered attacks)",
    reader=loads,
    writer=dumps,
    extras={"frameworks": True},  # writes a Framework, or a map's derived one
    sniff=lambda text: bool(re.match(r"\s*(?:#.*\n\s*)*p\s+af\s+\d+", text)),
))
