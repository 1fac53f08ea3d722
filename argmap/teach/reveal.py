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
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from argmap.drawing.dot import build_dot
from argmap.drawing.page import Script, embed_json, page
from argmap.drawing.svg import drawing_svg
from argmap.drawing.svgdoc import SVG_NS, XML_DECLARATION, serialize
from argmap.outline import outline

if TYPE_CHECKING:
    from argmap.drawing.themes import Theme
    from argmap.model import ArgumentMap

__all__ = ["Frame", "frames", "layered_svg", "reveal_svgs", "reveal_html", "DEFAULT_DEPTH"]

#: Outline depth that gets its own frame: the thesis (0), its reasons and objections (1), and what
#: bears on those (2); anything deeper comes with its parent.
DEFAULT_DEPTH = 2



@dataclass
class Frame:
    """One step of the reveal: the outline lines it adds and the node ids it reveals."""

    caption: str
    lines: list[str] = field(default_factory=list)
    nodes: list[str] = field(default_factory=list)


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
            result.append(Frame(line, [line], new))
        else:
            result[-1].lines.append(line)
            result[-1].nodes.extend(new)
    rest = [n for n in m.graph.nodes if n not in seen]  # parts the outline cannot reach (cycles)
    if rest:
        if not result:
            result.append(Frame("", [], []))
        result[-1].nodes.extend(rest)
    return result


def layered_svg(m: ArgumentMap, fs: list[Frame], theme: str | Theme = "default") -> ET.Element:
    """The whole map drawn once, each node, edge and linked-premise frame tagged ``data-frame``.

    ``data-frame="k"`` is the index of the frame that reveals the element; the title, legend and
    section frames carry no tag (always shown).
    """
    first = {n: k for k, f in enumerate(fs) for n in f.nodes}
    drawing = build_dot(m, theme, edge_ids=True)
    tags: dict[str, int] = {}
    for element_id, part in drawing.parts.items():
        if part.kind in ("node", "linked") and part.node in first:
            tags[element_id] = first[part.node]
    for edge in drawing.edges.values():
        if edge.id:  # an edge between two map nodes: shown once both ends are
            tags[edge.id] = max(first[edge.tail], first[edge.head])
    root = ET.fromstring(drawing_svg(drawing, m))
    for element in root.iter(f"{{{SVG_NS}}}g"):
        key = element.get("id")
        if key in tags:
            element.set("data-frame", str(tags[key]))
    return root


def reveal_svgs(m: ArgumentMap, depth: int = DEFAULT_DEPTH, theme: str | Theme = "default") -> list[str]:
    """One complete SVG per frame, each showing what is revealed so far (same layout in all).

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(); t = m.claim("T <b>", id="t"); _ = m.support(t, m.claim("R", id="r"))
    >>> svgs = reveal_svgs(m)
    >>> len(svgs), 'id="am-r"' in svgs[0], 'id="am-r"' in svgs[1], "T &lt;b&gt;" in svgs[0]
    (2, False, True, True)
    """
    fs = frames(m, depth)
    root = layered_svg(m, fs, theme)
    out = []
    for k, frame in enumerate(fs):
        copy = ET.fromstring(serialize(root))
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
        del frame
        out.append(XML_DECLARATION + serialize(copy) + "\n")
    return out


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
  var start = parseInt((location.hash || "#1").slice(1), 10);
  show(isNaN(start) ? 0 : start - 1);
  window.argmapReveal = { show: show, count: frames.length, current: function () { return current; } };
}());
"""


def reveal_html(m: ArgumentMap, depth: int = DEFAULT_DEPTH, theme: str | Theme = "default") -> str:
    """One self-contained HTML page stepping through the map (no external requests).

    The SVG is inline (Graphviz escapes every piece of map text in it); the frame captions sit
    in a ``<script type="application/json">`` block and are put on the page as text, never as
    markup; the page's policy runs only its own script (:mod:`argmap.drawing.page`). Keys:
    right/left arrow, space, Page Up/Down, Home, End.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(title="<script>x</script>"); _ = m.claim("T", id="t")
    >>> text = reveal_html(m)
    >>> "<script>x" in text, "&lt;script&gt;x" in text
    (False, True)
    """
    fs = frames(m, depth)
    root = layered_svg(m, fs, theme)
    # Let CSS size the picture to the screen; the viewBox keeps its proportions.
    for attr in ("width", "height"):
        root.attrib.pop(attr, None)
    root.set("preserveAspectRatio", "xMidYMid meet")
    svg = serialize(root)
    title = html.escape(m.title or "Argument map")
    data = embed_json([{"caption": f.caption, "lines": f.lines} for f in fs])
    outline_items = "".join(f"<li>{html.escape(line)}</li>" for f in fs for line in f.lines)
    body = (
        f"<header><h1>{title}</h1>"
        "<button id=\"first\" type=\"button\" aria-label=\"first step\">&#x25C0;&#x25C0;</button>"
        "<button id=\"prev\" type=\"button\" aria-label=\"previous step\">&#x25C0; Back</button>"
        "<span id=\"counter\" aria-live=\"polite\"></span>"
        "<button id=\"next\" type=\"button\" aria-label=\"next step\">Next &#x25B6;</button>"
        "<button id=\"last\" type=\"button\" aria-label=\"last step\">&#x25B6;&#x25B6;</button></header>\n"
        f"<main id=\"stage\">{svg}</main>\n"
        "<section id=\"caption\" aria-live=\"polite\"></section>\n"
        f"<ol class=\"outline\" aria-label=\"the whole argument in reading order\">{outline_items}</ol>\n"
        f"<script type=\"application/json\" id=\"frames\">{data}</script>\n"
    )
    # Nothing on this page may load from elsewhere, and only its own script runs.
    return page(title=m.title or "Argument map", style=_STYLE, body=[body, Script(_SCRIPT), "\n"])
