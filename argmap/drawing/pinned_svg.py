"""SVG of a drawing argmap placed itself, written without the layout engine.

A big map is laid out by argmap (:mod:`argmap.drawing.tree_layout`): every box, line and frame is
placed before the engine runs, which then only reads the DOT and writes it out as SVG, and
reading HTML-like labels by the thousand is most of its time. This module writes that same SVG
directly from the :class:`~argmap.drawing.pinned.Scene` the DOT builder keeps: the same elements
as the engine draws them (rounded tables, step boxes, text runs at the engine's positions, lines
with their arrowheads, frames, the title), the same ids, classes and document order, and the
titles and description the accessibility pass (:mod:`argmap.drawing.accessibility`) would give.
``drawing_svg(..., engine=True)`` still sends such a drawing through the engine, so the two can
be compared (``tests/drawing/test_pinned_svg.py``).

Map text is data: every text and attribute is escaped here, through :func:`argmap.text.xml_safe`.
"""

from __future__ import annotations

import html
import math
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import TYPE_CHECKING

from argmap.drawing.accessibility import _cluster_title, _edge_title, _part_title, _root_ids, map_title
from argmap.drawing.boxes import BOLD, ITALIC
from argmap.drawing.svgdoc import SVG_NS, XLINK_NS, XML_DECLARATION
from argmap.drawing.themes import FONT_FALLBACK
from argmap.outline import outline_text
from argmap.text import xml_safe

if TYPE_CHECKING:
    from argmap.drawing.boxes import Text
    from argmap.drawing.dot import Drawing
    from argmap.drawing.pinned import Scene, SceneEdge, SceneNode
    from argmap.model import ArgumentMap

__all__ = ["scene_svg", "PAD"]

#: The margin round the picture (the DOT's ``pad``), in points.
PAD = 21.6
#: A normal arrowhead: its length, half its width per unit of length.
_ARROW, _ARROW_WIDTH = 10.0, 0.35
#: How far the tip of a normal arrowhead stands back from the box, per point of pen width.
_TIP_BACK = 0.5 / math.sin(math.atan(_ARROW_WIDTH))
#: A tee: its length.
_TEE = 5.0
#: The most a rounded corner takes (points), or a third of the shorter side.
_RADIUS = 12.0


def _n(value: float) -> str:
    """A number as the engine writes one: two decimals at most, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _attr(value: str) -> str:
    return html.escape(xml_safe(value), quote=True)


def _content(value: str) -> str:
    return html.escape(xml_safe(value), quote=False)


def _spaces(text: str) -> str:
    # The engine writes a space after a space as a no-break space, so that viewers keep both.
    return text.replace("  ", " \u00a0") if "  " in text else text


def _colour(value: str) -> str:
    return value.lower() if value.startswith("#") else value


def _rounded(x0: float, y0: float, x1: float, y1: float, *, table: bool) -> str:
    """A rounded rectangle (y down) as the engine's path: a table's from its bottom left going
    right, a box's from its top right going left."""
    r = min(_RADIUS, (x1 - x0) / 3, (y1 - y0) / 3)
    h = r / 2
    # Two decimals, as the engine writes them (written inline: a big map has half a million).
    a, b, c, d = f"{x0:.2f}", f"{x0 + h:.2f}", f"{x0 + r:.2f}", f"{x1 - r:.2f}"
    e, f, top, bottom = f"{x1 - h:.2f}", f"{x1:.2f}", f"{y0:.2f}", f"{y1:.2f}"
    t1, t2, b1, b2 = f"{y0 + h:.2f}", f"{y0 + r:.2f}", f"{y1 - h:.2f}", f"{y1 - r:.2f}"
    if table:
        return (f"M{c},{bottom}C{c},{bottom} {d},{bottom} {d},{bottom} {e},{bottom} {f},{b1} {f},{b2} "
                f"{f},{b2} {f},{t2} {f},{t2} {f},{t1} {e},{top} {d},{top} {d},{top} {c},{top} {c},{top} "
                f"{b},{top} {a},{t1} {a},{t2} {a},{t2} {a},{b2} {a},{b2} {a},{b1} {b},{bottom} {c},{bottom}")
    return (f"M{d},{top}C{d},{top} {c},{top} {c},{top} {b},{top} {a},{t1} {a},{t2} {a},{t2} {a},{b2} {a},{b2} "
            f"{a},{b1} {b},{bottom} {c},{bottom} {c},{bottom} {d},{bottom} {d},{bottom} {e},{bottom} {f},{b1} "
            f"{f},{b2} {f},{b2} {f},{t2} {f},{t2} {f},{t1} {e},{top} {d},{top}")


