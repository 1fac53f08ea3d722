"""Make Graphviz's SVG fit to inline in an HTML page: only drawing elements, nodes tagged by id.

The SVG is parsed and written again rather than pasted: elements outside a small list of drawing
elements are dropped (so no ``<script>``, ``<foreignObject>`` or animation can ride along, whatever
the engine wrote), as are event-handler, ``href`` and ``style`` attributes. Graphviz's element ids
(which would clash when several maps share a page) give way to data attributes: node groups get
``data-node`` (the map id), edges ``data-from``/``data-to``, linked-premise frames ``data-linked``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from argmap.errors import RenderError

__all__ = ["InlineSvg", "inline_svg"]

SVG_NS = "http://www.w3.org/2000/svg"
_DRAWING = {
    "svg", "g", "path", "polygon", "polyline", "ellipse", "circle", "rect", "line", "text", "tspan",
    "defs", "linearGradient", "radialGradient", "stop", "clipPath",
}
_NUMBER_PAIR = re.compile(r"(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)")
_URL_REF = re.compile(r"url\(#([^)]+)\)")
_PT_TO_PX = 4 / 3


@dataclass
class InlineSvg:
    """The cleaned SVG markup, its size in CSS pixels and each node's box in graph units.

    ``boxes`` maps a node id to ``(x, y, width, height)`` in the coordinates of the graph group
    (the ones a child element of the node's group is drawn in).
    """

    markup: str
    width: float
    height: float
    boxes: dict[str, tuple[float, float, float, float]] = field(default_factory=dict)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _length_px(value: str | None) -> float:
    if not value:
        return 0.0
    number = re.match(r"\s*(-?\d+(?:\.\d+)?)", value)
    if number is None:
        return 0.0
    scale = _PT_TO_PX if value.strip().endswith("pt") else 1.0
    return float(number.group(1)) * scale


def _box(group: ET.Element) -> tuple[float, float, float, float] | None:
    xs: list[float] = []
    ys: list[float] = []
    for el in group.iter():
        for attr in ("d", "points"):
            for x, y in _NUMBER_PAIR.findall(el.get(attr, "")):
                xs.append(float(x))
                ys.append(float(y))
    if not xs:
        return None
    x0, y0 = min(xs), min(ys)
    return (round(x0, 2), round(y0, 2), round(max(xs) - x0, 2), round(max(ys) - y0, 2))


def _clean(el: ET.Element, keep_ids: set[str], scope: str) -> None:
    """Drop non-drawing children and unsafe attributes, recursively."""
    for child in list(el):
        if _local(child.tag) not in _DRAWING:
            el.remove(child)
            continue
        _clean(child, keep_ids, scope)
    for name in list(el.attrib):
        local = _local(name).lower()
        if local.startswith("on") or local in ("href", "style"):
            del el.attrib[name]
        elif local == "id":
            if el.attrib[name] in keep_ids:
                el.attrib[name] = f"{scope}-{el.attrib[name]}"
            else:
                del el.attrib[name]
        elif "url(#" in el.attrib[name]:
            el.attrib[name] = _URL_REF.sub(lambda mt: f"url(#{scope}-{mt.group(1)})", el.attrib[name])
    el.tag = _local(el.tag)


def inline_svg(svg: str, node_ids: set[str], scope: str) -> InlineSvg:
    """Clean Graphviz SVG text for inlining; ``node_ids`` are the map's ids, ``scope`` prefixes ids kept.

    >>> svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="75pt" height="30pt" viewBox="0 0 75 30">'
    ...        '<g id="am-t" class="node claim thesis"><title>n1</title><path d="M0,0 10,-20"/></g>'
    ...        '<script>alert(1)</script></svg>')
    >>> out = inline_svg(svg, {"t"}, "x")
    >>> print(out.markup.replace("><", ">\\n<"))
    <svg width="100" height="40" viewBox="0 0 75 30">
    <g class="node claim thesis" data-node="t">
    <path d="M0,0 10,-20" />
    </g>
    </svg>
    >>> out.boxes["t"]
    (0.0, -20.0, 10.0, 20.0)
    """
    try:
        root = ET.fromstring(svg.encode("utf-8"))
    except ET.ParseError as exc:
        raise RenderError(f"the layout engine wrote SVG that does not parse: {exc}") from None
    if _local(root.tag) != "svg":
        raise RenderError("the layout engine wrote no <svg> element")

    # Graphviz names nodes by their internal DOT names in <title>; edges as "tail->head".
    internal: dict[str, str] = {}
    boxes: dict[str, tuple[float, float, float, float]] = {}
    edges: list[tuple[ET.Element, str]] = []
    for group in root.iter(f"{{{SVG_NS}}}g"):
        classes = (group.get("class") or "").split()
        gid = group.get("id") or ""
        title = group.find(f"{{{SVG_NS}}}title")
        name = (title.text or "") if title is not None else ""
        if "node" in classes and gid.startswith("am-") and gid[3:] in node_ids:
            node = gid[3:]
            group.set("data-node", node)
            internal[name] = node
            box = _box(group)
            if box is not None:
                boxes[node] = box
        elif "cluster" in classes and gid.startswith("am-") and gid.endswith("-linked"):
            if gid[3:-7] in node_ids:
                group.set("data-linked", gid[3:-7])
        elif "edge" in classes:
            edges.append((group, name))
        if title is not None:
            group.remove(title)  # Graphviz's internal node names: meaningless as tooltips
    for edge, name in edges:
        tail, _, head = name.partition("->")
        if tail in internal and head in internal:
            edge.set("data-from", internal[tail])
            edge.set("data-to", internal[head])

    referenced: set[str] = set()
    for el in root.iter():
        for value in el.attrib.values():
            referenced.update(_URL_REF.findall(value))
    _clean(root, referenced, scope)
    width, height = _length_px(root.get("width")), _length_px(root.get("height"))
    root.set("width", f"{width:g}")
    root.set("height", f"{height:g}")
    markup = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    return InlineSvg(markup, width, height, boxes)

