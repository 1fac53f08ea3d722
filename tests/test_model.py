"""The model's invariants: one graph, derived roles, deterministic ids, the view API."""

from __future__ import annotations

import networkx as nx
import pytest

import argmap
from argmap import ArgumentMap, Claim, Inference, Source, ValidationError


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
