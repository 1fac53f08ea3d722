"""From SVG to PNG or PDF: the one step every map, worksheet, reveal frame and flow sheet takes.

PNG is drawn by resvg (the ``resvg-py`` wheel) and PDF by svglib and reportlab (pure Python);
both are installed with argmap and need nothing from the system. Both draw text with the
DejaVu Sans faces bundled in ``argmap/drawing/fonts/`` (the font the layout engine measures
text in) and never with the system's fonts, so text sits centred in its box and the same SVG
gives the same picture on every machine. Text in a script DejaVu Sans does not cover (Chinese,
say) is left blank in PNG and PDF: write SVG or HTML for such maps.

>>> svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="60pt" height="20pt" viewBox="0 0 60 20">'
...        '<text x="30" y="14" font-family="DejaVu Sans" font-size="12" text-anchor="middle">Hi</text></svg>')
>>> rasterize(svg, "png")[:8] == b"\\x89PNG\\r\\n\\x1a\\n", rasterize(svg, "pdf")[:5]
(True, b'%PDF-')
>>> pdf_document([svg, svg]).count(b"/Type /Page\\n")
2
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from argmap.errors import RenderError

__all__ = ["rasterize", "pdf_document", "font_files", "RASTER_FORMATS", "FONT_FAMILY"]

#: What :func:`rasterize` writes.
RASTER_FORMATS = ("png", "pdf")
#: The family the bundled faces answer to (the themes' font).
FONT_FAMILY = "DejaVu Sans"
#: The bundled faces: (file, weight, style).
_FACES = (
    ("DejaVuSans.ttf", "normal", "normal"),
    ("DejaVuSans-Bold.ttf", "bold", "normal"),
    ("DejaVuSans-Oblique.ttf", "normal", "italic"),
    ("DejaVuSans-BoldOblique.ttf", "bold", "italic"),
)
#: SVG lengths are CSS pixels at 96 per inch; a Graphviz SVG measures in points (72 per inch).
_CSS_DPI = 96.0


@cache
def font_files() -> tuple[str, ...]:
    """The paths of the bundled DejaVu Sans faces (regular, bold, oblique, bold oblique).

    >>> [Path(p).name for p in font_files()][:2]
    ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']
    """
    folder = resources.files("argmap.drawing").joinpath("fonts")
    paths = tuple(str(folder.joinpath(name)) for name, _, _ in _FACES)
    missing = [p for p in paths if not Path(p).is_file()]
    if missing:
        raise RenderError(f"argmap's bundled font is missing ({missing[0]}); "
                          "reinstall argmap: pip install --force-reinstall argmap")
    return paths


def _missing(what: str, package: str, exc: BaseException) -> RenderError:
    return RenderError(f"{what} output needs the {package} package, which did not load ({exc}); "
                       f"reinstall it: pip install --force-reinstall {package} (or write .svg)")


def _png(data: bytes, scale: float) -> bytes:
    try:
        import resvg_py
    except ImportError as exc:
        raise _missing("PNG", "resvg-py", exc) from None
    try:
        # dpi 96 makes a Graphviz point 4/3 px (as browsers and cairo draw it); zoom scales that.
        png = resvg_py.svg_to_bytes(svg_string=data.decode("utf-8"), dpi=_CSS_DPI, zoom=scale,
                                    skip_system_fonts=True, font_files=list(font_files()),
                                    font_family=FONT_FAMILY, sans_serif_family=FONT_FAMILY)
    except ValueError as exc:
        raise RenderError(f"cannot draw this SVG as PNG: {exc}") from None
    return bytes(png)


@cache
def _svglib() -> tuple[Any, str]:
    """svglib's converter, with the bundled faces registered once for every weight and style,
    and reportlab's name of the regular face."""
    try:
        from svglib import svglib
        from svglib.fonts import register_font
    except ImportError as exc:
        raise _missing("PDF", "svglib", exc) from None
    names = [register_font(FONT_FAMILY, path, weight=weight, style=style)[0]
             for path, (_, weight, style) in zip(font_files(), _FACES, strict=True)]
    if not all(names):
        raise RenderError("reportlab could not read argmap's bundled font; reinstall argmap")
    return svglib, str(names[0])


_TITLE = re.compile(r"<title[^>]*>([^<]*)</title>")


def _title(data: bytes) -> str | None:
    """The SVG's own title (its first ``<title>``), for the PDF's properties."""
    found = _TITLE.search(data.decode("utf-8", "replace"))
    return html.unescape(found.group(1)).strip() or None if found else None


def _drawing(data: bytes) -> Any:
    """One SVG as a reportlab drawing (its size in points, as the SVG gives it)."""
    drawing = _svglib()[0].svg2rlg(io.BytesIO(data))
    if drawing is None:
        raise RenderError("cannot draw this SVG as PDF: svglib could not read it")
    drawing.initialFontName = _svglib()[1]  # not Helvetica, which the PDF would name unembedded
    return drawing


def pdf_document(pages: Sequence[str | bytes], *, title: str | None = None) -> bytes:
    """A PDF with one page per SVG, each page the size of its SVG.

    The same pages always give the same bytes (no date, no random id), so a PDF can be
    committed and compared. ``title`` (by default the first page's own ``<title>``) goes in the
    document's properties.
    """
    if not pages:
        raise RenderError("a PDF needs at least one page")
    data = [page.encode("utf-8") if isinstance(page, str) else page for page in pages]
    drawings = [_drawing(page) for page in data]
    from reportlab.graphics import renderPDF
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    # The bundled face from the start, so the PDF names no font it does not embed.
    canvas = Canvas(out, invariant=1, pageCompression=1, initialFontName=_svglib()[1])
    title = title or _title(data[0])
    if title:
        canvas.setTitle(title)
    canvas.setCreator("argmap")
    for drawing in drawings:
        canvas.setPageSize((drawing.width, drawing.height))
        renderPDF.draw(drawing, canvas, 0, 0)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def rasterize(svg: str | bytes, fmt: str, *, scale: float = 2.0) -> bytes:
    """The SVG as ``png`` (``scale`` times its size at 96 pixels per inch) or ``pdf`` bytes.

    Raises:
        RenderError: an unknown format, an SVG the renderer cannot read, or a renderer that did
            not install (the message says how to fix it).
    """
    if fmt not in RASTER_FORMATS:
        raise RenderError(f"cannot turn SVG into {fmt!r}; formats: {', '.join(RASTER_FORMATS)}")
    data = svg.encode("utf-8") if isinstance(svg, str) else svg
    if fmt == "pdf":
        return pdf_document([data])
    return _png(data, scale)
