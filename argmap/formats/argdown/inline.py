"""Argdown's inline syntax inside one element's text: escapes, tags and ``{yaml}`` data.

Markdown emphasis, links and mentions (``@[Title]``, ``@<Title>``) stay in the text as written,
so what argmap reads it writes back unchanged.

>>> split_inline("Cats purr. #pets #(house animals) {size: small}")
('Cats purr.', ['pets', 'house animals'], {'size': 'small'})
>>> split_inline("We're \\\\#1 on \\\\{this\\\\}")[0]
"We're #1 on {this}"
"""

from __future__ import annotations

import re
import textwrap
from typing import Any

from argmap import limits
from argmap.errors import ParseError
from argmap.formats import safe_yaml
from argmap.formats.safe_yaml import fresh

__all__ = ["split_inline", "unescape", "load_yaml", "TAG_WORD"]

_SPECIAL = re.compile(r"[\\#{}\x00\[<]")
#: An escape, a bracketed tag, a word tag (after a space or at the start), data, or a
#: mention, link or (misplaced) reference.
# Bounded repeats keep every search linear on hostile text ("<<<<...", "#(#(#(...").
_TOKEN = re.compile(
    r"\\(.)|#\(([^)\n]{0,200})\)|(?<![^\s])#([\w-]+)|\{"
    r"|(@?)(\[(?:[^\]\\\n]|\\.){1,500}\](?:\([^)\n]{0,2000}\))?|<(?:[^>\\\n]|\\.){1,500}>)",
    re.S,
)
_ESCAPE = re.compile(r"\\(.)", re.S)
#: What a word tag may contain (others are written ``#(...)``).
TAG_WORD = re.compile(r"[\w-]+")


def unescape(text: str) -> str:
    """Resolve backslash escapes: ``\\\\x`` becomes ``x``.

    >>> unescape(r"A \\] B")
    'A ] B'
    """
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


_CACHE: dict[tuple[str, int], Any] = {}
_CACHE_SIZE = 4096


def load_yaml(source: str, *, what: str, path: str | None, line: int, column: int) -> Any:
    """YAML through :mod:`argmap.formats.safe_yaml` (no aliases), errors located in the file.

    Documents repeat the same small data (``{isGroup: false}``), so results are cached by text.
    """
    key = (source, limits.current().nesting)
    cached = _CACHE.get(key, _CACHE)
    if cached is not _CACHE:
        return fresh(cached)
    value = safe_yaml.load(source, what=what, path=path, line=line, column=column, aliases=False)
    if len(_CACHE) < _CACHE_SIZE:
        _CACHE[key] = fresh(value)
    return value


def _closing_brace(raw: str, start: int) -> int:
    """Index of the ``}`` that closes the ``{`` at ``start``, or -1 (quotes respected)."""
    depth = 0
    quote = ""
    i = start
    n = len(raw)
    while i < n:
        ch = raw[i]
        if quote:
            if ch == "\\" and quote == '"':
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            # A quote opens a YAML string only where a scalar may start.
            if raw[i - 1] in "{[,: \t\n":
                quote = ch
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _position(raw: str, index: int, line: int, column: int) -> tuple[int, int]:
    before = raw[:index]
    newlines = before.count("\n")
    if newlines == 0:
        return line, column + index
    return line + newlines, index - before.rfind("\n")


def _join_lines(text: str) -> str:
    if "\n" not in text:
        return text.strip()
    return " ".join(part.strip() for part in text.split("\n")).strip()


