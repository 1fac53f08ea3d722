"""arg-microtexts arggraph XML: every corpus text read; sup, exa, reb, und, add mapped; XML attacks refused."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

import argmap
from argmap import ParseError
from tests.conftest import corpus_dir

FILES = sorted(p.name for p in (corpus_dir() / "microtexts").glob("*.xml"))


def edge_types(text: str) -> Counter[str]:
    return Counter(re.findall(r'<edge[^>]*type="(\w+)"', text))


def test_the_corpus_is_all_there(corpus: Path) -> None:
    assert len(FILES) == 22


@pytest.mark.parametrize("name", FILES)
def test_every_text_is_read_with_its_relations(corpus: Path, name: str) -> None:
    path = corpus / "microtexts" / name
    text = path.read_text("utf-8")
    kinds = edge_types(text)
    m = argmap.load(path)
    m.validate()
    assert len(m.claims) == len(re.findall(r"<adu ", text))
    assert len(m.inferences) == kinds["sup"] + kinds["exa"] + kinds["reb"] + kinds["und"]
    premise_edges = sum(1 for *_, r in m.graph.edges(data="role") if r == "premise")
    assert premise_edges == len(m.inferences) + kinds["add"]  # "add" is one more linked premise
    assert sum(i.linked for i in m.inferences) <= kinds["add"]
    assert sum(i.scheme == "example" for i in m.inferences) == kinds["exa"]
    assert sum(isinstance(i.target, argmap.Inference) for i in m.inferences) == kinds["und"]
    assert all(c.data["side"] in ("proponent", "opponent") for c in m.claims)
    assert m.meta["microtexts"]["id"] == name.split("__")[1].removesuffix(".xml")
    assert all(m.graph.nodes[n]["line"] > 1 for n in m.graph.nodes)


def test_texts_come_from_the_edus_in_order(corpus: Path) -> None:
    m = argmap.load(corpus / "microtexts" / "en__micro_b001.xml")
    assert m.claims["a5"].text == "We Berliners should take the chance and become pioneers in waste separation!"
    assert m["c1"].role == "objection" and m["c3"].role == "rebuttal"
    assert [p.id for p in m.inferences["c3"].premises] == ["a3", "a4"]  # und + add: linked
    assert m.thesis is not None and m.thesis.id == "a5"


FIXTURES = Path(__file__).parent / "fixtures" / "microtexts" / "good"


def test_the_fixture_maps_every_relation() -> None:
    m = argmap.load(FIXTURES / "homework.xml")
    assert m.meta["microtexts"] == {"id": "fixture_homework", "topic_id": "homework", "stance": "pro"}
    steps = {i.id: (i.polarity, i.scheme, [p.id for p in i.premises], i.target.id, i.role) for i in m.inferences}
    assert steps == {
        "c10": ("support", None, ["a2"], "a1", "reason"),
        "c11": ("attack", None, ["a3"], "a1", "objection"),
        "c12": ("attack", None, ["a4", "a5"], "a3", "rebuttal"),  # reb + add: linked premises
        "c14": ("support", None, ["a6"], "a2", "reason"),
        "c15": ("attack", None, ["a7"], "c14", "undercut"),  # und: aimed at the edge c14
        "c16": ("support", "example", ["a8"], "a2", "reason"),  # exa
    }
    assert m["a4"].text == "but short tasks cause little stress"  # type: ignore[union-attr]  # through a joint
    assert [c.data["side"] for c in m.claims].count("opponent") == 2
    assert m.graph.nodes["a3"]["line"] == 14


def test_edus_joined_into_one_adu_read_in_order() -> None:
    m = argmap.load(FIXTURES / "pausenhof.xml")
    assert m["a2"].text == "Der Umbau kostet zu viel Geld, das für Bücher fehlen würde."  # type: ignore[union-attr]
    assert m["a2"].data["edus"] == ["e2", "e3"]
    assert m["c9"].role == "rebuttal" and m.thesis is not None and m.thesis.id == "a1"


ARG = ('<arggraph id="x"><edu id="e1">A</edu><edu id="e2">B</edu><adu id="a1" type="pro"/>'
       '<adu id="a2" type="opp"/><edge id="c1" src="e1" trg="a1" type="seg"/>'
       '<edge id="c2" src="e2" trg="a2" type="seg"/>{}</arggraph>')
BAD = [
    ("<arggraph id='x'><edu id='e1'>A</edu>", "invalid XML", 1),
    ("<graph/>", "should be <arggraph>", 1),
    (ARG.format('<edge id="c3" src="a2" trg="a9" type="sup"/>'), "'a9', which is not defined", 1),
    (ARG.format('<edge id="c3" src="a2" trg="a1" type="foo"/>'), "expected seg, sup", 1),
    (ARG.format('<edge id="c3" src="a2" trg="a1" type="und"/>'), "must be an <edge>, but 'a1' is an <adu>", 1),
    (ARG.format('<edge id="c3" src="a2" trg="c1" type="add"/>'), "not a support or attack", 1),
    ('<arggraph id="x">\n<adu id="a1" type="pro"/>\n</arggraph>', "has no text", 2),
    ('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<arggraph id="x">&a;</arggraph>', "refused", 2),
]


@pytest.mark.parametrize(("text", "message", "line"), BAD)
def test_bad_input_is_a_located_parse_error(text: str, message: str, line: int) -> None:
    with pytest.raises(ParseError) as caught:
        argmap.loads(text, "microtexts")
    assert message in caught.value.message and caught.value.line == line


def test_microtexts_cannot_be_written() -> None:
    with pytest.raises(argmap.ArgmapError, match="read but not written"):
        argmap.dumps(argmap.ArgumentMap(), "microtexts")
