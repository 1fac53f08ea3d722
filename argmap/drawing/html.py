"""The interactive map page: one self-contained HTML file (and the same map for notebooks).

The page inlines the Graphviz SVG, the map's data as JSON, a stylesheet and a small script
(``argmap/drawing/assets/map.css``; the script is the files of ``assets/map/``, one a job, joined
into one); it loads nothing and sends nothing. Map text reaches the page three ways, each inert:
escaped by Graphviz inside the SVG, escaped by :func:`html.escape` in the outline, and inside a
JSON data block that the script reads with ``JSON.parse`` and inserts with ``textContent`` only.
A Content-Security-Policy allows exactly the page's own script and style (by hash) and nothing
else (:mod:`argmap.drawing.page`).

>>> import argmap
>>> m = argmap.ArgumentMap(title="Lunch")
>>> t = m.claim("We should eat out.", id="t")
>>> _ = m.support(t, "The fridge is empty.")
>>> text = html_page(m)
>>> text.startswith("<!DOCTYPE html>") and 'data-node="t"' in text
True
>>> "Content-Security-Policy" in text and "<script src" not in text
True
"""

from __future__ import annotations

import hashlib
import html
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from argmap.drawing.dot import Layout, build_dot
from argmap.drawing.folds import fold_tree
from argmap.drawing.inline_svg import InlineSvg, inline_svg
from argmap.drawing.options import DrawingOptions, Prompts, QuestionList
from argmap.drawing.page import Script, embed_json, page
from argmap.drawing.svg import drawing_svg
from argmap.model import Claim
from argmap.outline import outline
from argmap.text import ROLE_WORDS, safe_url, shorten, status_word, xml_safe

if TYPE_CHECKING:
    from argmap.drawing.themes import Theme
    from argmap.drawing.views import View
    from argmap.model import ArgumentMap

__all__ = ["html_page", "html_fragment", "page_data", "map_script", "MAP_SCRIPT_PARTS", "LAZY_NODES"]

_SCOPE_TOKEN = "#am-root"
_PLACEHOLDER = "argmap-scope-placeholder"
#: Pages of maps with more nodes than this draw only what is near the viewport (see assets/map/view.js).
LAZY_NODES = 400


def _asset(name: str) -> str:
    return resources.files("argmap.drawing").joinpath("assets", *name.split("/")).read_text(encoding="utf-8")


def _status(value: Any) -> dict[str, Any]:
    """An evaluation value as ``{"status": word}`` or ``{"strength": number}``."""
    if isinstance(value, bool):
        return {"status": "accepted" if value else "rejected"}
    if isinstance(value, (int, float)):
        number = float(value)
        return {"strength": round(number, 3)} if math.isfinite(number) else {"status": str(value)}
    word = str(getattr(value, "value", value))  # an Enum's value, else the text
    return {"status": status_word(word), "code": word}


def _badge(value: Any) -> str:
    info = _status(value)
    return f"strength {info['strength']:.2f}" if "strength" in info else str(info["status"])


def _source(source: Any) -> dict[str, str]:
    fields = {k: v for k, v in source.to_dict().items() if isinstance(v, str) and v}
    href = safe_url(fields.get("url"))
    if href is not None:
        fields["href"] = href
    return fields


