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
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from argmap.drawing.svgdoc import SVG_NS
from argmap.errors import RenderError

if TYPE_CHECKING:
    from argmap.drawing.dot import Drawing

__all__ = ["InlineSvg", "inline_svg"]

_DRAWING = {
    "svg", "g", "path", "polygon", "polyline", "ellipse", "circle", "rect", "line", "text", "tspan",
    "defs", "linearGradient", "radialGradient", "stop", "clipPath",
}
_NUMBER_PAIR = re.compile(r"(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)")
_URL_REF = re.compile(r"url\(#([^)]+)\)")
_PT_TO_PX = 4 / 3
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass
class InlineSvg:
    """The cleaned SVG markup, its size in CSS pixels and each node's box in graph units.

    ``boxes`` maps a node id to ``(x, y, width, height)`` in the coordinates of the graph group
    (the ones a child element of the node's group is drawn in); ``link_boxes`` are the boxes of
    the edge and linked-premise groups, in document order. ``frame`` ``(ax, ex, ay, ey)`` maps
    graph units to CSS pixels of the unscaled picture: ``x_px = ax * x + ex``, ``y_px = ay * y + ey``.
    """

    markup: str
    width: float
    height: float
    boxes: dict[str, tuple[float, float, float, float]] = field(default_factory=dict)
    link_boxes: list[tuple[float, float, float, float]] = field(default_factory=list)
    frame: tuple[float, float, float, float] = (1.0, 0.0, 1.0, 0.0)
    #: With ``detach_text``: each node's ``<text>`` elements as ``[text, {attribute: value}]``.
    texts: dict[str, list[list[Any]]] = field(default_factory=dict)


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


def _frame(root: ET.Element) -> tuple[float, float, float, float]:
    """From the graph group's units to CSS pixels: viewBox scaling after Graphviz's transform."""
    width, height = _length_px(root.get("width")), _length_px(root.get("height"))
    view = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", root.get("viewBox", ""))]
    if len(view) != 4 or not view[2] or not view[3]:
        view = [0.0, 0.0, width or 1.0, height or 1.0]
    kx, ky = (width or view[2]) / view[2], (height or view[3]) / view[3]
    graph = root.find(f"{{{SVG_NS}}}g")
    transform = graph.get("transform", "") if graph is not None else ""
    scale = re.search(r"scale\(\s*(-?[\d.]+)[\s,]*(-?[\d.]+)?\s*\)", transform)
    shift = re.search(r"translate\(\s*(-?[\d.]+)[\s,]*(-?[\d.]+)?\s*\)", transform)
    sx = float(scale.group(1)) if scale else 1.0
    sy = float(scale.group(2) or scale.group(1)) if scale else 1.0
    tx = float(shift.group(1)) if shift else 0.0
    ty = float(shift.group(2) or 0.0) if shift else 0.0
    # transform="scale(s) rotate(0) translate(t)" maps p to s * (p + t).
    return (round(sx * kx, 6), round((sx * tx - view[0]) * kx, 3),
            round(sy * ky, 6), round((sy * ty - view[1]) * ky, 3))


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


def _lighten(root: ET.Element) -> None:
    """Say once what Graphviz repeats on every element: the same drawing, far less to parse.

    The font list moves to the root (it inherits), ``text-anchor="start"`` (the default) goes,
    ``xml:space`` gives way to the page's ``white-space: pre``, and a box drawn as a filled path
    followed by the same path stroked becomes one path, filled and stroked.
    """
    fonts = Counter(el.get("font-family") for el in root.iter() if el.get("font-family"))
    font = fonts.most_common(1)[0][0] if fonts else None
    if font:
        root.set("font-family", font)
    for el in list(root.iter()):
        if el is not root and font and el.get("font-family") == font:
            del el.attrib["font-family"]
        if el.get("text-anchor") == "start":
            del el.attrib["text-anchor"]
        el.attrib.pop(_XML_SPACE, None)
        children = list(el)
        for first, second in zip(children, children[1:], strict=False):
            if (first.tag == second.tag == "path" and first.get("d") == second.get("d")
                    and first.get("stroke") == "none" and second.get("fill") == "none"):
                for name, value in first.attrib.items():
                    if name != "stroke":
                        second.set(name, value)
                el.remove(first)


def _detach_text(root: ET.Element) -> dict[str, list[list[Any]]]:
    """Take the text out of node groups (a big map's page draws it only when a node comes near)."""
    texts: dict[str, list[list[Any]]] = {}
    for group in root.iter("g"):
        node = group.get("data-node")
        if node is None:
            continue
        runs = [child for child in group if child.tag == "text"]
        texts[node] = [[run.text or "", dict(run.attrib)] for run in runs]
        for run in runs:
            group.remove(run)
    return texts


def inline_svg(svg: str, drawing: Drawing, scope: str, *, detach_text: bool = False) -> InlineSvg:
    """Clean the SVG of ``drawing`` for inlining; ``scope`` prefixes the ids kept.

    >>> from argmap import ArgumentMap
    >>> from argmap.drawing.dot import build_dot
    >>> m = ArgumentMap()
    >>> _ = m.claim("T", id="t")
    >>> svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="75pt" height="30pt" viewBox="0 0 75 30">'
    ...        '<g id="am-t" class="node claim thesis"><title>n1</title><path d="M0,0 10,-20"/></g>'
    ...        '<script>alert(1)</script></svg>')
    >>> out = inline_svg(svg, build_dot(m), "x")
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

    # The drawing says what each group stands for: nodes and frames by their id, edges by the
    # title Graphviz gives them ("tail->head" in DOT names).
    boxes: dict[str, tuple[float, float, float, float]] = {}
    for group in root.iter(f"{{{SVG_NS}}}g"):
        classes = (group.get("class") or "").split()
        part = drawing.parts.get(group.get("id") or "")
        title = group.find(f"{{{SVG_NS}}}title")
        if part is not None and part.node is not None:
            if "node" in classes and part.kind == "node":
                group.set("data-node", part.node)
                box = _box(group)
                if box is not None:
                    boxes[part.node] = box
            elif ("cluster" in classes and part.kind == "linked") or ("prompt" in classes and part.kind == "prompt"):
                group.set("data-linked", part.node)  # a step's linked premises, or its questions box
        elif "edge" in classes:
            edge = drawing.edges.get((title.text or "") if title is not None else "")
            if edge is not None:
                group.set("data-from", edge.tail)
                group.set("data-to", edge.head)
        if title is not None:
            group.remove(title)  # Graphviz's internal node names: meaningless as tooltips

    link_boxes = [_box(g) or (0.0, 0.0, 0.0, 0.0) for g in root.iter(f"{{{SVG_NS}}}g")
                  if g.get("data-from") is not None or g.get("data-linked") is not None]
    frame = _frame(root)

    referenced: set[str] = set()
    for el in root.iter():
        for value in el.attrib.values():
            referenced.update(_URL_REF.findall(value))
    _clean(root, referenced, scope)
    _lighten(root)
    texts = _detach_text(root) if detach_text else {}
    width, height = _length_px(root.get("width")), _length_px(root.get("height"))
    root.set("width", f"{width:g}")
    root.set("height", f"{height:g}")
    markup = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    return InlineSvg(markup, width, height, boxes, link_boxes, frame, texts)

