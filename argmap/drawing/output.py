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
from argmap.drawing.dot import Layout, build_dot
from argmap.drawing.html import html_fragment, html_page
from argmap.drawing.options import DrawingOptions, Progress, Prompts, QuestionList
from argmap.drawing.pages import PER_PAGE, split_pages
from argmap.drawing.raster import rasterize
from argmap.drawing.svg import drawing_svg, drawings_svg
from argmap.drawing.themes import Theme, get_theme
from argmap.drawing.views import View, focus_view
from argmap.errors import ArgmapError

if TYPE_CHECKING:
    import graphviz

    from argmap.model import ArgumentMap

__all__ = ["draw", "draw_pages", "digraph", "notebook_html", "view_of", "PAGE_KINDS", "PictureKind", "PICTURE_KINDS",
           "svg_text_nodes"]

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
    if kind not in PICTURE_KINDS:
        raise ArgmapError(f"cannot draw {kind!r}; kinds: {', '.join(PICTURE_KINDS)}")
    return _draw(m, view_of(m, opts), kind, th, opts)


def _draw(m: ArgumentMap, view: View | None, kind: str, theme: Theme, opts: DrawingOptions) -> bytes:
    if view is not None:
        m = view.map
    if kind == "html":
        return html_page(m, theme, opts, prompts=_prompts(m, opts, page=True), questions=_panel(m, opts),
                         view=view).encode("utf-8")
    report = opts.progress
    if report is not None:
        report(0, 3, "laying out")
    drawing = build_dot(m, theme, opts, prompts=_prompts(m, opts, page=False), layout=_layout(opts), view=view)
    if kind == "dot":
        return drawing.source.encode("utf-8")
    if report is not None:
        report(1, 3, "drawing")
    svg = drawing_svg(drawing, m, progress=report)
    if kind == "svg":
        return svg.encode("utf-8")
    if report is not None:
        report(2, 3, f"writing {kind.upper()}")
    return rasterize(svg, kind)


#: What :func:`draw_pages` makes: pictures that can link to each other.
PAGE_KINDS = ("svg", "html")


def draw_pages(m: ArgumentMap, kind: str, theme: str | Theme = "default", options: DrawingOptions | None = None, *,
               name: str = "map.svg", per_page: int = PER_PAGE, progress: Progress | None = None) -> dict[str, bytes]:
    """The map as linked pages (:mod:`argmap.drawing.pages`): file (relative to the overview's
    folder, the overview first) -> bytes. ``progress(done, total, file)`` after each page.

    >>> import argmap
    >>> m = argmap.ArgumentMap()
    >>> node = m.claim("Claim 0", id="c0")
    >>> for k in range(1, 12):
    ...     node = m.support(node, m.claim(f"Claim {k}", id=f"c{k}")).premises[0]
    >>> files = draw_pages(m, "svg", name="chain.svg", per_page=4)
    >>> list(files)
    ['chain.svg', 'chain-pages/c3.svg', 'chain-pages/c6.svg', 'chain-pages/c9.svg']
    >>> b'xlink:href="chain-pages/c3.svg"' in files["chain.svg"]
    True
    """
    th = get_theme(theme)
    opts = _worded(m, options)
    if kind not in PAGE_KINDS:
        raise ArgmapError(f"cannot split {kind!r} into linked pages; page formats: {', '.join(PAGE_KINDS)}",
                          param="format")
    if opts.viewed:
        raise ArgmapError("linked pages show the whole map: leave out focus and depth", param="pages")
    pages = split_pages(m, per_page=per_page, name=name)
    files: dict[str, bytes] = {}
    # The pages are the steps; each is laid out as a tree (unless asked otherwise): quick, and a
    # shape near a landscape page whatever the branch.
    quiet = replace(opts, progress=None, layout="tree" if opts.layout == "auto" else opts.layout)
    if kind == "html":
        for done, page in enumerate(pages, start=1):
            files[page.file] = _draw(page.view.map, page.view, kind, th, quiet)
            if progress is not None:
                progress(done, len(pages), page.file)
        return files
    # SVG pages: the engine lays out a batch of pages in one run (its start-up is most of a
    # small page's time).
    batch = 50
    for start in range(0, len(pages), batch):
        part = pages[start:start + batch]
        drawings = [(build_dot(p.view.map, th, quiet, prompts=_prompts(p.view.map, quiet, page=False),
                               layout=_layout(quiet), view=p.view), p.view.map) for p in part]
        for page, svg in zip(part, drawings_svg(drawings), strict=True):
            files[page.file] = svg.encode("utf-8")
        if progress is not None:
            progress(start + len(part), len(pages), part[-1].file)
    return files


def view_of(m: ArgumentMap, options: DrawingOptions) -> View | None:
    """The part of ``m`` the options ask for (``focus``, ``depth``), or None for the whole map."""
    if not options.viewed:
        return None
    return focus_view(m, options.focus, 2 if options.depth is None else options.depth)


def _layout(options: DrawingOptions) -> Layout:
    return "tree" if options.layout == "tree" else "dot" if options.layout == "dot" else "auto"


def digraph(m: ArgumentMap, theme: str | Theme = "default", options: DrawingOptions | None = None) -> graphviz.Digraph:
    """The map as a ``graphviz.Digraph`` (what ``m.to_dot()`` returns)."""
    opts = _worded(m, options)
    view = view_of(m, opts)
    if view is not None:
        m = view.map
    return build_dot(m, theme, opts, prompts=_prompts(m, opts, page=False), layout=_layout(opts), view=view).digraph


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