def page_data(
    m: ArgumentMap,
    *,
    evaluation: Mapping[str, Any] | None = None,
    questions: Mapping[str, Sequence[str]] | None = None,
    boxes: Mapping[str, tuple[float, float, float, float]] | None = None,
    texts: Mapping[str, list[list[Any]]] | None = None,
) -> dict[str, Any]:
    """The map as the page's script reads it: one entry per node, in graph order.

    Each node has ``id``, ``kind``, ``role``, its text fields, ``sources`` (with ``href`` only
    when :func:`safe_url` allows a link), ``kids`` (indexes of its children in the fold tree, see
    :mod:`argmap.drawing.folds`), ``folds`` (how many claims folding it hides), ``box`` and,
    when given, ``evaluation`` and ``questions``.

    >>> import argmap
    >>> m = argmap.ArgumentMap()
    >>> t = m.claim("T", id="t")
    >>> _ = m.support(t, m.claim("R", id="r"), id="s")
    >>> data = page_data(m, evaluation={"t": "in"})
    >>> [(n["id"], n["kids"], n["folds"]) for n in data["nodes"]]
    [('t', [2], 1), ('r', [], 0), ('s', [1], 1)]
    >>> data["nodes"][0]["evaluation"]
    {'status': 'accepted', 'code': 'in'}
    """
    evaluation = evaluation or {}
    questions = questions or {}
    boxes = boxes or {}
    ids = list(m.graph.nodes)
    index = {node: i for i, node in enumerate(ids)}
    tree = fold_tree(m)
    kinds = dict(m.graph.nodes(data="kind"))

    # Claims below each node in the fold tree, children before parents (iterative: maps can be deep).
    claim_count: dict[str, int] = {}
    has_parent = {kid for kids in tree.values() for kid in kids}
    order: list[str] = []
    stack = [node for node in ids if node not in has_parent]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(tree[node])
    for node in reversed(order):
        claim_count[node] = sum(claim_count[k] + (kinds[k] == "claim") for k in tree[node])

    nodes: list[dict[str, Any]] = []
    for node in ids:
        view = m[node]
        entry: dict[str, Any] = {"id": node, "kind": view.kind, "role": view.role}
        if isinstance(view, Claim):
            entry["text"] = view.text
            entry["tags"] = [str(t) for t in view.tags]
            entry["targets"] = [index[s] for s in m.graph.successors(node)]
        else:
            entry["polarity"] = view.polarity
            if view.scheme:
                entry["scheme"] = str(view.scheme)
            entry["premises"] = [index[p] for p in m.graph.predecessors(node) if kinds[p] == "claim"]
            entry["targets"] = [index[s] for s in m.graph.successors(node)]
        entry["incoming"] = [index[p] for p in m.graph.predecessors(node) if kinds[p] == "inference"]
        if view.label:
            entry["label"] = str(view.label)
        if view.note:
            entry["note"] = str(view.note)
        if view.group:
            entry["group"] = str(view.group)
        sources = [_source(s) for s in view.sources]
        if sources:
            entry["sources"] = sources
        if node in evaluation:
            entry["evaluation"] = _status(evaluation[node])
        if questions.get(node):
            entry["questions"] = [str(q) for q in questions[node]]
        entry["kids"] = [index[k] for k in tree[node]]
        entry["folds"] = claim_count[node]
        if texts and node in texts:
            entry["svgText"] = texts[node]
        if node in boxes:
            entry["box"] = list(boxes[node])
        nodes.append(entry)
    return {"title": m.title or "", "roles": ROLE_WORDS, "nodes": nodes}


def _outline_html(m: ArgumentMap) -> str:
    """The reading-order outline as nested ordered lists (escaped text, ids in ``data-node``)."""
    esc = html.escape
    parts: list[str] = []
    depth = -1
    for item in outline(m):
        if item.depth > depth:
            parts.append("<ol>" * (item.depth - depth))
        else:
            parts.append("</li>" + "</ol></li>" * (depth - item.depth))
        depth = item.depth
        claims = " <span class=\"am-plus\">+</span> ".join(
            f'<span class="am-ol-claim" data-node="{esc(cid)}">{esc(text)}</span>'
            for cid, text in zip(item.claims, item.texts, strict=False)
        )
        extra = " <span class=\"am-ol-note\">(linked: they support only together)</span>" if item.linked else ""
        extra += " <span class=\"am-ol-note\">(see above)</span>" if item.repeat else ""
        parts.append(
            f'<li class="am-ol-{esc(item.role)}" data-step="{esc(item.node)}">'
            f'<span class="am-ol-number">{esc(item.number)}</span> '
            f'<span class="am-ol-word">{esc(item.word)}:</span> {claims}{extra}'
        )
    if depth >= 0:
        parts.append("</li>" + "</ol></li>" * depth + "</ol>")
    else:
        parts.append("<p>This map has no claims.</p>")
    return "".join(parts)


