"""Step-by-step reveal: the thesis first, then each reason with its objections and rebuttals.

The frames follow the reading order of :mod:`argmap.outline`. The map is laid out once, in full,
and each frame shows the part revealed so far, so no box moves between frames (a stable picture
is what a class can follow). Outline items deeper than ``depth`` arrive together with the item
above them.

Two outputs: one self-contained HTML page (:func:`reveal_html`; no external requests, arrow keys
and buttons to step) and a numbered series of SVGs (:func:`reveal_svgs`).

>>> from argmap import ArgumentMap
>>> m = ArgumentMap(title="Lunch")
>>> t = m.claim("We should eat out.", id="t")
>>> r = m.support(t, "The fridge is empty.", id="r")
>>> o = m.attack(t, "It costs too much.", id="o")
>>> _ = m.attack(o, "Lunch specials are cheap.", id="rb")
>>> [f.caption for f in frames(m)]
['1 Thesis: We should eat out.', '1.1 Reason: The fridge is empty.', '1.2 Objection: It costs too much.', \
'1.2.1 Rebuttal: Lunch specials are cheap.']
>>> [f.caption for f in frames(m, depth=1)][-1]
'1.2 Objection: It costs too much.'
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from argmap.analysis.questions import scheme_titles
from argmap.drawing.dot import build_dot
from argmap.drawing.labels import svg_id
from argmap.drawing.options import DrawingOptions
from argmap.drawing.page import Script, embed_json, page
from argmap.drawing.paper import SLIDE, Placement, on_page
from argmap.drawing.raster import pdf_document
from argmap.drawing.svg import drawing_svg
from argmap.drawing.svgdoc import SVG_NS, XML_DECLARATION
from argmap.drawing.themes import Theme, get_theme
from argmap.outline import outline
from argmap.text import shorten

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["Frame", "frames", "fitted_frames", "layered_svg", "reveal_svgs", "reveal_html", "reveal_pdf",
           "zoom_of", "view_of", "min_zoom", "DEFAULT_DEPTH", "STAGE", "MAX_ZOOM", "TEXT_PX"]

#: Outline depth that gets its own frame: the thesis (0), its reasons and objections (1), and what
#: bears on those (2); anything deeper comes with its parent.
DEFAULT_DEPTH = 2



@dataclass
class Frame:
    """One step of the reveal: the outline lines it adds and the node ids it reveals.

    ``items`` pairs each line with the nodes it reveals (a frame too big for the screen is split
    into them); ``box`` is the part of the picture to zoom to (x, y, width, height in the SVG's
    units), once the map is laid out.
    """

    caption: str
    lines: list[str] = field(default_factory=list)
    nodes: list[str] = field(default_factory=list)
    items: list[tuple[str, list[str]]] = field(default_factory=list)
    box: Box | None = None


def _line(number: str, word: str, texts: tuple[str, ...], linked: bool) -> str:
    return f"{number} {word}: {' + '.join(texts)}" + (" (linked)" if linked else "")


def frames(m: ArgumentMap, depth: int = DEFAULT_DEPTH) -> list[Frame]:
    """The frames of a reveal, in reading order; every node appears in exactly one frame."""
    result: list[Frame] = []
    seen: set[str] = set()
    for item in outline(m):
        line = _line(item.number, item.word, item.texts, item.linked)
        new = [n for n in dict.fromkeys((*item.claims, item.node)) if n not in seen]
        seen.update(new)
        if item.depth <= depth and new or not result:
            result.append(Frame(line, [line], new, [(line, list(new))]))
        else:
            result[-1].lines.append(line)
            result[-1].nodes.extend(new)
            result[-1].items.append((line, list(new)))
    rest = [n for n in m.graph.nodes if n not in seen]  # parts the outline cannot reach (cycles)
    if rest:
        if not result:
            result.append(Frame("", [], []))
        result[-1].nodes.extend(rest)
        if result[-1].items:
            result[-1].items[-1][1].extend(rest)
        else:
            result[-1].items.append(("", list(rest)))
    return result


#: A 1280 by 720 projector less the page's header and caption: the stage frames are fitted to.
STAGE = (1280.0, 600.0)
#: How tall (screen pixels) a claim's text is drawn at the least: 18 px on the projector, and a
#: pixel to spare. A frame that would show it smaller is split into its outline lines.
TEXT_PX = 19.0
#: DejaVu Sans's line box (ascent and descent) in ems: how tall a browser measures a line of text.
LINE_BOX = 1.164
#: The zoom a frame never exceeds (a lone thesis is not blown up to fill the wall).
MAX_ZOOM = 1.8
#: Room left around a frame's parts (SVG units).
PADDING = 16.0

Box = tuple[float, float, float, float]
_NUMBER_PAIR = re.compile(r"(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)")


def _union(boxes: list[Box]) -> Box | None:
    if not boxes:
        return None
    x0 = min(b[0] for b in boxes)
    y0 = min(b[1] for b in boxes)
    x1 = max(b[0] + b[2] for b in boxes)
    y1 = max(b[1] + b[3] for b in boxes)
    return x0, y0, x1 - x0, y1 - y0


def _element_boxes(root: ET.Element) -> dict[str, Box]:
    """The extent of every identified group of the drawing (nodes, brackets, edges), in viewBox units."""
    graph = next((g for g in root.iter(f"{{{SVG_NS}}}g") if g.get("class") == "graph"), None)
    shift = re.search(r"translate\((-?[\d.]+)[ ,](-?[\d.]+)\)", graph.get("transform", "") if graph is not None else "")
    dx, dy = (float(shift.group(1)), float(shift.group(2))) if shift else (0.0, 0.0)
    boxes: dict[str, Box] = {}
    for group in root.iter(f"{{{SVG_NS}}}g"):
        key = group.get("id")
        if not key or group is graph:
            continue
        points: list[tuple[float, float]] = []
        for element in group.iter():
            for raw in (element.get("points"), element.get("d")):
                points += [(float(x), float(y)) for x, y in _NUMBER_PAIR.findall(raw or "")]
        if points:
            xs, ys = [x + dx for x, _ in points], [y + dy for _, y in points]
            boxes[key] = (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
    return boxes


def min_zoom(theme: str | Theme) -> float:
    """The least zoom (screen pixels per SVG unit) at which the theme's claim text is drawn
    :data:`TEXT_PX` tall.

    >>> round(min_zoom("projector"), 3), round(min_zoom("default"), 3)
    (0.907, 1.36)
    """
    return TEXT_PX / (get_theme(theme).fontsize * LINE_BOX)


def zoom_of(box: Box, stage: tuple[float, float] = STAGE) -> float:
    """Screen pixels per SVG unit when ``box`` fills the stage (at most :data:`MAX_ZOOM`).

    >>> zoom_of((0, 0, 1280, 1200)), zoom_of((0, 0, 10, 10))
    (0.5, 1.8)
    """
    return min(stage[0] / box[2], stage[1] / box[3], MAX_ZOOM)


def view_of(box: Box, stage: tuple[float, float] = STAGE) -> Box:
    """The viewBox that shows ``box`` centred on a stage of that shape, at :func:`zoom_of`."""
    zoom = zoom_of(box, stage)
    width, height = stage[0] / zoom, stage[1] / zoom
    return box[0] + box[2] / 2 - width / 2, box[1] + box[3] / 2 - height / 2, width, height


class _Layout:
    """The map laid out once: its drawing, its SVG, and the extent of every drawn element."""

    def __init__(self, m: ArgumentMap, theme: str | Theme, plain: bool = False) -> None:
        self.min_zoom = min_zoom(theme)
        names = scheme_titles(m, plain=True) if plain else None
        self.drawing = build_dot(m, theme, DrawingOptions(plain=plain, scheme_names=names), edge_ids=True)
        self.svg = drawing_svg(self.drawing, m)
        self.boxes = _element_boxes(ET.fromstring(self.svg))

    def tags(self, fs: list[Frame]) -> dict[str, int]:
        """The frame that reveals each element, by SVG id."""
        first = {n: k for k, f in enumerate(fs) for n in f.nodes}
        tags: dict[str, int] = {}
        for element_id, part in self.drawing.parts.items():
            if part.kind in ("node", "linked") and part.node in first:
                tags[element_id] = first[part.node]
        for edge in self.drawing.edges.values():
            if edge.id:  # an edge between two map nodes: shown once both ends are
                tags[edge.id] = max(first[edge.tail], first[edge.head])
        return tags

    def box(self, nodes: list[str], shown: set[str]) -> Box | None:
        """The extent of ``nodes`` (and their edges to what is shown already), padded; with the
        nodes they attach to when that still leaves the text legible."""
        new = set(nodes)
        ids = {svg_id(n) for n in nodes} | {svg_id(n) + "-linked" for n in nodes}
        joins: set[str] = set()
        ends: list[str] = []
        for edge in self.drawing.edges.values():
            if not edge.id or not {edge.tail, edge.head} & new:
                continue
            if {edge.tail, edge.head} <= new:
                ids.add(edge.id)
            elif {edge.tail, edge.head} <= shown | new:
                joins.add(edge.id)
                ends += [svg_id(n) for n in (edge.tail, edge.head) if n not in new]
        own = _union([self.boxes[i] for i in ids if i in self.boxes])
        if own is None:
            return None
        context = _union([own, *(self.boxes[i] for i in (*joins, *ends) if i in self.boxes)])
        if context is not None and zoom_of(_pad(context)) >= self.min_zoom:
            return _pad(context)
        return _pad(own)


def _pad(box: Box) -> Box:
    return box[0] - PADDING, box[1] - PADDING, box[2] + 2 * PADDING, box[3] + 2 * PADDING


def fitted_frames(m: ArgumentMap, depth: int = DEFAULT_DEPTH, theme: str | Theme = "projector",
                  layout: _Layout | None = None) -> list[Frame]:
    """The frames of :func:`frames`, each with the ``box`` to zoom to; a frame too big to show
    at :func:`min_zoom` on a 1280 by 720 projector is split into its outline lines."""
    lay = layout or _Layout(m, theme)
    out: list[Frame] = []
    shown: set[str] = set()
    for frame in frames(m, depth):
        box = lay.box(frame.nodes, shown)
        if len(frame.items) > 1 and box is not None and zoom_of(box) < lay.min_zoom:
            for line, nodes in frame.items:
                out.append(Frame(line, [line], list(nodes), [(line, list(nodes))], lay.box(nodes, shown)))
                shown.update(nodes)
        else:
            frame.box = box
            out.append(frame)
            shown.update(frame.nodes)
    return out


def layered_svg(m: ArgumentMap, fs: list[Frame], theme: str | Theme = "default",
                layout: _Layout | None = None) -> ET.Element:
    """The whole map drawn once, each node, edge and linked-premise frame tagged ``data-frame``.

    ``data-frame="k"`` is the index of the frame that reveals the element; the title, legend and
    section frames carry no tag (always shown).
    """
    lay = layout or _Layout(m, theme)
    tags = lay.tags(fs)
    root = ET.fromstring(lay.svg)
    for element in root.iter(f"{{{SVG_NS}}}g"):
        key = element.get("id")
        if key in tags:
            element.set("data-frame", str(tags[key]))
    return root


def _serialize(root: ET.Element) -> str:
    return ET.tostring(root, encoding="unicode")


def _frame_svgs(m: ArgumentMap, depth: int, theme: str | Theme, plain: bool) -> tuple[list[Frame], list[str]]:
    """The fitted frames and one complete SVG per frame (what is revealed so far, whole picture)."""
    lay = _Layout(m, theme, plain)
    fs = fitted_frames(m, depth, theme, lay)
    root = layered_svg(m, fs, theme, lay)
    out = []
    for k in range(len(fs)):
        copy = ET.fromstring(_serialize(root))
        for parent in copy.iter():
            for child in list(parent):
                shown = child.get("data-frame")
                if shown is not None and int(shown) > k:
                    parent.remove(child)
                elif shown is not None:
                    del child.attrib["data-frame"]
        desc = copy.find(f"{{{SVG_NS}}}desc")
        if desc is not None:  # the text alternative must not give away what is still hidden
            desc.text = "\n".join(line for f in fs[: k + 1] for line in f.lines)
        title = copy.find(f"{{{SVG_NS}}}title")
        if title is not None and title.text:
            title.text = f"{title.text} ({k + 1} of {len(fs)})"
        out.append(XML_DECLARATION + _serialize(copy) + "\n")
    return fs, out


def reveal_svgs(m: ArgumentMap, depth: int = DEFAULT_DEPTH, theme: str | Theme = "projector", *,
                plain: bool = False) -> list[str]:
    """One complete SVG per frame, each showing what is revealed so far (same layout in all),
    zoomed to the frame's part: its viewBox is the part, shaped like a 16:9 screen.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(); t = m.claim("T <b>", id="t"); _ = m.support(t, m.claim("R", id="r"))
    >>> svgs = reveal_svgs(m)
    >>> len(svgs), 'id="am-r"' in svgs[0], 'id="am-r"' in svgs[1], "T &lt;b&gt;" in svgs[0]
    (2, False, True, True)
    """
    fs, svgs = _frame_svgs(m, depth, theme, plain)
    out = []
    for frame, svg in zip(fs, svgs, strict=True):
        if frame.box is None:
            out.append(svg)
            continue
        x, y, w, h = view_of(frame.box)
        zoomed = re.sub(r'width="[^"]*" height="[^"]*" viewBox="[^"]*"',
                        f'width="{w * 0.75:.2f}pt" height="{h * 0.75:.2f}pt" viewBox="{x:.2f} {y:.2f} {w:.2f} {h:.2f}"',
                        svg, count=1)
        out.append(zoomed)
    return out


def reveal_pdf(m: ArgumentMap, depth: int = DEFAULT_DEPTH, theme: str | Theme = "projector", *,
               plain: bool = False) -> bytes:
    """The reveal as a PDF of 16:9 slides, one a frame: the frame's part of the map, zoomed as the
    page does it, and the frame's outline lines below."""
    fs, svgs = _frame_svgs(m, depth, theme, plain)
    pages = []
    for k, (frame, svg) in enumerate(zip(fs, svgs, strict=True), start=1):
        lines = [*(shorten(line, 110) for line in frame.lines[:3]), f"{k} / {len(fs)}"]
        paper = replace(SLIDE, footer=len(lines) * _CAPTION_PT * 1.3 + 6)
        box = frame.box or _union(list(_element_boxes(ET.fromstring(svg)).values())) or (0.0, 0.0, 1.0, 1.0)
        width, height = paper.area(landscape=True)
        scale = min(width / box[2], height / box[3], MAX_ZOOM * 0.75)
        pages.append(on_page(svg, paper, Placement(scale, landscape=True), view=box, footer=lines,
                             footer_pt=_CAPTION_PT))
    return pdf_document(pages, title=m.title or "Argument map")


