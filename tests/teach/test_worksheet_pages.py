"""Worksheets on paper: A4 or Letter, as few pages as hold the map with no text below 9 pt.

The printed sizes are measured twice: from each page SVG (its smallest font size times the scale
it was fitted with, which :class:`Pages` records) and from the PDF itself (pdfplumber's size of
every character, which includes the page's scaling).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import networkx as nx
import pdfplumber
import pytest

import argmap
from argmap.cli import main
from argmap.drawing.paper import MIN_PRINTED_PT, PAPERS, default_paper, fit, smallest_text, svg_size
from argmap.drawing.raster import pdf_document
from argmap.gallery import conscription, uniforms
from argmap.teach.paging import Part, split_map
from argmap.teach.worksheet import (
    Worksheet,
    focus_map,
    key_svg,
    legible,
    make_worksheet,
    page_paths,
    worksheet_pages,
    worksheet_svg,
    write_worksheet,
)

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
            assert "Continued: each grey box is drawn in full on the page it names." in texts[target - 1]
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


def _fits_one_page(ws: Worksheet, part: Part, paper: str = "a4", landscape: bool | None = None) -> bool:
    """Whether the sheet and the key of ``part`` each fit one page with no text below 9 pt."""
    theme = legible("print")
    return all(fit(svg_size(svg), PAPERS[paper], smallest_text(svg), landscape=landscape) is not None
               for svg in (worksheet_svg(ws, theme, part=part), key_svg(ws, theme, part=part)))


def _landscape(svg: str) -> bool:
    width, height = svg_size(svg)
    return width > height


def _school_day() -> argmap.ArgumentMap:
    """Ten claims: a thesis, three reasons, each with a reason of its own and one below that."""
    m = argmap.ArgumentMap(title="Should our school start later?")
    t = m.claim("Our school should start the day an hour later.", id="t")
    chains = [("Teenagers sleep better when school starts later.", "Studies of sleep find teenagers fall asleep late.",
               "Their body clocks shift in puberty."),
              ("Students learn more in the first lesson.", "Tired students forget what they heard.",
               "Teachers see fewer students asleep in class."),
              ("Later starts cost the school little.", "The buses can run an hour later.",
               "The bus company said so in a letter.")]
    for k, texts in enumerate(chains):
        target = t
        for depth, text in enumerate(texts):
            claim = m.claim(text, id=f"c{k}{depth}")
            m.support(target, claim)
            target = claim
    return m


def test_a_branch_of_ten_claims_is_one_page() -> None:
    m = _school_day()
    assert len(m.claims) == 10
    pages = worksheet_pages(make_worksheet(m, 3, seed=1), "a4")
    assert len(pages.sheet) == len(pages.key) == 1
    assert _landscape(pages.sheet[0]) and pages.smallest >= MIN_PRINTED_PT
    # The legend would need a second page: it goes where there is room, and here there is none.
    assert "How to read this map" not in pages.sheet[0]
    assert not _fits_one_page(make_worksheet(m, 3, seed=1), Part(frozenset(m.graph.nodes), first=True, legend=True))


@pytest.mark.parametrize(("name", "claim"), [("oped", "manpower"), ("oped", "no-blame"), ("oped", "danger"),
                                             ("oped", "desperate"), ("uniforms", "less-pressure")])
def test_a_small_branch_takes_one_page_whenever_one_page_can_hold_it(name: str, claim: str) -> None:
    branch = focus_map(MAPS[name](), claim)
    assert len(branch.claims) <= 10
    ws = make_worksheet(branch, 2, seed=1)
    pages = worksheet_pages(ws, "a4")
    one_page = _fits_one_page(ws, Part(frozenset(branch.graph.nodes), first=True))
    assert len(pages.sheet) == (1 if one_page else 2), "a page more than the map needs"
    assert len({_landscape(svg) for svg in pages.sheet + pages.key}) == 1  # all turned the same way


def test_the_no_blame_branch_needs_two_pages_and_draws_each_claim_once_a_page() -> None:
    """The branch the old pagination spread over three pages, with grey copies of claims."""
    ws = make_worksheet(focus_map(conscription.build_map(), "no-blame"), 3, seed=1)
    whole = Part(frozenset(ws.map.graph.nodes), first=True)
    assert not _fits_one_page(ws, whole)  # at 9 pt it is taller than a page whichever way it is turned
    pages = worksheet_pages(ws, "a4")
    assert len(pages.sheet) == len(pages.key) == 2
    assert len({_landscape(svg) for svg in pages.sheet + pages.key}) == 1
    texts = [text for *_, text in _pdf_sizes(pages.sheet)]
    assert "THESIS (page 1)" not in texts[0] and "THESIS (page 1)" in texts[1]
    for number, part in enumerate(pages.parts, start=1):
        assert not set(part.chain) & part.nodes  # no grey copy of a claim the page draws in full
        assert all(part.pages[n] < number for n in part.elsewhere)  # a premise of two steps: once in full


@pytest.mark.parametrize(("name", "variant"), [("oped", "blanks"), ("uniforms", "sort")])
def test_a_branch_is_split_only_when_it_alone_does_not_fit_a_page(name: str, variant: str) -> None:
    ws = _sheet(name, variant)
    pages = worksheet_pages(ws, "a4")
    thesis = ws.map.thesis
    assert thesis is not None
    graph = ws.map.graph
    for step in thesis.incoming:  # each reason and objection of the thesis, with what bears on it
        nodes = frozenset(nx.ancestors(graph, step.id)) | {step.id}
        # A claim it shares with another branch is drawn in full with one of them only.
        own = {n for n in nodes if n == step.id or set(graph.successors(n)) <= nodes}
        on = [k for k, part in enumerate(pages.parts) if (part.nodes - part.elsewhere) & own]
        if len(on) > 1:
            alone = Part(nodes, (thesis.id,), tops=frozenset({thesis.id}))
            assert not _fits_one_page(ws, alone, landscape=_landscape(pages.key[on[0]])), step.id


@pytest.mark.parametrize(("name", "variant"), [("oped", "blanks"), ("oped", "objection"), ("uniforms", "sort")])
def test_the_legend_is_on_one_page_and_the_key_matches_the_sheet(name: str, variant: str) -> None:
    ws = _sheet(name, variant)
    pages = worksheet_pages(ws, "a4")
    bank = len(pages.sheet) - len(pages.key)  # word-bank pages come first on the sheet
    with_legend = [k for k, svg in enumerate(pages.sheet[bank:]) if "How to read this map" in svg]
    assert with_legend == [k for k, svg in enumerate(pages.key) if "How to read this map" in svg]
    assert with_legend == [k for k, part in enumerate(pages.parts) if part.legend]
    assert len(with_legend) <= 1
    # Every claim is drawn in full on exactly one page; a page shows no grey copy of its own claims.
    seen = [node for part in pages.parts for node in part.nodes - part.elsewhere]
    assert sorted(seen) == sorted(ws.map.graph.nodes)
    for part in pages.parts:
        assert not set(part.chain) & part.nodes
