"""The public entry points for formats: pick a format, read or write, never half-write a file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from argmap.errors import ArgmapError
from argmap.formats import registry
from argmap.formats.files import read_text, write_atomic

__all__ = ["load", "loads", "dump", "dumps"]


def loads(text: str, format: str, *, path: str | None = None) -> Any:
    """Read a map (or, for ``apx``/``tgf``/``iccma23``, a framework) from text.

    >>> import argmap
    >>> m = argmap.loads('{"format": "argmap", "version": 1, "claims": [{"id": "t", "text": "T"}]}', "json")
    >>> m["t"].text
    'T'
    """
    fmt = registry.get(format)
    if fmt.reader is None:
        raise ArgmapError(f"format {fmt.name!r} can be written but not read")
    return fmt.reader(text, path)


def load(path: str | Path, format: str | None = None) -> Any:
    """Read a file; the format comes from its name (and content, for ``.json``/``.txt``)."""
    text = read_text(path)
    fmt = registry.get(format) if format else registry.for_path(path, reading=True, text=text)
    if fmt.reader is None:
        raise ArgmapError(f"format {fmt.name!r} can be written but not read")
    return fmt.reader(text, str(path))


def dumps(m: Any, format: str) -> str:
    """Write a map to text in a text format.

    >>> import argmap
    >>> m = argmap.ArgumentMap()
    >>> _ = m.claim("T", id="t")
    >>> '"text": "T"' in argmap.dumps(m, "json")
    True
    """
    fmt = registry.get(format)
    if fmt.writer is None:
        raise ArgmapError(f"format {fmt.name!r} can be read but not written")
    if fmt.binary:
        raise ArgmapError(f"format {fmt.name!r} is binary; use argmap.dump(m, path) or argmap.render")
    out = fmt.writer(m)
    assert isinstance(out, str)
    return out


def dump(m: Any, path: str | Path, format: str | None = None) -> None:
    """Write a map to a file; the format comes from the name unless given."""
    fmt = registry.get(format) if format else registry.for_path(path, reading=False)
    if fmt.writer is None:
        raise ArgmapError(f"format {fmt.name!r} can be read but not written")
    write_atomic(path, fmt.writer(m))
