"""SADFace v0.1/v0.2: every corpus file read and written back unchanged; conflict is an attack."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap import ParseError
from tests.conftest import corpus_dir
from tests.formats.format_helpers import hostile_map, signature, structure

FILES = sorted(p.name for p in (corpus_dir() / "sadface").glob("*.json"))


def test_the_corpus_is_all_there(corpus: Path) -> None:
    assert len(FILES) == 8


@pytest.mark.parametrize("name", FILES)
def test_corpus_file_round_trips_unchanged(corpus: Path, name: str) -> None:
    path = corpus / "sadface" / name
    original = json.loads(path.read_text("utf-8"))
    m = argmap.load(path)  # .json: recognised as SADFace from its content
    m.validate()
    atoms = [n for n in original["nodes"] if n["type"] == "atom"]
    assert sorted(c.text for c in m.claims) == sorted(n["text"] for n in atoms)
    assert json.loads(argmap.dumps(m, "sadface")) == original
    again = argmap.loads(argmap.dumps(m, "sadface"), "sadface")
    assert structure(again) == structure(m)


@pytest.mark.parametrize("name", [n for n in FILES if "hangback" in n or "arguebuf" in n])
def test_conflict_is_an_attack_and_support_a_reason(corpus: Path, name: str) -> None:
    m = argmap.load(corpus / "sadface" / name)
    names = {n["id"]: n.get("name") for n in json.loads((corpus / "sadface" / name).read_text("utf-8"))["nodes"]}
    assert sorted(i.polarity for i in m.inferences) == ["attack", "support"]
    for step in m.inferences:
        assert step.polarity == ("attack" if names[step.id] == "conflict" else "support")
        assert step.scheme is None
    assert m.thesis is not None and m.thesis.text.startswith("The 'Hang Back' campaign video")


def test_title_and_version_follow_the_document(corpus: Path) -> None:
    assert argmap.load(corpus / "sadface" / "sadface__hangback__head.json").title == "Hangback Example"
    v1 = argmap.load(corpus / "sadface" / "monkeypuzzle__hangback.json")
    assert "analyst_name" in json.loads(argmap.dumps(v1, "sadface"))  # v0.1 stays v0.1


FIXTURES = Path(__file__).parent / "fixtures" / "sadface" / "good"


def test_the_v02_fixture_reads_every_construct_and_writes_it_back_unchanged() -> None:
    path = FIXTURES / "v0.2-debate.json"
    m = argmap.load(path)  # recognised as SADFace from its content
    assert m.title == "Recycling bins in every classroom"
    steps = {i.id: (i.polarity, i.scheme, sorted(p.id for p in i.premises), i.target.id) for i in m.inferences}
    assert steps == {"s1": ("support", None, ["a2"], "a1"), "s2": ("attack", None, ["a3"], "a1"),
                     "s3": ("support", "Argument from Consequences", ["a4", "a5"], "a3"),
                     "s4": ("attack", None, ["a6"], "a2")}
    assert [n["id"] for n in m.meta["sadface"]["nodes"]] == ["s5"]  # a scheme with no conclusion: kept
    assert json.loads(argmap.dumps(m, "sadface")) == json.loads(path.read_text("utf-8"))


def test_a_v01_fixture_stays_v01() -> None:
    path = FIXTURES / "v0.1-minimal.json"
    m = argmap.load(path)
    assert m.title is None and m["s"].polarity == "support"  # type: ignore[union-attr]
    written = json.loads(argmap.dumps(m, "sadface"))
    assert written["analyst_name"] == "A. Teacher" and "resources" not in written
    assert written == json.loads(path.read_text("utf-8"))


def test_api_map_round_trips_with_hostile_text() -> None:
    m = hostile_map()
    text = argmap.dumps(m, "sadface")
    back = argmap.loads(text, "sadface")
    assert structure(back) == structure(m) and signature(back) == signature(m)
    assert back.title == m.title
    assert json.loads(text)["metadata"]["core"]["version"] == "0.2"
    assert argmap.dumps(back, "sadface") == text


BAD = [
    ('{"nodes": [], "edges": [], "resources": [', "invalid JSON", 1),
    ('"just a string"', "JSON object", 1),
    ('{"nodes": [], "resources": []}', "needs an \"edges\" list", 1),
    ('{"edges": [], "resources": [],\n "nodes": [\n  {"id": "a", "type": "atom"}]}', "non-blank \"text\"", 3),
    ('{"edges": [], "resources": [],\n "nodes": [\n  {"id": 5, "type": "atom", "text": "x"}]}', "\"id\" string", 3),
    ('{"resources": [], "nodes": [{"id": "a", "type": "atom", "text": "x"}],\n "edges": [\n'
     '  {"id": "e", "source_id": "a", "target_id": "zz"}]}', "'zz', which is not defined", 3),
]


@pytest.mark.parametrize(("text", "message", "line"), BAD)
def test_bad_input_is_a_located_parse_error(text: str, message: str, line: int) -> None:
    with pytest.raises(ParseError) as caught:
        argmap.loads(text, "sadface")
    assert message in caught.value.message and caught.value.line == line
