"""Pictures on paper: A4 or Letter pages, each picture scaled to fit, text never printed too small.

A worksheet, its key or a slide is first drawn as an SVG of its own size (Graphviz measures in
points); :func:`fit` finds the largest scale, portrait or landscape, at which it fits a page's
printable area without its smallest text printing below :data:`MIN_PRINTED_PT`, and
:func:`on_page` puts it there as a page-sized SVG with a footer line. The page SVG goes to
:mod:`argmap.drawing.raster` like any other picture.

>>> svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="700pt" height="300pt" viewBox="0 0 700 300">'
...        '<title>Wide</title><text font-size="12">x</text></svg>')
>>> size = svg_size(svg); size, smallest_text(svg)
((700.0, 300.0), 12.0)
>>> place = fit(size, PAPERS["a4"], smallest_text(svg)); place.landscape, round(place.scale, 3)
(True, 1.0)
>>> fit((2000.0, 300.0), PAPERS["a4"], 12.0) is None  # 0.38 x 12 pt would print at 4.6 pt
True
>>> page = on_page(svg, PAPERS["a4"], place, footer="Page 1 of 1")
>>> svg_size(page), "<title>Wide</title>" in page
((841.89, 595.28), True)
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from argmap.drawing.svgdoc import SVG_NS, XML_DECLARATION, serialize
from argmap.errors import ArgmapError

__all__ = [
    "Paper",
    "Placement",
    "PAPERS",
    "SLIDE",
    "MIN_PRINTED_PT",
    "default_paper",
    "get_paper",
    "svg_size",
    "smallest_text",
    "fit",
    "on_page",
]

#: Printed text is never smaller than this (points): what a 16-year-old reads without effort.
MIN_PRINTED_PT = 9.0
#: The footer line's size (points).
FOOTER_PT = 9.5
_PT_PER = {"pt": 1.0, "px": 0.75, "in": 72.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "": 0.75}


@dataclass(frozen=True)
class Paper:
    """A page: its name, its portrait size and its margin, in points."""

    name: str
    width: float
    height: float
    margin: float = 36.0  # half an inch: inside every printer's unprintable edge
    footer: float = 18.0  # room under the picture for the page line

    def size(self, landscape: bool) -> tuple[float, float]:
        """The page's width and height, turned when ``landscape``."""
        return (self.height, self.width) if landscape else (self.width, self.height)

    def area(self, landscape: bool) -> tuple[float, float]:
        """The width and height a picture may fill: the page less margins and footer."""
        width, height = self.size(landscape)
        return width - 2 * self.margin, height - 2 * self.margin - self.footer


#: Paper by name (``--paper``).
PAPERS: Mapping[str, Paper] = {
    "a4": Paper("a4", 595.28, 841.89),
    "letter": Paper("letter", 612.0, 792.0),
}
#: A 16:9 slide, 13.33 by 7.5 inches (a 1280 by 720 projector shows it 1.33 pixels a point).
SLIDE = Paper("slide", 540.0, 960.0, margin=12.0, footer=0.0)

# Territories whose paper is Letter (the rest of the world uses A4).
_LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PR", "PH", "CL", "CO", "CR", "GT", "NI", "PA", "SV", "VE",
                                 "DO", "BZ"})


def default_paper(environ: Mapping[str, str] | None = None) -> str:
    """``letter`` where the locale's territory uses Letter (US, Canada, Mexico, ...), else ``a4``.

    The locale comes from ``LC_ALL``, ``LC_PAPER`` or ``LANG``, the first one set.

    >>> default_paper({"LANG": "en_US.UTF-8"}), default_paper({"LC_PAPER": "fr_CA"}), default_paper({})
    ('letter', 'letter', 'a4')
    >>> default_paper({"LC_ALL": "de_DE.UTF-8", "LANG": "en_US.UTF-8"})
    'a4'
    """
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        value = env.get(name, "")
        if value:
            territory = re.match(r"[A-Za-z]+_([A-Za-z]{2})", value)
            return "letter" if territory and territory.group(1).upper() in _LETTER_TERRITORIES else "a4"
    return "a4"


def get_paper(name: str) -> Paper:
    """The paper named ``name`` (``a4`` or ``letter``); ``ArgmapError`` lists them otherwise."""
    try:
        return PAPERS[name.lower()]
    except KeyError:
        raise ArgmapError(f"unknown paper {name!r}; papers: {', '.join(PAPERS)}", param="paper") from None


def _length(value: str | None) -> float | None:
    found = re.fullmatch(r"\s*([0-9.]+)\s*(pt|px|in|mm|cm|)\s*", value or "")
    return float(found.group(1)) * _PT_PER[found.group(2)] if found else None


def _root(svg: str | bytes) -> ET.Element:
    return ET.fromstring(svg.encode("utf-8") if isinstance(svg, str) else svg)


def _view_box(root: ET.Element) -> tuple[float, float, float, float]:
    box = [float(v) for v in re.split(r"[\s,]+", root.get("viewBox", "").strip()) if v]
    if len(box) == 4:
        return box[0], box[1], box[2], box[3]
    width, height = _length(root.get("width")), _length(root.get("height"))
    if width is None or height is None:
        raise ArgmapError("the SVG has neither a viewBox nor a width and height")
    return 0.0, 0.0, width / 0.75, height / 0.75  # user units are CSS pixels


def svg_size(svg: str | bytes) -> tuple[float, float]:
    """The SVG's printed width and height in points."""
    root = _root(svg)
    width, height = _length(root.get("width")), _length(root.get("height"))
    if width is None or height is None:
        _, _, box_width, box_height = _view_box(root)
        return box_width * 0.75, box_height * 0.75
    return width, height