def _stroke(width: float, dash: str | None) -> str:
    return (f' stroke-width="{_n(width)}"' if width != 1 else "") + (f' stroke-dasharray="{dash}"' if dash else "")


def _fill(colour: str) -> str:
    """A text's fill attribute (none for black, the default)."""
    return "" if colour == "black" else f' fill="{_colour(colour)}"'


def _texts(out: list[str], texts: tuple[Text, ...], left: float, top: float, colour: str) -> None:
    for x, baseline, text, size, style, run_colour in texts:
        weight = ' font-weight="bold"' if style & BOLD else ""
        slant = ' font-style="italic"' if style & ITALIC else ""
        out.append(f'<text xml:space="preserve" text-anchor="start" x="{left + x:.2f}" y="{top + baseline:.2f}" '
                   f'font-family="{FONT_FALLBACK}"{weight}{slant} font-size="{size:.2f}"{_fill(run_colour or colour)}>'
                   f"{_content(_spaces(text))}</text>\n")


def _node(out: list[str], node: SceneNode, dy: float, title: str) -> None:
    out.append(f'<g id="{_attr(node.element)}" class="node {_attr(node.classes)}">\n<title>{_content(title)}</title>\n')
    if node.href:
        out.append(f'<g id="a_{_attr(node.element)}"><a xlink:href="{_attr(node.href)}" '
                   'xlink:title="&lt;TABLE&gt;">\n')
    x0, y0 = node.left, node.top + dy
    x1, y1 = x0 + node.laid.width, y0 + node.laid.height
    stroke, fill = _colour(node.stroke), _colour(node.fill)
    if node.kind == "step":
        out.append(f'<path fill="{fill}" stroke="{stroke}"{_stroke(node.border, node.dash)} '
                   f'd="{_rounded(x0, y0, x1, y1, table=False)}"/>\n')
    elif node.kind == "legend":
        points = f"{_n(x0)},{_n(y1)} {_n(x0)},{_n(y0)} {_n(x1)},{_n(y0)} {_n(x1)},{_n(y1)} {_n(x0)},{_n(y1)}"
        out.append(f'<polygon fill="{fill}" stroke="none" points="{points}"/>\n'
                   f'<polygon fill="none" stroke="{stroke}" points="{points}"/>\n')
    else:  # a claim's or a stub's rounded table; a border wider than 1 is drawn inside the box
        inset = node.border / 2 if node.border > 1 else 0.0
        path = _rounded(x0 + inset, y0 + inset, x1 - inset, y1 - inset, table=True)
        out.append(f'<path fill="{fill}" stroke="none" d="{path}"/>\n'
                   f'<path fill="none" stroke="{stroke}"{_stroke(node.border, node.dash)} d="{path}"/>\n')
    _texts(out, node.laid.texts, x0, y0, node.text_color)
    if node.href:
        out.append("</a>\n</g>\n")
    out.append("</g>\n")


