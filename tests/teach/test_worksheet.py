"""Worksheets: choosing blanks (reproducibly), the three variants, the files, the key, the CLI."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from defusedxml import ElementTree as SafeET

import argmap
from argmap.cli import main
from argmap.drawing.output import svg_text_nodes
from argmap.errors import ArgmapError
from argmap.outline import outline
from argmap.teach.worksheet import (
    BLANK_WIDTH,
    focus_map,
    key_markdown,
    key_path,
    key_svg,
    make_worksheet,
    worksheet_markdown,
    worksheet_svg,
    write_worksheet,
)

SVG = "{http://www.w3.org/2000/svg}"


def _reading_order(m: argmap.ArgumentMap) -> list[str]:
    return list(dict.fromkeys(c for item in outline(m) for c in item.claims))


def _group(svg: bytes, element_id: str) -> ET.Element:
    root = SafeET.fromstring(svg)
    found = [g for g in root.iter(SVG + "g") if g.get("id") == element_id]
    assert found, element_id
    return found[0]  # type: ignore[no-any-return]


def _bbox(group: ET.Element) -> tuple[float, float]:
    """Width and height (points) spanned by a group's outline shapes."""
    xs: list[float] = []
    ys: list[float] = []
    for el in group.iter():
        raw = el.get("d") or el.get("points") or ""
        nums = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", raw)]
        xs += nums[0::2]
        ys += nums[1::2]
    return max(xs) - min(xs), max(ys) - min(ys)


def test_random_blanks_are_reproducible_by_seed_and_skip_the_thesis(oped_map: argmap.ArgumentMap) -> None:
    picks = {seed: [b.claim for b in make_worksheet(oped_map, 5, seed=seed).blanks] for seed in range(6)}
    assert picks[3] == [b.claim for b in make_worksheet(oped_map, 5, seed=3).blanks]
    assert len({tuple(p) for p in picks.values()}) > 1
    for chosen in picks.values():
        assert len(chosen) == 5 and "thesis" not in chosen


def test_blanks_are_numbered_in_reading_order(any_map: argmap.ArgumentMap) -> None:
    ws = make_worksheet(any_map, 4, seed=11)
    order = _reading_order(any_map)
    assert [b.number for b in ws.blanks] == [1, 2, 3, 4]
    assert [b.claim for b in ws.blanks] == sorted((b.claim for b in ws.blanks), key=order.index)
    for b in ws.blanks:
        assert b.text == any_map.claims[b.claim].text and b.role == any_map.claims[b.claim].role


def test_default_counts_per_variant(uniforms_map: argmap.ArgumentMap) -> None:
    others = len(uniforms_map.claims) - 1
    assert len(make_worksheet(uniforms_map).blanks) == round(others / 4)
    assert len(make_worksheet(uniforms_map, variant="sort").blanks) == others
    objection = make_worksheet(uniforms_map, variant="objection", seed=4)
    steps = {s.id for s in uniforms_map.inferences if {p.id for p in s.premises} == {b.claim for b in objection.blanks}}
    assert len(steps) == 1 and uniforms_map[steps.pop()].role in ("objection", "undercut")


def test_chosen_blanks_and_bad_choices(oped_map: argmap.ArgumentMap) -> None:
    ws = make_worksheet(oped_map, ["security", "manpower"])
    assert [b.claim for b in ws.blanks] == ["manpower", "security"]
    with pytest.raises(ArgmapError, match="no claim with id 'nope'"):
        make_worksheet(oped_map, ["nope"])
    with pytest.raises(ArgmapError, match="besides the thesis"):
        make_worksheet(oped_map, 100)
    with pytest.raises(ArgmapError, match="variant"):
        make_worksheet(oped_map, variant="crossword")


def test_missing_objection_blanks_every_premise_and_hides_the_step_label() -> None:
    m = argmap.ArgumentMap(title="Pets")
    t = m.claim("Cats are the best pets.", id="t")
    m.attack(t, ["Cats scratch furniture.", "Furniture is costly."], id="scratch", label="Damage")
    ws = make_worksheet(m, ["scratch"], variant="objection")
    assert [b.text for b in ws.blanks] == ["Cats scratch furniture.", "Furniture is costly."]
    texts = " ".join(svg_text_nodes(worksheet_svg(ws).decode()))
    assert "Damage" not in texts and "scratch furniture" not in texts and "Cats are the best pets." in texts
    assert "Damage" in " ".join(svg_text_nodes(key_svg(ws).decode()))
    with pytest.raises(ArgmapError, match="not an objection"):
        make_worksheet(m, ["t"], variant="objection")


