"""AIF JSON: every corpus file (AIFdb, OVA3 xAIF, OVA2) keeps every node, edge and locution."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap import ArgumentMap, ParseError
from tests.conftest import corpus_dir
from tests.formats.format_helpers import hostile_map, signature, structure

AIF_FILES = sorted(p.name for p in (corpus_dir() / "aif").glob("*.json"))
OVA_FILES = sorted(p.name for p in (corpus_dir() / "ova").glob("*.json"))
CORPUS = [f"aif/{n}" for n in AIF_FILES] + [f"ova/{n}" for n in OVA_FILES]


def body(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["AIF"] if isinstance(doc.get("AIF"), dict) else doc


def counts(doc: dict[str, Any]) -> tuple[Counter[str], int, int]:
    graph = body(doc)
    return Counter(n["type"] for n in graph["nodes"]), len(graph["edges"]), len(graph.get("locutions", []))


def canonical(items: list[Any]) -> list[str]:
    return sorted(json.dumps(i, sort_keys=True) for i in items)


def test_the_corpus_is_all_there(corpus: Path) -> None:
    assert len(CORPUS) == 30  # 27 AIFdb files and 3 OVA files


@pytest.mark.parametrize("name", CORPUS)
def test_corpus_file_round_trips_keeping_every_node_edge_and_locution(corpus: Path, name: str) -> None:
    path = corpus / name
    original = json.loads(path.read_text(encoding="utf-8"))
    m = argmap.load(path)  # a .json name: the format is recognised from the content
    assert m.meta["aif"]["layout"] in ("aifdb", "xaif", "ova2")
    m.validate()
    written = json.loads(argmap.dumps(m, "aif"))
    again = argmap.loads(argmap.dumps(m, "aif"), "aif")
    assert counts(written) == counts(original)
    assert counts(json.loads(argmap.dumps(again, "aif"))) == counts(original)
    assert structure(again) == structure(m)
    # Stronger than counts: the node, edge and locution records come back as they were.
    assert canonical(body(written)["nodes"]) == canonical(body(original)["nodes"])
    assert canonical(body(written)["edges"]) == canonical(body(original)["edges"])
    assert body(written).get("locutions") == body(original).get("locutions")
    assert {k: v for k, v in written.items() if k not in ("nodes", "edges", "AIF")} == {
        k: v for k, v in original.items() if k not in ("nodes", "edges", "AIF")}


@pytest.mark.parametrize("name", CORPUS)
def test_argument_layer_matches_the_file(corpus: Path, name: str) -> None:
    original = body(json.loads((corpus / name).read_text(encoding="utf-8")))
    key = "id" if original["nodes"] and "nodeID" not in original["nodes"][0] else "nodeID"
    types = {str(n[key]): n["type"] for n in original["nodes"]}
    m = argmap.load(corpus / name, format="aif")
    assert sorted(c.id for c in m.claims) == sorted(i for i, t in types.items() if t == "I")
    for step in m.inferences:
        assert types[step.id] in (("RA", "MA") if step.polarity == "support" else ("CA",))
        assert (types[step.id] == "MA") == (step.scheme == "Default Rephrase")  # a rephrase says so
        assert all(types[p.id] == "I" for p in step.premises)
    kept = {str(n.get(key)) for n in m.meta["aif"]["nodes"]}
    assert kept | set(m.graph.nodes) == set(types)  # nothing lost, nothing invented
    lines = (corpus / name).read_text("utf-8").splitlines()
    assert all(n in lines[line - 1] for n, line in m.graph.nodes(data="line"))  # where each node was written


def test_dialogue_layer_survives_a_trip_through_argmap_json(corpus: Path, tmp_path: Path) -> None:
    m = argmap.load(corpus / "aif" / "qt30__nodeset18291.json")
    argmap.dump(m, tmp_path / "m.json")
    back = argmap.load(tmp_path / "m.json")
    argmap.dump(back, tmp_path / "m.aif.json")
    assert counts(json.loads((tmp_path / "m.aif.json").read_text("utf-8"))) == counts(
        json.loads((corpus / "aif" / "qt30__nodeset18291.json").read_text("utf-8")))


def test_schemes_linked_premises_and_undercuts(corpus: Path) -> None:
    path = corpus / "aif" / "araucaria__nodeset79.json"
    m = argmap.load(path)
    nodes = {n["nodeID"]: n for n in json.loads(path.read_text("utf-8"))["nodes"]}
    assert {i.id: i.scheme for i in m.inferences} == {i.id: nodes[i.id].get("scheme") for i in m.inferences}
    assert {i.scheme for i in m.inferences} == {"Example", "VerbalClassification", None}
    assert any(i.linked for i in argmap.load(corpus / "aif" / "araucaria__nodeset399.json").inferences)
    undercut = argmap.loads(json.dumps({"nodes": [
        {"nodeID": "1", "type": "I", "text": "A"}, {"nodeID": "2", "type": "I", "text": "B"},
        {"nodeID": "3", "type": "I", "text": "C"}, {"nodeID": "4", "type": "RA", "text": "Default Inference"},
        {"nodeID": "5", "type": "CA", "text": "Default Conflict"}], "edges": [
        {"edgeID": "1", "fromID": "2", "toID": "4"}, {"edgeID": "2", "fromID": "4", "toID": "1"},
        {"edgeID": "3", "fromID": "3", "toID": "5"}, {"edgeID": "4", "fromID": "5", "toID": "4"}],
        "locutions": []}), "aif")
    assert undercut["5"].role == "undercut" and undercut["4"].scheme is None  # type: ignore[union-attr]


def test_api_map_round_trips_through_aif_with_hostile_text() -> None:
    m = hostile_map()
    back = argmap.loads(argmap.dumps(m, "aif"), "aif")
    assert structure(back) == structure(m)
    assert signature(back) == signature(m)
    assert argmap.dumps(back, "aif") == argmap.dumps(m, "aif")  # deterministic, byte-stable


def test_edited_scheme_and_polarity_are_written(corpus: Path) -> None:
    m = argmap.load(corpus / "aif" / "araucaria__nodeset79.json")
    step = m.inferences[0]
    step.scheme = "Argument From Expert Opinion"
    out = argmap.loads(argmap.dumps(m, "aif"), "aif")
    assert out[step.id].scheme == "Argument From Expert Opinion"  # type: ignore[union-attr]


def test_sniffing_tells_aif_from_argmap_json_and_sadface(corpus: Path, tmp_path: Path) -> None:
    from argmap.formats.registry import for_path

    def fmt(path: Path) -> str:
        return for_path(path, reading=True, text=path.read_text("utf-8")).name

    assert fmt(corpus / "aif" / "iac__nodeset7107.json") == "aif"  # empty, but AIF-shaped
    assert fmt(corpus / "ova" / "synthetic__ova2-recap-minimal.json") == "aif"
    assert fmt(corpus / "sadface" / "sadface__minimal.json") == "sadface"
    argmap.dump(ArgumentMap(), tmp_path / "m.json")
    assert fmt(tmp_path / "m.json") == "json"


BAD = [
    ("", "empty", 1),
    ('{"nodes": [{"nodeID": "1", "type": "I", "text": "A"}', "invalid JSON", 1),
    ("[1, 2]", "JSON object", 1),
    ('{"edges": []}', "needs a \"nodes\" list", 1),
    ('{"nodes": {}, "edges": []}', "should be a list", 1),
    ('{"nodes": [\n  {"type": "I", "text": "A"}], "edges": []}', "needs a \"nodeID\"", 2),
    ('{"nodes": [\n  {"nodeID": "1", "type": "I", "text": 5}], "edges": []}', "needs a \"text\"", 2),
    ('{"nodes": [\n  {"nodeID": "1", "type": "I", "text": "  "}], "edges": []}', "blank text", 2),
    ('{"nodes": [{"nodeID": "1", "type": "I", "text": "A"},\n  {"nodeID": "1", "type": "I", "text": "B"}],'
     ' "edges": []}', "two nodes have the id '1'", 2),
    ('{"nodes": [{"nodeID": "1", "type": "I", "text": "A"}],\n "edges": [\n  {"fromID": "1", "toID": "9"}]}',
     "no node '9'", 3),
    ('{"nodes": [{"nodeID": "1", "type": "I", "text": "A"}],\n "edges": [\n  {"fromID": "1"}]}',
     "needs \"fromID\" and \"toID\"", 3),
    ('{"nodes": [], "edges": [], "locutions": 3}', "\"locutions\" should be a list", 1),
]


@pytest.mark.parametrize(("text", "message", "line"), BAD)
def test_bad_input_is_a_located_parse_error(text: str, message: str, line: int) -> None:
    with pytest.raises(ParseError) as caught:
        argmap.loads(text, "aif")
    assert message in caught.value.message
    assert caught.value.line == line


def test_non_utf8_bytes_are_located(tmp_path: Path) -> None:
    path = tmp_path / "bad.aif.json"
    path.write_bytes(b'{"nodes": [\n  {"nodeID": "1", "type": "I", "text": "caf\xe9"}], "edges": []}')
    with pytest.raises(ParseError) as caught:
        argmap.load(path)
    assert (caught.value.line, caught.value.path) == (2, str(path))


def test_truncated_corpus_file_is_refused(corpus: Path) -> None:
    text = (corpus / "aif" / "qt30__nodeset21469.json").read_text("utf-8")
    with pytest.raises(ParseError) as caught:
        argmap.loads(text[: len(text) // 2], "aif")
    assert caught.value.line is not None and caught.value.line > 1
