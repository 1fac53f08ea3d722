"""GraphML (``.graphml``) through networkx: read and write, every attribute kept.

The map's graph is written as it is: each node with ``kind``, ``text``, ``polarity``, ... and each
edge with its ``role``. GraphML holds only strings, numbers and booleans, so lists and dicts
(``tags``, ``sources``, ``data``, the map's ``meta``) are written as JSON strings; any other
list- or dict-valued attribute, and any text holding characters XML cannot carry unchanged
(control characters, carriage returns), is written as JSON under the name ``json.<name>``. Tools such as
yEd, Gephi and Cytoscape open the file; argmap reads it back to the same map.

A document with a document type declaration (where entity tricks live) is checked with
defusedxml before networkx parses it, so those tricks are refused.

>>> import argmap
>>> m = argmap.ArgumentMap(title="T")
>>> c = m.claim("A & <B>", id="a", tags=["x"], sources=[argmap.Source(author="Ann")])
>>> _ = m.support(c, "C")
>>> back = argmap.loads(argmap.dumps(m, "graphml"), "graphml")
>>> back["a"].text, back["a"].tags, back["a"].sources[0].author, back.title
('A & <B>', ['x'], 'Ann', 'T')
"""

from __future__ import annotations

import json
import re
from typing import Any
from xml.etree.ElementTree import ParseError as XMLParseError

import networkx as nx

from argmap import limits
from argmap.errors import ParseError
from argmap.formats.located import find_position, has_surrogate_escape, parse_json, refuse_blank, refused_xml
from argmap.formats.registry import Format, register
from argmap.model import ArgumentMap, Source, adjacency, fill
from argmap.text import XML_UNSAFE
from argmap.validation import problems

__all__ = ["loads", "dumps"]

_JSON_KEYS = {"tags", "sources", "data", "meta"}
_PREFIX = "json."
_SCALARS = (str, int, float, bool)
#: Characters XML 1.0 cannot carry, or carries changed (a carriage return reads back as a newline).
_NOT_XML_SAFE = re.compile(XML_UNSAFE.pattern[:-1] + "\r]")  # argmap.text's rule, and CR (read back as LF)
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Reader provenance, not map content: not written.
_SKIP = {"line", "path"}
#: Edge attribute giving the edge's place among its target's incoming edges (premise order).
_IN_ORDER = "in_order"


def _encode(value: Any) -> Any:
    if isinstance(value, Source):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    return value


def _flat(attrs: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in attrs.items():
        if value is None or key in _SKIP:
            continue
        if key in _JSON_KEYS:
            text = json.dumps(_encode(value), ensure_ascii=False, sort_keys=False)
            _refuse_surrogates(text)
            # JSON escapes controls itself, but not U+FFFE/U+FFFF, which XML cannot hold either
            out[key] = json.dumps(_encode(value), sort_keys=False) if _NOT_XML_SAFE.search(text) else text
        elif isinstance(value, str) and _NOT_XML_SAFE.search(value):
            _refuse_surrogates(value)
            out[_PREFIX + key] = json.dumps(value)  # JSON escapes what XML would lose
        elif isinstance(value, _SCALARS):
            out[key] = value
        else:
            out[_PREFIX + key] = json.dumps(_encode(value), ensure_ascii=False)
    return out


def _refuse_surrogates(text: str) -> None:
    if _SURROGATE.search(text):
        text.encode("utf-8")  # raises UnicodeEncodeError, which argmap.dumps reports


#: GraphML's attr.type for each Python type a flattened attribute can have (networkx's names).
_XML_TYPES = {str: "string", int: "long", float: "double", bool: "boolean"}
_HEAD = ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
         'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
         'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
         'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">')


def _text(value: str) -> str:
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # ASCII, other characters as references, the way networkx (through ElementTree) writes them.
    return value if value.isascii() else value.encode("ascii", "xmlcharrefreplace").decode("ascii")


def _attr(value: str) -> str:
    value = _text(value).replace('"', "&quot;")
    if "\r" in value or "\n" in value or "\t" in value:
        value = value.replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#09;")
    return value