_CAPTION_PT = 14.0


_STYLE = """
*{box-sizing:border-box}
body{margin:0;font-family:"DejaVu Sans",Verdana,Arial,sans-serif;background:#fff;color:#1a1a1a;
display:flex;flex-direction:column;height:100vh}
header{display:flex;align-items:center;gap:.6em;padding:.4em .8em;border-bottom:1px solid #ccc}
header h1{font-size:1.1em;margin:0;flex:1}
button{font:inherit;font-size:1em;padding:.3em .9em;cursor:pointer}
#counter{min-width:5em;text-align:center;font-variant-numeric:tabular-nums}
#stage{flex:1;min-height:0;padding:.4em;display:flex;justify-content:center}
#stage svg{width:100%;height:100%}
#caption{padding:.5em .9em;border-top:1px solid #ccc;font-size:1.15em;min-height:3.2em}
#caption p{margin:.1em 0}
#caption p:first-child{font-weight:bold}
.outline{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
@media print{header,#caption{display:none}#stage [data-frame]{visibility:visible!important}
.outline{position:static;width:auto;height:auto}}
"""

_SCRIPT = """
(function () {
  "use strict";
  var frames = JSON.parse(document.getElementById("frames").textContent);
  var parts = document.querySelectorAll("#stage [data-frame]");
  var caption = document.getElementById("caption");
  var counter = document.getElementById("counter");
  var current = 0;
  var stage = document.getElementById("stage");
  var picture = stage.querySelector("svg");
  var whole = picture.getAttribute("viewBox");
  var maxZoom = Number(stage.getAttribute("data-max-zoom")) || 2;
  function zoom(box) {
    var size = picture.getBoundingClientRect();
    if (!box || !size.width || !size.height) { picture.setAttribute("viewBox", whole); return; }
    var z = Math.min(size.width / box[2], size.height / box[3], maxZoom);
    var w = size.width / z, h = size.height / z;
    picture.setAttribute("viewBox", [box[0] + box[2] / 2 - w / 2, box[1] + box[3] / 2 - h / 2, w, h].join(" "));
  }
  function show(k) {
    current = Math.max(0, Math.min(frames.length - 1, k));
    for (var i = 0; i < parts.length; i++) {
      var at = Number(parts[i].getAttribute("data-frame"));
      parts[i].style.visibility = at <= current ? "visible" : "hidden";
      parts[i].style.opacity = at === current ? "1" : "0.85";
    }
    while (caption.firstChild) { caption.removeChild(caption.firstChild); }
    frames[current].lines.forEach(function (line) {
      var p = document.createElement("p");
      p.textContent = line;
      caption.appendChild(p);
    });
    counter.textContent = (current + 1) + " / " + frames.length;
    zoom(frames[current].box);
    document.getElementById("prev").disabled = current === 0;
    document.getElementById("next").disabled = current === frames.length - 1;
    if (history.replaceState) { history.replaceState(null, "", "#" + (current + 1)); }
  }
  document.getElementById("prev").addEventListener("click", function () { show(current - 1); });
  document.getElementById("next").addEventListener("click", function () { show(current + 1); });
  document.getElementById("first").addEventListener("click", function () { show(0); });
  document.getElementById("last").addEventListener("click", function () { show(frames.length - 1); });
  document.addEventListener("keydown", function (e) {
    var key = e.key;
    if (key === "ArrowRight" || key === "PageDown" || key === " " || key === "ArrowDown") { show(current + 1); }
    else if (key === "ArrowLeft" || key === "PageUp" || key === "ArrowUp" || key === "Backspace") { show(current - 1); }
    else if (key === "Home") { show(0); }
    else if (key === "End") { show(frames.length - 1); }
    else { return; }
    e.preventDefault();
  });
  window.addEventListener("resize", function () { zoom(frames[current].box); });
  window.addEventListener("beforeprint", function () { picture.setAttribute("viewBox", whole); });
  window.addEventListener("afterprint", function () { zoom(frames[current].box); });
  var start = parseInt((location.hash || "#1").slice(1), 10);
  show(isNaN(start) ? 0 : start - 1);
  window.argmapReveal = { show: show, count: frames.length, current: function () { return current; } };
}());
"""


