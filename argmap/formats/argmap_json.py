"""argmap's own JSON format: lossless, versioned, checked against a published JSON Schema.

The schema ships as ``argmap/schemas/argmap.schema.json``. A document lists claims, then
inferences (each naming its premise ids and its one target); order is kept, so the same map
always gives the same bytes.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

from argmap.errors import ParseError
from argmap.formats.registry import Format, register
from argmap.model import ArgumentMap, Source
from argmap.validation import problems

__all__ = ["to_dict", "from_dict", "dumps", "loads", "schema", "VERSION"]

VERSION = 1
_CLAIM_FIELDS = ("label", "tags", "sources", "note", "data", "rating", "group")
_INFERENCE_FIELDS = ("label", "scheme", "sources", "note", "data", "group")


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema every argmap JSON document satisfies."""
    text = resources.files("argmap.schemas").joinpath("argmap.schema.json").read_text("utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def _plain(attrs: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in names:
        value = attrs.get(name)
        if value is None or value == [] or value == {}:
            continue
        out[name] = [s.to_dict() for s in value] if name == "sources" else value
    return out


def to_dict(m: ArgumentMap) -> dict[str, Any]:
    """The map as plain JSON-ready data.

    >>> m = ArgumentMap(title="T")
    >>> step = m.support(m.claim("A", id="a"), "B")
    >>> to_dict(m)["inferences"][0]
    {'id': 'support-a', 'polarity': 'support', 'premises': ['b'], 'target': 'a'}
    """
    doc: dict[str, Any] = {"format": "argmap", "version": VERSION}
    if m.title is not None:
        doc["title"] = m.title
    if m.meta:
        doc["meta"] = m.meta
    graph = m.graph
    doc["claims"] = [
        {"id": c.id, "text": c.text, **_plain(graph.nodes[c.id], _CLAIM_FIELDS)} for c in m.claims
    ]
    doc["inferences"] = [
        {
            "id": i.id,
            "polarity": i.polarity,
            "premises": [p.id for p in i.premises],
            "target": i.target.id,
            **_plain(graph.nodes[i.id], _INFERENCE_FIELDS),
        }
        for i in m.inferences
    ]
    return doc


def _pointer(path: Any) -> str:
    return "/" + "/".join(str(p) for p in path) if path else "the document"


def _error(message: str, path: str | None, pointer: list[str | int]) -> ParseError:
    err = ParseError(message, path=path)
    err.pointer = pointer  # type: ignore[attr-defined]  # lets text readers add line and column
    return err


def from_dict(doc: Any, *, path: str | None = None) -> ArgumentMap:
    """Build a map from data shaped like :func:`to_dict`'s output; ``ParseError`` otherwise.

    The error's ``pointer`` attribute (a list of keys and indexes) says where the problem is.
    """
    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
        raise _error(f"at {_pointer(first.absolute_path)}: {first.message}{more}", path, list(first.absolute_path))
    m = ArgumentMap(title=doc.get("title"), **doc.get("meta", {}))
    for i, claim in enumerate(doc["claims"]):
        _add_node(m, claim, "claim", path, ["claims", i])
    for i, inf in enumerate(doc.get("inferences", [])):
        _add_node(m, inf, "inference", path, ["inferences", i])
    for i, inf in enumerate(doc.get("inferences", [])):
        for k, pid in enumerate(inf["premises"]):
            _require(m, pid, f"inference {inf['id']!r} names premise {pid!r}", path,
                     ["inferences", i, "premises", k], kind="claim")
            m.graph.add_edge(pid, inf["id"], role="premise")
        _require(m, inf["target"], f"inference {inf['id']!r} names target {inf['target']!r}", path,
                 ["inferences", i, "target"])
        m.graph.add_edge(inf["id"], inf["target"], role=inf["polarity"])
    found = problems(m)
    if found:
        raise ParseError("; ".join(found), path=path)
    return m


def _require(m: ArgumentMap, node: str, what: str, path: str | None, pointer: list[str | int],
             kind: str | None = None) -> None:
    if node not in m.graph:
        raise _error(f"{what}, which is not defined", path, pointer)
    if kind and m.graph.nodes[node]["kind"] != kind:
        raise _error(f"{what}, which is not a {kind}", path, pointer)


def _add_node(m: ArgumentMap, item: dict[str, Any], kind: str, path: str | None, pointer: list[str | int]) -> None:
    node = item["id"]
    if node in m.graph:
        raise _error(f"duplicate id {node!r}", path, [*pointer, "id"])
    attrs: dict[str, Any] = {"kind": kind, "sources": [], "data": {}}
    if kind == "claim":
        attrs["tags"] = []
    for key, value in item.items():
        if key in ("id", "premises", "target"):
            continue
        attrs[key] = [Source.from_dict(s) for s in value] if key == "sources" else value
    m.graph.add_node(node, **attrs)


def dumps(m: ArgumentMap) -> str:
    """The map as argmap JSON text (two-space indent, UTF-8 kept, trailing newline)."""
    return json.dumps(to_dict(m), indent=2, ensure_ascii=False) + "\n"


def loads(text: str, path: str | None = None) -> ArgumentMap:
    """Read argmap JSON; malformed JSON gives a ``ParseError`` with line and column."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(f"invalid JSON: {exc.msg}", path=path, line=exc.lineno, column=exc.colno) from None
    try:
        return from_dict(doc, path=path)
    except ParseError as err:
        pointer = getattr(err, "pointer", None)
        if pointer is None:
            raise
        from argmap.formats.located import locate

        where = locate(text, pointer)
        if where is None:
            raise
        raise ParseError(err.message, path=path, line=where[0], column=where[1]) from None


def _looks_like_argmap(text: str) -> bool:
    return '"format"' in text[:2000] and '"argmap"' in text[:2000]


register(Format(
    name="json",
    suffixes=(".json",),
    description="argmap's own JSON (lossless, versioned, JSON Schema)",
    reader=loads,
    writer=dumps,
    sniff=_looks_like_argmap,
    priority=10,
))