class _Keys:
    """GraphML's ``<key>`` table: one id per (name, type, scope), numbered in order of first use."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, str, str], str] = {}

    def data(self, scope: str, attrs: dict[str, Any], indent: str) -> str:
        parts = []
        for key, value in attrs.items():
            xml_type = _XML_TYPES[type(value)]
            kid = self.ids.setdefault((key, xml_type, scope), f"d{len(self.ids)}")
            parts.append(f'{indent}<data key="{kid}">{_text(str(value))}</data>\n')
        return "".join(parts)

    def declarations(self) -> str:
        # networkx puts each new key first: the table reads newest to oldest.
        return "".join(f'  <key id="{kid}" for="{scope}" attr.name="{_attr(name)}" attr.type="{xml_type}" />\n'
                       for (name, xml_type, scope), kid in reversed(self.ids.items()))


def dumps(m: ArgumentMap) -> str:
    """The map as GraphML text, written as networkx writes it, straight from the map.

    The text is made node by node: no element tree and no second copy of the graph, so a map
    of 100,000 claims needs about twice its text's size in memory, not six times.
    """
    nodes, succ, pred = adjacency(m.graph)
    keys = _Keys()
    graph_data = keys.data("graph", _flat(dict(m.graph.graph)), "    ")
    body = []
    for node, attrs in nodes.items():
        data = keys.data("node", _flat(attrs), "      ")
        body.append(f'    <node id="{_attr(str(node))}">\n{data}    </node>\n' if data
                    else f'    <node id="{_attr(str(node))}" />\n')
    # GraphML lists edges by source; in_order keeps each target's order of incoming edges.
    in_order = {(u, v): k for v, sources in pred.items() for k, u in enumerate(sources)}
    for u, targets in succ.items():
        for v, attrs in targets.items():
            flat = _flat(attrs)
            flat[_IN_ORDER] = in_order[u, v]
            data = keys.data("edge", flat, "      ")
            body.append(f'    <edge source="{_attr(str(u))}" target="{_attr(str(v))}">\n{data}    </edge>\n')
    return "".join([_HEAD, "\n", keys.declarations(), '  <graph edgedefault="directed">\n', *body,
                    graph_data, "  </graph>\n</graphml>\n"])


_EMPTY: dict[Any, type] = {"[]": list, "{}": dict}  # the JSON of an empty list and dict, as argmap writes it


def _decode(key: str, value: Any, where: str, path: str | None) -> tuple[str, Any]:
    name = key[len(_PREFIX):] if key.startswith(_PREFIX) else key
    if key not in _JSON_KEYS and not key.startswith(_PREFIX):
        return key, value
    if value in _EMPTY:  # most maps' tags, sources and data: nothing to parse
        decoded = _EMPTY[value]()
    else:
        try:
            decoded = parse_json(value, path, f"{where}: attribute {key!r}", check=False) if isinstance(value, str) \
                else value
        except ParseError as exc:
            raise ParseError(f"{where}: attribute {key!r} should hold JSON ({exc.message})", path=path) from None
        if isinstance(value, str):
            _check_decoded(decoded, value, f"{where}: attribute {key!r}", path)
    if name == "sources":
        if not isinstance(decoded, list) or not all(isinstance(s, dict) for s in decoded):
            raise ParseError(f"{where}: 'sources' should be a JSON list of objects", path=path)
        try:
            decoded = [Source.from_dict(s) for s in decoded]
        except TypeError as exc:
            raise ParseError(f"{where}: {exc}", path=path) from None
    elif name == "tags" and not (isinstance(decoded, list) and all(isinstance(t, str) for t in decoded)):
        raise ParseError(f"{where}: 'tags' should be a JSON list of strings", path=path)
    elif name in ("data", "meta") and not isinstance(decoded, dict):
        raise ParseError(f"{where}: {name!r} should be a JSON object", path=path)
    return name, decoded


def _invalid_xml(exc: XMLParseError, path: str | None) -> ParseError:
    line, column = getattr(exc, "position", (None, None))
    message = str(exc).split(":")[0]
    return ParseError(f"invalid XML: {message}", path=path, line=line,
                      column=column + 1 if column is not None else None)


def _refuse_unsafe(text: str, path: str | None) -> None:
    import defusedxml.ElementTree  # imported on first use, keeping `argmap` quick to start
    from defusedxml import DefusedXmlException

    try:
        defusedxml.ElementTree.fromstring(text.encode("utf-8"))
    except XMLParseError as exc:
        raise _invalid_xml(exc, path) from None
    except DefusedXmlException as exc:
        raise refused_xml(text, type(exc).__name__, path) from None


def loads(text: str, path: str | None = None) -> ArgumentMap:
    """Read GraphML written by argmap (or any GraphML whose nodes carry argmap's attributes)."""
    refuse_blank(text, path, "GraphML")
    if "<!DOCTYPE" in text:
        # Entity tricks need a document type declaration (XML spells it so, and only so):
        # defusedxml's slower parse looks at such documents, and only those, before networkx.
        _refuse_unsafe(text, path)
    try:
        graph = nx.parse_graphml(text, force_multigraph=False)
    except XMLParseError as exc:
        raise _invalid_xml(exc, path) from None
    except (nx.NetworkXError, ValueError, KeyError, TypeError) as exc:
        where = find_position(text, r"<graph\b") or (None, None)
        raise ParseError(f"not GraphML networkx can read: {exc}", path=path, line=where[0],
                         column=where[1]) from None
    if not graph.is_directed():
        where = find_position(text, r"\bedgedefault\s*=") or find_position(text, r"<graph\b") or (None, None)
        raise ParseError("the graph is undirected; an argument map needs edgedefault=\"directed\"", path=path,
                         line=where[0], column=where[1])
    m = ArgumentMap()
    for key, value in graph.graph.items():
        if key in ("node_default", "edge_default"):
            continue
        name, decoded = _decode(key, value, "the graph", path)
        m.graph.graph[name] = _as_text(name, decoded)
    m.graph.graph.setdefault("meta", {})
    nodes: list[tuple[str, dict[str, Any]]] = []
    for node, attrs in graph.nodes(data=True):
        try:
            decoded_attrs = {name: _as_text(name, value)
                             for name, value in (_decode(k, v, f"node {node!r}", path) for k, v in attrs.items())}
            if decoded_attrs.get("kind") not in ("claim", "inference"):
                raise ParseError(f"node {node!r} needs a 'kind' attribute of 'claim' or 'inference'", path=path)
        except ParseError as err:
            raise _at_node(err, text, str(node)) from None
        decoded_attrs.setdefault("sources", [])
        decoded_attrs.setdefault("data", {})
        if decoded_attrs["kind"] == "claim":
            decoded_attrs.setdefault("tags", [])
        nodes.append((str(node), decoded_attrs))
    edges = [(str(u), str(v), dict(_decode(k, x, f"edge {u!r} -> {v!r}", path) for k, x in attrs.items()
                                   if k != _IN_ORDER))
             for u, v, attrs in _insertion_order(list(graph.edges(data=True)))]
    fill(m.graph, nodes, edges)  # every edge's ends are nodes: networkx added those it lacked
    found = problems(m)
    if found:
        first = re.search(r"'((?:[^'\\]|\\.)*)'", found[0])  # the node the first problem names
        problem = ParseError("not a well-formed map: " + "; ".join(found[:5]) +
                             (f" (and {len(found) - 5} more)" if len(found) > 5 else ""), path=path)
        raise (_at_node(problem, text, first.group(1)) if first else problem)
    if path is not None:
        m.graph.graph["path"] = path
    return m


#: Attributes that hold text, whatever type another tool declared for them (yEd may say ``int``).
_TEXT_ATTRIBUTES = {"text", "label", "note", "scheme", "group", "title", "kind", "polarity"}


def _as_text(name: str, value: Any) -> Any:
    """A text attribute's value as text: GraphML lets a file type ``label`` as ``int``."""
    if name in _TEXT_ATTRIBUTES and isinstance(value, int | float):  # bool too: a bool is an int
        return str(value)
    return value


def _check_decoded(decoded: Any, raw: str, where: str, path: str | None) -> None:
    """JSON inside an attribute: no deeper than the nesting limit, no lone surrogates."""
    most = limits.current().nesting
    if limits.nesting_depth(decoded, stop=most) > most:
        raise ParseError(f"{where}: " + limits.message("nesting", "its JSON", f"more than {most}"), path=path)
    if has_surrogate_escape(raw):
        stack = [decoded]
        while stack:
            item = stack.pop()
            if isinstance(item, str) and _SURROGATE.search(item):
                raise ParseError(f"{where} holds a lone surrogate (half of a character, written as an escape "
                                 "such as \\ud800); write the character itself", path=path)
            if isinstance(item, dict):
                stack.extend(item.keys())
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)