def smallest_text(svg: str | bytes) -> float:
    """The smallest font size in the SVG, in points as printed at its own size (0 without text).

    >>> smallest_text('<svg xmlns="http://www.w3.org/2000/svg" width="20pt" height="10pt" viewBox="0 0 40 20">'
    ...               '<text font-size="18">a</text><text font-size="12pt">b</text></svg>')
    8.0
    """
    root = _root(svg)
    per_unit = svg_size(svg)[0] / _view_box(root)[2]  # points per user unit
    found = []
    for element in root.iter():
        size = re.fullmatch(r"\s*([0-9.]+)\s*(pt|px)?\s*", element.get("font-size", ""))
        if size:  # a bare size is in user units; 1pt is 4/3 of them
            found.append(float(size.group(1)) * (4 / 3 if size.group(2) == "pt" else 1) * per_unit)
    return min(found, default=0.0)


@dataclass(frozen=True)
class Placement:
    """How a picture sits on its page: the scale and the page's orientation."""

    scale: float
    landscape: bool


def fit(
    size: tuple[float, float],
    paper: Paper,
    smallest: float,
    *,
    min_pt: float = MIN_PRINTED_PT,
    max_scale: float = 1.0,
    landscape: bool | None = None,
) -> Placement | None:
    """The largest scale (at most ``max_scale``) at which a picture of ``size`` points fits the
    paper's printable area, portrait or landscape (portrait on a tie; only the one ``landscape``
    names when it is not None); None when at that scale its ``smallest`` text would print below
    ``min_pt`` points.

    >>> fit((700.0, 300.0), PAPERS["a4"], 14.0).scale  # landscape: at its own size
    1.0
    >>> round(fit((700.0, 300.0), PAPERS["a4"], 14.0, landscape=False).scale, 3)  # 523 points across
    0.748
    >>> fit((700.0, 300.0), PAPERS["a4"], 12.0, landscape=False) is None  # 12 pt would print at 8.97
    True
    """
    best: Placement | None = None
    for turned in (False, True) if landscape is None else (landscape,):
        width, height = paper.area(turned)
        scale = min(max_scale, width / size[0], height / size[1])
        if best is None or scale > best.scale + 1e-9:
            best = Placement(scale, turned)
    assert best is not None
    if smallest and smallest * best.scale < min_pt - 1e-9:
        return None
    return best


def on_page(
    svg: str | bytes,
    paper: Paper,
    placement: Placement,
    *,
    footer: str | Sequence[str] | None = None,
    footer_pt: float = FOOTER_PT,
    view: tuple[float, float, float, float] | None = None,
    title: str | None = None,
) -> str:
    """The SVG scaled by ``placement`` onto a page of ``paper``: centred across, from the top
    margin down, ``footer`` (a line, or lines: the first bold) at the foot in ``footer_pt`` type.
    ``view`` (x, y, width, height in the SVG's own units) shows only that part of the picture;
    ``title`` replaces its ``<title>``."""
    inner = _root(svg)
    x0, y0, box_width, box_height = view or _view_box(inner)
    per_unit = svg_size(svg)[0] / _view_box(inner)[2]  # points per user unit of the picture
    scale = placement.scale * per_unit
    page_width, page_height = paper.size(placement.landscape)
    area_width, _ = paper.area(placement.landscape)
    left = paper.margin + (area_width - box_width * scale) / 2
    top = paper.margin
    page = ET.Element(f"{{{SVG_NS}}}svg", {
        "width": f"{page_width:.2f}pt", "height": f"{page_height:.2f}pt",
        "viewBox": f"0 0 {page_width:.2f} {page_height:.2f}",
    })
    for key in ("role", "aria-labelledby"):
        if inner.get(key):
            page.set(key, inner.get(key, ""))
    body = ET.Element(f"{{{SVG_NS}}}g", {
        "transform": f"translate({left:.3f} {top:.3f}) scale({scale:.5f}) translate({-x0:.3f} {-y0:.3f})",
    })
    for child in list(inner):
        if child.tag in (f"{{{SVG_NS}}}title", f"{{{SVG_NS}}}desc"):
            if title is not None and child.tag == f"{{{SVG_NS}}}title":
                child.text = title
            page.append(child)  # the picture's text alternative describes the page
        else:
            body.append(child)
    ET.SubElement(page, f"{{{SVG_NS}}}rect", {"width": "100%", "height": "100%", "fill": "white"})
    defs = ET.SubElement(page, f"{{{SVG_NS}}}defs")
    clip = ET.SubElement(defs, f"{{{SVG_NS}}}clipPath", {"id": "argmap-page-area"})
    ET.SubElement(clip, f"{{{SVG_NS}}}rect", {
        "x": f"{left:.3f}", "y": f"{top:.3f}",
        "width": f"{box_width * scale:.3f}", "height": f"{box_height * scale:.3f}",
    })
    holder = ET.SubElement(page, f"{{{SVG_NS}}}g", {"clip-path": "url(#argmap-page-area)"})
    holder.append(body)
    lines = [footer] if isinstance(footer, str) else list(footer or [])
    for k, text in enumerate(lines):
        line = ET.SubElement(page, f"{{{SVG_NS}}}text", {
            "x": f"{page_width / 2:.2f}",
            "y": f"{page_height - paper.margin - 4 - (len(lines) - 1 - k) * footer_pt * 1.3:.2f}",
            "font-family": "DejaVu Sans,Verdana,Arial,sans-serif", "font-size": f"{footer_pt}",
            "text-anchor": "middle", "fill": "#444444" if len(lines) == 1 else "#1a1a1a",
        })
        if k == 0 and len(lines) > 1:
            line.set("font-weight", "bold")
        line.text = text
    return XML_DECLARATION + serialize(page) + "\n"  # the title and footer carry map text
