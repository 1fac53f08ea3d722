"""The interactive map page: one self-contained HTML file (and the same map for notebooks).

The page inlines the Graphviz SVG, the map's data as JSON, a stylesheet and a small script
(``argmap/drawing/assets/map.css`` and ``map.js``); it loads nothing and sends nothing. Map text
reaches the page three ways, each inert: escaped by Graphviz inside the SVG, escaped by
:func:`html.escape` in the outline, and inside a JSON data block that the script reads with
``JSON.parse`` and inserts with ``textContent`` only. A Content-Security-Policy allows exactly the
page's own script and style (by hash) and nothing else.

>>> import argmap
>>> m = argmap.ArgumentMap(title="Lunch")
>>> t = m.claim("We should eat out.", id="t")
>>> _ = m.support(t, "The fridge is empty.")
>>> page = html_page(m)
>>> page.startswith("<!DOCTYPE html>") and 'data-node="t"' in page
True
>>> "Content-Security-Policy" in page and "<script src" not in page
True
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from argmap.drawing.dot import build_dot
from argmap.drawing.engine import run_engine
from argmap.drawing.folds import fold_tree
from argmap.drawing.inline_svg import InlineSvg, inline_svg
from argmap.drawing.output import postprocess_svg, register_output
from argmap.drawing.themes import get_theme
from argmap.errors import ArgmapError
from argmap.outline import outline
from argmap.text import ROLE_WORDS, safe_url, status_word

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["html_page", "html_fragment", "page_data", "embed_json"]

_SCOPE_TOKEN = "#am-root"
_PLACEHOLDER = "argmap-scope-placeholder"
#: Pages of maps with more nodes than this draw only what is near the viewport (see map.js).
LAZY_NODES = 400
def _asset(name: str) -> str:
    return resources.files("argmap.drawing").joinpath("assets", name).read_text(encoding="utf-8")


def embed_json(data: Any) -> str:
    """JSON text safe inside ``<script type="application/json">``: no ``<``, ``>`` or ``&``.

    Those characters (and U+2028/2029) become ``\\u`` escapes, which ``JSON.parse`` reads back,
    so no text can close the script element or open a comment in it.

    >>> embed_json({"t": "</script><!--"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    >>> json.loads(embed_json({"t": "</script>"}))["t"]
    '</script>'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


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
        if view.kind == "claim":
            entry["text"] = view.text  # type: ignore[union-attr]
            entry["tags"] = [str(t) for t in view.tags]  # type: ignore[union-attr]
            entry["targets"] = [index[s] for s in m.graph.successors(node)]
        else:
            entry["polarity"] = view.polarity  # type: ignore[union-attr]
            if view.scheme:  # type: ignore[union-attr]
                entry["scheme"] = str(view.scheme)  # type: ignore[union-attr]
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


def catalogue_questions(m: ArgumentMap) -> dict[str, list[str]]:
    """The open critical questions of each step (by its schemes) and claim (by its sources' kinds).

    They come from the schemes catalogue (``argmap.analysis.questions``); a question is open until a
    step of the map answers it.

    >>> import argmap
    >>> m = argmap.ArgumentMap()
    >>> t = m.claim("Coffee is healthy.", id="t")
    >>> _ = m.support(t, "Dr. Lee says so.", id="s", scheme="Argument from expert opinion")
    >>> len(catalogue_questions(m)["s"]) > 2
    True
    """
    try:
        from argmap.analysis.questions import open_questions
    except ImportError:  # a trimmed install without the teaching part
        return {}
    found: dict[str, list[str]] = {}
    for entry in open_questions(m):
        owners = {entry.owner_name(q) for q in entry.open}
        found[entry.node] = [q.text if len(owners) == 1 else f"{entry.owner_name(q)}: {q.text}" for q in entry.open]
    return found


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@dataclass
class _Parts:
    """What the page and the notebook fragment are built from."""

    scope: str
    svg: InlineSvg
    data: dict[str, Any]
    outline: str
    lazy: bool


def _parts(m: ArgumentMap, theme: str, options: dict[str, Any], *, lazy: bool = False) -> _Parts:
    evaluation = options.pop("evaluation", None)
    questions = options.pop("questions", None)
    if evaluation is not None and not isinstance(evaluation, Mapping):
        raise ArgmapError("evaluation= takes a mapping of node id to status or strength")
    if questions is not None and not isinstance(questions, (Mapping, bool)):
        raise ArgmapError("questions= takes True, False or a mapping of node id to a list of questions")
    if questions is True:
        options["questions"] = True  # the picture draws them as prompt boxes too
    if questions is None or questions is True:
        questions = catalogue_questions(m)
    if evaluation:
        badges = dict(options.pop("badges", None) or {})
        for node, value in evaluation.items():
            if node in m:
                badges.setdefault(node, _badge(value))
        options["badges"] = badges
    th = get_theme(theme)
    svg_text = postprocess_svg(run_engine(build_dot(m, th, **options).source, "svg").decode("utf-8"), th.fontname)
    svg = inline_svg(svg_text, set(m.graph.nodes), _PLACEHOLDER, detach_text=lazy)
    data = page_data(m, evaluation=evaluation, questions=questions, boxes=svg.boxes, texts=svg.texts)
    data["size"] = [svg.width, svg.height]
    data["frame"] = list(svg.frame)
    data["links"] = [list(box) for box in svg.link_boxes]
    # The scope id comes from the content: the same map gives the same bytes, and two different
    # maps (or one map with different data) on one page get different ids.
    digest = hashlib.sha256(svg.markup.encode("utf-8") + embed_json(data).encode("utf-8"))
    scope = "argmap-" + digest.hexdigest()[:12]
    svg.markup = svg.markup.replace(_PLACEHOLDER, scope)
    return _Parts(scope, svg, data, _outline_html(m), lazy)


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
        '<div class="am-main">'
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


def html_page(m: ArgumentMap, theme: str = "default", **options: Any) -> str:
    """The whole page as text; ``evaluation`` and ``questions`` (mappings by node id) are optional.

    Other keyword options go to :func:`argmap.drawing.dot.build_dot` (``legend``, ``badges``, ...).
    """
    parts = _parts(m, theme, dict(options), lazy=len(m) > LAZY_NODES)
    css = _style(parts.scope, (parts.svg.width, parts.svg.height), standalone=True)
    script = _asset("map.js")
    # With scripts off, nothing would mark a big map's nodes as near the viewport: show them all.
    noscript = f"#{parts.scope} .am-svg.am-lazy g {{ display: inline !important; }}"
    csp = (f"default-src 'none'; script-src {_csp_hash(script)}; "
           f"style-src {_csp_hash(css)} {_csp_hash(noscript)}; "
           "img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'")
    title = m.title or "Argument map"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="generator" content="argmap">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>{css}</style>\n"
        f"</head><body>\n<noscript><style>{noscript}</style></noscript>\n"
        + _body(m, parts, standalone=True)
        + f"<script>{script}</script></div>\n"
        "</body></html>\n"
    )


def html_fragment(m: ArgumentMap, theme: str = "default", **options: Any) -> str:
    """The map as one ``<div>`` to embed (notebooks): styles scoped under its id, script in an IIFE.

    >>> import argmap
    >>> m = argmap.ArgumentMap()
    >>> _ = m.claim("T", id="t")
    >>> frag = html_fragment(m)
    >>> frag.startswith('<div id="argmap-') and "<html" not in frag
    True
    """
    parts = _parts(m, theme, dict(options))
    css = _style(parts.scope, (parts.svg.width, parts.svg.height), standalone=False)
    style = f"<style>{css}</style>"
    return _body(m, parts, standalone=False, style=style) + f"<script>{_asset('map.js')}</script></div>"


@register_output("html")
def _html(m: ArgumentMap, theme: str = "default", **options: Any) -> bytes:
    return html_page(m, theme, **options).encode("utf-8")
