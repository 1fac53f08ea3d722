"""Located errors for JSON and YAML readers: parse with line and column, point at a value.

JSON-shaped formats (argmap JSON, AIF, SADFace) and YAML find problems deep inside a document
("/nodes/3/type"). :func:`locate` turns such a path into a line and column of JSON text (through
json-source-map, as argmap JSON does); :func:`position` does the same in a PyYAML node tree.
Both run only when there is an error to report, so reading valid files pays nothing for them.

>>> text = '{"nodes": [\\n  {"nodeID": 1},\\n  {"type": "I"}\\n]}'
>>> locate(text, ["nodes", 1])
(3, 3)
>>> str(error_at("a node needs a nodeID", text, ["nodes", 1], path="a.json"))
'a.json:3:3: a node needs a nodeID'
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Sequence
from typing import Any

from argmap import limits
from argmap.errors import ParseError

__all__ = ["parse_json", "locate", "position", "error_at", "describe", "id_lines", "find_position",
           "refused_xml", "check_json_values", "has_surrogate_escape", "refuse_blank"]

PathItem = str | int

#: A ``\uD800``-``\uDFFF`` escape somewhere in JSON text: the only way JSON can hold a lone surrogate.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_CONSTANT = re.compile(r"-?Infinity|NaN|-?\d+(?:\.\d+)?[eE][+-]?\d{3,}")


class _NotANumber(ValueError):
    """``NaN``/``Infinity`` (or a float too big for a double): valid Python, not valid JSON."""


def _refuse_constant(name: str) -> Any:
    raise _NotANumber(name)


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _NotANumber(text)
    return value


def parse_json(text: str, path: str | None, what: str = "JSON", *, check: bool = True) -> Any:
    """``json.loads`` with a located ``ParseError`` instead of ``JSONDecodeError``.

    JSON's rules are kept strictly: ``NaN``, ``Infinity`` and numbers too big for a float are
    refused (Python reads them; other tools do not). With ``check``, so are nesting past the
    limit and lone surrogates (:func:`check_json_values`), anywhere in the document.

    >>> parse_json('{"a": }', "x.json")
    Traceback (most recent call last):
    argmap.errors.ParseError: x.json:1:7: invalid JSON: Expecting value (is the file complete?)
    >>> parse_json('{"a": [1, NaN]}', "x.json")
    Traceback (most recent call last):
    argmap.errors.ParseError: x.json:1:11: invalid JSON: NaN is not a JSON number
    """
    try:
        doc = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite)
    except json.JSONDecodeError as exc:
        hint = " (is the file complete?)" if exc.pos >= len(text.rstrip()) or "Expecting value" in exc.msg else ""
        if not text.strip():
            raise ParseError(f"the file is empty; expected {what}", path=path, line=1, column=1) from None
        raise ParseError(f"invalid JSON: {exc.msg}{hint}", path=path, line=exc.lineno, column=exc.colno) from None
    except _NotANumber as exc:
        found = _CONSTANT.search(text)
        line, column = _line_column(text, found.start()) if found else (None, None)
        raise ParseError(f"invalid JSON: {exc.args[0]} is not a JSON number", path=path,
                         line=line, column=column) from None
    except RecursionError:
        raise ParseError(limits.message("nesting", f"the {what}", "about 1,000"), path=path) from None
    except ValueError as exc:  # an integer of thousands of digits
        raise ParseError(f"invalid JSON: {exc}", path=path) from None
    if check:
        check_json_values(doc, text, path)
    return doc


def refuse_blank(text: str, path: str | None, expected: str) -> None:
    """Every reader refuses an empty (or all-blank) file the same way, at line 1, column 1.

    >>> refuse_blank("  \\n", "a.apx", "an apx framework")
    Traceback (most recent call last):
    argmap.errors.ParseError: a.apx:1:1: the file is empty; expected an apx framework
    """
    if not text.strip():
        raise ParseError(f"the file is empty; expected {expected}", path=path, line=1, column=1)


def _line_column(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _walk(value: Any, pointer: list[PathItem]) -> Iterator[tuple[Any, list[PathItem], int]]:
    """Every value under ``value`` with its pointer and depth, depth first, without recursion."""
    stack: list[tuple[Any, list[PathItem], int]] = [(value, pointer, 0)]
    while stack:
        item, where, depth = stack.pop()
        yield item, where, depth
        if isinstance(item, dict):
            for key, child in reversed(item.items()):
                yield key, where, depth + 1  # keys are checked too, at their mapping's pointer
                stack.append((child, [*where, key], depth + 1))
        elif isinstance(item, list):
            stack.extend((child, [*where, k], depth + 1) for k, child in reversed(list(enumerate(item))))


def has_surrogate_escape(text: str) -> bool:
    """Whether JSON text holds a ``\\uD800``-``\\uDFFF`` escape (the only way to a lone surrogate)."""
    return _SURROGATE_ESCAPE.search(text) is not None


def check_json_values(doc: Any, text: str, path: str | None, *, at: Sequence[PathItem] = (),
                      base: int = 0, surrogates: bool | None = None) -> None:
    """Refuse what parsed JSON may hold but no writer can carry: lone surrogates, deep nesting.

    ``doc`` is the value found at pointer ``at``, ``base`` levels below the document's root;
    ``surrogates`` is :func:`has_surrogate_escape` of the text, when already known. A
    ``"\\ud800"`` escape is valid JSON but no character: UTF-8 cannot encode it, so every file
    written from it would fail.

    >>> text = r'{"a": ["\\ud800"]}'
    >>> check_json_values(json.loads(text), text, "x.json")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    argmap.errors.ParseError: x.json:1:8: the text '\\ud800' holds a lone surrogate (...); write the character itself
    """
    if surrogates is None:
        surrogates = has_surrogate_escape(text)
    most = limits.current().nesting
    if not surrogates and limits.nesting_depth(doc, stop=most) + base <= most:
        return
    for value, where, depth in _walk(doc, list(at)):
        if depth + base > most:
            raise error_at(limits.message("nesting", "the document", depth + base), text, where, path)
        if surrogates and isinstance(value, str) and _LONE_SURROGATE.search(value):
            shown = value if len(value) < 40 else value[:37] + "..."
            raise error_at(f"the text {shown!r} holds a lone surrogate (half of a character, written as an "
                           "escape such as \\ud800); write the character itself", text, where, path)


def locate(text: str, pointer: Sequence[PathItem]) -> tuple[int, int] | None:
    """The 1-based (line, column) where the value at ``pointer`` starts in JSON text, or None.

    A pointer that runs past the document stops at the deepest value found on the way.
    """
    from argmap.formats.argmap_json import json_locator

    return json_locator(text)(pointer)


def position(node: Any, pointer: Sequence[PathItem]) -> tuple[int, int] | None:
    """Where the value at ``pointer`` starts inside a composed PyYAML node tree (1-based)."""
    import yaml

    if node is None:
        return None
    for step in pointer:
        child = None
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if getattr(key, "value", None) == str(step):
                    child = value
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            child = node.value[step]
        if child is None:
            break
        node = child
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


def error_at(message: str, text: str, pointer: Sequence[PathItem], path: str | None) -> ParseError:
    """A ``ParseError`` for the value at ``pointer``, with its line and column when they can be found."""
    where = locate(text, pointer)
    if where is None:
        return ParseError(f"at {describe(pointer)}: {message}", path=path)
    return ParseError(message, path=path, line=where[0], column=where[1])


def describe(pointer: Sequence[PathItem]) -> str:
    """A JSON pointer for messages: ``/nodes/3``, or ``the document`` for the root.

    >>> describe(["nodes", 3]), describe([])
    ('/nodes/3', 'the document')
    """
    return "/" + "/".join(str(p) for p in pointer) if pointer else "the document"


def id_lines(text: str, key: str) -> dict[str, int]:
    """The line where each ``"key": value`` first occurs in JSON text: where a node was written.

    A fast scan (no second parse), so readers can record ``line`` for every node they create.

    >>> id_lines('{"nodes": [\\n {"nodeID": "7"},\\n {"nodeID": 8}]}', "nodeID")
    {'7': 2, '8': 3}
    """
    import re

    found: dict[str, int] = {}
    line, last = 1, 0
    pattern = re.compile(r'"' + re.escape(key) + r'"\s*:\s*(?:"((?:[^"\\]|\\.)*)"|(-?\d+))')
    for match in pattern.finditer(text):
        line += text.count("\n", last, match.start())
        last = match.start()
        value = match.group(1) if match.group(1) is not None else match.group(2)
        if match.group(1) is not None and "\\" in value:
            try:
                value = json.loads(f'"{value}"')
            except json.JSONDecodeError:
                continue
        found.setdefault(value, line)
    return found


def find_position(text: str, pattern: str) -> tuple[int, int] | None:
    """The 1-based (line, column) of the first match of a regular expression, or None.

    For errors found after parsing (a GraphML node without a kind, say): the text is searched
    only then, so valid files pay nothing.

    >>> find_position('<graph>\\n  <node id="a"/>', r'<node\\b[^>]*\\bid="a"')
    (2, 3)
    """
    import re

    match = re.search(pattern, text)
    if match is None:
        return None
    line = text.count("\n", 0, match.start()) + 1
    return line, match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1


def refused_xml(text: str, reason: str, path: str | None) -> ParseError:
    """The error for XML that defusedxml refuses (entities, external references), located at
    the declaration that asked for them.

    >>> str(refused_xml('<?xml version="1.0"?>\\n<!DOCTYPE x [<!ENTITY a "b">]>', "EntitiesForbidden", "x.xml"))
    'x.xml:2:1: refused unsafe XML (EntitiesForbidden): entities and external references are not allowed'
    """
    where = find_position(text, r"<!ENTITY|<!DOCTYPE") or (None, None)
    return ParseError(f"refused unsafe XML ({reason}): entities and external references are not allowed",
                      path=path, line=where[0], column=where[1])