def test_the_sheet_hides_the_answers_the_key_shows_them(oped_map: argmap.ArgumentMap) -> None:
    ws = make_worksheet(oped_map, 4, seed=2)
    sheet = worksheet_svg(ws)
    key = key_svg(ws)
    sheet_texts = " ".join(svg_text_nodes(sheet.decode()))
    root = SafeET.fromstring(sheet)
    everything = ET.tostring(root, encoding="unicode")
    for b in ws.blanks:
        words = " ".join(oped_map.claims[b.claim].text.split()[:4])  # a wrapped line starts with these
        assert words not in sheet_texts
        assert oped_map.claims[b.claim].text not in everything  # nor in titles or the desc
        group = _group(sheet, f"am-{b.claim}")
        assert group.findtext(SVG + "title") == f"Blank {b.number} ({b.role}): write the missing claim here"
        width, height = _bbox(group)
        assert width >= BLANK_WIDTH and height >= 90, (width, height)  # room to write by hand
        assert str(b.number) in svg_text_nodes(ET.tostring(group, encoding="unicode"))
        assert words in " ".join(svg_text_nodes(key.decode()))
    assert "Name:" in sheet_texts and "Worksheet:" in sheet_texts
    assert SafeET.fromstring(sheet).get("role") == "img"


def test_word_bank_lists_every_blank_once_with_letters(uniforms_map: argmap.ArgumentMap) -> None:
    ws = make_worksheet(uniforms_map, variant="sort", seed=9)
    assert sorted(text for _, text in ws.bank) == sorted(b.text for b in ws.blanks)
    assert sorted(b.letter or "" for b in ws.blanks) == [letter for letter, _ in ws.bank] == sorted(
        letter for letter, _ in ws.bank)
    md = worksheet_markdown(ws)
    assert "## Word bank" in md
    key = key_markdown(ws)
    for b in ws.blanks:
        assert f"{b.number}. " in key and f"= **{b.letter}**" in key
    texts = " ".join(svg_text_nodes(worksheet_svg(ws).decode()))
    assert "Word bank" in texts and "letter: ____" in texts
    other = make_worksheet(uniforms_map, variant="sort", seed=10)
    assert [x for x, _ in other.bank] == [x for x, _ in ws.bank]
    assert other.bank != ws.bank or other.blanks != ws.blanks


def test_markdown_escapes_claim_text() -> None:
    m = argmap.ArgumentMap(title="*Bold* title")
    t = m.claim("Use <b>tags</b> and [links](x)", id="t")
    m.support(t, m.claim("plain", id="p"))
    md = worksheet_markdown(make_worksheet(m, ["p"]))
    assert "<b>" not in md and "\\<b\\>" in md and "\\[links\\]" in md and "\\*Bold\\*" in md


def test_focus_keeps_one_branch(oped_map: argmap.ArgumentMap) -> None:
    part = focus_map(oped_map, "no-blame")
    assert part.thesis is not None and part.thesis.id == "no-blame"
    assert "manpower" not in part and "protests" in part
    with pytest.raises(ArgmapError, match="no claim"):
        focus_map(oped_map, "no-blame-step")


@pytest.mark.parametrize("suffix", ["svg", "pdf", "png", "md"])
def test_files_and_their_key_beside_them(uniforms_map: argmap.ArgumentMap, tmp_path: Path, suffix: str) -> None:
    ws = make_worksheet(uniforms_map, 3, seed=1)
    sheet, key = write_worksheet(ws, tmp_path / f"sheet.{suffix}", paper="poster")
    assert key == key_path(sheet) == tmp_path / f"sheet-key.{suffix}"
    head = {"svg": b"<?xml", "pdf": b"%PDF", "png": b"\x89PNG", "md": b"# Worksheet"}[suffix]
    assert sheet.read_bytes().startswith(head)
    assert key.read_bytes().startswith(head if suffix != "md" else b"# Answer key")
    again = write_worksheet(ws, tmp_path / f"again.{suffix}", write_key=False, paper="poster")
    assert sheet.read_bytes() == again[0].read_bytes()  # PDFs too: no date, no random id


