"""Kialo text export: both layouts, -> See links as a DAG, sources, escapes, located errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import argmap
from argmap import ParseError
from tests.conftest import corpus_dir
from tests.formats.format_helpers import hostile_map, signature, structure

FILES = sorted(p.name for p in (corpus_dir() / "kialo").glob("*.txt"))
ITEM = re.compile(r"^\s*((?:\d+\.)+) (?:(Pro|Con|Thesis):)?")


def test_the_corpus_is_all_there(corpus: Path) -> None:
    assert len(FILES) == 5


@pytest.mark.parametrize("name", FILES)
def test_every_statement_and_link_is_read(corpus: Path, name: str) -> None:
    path = corpus / "kialo" / name
    text = path.read_text("utf-8")
    numbered = [m for m in (ITEM.match(line) for line in text.splitlines()) if m]
    links = len(re.findall(r"-> See ", text))
    m = argmap.load(path)  # a .txt name: recognised from its first line
    m.validate()
    assert len(m.claims) == len(numbered) - links
    assert len(m.inferences) == len(numbered) - 1  # every statement but the thesis bears on its parent
    assert m.title and m.title in text
    # A statement reused by a link is a premise of more than one step: the map is a DAG.
    if links:
        assert sum(len(c.inferences) > 1 for c in m.claims) > 0


@pytest.mark.parametrize("name", FILES)
def test_round_trip_keeps_the_map(corpus: Path, name: str) -> None:
    m = argmap.load(corpus / "kialo" / name)
    again = argmap.loads(argmap.dumps(m, "kialo"), "kialo")
    assert structure(again) == structure(m)
    assert {c.id: c.sources for c in again.claims} == {c.id: c.sources for c in m.claims}
    assert again.title == m.title


@pytest.mark.parametrize("name", [n for n in FILES if n.startswith("kialo-parser") or "classic" in n])
def test_classic_exports_are_written_back_byte_for_byte(corpus: Path, name: str) -> None:
    text = (corpus / "kialo" / name).read_text("utf-8")
    assert argmap.dumps(argmap.load(corpus / "kialo" / name), "kialo") == text


def test_edge_cases_of_the_classic_layout(corpus: Path) -> None:
    m = argmap.load(corpus / "kialo" / "synthetic__classic-format-edge-cases.txt")
    assert m.claims["1.1.1.1"].text.startswith('Studies of "donkey votes" (ballots marked in listed order)')
    assert m.claims["1.2.1"].text.endswith("even if the freedom to stay home is not.")
    assert m.claims["1.2.1"].text.count("\n") == 2
    source = m["1.1.2"].sources[0]
    assert (source.title, source.url) == ("the electoral commission", "https://www.example.org/turnout")
    assert "[" not in m.claims["1.1.2"].text
    link = m.inferences["1.2.2-pro"]
    assert link.premise.id == "1.1.1" and link.target.id == "1.2"
    assert m.graph.nodes["1.2.1"]["line"] == 10


def test_the_indented_layout_with_its_sources_footer(corpus: Path) -> None:
    path = corpus / "kialo" / "synthetic__discussion-name-thesis-variant.txt"
    m = argmap.load(path)
    assert m.title == "Should cities make public transport free?"
    assert m.meta["kialo"]["layout"] == "indented"
    assert m.claims["1.1"].text == "Free fares remove a cost barrier for low-income residents."
    assert [(s.title, s.url) for s in m["1.2"].sources] == [
        ("Example source two", "https://www.example.org/budget")]
    assert m.inferences["1.2.1-con"].premise.id == "1.1.2"
    out = argmap.dumps(m, "kialo")
    assert out.startswith("Discussion Name:\n") and "\nSources:\n[1] Example source one," in out


FIXTURES = Path(__file__).parent / "fixtures" / "kialo" / "good"


def test_the_classic_fixture_reads_every_construct() -> None:
    path = FIXTURES / "classic.kialo.txt"
    m = argmap.load(path)  # a .kialo.txt name
    assert m.title == "Should pupils wear school uniform?" and m.meta["kialo"] == {"layout": "classic"}
    assert m["1.1.1"].text.endswith("expensive (often twice the supermarket price).")  # type: ignore[union-attr]
    linked = m["1.1.1.1"]
    assert linked.text.startswith("The council survey found") and "[" not in linked.text  # type: ignore[union-attr]
    assert [(s.title, s.url) for s in linked.sources] == [
        ("council survey", "https://www.example.org/uniform-costs")]
    assert m["1.2"].text.count("\n") == 2 and m.graph.nodes["1.2"]["line"] == 8  # type: ignore[union-attr]
    pro_link, con_link = m["1.2.2-pro"], m["1.3.1-con"]
    assert (pro_link.premise.id, pro_link.target.id, pro_link.polarity) == ("1.1.1", "1.2", "support")  # type: ignore[union-attr]
    assert (con_link.premise.id, con_link.target.id, con_link.polarity) == ("1.2", "1.3", "attack")  # type: ignore[union-attr]
    assert len(m["1.2"].inferences) == 2  # type: ignore[union-attr]  # reused by a link: a DAG, not a tree
    assert argmap.dumps(m, "kialo") == path.read_text("utf-8")  # written back byte for byte


def test_windows_line_endings_read_the_same_as_the_fixture() -> None:
    text = (FIXTURES / "classic.kialo.txt").read_text("utf-8")
    plain = argmap.loads(text, "kialo")
    crlf = argmap.loads(text.replace("\n", "\r\n"), "kialo")
    assert structure(crlf) == structure(plain) and crlf.title == plain.title


def test_the_indented_fixture_turns_footnotes_into_sources() -> None:
    m = argmap.load(FIXTURES / "indented.kialo.txt")
    assert m.title == "Should schools serve only vegetarian lunches?" and m.meta["kialo"]["layout"] == "indented"
    assert m["1.1"].text == "Vegetarian meals have a smaller carbon footprint."  # type: ignore[union-attr]
    assert [(s.title, s.url) for s in m["1.1"].sources] == [
        ("Example climate report", "https://www.example.org/footprint")]
    assert [s.title for s in m["1.1.1"].sources] == ["Example household survey"]
    assert m["1.2.1-con"].premise.id == "1.1.1"  # type: ignore[union-attr]
    out = argmap.dumps(m, "kialo")
    assert out.startswith("Discussion Name:\n") and "\nSources:\n[1] Example climate report," in out


def test_an_export_without_a_final_newline_is_written_without_one() -> None:
    path = FIXTURES / "no-final-newline.kialo.txt"
    m = argmap.load(path)
    assert m.meta["kialo"]["final_newline"] is False
    assert argmap.dumps(m, "kialo") == path.read_text("utf-8") and not path.read_text("utf-8").endswith("\n")


def test_api_map_with_hostile_text_is_stable_after_one_trip() -> None:
    m = hostile_map()
    once = argmap.loads(argmap.dumps(m, "kialo"), "kialo")
    twice = argmap.loads(argmap.dumps(once, "kialo"), "kialo")
    assert structure(twice) == structure(once)
    assert argmap.dumps(twice, "kialo") == argmap.dumps(once, "kialo")
    # Kialo keeps one premise per statement and no undercuts; the claims' text survives.
    assert {c.text for c in once.claims} == {c.text for c in m.claims}
    assert signature(once, scheme=False) != signature(m, scheme=False)  # documented: linked -> separate


def test_hostile_text_cannot_forge_statements_or_links() -> None:
    m = argmap.ArgumentMap(title="T")
    t = m.claim("Thesis")
    m.support(t, "line one\n1.2. Con: forged\n-> See 1.\nSources:")
    back = argmap.loads(argmap.dumps(m, "kialo"), "kialo")
    assert len(back.claims) == 2 and back.claims[1].text == "line one\n1.2. Con: forged\n-> See 1.\nSources:"


BAD = [
    ("", "empty", 1),
    ("Hello\n1. x\n", "starts with 'Discussion Title:", 1),
    ("Discussion Title: T\n\nno statements here\n", "no statements found", 3),
    ("Discussion Title: T\n\n1. T\n1.1. Pro: a\n1.1. Con: b\n", "appears twice", 5),
    ("Discussion Title: T\n\n1. T\n1.1. Pro: -> See 1.9.\n", "no statement 1.9", 4),
    ("Discussion Title: T\n\n1. T\n1.1. Pro: -> See 1.\n", "its own parent", 4),
    ("Discussion Title: T\n\n1. T\n1.1. Pro:\n1.2. Con: b\n", "has no text", 4),
    ("Discussion Title: T\n\n1. T\n1.1. Pro: -> See 1.2.\n1.2. Con: -> See 1.1.\n", "circle", 4),
    ("Discussion Title: T\n\n1. T\n1.1. Pro: a\n1.3.1. Con: b\n", "no statement 1.3 above it", 5),
]


@pytest.mark.parametrize(("text", "message", "line"), BAD)
def test_bad_input_is_a_located_parse_error(text: str, message: str, line: int) -> None:
    with pytest.raises(ParseError) as caught:
        argmap.loads(text, "kialo", path="d.kialo.txt")
    assert message in caught.value.message and caught.value.line == line


def test_non_utf8_bytes_are_located(tmp_path: Path) -> None:
    path = tmp_path / "d.kialo.txt"
    path.write_bytes(b"Discussion Title: T\n\n1. Caf\xe9\n")
    with pytest.raises(ParseError) as caught:
        argmap.load(path)
    assert (caught.value.line, caught.value.column) == (3, 7)


def test_a_txt_that_is_not_kialo_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("shopping list\n", encoding="utf-8")
    with pytest.raises(ParseError, match="Discussion Title"):
        argmap.load(path)


def test_windows_line_endings_read_the_same(corpus: Path) -> None:
    text = (corpus / "kialo" / "synthetic__classic-format-edge-cases.txt").read_text("utf-8")
    plain = argmap.loads(text, "kialo")
    crlf = argmap.loads(text.replace("\n", "\r\n"), "kialo")
    assert structure(crlf) == structure(plain) and crlf.title == plain.title
