"""Files in and out: read a file's text as UTF-8 with a located error, write without half-writing.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "note.txt"
>>> write_atomic(path, "caf\u00e9")
>>> read_text(path)
'caf\u00e9'
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from argmap import limits
from argmap.errors import ParseError

__all__ = ["read_text", "write_atomic"]


def read_text(path: str | Path) -> str:
    """A file's text as UTF-8 (a BOM is dropped); a located ``ParseError`` if it is not, or if it
    is longer than ``Limits.input_bytes`` (read no further than that, from a pipe too)."""
    p = Path(path)
    most = limits.current().input_bytes
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
        raise ParseError(limits.message("input_bytes", "the file", size), path=str(path))
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
