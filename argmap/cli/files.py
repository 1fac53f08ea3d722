"""A command's files: its input read as a map (not an abstract framework), and its outputs checked
before any work is done.

Every command that writes calls :func:`check_outputs` first, so that an output that is one of
the inputs (``reveal m.json -o m.json``), two outputs on one file (``worksheet -o s.svg --key
s.svg``), a folder where a file is needed (or the reverse) and a missing folder are refused in
one line, before a minute of drawing and with nothing written.
"""

from __future__ import annotations

import errno
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import argmap
from argmap.cli.failures import UsageError, options
from argmap.formats.files import same_file

if TYPE_CHECKING:
    from argmap.analysis.framework import Framework
    from argmap.model import ArgumentMap

__all__ = ["read_map", "read_any", "framework_refused", "check_outputs", "refuse_inputs", "STDOUT"]

#: The output name that means standard output.
STDOUT = "-"


def read_any(path: str, source_format: str | None = None) -> ArgumentMap | Framework:
    """The map or framework in ``path`` (format from ``--from``, else from the name)."""
    with options(format="--from"):
        return argmap.load(path, format=source_format)


def read_map(path: str, source_format: str | None, command: str) -> ArgumentMap:
    """The map in ``path``; an abstract framework (``.apx``, ``.tgf``, ``.i23``) is refused with
    a line saying which command reads it."""
    subject = read_any(path, source_format)
    if not isinstance(subject, argmap.ArgumentMap):
        raise framework_refused(path, command)
    return subject


def framework_refused(path: str, command: str) -> UsageError:
    """The usage error for an abstract framework given to a command that needs a map."""
    return UsageError(f"{path} is an abstract framework (arguments and attacks, no claims): "
                      f"`argmap evaluate` reads it; `argmap {command}` needs a map", "FILE")


def check_outputs(inputs: Sequence[str | Path | None], outputs: Mapping[str, str | Path | None], *,
                  folders: Sequence[str] = ()) -> None:
    """Refuse outputs that cannot be right, before anything is read or drawn.

    ``outputs`` maps each option (``-o``, ``--key``, ...) to the path it names (None: not
    given; ``-``: standard output); the options in ``folders`` name a folder, the others a file.
    An output that is an input, or two outputs on one file, or a folder where a file is
    needed, is a :class:`UsageError`; a missing parent folder is the ``FileNotFoundError`` the
    write would raise (the environment, exit status 3).
    """
    refuse_inputs(inputs, outputs)
    given = _given(outputs)
    for option, path in given.items():
        named = _named(option, path)
        for other, earlier in given.items():
            if other == option:
                break
            if same_file(earlier, path):
                raise UsageError(f"{other} and {option} name the same file ({path}); each output needs "
                                 "its own name", option)
        if option in folders:
            if path.exists() and not path.is_dir():
                raise UsageError(f"{named} is a file; a folder is needed here", option)
        elif path.is_dir():
            raise UsageError(f"{named} is a folder; name a file", option)
        parent = path.parent
        if not parent.is_dir():
            if parent.exists():
                raise UsageError(f"{named}: {parent} is a file, not a folder", option)
            raise FileNotFoundError(errno.ENOENT, "the folder does not exist", str(path))


def refuse_inputs(inputs: Sequence[str | Path | None], outputs: Mapping[str, str | Path | None]) -> None:
    """A :class:`UsageError` for an output that is one of the inputs (the first check of
    :func:`check_outputs`, for a command that must say so before it looks at an output's name)."""
    for option, path in _given(outputs).items():
        for source in inputs:
            if source is not None and same_file(source, path):
                raise UsageError(f"{_named(option, path)} is the input file {source}; writing it would destroy "
                                 "the input: name another file", option)


def _given(outputs: Mapping[str, str | Path | None]) -> dict[str, Path]:
    return {option: Path(path) for option, path in outputs.items() if path is not None and str(path) != STDOUT}


def _named(option: str, path: Path) -> str:
    return f"{option} {path}" if option.startswith("-") else str(path)  # an option, or an argument
