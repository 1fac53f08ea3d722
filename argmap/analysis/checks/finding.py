"""One finding of a check: what is wrong, where, and how bad.

>>> f = Finding("unsupported", "warning", ("c2",), "claim 'c2' has no reason", path="a.argdown", line=4)
>>> print(f)
a.argdown:4: unsupported: claim 'c2' has no reason
>>> Finding("unsupported", "hint", ("c2",), "m").location
''
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from argmap.model import adjacency
from argmap.text import shorten

if TYPE_CHECKING:
    from argmap.model import ArgumentMap, AttrTable

__all__ = ["Finding", "Message", "Severity", "SEVERITIES", "quote", "quote_node", "quote_text"]

Severity = Literal["error", "warning", "hint"]
#: Severities from worst to mildest; only errors make ``argmap check`` exit with status 1.
SEVERITIES: tuple[str, ...] = ("error", "warning", "hint")

_QUOTE_CHARS = 60

#: A finding's message as a check gives it: the text, or a function that writes the text when
#: it is first read (a check that finds thousands of weak spots leaves the writing to the reader).
Message = str | Callable[[], str]


class _MessageField:
    """:attr:`Finding.message`: always text when read; written on first read when given as a function.

    A message written later says what it would have said when the check ran: the functions
    checks give hold the texts and terms they need, never the map.
    """

    def __get__(self, finding: Finding | None, owner: type | None = None) -> str:
        if finding is None:
            raise AttributeError("message")  # the class has no default message: one is required
        text = finding.__dict__["message"]
        if not isinstance(text, str):
            text = finding.__dict__["message"] = text()
        return text  # type: ignore[no-any-return]

    def __set__(self, finding: Finding, value: Message) -> None:
        finding.__dict__["message"] = value


@dataclass(frozen=True, init=False)
class Finding:
    """A weak spot a check found in a map.

    ``code`` is stable (scripts and teachers may filter on it); ``nodes[0]`` is the node the
    finding is about, further ids are the others involved; ``path`` and ``line`` say where that
    node was written, when the map came from a text file.
    """

    code: str
    severity: Severity
    nodes: tuple[str, ...]
    message: _MessageField = _MessageField()  # a str when read (see Message)
    path: str | None = None
    line: int | None = None

    def __init__(self, code: str, severity: Severity, nodes: tuple[str, ...], message: Message,
                 path: str | None = None, line: int | None = None) -> None:
        # What the generated __init__ does, straight into the instance's dict: a big map's check
        # makes hundreds of thousands of findings, and frozen fields are slow to set one by one.
        fields = self.__dict__
        fields["code"] = code
        fields["severity"] = severity
        fields["nodes"] = nodes
        fields["message"] = message
        fields["path"] = path
        fields["line"] = line

    def __getstate__(self) -> dict[str, Any]:
        # Pickled and copied with its text written, never with a function that would write it.
        return {**self.__dict__, "message": self.message}

    @property
    def location(self) -> str:
        """``path:line``, ``path`` or the empty string, as much as is known."""
        parts = [str(p) for p in (self.path, self.line) if p is not None]
        return ":".join(parts)

    def __str__(self) -> str:
        where = self.location
        return f"{where + ': ' if where else ''}{self.code}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data.

        >>> Finding("duplicate-claim", "warning", ("b", "a"), "same").to_dict()["nodes"]
        ['b', 'a']
        """
        return {
            "code": self.code,
            "severity": self.severity,
            "nodes": list(self.nodes),
            "message": self.message,
            "path": self.path,
            "line": self.line,
        }


def quote(m: ArgumentMap, node_id: str) -> str:
    """A claim's text, shortened and quoted, to show a student which box is meant.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> quote(m, m.claim("Uniforms reduce bullying over clothes.", id="u").id)
    '"Uniforms reduce bullying over clothes."'
    """
    nodes, _succ, pred = adjacency(m.graph)
    return quote_node(nodes, pred, node_id)


def quote_node(nodes: AttrTable, pred: Mapping[str, AttrTable], node_id: str) -> str:
    """:func:`quote` from a graph's tables (:func:`~argmap.model.adjacency`): a step is quoted
    by its premises' texts."""
    text = nodes[node_id].get("text")
    if not isinstance(text, str):
        premises = [p for p in pred[node_id] if nodes[p].get("kind") == "claim"]
        text = " + ".join(str(nodes[p].get("text", p)) for p in premises) or node_id
    return quote_text(text)


def quote_text(text: str) -> str:
    """A text as :func:`quote` shows it: on one line, shortened, in double quotes.

    >>> quote_text("Uniforms  reduce\\nbullying.")
    '"Uniforms reduce bullying."'
    """
    return f'"{shorten(text, _QUOTE_CHARS)}"'
