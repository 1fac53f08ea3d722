"""The reveal zooms to the frame it reveals: claim text at least 18 pixels tall on a 1280x720 projector.

Measured in headless Chromium (the ``browser`` fixture): for every frame of both gallery maps, the
height of every line of claim text the frame reveals (``getBoundingClientRect``), and that the
revealed boxes are on the screen. The PDF of the talk is checked with pdfplumber.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

import argmap
from argmap.cli import main
from argmap.gallery import conscription, uniforms
from argmap.teach.reveal import fitted_frames, reveal_html, reveal_pdf, reveal_svgs

ROOT = Path(__file__).resolve().parents[2]
MIN_TEXT_PX = 18.0

_MEASURE = """(k) => {
  window.argmapReveal.show(k);
  const stage = document.getElementById('stage').getBoundingClientRect();
  const out = {heights: [], outside: []};
  document.querySelectorAll(`#stage g.claim[data-frame="${k}"]`).forEach((g) => {
    const box = g.getBoundingClientRect();
    if (box.left < stage.left - 1 || box.right > stage.right + 1 || box.top < stage.top - 1
        || box.bottom > stage.bottom + 1) { out.outside.push(g.id); }
    g.querySelectorAll('text').forEach((t) => {
      // The claim's own words: the largest type in its box (headings and sources are smaller).
      if (t.textContent.trim() && Number(t.getAttribute('font-size')) >= 18) {
        out.heights.push(t.getBoundingClientRect().height);
      }
    });
  });
  return out;
}"""


def reveal_text_heights(browser: Any, m: argmap.ArgumentMap, tmp_path: Path) -> list[tuple[float, list[str]]]:
    """Per frame: the smallest height (px) of the claim text it reveals, and the boxes off screen."""
    path = tmp_path / "talk.html"
    path.write_text(reveal_html(m), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    try:
        page.goto(path.resolve().as_uri())
        count = page.evaluate("window.argmapReveal.count")
        found = []
        for k in range(count):
            result = page.evaluate(_MEASURE, k)
            found.append((min(result["heights"], default=float("inf")), result["outside"]))
        return found
    finally:
        page.close()


@pytest.mark.parametrize("build", [conscription.build_map, uniforms.build_map], ids=["oped", "uniforms"])
def test_every_frame_shows_its_claims_18_pixels_tall_on_a_1280x720_projector(
        browser: Any, tmp_path: Path, build: Any) -> None:
    m = build()
    measured = reveal_text_heights(browser, m, tmp_path)
    assert len(measured) == len(fitted_frames(m))
    for k, (height, outside) in enumerate(measured, start=1):
        assert height >= MIN_TEXT_PX, f"frame {k}: claim text {height:.1f} px tall"
        assert outside == [], f"frame {k}: {outside} off the screen"


def test_a_frame_too_big_for_the_screen_is_split_into_its_lines() -> None:
    m = argmap.ArgumentMap(title="Wide")
    t = m.claim("Thesis", id="t")
    o = m.attack(t, m.claim("An objection", id="o"))
    for k in range(8):  # eight rebuttals side by side: one frame would show them tiny
        m.attack(o, m.claim(f"Rebuttal number {k} with enough words to make a wide box", id=f"r{k}"))
    fitted = fitted_frames(m, depth=1)
    assert len(fitted) > 2
    assert [n for f in fitted for n in f.nodes] == [n for f in fitted_frames(m, depth=10) for n in f.nodes]


def test_svg_frames_are_zoomed_to_their_part() -> None:
    m = uniforms.build_map()
    svgs = reveal_svgs(m)
    boxes = [f.box for f in fitted_frames(m)]
    assert len(svgs) == len(boxes)
    for svg, box in zip(svgs, boxes, strict=True):
        assert box is not None
        view = [float(v) for v in svg.split('viewBox="', 1)[1].split('"', 1)[0].split()]
        assert view[0] <= box[0] + 0.01 and view[1] <= box[1] + 0.01
        assert view[0] + view[2] >= box[0] + box[2] - 0.01 and view[1] + view[3] >= box[1] + box[3] - 0.01
        assert view[2] / view[3] == pytest.approx(1280 / 600, rel=0.01)


def test_the_talk_as_a_pdf_has_a_slide_a_frame() -> None:
    m = uniforms.build_map()
    fitted = fitted_frames(m)
    with pdfplumber.open(io.BytesIO(reveal_pdf(m))) as doc:
        assert len(doc.pages) == len(fitted)
        for k, (page, frame) in enumerate(zip(doc.pages, fitted, strict=True), start=1):
            assert (page.width, page.height) == (960, 540)
            text = page.extract_text()
            assert f"{k} / {len(fitted)}" in text and frame.lines[0][:40] in text.replace("\n", " ")
            # A 960-point slide fills 1280 pixels: claim text 18 px tall is 13.5 points.
            claim = [c["size"] for c in page.chars if c["size"] > 14.5 or c["fontname"].endswith("DejaVuSans")]
            assert max(claim) * 1280 / 960 >= MIN_TEXT_PX


def test_cli_writes_a_pdf_or_refuses_a_name_it_cannot_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    model = str(ROOT / "examples" / "uniforms.json")
    talk = tmp_path / "talk.pdf"
    assert main(["reveal", model, "-o", str(talk)]) == 0
    assert talk.is_file() and talk.read_bytes().startswith(b"%PDF-")
    assert capsys.readouterr().out.split() == [str(talk)]
    for name in ("talk.png", "talk.svg"):
        assert main(["reveal", model, "-o", str(tmp_path / name)]) == 2
        assert not (tmp_path / name).exists()
        assert "cannot write a reveal as" in capsys.readouterr().err
    (tmp_path / "folder.pdf").mkdir()
    assert main(["reveal", model, "-o", str(tmp_path / "folder.pdf")]) == 2
    assert "is a folder" in capsys.readouterr().err
