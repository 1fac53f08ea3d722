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
    """The object holding the graph: "AIF" in xAIF, the top for AIFdb (whose "AIF" is a header)."""
    return doc["AIF"] if isinstance(doc.get("AIF"), dict) and "nodes" in doc["AIF"] else doc


def counts(doc: dict[str, Any]) -> tuple[Counter[str], int, int]:
    graph = body(doc)
    return Counter(n["type"] for n in graph["nodes"]), len(graph["edges"]), len(graph.get("locutions", []))


def canonical(items: list[Any]) -> list[str]:
    return sorted(json.dumps(i, sort_keys=True) for i in items)


def test_the_corpus_is_all_there(corpus: Path) -> None:
    assert len(CORPUS) == 30  # 27 AIFdb files and 3 OVA files


FIXTURES = Path(__file__).parent / "fixtures" / "aif" / "good"


@pytest.mark.parametrize("name", CORPUS)
def test_corpus_file_round_trips_keeping_every_node_edge_and_locution(corpus: Path, name: str) -> None:
    keeps_every_record(corpus / name)


@pytest.mark.parametrize("path", sorted(FIXTURES.iterdir()), ids=lambda p: p.name)
def test_fixture_round_trips_keeping_every_node_edge_and_locution(path: Path) -> None:
    keeps_every_record(path)


def keeps_every_record(path: Path) -> None:
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
    argument_layer_matches(corpus / name)


@pytest.mark.parametrize("path", sorted(FIXTURES.iterdir()), ids=lambda p: p.name)
def test_argument_layer_matches_the_fixture(path: Path) -> None:
    argument_layer_matches(path)


def argument_layer_matches(path: Path) -> None:
    original = body(json.loads(path.read_text(encoding="utf-8")))
    key = "id" if original["nodes"] and "nodeID" not in original["nodes"][0] else "nodeID"
    types = {str(n[key]): n["type"] for n in original["nodes"]}
    m = argmap.load(path, format="aif")
    assert sorted(c.id for c in m.claims) == sorted(i for i, t in types.items() if t == "I")
    for step in m.inferences:
        assert types[step.id] in (("RA", "MA") if step.polarity == "support" else ("CA",))
        assert (types[step.id] == "MA") == (step.scheme == "Default Rephrase")  # a rephrase says so
        assert all(types[p.id] == "I" for p in step.premises)
    kept = {str(n.get(key)) for n in m.meta["aif"]["nodes"]}
    assert kept | set(m.graph.nodes) == set(types)  # nothing lost, nothing invented
    lines = path.read_text("utf-8").splitlines()
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
    assert undercut["5"].role == "undercut" and undercut.inferences["4"].scheme is None


def test_the_aifdb_fixture_reads_every_construct() -> None:
    m = argmap.load(FIXTURES / "aifdb-debate.aif.json")
    steps = {i.id: (i.polarity, i.scheme, sorted(p.id for p in i.premises), i.target.id, i.role) for i in m.inferences}
    assert steps == {
        "20": ("support", None, ["11"], "10", "reason"),
        "21": ("support", "Argument From Expert Opinion", ["12", "13"], "11", "reason"),  # linked premises
        "22": ("attack", None, ["14"], "10", "objection"),
        "23": ("attack", None, ["15"], "14", "rebuttal"),
        "24": ("attack", None, ["16"], "21", "undercut"),
        "25": ("support", "Default Rephrase", ["17"], "10", "reason"),  # an MA-node: a rephrase
    }
    # an RA-node with two conclusions and one with no edges are no steps: kept, not lost
    kept = {n["nodeID"]: n["type"] for n in m.meta["aif"]["nodes"]}
    assert kept == {"26": "RA", "27": "RA", "30": "L", "31": "YA", "32": "L", "33": "TA", "34": "YA"}
    assert m.thesis is not None and m.thesis.id == "10"
    assert argmap.check(m) is not None and not [f for f in argmap.check(m) if f.code == "unknown-scheme"]


def test_mining_output_with_number_ids_and_rephrases_is_one_connected_map() -> None:
    path = FIXTURES / "mining-xaif.json"
    m = argmap.load(path)  # recognised as AIF from its content
    assert m.meta["aif"]["layout"] == "xaif"
    assert m.thesis is not None and m.thesis.text == "we should have longer breaks"
    assert all(m.graph.degree(c.id) > 0 for c in m.claims)  # nothing falls apart into lone theses
    assert m["90001"].scheme == "Default Rephrase" and m["90001"].polarity == "support"  # type: ignore[union-attr]
    written = json.loads(argmap.dumps(m, "aif"))["AIF"]
    assert {n["nodeID"] for n in written["nodes"]} == {n["nodeID"] for n in body(json.loads(path.read_text()))["nodes"]}
    assert all(isinstance(n["nodeID"], int) for n in written["nodes"])  # numbers stay numbers
    assert next(n for n in written["nodes"] if n["nodeID"] == 90001)["type"] == "MA"
    m.graph.nodes["90001"]["polarity"] = "attack"  # turned into an objection, it is a conflict
    m.graph.edges["90001", "3"]["role"] = "attack"
    assert next(n for n in json.loads(argmap.dumps(m, "aif"))["AIF"]["nodes"] if n["nodeID"] == 90001)["type"] == "CA"


def test_a_metadata_header_beside_the_nodes_is_kept() -> None:
    path = FIXTURES / "metadata-header.json"
    m = argmap.load(path)
    assert m.meta["aif"]["layout"] == "aifdb" and len(m.claims) == 4 and len(m.inferences) == 3
    written = json.loads(argmap.dumps(m, "aif"))
    assert written["AIF"] == {"version": "1.0", "analyst": "A language model", "created": "2026-05-01T12:00:00Z"}
    assert written == json.loads(path.read_text("utf-8"))


def test_ova_layouts_keep_what_ova_needs() -> None:
    ova3 = argmap.load(FIXTURES / "xaif-ova3.json")
    assert ova3.meta["aif"]["layout"] == "xaif" and ova3["3_1700000003"].scheme == "Practical Reasoning"  # type: ignore[union-attr]
    written = json.loads(argmap.dumps(ova3, "aif"))
    assert written["OVA"]["nodes"][0]["x"] == 300 and written["text"].startswith("<span")
    ova2 = argmap.load(FIXTURES / "ova2.json")
    assert ova2.meta["aif"]["layout"] == "ova2"
    assert [i.scheme for i in ova2.inferences] == [None, None]  # "scheme": "72" is a number, not a name
    edge = json.loads(argmap.dumps(ova2, "aif"))["edges"][0]
    assert edge["from"] == {"id": 2, "type": "I", "text": "Many pupils have nowhere quiet to study at weekends."}


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
    assert out.inferences[step.id].scheme == "Argument From Expert Opinion"


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
