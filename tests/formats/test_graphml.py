"""GraphML through networkx: every attribute kept; other GraphML readers see a plain graph."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

import argmap
from argmap import ParseError
from argmap.formats.argmap_json import to_dict
from argmap.gallery.conscription import build_map
from tests.formats.format_helpers import hostile_map


@pytest.mark.parametrize("build", [hostile_map, build_map, argmap.ArgumentMap])
def test_round_trip_is_lossless(build, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    m = build()
    argmap.dump(m, tmp_path / "m.graphml")
    back = argmap.load(tmp_path / "m.graphml")
    assert to_dict(back) == to_dict(m)
    assert set(back.graph.edges(data="role")) == set(m.graph.edges(data="role"))
    assert argmap.dumps(back, "graphml") == (tmp_path / "m.graphml").read_text("utf-8")


def test_corpus_maps_keep_their_meta(corpus: Path) -> None:
    m = argmap.load(corpus / "aif" / "qt30__nodeset21469.json")
    back = argmap.loads(argmap.dumps(m, "graphml"), "graphml")
    assert back.meta == m.meta and to_dict(back) == to_dict(m)


def test_plain_networkx_reads_the_file_with_json_attributes(tmp_path: Path) -> None:
    argmap.dump(build_map(), tmp_path / "m.graphml")
    graph = nx.read_graphml(tmp_path / "m.graphml")
    assert graph.is_directed() and graph.number_of_nodes() == len(build_map())
    first = next(iter(graph.nodes(data=True)))[1]
    assert first["kind"] == "claim" and isinstance(json.loads(first["sources"]), list)


def test_text_xml_cannot_hold_survives_as_json() -> None:
    m = argmap.ArgumentMap(title="t\r")
    m.claim("a\rb\x0bc\x00 & <x>", id="a")
    back = argmap.loads(argmap.dumps(m, "graphml"), "graphml")
    assert back.claims["a"].text == "a\rb\x0bc\x00 & <x>" and back.title == "t\r"


HEAD = '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
BAD = [
    ("<graphml><graph", "invalid XML", 1),
    (f'{HEAD}<graph edgedefault="undirected"><node id="a"/></graph></graphml>', "undirected", 1),
    (f'{HEAD}<graph edgedefault="directed"><node id="a"/></graph></graphml>', "needs a 'kind'", 1),
    (f'{HEAD}<key id="d0" for="node" attr.name="kind" attr.type="string"/>'
     f'<key id="d1" for="node" attr.name="tags" attr.type="string"/><graph edgedefault="directed">'
     '<node id="a"><data key="d0">claim</data><data key="d1">[1</data></node></graph></graphml>',
     "should hold JSON", 1),
    (f'{HEAD}<key id="d0" for="node" attr.name="kind" attr.type="string"/><graph edgedefault="directed">'
     '<node id="a"><data key="d0">claim</data></node></graph></graphml>', "not a well-formed map", 1),
    ('<!DOCTYPE x [<!ENTITY a "b">]><graphml>&a;</graphml>', "refused", 1),
]


@pytest.mark.parametrize(("text", "message", "line"), BAD)
def test_bad_input_is_a_parse_error(text: str, message: str, line: int) -> None:
    with pytest.raises(ParseError) as caught:
        argmap.loads(text, "graphml")
    assert message in caught.value.message and caught.value.line == line


def test_a_mined_maps_meta_survives_graphml() -> None:
    from pathlib import Path

    m = argmap.load(Path(__file__).parent / "fixtures" / "aif" / "good" / "mining-xaif.json")
    back = argmap.loads(argmap.dumps(m, "graphml"), "graphml")
    assert back.meta == m.meta and to_dict(back) == to_dict(m)
    assert json.loads(argmap.dumps(back, "aif")) == json.loads(argmap.dumps(m, "aif"))


def test_the_streamed_text_is_what_networkx_writes() -> None:
    # argmap writes GraphML node by node (no element tree, no copy of the graph); networkx's own
    # writer, given the same flattened attributes, is the reference for every byte.
    from argmap.formats.graphml import _IN_ORDER, _flat

    m = build_map()
    odd = m.claim('A & <B> "q"\r\n\ttab \u2019', id='we"ird&<id>', rating=1, data={"x": True})
    m.graph.nodes[odd.id].update(flag=True, score=3)
    m.attack(odd, "Linked one", id="odd-attack")
    reference = nx.DiGraph()
    reference.graph.update(_flat(dict(m.graph.graph)))
    for node, attrs in m.graph.nodes(data=True):
        reference.add_node(node, **_flat(attrs))
    for u, v, attrs in m.graph.edges(data=True):
        reference.add_edge(u, v, **_flat(attrs))
    for v in m.graph.nodes:
        for k, u in enumerate(m.graph.predecessors(v)):
            reference.edges[u, v][_IN_ORDER] = k
    expected = "\n".join(nx.generate_graphml(reference, encoding="utf-8", prettyprint=True)) + "\n"
    assert argmap.dumps(m, "graphml") == expected
