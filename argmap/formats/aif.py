"""AIF JSON (Argument Interchange Format) as AIFdb and OVA write it: read and write.

AIF's argument layer maps one to one onto the model: I-nodes are claims, RA-nodes support
steps, CA-nodes attack steps (a CA-node aimed at an RA- or CA-node is an undercut), and the
I-nodes with an edge into an S-node are its (linked) premises. An RA-node's scheme name becomes
``Inference.scheme``. An MA-node (a rephrase: one proposition restating another, as argument
mining pipelines and IAT analyses write them) is a support step whose scheme is the MA-node's
name (``Default Rephrase``), so restated claims stay joined to the map; it is written back as
the MA-node it was.

Everything the model has no slot for is kept in ``m.meta["aif"]`` so the writer gives it back:
the dialogue layer (L-, YA-, TA-nodes and locutions), MA- and PA-nodes, participants, OVA's
coordinates and source text, timestamps, and any S-node that does not form a well-shaped step.
Loading then dumping a file therefore keeps every node, edge and locution.

Three layouts are read and written back as they came: AIFdb's (``nodes``/``edges``/
``locutions`` at the top), OVA3's xAIF (the same inside ``"AIF"``, beside ``"OVA"`` and
``"text"``; node and edge ids may be numbers, as argument-mining pipelines write them) and
OVA2's (nodes with ``id``, edges holding ``from``/``to`` node objects). A top-level ``"AIF"``
object without ``nodes`` (a metadata header: version, analyst, date) beside top-level ``nodes``
and ``edges`` is AIFdb's layout with that header kept.

>>> import argmap
>>> m = argmap.loads('''{"nodes": [
...   {"nodeID": "1", "text": "Tax sugar.", "type": "I"},
...   {"nodeID": "2", "text": "Sugar harms teeth.", "type": "I"},
...   {"nodeID": "3", "text": "Default Inference", "type": "RA"},
...   {"nodeID": "4", "text": "Default Illocuting", "type": "YA"}],
...  "edges": [{"edgeID": "1", "fromID": "2", "toID": "3"}, {"edgeID": "2", "fromID": "3", "toID": "1"}],
...  "locutions": []}''', "aif")
>>> m["3"].polarity, [p.text for p in m["3"].premises], m["3"].target.text
('support', ['Sugar harms teeth.'], 'Tax sugar.')
>>> [n["type"] for n in m.meta["aif"]["nodes"]]  # the YA-node has no place in the model
['YA']
>>> '"type": "YA"' in argmap.dumps(m, "aif")
True
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from typing import Any

from argmap.errors import ArgmapError, ParseError
from argmap.formats.located import error_at, id_lines, parse_json
from argmap.formats.registry import Format, register
from argmap.model import ArgumentMap, Claim, Inference

__all__ = ["loads", "dumps", "looks_like_aif", "steps_in_cycles", "well_shaped_steps", "STEP_TYPES", "DIALOGUE_TYPES"]

#: S-node types that become inferences, with their polarity (MA: a rephrase, read as a reason).
STEP_TYPES = {"RA": "support", "CA": "attack", "MA": "support"}
#: Node types of the dialogue layer (kept in ``m.meta["aif"]``, never dropped).
DIALOGUE_TYPES = ("L", "YA", "TA")
#: Scheme names that only say "no particular scheme": they give ``scheme=None``.
_DEFAULT_SCHEMES = {"Default Inference", "Default Conflict"}
#: S-node texts that name no scheme at all (AIFdb writes the node type as its text).
_GENERIC_TEXTS = _DEFAULT_SCHEMES | {"", "RA", "CA"}
_DEFAULT_TEXT = {"support": "Default Inference", "attack": "Default Conflict"}


# -- reading --------------------------------------------------------------------------------------
class _Doc:
    """One AIF document in a common shape, whatever its layout."""

    def __init__(self, text: str, path: str | None) -> None:
        self.text = text
        self.path = path
        self.layout = "aifdb"
        self.base: list[str | int] = []  # where nodes/edges live: [] or ["AIF"]
        self.top: dict[str, Any] = {}  # every other top-level key, kept verbatim
        self.graph_extra: dict[str, Any] = {}  # xAIF: keys beside nodes/edges inside "AIF"
        self.nodes: list[tuple[str, str, dict[str, Any]]] = []  # (id, type, record)
        self.edges: list[tuple[str, str, dict[str, Any]]] = []  # (from, to, record)

    def fail(self, message: str, *pointer: str | int) -> ParseError:
        return error_at(message, self.text, [*self.base, *pointer], self.path)


def _parse(text: str, path: str | None) -> _Doc:
    raw = parse_json(text, path, "AIF JSON")
    doc = _Doc(text, path)
    if not isinstance(raw, dict):
        raise doc.fail(f"an AIF document is a JSON object with \"nodes\" and \"edges\", not {_kind(raw)}")
    body: dict[str, Any] = raw
    wrapped = raw.get("AIF")
    if isinstance(wrapped, dict) and ("nodes" in wrapped or "nodes" not in raw):
        doc.layout, doc.base, body = "xaif", ["AIF"], wrapped
        doc.top = {k: v for k, v in raw.items() if k != "AIF"}
        doc.graph_extra = {k: v for k, v in body.items() if k not in ("nodes", "edges")}
    else:  # AIFdb's layout; a top-level "AIF" without nodes is a metadata header, kept
        doc.top = {k: v for k, v in raw.items() if k not in ("nodes", "edges")}
    for key in ("nodes", "edges"):
        if key not in body:
            article = "an" if key == "edges" else "a"
            if doc.base and "nodes" not in body:  # neither xAIF nor AIFdb's layout
                doc.base = []
                raise doc.fail(f"an AIF document needs a \"nodes\" list, at the top (as AIFdb writes it) or "
                               f"inside \"AIF\" (as OVA and xAIF do); this one has {_keys(raw)} at the top "
                               f"and {_keys(body)} inside \"AIF\"")
            where = ' inside "AIF"' if doc.base else ""
            raise doc.fail(f"an AIF document needs {article} \"{key}\" list{where}; this one has "
                           f"{_keys(body)} (is this AIF JSON?)")
        if not isinstance(body[key], list):
            raise doc.fail(f"\"{key}\" should be a list, not {_kind(body[key])}", key)
    nodes, edges = body["nodes"], body["edges"]
    if any(isinstance(n, dict) and "nodeID" not in n and "id" in n for n in nodes[:1]) or (
        edges and isinstance(edges[0], dict) and "from" in edges[0]
    ):
        doc.layout = "ova2"
    id_key = "id" if doc.layout == "ova2" else "nodeID"
    seen: set[str] = set()
    for i, node in enumerate(nodes):
        if not isinstance(node, dict):
            raise doc.fail(f"node {i + 1} should be an object, not {_kind(node)}", "nodes", i)
        nid = node.get(id_key)
        if not isinstance(nid, (str, int)) or isinstance(nid, bool) or not str(nid).strip():
            raise doc.fail(f"node {i + 1} needs a \"{id_key}\" (a non-empty string or number)", "nodes", i)
        nid = str(nid)
        if nid in seen:
            raise doc.fail(f"two nodes have the id {nid!r}; node ids must be unique", "nodes", i)
        seen.add(nid)
        ntype = node.get("type")
        if not isinstance(ntype, str) or not ntype:
            raise doc.fail(f"node {nid!r} needs a \"type\" such as \"I\", \"RA\" or \"CA\"", "nodes", i)
        if ntype == "I":
            text_value = node.get("text")
            if not isinstance(text_value, str):
                raise doc.fail(f"I-node {nid!r} needs a \"text\" string", "nodes", i)
            if not text_value.strip():
                raise doc.fail(f"I-node {nid!r} has blank text; every claim needs words", "nodes", i)
        doc.nodes.append((nid, ntype, node))
    for i, edge in enumerate(edges):
        if not isinstance(edge, dict):
            raise doc.fail(f"edge {i + 1} should be an object, not {_kind(edge)}", "edges", i)
        ends = _edge_ends(edge, doc.layout)
        if ends is None:
            want = '"from" and "to" node objects' if doc.layout == "ova2" else '"fromID" and "toID"'
            raise doc.fail(f"edge {i + 1} needs {want}", "edges", i)
        for end in ends:
            if end not in seen:
                raise doc.fail(f"edge {i + 1} goes from {ends[0]!r} to {ends[1]!r}, "
                               f"but there is no node {end!r}; add it or remove the edge", "edges", i)
        doc.edges.append((ends[0], ends[1], edge))
    locutions = body.get("locutions", [])
    if not isinstance(locutions, list):
        raise doc.fail(f"\"locutions\" should be a list, not {_kind(locutions)}", "locutions")
    return doc


def _edge_ends(edge: dict[str, Any], layout: str) -> tuple[str, str] | None:
    if layout == "ova2":
        ends = [edge.get("from"), edge.get("to")]
        ids = [e.get("id") if isinstance(e, dict) else None for e in ends]
    else:
        ids = [edge.get("fromID"), edge.get("toID")]
    if not all(isinstance(x, (str, int)) and not isinstance(x, bool) for x in ids):
        return None
    return str(ids[0]), str(ids[1])


def _keys(body: dict[str, Any]) -> str:
    """The keys an object has, for a message: 'the keys "a", "b"' or 'no keys'."""
    names = [json.dumps(k) for k in list(body)[:6]]
    if not names:
        return "no keys"
    more = ", ..." if len(body) > 6 else ""
    return f"the key{'s' if len(body) > 1 else ''} {', '.join(names)}{more}"


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true or false", type(None): "null"}.get(
        type(value), "a number")


def _steps(doc: _Doc) -> dict[str, tuple[list[str], str]]:
    """The S-nodes that form well-shaped steps: id -> (premise I-node ids, target id)."""
    types = {nid: ntype for nid, ntype, _ in doc.nodes}
    preds: dict[str, list[str]] = {}
    succs: dict[str, list[str]] = {}
    for u, v, _ in doc.edges:
        preds.setdefault(v, []).append(u)
        succs.setdefault(u, []).append(v)
    candidates = [nid for nid, ntype, _ in doc.nodes if ntype in STEP_TYPES]
    return well_shaped_steps(candidates, preds, succs, lambda n: types[n] == "I")


def well_shaped_steps(candidates: list[str], preds: dict[str, list[str]], succs: dict[str, list[str]],
                      is_claim: Callable[[str], bool]) -> dict[str, tuple[list[str], str]]:
    """Which step nodes (AIF's S-nodes, SADFace's scheme nodes) make a step of the model.

    A step has claims as premises (each once), exactly one target that is neither itself nor a
    premise, and that target is a claim or another such step; steps aimed at each other in a
    ring bear on no claim and are left out. Linear: a step left out leaves out the steps aimed
    at it through a work list, not by passes over all of them.

    >>> preds = {"s": ["a"], "t": ["b"], "u": ["c"], "v": ["d"]}
    >>> succs = {"s": ["x"], "t": ["s"], "u": ["v"], "v": ["u"]}
    >>> sorted(well_shaped_steps(["s", "t", "u", "v"], preds, succs, lambda n: n in "abcdx"))
    ['s', 't']
    """
    step_set = set(candidates)
    found: dict[str, tuple[list[str], str]] = {}
    aimed_at: dict[str, list[str]] = {}
    for s in candidates:
        premises = [p for p in preds.get(s, []) if is_claim(p)]
        targets = succs.get(s, [])
        if not (premises and len(targets) == 1 and targets[0] != s and targets[0] not in premises
                and len(set(premises)) == len(premises)
                and (targets[0] in step_set or is_claim(targets[0]))):
            continue
        found[s] = (premises, targets[0])
        aimed_at.setdefault(targets[0], []).append(s)
    dropped = [s for s in candidates if s not in found]
    dropped += steps_in_cycles({s: t for s, (_, t) in found.items() if t in step_set})
    while dropped:  # a step aimed at a step that is not one is not one either
        gone = dropped.pop()
        found.pop(gone, None)
        dropped.extend(s for s in aimed_at.get(gone, ()) if s in found)
    return found


def steps_in_cycles(targets: dict[str, str]) -> set[str]:
    """The steps whose chain of targets (step aimed at step aimed at ...) comes back to them.

    ``targets`` maps each step to its one target (a step, or anything else).

    >>> sorted(steps_in_cycles({"a": "b", "b": "a", "c": "a", "d": "claim"}))
    ['a', 'b']
    """
    state: dict[str, int] = {}  # 1: on the current chain, 2: done
    looping: set[str] = set()
    for start in targets:
        chain: list[str] = []
        node = start
        while node in targets and node not in state:
            state[node] = 1
            chain.append(node)
            node = targets[node]
        if node in targets and state.get(node) == 1:  # came back into this chain: a ring
            looping.update(chain[chain.index(node):])
        for member in chain:
            state[member] = 2
    return looping


def _scheme(record: dict[str, Any]) -> str | None:
    name = record.get("scheme")
    if not isinstance(name, str) or not name.strip() or name.strip().isdigit():  # OVA2: a scheme's number
        text = record.get("text")
        name = text if isinstance(text, str) and text.strip() not in _GENERIC_TEXTS else None
    return None if name is None or name in _DEFAULT_SCHEMES else name


def loads(text: str, path: str | None = None) -> ArgumentMap:
    """Read AIF JSON (AIFdb, OVA3 xAIF or OVA2 layout) into a map."""
    doc = _parse(text, path)
    steps = _steps(doc)
    m = ArgumentMap()
    records: dict[str, dict[str, Any]] = {}
    leftover_nodes: list[dict[str, Any]] = []
    for nid, ntype, record in doc.nodes:
        if ntype == "I":
            m.claim(record["text"], id=nid)
            records[nid] = record
        elif nid in steps:
            polarity = STEP_TYPES[ntype]
            attrs: dict[str, Any] = {"kind": "inference", "polarity": polarity, "sources": [], "data": {}}
            scheme = _scheme(record)
            if scheme is not None:
                attrs["scheme"] = scheme
            m.graph.add_node(nid, **attrs)
            records[nid] = record
        else:
            leftover_nodes.append(record)
    model_edges: list[dict[str, Any]] = []
    leftover_edges: list[dict[str, Any]] = []
    wanted = {(p, s) for s, (premises, _) in steps.items() for p in premises}
    wanted |= {(s, t) for s, (_, t) in steps.items()}
    for u, v, record in doc.edges:
        if (u, v) in wanted and not m.graph.has_edge(u, v):
            role = "premise" if m.graph.nodes[u]["kind"] == "claim" else m.graph.nodes[u]["polarity"]
            m.graph.add_edge(u, v, role=role)
            model_edges.append(record)
        else:
            leftover_edges.append(record)
    m.meta["aif"] = {
        "layout": doc.layout,
        "top": doc.top,
        "graph": doc.graph_extra,
        "records": records,
        "nodes": leftover_nodes,
        "edges": leftover_edges,
        "model_edges": model_edges,
    }
    lines = id_lines(text, "id" if doc.layout == "ova2" else "nodeID")
    for node in m.graph.nodes:
        if node in lines:
            m.graph.nodes[node]["line"] = lines[node]
    if path is not None:
        m.graph.graph["path"] = path
    return m


# -- writing --------------------------------------------------------------------------------------
def _fresh_ids(used: set[str], numeric: bool) -> Iterator[str | int]:
    n = 0
    while True:
        n += 1
        if str(n) not in used:
            yield n if numeric else str(n)


def _node_record(node: Claim | Inference, record: dict[str, Any] | None, layout: str) -> dict[str, Any]:
    """The AIF record of a model node: its original record, updated where the model changed."""
    id_key = "id" if layout == "ova2" else "nodeID"
    if isinstance(node, Claim):
        out = copy.deepcopy(record) if record else {id_key: node.id}
        out["text"] = node.text
        out["type"] = "I"
    elif record is None:
        out = {id_key: node.id, "text": node.scheme or _DEFAULT_TEXT[node.polarity],
               "type": "RA" if node.polarity == "support" else "CA"}
        if node.scheme is not None:
            out["scheme"] = node.scheme
        return out
    else:
        out = copy.deepcopy(record)
        kind = "RA" if node.polarity == "support" else "CA"
        if STEP_TYPES.get(record.get("type", "")) == node.polarity:
            kind = record["type"]  # an MA-node (rephrase) stays one while it still supports
        old = _scheme(record)
        if record.get("type") != kind:
            out["type"] = kind
            if old is None:
                out["text"] = _DEFAULT_TEXT[node.polarity]
        if node.scheme != old:
            name = node.scheme or _DEFAULT_TEXT[node.polarity]
            if isinstance(record.get("scheme"), str):
                if record.get("text") == record["scheme"]:
                    out["text"] = name
                out["scheme"] = name
                out.pop("schemeID", None)  # it named the old scheme
            else:
                out["text"] = name
    original = out.get(id_key)
    out[id_key] = original if original is not None and str(original) == node.id else node.id
    return out


def to_dict(m: ArgumentMap) -> dict[str, Any]:
    """The map as AIF data, in the layout it was read from (AIFdb's for new maps)."""
    kept: dict[str, Any] = m.meta.get("aif") or {}
    layout = kept.get("layout", "aifdb")
    records: dict[str, Any] = kept.get("records", {})
    leftovers: list[dict[str, Any]] = copy.deepcopy(kept.get("nodes", []))
    id_key = "id" if layout == "ova2" else "nodeID"
    leftover_ids = {str(n.get(id_key)) for n in leftovers}
    for node_id in m.graph.nodes:
        if node_id in leftover_ids:
            raise ArgmapError(f"cannot write AIF: id {node_id!r} is used by a claim or step and by a "
                              "dialogue node kept from the original file; give the new node another id")
    nodes = [_node_record(m[n], records.get(n), layout) for n in m.graph.nodes]
    by_id = {str(n[id_key]): n for n in nodes}
    by_id.update({str(n.get(id_key)): n for n in leftovers})
    edges = _edges(m, kept, layout, by_id)
    if layout == "ova2":
        doc: dict[str, Any] = {"nodes": nodes + leftovers, "edges": edges}
        doc.update(copy.deepcopy(kept.get("top", {})))
        return doc
    if layout == "xaif":
        body: dict[str, Any] = {"nodes": nodes + leftovers, "edges": edges}
        body.update(copy.deepcopy(kept.get("graph", {})))
        return {"AIF": body, **copy.deepcopy(kept.get("top", {}))}
    doc = {"nodes": nodes + leftovers, "edges": edges}
    top = copy.deepcopy(kept.get("top", {}))
    doc.update(top)
    doc.setdefault("locutions", [])
    return doc


def _edges(m: ArgumentMap, kept: dict[str, Any], layout: str, by_id: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    numeric = layout == "xaif"
    previous: dict[tuple[str, str], dict[str, Any]] = {}
    for record in kept.get("model_edges", []):
        ends = _edge_ends(record, layout)
        if ends is not None:
            previous.setdefault(ends, record)
    leftovers = [e for e in kept.get("edges", []) if (ends := _edge_ends(e, layout)) is not None
                 and ends[0] in by_id and ends[1] in by_id]
    used = {str(e.get("edgeID")) for e in [*previous.values(), *leftovers]}
    fresh = _fresh_ids(used, numeric)
    out: list[dict[str, Any]] = []
    for u, v in m.graph.edges:
        old = previous.get((u, v))
        if old is not None:
            out.append(copy.deepcopy(old))
        elif layout == "ova2":
            out.append({"from": _ova2_end(by_id[u]), "to": _ova2_end(by_id[v])})
        else:
            out.append({"edgeID": next(fresh), "fromID": u, "toID": v, "formEdgeID": None})
    return out + copy.deepcopy(leftovers)


def _ova2_end(node: dict[str, Any]) -> dict[str, Any]:
    return {"id": node.get("id"), "type": node.get("type"), "text": node.get("text")}


def dumps(m: ArgumentMap) -> str:
    """The map as AIF JSON text (two-space indent, UTF-8 kept, trailing newline).

    >>> import argmap
    >>> m = argmap.ArgumentMap()
    >>> step = m.attack(m.claim("A", id="a"), "B", id="ca")
    >>> doc = json.loads(dumps(m))
    >>> [(n["nodeID"], n["type"]) for n in doc["nodes"]], doc["edges"][0]["fromID"]
    ([('a', 'I'), ('b', 'I'), ('ca', 'CA')], 'b')
    """
    return json.dumps(to_dict(m), indent=2, ensure_ascii=False) + "\n"


def looks_like_aif(text: str) -> bool:
    """Whether JSON text is shaped like AIF (AIFdb, xAIF or OVA2), judged from its keys."""
    head = text[:20000]
    return any(k in head for k in ('"nodeID"', '"fromID"', '"locutions"', '"AIF"')) or (
        '"nodes"' in head and '"analysis"' in text and '"from"' in head)


register(Format(
    name="aif",
    suffixes=(".aif.json", ".json"),
    description="AIF JSON as AIFdb and OVA write it (argument and dialogue layers)",
    reader=loads,
    writer=dumps,
    sniff=looks_like_aif,
    priority=5,
))