@dataclass
class _Parts:
    """What the page and the notebook fragment are built from."""

    scope: str
    svg: InlineSvg
    data: dict[str, Any]
    outline: str
    lazy: bool
    pages: str = ""


def _parts(m: ArgumentMap, theme: str | Theme, options: DrawingOptions, *, prompts: Prompts | None,
           questions: QuestionList | None, lazy: bool = False, view: View | None = None) -> _Parts:
    evaluation = options.evaluation
    badges = options.badges
    if evaluation:
        badges = dict(badges)
        for node, value in evaluation.items():
            if node in m:
                badges.setdefault(node, _badge(value))
    # The page shows an evaluation in words of its own (badges, the panel), not as DOT borders.
    drawn = DrawingOptions(legend=options.legend, badges=badges, node_styles=options.node_styles)
    layout: Layout = "tree" if options.layout == "tree" else "dot" if options.layout == "dot" else "auto"
    # The page links its pages above the map (_pages_nav): links inside the inlined SVG would be
    # dropped with every other non-drawing element, and the boxes they wrap with them.
    unlinked = None if view is None else replace(
        view, links={}, stubs={k: replace(s, href=None) for k, s in view.stubs.items()})
    drawing = build_dot(m, theme, drawn, prompts=prompts, layout=layout, view=unlinked)
    svg = inline_svg(drawing_svg(drawing, m, describe=False), drawing, _PLACEHOLDER, detach_text=lazy)
    data = page_data(m, evaluation=evaluation, questions=questions, boxes=svg.boxes, texts=svg.texts)
    data["size"] = [svg.width, svg.height]
    data["frame"] = list(svg.frame)
    data["links"] = [list(box) for box in svg.link_boxes]
    # The scope id comes from the content: the same map gives the same bytes, and two different
    # maps (or one map with different data) on one page get different ids.
    digest = hashlib.sha256(svg.markup.encode("utf-8") + embed_json(data).encode("utf-8"))
    scope = "argmap-" + digest.hexdigest()[:12]
    svg.markup = svg.markup.replace(_PLACEHOLDER, scope)
    return _Parts(scope, svg, data, _outline_html(m), lazy, _pages_nav(m, view))


def _pages_nav(m: ArgumentMap, view: View | None) -> str:
    """Links to the pages above and below, when the map is split into linked pages."""
    if view is None:
        return ""
    esc = html.escape
    items = [f'<li><a class="am-page-up" href="{esc(href)}">\u2191 Up: the page above</a></li>'
             for href in sorted(set(view.links.values()))]
    for claim_id, stub in view.stubs.items():
        if stub.href and claim_id in m:
            text = shorten(m.claims[claim_id].text, 70)
            items.append(f'<li><a href="{esc(stub.href)}">{esc(stub.text)}</a> under \u201c{esc(text)}\u201d</li>')
    if not items:
        return ""
    return ('<nav class="am-pages" aria-label="Other pages of this map"><h2>This map goes on in other pages</h2>'
            f"<ul>{''.join(items)}</ul></nav>")


def _body(m: ArgumentMap, parts: _Parts, *, standalone: bool, style: str = "") -> str:
    esc = html.escape
    title = m.title or "Argument map"
    lazy = " am-lazy" if parts.lazy else ""
    svg = parts.svg.markup.replace(
        "<svg ", f'<svg class="am-svg{lazy}" role="img" aria-label="{esc("Argument map: " + title)}. '
        'The outline gives the same argument as text." ', 1)
    mode = "am-standalone" if standalone else "am-embedded"
    return (
        f'<div id="{parts.scope}" class="am-root am-nojs {mode}">'
        + style
        + '<header class="am-toolbar">'
        f'<h1 class="am-title">{esc(title)}</h1>'
        '<div class="am-tools" role="toolbar" aria-label="Map tools">'
        '<input class="am-search" type="search" placeholder="Search claims" aria-label="Search claims">'
        '<span class="am-count" aria-live="polite"></span>'
        '<button type="button" class="am-zoom-out" title="Zoom out (-)" aria-label="Zoom out">\u2212</button>'
        '<button type="button" class="am-zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>'
        '<button type="button" class="am-fit" title="Fit to screen (0)">Fit</button>'
        '<button type="button" class="am-toggle-outline" aria-pressed="false" '
        'title="Show the argument as a text outline (o)">Outline</button>'
        "</div></header>"
        + parts.pages
        + '<div class="am-main">'
        '<div class="am-viewport" tabindex="0" aria-label="Argument map. Arrow keys move between claims, '
        'Enter opens one, Escape closes, c folds or unfolds what bears on it.">'
        + svg
        + "</div>"
        f'<nav class="am-outline" aria-label="Outline of the argument"><h2>Outline: {esc(title)}</h2>'
        + parts.outline
        + "</nav>"
        '<aside class="am-panel" hidden aria-label="Claim details">'
        '<button type="button" class="am-close" aria-label="Close details">\u00d7</button>'
        '<div class="am-panel-body"></div></aside>'
        "</div>"
        f'<script type="application/json" class="am-data">{embed_json(parts.data)}</script>'
    )


