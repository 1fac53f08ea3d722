"""The public entry points for formats: pick a format, read or write, never half-write a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from argmap.errors import ArgmapError, ParseError
from argmap.formats import registry

__all__ = ["load", "loads", "dump", "dumps", "read_text", "write_atomic"]


def read_text(path: str | Path) -> str:
    """A file's text as UTF-8 (a BOM is dropped); a located ``ParseError`` if it is not."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise ParseError("no such file", path=str(path)) from None
    except IsADirectoryError:
        raise ParseError("is a directory, not a file", path=str(path)) from None
    except OSError as exc:
        raise ParseError(f"cannot read: {exc.strerror}", path=str(path)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise ParseError(
            f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
            path=str(path), line=line, column=column,
        ) from None
    return text.removeprefix("\ufeff")


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write through a temporary file and rename, so a failure leaves no partial file."""
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
