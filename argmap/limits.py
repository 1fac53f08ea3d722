"""Limits on what argmap reads and computes: each one named, documented and raisable.

Maps come from students, the web and other tools, so every cost the input controls is bounded:
the size of a file, how deeply its data nests, how far YAML aliases expand, how many arguments an
ICCMA header declares, how many extensions a semantics may enumerate and how long a solver may
search. Going past a limit raises an :class:`~argmap.errors.ArgmapError` (a located
:class:`~argmap.errors.ParseError` from readers) that names the limit and how to raise it.

Each limit has a default (chosen in ``docs/limits.md``), an environment variable that replaces
the default, and a keyword: ``argmap.load(path, limits=Limits(input_bytes=...))``, or
:func:`raised` around any block of code.

>>> current().nesting
100
>>> with raised(nesting=500):
...     current().nesting
500
>>> check("nesting", 7, "the data")
>>> check("nesting", 101, "the data")  # doctest: +ELLIPSIS
Traceback (most recent call last):
argmap.errors.ArgmapError: the data nests 101 levels deep, past the limit of 100 (raise it with ...)
>>> message("nesting", "the data", 101).split(" (", 1)[1]
'raise it with ARGMAP_MAX_NESTING=... or Limits(nesting=...))'
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields, replace
from typing import Any

from argmap.errors import ArgmapError

__all__ = ["Limits", "current", "raised", "using", "check", "message", "ENVIRONMENT", "nesting_depth",
           "time_limit", "check_time"]


@dataclass(frozen=True)
class Limits:
    """The bounds argmap keeps to; ``docs/limits.md`` says why each default is what it is.

    Attributes:
        input_bytes: the largest file (bytes) or text (characters) a reader accepts.
        nesting: how deeply lists and mappings may nest in JSON, YAML and Argdown data.
        yaml_nodes: how many values YAML aliases may add to a document (each use of an alias
            repeats the value it names).
        arguments: the most arguments an abstract framework file may declare.
        extensions: the most extensions a semantics may enumerate.
        solver_seconds: how long one evaluation may search (seconds).
        kialo_depth: the deepest claim the Kialo writer numbers (its numbers grow with depth).
    """

    input_bytes: int = 256 * 1024 * 1024
    nesting: int = 100
    yaml_nodes: int = 1_000_000
    arguments: int = 10_000_000
    extensions: int = 10_000
    solver_seconds: float = 60.0
    kialo_depth: int = 200


#: The environment variable behind each limit.
ENVIRONMENT: dict[str, str] = {
    "input_bytes": "ARGMAP_MAX_INPUT_BYTES",
    "nesting": "ARGMAP_MAX_NESTING",
    "yaml_nodes": "ARGMAP_MAX_YAML_NODES",
    "arguments": "ARGMAP_MAX_ARGUMENTS",
    "extensions": "ARGMAP_MAX_EXTENSIONS",
    "solver_seconds": "ARGMAP_MAX_SOLVER_SECONDS",
    "kialo_depth": "ARGMAP_MAX_KIALO_DEPTH",
}

_override: ContextVar[Limits | None] = ContextVar("argmap_limits", default=None)


_NAMES = tuple(f.name for f in fields(Limits))
_VARIABLES = tuple(ENVIRONMENT[name] for name in _NAMES)
_from_variables: dict[tuple[str | None, ...], Limits] = {}


def _from_environment() -> Limits:
    raw_values = tuple(map(os.environ.get, _VARIABLES))
    known = _from_variables.get(raw_values)
    if known is None:  # readers ask once per value they read: parse each setting once
        known = _from_variables[raw_values] = _parse_environment()
    return known


def _parse_environment() -> Limits:
    changes: dict[str, Any] = {}
    for f in fields(Limits):
        raw = os.environ.get(ENVIRONMENT[f.name])
        if raw is None or not raw.strip():
            continue
        kind = float if f.type in ("float", float) else int
        try:
            value = kind(raw.strip().replace("_", ""))
        except ValueError:
            raise ArgmapError(f"{ENVIRONMENT[f.name]}={raw!r} is not a number") from None
        if value <= 0:
            raise ArgmapError(f"{ENVIRONMENT[f.name]}={raw!r} must be above 0")
        changes[f.name] = value
    return Limits(**changes)


def current() -> Limits:
    """The limits in force: those set by :func:`using`/:func:`raised`, else the environment's."""
    chosen = _override.get()
    return chosen if chosen is not None else _from_environment()


