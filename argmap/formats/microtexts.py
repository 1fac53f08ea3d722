"""arg-microtexts XML (``arggraph``, Peldszus & Stede): read only, through defusedxml.

An ``arggraph`` segments a short text into EDUs (elementary discourse units), groups them
(directly or through ``joint`` nodes, by ``seg`` edges) into ADUs (argumentative units, each a
proponent's or opponent's claim) and relates the ADUs:

- ``sup`` (support) and ``exa`` (support by example; ``scheme="example"``): a support step;
- ``reb`` (rebutting attack): an attack step on the target ADU;
- ``und`` (undercutting attack): an attack step on the *edge* it points to, i.e. an undercut;
- ``add`` (additional source): one more linked premise of the step the target edge stands for.

Each ADU becomes a claim with the ADU's id and the text of its EDUs; each relation edge becomes
the step with the edge's id. ``claim.data["side"]`` is ``"proponent"`` or ``"opponent"``;
the text's id, topic and stance go to ``m.meta["microtexts"]``. XML is parsed by defusedxml, so
entity tricks and external references are refused.

>>> import argmap
>>> m = argmap.loads('''<arggraph id="micro_x" topic_id="waste" stance="pro">
...   <edu id="e1">Germany produces too much rubbish.</edu>
...   <edu id="e2">We should separate waste.</edu>
...   <adu id="a1" type="pro"/><adu id="a2" type="pro"/>
...   <edge id="c1" src="e1" trg="a1" type="seg"/><edge id="c2" src="e2" trg="a2" type="seg"/>
...   <edge id="c3" src="a1" trg="a2" type="sup"/>
... </arggraph>''', "microtexts")
>>> m["c3"].premise.text, m["c3"].target.text, m["a1"].data["side"]
('Germany produces too much rubbish.', 'We should separate waste.', 'proponent')
"""

from __future__ import annotations

import xml.sax
from dataclasses import dataclass, field
from typing import Any

from argmap.errors import ParseError
from argmap.formats.located import refuse_blank, refused_xml
from argmap.formats.registry import Format, register
from argmap.model import ArgumentMap

__all__ = ["loads", "looks_like_microtexts", "RELATIONS"]

#: Relation edge types and the polarity of the step each makes.
RELATIONS = {"sup": "support", "exa": "support", "reb": "attack", "und": "attack"}
_SIDES = {"pro": "proponent", "opp": "opponent"}


@dataclass
class _Element:
    tag: str
    attrs: dict[str, str]
    line: int
    column: int
    text: list[str] = field(default_factory=list)