def _arrowhead(edge: SceneEdge, dy: float, colour: str) -> str:
    """The arrowhead at the end of a line, as the engine draws it (a filled triangle or a tee)."""
    if edge.end is None or edge.arrowhead == "none":
        return ""
    (px, py), (ex, ey) = edge.points[-1], edge.end
    length = math.hypot(ex - px, ey - py) or 1.0
    ux, uy = (ex - px) / length, (ey - py) / length  # along the line, toward the box
    pen = f'stroke="{colour}" stroke-width="{_n(edge.penwidth)}"' if edge.penwidth != 1 else f'stroke="{colour}"'
    if edge.arrowhead == "tee":
        bx, by = -ux * _TEE, -uy * _TEE  # from the box back along the line
        vx, vy = by, -bx
        mx, my, nx, ny = ex + 0.2 * bx, ey + dy + 0.2 * by, ex + 0.6 * bx, ey + dy + 0.6 * by
        corners = [(mx + vx, my + vy), (mx - vx, my - vy), (nx - vx, ny - vy), (nx + vx, ny + vy), (mx + vx, my + vy)]
        points = " ".join(f"{_n(x)},{_n(y)}" for x, y in corners)
        return (f'<polygon fill="{colour}" {pen} points="{points}"/>\n'
                f'<polyline fill="none" {pen} points="{_n(ex)},{_n(ey + dy)} {_n(ex + bx)},{_n(ey + dy + by)}"/>\n')
    tip_x, tip_y = ex - ux * _TIP_BACK * edge.penwidth, ey + dy - uy * _TIP_BACK * edge.penwidth
    base_x, base_y = tip_x - ux * _ARROW, tip_y - uy * _ARROW
    wx, wy = uy * _ARROW * _ARROW_WIDTH, -ux * _ARROW * _ARROW_WIDTH
    corners = [(base_x + wx, base_y + wy), (tip_x, tip_y), (base_x - wx, base_y - wy), (base_x + wx, base_y + wy)]
    points = " ".join(f"{_n(x)},{_n(y)}" for x, y in corners)
    return f'<polygon fill="{colour}" {pen} points="{points}"/>\n'


def _edge(out: list[str], edge: SceneEdge, dy: float, title: str) -> None:
    colour = _colour(edge.color)
    first, *rest = edge.points
    path = f"M{first[0]:.2f},{first[1] + dy:.2f}C" + " ".join([f"{x:.2f},{y + dy:.2f}" for x, y in rest])
    out.append(f'<g id="{_attr(edge.element)}" class="edge {_attr(edge.classes)}">\n<title>{_content(title)}</title>\n'
               f'<path fill="none" stroke="{colour}"{_stroke(edge.penwidth, edge.dash)} d="{path}"/>\n'
               f"{_arrowhead(edge, dy, colour)}</g>\n")


def _bounds(scene: Scene) -> tuple[float, float, float, float]:
    """The drawing's box (x0, y0, x1, y1; y down) before its title: every box, line and frame."""
    xs: list[float] = []
    ys: list[float] = []
    for node in scene.nodes:
        xs += (node.left, node.left + node.laid.width)
        ys += (node.top, node.top + node.laid.height)
    for edge in scene.edges:
        for x, y in edge.points + ((edge.end,) if edge.end else ()):
            xs.append(x)
            ys.append(y)
    for frame in scene.frames:
        xs += (frame.box[0], frame.box[2])
        ys += (frame.box[1], frame.box[3])
    if not xs:
        return 0.0, 0.0, 0.0, 0.0
    return min(xs), min(ys), max(xs), max(ys)


class _Titles:
    """What each group is called: the engine's DOT names (``describe=False``), or words."""

    def __init__(self, drawing: Drawing, m: ArgumentMap, describe: bool, titles: Mapping[str, str]) -> None:
        self.drawing, self.m, self.describe, self.titles = drawing, m, describe, titles
        self.by_name: dict[str, str] = {}

    def node(self, node: SceneNode) -> str:
        if not self.describe:
            return node.name
        known = self.by_name.get(node.name)
        if known is not None:
            return known or node.name
        part = self.drawing.parts.get(node.element)
        text = _part_title(self.m, self.drawing.theme, part, self.titles, self.drawing.roles) if part else None
        self.by_name[node.name] = text or ""
        return text if text is not None else node.name

    def edge(self, edge: SceneEdge) -> str:
        raw = f"{edge.tail}->{edge.head}"
        if not self.describe:
            return raw
        return _edge_title(self.by_name.get(edge.tail, ""), self.by_name.get(edge.head, ""))

    def frame(self, name: str, element: str) -> str:
        if not self.describe:
            return name
        return _cluster_title(self.m, ET.Element("g"), self.drawing.parts.get(element), name, self.titles)


