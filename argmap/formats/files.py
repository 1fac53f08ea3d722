"""Files in and out: read a file's text as UTF-8 with a located error, write without half-writing.

Every file argmap writes goes through :func:`write_files` (or :func:`write_atomic` for one file,
:func:`write_folder` for a folder of them): each is written in full to a temporary file beside
its target, flushed to disk, and only then renamed over it, so a full disk, a crash or a failing
second file never leaves a half-written or half-updated set behind. A failure to write is an
``OSError`` naming the file asked for (never the temporary one).

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "note.txt"
>>> write_atomic(path, "caf\u00e9")
>>> read_text(path)
'caf\u00e9'
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import stat
from collections.abc import Mapping
from pathlib import Path

from argmap import limits
from argmap.errors import ArgmapError, ParseError

__all__ = ["read_text", "write_atomic", "write_files", "write_folder", "same_file"]


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


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two paths name one file: the same file on disk, or, for files not there yet,
    the same absolute path once links and ``..`` are resolved.

    >>> same_file("maps/../m.json", "m.json"), same_file("a.svg", "b.svg")
    (True, False)
    """
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()


def _temporary(target: Path) -> tuple[int, Path]:
    """A new, empty file beside ``target``, open for writing.

    Created with mode 0o666 so the kernel applies the umask, exactly as a plain ``open()``
    would (a temporary file from :mod:`tempfile` is private, 0o600).
    """
    folder = target.parent
    for _ in range(100):
        tmp = folder / f".{target.name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "cannot make a temporary file", str(target))


def _as_target_error(exc: OSError, target: Path) -> OSError:
    """The same error, naming the file the caller asked for rather than its temporary file."""
    if exc.errno is None:
        return exc
    return type(exc)(exc.errno, exc.strerror, str(target))


def _stage(target: Path, payload: bytes) -> Path:
    """``payload`` written in full, and flushed to disk, to a temporary file beside ``target``."""
    try:
        fd, tmp = _temporary(target)
    except OSError as exc:
        raise _as_target_error(exc, target) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())  # on disk before the rename: a crash leaves the old file, not an empty one
        # A file written over keeps its owner and permissions, but never set-user-id,
        # set-group-id or sticky bits: rewritten contents must not inherit a privilege.
        with contextlib.suppress(FileNotFoundError):
            old = target.stat()
            with contextlib.suppress(OSError):  # only root may give a file away
                os.chown(tmp, old.st_uid, old.st_gid)
            os.chmod(tmp, old.st_mode & 0o777)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _as_target_error(exc, target) from None
        raise
    return tmp


def _refuse_folder(target: Path) -> None:
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder; name a file", str(target))


def _stream(target: Path) -> bool:
    """Whether ``target`` is a character device or a pipe (``/dev/stdout``, ``/dev/null``, a FIFO):
    written into as it is, never replaced (a rename would put a plain file where ``/dev/null``
    was). A disk (a block device) or a socket is refused."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return True
    if stat.S_ISBLK(mode) or stat.S_ISSOCK(mode):
        raise OSError(errno.EINVAL, "it is a device or a socket, not a file", str(target))
    return False


def _write_stream(target: Path, payload: bytes) -> None:
    try:
        with target.open("wb") as fh:
            fh.write(payload)
    except OSError as exc:
        raise _as_target_error(exc, target) from None


#: Files to write: each path (text or a ``Path``) with its text or bytes.
Files = Mapping[str, str | bytes] | Mapping[Path, str | bytes]


def write_files(files: Files) -> list[Path]:
    """Write several files whole or not at all; return their paths, in order.

    Every file is first written in full to a temporary file beside it; only when all are
    written are they renamed into place, so a failure (a full disk, a read-only folder, a
    second file that cannot be written) leaves every target as it was. Text is written as UTF-8.
    Two names for one file are refused (the second would silently replace the first), and so is
    a target that is a folder. A character device or a pipe (``/dev/stdout``) is written into,
    last, never replaced by a file.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> [p.name for p in write_files({folder / "sheet.md": "# Sheet", folder / "sheet-key.md": "# Key"})]
    ['sheet.md', 'sheet-key.md']
    >>> write_files({folder / "a.md": "1", folder / "sub" / ".." / "a.md": "2"})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    argmap.errors.ArgmapError: two outputs are one file: ... and ...; give each its own name
    """
    targets = [Path(p) for p in files]
    for k, target in enumerate(targets):
        for earlier in targets[:k]:
            if same_file(earlier, target):
                raise ArgmapError(f"two outputs are one file: {earlier} and {target}; give each its own name",
                                  param="path")
        _refuse_folder(target)
    payloads = [data.encode("utf-8") if isinstance(data, str) else data for data in files.values()]
    streams = [(target, payload) for target, payload in zip(targets, payloads, strict=True) if _stream(target)]
    staged: list[tuple[Path, Path]] = []
    try:
        for target, payload in zip(targets, payloads, strict=True):
            if not any(target is s for s, _ in streams):
                staged.append((_stage(target, payload), target))
        while staged:
            tmp, target = staged[0]
            try:
                os.replace(tmp, target)
            except OSError as exc:
                raise _as_target_error(exc, target) from None
            staged.pop(0)
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
    for target, payload in streams:
        _write_stream(target, payload)
    return targets


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write one file through a temporary file beside it and a rename, so a failure leaves no
    partial file (and the old one, if any, as it was). Text is written as UTF-8.

    A new file gets the permissions a plain ``open()`` would give it; a file written over keeps
    its owner (where allowed) and its permissions, less any set-user-id, set-group-id or sticky bit.
    """
    write_files({Path(path): data})


#: The names a folder output may hold from an earlier run: what :func:`write_folder` replaces.
_ANY_NAME = re.compile(r".+")


def write_folder(folder: str | Path, files: Mapping[str, str | bytes], *,
                 replaces: re.Pattern[str] = _ANY_NAME) -> Path:
    """Write a folder of files whole or not at all; return the folder.

    A new folder is built under a temporary name beside it and renamed into place, so it
    appears complete or not at all. Into a folder that is already there, the files are written
    as :func:`write_files` writes them, then files left from an earlier run that match
    ``replaces`` (by name) and are not among the new ones are removed: frames 11 and 12 of a
    twelve-frame run do not linger beside a ten-frame one. Nothing else in the folder is touched.

    >>> import tempfile, pathlib, re
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "frames"
    >>> _ = write_folder(out, {"01.svg": "<svg/>", "02.svg": "<svg/>"})
    >>> _ = write_folder(out, {"01.svg": "<svg/>"}, replaces=re.compile(r"\\d+\\.svg"))
    >>> sorted(p.name for p in out.iterdir())
    ['01.svg']
    """
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "is a file; a folder is needed here", str(target))
    for name in files:
        if Path(name).name != name or name in (".", ".."):
            raise ArgmapError(f"{name!r} is not a plain file name", param="files")
    if target.is_dir():
        write_files({target / name: data for name, data in files.items()})
        for old in target.iterdir():
            if old.name not in files and replaces.fullmatch(old.name) and old.is_file():
                old.unlink()
        return target
    try:
        building = target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"
        building.mkdir()
    except OSError as exc:
        raise _as_target_error(exc, target) from None
    try:
        write_files({building / name: data for name, data in files.items()})
        os.rename(building, target)
    except BaseException as exc:
        shutil.rmtree(building, ignore_errors=True)
        if isinstance(exc, OSError):
            raise _as_target_error(exc, target) from None
        raise
    return target

