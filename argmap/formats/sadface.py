"""SADFace JSON (v0.1 and v0.2), the format of MonkeyPuzzle and the SADFace tools: read and write.

SADFace has ``atom`` nodes (claims) and ``scheme`` nodes (steps) joined by edges, just like
AIF's I- and S-nodes: atoms with an edge into a scheme node are its premises, the node it points
to is its conclusion. A scheme named ``conflict`` is an attack; ``support`` is a plain reason;
any other name is kept as ``Inference.scheme`` of a supporting step.

What the model has no slot for (document metadata, resources, each node's ``metadata`` and
``sources`` offsets, edge ids, malformed scheme nodes) stays in ``m.meta["sadface"]`` and is
written back, so a SADFace file survives load and dump unchanged.

>>> import argmap
>>> m = argmap.loads('''{"edges": [{"id": "e1", "source_id": "b", "target_id": "s"},
...                               {"id": "e2", "source_id": "s", "target_id": "a"}],
...   "metadata": {"core": {"version": "0.2", "title": "Bikes"}},
...   "nodes": [{"id": "a", "type": "atom", "text": "Ride bikes."},
...             {"id": "b", "type": "atom", "text": "Cars pollute."},
...             {"id": "s", "type": "scheme", "name": "conflict"}], "resources": []}''', "sadface")
>>> m.title, m["s"].polarity, m["s"].premise.text
('Bikes', 'attack', 'Cars pollute.')
"""

from __future__ import annotations

import copy
import json
import uuid
from typing import Any

from argmap.errors import ParseError
from argmap.formats.aif import well_shaped_steps
from argmap.formats.located import error_at, id_lines, parse_json
from argmap.formats.registry import Format, register
from argmap.model import ArgumentMap, Claim, Inference

__all__ = ["loads", "dumps", "looks_like_sadface", "ATTACK_SCHEMES"]

#: Scheme names read as attacks (SADFace writes ``conflict``).
ATTACK_SCHEMES = {"conflict", "attack", "rebuttal", "undercut"}
#: Scheme names that say only "a reason": they give ``scheme=None``.
_PLAIN_SUPPORT = {"support", "inference", ""}
_NAMESPACE = uuid.UUID("4d1f0d8e-7a52-5b9e-9c8e-2f3a6b0c1d2e")


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true or false", type(None): "null"}.get(
        type(value), "a number")


def loads(text: str, path: str | None = None) -> ArgumentMap:
    """Read a SADFace document (v0.1 or v0.2)."""
    raw = parse_json(text, path, "SADFace JSON")

    def fail(message: str, *pointer: str | int) -> ParseError:
        return error_at(message, text, list(pointer), path)

    if not isinstance(raw, dict):
        raise fail(f"a SADFace document is a JSON object with \"nodes\" and \"edges\", not {_kind(raw)}")
    for key in ("nodes", "edges"):
        if not isinstance(raw.get(key), list):
            article = "an" if key == "edges" else "a"
            raise fail(f"a SADFace document needs {article} \"{key}\" list", *([key] if key in raw else []))
    types: dict[str, str] = {}
    for i, node in enumerate(raw["nodes"]):
        if not isinstance(node, dict):
            raise fail(f"node {i + 1} should be an object, not {_kind(node)}", "nodes", i)
        nid, ntype = node.get("id"), node.get("type")
        if not isinstance(nid, str) or not nid.strip():
            raise fail(f"node {i + 1} needs an \"id\" string", "nodes", i)
        if nid in types:
            raise fail(f"two nodes have the id {nid!r}; node ids must be unique", "nodes", i)
        if not isinstance(ntype, str):
            raise fail(f"node {nid!r} needs a \"type\": \"atom\" or \"scheme\"", "nodes", i)
        if ntype == "atom":
            atom_text = node.get("text")
            if not isinstance(atom_text, str) or not atom_text.strip():
                raise fail(f"atom {nid!r} needs a non-blank \"text\"", "nodes", i)
        if ntype == "scheme" and not isinstance(node.get("name", ""), str):
            raise fail(f"scheme node {nid!r}: \"name\" should be a string", "nodes", i)
        types[nid] = ntype
    preds: dict[str, list[str]] = {}
    succs: dict[str, list[str]] = {}
    for i, edge in enumerate(raw["edges"]):
        if not isinstance(edge, dict):
            raise fail(f"edge {i + 1} should be an object, not {_kind(edge)}", "edges", i)
        u, v = edge.get("source_id"), edge.get("target_id")
        if not isinstance(u, str) or not isinstance(v, str):
            raise fail(f"edge {i + 1} needs \"source_id\" and \"target_id\" strings", "edges", i)
        for end in (u, v):
            if end not in types:
                raise fail(f"edge {i + 1} refers to node {end!r}, which is not defined; "
                           "add the node or remove the edge", "edges", i)
        preds.setdefault(v, []).append(u)
        succs.setdefault(u, []).append(v)
    steps = _steps(types, preds, succs)

    core = raw.get("metadata", {}).get("core", {}) if isinstance(raw.get("metadata"), dict) else {}
    title = core.get("title") if isinstance(core, dict) and isinstance(core.get("title"), str) else None
    m = ArgumentMap(title=title)
    records: dict[str, Any] = {}
    leftover_nodes: list[dict[str, Any]] = []
    for node in raw["nodes"]:
        nid = node["id"]
        if node["type"] == "atom":
            m.claim(node["text"], id=nid)
            records[nid] = node
        elif nid in steps:
            name = node.get("name", "")
            attrs: dict[str, Any] = {"kind": "inference", "sources": [], "data": {},
                                     "polarity": "attack" if name.lower() in ATTACK_SCHEMES else "support"}
            if name.lower() not in ATTACK_SCHEMES | _PLAIN_SUPPORT:
                attrs["scheme"] = name
            m.graph.add_node(nid, **attrs)
            records[nid] = node
        else:
            leftover_nodes.append(node)
    model_edges, leftover_edges = [], []
    for edge in raw["edges"]:
        u, v = edge["source_id"], edge["target_id"]
        wanted = (v in steps and u in steps[v][0]) or (u in steps and steps[u][1] == v)
        if wanted and not m.graph.has_edge(u, v):
            role = "premise" if types[u] == "atom" else m.graph.nodes[u]["polarity"]
            m.graph.add_edge(u, v, role=role)
            model_edges.append(edge)
        else:
            leftover_edges.append(edge)
    m.meta["sadface"] = {
        "top": {k: v for k, v in raw.items() if k not in ("nodes", "edges")},
        "records": records,
        "nodes": leftover_nodes,
        "edges": leftover_edges,
        "model_edges": model_edges,
    }
    lines = id_lines(text, "id")
    for node in m.graph.nodes:
        if node in lines:
            m.graph.nodes[node]["line"] = lines[node]
    if path is not None:
        m.graph.graph["path"] = path
    return m


