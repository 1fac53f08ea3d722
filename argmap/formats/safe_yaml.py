"""YAML for maps, safely: PyYAML's safe loader, bounded, giving JSON's types and located errors.

argmap YAML files and Argdown's front matter and ``{data}`` are YAML written by people we do not
know. PyYAML's safe loader already refuses Python objects; this module adds what it leaves open:

- **Aliases** may add at most ``Limits.yaml_nodes`` values to a document (a 500-byte file of
  nested aliases otherwise expands past 860 MB) and may not contain themselves; readers that have
  no use for aliases (Argdown) refuse them outright. Shared values are copied apart, so editing
  one claim's data never edits another's.
- **Nesting** deeper than ``Limits.nesting`` is refused before anything walks it.
- **Types** are JSON's, so every writer can carry them: a date stays the text it was written as,
  mapping keys are text, and ``!!binary``, ``!!set``, ``!!omap``, ``!!pairs``, ``!!timestamp``,
  ``.nan`` and ``.inf`` are refused with their line and column.

>>> load("a: 2022-09-25\\nb: [1, 1.5, yes, ~]\\n3: x")
{'a': '2022-09-25', 'b': [1, 1.5, True, None], '3': 'x'}
>>> load("a: !!set {x, y}", path="m.yaml")
Traceback (most recent call last):
argmap.errors.ParseError: m.yaml:1:4: YAML's !!set has no place in a map; write a list instead
"""

from __future__ import annotations

import math
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from argmap import limits
from argmap.errors import ParseError

__all__ = ["Loader", "compose", "construct", "load", "mark_error"]

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when built with it
_STR = "tag:yaml.org,2002:str"
_REFUSED = {
    "tag:yaml.org,2002:binary": "YAML's !!binary has no place in a map; write text instead",
    "tag:yaml.org,2002:set": "YAML's !!set has no place in a map; write a list instead",
    "tag:yaml.org,2002:omap": "YAML's !!omap has no place in a map; write a mapping instead",
    "tag:yaml.org,2002:pairs": "YAML's !!pairs has no place in a map; write a mapping instead",
    "tag:yaml.org,2002:timestamp": "YAML's !!timestamp has no place in a map; write the date as text",
}


class _Refused(yaml.constructor.ConstructorError):  # type: ignore[misc]
    """A value argmap refuses (its own message, no "invalid YAML")."""


class Loader(_Base):  # type: ignore[misc]
    """The safe loader with JSON's types: dates stay text, keys are text, odd tags refused."""

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, MappingNode):
            self.flatten_mapping(node)
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _Refused(
                    None, None, "a mapping key must be plain text, not a list or mapping", key_node.start_mark)
            mapping[key_node.value] = self.construct_object(value_node, deep=deep)
        return mapping

    def construct_yaml_float(self, node: Any) -> float:
        value: float = super().construct_yaml_float(node)
        if not math.isfinite(value):
            raise _Refused(
                None, None, f"{node.value!r} is not a number JSON can hold; write a number or quote it",
                node.start_mark)
        return value

    def construct_yaml_int(self, node: Any) -> int:
        try:
            value: int = super().construct_yaml_int(node)
        except ValueError as exc:  # thousands of digits
            raise _Refused(None, None, str(exc), node.start_mark) from None
        return value

    def construct_refused(self, node: Any) -> Any:
        raise _Refused(None, None, _REFUSED[node.tag], node.start_mark)


# Dates are text: drop the implicit timestamp resolver (an explicit !!timestamp is refused).
Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}
Loader.add_constructor("tag:yaml.org,2002:float", Loader.construct_yaml_float)
Loader.add_constructor("tag:yaml.org,2002:int", Loader.construct_yaml_int)
Loader.add_constructor("tag:yaml.org,2002:map", lambda self, node: _map(self, node))
for _tag in _REFUSED:
    Loader.add_constructor(_tag, Loader.construct_refused)


def _map(loader: Loader, node: Any) -> Any:
    # A generator, as PyYAML's own: the constructor then builds nested values from a work list
    # instead of recursing once per level.
    data: dict[Any, Any] = {}
    yield data
    data.update(loader.construct_mapping(node))


def mark_error(message: str, mark: Any, path: str | None, line: int = 1, column: int = 1) -> ParseError:
    """A ``ParseError`` at a PyYAML mark, for YAML that starts at ``line``:``column`` of its file."""
    if mark is None:
        return ParseError(message, path=path, line=line, column=column)
    at_column = column + mark.column if mark.line == 0 else mark.column + 1
    return ParseError(message, path=path, line=line + mark.line, column=at_column)


def _yaml_error(exc: yaml.YAMLError, what: str, path: str | None, line: int, column: int) -> ParseError:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or ""
        if isinstance(exc, _Refused):
            return mark_error(problem, mark, path, line, column)
        detail = " ".join(p for p in (exc.context, problem) if p) or "invalid YAML"
        return mark_error(f"invalid YAML in {what}: {detail}", mark, path, line, column)
    return ParseError(f"invalid YAML in {what}: {exc}", path=path, line=line, column=column)