class _Collector(xml.sax.ContentHandler):
    """Collects the arggraph's elements with where each one starts."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[_Element] = []
        self.root: _Element | None = None
        self._open: _Element | None = None
        self._locator: Any = None

    def setDocumentLocator(self, locator: Any) -> None:  # noqa: N802 - SAX's name
        self._locator = locator

    def startElement(self, name: str, attrs: Any) -> None:  # noqa: N802 - SAX's name
        line = self._locator.getLineNumber() if self._locator else 0
        column = (self._locator.getColumnNumber() or 0) + 1 if self._locator else 0
        element = _Element(name, dict(attrs.items()), line, column)
        if self.root is None:
            self.root = element
        else:
            self.elements.append(element)
        self._open = element

    def endElement(self, name: str) -> None:  # noqa: N802 - SAX's name
        self._open = None

    def characters(self, content: str) -> None:
        if self._open is not None:
            self._open.text.append(content)


def _parse(text: str, path: str | None) -> _Collector:
    import defusedxml.sax  # imported on first read, keeping `argmap` quick to start
    from defusedxml import DefusedXmlException

    collector = _Collector()
    try:
        defusedxml.sax.parseString(text.encode("utf-8"), collector)
    except xml.sax.SAXParseException as exc:
        raise ParseError(f"invalid XML: {exc.getMessage()}", path=path,
                         line=exc.getLineNumber(), column=(exc.getColumnNumber() or 0) + 1) from None
    except DefusedXmlException as exc:
        raise refused_xml(text, type(exc).__name__, path) from None
    return collector


def loads(text: str, path: str | None = None) -> ArgumentMap:
    """Read an arg-microtexts ``arggraph`` document."""
    refuse_blank(text, path, "an <arggraph> document")
    if text.lstrip().startswith("<?xml"):
        # The text is already decoded; drop the declaration so its encoding cannot disagree.
        end = text.find("?>")
        text = " " * (end + 2) + text[end + 2:] if end >= 0 else text
    collector = _parse(text, path)
    root = collector.root

    def fail(message: str, element: _Element | None) -> ParseError:
        return ParseError(message, path=path, line=element.line if element else None,
                          column=element.column if element else None)

    if root is None or root.tag != "arggraph":
        raise fail(f"the root element should be <arggraph>, not <{root.tag if root else ''}>", root)
    by_id: dict[str, _Element] = {}
    for element in collector.elements:
        if element.tag not in ("edu", "joint", "adu", "edge"):
            raise fail(f"unexpected element <{element.tag}>; an arggraph holds edu, joint, adu and edge", element)
        eid = element.attrs.get("id")
        if not eid:
            raise fail(f"<{element.tag}> needs an id attribute", element)
        if eid in by_id:
            raise fail(f"the id {eid!r} is used twice (first on line {by_id[eid].line})", element)
        by_id[eid] = element

    def ref(edge: _Element, attr: str, allowed: tuple[str, ...]) -> _Element:
        rid = edge.attrs.get(attr)
        if not rid:
            raise fail(f"edge {edge.attrs['id']!r} needs a {attr} attribute", edge)
        target = by_id.get(rid)
        if target is None:
            raise fail(f"edge {edge.attrs['id']!r} refers to {rid!r}, which is not defined", edge)
        if target.tag not in allowed:
            kinds = " or ".join(f"<{kind}>" for kind in allowed)
            raise fail(f"a {edge.attrs.get('type')!r} edge's {attr} must be {_an(kinds)}, "
                       f"but {rid!r} is {_an(f'<{target.tag}>')}", edge)
        return target

    edges = [e for e in collector.elements if e.tag == "edge"]
    parts: dict[str, list[str]] = {}  # adu or joint id -> edu ids
    for edge in edges:
        kind = edge.attrs.get("type")
        if kind not in (*RELATIONS, "seg", "add"):
            raise fail(f"edge {edge.attrs['id']!r} has type {kind!r}; expected seg, sup, exa, reb, und or add",
                       edge)
        if kind == "seg":
            src = ref(edge, "src", ("edu", "joint"))
            trg = ref(edge, "trg", ("adu", "joint"))
            parts.setdefault(trg.attrs["id"], []).append(src.attrs["id"])

    def edus_of(unit: str) -> list[str]:
        # Joints may nest thousands deep and share parts: walk them with a work list, once each.
        found: list[str] = []
        seen = {unit}
        todo = [unit]
        while todo:
            for part in parts.get(todo.pop(), []):
                if part in seen:
                    continue
                seen.add(part)
                if by_id[part].tag == "edu":
                    found.append(part)
                else:
                    todo.append(part)
        return found

    order = {e.attrs["id"]: i for i, e in enumerate(collector.elements)}
    m = ArgumentMap()
    m.meta["microtexts"] = {k: v for k, v in root.attrs.items()}
    if path is not None:
        m.graph.graph["path"] = path
    for adu in (e for e in collector.elements if e.tag == "adu"):
        aid = adu.attrs["id"]
        edus = sorted(set(edus_of(aid)), key=order.__getitem__)
        words = " ".join("".join(by_id[e].text).strip() for e in edus).strip()
        if not words:
            raise fail(f"ADU {aid!r} has no text: link an <edu> to it with a 'seg' edge", adu)
        side = adu.attrs.get("type")
        if side not in _SIDES:
            raise fail(f"ADU {aid!r} has type {side!r}; expected 'pro' or 'opp'", adu)
        m.claim(words, id=aid, data={"side": _SIDES[side], "edus": edus})
        m.graph.nodes[aid]["line"] = adu.line
    relations = [e for e in edges if e.attrs["type"] in RELATIONS]
    for edge in relations:
        eid, kind = edge.attrs["id"], edge.attrs["type"]
        attrs: dict[str, Any] = {"kind": "inference", "polarity": RELATIONS[kind], "sources": [], "data": {},
                                 "line": edge.line}
        if kind == "exa":
            attrs["scheme"] = "example"
        m.graph.add_node(eid, **attrs)
    for edge in relations:
        eid, kind = edge.attrs["id"], edge.attrs["type"]
        src = ref(edge, "src", ("adu",))
        trg = ref(edge, "trg", ("edge",) if kind == "und" else ("adu",))
        if kind == "und" and trg.attrs["id"] not in m.graph:
            raise fail(f"undercut {eid!r} attacks edge {trg.attrs['id']!r}, which is not a support or attack", edge)
        m.graph.add_edge(src.attrs["id"], eid, role="premise")
        m.graph.add_edge(eid, trg.attrs["id"], role=RELATIONS[kind])
    for edge in (e for e in edges if e.attrs["type"] == "add"):
        src = ref(edge, "src", ("adu",))
        trg = ref(edge, "trg", ("edge",))
        if trg.attrs["id"] not in m.graph:
            raise fail(f"'add' edge {edge.attrs['id']!r} adds a premise to {trg.attrs['id']!r}, "
                       "which is not a support or attack", edge)
        m.graph.add_edge(src.attrs["id"], trg.attrs["id"], role="premise")
    for step in m.inferences:
        if step.target.id in {p.id for p in step.premises}:
            line = m.graph.nodes[step.id]["line"]
            raise ParseError(f"edge {step.id!r} makes {step.target.id!r} a reason for itself", path=path, line=line)
    return m


def _an(word: str) -> str:
    """``word`` with its article: an <edge>, a <joint>."""
    return ("an " if word.lstrip("<")[:1] in "aeiou" else "a ") + word


def looks_like_microtexts(text: str) -> bool:
    """Whether a text is an arggraph document."""
    return "<arggraph" in text[:2000]


register(Format(
    name="microtexts",
    suffixes=(".xml",),
    description="arg-microtexts arggraph XML (read only)",
    reader=loads,
    sniff=looks_like_microtexts,
    priority=5,
))