def _steps(types: dict[str, str], preds: dict[str, list[str]],
           succs: dict[str, list[str]]) -> dict[str, tuple[list[str], str]]:
    schemes = [n for n, t in types.items() if t == "scheme"]
    return well_shaped_steps(schemes, preds, succs, lambda n: types[n] == "atom")


def _node(node: Claim | Inference, record: dict[str, Any] | None) -> dict[str, Any]:
    out = copy.deepcopy(record) if record else {"id": node.id, "metadata": {}}
    out["id"] = node.id
    if isinstance(node, Claim):
        if record is None:
            out["sources"] = []
        out["text"] = node.text
        out["type"] = "atom"
        return out
    old = (record or {}).get("name", "")
    old_polarity = "attack" if old.lower() in ATTACK_SCHEMES else "support"
    old_scheme = None if old.lower() in ATTACK_SCHEMES | _PLAIN_SUPPORT else old
    if record is None or old_polarity != node.polarity or old_scheme != node.scheme:
        out["name"] = "conflict" if node.polarity == "attack" else (node.scheme or "support")
    out["type"] = "scheme"
    return out


def to_dict(m: ArgumentMap) -> dict[str, Any]:
    """The map as SADFace v0.2 data (or in the version it was read from)."""
    kept: dict[str, Any] = m.meta.get("sadface") or {}
    top: dict[str, Any] = copy.deepcopy(kept["top"]) if isinstance(kept.get("top"), dict) else {
        "metadata": {"core": {"id": str(uuid.uuid5(_NAMESPACE, m.title or "argmap")), "version": "0.2"}},
        "resources": [],
    }
    metadata = top.get("metadata")
    core = metadata.get("core") if isinstance(metadata, dict) else None
    if isinstance(core, dict) and (m.title is not None or "title" in core):
        if m.title is None:
            core.pop("title")
        else:
            core["title"] = m.title
    records = kept.get("records", {})
    nodes = [_node(m[n], records.get(n)) for n in m.graph.nodes] + copy.deepcopy(kept.get("nodes", []))
    ids = {n.get("id") for n in nodes}
    previous = {(e.get("source_id"), e.get("target_id")): e for e in kept.get("model_edges", [])}
    edges = []
    for u, v in m.graph.edges:
        edge = previous.get((u, v))
        edges.append(copy.deepcopy(edge) if edge else {
            "id": str(uuid.uuid5(_NAMESPACE, f"{u}\n{v}")), "source_id": u, "target_id": v})
    edges += [copy.deepcopy(e) for e in kept.get("edges", [])
              if e.get("source_id") in ids and e.get("target_id") in ids]
    doc = {**top, "edges": edges, "nodes": nodes}
    return dict(sorted(doc.items()))  # SADFace's tools write keys sorted


def dumps(m: ArgumentMap) -> str:
    """The map as SADFace JSON text (four-space indent, keys as SADFace's tools order them).

    >>> import argmap
    >>> m = argmap.ArgumentMap(title="Bikes")
    >>> _ = m.attack(m.claim("Ride bikes.", id="a"), "Cars pollute.", id="s")
    >>> [n["type"] for n in json.loads(dumps(m))["nodes"]]
    ['atom', 'atom', 'scheme']
    """
    return json.dumps(to_dict(m), indent=4, ensure_ascii=False) + "\n"


def looks_like_sadface(text: str) -> bool:
    """Whether JSON text is shaped like SADFace (edges with ``source_id``, or ``resources``)."""
    return '"source_id"' in text or ('"resources"' in text and '"nodeID"' not in text)


register(Format(
    name="sadface",
    suffixes=(".sadface.json", ".json"),
    description="SADFace JSON v0.1/v0.2 (MonkeyPuzzle), conflict read as attack",
    reader=loads,
    writer=dumps,
    sniff=looks_like_sadface,
    priority=6,
))