def reveal_html(m: ArgumentMap, depth: int = DEFAULT_DEPTH, theme: str | Theme = "projector", *,
                plain: bool = False) -> str:
    """One self-contained HTML page stepping through the map (no external requests).

    The SVG is inline (Graphviz escapes every piece of map text in it); the frame captions sit
    in a ``<script type="application/json">`` block and are put on the page as text, never as
    markup; the page's policy runs only its own script (:mod:`argmap.drawing.page`). Keys:
    right/left arrow, space, Page Up/Down, Home, End. Each frame zooms to the part it reveals
    (:func:`fitted_frames`); printing shows the whole map. ``plain`` names the steps' schemes in
    everyday words (as do :func:`reveal_svgs` and :func:`reveal_pdf`).

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(title="<script>x</script>"); _ = m.claim("T", id="t")
    >>> text = reveal_html(m)
    >>> "<script>x" in text, "&lt;script&gt;x" in text
    (False, True)
    """
    lay = _Layout(m, theme, plain)
    fs = fitted_frames(m, depth, theme, lay)
    root = layered_svg(m, fs, theme, lay)
    # Let CSS size the picture to the screen; the viewBox keeps its proportions.
    for attr in ("width", "height"):
        root.attrib.pop(attr, None)
    root.set("preserveAspectRatio", "xMidYMid meet")
    svg = _serialize(root)
    title = html.escape(m.title or "Argument map")
    data = embed_json([{"caption": f.caption, "lines": f.lines, "box": [round(v, 2) for v in f.box] if f.box else None}
                       for f in fs])
    outline_items = "".join(f"<li>{html.escape(line)}</li>" for f in fs for line in f.lines)
    body = (
        f"<header><h1>{title}</h1>"
        "<button id=\"first\" type=\"button\" aria-label=\"first step\">&#x25C0;&#x25C0;</button>"
        "<button id=\"prev\" type=\"button\" aria-label=\"previous step\">&#x25C0; Back</button>"
        "<span id=\"counter\" aria-live=\"polite\"></span>"
        "<button id=\"next\" type=\"button\" aria-label=\"next step\">Next &#x25B6;</button>"
        "<button id=\"last\" type=\"button\" aria-label=\"last step\">&#x25B6;&#x25B6;</button></header>\n"
        f"<main id=\"stage\" data-max-zoom=\"{MAX_ZOOM}\">{svg}</main>\n"
        "<section id=\"caption\" aria-live=\"polite\"></section>\n"
        f"<ol class=\"outline\" aria-label=\"the whole argument in reading order\">{outline_items}</ol>\n"
        f"<script type=\"application/json\" id=\"frames\">{data}</script>\n"
    )
    # Nothing on this page may load from elsewhere, and only its own script runs.
    return page(title=m.title or "Argument map", style=_STYLE, body=[body, Script(_SCRIPT), "\n"])