def _at_node(err: ParseError, text: str, node: str) -> ParseError:
    """The same error, located at the node's element in the file."""
    from xml.sax.saxutils import quoteattr

    where = find_position(text, r"<node\b[^>]*\bid=" + re.escape(quoteattr(node)))
    if where is None:
        return err
    return ParseError(err.message, path=err.path, line=where[0], column=where[1])


def _insertion_order(edges: list[tuple[Any, Any, dict[str, Any]]]) -> list[tuple[Any, Any, dict[str, Any]]]:
    """Edges in an order that keeps both each source's order (the file's) and each target's (``in_order``)."""
    import heapq

    after: dict[int, list[int]] = {i: [] for i in range(len(edges))}
    waiting = [0] * len(edges)
    chains: dict[tuple[str, Any], list[int]] = {}
    for i, (u, _, _) in enumerate(edges):
        chains.setdefault(("out", u), []).append(i)
    by_target: dict[Any, list[int]] = {}
    for i, (_, v, _) in enumerate(edges):
        by_target.setdefault(v, []).append(i)
    for v, members in by_target.items():
        def rank(i: int) -> tuple[int, int]:
            order = edges[i][2].get(_IN_ORDER)
            return (order if isinstance(order, int) else i, i)
        chains[("in", v)] = sorted(members, key=rank)
    for chain in chains.values():
        for a, b in zip(chain, chain[1:], strict=False):
            after[a].append(b)
            waiting[b] += 1
    ready = [i for i in range(len(edges)) if waiting[i] == 0]
    heapq.heapify(ready)
    out: list[int] = []
    while ready:
        i = heapq.heappop(ready)
        out.append(i)
        for j in after[i]:
            waiting[j] -= 1
            if waiting[j] == 0:
                heapq.heappush(ready, j)
    if len(out) < len(edges):  # contradictory orders (hand-edited file): keep the file's
        return edges
    return [edges[i] for i in out]


def looks_like_graphml(text: str) -> bool:
    """Whether a text is GraphML."""
    return "<graphml" in text[:4000]


register(Format(
    name="graphml",
    suffixes=(".graphml",),
    description="GraphML through networkx (yEd, Gephi, Cytoscape); attributes kept",
    reader=loads,
    writer=dumps,
    sniff=looks_like_graphml,
))
