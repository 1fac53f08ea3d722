"""The lines of an Argdown source: front matter, comments and ``@include`` taken care of.

The parser works on :class:`Line` records. Comments (``//``, ``/* */``, ``<!-- -->``) are cut
out here; a line that held only a comment disappears, so it never splits a paragraph, while a
truly empty line stays (empty lines separate Argdown's paragraphs). ``@include(a.argdown, ...)``
splices other files in, read relative to the including file and only from inside the folder of
the file being loaded; each file is read once (Argdown skips repeats too, which also breaks
include cycles).

>>> fm, lines = read_lines("[A]: a // a comment\\n/* gone */\\n\\n[B]: b")
>>> [(ln.number, ln.text) for ln in lines]
[(1, '[A]: a'), (3, ''), (4, '[B]: b')]
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any, NamedTuple

from argmap import limits
from argmap.errors import ParseError
from argmap.formats.argdown.inline import load_yaml

__all__ = ["Line", "read_lines", "MAX_INCLUDE_DEPTH"]

#: Includes nested deeper than this are refused (a guard against runaway inclusion).
MAX_INCLUDE_DEPTH = 20

_COMMENT = re.compile(r"\\.|\]\([^)\n]{0,2000}\)|//|/\*|<!--")
_INCLUDE = re.compile(r"@include\((.*)\)\s*$")


class Line(NamedTuple):
    """One source line: where it is, its indentation (tabs count 4) and its text without indent."""

    path: str | None
    number: int
    indent: int
    text: str  # "" for an empty line

    def error(self, message: str, column: int | None = None) -> ParseError:
        """A :class:`ParseError` located at this line (column 1-based over the whole line)."""
        return ParseError(message, path=self.path, line=self.number,
                          column=column if column is not None else self.indent + 1)


def _split(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _frontmatter(raw: list[str], path: str | None) -> tuple[dict[str, Any], int]:
    """Parse ``===`` front matter at the start; return it and the index of the first body line."""
    start = 0
    while start < len(raw) and not raw[start].strip():
        start += 1
    if start >= len(raw) or raw[start].strip() != "===":
        return {}, 0
    for end in range(start + 1, len(raw)):
        if raw[end].strip() == "===":
            break
    else:
        raise ParseError("the front matter opened with `===` is never closed by another `===` line",
                         path=path, line=start + 1, column=1)
    body = "\n".join(raw[start + 1:end])
    value = load_yaml(body, what="the front matter", path=path, line=start + 2, column=1) if body.strip() else {}
    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise ParseError("the front matter must be YAML `key: value` pairs", path=path,
                         line=start + 2, column=1)
    if end + 1 >= len(raw) or raw[end + 1].strip():
        raise ParseError("put an empty line after the front matter's closing `===`",
                         path=path, line=end + 1, column=4)
    return value, end + 1


def _strip_comments(raw: list[str], first: int, path: str | None) -> list[tuple[int, str]]:
    """(line number, text) for each line that is not comment-only; empty lines stay ""."""
    out: list[tuple[int, str]] = []
    closing = ""  # the end marker of the block comment we are in, if any
    opened_at = opened_column = 0
    for index in range(first, len(raw)):
        line = raw[index]
        if not closing and "/" not in line and "<!--" not in line:
            out.append((index + 1, line.rstrip()))
            continue
        pieces: list[str] = []
        pos = 0
        had_comment = bool(closing)
        while True:
            if closing:
                end = line.find(closing, pos)
                if end < 0:
                    break
                pos = end + len(closing)
                closing = ""
                continue
            m = _COMMENT.search(line, pos)
            if m is None:
                pieces.append(line[pos:])
                break
            token = m.group()
            if token[0] in "\\]":  # an escape or a link target: not a comment
                pieces.append(line[pos:m.end()])
                pos = m.end()
                continue
            pieces.append(line[pos:m.start()])
            had_comment = True
            if token == "//":
                break
            closing = "*/" if token == "/*" else "-->"
            opened_at, opened_column = index + 1, m.start() + 1
            pos = m.end()
        kept = "".join(pieces).rstrip()
        if had_comment and not kept.strip():
            continue
        out.append((index + 1, kept))
    if closing:
        raise ParseError(f"a comment opened here is never closed with `{closing}`", path=path,
                         line=opened_at, column=opened_column)
    return out


def _measure(text: str) -> tuple[int, str]:
    body = text.lstrip(" \t")
    if not body:
        return 0, ""
    lead = text[: len(text) - len(body)]
    return (len(lead) if "\t" not in lead else len(lead.expandtabs(4))), body


def read_lines(
    text: str,
    path: str | None = None,
    *,
    root: Path | None = None,
    seen: set[Path] | None = None,
    depth: int = 0,
) -> tuple[dict[str, Any], list[Line]]:
    """Front matter (a dict) and the body lines of an Argdown text, includes spliced in."""
    raw = _split(text)
    if seen is None:
        seen = set()
        if path is not None:
            seen.add(Path(path).resolve())
    frontmatter, first = _frontmatter(raw, path) if depth == 0 else ({}, 0)
    lines: list[Line] = []
    for number, content in _strip_comments(raw, first, path):
        indent, body = _measure(content)
        if body.startswith("@include(") and indent == 0:
            m = _INCLUDE.match(body)
            if m is None:
                raise ParseError("`@include(` is never closed with `)`", path=path, line=number, column=1)
            at = Line(path, number, indent, body)
            lines.append(Line(path, number, 0, ""))
            for name in (part.strip() for part in m.group(1).split(",")):
                lines.extend(_include(name, at, root, seen, depth))
                lines.append(Line(path, number, 0, ""))
            continue
        lines.append(Line(path, number, indent, body))
    return frontmatter, lines


def _include(name: str, at: Line, root: Path | None, seen: set[Path], depth: int) -> list[Line]:
    if not name:
        raise at.error("`@include()` names no file")
    if at.path is None:
        raise at.error(f"cannot include {name!r}: the text has no file name to read it relative to; "
                       "load the file with argmap.load(path) instead")
    if depth >= MAX_INCLUDE_DEPTH:
        raise at.error(f"includes are nested more than {MAX_INCLUDE_DEPTH} deep")
    here = Path(at.path).resolve().parent
    top = root if root is not None else here
    target = (here / name).resolve()
    if Path(name).is_absolute() or not target.is_relative_to(top):
        raise at.error(f"cannot include {name!r}: only files inside {str(top)!r} may be included")
    if target in seen:
        return []
    seen.add(target)
    try:
        raw = _read_regular(target)
    except FileNotFoundError:
        raise at.error(f"the included file {name!r} does not exist (looked for {str(target)!r})") from None
    except OSError as exc:
        raise at.error(f"cannot read the included file {name!r}: {exc.strerror}") from None
    if raw is None:
        raise at.error(f"cannot include {name!r}: it is not a regular file")
    if len(raw) > limits.current().input_bytes:
        raise at.error(limits.message("input_bytes", f"the included file {name!r}", target.stat().st_size))
    try:
        included = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise at.error(f"the included file {name!r} is not UTF-8 text") from None
    return read_lines(included, str(target), root=top, seen=seen, depth=depth + 1)[1]


def _read_regular(target: Path) -> bytes | None:
    """The bytes of a regular file (at most the input limit and one more), or None for anything
    else: a FIFO or a device would block or never end."""
    # Non-blocking, so opening a FIFO returns at once; then only a regular file is read.
    fd = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        return fh.read(limits.current().input_bytes + 1)
