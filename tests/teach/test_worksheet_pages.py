"""Worksheets on paper: A4 or Letter, one branch a page when the map is too big, no text below 9 pt.

The printed sizes are measured twice: from each page SVG (its smallest font size times the scale
it was fitted with, which :class:`Pages` records) and from the PDF itself (pdfplumber's size of
every character, which includes the page's scaling).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
import pytest

import argmap
from argmap.cli import main
from argmap.drawing.paper import MIN_PRINTED_PT, PAPERS, default_paper, svg_size
from argmap.drawing.raster import pdf_document
from argmap.gallery import conscription, uniforms
from argmap.teach.paging import split_map
from argmap.teach.worksheet import Worksheet, make_worksheet, page_paths, worksheet_pages, write_worksheet

MAPS = {"oped": conscription.build_map, "uniforms": uniforms.build_map}


def _sheet(name: str, variant: str) -> Worksheet:
    m = MAPS[name]()
    if variant == "objection":
        return make_worksheet(m, variant="objection", seed=2)
    return make_worksheet(m, 6 if variant == "blanks" else None, variant=variant, seed=1)


def _pdf_sizes(pages: tuple[str, ...]) -> list[tuple[float, float, float, str]]:
    """Per page of the PDF: width, height, the smallest character size, and the page's text."""
    with pdfplumber.open(io.BytesIO(pdf_document(pages))) as doc:
        return [(p.width, p.height, min(c["size"] for c in p.chars), p.extract_text()) for p in doc.pages]


# Every variant of both gallery maps, each on one of the papers (the others behave alike).
CASES = [("oped", "blanks", "a4"), ("oped", "blanks", "letter"), ("oped", "objection", "letter"),
         ("oped", "sort", "a4"), ("uniforms", "blanks", "letter"), ("uniforms", "objection", "a4"),
         ("uniforms", "sort", "a4"), ("uniforms", "sort", "letter")]


@pytest.mark.parametrize(("name", "variant", "paper"), CASES, ids=["-".join(c) for c in CASES])
def test_every_page_fits_its_paper_with_text_of_9_points_or_more(name: str, variant: str, paper: str) -> None:
    ws = _sheet(name, variant)
    pages = worksheet_pages(ws, paper)
    assert len(pages.sheet) >= len(pages.key) >= 1
    assert pages.smallest >= MIN_PRINTED_PT
    width, height = PAPERS[paper].width, PAPERS[paper].height
    for svg in pages.sheet + pages.key:
        assert sorted(svg_size(svg)) == pytest.approx(sorted((width, height)), abs=0.01)
    for kind, svgs in (("sheet", pages.sheet), ("key", pages.key)):
        measured = _pdf_sizes(svgs)
        for number, (w, h, smallest, text) in enumerate(measured, start=1):
            assert sorted((w, h)) == pytest.approx(sorted((width, height)), abs=0.01)
            assert smallest >= MIN_PRINTED_PT - 0.01, f"{kind} page {number} prints text at {smallest:.2f} pt"
            assert f"page {number} of {len(measured)}" in text
    # Every blank is a write-in box on exactly one sheet page, and its answer on one key page.
    for blank in ws.blanks:
        box = re.compile(rf'<g id="am-{re.escape(blank.claim)}" class="[^"]*\b(blank|answer)\b')
        assert len([k for k, svg in enumerate(pages.sheet) if box.search(svg)]) == 1, blank
        assert len([k for k, svg in enumerate(pages.key) if box.search(svg)]) == 1, blank


def test_a_map_that_fits_stays_on_one_page() -> None:
    m = argmap.ArgumentMap(title="Lunch")
    t = m.claim("We should eat out.", id="t")
    m.support(t, m.claim("The fridge is empty.", id="fridge"))
    m.attack(t, m.claim("It costs too much.", id="cost"))
    pages = worksheet_pages(make_worksheet(m, ["fridge"]), "a4")
    assert len(pages.sheet) == 1 and "page 1 of 1" in pages.sheet[0]


def test_a_big_map_goes_branch_by_branch_and_says_where_each_part_continues() -> None:
    m = conscription.build_map()
    ws = make_worksheet(m, 6, seed=1)
    pages = worksheet_pages(ws, "a4")
    assert len(pages.sheet) > 1
    texts = [t for *_, t in _pdf_sizes(pages.sheet)]
    assert "Name:" in texts[0] and all("Name:" not in t for t in texts[1:])
    # Each "more on page N" points forward to a page that continues from an earlier one.
    for k, text in enumerate(texts, start=1):
        for target in map(int, re.findall(r"MORE ON PAGE (\d+)", text)):
            assert k < target <= len(texts)
            assert "The map goes on from an earlier page" in texts[target - 1]
    # Every claim of the map is drawn in full on some page of the key.
    parts = split_map(m, lambda part: len(part.drawn) <= 12)
    assert set().union(*(p.nodes for p in parts)) == set(m.graph.nodes)


def test_pages_keep_each_claims_role_and_each_arrows_word() -> None:
    m = conscription.build_map()
    parts = split_map(m, lambda part: len(part.drawn) <= 8)
    from argmap.teach.paging import part_map

    for part in parts:
        sub = part_map(m, part)
        for node in part.nodes:
            if len(m.graph.out_edges(node)) == 1:  # a premise of two steps may be drawn with one
                assert sub[node].role == m[node].role, f"{node} changes role on its page"


def test_default_paper_follows_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        monkeypatch.delenv(name, raising=False)
    assert default_paper() == "a4"
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert default_paper() == "letter"
    monkeypatch.setenv("LC_PAPER", "en_GB.UTF-8")
    assert default_paper() == "a4"


def test_png_and_svg_pages_are_files_of_their_own(tmp_path: Path) -> None:
    ws = _sheet("uniforms", "blanks")
    written = write_worksheet(ws, tmp_path / "sheet.png", paper="letter")
    count = len(worksheet_pages(ws, "letter").sheet)
    assert count > 1
    assert written[:count] == page_paths(tmp_path / "sheet.png", count)
    assert written[count:] == page_paths(tmp_path / "sheet-key.png", count)
    assert all(p.read_bytes()[:4] == b"\x89PNG" for p in written)


def test_the_readme_example_makes_a_printable_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "map.json"
    argmap.dump(conscription.build_map(), src)
    out = tmp_path / "sheet.pdf"
    assert main(["worksheet", str(src), "-o", str(out), "--blank", "4", "--seed", "1", "--paper", "letter"]) == 0
    assert capsys.readouterr().out.split() == [str(out), str(tmp_path / "sheet-key.pdf")]
    for path in (out, tmp_path / "sheet-key.pdf"):
        with pdfplumber.open(path) as doc:
            assert len(doc.pages) > 1
            assert {(p.width, p.height) for p in doc.pages} <= {(612, 792), (792, 612)}
            assert min(c["size"] for p in doc.pages for c in p.chars) >= MIN_PRINTED_PT - 0.01