def split_inline(
    raw: str, *, path: str | None = None, line: int = 1, column: int = 1, tag_only_text: bool = True,
) -> tuple[str, list[str], dict[str, Any]]:
    """Split an element's raw text into (text, tags, data).

    Continuation lines (joined by ``\\n`` in ``raw``) become one line. Tags stay in the text
    where they stand inside it; a run of tags that ends the text is taken off it (the tags are
    listed either way). ``{...}`` is YAML data and must come last; it is removed from the text.
    ``line``/``column`` say where ``raw`` starts, for error messages. A text that is nothing
    but tags keeps them as its text, unless ``tag_only_text`` is false (after a reference).
    """
    if not _SPECIAL.search(raw):
        return _join_lines(raw), [], {}
    raw = raw.replace("\x00", "\ufffd")
    out: list[str] = []
    tags: list[str] = []
    seen_tags: set[str] = set()
    data: dict[str, Any] = {}
    pos = 0
    data_seen = False
    n = len(raw)
    while pos < n:
        m = _TOKEN.search(raw, pos)
        if m is None:
            chunk = raw[pos:]
            if data_seen and chunk.strip():
                _after_data(raw, pos, path, line, column)
            out.append(chunk)
            break
        chunk = raw[pos:m.start()]
        if data_seen and chunk.strip():
            _after_data(raw, pos, path, line, column)
        out.append(chunk)
        if m.group(1) is not None:  # escape
            if data_seen:
                _after_data(raw, m.start(), path, line, column)
            out.append(m.group(1))
            pos = m.end()
        elif m.group(5) is not None:  # mention, link or reference
            ref = m.group(5)
            if not m.group(4) and not ref.endswith(")") and not _shortcode(raw, m.start(), m.end()):
                at_line, at_col = _position(raw, m.start(), line, column)
                raise ParseError(f"{ref} inside a text: a reference must start its line; to mention "
                                 f"it inside a text write @{ref}, or escape the bracket with a backslash",
                                 path=path, line=at_line, column=at_col)
            out.append(m.group(0))
            pos = m.end()
        elif m.group(2) is not None or m.group(3) is not None:  # tag
            tag = (m.group(2) if m.group(2) is not None else m.group(3)).strip()
            if tag and tag not in seen_tags:
                seen_tags.add(tag)
                tags.append(tag)
            out.append("\x00" + m.group(0) + "\x00")
            pos = m.end()
        else:  # data
            end = _closing_brace(raw, m.start())
            at_line, at_col = _position(raw, m.start(), line, column)
            if end < 0:
                raise ParseError("`{` opens data that is never closed with `}`", path=path,
                                 line=at_line, column=at_col)
            source = raw[m.start():end + 1]
            first_line_end = source.find("\n")
            if first_line_end > 0 and not source[1:first_line_end].strip():
                # block data: "{" ends its line; the YAML between the braces is block style
                source = textwrap.dedent(source[first_line_end + 1:-1])
                at_line, at_col = at_line + 1, 1
            value = load_yaml(source, what="the data `{...}`", path=path, line=at_line, column=at_col)
            if value is None:
                value = {}
            if not isinstance(value, dict):
                raise ParseError("data `{...}` must be a mapping", path=path, line=at_line, column=at_col)
            data.update(value)
            data_seen = True
            pos = end + 1
    text = "".join(out)
    stripped = _strip_trailing_tags(text)
    if stripped.strip() or not tag_only_text:  # a text of tags alone keeps them
        text = stripped
    return _join_lines(text.replace("\x00", "")), tags, data


def _strip_trailing_tags(text: str) -> str:
    """The text without the run of tags (each wrapped in NUL marks) that ends it; linear."""
    cut = len(text.rstrip())
    while cut > 1 and text[cut - 1] == "\x00":
        start = text.rfind("\x00", 0, cut - 1)
        if start < 0:  # pragma: no cover - marks always come in pairs
            break
        cut = start
        while cut > 0 and text[cut - 1].isspace():
            cut -= 1
    return text[:cut]


def _shortcode(raw: str, start: int, end: int) -> bool:
    """True for a logic shortcode such as ``.<->.`` standing alone between spaces."""
    return (start > 0 and raw[start - 1] == "." and raw[end:end + 1] == "."
            and (start == 1 or raw[start - 2].isspace())
            and (end + 1 == len(raw) or raw[end + 1].isspace()))


def _after_data(raw: str, pos: int, path: str | None, line: int, column: int) -> None:
    at = pos + len(raw[pos:]) - len(raw[pos:].lstrip())
    at_line, at_col = _position(raw, at, line, column)
    raise ParseError("text after the data `{...}`: data must come last in a statement, argument "
                     "or heading", path=path, line=at_line, column=at_col)