def _style(scope: str, svg_size: tuple[float, float], *, standalone: bool) -> str:
    css = _asset("map.css").replace(_SCOPE_TOKEN, "#" + scope)
    if standalone:
        width, height = svg_size
        css += "\n@page { size: %s; margin: 1cm; }\n" % ("landscape" if width > height else "portrait")
    return css


def html_page(m: ArgumentMap, theme: str | Theme = "default", options: DrawingOptions | None = None, *,
              prompts: Prompts | None = None, questions: QuestionList | None = None, view: View | None = None) -> str:
    """The whole page as text.

    ``options`` are those of every picture (legend, badges, node styles, evaluation); ``prompts``
    are the open questions drawn beside their steps and ``questions`` what the panel lists for
    each node, both data (``argmap.render`` takes them from the schemes catalogue). ``view`` is
    the part of a bigger map that ``m`` is (:func:`~argmap.drawing.views.focus_view`).
    """
    parts = _parts(m, theme, options or DrawingOptions(), prompts=prompts, questions=questions,
                   lazy=len(m) > LAZY_NODES, view=view)
    css = _style(parts.scope, (parts.svg.width, parts.svg.height), standalone=True)
    # With scripts off, nothing would mark a big map's nodes as near the viewport: show them all.
    noscript = f"#{parts.scope} .am-svg.am-lazy g {{ display: inline !important; }}"
    return page(title=m.title or "Argument map", style=css, noscript_style=noscript,
                body=[_body(m, parts, standalone=True), Script(map_script()), "</div>\n"])


def html_fragment(m: ArgumentMap, theme: str | Theme = "default", options: DrawingOptions | None = None, *,
                  prompts: Prompts | None = None, questions: QuestionList | None = None) -> str:
    """The map as one ``<div>`` to embed (notebooks): styles scoped under its id, script in an IIFE.

    >>> import argmap
    >>> m = argmap.ArgumentMap()
    >>> _ = m.claim("T", id="t")
    >>> frag = html_fragment(m)
    >>> frag.startswith('<div id="argmap-') and "<html" not in frag
    True
    """
    parts = _parts(m, theme, options or DrawingOptions(), prompts=prompts, questions=questions)
    css = _style(parts.scope, (parts.svg.width, parts.svg.height), standalone=False)
    style = f"<style>{css}</style>"
    # A notebook shows the fragment without page(): it leaves through the same sanitiser.
    return xml_safe(_body(m, parts, standalone=False, style=style)) + f"<script>{map_script()}</script></div>"


#: The page's script, one file a job, joined in this order into one function (they share its scope).
MAP_SCRIPT_PARTS = ("start.js", "view.js", "fold.js", "panel.js", "search.js", "keys.js")


@cache
def map_script() -> str:
    """The page's script: the files of ``assets/map/`` joined in :data:`MAP_SCRIPT_PARTS` order.

    >>> code = map_script()
    >>> code.lstrip().startswith("/*") and code.rstrip().endswith("}());")
    True
    """
    return "".join(_asset("map/" + name) for name in MAP_SCRIPT_PARTS)
