"""The public entry points for formats: pick a format, read or write, never half-write a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from argmap import limits as _limits
from argmap.errors import ArgmapError, ParseError
from argmap.formats import registry
from argmap.model import ArgumentMap

__all__ = ["load", "loads", "dump", "dumps", "read_text", "write_atomic"]


def read_text(path: str | Path) -> str:
    """A file's text as UTF-8 (a BOM is dropped); a located ``ParseError`` if it is not."""
    p = Path(path)
    most = _limits.current().input_bytes
    try:
        with p.open("rb") as fh:
            raw = fh.read(most + 1)  # never more than the limit, even from a pipe
    except FileNotFoundError:
        raise ParseError("no such file", path=str(path)) from None
    except IsADirectoryError:
        raise ParseError("is a directory, not a file", path=str(path)) from None
    except OSError as exc:
        raise ParseError(f"cannot read: {exc.strerror}", path=str(path)) from None
    if len(raw) > most:
        size = p.stat().st_size if p.is_file() else len(raw)
        raise ParseError(_limits.message("input_bytes", "the file", size), path=str(path))
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


def _read(fmt: registry.Format, text: str, path: str | None) -> Any:
    if fmt.reader is None:
        raise ArgmapError(f"format {fmt.name!r} can be written but not read")
    if len(text) > _limits.current().input_bytes:
        raise ParseError(_limits.message("input_bytes", "the text", len(text), unit="characters"), path=path)
    return fmt.reader(text, path)


def loads(text: str, format: str, *, path: str | None = None, limits: _limits.Limits | None = None) -> Any:
    """Read a map (or, for ``apx``/``tgf``/``iccma23``, a framework) from text.

    ``limits`` replaces the limits in force while reading (see :mod:`argmap.limits`):

    >>> import argmap
    >>> from argmap.limits import Limits
    >>> argmap.loads("[A]: a", "argdown", limits=Limits(input_bytes=3))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    argmap.errors.ParseError: the text is 6 characters long, past the limit of 3 (raise it with ...)
    >>> m = argmap.loads('{"format": "argmap", "version": 1, "claims": [{"id": "t", "text": "T"}]}', "json")
    >>> m["t"].text
    'T'
    """
    fmt = registry.get(format)
    with _limits.using(limits):
        return _read(fmt, text, path)


def load(path: str | Path, format: str | None = None, *, limits: _limits.Limits | None = None) -> Any:
    """Read a file; the format comes from its name (and content, for ``.json``/``.txt``).

    ``limits`` replaces the limits in force while reading, for a file bigger or deeper than
    the defaults allow (``argmap.load(path, limits=Limits(input_bytes=2**30))``); see
    :mod:`argmap.limits`.
    """
    with _limits.using(limits):
        text = read_text(path)
        fmt = registry.get(format) if format else registry.for_path(path, reading=True, text=text)
        return _read(fmt, text, str(path))


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
    out = _write(fmt, m)
    assert isinstance(out, str)
    return out


def _write(fmt: registry.Format, m: Any) -> str | bytes:
    """The writer's output, refused when UTF-8 cannot encode it (a lone surrogate put in through
    the API: every reader refuses them)."""
    assert fmt.writer is not None
    if not isinstance(m, ArgumentMap) and not fmt.extras.get("frameworks"):
        raise ArgmapError(f"the {fmt.name} format writes argument maps, not a {type(m).__name__}"
                          + ("; Framework.to_map() draws one as a map" if hasattr(m, "to_map") else ""))
    try:
        out = fmt.writer(m)
        if isinstance(out, str):
            out.encode("utf-8")
    except UnicodeEncodeError as exc:
        text = exc.object if isinstance(exc.object, str) else ""
        near = text[max(0, exc.start - 20):exc.start + 20]
        raise ArgmapError(f"cannot write {fmt.name}: the map holds a lone surrogate (half of a character) "
                          f"in {near!r}; no file can hold one, so replace it") from None
    return out


def dump(m: Any, path: str | Path, format: str | None = None) -> None:
    """Write a map to a file; the format comes from the name unless given."""
    fmt = registry.get(format) if format else registry.for_path(path, reading=False)
    if fmt.writer is None:
        raise ArgmapError(f"format {fmt.name!r} can be read but not written")
    write_atomic(path, _write(fmt, m))
