"""What the page is sent: the picture (through argmap's one drawing pipeline) and the map as data.

The picture is drawn exactly as every other picture of a map: :func:`~argmap.drawing.dot.build_dot`,
then :func:`~argmap.drawing.svg.drawing_svg`, then cleaned for inlining by
:func:`~argmap.drawing.inline_svg.inline_svg` (drawing elements only, no script, no handler, no
link; nodes tagged with ``data-node``), as the interactive page does. The map's text reaches the
page as JSON strings, which the script inserts with ``textContent`` only.

>>> import argmap
>>> m = argmap.ArgumentMap(title="Lunch")
>>> _ = m.support(m.claim("We should eat out.", id="t"), "The fridge is empty.", id="s")
>>> p = picture(m)
>>> p["markup"].startswith('<svg xmlns="http://www.w3.org/2000/svg"') and 'data-node="t"' in p["markup"]
True
>>> sorted(p["boxes"]) == ["s", "t", "the-fridge-is-empty"]
True
>>> [n["id"] for n in nodes(m)]
['t', 'the-fridge-is-empty', 's']
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from argmap.drawing.dot import build_dot
from argmap.drawing.inline_svg import inline_svg
from argmap.drawing.options import DrawingOptions
from argmap.drawing.svg import drawing_svg
from argmap.model import Claim
from argmap.outline import outline
from argmap.text import ROLE_WORDS, safe_url

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["picture", "nodes", "outline_items", "SCOPE"]

#: The prefix of the ids the inlined SVG keeps (gradients, clip paths).
SCOPE = "argmap-studio"
_SVG_NS = "http://www.w3.org/2000/svg"


def picture(m: ArgumentMap, evaluation: Mapping[str, object] | None = None, *, legend: bool = False,
            theme: str = "default", meanwhile: Callable[[], object] | None = None) -> dict[str, Any]:
    """The map drawn for the page: SVG markup to inline, its size, and each node's box.

    ``evaluation`` (what ``argmap.evaluate`` returns) marks each node's status in words and by
    its border, as ``argmap.render`` does. The legend is left out: the studio's help says how
    to read the map, and a picture that grows as the student builds should not start wide.
    ``boxes`` and ``frame`` are those of :class:`~argmap.drawing.inline_svg.InlineSvg`: the page
    finds each node on screen from them.
    ``meanwhile`` runs while the layout engine (a program of its own) lays the map out.
    """
    drawing = build_dot(m, theme, DrawingOptions(legend=legend, evaluation=evaluation))
    with ThreadPoolExecutor(max_workers=1) as pool:
        laid_out = pool.submit(drawing_svg, drawing, m, describe=False)
        if meanwhile is not None:
            meanwhile()
        svg = inline_svg(laid_out.result(), drawing, SCOPE)
    # Parsed as XML by the page, the markup needs its namespace (inline_svg writes it for HTML).
    markup = svg.markup.replace("<svg ", f'<svg xmlns="{_SVG_NS}" ', 1)
    return {"markup": markup, "size": [svg.width, svg.height], "frame": list(svg.frame),
            "boxes": {node: list(box) for node, box in svg.boxes.items()}}


def _source(fields: dict[str, str]) -> dict[str, str]:
    href = safe_url(fields.get("url"))
    return {**fields, "href": href} if href else dict(fields)


def nodes(m: ArgumentMap) -> list[dict[str, Any]]:
    """Every claim and step with what the editor shows of it, in graph order."""
    out: list[dict[str, Any]] = []
    graph = m.graph
    for view in m:
        entry: dict[str, Any] = {"id": view.id, "kind": view.kind, "role": view.role,
                                 "roleWord": ROLE_WORDS.get(view.role, view.role)}
        if isinstance(view, Claim):
            entry["text"] = view.text
            entry["tags"] = list(view.tags)
            entry["steps"] = list(graph.successors(view.id))
        else:
            entry["polarity"] = view.polarity
            entry["scheme"] = view.scheme or ""
            entry["premises"] = [p.id for p in view.premises]
            entry["target"] = view.target.id
        entry["label"] = view.label or ""
        entry["note"] = view.note or ""
        entry["sources"] = [_source(s.to_dict()) for s in view.sources]
        entry["incoming"] = [n for n in graph.predecessors(view.id) if graph.nodes[n].get("kind") == "inference"]
        out.append(entry)
    return out


def outline_items(m: ArgumentMap) -> list[dict[str, Any]]:
    """The reading-order outline (:func:`argmap.outline.outline`) as data for the outline editor."""
    return [{"number": item.number, "depth": item.depth, "role": item.role, "word": item.word,
             "node": item.node, "claims": list(item.claims), "linked": item.linked, "repeat": item.repeat}
            for item in outline(m)]