def test_worksheet_cli(oped_map: argmap.ArgumentMap, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "oped.json"
    argmap.dump(oped_map, src)
    out = tmp_path / "sheet.svg"
    assert main(["worksheet", str(src), "-o", str(out), "--blank", "manpower,security", "--seed", "3",
                 "--paper", "poster"]) == 0
    assert capsys.readouterr().out.split() == [str(out), str(tmp_path / "sheet-key.svg")]
    assert main(["worksheet", str(src), "-o", str(tmp_path / "s.md"), "--variant", "sort",
                 "--focus", "no-blame", "--key", str(tmp_path / "answers.md")]) == 0
    assert (tmp_path / "answers.md").read_text(encoding="utf-8").startswith("# Answer key")
    assert main(["worksheet", str(src), "-o", str(tmp_path / "x.pdf"), "--no-key", "--blank", "2",
                 "--focus", "no-blame"]) == 0
    assert (tmp_path / "x.pdf").exists() and not (tmp_path / "x-key.pdf").exists()
    capsys.readouterr()
    assert main(["worksheet", str(src), "-o", str(tmp_path / "y.svg"), "--blank", "nope"]) == 1
    assert "no claim with id 'nope'" in capsys.readouterr().err
    assert main(["worksheet", str(src), "-o", str(tmp_path / "missing" / "y.svg")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert main(["worksheet", str(src), "-o", str(tmp_path / "y.txt")]) == 1
    with pytest.raises(SystemExit) as exc:
        main(["worksheet", str(src), "-o", str(tmp_path / "z.svg"), "--blank", ","])
    assert exc.value.code == 2


def test_the_example_worksheets_are_current(tmp_path: Path) -> None:
    import importlib.util

    folder = Path(__file__).resolve().parents[2] / "examples" / "worksheets"
    spec = importlib.util.spec_from_file_location("make_worksheets", folder / "make_worksheets.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = module.main(tmp_path)
    assert len(written) == 12
    for path in written:
        stale = f"{path.name} is stale: run python examples/worksheets/make_worksheets.py"
        if path.suffix == ".pdf":  # the same pages and words (the bytes may vary with reportlab's version)
            assert _pdf_pages(path) == _pdf_pages(folder / path.name), stale
        else:
            assert path.read_bytes() == (folder / path.name).read_bytes(), stale


def _pdf_pages(path: Path) -> list[tuple[float, float, str]]:
    import pdfplumber

    with pdfplumber.open(path) as doc:
        return [(round(p.width, 1), round(p.height, 1), p.extract_text()) for p in doc.pages]


def test_the_key_accepts_interchangeable_answers_in_any_order() -> None:
    from argmap.teach.worksheet import interchangeable

    m = argmap.ArgumentMap(title="Pets")
    t = m.claim("Cats are the best pets.", id="t")
    m.support(t, m.claim("Cats are quiet.", id="quiet"))
    m.support(t, m.claim("Cats are clean.", id="clean"))
    m.support(t, [m.claim("Cats can be left alone.", id="alone"), m.claim("Owners work all day.", id="work")])
    evidence = m.claim("Cats groom themselves.", id="groom")
    groomed = m.support("clean", evidence)
    m.attack(t, m.claim("Cats scratch furniture.", id="scratch"))
    # quiet and clean are sibling reasons, but something bears on clean: that tells them apart
    ws = make_worksheet(m, ["quiet", "clean", "alone", "work", "scratch"])
    numbers = {b.claim: b.number for b in ws.blanks}
    assert interchangeable(ws) == [tuple(sorted((numbers["alone"], numbers["work"])))]
    line = f"Blanks {min(numbers['alone'], numbers['work'])} and {max(numbers['alone'], numbers['work'])} " \
           "may be given in any order."
    assert line in key_markdown(ws)
    assert line in " ".join(svg_text_nodes(key_svg(ws).decode()))
    m.graph.remove_nodes_from(["groom", groomed.id])
    ws = make_worksheet(m, ["quiet", "clean", "scratch"])
    assert interchangeable(ws) == [(1, 2)]  # now nothing tells the two reasons apart
    assert "may be given in any order" not in key_markdown(make_worksheet(m, ["quiet", "scratch"]))
