"""argmap's own JSON format: lossless, versioned, checked against a published JSON Schema.

The schema ships as ``argmap/schemas/argmap.schema.json``. A document lists claims, then
inferences (each naming its premise ids and its one target); order is kept, so the same map
always gives the same bytes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from typing import Any

from argmap.errors import ParseError
from argmap.formats.registry import Format, register
from argmap.model import ArgumentMap, Source, fill
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
        if value is None or (not value and isinstance(value, (list, dict))):
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
    # Straight over the graph's node and adjacency dicts: this runs once per node on big maps.
    nodes = dict(m.graph.nodes(data=True))
    pred, succ = m.graph.pred, m.graph.succ
    claims, inferences = [], []
    for node, attrs in nodes.items():
        if attrs.get("kind") == "claim":
            claims.append({"id": node, "text": attrs.get("text", ""), **_plain(attrs, _CLAIM_FIELDS)})
        elif attrs.get("kind") == "inference":
            inferences.append({
                "id": node,
                "polarity": attrs.get("polarity", "support"),
                "premises": [p for p in pred[node] if nodes[p].get("kind") == "claim"],
                "target": next(iter(succ[node])),
                **_plain(attrs, _INFERENCE_FIELDS),
            })
    doc["claims"] = claims
    doc["inferences"] = inferences
    return doc


def _pointer(path: Any) -> str:
    return "/" + "/".join(str(p) for p in path) if path else "the document"


#: Maps a path inside the document (keys and indexes) to a 1-based (line, column), if known.
Locator = Callable[[Sequence[str | int]], "tuple[int, int] | None"]


def _fail(message: str, where: Sequence[str | int], path: str | None, locate: Locator | None) -> ParseError:
    spot = locate(where) if locate else None
    line, column = spot if spot else (None, None)
    return ParseError(f"at {_pointer(where)}: {message}", path=path, line=line, column=column)


@cache
def _fast_check() -> Callable[[Any], bool] | None:
    """The schema compiled by jsonschema-rs: says valid or not, 500 times faster than jsonschema.

    None where jsonschema-rs is not installed; :func:`_raise_schema_error` then does all the work.
    """
    try:
        import jsonschema_rs
    except ImportError:
        return None
    return jsonschema_rs.validator_for(schema()).is_valid


def _raise_schema_error(doc: Any, path: str | None, locate: Locator | None) -> None:
    """Raise a located ``ParseError`` for the first schema violation (documents that break the schema only).

    jsonschema walks the document slowly but names every problem by its place, which the
    error message and the locator need; valid documents never come here.
    """
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(doc), key=lambda e: [str(p) for p in e.absolute_path])
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
        raise _fail(first.message + more, list(first.absolute_path), path, locate)
    is_valid = _fast_check()
    if is_valid is not None and not is_valid(doc):  # the two validators disagree: trust the stricter
        import jsonschema_rs

        error = next(iter(jsonschema_rs.validator_for(schema()).iter_errors(doc)))
        raise _fail(error.message, list(error.instance_path), path, locate)


def from_dict(doc: Any, *, path: str | None = None, locate: Locator | None = None) -> ArgumentMap:
    """Build a map from data shaped like :func:`to_dict`'s output; ``ParseError`` otherwise.

    ``locate`` turns a place in the document into a line and column for error messages
    (the JSON and YAML readers pass one).
    """
    is_valid = _fast_check()
    if is_valid is None or not is_valid(doc):
        _raise_schema_error(doc, path, locate)
    m = ArgumentMap(title=doc.get("title"))
    m.meta.update(doc.get("meta", {}))  # not as keywords: a "title" in meta is just data
    if not _build_at_once(m, doc):
        _build_item_by_item(m, doc, path, locate)
    found = problems(m)
    if found:
        raise _fail("; ".join(found), _where_named(doc, found[0]), path, locate)
    return m


def _build_at_once(m: ArgumentMap, doc: dict[str, Any]) -> bool:
    """Fill the empty map from a schema-valid document in two bulk calls; False, leaving the map
    empty, when an id repeats, a text is blank or a premise or target is missing (the item-by-item
    build then finds the first such problem and says where it is)."""
    claims, inferences = doc.get("claims", []), doc.get("inferences", [])
    ids = [item["id"] for item in claims]
    claim_ids = set(ids)
    ids += [item["id"] for item in inferences]
    known = set(ids)
    if (len(known) != len(ids) or not all(item["text"].strip() for item in claims)
            or not all(p in claim_ids for inf in inferences for p in inf["premises"])
            or not all(inf["target"] in known for inf in inferences)):
        return False
    edges: list[tuple[str, str, dict[str, Any]]] = []
    for inf in inferences:  # each step's premise edges, then its target edge, as one by one
        step = inf["id"]
        edges += [(p, step, {"role": "premise"}) for p in inf["premises"]]
        edges.append((step, inf["target"], {"role": inf["polarity"]}))
    fill(m.graph, zip(ids, [*map(_claim_attrs, claims), *map(_inference_attrs, inferences)], strict=True), edges)
    return True


def _claim_attrs(item: dict[str, Any]) -> dict[str, Any]:
    # The attributes _add_node gives, in the same order: the defaults, then the item's own.
    attrs = {"kind": "claim", "sources": [], "data": {}, "tags": [], **item}
    del attrs["id"]
    if item.get("sources"):
        attrs["sources"] = [Source.from_dict(s) for s in item["sources"]]
    return attrs


def _inference_attrs(item: dict[str, Any]) -> dict[str, Any]:
    attrs = {"kind": "inference", "sources": [], "data": {}, **item}
    del attrs["id"], attrs["premises"], attrs["target"]
    if item.get("sources"):
        attrs["sources"] = [Source.from_dict(s) for s in item["sources"]]
    return attrs


def _build_item_by_item(m: ArgumentMap, doc: dict[str, Any], path: str | None, locate: Locator | None) -> None:
    """Fill the map one claim, inference and edge at a time, raising at the first bad one."""
    for kind, key in (("claim", "claims"), ("inference", "inferences")):
        for index, item in enumerate(doc.get(key, [])):
            if item["id"] in m.graph:
                raise _fail(f"duplicate id {item['id']!r}", [key, index, "id"], path, locate)
            if kind == "claim" and not item["text"].strip():
                raise _fail(f"claim {item['id']!r}: text is blank; a claim needs words", [key, index, "text"],
                            path, locate)
            _add_node(m, item, kind)
    for index, inf in enumerate(doc.get("inferences", [])):
        for k, pid in enumerate(inf["premises"]):
            if m.graph.nodes.get(pid, {}).get("kind") != "claim":
                what = "is not defined" if pid not in m.graph else "is not a claim"
                raise _fail(f"inference {inf['id']!r} names premise {pid!r}, which {what}",
                            ["inferences", index, "premises", k], path, locate)
            m.graph.add_edge(pid, inf["id"], role="premise")
        if inf["target"] not in m.graph:
            raise _fail(f"inference {inf['id']!r} names target {inf['target']!r}, which is not defined",
                        ["inferences", index, "target"], path, locate)
        m.graph.add_edge(inf["id"], inf["target"], role=inf["polarity"])


def _where_named(doc: dict[str, Any], problem: str) -> list[str | int]:
    """The place in the document of the claim or inference a problem names first."""
    match = re.search(r"'((?:[^'\\]|\\.)*)'", problem)
    for key in ("claims", "inferences"):
        for index, item in enumerate(doc.get(key, [])):
            if match and item.get("id") == match.group(1):
                return [key, index]
    return []


def _add_node(m: ArgumentMap, item: dict[str, Any], kind: str) -> None:
    attrs: dict[str, Any] = {"kind": kind, "sources": [], "data": {}}
    if kind == "claim":
        attrs["tags"] = []
    for key, value in item.items():
        if key in ("id", "premises", "target"):
            continue
        attrs[key] = [Source.from_dict(s) for s in value] if key == "sources" else value
    m.graph.add_node(item["id"], **attrs)


def json_locator(text: str) -> Locator:
    """A locator for JSON text: the deepest existing prefix of the place, 1-based line and column."""

    def locate(where: Sequence[str | int]) -> tuple[int, int] | None:
        from json_source_map import calculate

        try:
            entries = calculate(text)
        except Exception:  # noqa: BLE001 - a locator must never hide the real error
            return None
        parts = [str(p).replace("~", "~0").replace("/", "~1") for p in where]
        for n in range(len(parts), -1, -1):
            entry = entries.get("/" + "/".join(parts[:n]) if n else "")
            if entry is not None:
                start = entry.value_start
                return start.line + 1, start.column + 1
        return None

    return locate


def dumps(m: ArgumentMap) -> str:
    """The map as argmap JSON text: one claim or inference per line, UTF-8 kept.

    One node a line keeps files readable and diffs small, and lets the C encoder do the work
    (``json.dumps`` with ``indent`` falls back to pure Python, several times slower).

    >>> m = ArgumentMap(title="T")
    >>> _ = m.claim("A", id="a")
    >>> print(dumps(m), end="")
    {
      "format": "argmap",
      "version": 1,
      "title": "T",
      "claims": [
        {"id": "a", "text": "A"}
      ],
      "inferences": []
    }
    """
    doc = to_dict(m)
    encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder: json.dumps makes one per call
    lines = ["{"]
    items = list(doc.items())
    for index, (key, value) in enumerate(items):
        comma = "," if index < len(items) - 1 else ""
        head = f"  {json.dumps(key)}: "
        if key in ("claims", "inferences") and value:
            rows = ",\n".join("    " + encode(node) for node in value)
            lines.append(f"{head}[\n{rows}\n  ]{comma}")
        else:
            lines.append(head + encode(value) + comma)
    lines.append("}")
    return "\n".join(lines) + "\n"


def loads(text: str, path: str | None = None) -> ArgumentMap:
    """Read argmap JSON; malformed JSON gives a ``ParseError`` with line and column."""
    from argmap.formats.located import parse_json

    doc = parse_json(text, path, "argmap JSON", check=False)  # checked below, only where free
    _check_free_values(doc, text, path)
    return from_dict(doc, path=path, locate=json_locator(text))


def _check_free_values(doc: Any, text: str, path: str | None) -> None:
    """Lone surrogates anywhere, and deep nesting in ``meta`` and ``data`` (the only places the
    schema leaves free), refused before anything else reads them."""
    from argmap.formats.located import check_json_values, has_surrogate_escape

    if not isinstance(doc, dict):
        return
    surrogates = has_surrogate_escape(text)
    if surrogates:
        check_json_values(doc, text, path, surrogates=True)
        return
    if isinstance(doc.get("meta"), dict | list):
        check_json_values(doc["meta"], text, path, at=["meta"], base=1, surrogates=False)
    for key in ("claims", "inferences"):
        nodes = doc.get(key)
        if not isinstance(nodes, list):
            continue
        for index, node in enumerate(nodes):
            if isinstance(node, dict) and isinstance(node.get("data"), dict | list) and node["data"]:
                check_json_values(node["data"], text, path, at=[key, index, "data"], base=3, surrogates=False)


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
