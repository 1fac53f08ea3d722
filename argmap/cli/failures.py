"""How a command fails: one line per problem, and an exit status that says whose problem it is.

======  ==================================================================================
status  meaning
======  ==================================================================================
0       success
1       the input has errors (a file that cannot be read as a map; ``check`` found errors)
2       bad usage: an option's value, a file where a folder is needed, an output that is the
        input, a framework given to a command that needs a map
3       the environment failed: a full disk, a read-only or missing folder, no permission, a
        layout engine or an optional package missing or broken
======  ==================================================================================

Library errors say which argument was wrong (:attr:`argmap.errors.ArgmapError.param`);
:func:`options` turns them into usage errors that name the command's own option (``--from``,
not ``format=``). No traceback is shown unless ``argmap --debug`` asks for it.

>>> from argmap.errors import ArgmapError, ParseError
>>> status(ParseError("invalid JSON", path="m.json", line=1, column=2)), describe(ParseError("x", path="m.json"))
(1, ['m.json: x'])
>>> try:
...     with options(format="--from"):
...         raise ArgmapError("unknown format 'jsn'", param="format")
... except UsageError as exc:
...     status(exc), describe(exc)
(2, ["--from: unknown format 'jsn'"])
>>> describe(FileNotFoundError(2, "No such file or directory", "out/map.svg"))
["cannot write out/map.svg: the folder 'out' does not exist"]
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from argmap.errors import PARAM, ArgmapError, SetupError, ValidationError

__all__ = ["SUCCESS", "INPUT", "USAGE", "ENVIRONMENT", "MEANINGS", "UsageError", "options", "status", "describe"]

SUCCESS, INPUT, USAGE, ENVIRONMENT = 0, 1, 2, 3
#: What each exit status means, in the words ``--help``, the README and docs/errors.md use.
MEANINGS = {SUCCESS: "success", INPUT: "the input has errors", USAGE: "bad usage",
            ENVIRONMENT: "the environment failed"}


class UsageError(Exception):
    """The command was used wrongly; ``option`` names the option (or argument) at fault."""

    def __init__(self, message: str, option: str | None = None) -> None:
        self.option = option
        super().__init__(message)


@contextmanager
def options(**names: str) -> Iterator[None]:
    """Inside, a library error about argument ``param`` becomes a usage error naming its option.

    ``names`` maps the library's argument names to the command's options, e.g.
    ``options(format="--from")`` around ``argmap.load(path, format=...)``.
    """
    try:
        yield
    except ArgmapError as exc:
        if exc.param is None or exc.param not in names:
            raise
        option = names[exc.param]
        text = exc.naming(option)
        if exc.template is None or PARAM not in exc.template:
            text = f"{option}: {text}"
        raise UsageError(text, option) from exc


#: The errno values that mean the path given was wrong, not the machine: usage (2).
_USAGE_ERRNOS = {errno.EISDIR, errno.ENOTDIR, errno.ENAMETOOLONG, errno.EINVAL}
#: What each file-system failure means, in plain words.
_WHY = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EFBIG: "the file would be larger than this system allows",
    errno.EISDIR: "it is a folder; name a file",
    errno.ENAMETOOLONG: "the name is too long",
    errno.EIO: "an input/output error (a failing disk or a lost network drive?)",
}


def status(exc: BaseException) -> int:
    """The exit status an error means (see the module's table)."""
    if isinstance(exc, UsageError):
        return USAGE
    if isinstance(exc, ArgmapError):
        if exc.param is not None:
            return USAGE
        return ENVIRONMENT if isinstance(exc, SetupError) else INPUT
    if isinstance(exc, OSError):
        return USAGE if exc.errno in _USAGE_ERRNOS else ENVIRONMENT
    if isinstance(exc, MemoryError):
        return ENVIRONMENT
    return INPUT  # a bug in argmap: see describe()


def describe(exc: BaseException) -> list[str]:
    """The error as lines to print after ``argmap: error:``, one per problem."""
    if isinstance(exc, ValidationError):
        return list(exc.problems) or [str(exc)]
    if isinstance(exc, (UsageError, ArgmapError)):
        return [" ".join(str(exc).split("\n"))] if str(exc).count("\n") else [str(exc)]
    if isinstance(exc, OSError):
        return [_os_error(exc)]
    if isinstance(exc, MemoryError):
        return ["out of memory; close other programs or give argmap a smaller map"]
    return [f"internal error ({type(exc).__name__}: {exc}); this is a bug in argmap: please report it "
            "with the command and the file (run `argmap --debug ...` for the details)"]


def _os_error(exc: OSError) -> str:
    name = exc.filename if exc.filename is not None else ""
    if exc.errno == errno.ENOENT and name:
        parent = Path(str(name)).parent
        return f"cannot write {name}: the folder {str(parent)!r} does not exist"
    if exc.errno == errno.ENOTDIR and name:
        return f"cannot write {name}: a part of that path is a file, not a folder"
    if exc.errno == errno.EISDIR and name:
        return f"{name} is a folder; name a file"
    why = _WHY.get(exc.errno or -1) or exc.strerror or str(exc)
    return f"cannot write {name}: {why}" if name else f"{why}"