def scene_svg(drawing: Drawing, scene: Scene, m: ArgumentMap, *, describe: bool = True, title: str | None = None,
              desc: str | None = None, titles: Mapping[str, str] | None = None) -> str:
    """The finished SVG of a drawing from its :attr:`~argmap.drawing.dot.Drawing.scene`, as
    :func:`~argmap.drawing.svg.drawing_svg` would give it (the other arguments are its own)."""
    x0, y0, x1, y1 = _bounds(scene)
    top = y0
    if scene.title is not None:  # the title sits above the drawing, which widens to hold it
        top -= scene.title.height
        grow = scene.title.width - (x1 - x0)
        if grow > 0:
            x0, x1 = x0 - grow / 2, x1 + grow / 2
    # The engine's coordinates: y grows upward from the drawing's bottom, drawn at -y.
    dy = -y1
    width, height = x1 - x0 + 2 * PAD, y1 - top + 2 * PAD
    named = _Titles(drawing, m, describe, titles or {})
    out: list[str] = [XML_DECLARATION,
                      f'<svg width="{round(width)}pt" height="{round(height)}pt"\n'
                      f' viewBox="0.00 0.00 {round(width)}.00 {round(height)}.00" xmlns="{SVG_NS}" '
                      f'xmlns:xlink="{XLINK_NS}"']
    if describe:
        heading = xml_safe(title if title is not None else map_title(m))
        description = xml_safe(desc if desc is not None else outline_text(m, drawing.roles or None))
        title_id, desc_id = _root_ids(heading, description)
        out.append(f' role="img" aria-labelledby="{title_id} {desc_id}">\n'
                   f'<title id="{title_id}">{_content(heading)}</title><desc id="{desc_id}">{_content(description)}'
                   "</desc>\n")
    else:
        heading = scene.graph_id
        out.append(">\n")
    background = _colour(scene.background)
    out.append(f'<g id="{_attr(scene.graph_id)}" class="graph" transform="scale(1 1) rotate(0) '
               f'translate({_n(PAD - x0)} {_n(PAD + y1 - top)})">\n<title>{_content(heading)}</title>\n'
               f'<polygon fill="{background}" stroke="none" points="{_n(x0 - PAD)},{_n(PAD)} '
               f"{_n(x0 - PAD)},{_n(top - PAD + dy)} {_n(x1 + PAD)},{_n(top - PAD + dy)} {_n(x1 + PAD)},{_n(PAD)} "
               f'{_n(x0 - PAD)},{_n(PAD)}"/>\n')
    if scene.title is not None:
        _texts(out, scene.title.texts, (x0 + x1) / 2 - scene.title.width / 2, top + dy, "black")
    for frame in scene.frames:
        fx0, fy0, fx1, fy1 = frame.box
        out.append(f'<g id="{_attr(frame.element)}" class="cluster">\n'
                   f"<title>{_content(named.frame(frame.name, frame.element))}</title>\n"
                   f'<path fill="{background}" stroke="{_colour(frame.color)}" stroke-width="1.2" '
                   f'stroke-dasharray="5,2" d="{_rounded(fx0, fy0 + dy, fx1, fy1 + dy, table=True)}"/>\n</g>\n')
    # The engine's order: each box, then each line leaving it (after the box it goes to).
    leaving: dict[str, list[SceneEdge]] = {}
    for edge in scene.edges:
        leaving.setdefault(edge.tail, []).append(edge)
    by_name = {node.name: node for node in scene.nodes}
    done: set[str] = set()

    def draw(node: SceneNode) -> None:
        if node.name not in done:
            done.add(node.name)
            _node(out, node, dy, named.node(node))

    if describe:  # every node's title first: a line's title names both its ends
        for node in scene.nodes:
            named.node(node)
    for node in scene.nodes:
        draw(node)
        for edge in leaving.get(node.name, ()):
            head = by_name.get(edge.head)
            if head is not None:
                draw(head)
            _edge(out, edge, dy, named.edge(edge))
    out.append("</g>\n</svg>\n")
    return "".join(out)