@contextmanager
def using(limits: Limits | None) -> Iterator[Limits]:
    """Put ``limits`` in force inside the block (``None``: the current ones, read once for the
    whole block rather than from the environment at every look)."""
    if limits is None:
        limits = current()
    token = _override.set(limits)
    try:
        yield limits
    finally:
        _override.reset(token)


@contextmanager
def raised(**changes: Any) -> Iterator[Limits]:
    """Change some limits inside the block, keeping the others.

    >>> with raised(input_bytes=10):
    ...     current().input_bytes, current().nesting
    (10, 100)
    """
    with using(replace(current(), **changes)) as limits:
        yield limits


def message(name: str, what: str, value: Any, *, unit: str = "bytes") -> str:
    """The text of a limit error: what went past which limit, and how to raise it."""
    limit = getattr(current(), name)
    shown = f"{value:,}" if isinstance(value, int) else str(value)
    verbs = {
        "input_bytes": "{what} is {shown} {unit} long, past the limit of {limit:,}",
        "nesting": "{what} nests {shown} levels deep, past the limit of {limit}",
        "yaml_nodes": "{what} gains more than {limit:,} values from aliases",
        "arguments": "{what} declares {shown} arguments, past the limit of {limit:,}",
        "extensions": "{what} has more than {limit:,} extensions",
        "solver_seconds": "{what} took longer than {limit:g} s",
        "kialo_depth": "{what} is {shown} claims deep, past the limit of {limit:,}",
    }
    text = verbs[name].format(what=what, shown=shown, unit=unit, limit=limit)
    return f"{text} (raise it with {ENVIRONMENT[name]}=... or Limits({name}=...))"


def check(name: str, value: float, what: str) -> None:
    """Raise :class:`ArgmapError` when ``value`` is past the limit ``name``."""
    if value > getattr(current(), name):
        raise ArgmapError(message(name, what, value))


def nesting_depth(value: Any, stop: int | None = None) -> int:
    """How deeply lists and dicts nest in ``value`` (a scalar is 0), without recursion.

    Stops counting once past ``stop``, so a hostile document costs no more than the limit.

    >>> nesting_depth({"a": [1, {"b": []}]}), nesting_depth("text")
    (4, 0)
    """
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    seen: set[int] = set()
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list | tuple):
            children = item
        else:
            continue
        depth += 1
        if depth > deepest:
            deepest = depth
            if stop is not None and depth > stop:
                return depth
        if id(item) in seen:  # shared or self-containing: counted once
            continue
        seen.add(id(item))
        stack.extend((child, depth) for child in children if isinstance(child, dict | list | tuple))
    return deepest


_deadline: ContextVar[float | None] = ContextVar("argmap_deadline", default=None)
_what: ContextVar[str] = ContextVar("argmap_deadline_what", default="the search")


@contextmanager
def time_limit(what: str) -> Iterator[None]:
    """Inside the block, :func:`check_time` gives up ``solver_seconds`` after it began.

    Nested blocks keep the outer (earlier) deadline.

    >>> with time_limit("this evaluation"):
    ...     check_time()  # well within the limit
    """
    if _deadline.get() is not None:
        yield
        return
    at = _deadline.set(time.monotonic() + current().solver_seconds)
    named = _what.set(what)
    try:
        yield
    finally:
        _deadline.reset(at)
        _what.reset(named)


def check_time() -> None:
    """Raise :class:`ArgmapError` when the :func:`time_limit` in force has run out (else nothing)."""
    at = _deadline.get()
    if at is not None and time.monotonic() > at:
        raise ArgmapError(message("solver_seconds", _what.get(), None))
