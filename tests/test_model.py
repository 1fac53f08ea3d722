"""The model's invariants: one graph, derived roles, deterministic ids, the view API."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import networkx as nx
import pytest

import argmap
from argmap import ArgumentMap, Claim, Inference, Source, ValidationError
from argmap.model import ClaimRow


@pytest.fixture
def lunch() -> ArgumentMap:
    m = ArgumentMap(title="Lunch")
    t = m.claim("We should eat out.", id="t", label="Eat out")
    m.support(t, ["The fridge is empty.", "Shopping takes an hour."], id="r")
    o = m.attack(t, "Eating out costs too much.", id="o")
    m.attack(o, "Lunch specials are cheap.", id="rb")
    m.undercut("r", "An empty fridge can be filled by delivery.", id="u")
    return m


def test_graph_is_a_plain_digraph_with_aif_structure(lunch: ArgumentMap) -> None:
    g = lunch.graph
    assert type(g) is nx.DiGraph
    assert nx.is_directed_acyclic_graph(g)
    for u, v, role in g.edges(data="role"):
        kinds = (g.nodes[u]["kind"], g.nodes[v]["kind"])
        if kinds[0] == "claim":
            assert kinds[1] == "inference" and role == "premise"
        else:
            assert role == g.nodes[u]["polarity"]
    # networkx algorithms accept it as is
    assert nx.shortest_path(g, "the-fridge-is-empty", "t") == ["the-fridge-is-empty", "r", "t"]


def test_linked_premises_are_one_inference(lunch: ArgumentMap) -> None:
    r = lunch["r"]
    assert isinstance(r, Inference)
    assert r.linked and [p.text for p in r.premises] == ["The fridge is empty.", "Shopping takes an hour."]
    assert r.target == lunch["t"]


def test_convergent_reasons_are_separate_inferences() -> None:
    m = ArgumentMap()
    t = m.claim("T")
    a = m.support(t, "A")
    b = m.support(t, "B")
    assert a != b and not a.linked and not b.linked
    assert [i.id for i in t.reasons] == [a.id, b.id]


def test_roles_are_derived(lunch: ArgumentMap) -> None:
    roles = {c.text: c.role for c in lunch.claims}
    assert roles == {
        "We should eat out.": "thesis",
        "The fridge is empty.": "reason",
        "Shopping takes an hour.": "reason",
        "Eating out costs too much.": "objection",
        "Lunch specials are cheap.": "rebuttal",
        "An empty fridge can be filled by delivery.": "objection",
    }
    assert {i.id: i.role for i in lunch.inferences} == {
        "r": "reason", "o": "objection", "rb": "rebuttal", "u": "undercut"}
    assert lunch.thesis == lunch["t"]


def test_rebuttal_of_claim_serving_an_objection() -> None:
    m = ArgumentMap()
    t = m.claim("T")
    o = m.attack(t, "O")
    step = m.attack(o.premise, "R")
    assert step.role == "rebuttal" and step.premise.role == "rebuttal"


def test_views_read_and_write_the_graph(lunch: ArgumentMap) -> None:
    t = lunch["t"]
    assert isinstance(t, Claim)
    t.rating = 0.75
    t.tags.append("core")
    t.sources.append(Source(author="Ann"))
    assert lunch.graph.nodes["t"]["rating"] == 0.75
    assert lunch.graph.nodes["t"]["tags"] == ["core"]
    lunch.graph.nodes["t"]["text"] = "Changed by hand."
    assert t.text == "Changed by hand."


def test_container_protocol(lunch: ArgumentMap) -> None:
    assert "t" in lunch and "nope" not in lunch
    assert len(lunch) == len(lunch.claims) + len(lunch.inferences) == 10
    with pytest.raises(KeyError):
        lunch["nope"]


def test_ids_are_deterministic_and_unique() -> None:
    def build() -> list[str]:
        m = ArgumentMap()
        t = m.claim("Same words here")
        m.support(t, "Same words here")
        m.support(t, "Same words here")
        return list(m.graph.nodes)

    first = build()
    assert first == build()
    assert len(set(first)) == len(first)
    assert first[:3] == ["same-words-here", "same-words-here-2", "support-same-words-here"]


def test_inference_id_never_collides_with_a_premise_slug() -> None:
    m = ArgumentMap()
    t = m.claim("T", id="t")
    step = m.support(t, "support t")  # its slug is the inference's natural id
    assert step.premise.id == "support-t" and step.id == "support-t-2"
    m.validate()


def test_non_ascii_and_symbol_text_gets_an_id() -> None:
    m = ArgumentMap()
    assert m.claim("Ünïcödé claim").id == "unicode-claim"
    assert m.claim("!!!").id == "claim"
    assert m.claim("Смерть").id == "claim-2"


def test_duplicate_explicit_id_is_refused() -> None:
    m = ArgumentMap()
    m.claim("A", id="a")
    with pytest.raises(ValidationError, match="duplicate id 'a'"):
        m.claim("B", id="a")


def test_targets_must_exist_and_premises_must_be_claims() -> None:
    m = ArgumentMap()
    m.claim("A", id="a")
    with pytest.raises(ValidationError, match="does not exist"):
        m.support("ghost", "B")
    with pytest.raises(ValidationError, match="at least one premise"):
        m.support("a", [])
    with pytest.raises(TypeError):
        m.support("a", [42])  # type: ignore[list-item]
    with pytest.raises(ValidationError, match="not an inference"):
        m.undercut("a", "B")


def test_claims_from_another_map_are_refused() -> None:
    a, b = ArgumentMap(), ArgumentMap()
    ca = a.claim("A")
    with pytest.raises(ValidationError, match="another map"):
        b.support(b.claim("B"), ca)


def test_copy_is_deep(lunch: ArgumentMap) -> None:
    other = lunch.copy()
    other.claims["t"].tags.append("x")
    assert lunch.claims["t"].tags == []


def test_source_fields_and_round_trip() -> None:
    s = Source(author="A", outlet="O", quote="q", kind="expert opinion")
    assert Source.from_dict(s.to_dict()) == s
    with pytest.raises(TypeError, match="unknown source field"):
        Source.from_dict({"writer": "x"})
    assert Source(url="https://x.org").short() == "https://x.org"


def test_public_api_names() -> None:
    for name in ["ArgumentMap", "Claim", "Inference", "Source", "load", "loads", "dump", "dumps",
                 "render", "ArgmapError", "ParseError", "ValidationError", "RenderError"]:
        assert hasattr(argmap, name), name
    assert issubclass(argmap.ParseError, argmap.ArgmapError)
    assert issubclass(argmap.ValidationError, argmap.ArgmapError)
    assert issubclass(argmap.RenderError, argmap.ArgmapError)


def test_a_refused_step_adds_nothing() -> None:
    m = ArgumentMap()
    m.claim("T", id="t")
    before = len(m)
    with pytest.raises(TypeError):
        m.support("t", ["fine premise", 3])  # type: ignore[list-item]
    with pytest.raises(ValidationError):
        m.support("t", ["fine premise"], id="t")
    assert len(m) == before


def test_an_explicit_step_id_wins_over_a_derived_premise_id() -> None:
    m = ArgumentMap()
    t = m.claim("T", id="t")
    step = m.attack(t, "O", id="o")
    assert step.id == "o" and step.premise.id == "o-2" and step.premise.text == "O"
    m.validate()


class _CountingSet(set[str]):
    """A set that counts membership tests: ``_new_id`` probes the reserved ids once per candidate."""

    probes = 0

    def __contains__(self, item: object) -> bool:
        type(self).probes += 1
        return super().__contains__(item)


def test_derived_ids_on_a_star_take_a_constant_number_of_probes_each() -> None:
    # A star of reasons on one claim: every step's derived id is "support-t", then -2, -3, ...
    # Probing from -2 each time would cost n^2/2 lookups (2 million here); ours cost about 2 each.
    m = ArgumentMap()
    t = m.claim("T", id="t")
    m._reserved = _CountingSet()
    _CountingSet.probes = 0
    n = 2_000
    steps = [m.support(t, m.claim(f"Reason {k}", id=f"r{k}")) for k in range(n)]
    assert [s.id for s in steps[:3]] == ["support-t", "support-t-2", "support-t-3"]
    assert steps[-1].id == f"support-t-{n}"
    assert _CountingSet.probes < 3 * n


def test_derived_ids_skip_ids_taken_meanwhile_and_survive_copy() -> None:
    m = ArgumentMap()
    t = m.claim("T", id="t")
    m.support(t, "A")
    m.claim("taken", id="support-t-2")  # an author's id in the way of the next derived one
    assert m.support(t, "B").id == "support-t-3"
    assert m.copy().support("t", "C").id == "support-t-4"


# -- building in bulk: the very map one call per item makes -------------------------------------

def _one_by_one_and_in_bulk(claims: list[Any], steps: list[Any]) -> tuple[ArgumentMap, ArgumentMap]:
    single = ArgumentMap()
    for row in claims:
        single.claim(**row)
    for row in steps:
        row = dict(row)
        premises = row.pop("premises")
        premises = [premises] if isinstance(premises, str) else premises
        single.infer(row.pop("polarity"), row.pop("target"), [single.claims[p] for p in premises], **row)
    bulk = ArgumentMap()
    assert bulk.add_claims(claims) == [c.id for c in single.claims]
    assert bulk.add_inferences(steps) == [i.id for i in single.inferences]
    return single, bulk


def _same_graph(a: ArgumentMap, b: ArgumentMap) -> None:
    """Same nodes with the same attributes (key order too), same edges, same neighbour order."""
    assert [c.id for c in a.claims] == [c.id for c in b.claims]
    assert [i.id for i in a.inferences] == [i.id for i in b.inferences]
    for node, attrs in a.graph.nodes(data=True):
        assert list(attrs.items()) == list(b.graph.nodes[node].items())
        assert list(a.graph.pred[node].items()) == list(b.graph.pred[node].items())
        assert list(a.graph.succ[node].items()) == list(b.graph.succ[node].items())
    assert a.graph.number_of_edges() == b.graph.number_of_edges()


def test_bulk_building_makes_the_map_one_call_per_item_makes() -> None:
    source = Source(author="Somin", quote="a passage")
    claims = [
        {"text": "Schools should require uniforms.", "id": "t", "label": "Uniforms"},
        {"text": "Uniforms cost less than fashion.", "rating": 0.7, "tags": ["cost"], "sources": [source]},
        {"text": "Uniforms cost less than fashion.", "note": "said twice", "group": "Money"},  # id -2
        {"text": "Uniforms limit self-expression.", "id": "o", "data": {"k": [1, 2]}, "rating": 1},
        {"text": "Expression has other outlets.", "id": "x", "rating": 0.0},
        {"text": "Parents like them.", "id": "p"},
    ]
    steps = [
        {"polarity": "support", "target": "t", "premises": ["uniforms-cost-less-than-fashion", "p"]},
        {"polarity": "attack", "target": "t", "premises": "o", "id": "obj", "label": "Freedom"},
        {"polarity": "attack", "target": "obj", "premises": ["x"], "scheme": "Argument from consequences"},
        {"polarity": "attack", "target": "support-t", "premises": "uniforms-cost-less-than-fashion-2",
         "sources": [source], "note": "an undercut", "data": {"why": 1}, "group": "Money"},
        {"polarity": "support", "target": "t", "premises": "p"},  # a second derived id: support-t-2
    ]
    single, bulk = _one_by_one_and_in_bulk(claims, steps)
    _same_graph(single, bulk)
    assert [i.id for i in bulk.inferences][-1] == "support-t-2"
    assert bulk["attack-support-t"].role == "undercut" and bulk.claims["uniforms-cost-less-than-fashion"].rating == 0.7
    assert bulk.claims["o"].rating == 1.0 and type(bulk.claims["o"].rating) is float
    bulk.validate()
    assert argmap.loads(argmap.dumps(bulk, "json"), "json").graph.number_of_nodes() == len(bulk)


def test_bulk_building_takes_views_and_generators_and_adds_to_a_map_that_has_nodes() -> None:
    m = ArgumentMap()
    t = m.claim("T", id="t")
    ids = m.add_claims({"text": f"Reason {k}.", "id": f"r{k}"} for k in range(3))
    assert ids == ["r0", "r1", "r2"]
    steps = m.add_inferences([{"polarity": "support", "target": t, "premises": [m.claims["r0"], "r1"]},
                              {"polarity": "attack", "target": "support-t", "premises": m.claims["r2"]}])
    assert steps == ["support-t", "attack-support-t"]
    assert [c.id for c in m.inferences["support-t"].premises] == ["r0", "r1"] and m.claims["t"].reasons[0].linked
    assert m.add_claims([]) == [] and m.add_inferences(iter(())) == []
    # later single calls go on deriving ids where the batch stopped
    assert m.support(t, m.claims["r2"]).id == "support-t-2"


@pytest.mark.parametrize(("rows", "error", "message"), [
    ([{"text": "ok"}, {"text": "  "}], ValidationError, r"claims\[1\]: claim text '  ' is blank"),
    ([{"text": "ok", "rating": 2}], ValidationError, r"claims\[0\]: rating 2 is not a number from 0 to 1"),
    ([{"text": "ok", "rating": "high"}], ValidationError, r"claims\[0\]: rating 'high'"),
    ([{"text": "a", "id": "t"}], ValidationError, r"claims\[0\]: duplicate id 't'"),
    ([{"text": "a", "id": "n"}, {"text": "b", "id": "n"}], ValidationError, r"claims\[1\]: duplicate id 'n'"),
    ([{"text": "a", "id": " "}], ValidationError, r"claims\[0\]: id ' ' must be a non-blank string"),
    ([{"text": "a", "id": 5}], ValidationError, r"claims\[0\]: id 5 must be a non-blank string"),
    ([{"text": 5}], TypeError, r"claims\[0\]: claim text must be a string, not int"),
    ([{"txt": "a"}], TypeError, r"claims\[0\]: unknown key\(s\) 'txt'; a claim row takes data, group, id"),
    ([{"id": "a"}], TypeError, r"claims\[0\]: a claim row needs 'text'"),
    (["just a text"], TypeError, r"claims\[0\]: a claim row is a mapping of argument names to values, not str"),
])
def test_a_bad_claim_row_is_named_and_nothing_is_added(rows: list, error: type, message: str) -> None:  # type: ignore[type-arg]
    m = ArgumentMap()
    m.claim("T", id="t")
    with pytest.raises(error, match=message):
        m.add_claims(rows)
    assert list(m.graph.nodes) == ["t"]


@pytest.mark.parametrize(("rows", "error", "message"), [
    ([{"polarity": "pro", "target": "t", "premises": "a"}], ValidationError, r"inferences\[0\]: polarity 'pro'"),
    ([{"polarity": "support", "target": "nope", "premises": "a"}], ValidationError,
     r"inferences\[0\]: target 'nope' does not exist"),
    ([{"polarity": "support", "target": "t", "premises": "a"},
      {"polarity": "support", "target": "t", "premises": "A new claim."}], ValidationError,
     r"inferences\[1\]: premise 'A new claim.' is no claim of the map; add it with add_claims\(\) first"),
    ([{"polarity": "support", "target": "t", "premises": "s0"}], ValidationError, r"premise 's0' is no claim"),
    ([{"polarity": "support", "target": "t", "premises": []}], ValidationError, "a step needs at least one premise"),
    ([{"polarity": "support", "target": "t", "premises": [3]}], TypeError, "a premise is a claim's id or a Claim"),
    ([{"polarity": "support", "target": "t", "premises": "a", "id": "s0"}], ValidationError, "duplicate id 's0'"),
    ([{"polarity": "support", "target": "t", "premises": "a", "id": "x"},
      {"polarity": "support", "target": "t", "premises": "a", "id": "x"}], ValidationError,
     r"inferences\[1\]: duplicate id 'x'"),
    ([{"polarity": "attack", "target": "later", "premises": "a"},
      {"polarity": "support", "target": "t", "premises": "a", "id": "later"}], ValidationError,
     r"inferences\[0\]: target 'later' does not exist"),
    ([{"polarity": "support", "target": 7, "premises": "a"}], TypeError, "a target is a Claim, an Inference or an id"),
    ([{"polarity": "support", "target": "t"}], TypeError, r"inferences\[0\]: a step row needs 'premises'"),
    ([{"polarity": "support", "target": "t", "premises": "a", "weight": 2}], TypeError, r"unknown key\(s\) 'weight'"),
])
def test_a_bad_step_row_is_named_and_nothing_is_added(rows: list, error: type, message: str) -> None:  # type: ignore[type-arg]
    m = ArgumentMap()
    m.add_claims([{"text": "T", "id": "t"}, {"text": "A", "id": "a"}])
    m.add_inferences([{"polarity": "support", "target": "t", "premises": "a", "id": "s0"}])
    before = (list(m.graph.nodes), list(m.graph.edges), {n: list(m.graph.succ[n]) for n in m.graph})
    with pytest.raises(error, match=message):
        m.add_inferences(rows)
    assert (list(m.graph.nodes), list(m.graph.edges), {n: list(m.graph.succ[n]) for n in m.graph}) == before


def test_views_of_another_map_are_refused_in_bulk() -> None:
    other = ArgumentMap()
    foreign = other.claim("Elsewhere", id="e")
    m = ArgumentMap()
    m.add_claims([{"text": "T", "id": "t"}])
    with pytest.raises(ValidationError, match="claim 'e' belongs to another map"):
        m.add_inferences([{"polarity": "support", "target": "t", "premises": [foreign]}])
    with pytest.raises(ValidationError, match="node 'e' belongs to another map"):
        m.add_inferences([{"polarity": "support", "target": foreign, "premises": "t"}])


def test_bulk_building_leaves_the_garbage_collector_as_it_found_it() -> None:
    import gc
    import weakref

    class Node:
        other: object = None

    m = ArgumentMap()
    assert gc.isenabled()
    cycle = Node()
    cycle.other = cycle
    gone = weakref.ref(cycle)
    del cycle  # garbage only the collector can free, made before the batch
    m.add_claims([{"text": "T", "id": "t"}])
    assert gc.isenabled() and gc.get_freeze_count() == 0  # nothing is left frozen
    gc.collect()
    assert gone() is None  # and the next full collection frees it
    with pytest.raises(ValidationError):
        m.add_claims([{"text": " "}])
    assert gc.isenabled()

    def rows() -> Iterator[ClaimRow]:
        yield {"text": "A", "id": "a"}
        raise RuntimeError("the data source broke")

    with pytest.raises(RuntimeError):
        m.add_claims(rows())
    assert gc.isenabled() and "a" not in m
    gc.disable()
    try:
        m.add_claims([{"text": "B", "id": "b"}])
        assert not gc.isenabled()
    finally:
        gc.enable()
