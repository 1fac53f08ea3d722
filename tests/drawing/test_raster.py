"""PNG and PDF out of the box: the bundled DejaVu Sans, text centred, the same bytes every time."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image

import argmap
from argmap.drawing.raster import font_files, pdf_document, rasterize
from argmap.errors import RenderError

WORD = "Mississippi Wolf"


def _box_svg(text: str = WORD, size: float = 40.0) -> str:
    """A 400 by 100 point box with one centred line of text, as Graphviz writes it."""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<svg xmlns="http://www.w3.org/2000/svg" width="400pt" height="100pt" viewBox="0 0 400 100">'
            "<title>Box</title>"
            '<rect x="0" y="0" width="400" height="100" fill="white"/>'
            f'<text x="200" y="65" font-family="DejaVu Sans,Verdana,Arial,sans-serif" font-size="{size}" '
            f'text-anchor="middle">{text}</text></svg>')


def _png_ink(data: bytes) -> tuple[int, int, int]:
    """The PNG's width and the first and last column holding dark pixels."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    with Image.open(io.BytesIO(data)) as image:
        grey = image.convert("L")
        box = grey.point(lambda v: 255 if v < 128 else 0).getbbox()
        assert box is not None, "no text drawn"
        return grey.width, box[0], box[2] - 1


def _advance(text: str, size: float) -> float:
    """The width of ``text`` in the bundled DejaVu Sans, from the font's own metrics (points)."""
    from reportlab.pdfbase.pdfmetrics import registerFont, stringWidth
    from reportlab.pdfbase.ttfonts import TTFont

    registerFont(TTFont("TestDejaVuSans", font_files()[0]))
    return float(stringWidth(text, "TestDejaVuSans", size))


def test_png_text_is_dejavu_sans_and_centred() -> None:
    width, left, right = _png_ink(rasterize(_box_svg(), "png", scale=1.0))
    assert width == round(400 * 96 / 72)
    ink = (right - left + 1) * 72 / 96  # back to points
    # A serif or a wider fallback font would be well off DejaVu Sans's own advance width.
    assert ink == pytest.approx(_advance(WORD, 40), rel=0.04)
    assert (left + right) / 2 == pytest.approx(width / 2, abs=3)


def test_pdf_text_is_embedded_dejavu_sans_and_centred() -> None:
    pdf = rasterize(_box_svg(), "pdf")
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[0]
        assert (page.width, page.height) == (400, 100)
        chars = page.chars
        assert "".join(c["text"] for c in chars) == WORD
        assert {c["fontname"].split("+")[-1] for c in chars} == {"DejaVuSans"}
        assert {round(c["size"], 1) for c in chars} == {40.0}
        left, right = min(c["x0"] for c in chars), max(c["x1"] for c in chars)
        assert (left + right) / 2 == pytest.approx(200, abs=1)
        assert right - left == pytest.approx(_advance(WORD, 40), rel=0.01)


def test_pdf_embeds_every_font_it_names_and_takes_the_svg_title() -> None:
    pdf = rasterize(_box_svg(), "pdf")
    assert b"Helvetica" not in pdf
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        assert doc.metadata["Title"] == "Box"


def test_bold_and_italic_use_the_bundled_faces() -> None:
    svg = _box_svg().replace("<text ", '<text font-weight="bold" font-style="italic" ')
    with pdfplumber.open(io.BytesIO(rasterize(svg, "pdf"))) as doc:
        assert {c["fontname"].split("+")[-1] for c in doc.pages[0].chars} == {"DejaVuSans-BoldOblique"}


def test_the_same_svg_gives_the_same_bytes() -> None:
    svg = _box_svg("Ünïcödé ✓ and “quotes”")
    assert rasterize(svg, "pdf") == rasterize(svg, "pdf")
    assert rasterize(svg, "png") == rasterize(svg, "png")


def test_a_pdf_of_several_pages_keeps_each_page_size() -> None:
    small = _box_svg("one")
    tall = small.replace('height="100pt"', 'height="300pt"').replace("0 0 400 100", "0 0 400 300")
    with pdfplumber.open(io.BytesIO(pdf_document([small, tall, small], title="Three"))) as doc:
        assert [(p.width, p.height) for p in doc.pages] == [(400, 100), (400, 300), (400, 100)]
        assert doc.metadata["Title"] == "Three"


def test_a_map_renders_to_png_and_pdf(tmp_path: Path, uniforms_map: argmap.ArgumentMap) -> None:
    pdf = argmap.render(uniforms_map, tmp_path / "m.pdf").read_bytes()
    png = argmap.render(uniforms_map, tmp_path / "m.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        text = doc.pages[0].extract_text()
        fonts = {c["fontname"].split("+")[-1] for c in doc.pages[0].chars}
    assert "Require uniforms" in text and fonts <= {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique",
                                                    "DejaVuSans-BoldOblique"}


def test_a_renderer_that_did_not_install_says_how_to_fix_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "resvg_py", None)  # what a failed import looks like
    with pytest.raises(RenderError, match=r"PNG output needs the resvg-py package.*pip install"):
        rasterize(_box_svg(), "png")


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(RenderError, match="formats: png, pdf"):
        rasterize(_box_svg(), "gif")
