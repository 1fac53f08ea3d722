"""The drawing entry point: a map and its options in, the bytes of a picture or a page out.

:func:`draw` makes every picture format (``dot``, ``svg``, ``png``, ``pdf``, ``html``); the format
registry (``argmap.formats``) and the map's own displays (``to_dot``, ``_repr_svg_``,
``_repr_html_``) all come through here. The critical questions a picture shows are gathered here
from the schemes catalogue (:mod:`argmap.analysis.questions`) and handed on as data.

>>> from argmap import ArgumentMap
>>> m = ArgumentMap()
>>> _ = m.support(m.claim("T", id="t"), "R")
>>> draw(m, "dot").startswith(b"digraph argmap {")
True
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Literal

from argmap.analysis.questions import question_texts, scheme_titles, step_prompts
from argmap.drawing.dot import build_dot
from argmap.drawing.html import html_fragment, html_page
from argmap.drawing.options import DrawingOptions, Prompts, QuestionList
from argmap.drawing.raster import rasterize
from argmap.drawing.svg import drawing_svg
from argmap.drawing.themes import Theme, get_theme
from argmap.errors import ArgmapError

if TYPE_CHECKING:
    import graphviz

    from argmap.model import ArgumentMap

__all__ = ["draw", "digraph", "notebook_html", "PictureKind", "PICTURE_KINDS", "svg_text_nodes"]

PictureKind = Literal["dot", "svg", "png", "pdf", "html"]
#: What :func:`draw` makes (the format registry gives them their names, suffixes and descriptions).
PICTURE_KINDS: tuple[PictureKind, ...] = ("dot", "svg", "png", "pdf", "html")


def _prompts(m: ArgumentMap, options: DrawingOptions, *, page: bool) -> Prompts | None:
    # A page's panel takes a mapping of questions; only True also draws the prompt boxes there.
    wanted = options.questions is True if page else bool(options.questions)
    return step_prompts(m, plain=options.plain) if wanted else None


def _panel(m: ArgumentMap, options: DrawingOptions) -> QuestionList:
    if options.questions is None or options.questions is True:
        return question_texts(m, plain=options.plain)
    return options.questions or {}


def _worded(m: ArgumentMap, options: DrawingOptions | None) -> DrawingOptions:
    """The options, with the steps' schemes named in everyday words when ``plain``."""
    opts = options or DrawingOptions()
    if opts.plain and opts.scheme_names is None:
        return replace(opts, scheme_names=scheme_titles(m, plain=True))
    return opts


def draw(m: ArgumentMap, kind: str, theme: str | Theme = "default", options: DrawingOptions | None = None) -> bytes:
    """The bytes of ``m`` drawn as ``kind`` (``dot``, ``svg``, ``png``, ``pdf`` or ``html``).

    PNG and PDF are drawn from the SVG (:func:`argmap.drawing.raster.rasterize`).
    """
    th = get_theme(theme)  # fail on a bad theme before any work
    opts = _worded(m, options)
    if kind == "html":
        return html_page(m, th, opts, prompts=_prompts(m, opts, page=True), questions=_panel(m, opts)).encode("utf-8")
    if kind not in PICTURE_KINDS:
        raise ArgmapError(f"cannot draw {kind!r}; kinds: {', '.join(PICTURE_KINDS)}")
    drawing = build_dot(m, th, opts, prompts=_prompts(m, opts, page=False))
    if kind == "dot":
        return drawing.source.encode("utf-8")
    if kind == "svg":
        return drawing_svg(drawing, m).encode("utf-8")
    return rasterize(drawing_svg(drawing, m), kind)


def digraph(m: ArgumentMap, theme: str | Theme = "default", options: DrawingOptions | None = None) -> graphviz.Digraph:
    """The map as a ``graphviz.Digraph`` (what ``m.to_dot()`` returns)."""
    opts = _worded(m, options)
    return build_dot(m, theme, opts, prompts=_prompts(m, opts, page=False)).digraph


def notebook_html(m: ArgumentMap, theme: str | Theme = "default", options: DrawingOptions | None = None) -> str:
    """The interactive map as one ``<div>`` for notebooks (what ``m._repr_html_()`` returns)."""
    opts = _worded(m, options)
    return html_fragment(m, theme, opts, prompts=_prompts(m, opts, page=True), questions=_panel(m, opts))


def svg_text_nodes(svg: str) -> list[str]:
    """The text runs of an SVG, unescaped (handy in tests and checks).

    >>> svg_text_nodes('<svg><text x="1">a &amp; b</text></svg>')
    ['a & b']
    """
    return [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]