def compose(text: str, *, what: str = "the file", path: str | None = None, line: int = 1, column: int = 1,
            aliases: bool = True) -> tuple[Loader, Node | None]:
    """Parse YAML text into PyYAML's node tree and check it (see :func:`check`).

    Returns the loader (for :func:`construct`) and the root node (None for an empty document).
    """
    loader = Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        loader.dispose()
        raise _yaml_error(exc, what, path, line, column) from None
    except RecursionError:  # the pure-Python parser (no libyaml) recurses per level
        loader.dispose()
        raise ParseError(limits.message("nesting", what, "about 1,000"), path=path, line=line,
                         column=column) from None
    if node is not None:
        try:
            loader.shared = check(node, what=what, path=path, line=line, column=column, aliases=aliases,
                                  may_share="&" in text)
        except BaseException:
            loader.dispose()
            raise
    return loader, node


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


def check(node: Node, *, what: str, path: str | None, line: int = 1, column: int = 1, aliases: bool = True,
          may_share: bool = True) -> bool:
    """Refuse nesting past the limit, aliases that contain themselves or expand past the limit
    (or any alias, unless ``aliases``); return whether any value is shared (an alias was used).

    ``may_share`` false (no ``&`` in the text, so no anchor) skips the alias bookkeeping.
    """
    bounds = limits.current()
    if not may_share:
        stack: list[tuple[Node, int]] = [(node, 1)]
        while stack:
            item, depth = stack.pop()
            if depth > bounds.nesting:
                raise mark_error(limits.message("nesting", what, depth), item.start_mark, path, line, column)
            if not isinstance(item, ScalarNode):
                stack.extend((child, depth + 1) for child in _children(item) if not isinstance(child, ScalarNode))
        return False
    size: dict[int, int] = {}
    ancestors: set[int] = set()
    shared = False
    work: list[tuple[Node, int, bool]] = [(node, 1, False)]
    while work:
        item, depth, finished = work.pop()
        key = id(item)
        if finished:
            ancestors.discard(key)
            size[key] = 1 + sum(size[id(child)] for child in _children(item))
            # Sizes count every use of an alias; only the extra ones (past the values written
            # once each) are bounded, so a big file without tricks is never refused.
            if size[key] - len(size) > bounds.yaml_nodes:
                raise mark_error(limits.message("yaml_nodes", what, None),
                                 item.start_mark, path, line, column)
            continue
        if key in size:
            shared = True
            if not aliases:
                raise mark_error(f"{what} uses YAML aliases (*name); write the values out instead",
                                 item.start_mark, path, line, column)
            continue
        if key in ancestors:
            raise mark_error(f"{what} holds a value that contains itself (an alias *name inside the "
                             "value it names)", item.start_mark, path, line, column)
        if depth > bounds.nesting:
            raise mark_error(limits.message("nesting", what, depth), item.start_mark, path, line, column)
        ancestors.add(key)
        work.append((item, depth, True))
        work.extend((child, depth + 1, False) for child in reversed(_children(item)))
    return shared


def construct(loader: Loader, node: Node | None, *, what: str = "the file", path: str | None = None,
              line: int = 1, column: int = 1) -> Any:
    """Build Python values from a checked node tree; shared values (aliases) are copied apart."""
    if node is None:
        return None
    try:
        value = loader.construct_document(node)
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, what, path, line, column) from None
    finally:
        loader.dispose()
    return unshare(value) if getattr(loader, "shared", True) else value


def unshare(value: Any) -> Any:
    """``value`` with every list and dict that occurs twice copied, so none is shared (no recursion).

    >>> shared = [1]
    >>> doc = unshare({"a": shared, "b": shared})
    >>> doc["a"] is doc["b"], doc == {"a": [1], "b": [1]}
    (False, True)
    """
    seen: set[int] = set()
    copies = False
    stack = [value]
    while stack and not copies:
        item = stack.pop()
        if isinstance(item, dict | list):
            if id(item) in seen:
                copies = True
            seen.add(id(item))
            stack.extend(item.values() if isinstance(item, dict) else item)
    if not copies:
        return value
    return fresh(value)


def fresh(value: Any) -> Any:
    """A copy of nested lists and dicts (scalars are shared: they cannot change), without recursion.

    >>> inner = {"x": [1]}
    >>> out = fresh([inner, inner])
    >>> out, out[0] is out[1]
    ([{'x': [1]}, {'x': [1]}], False)
    """
    if not isinstance(value, dict | list):
        return value
    root: Any = {} if isinstance(value, dict) else []
    stack: list[tuple[Any, Any]] = [(value, root)]
    while stack:
        source, target = stack.pop()
        items = source.items() if isinstance(source, dict) else enumerate(source)
        for key, child in items:
            if isinstance(child, dict | list):
                copy: Any = {} if isinstance(child, dict) else []
                stack.append((child, copy))
                child = copy
            if isinstance(target, dict):
                target[key] = child
            else:
                target.append(child)
    return root


def load(text: str, *, what: str = "the file", path: str | None = None, line: int = 1, column: int = 1,
         aliases: bool = True) -> Any:
    """Parse and build YAML text in one step (None for an empty document)."""
    loader, node = compose(text, what=what, path=path, line=line, column=column, aliases=aliases)
    if node is None:
        loader.dispose()
        return None
    return construct(loader, node, what=what, path=path, line=line, column=column)
