"""validate() lists every problem at once, including ones only hand edits can make."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from argmap import ArgumentMap, ValidationError


def test_valid_map_passes() -> None:
    m = ArgumentMap()
    m.support(m.claim("T"), "R")
    m.validate()


def test_every_problem_is_listed_at_once() -> None:
    m = ArgumentMap()
    t = m.claim("T", id="t")
    m.claim("B", id="blank")
    step = m.support(t, "R", id="s")
    g = m.graph
    g.nodes["blank"]["text"] = "   "                             # the API refuses blank text
    g.add_node("lonely", kind="inference", polarity="support")  # no premise, no target
    g.add_edge("s", "ghost", role="support")                     # a target that does not exist
    g.add_node("self", kind="inference", polarity="support")
    g.add_edge("t", "self", role="premise")
    g.add_edge("self", "t", role="support")                      # t supports itself directly
    g.nodes["t"]["rating"] = 2
    g.add_node("weird", kind="banana")
    with pytest.raises(ValidationError) as info:
        m.validate()
    problems = info.value.problems
    expected = [
        "claim 'blank': text is blank",
        "claim 't': rating 2 is not a number in [0, 1]",
        "inference 'lonely': no premise",
        "inference 'lonely': has 0 targets, needs exactly one",
        f"inference {step.id!r}: has 2 targets, needs exactly one",
        "inference 'self': claim 't' is both premise and conclusion",
        "node 'weird': unknown kind 'banana'",
        "edge 's' -> 'ghost': node 'ghost' does not exist",
    ]
    for line in expected:
        assert line in problems, line
    assert str(info.value).startswith(f"the map has {len(problems)} problems")


def test_wrong_edge_roles_are_reported() -> None:
    m = ArgumentMap()
    t = m.claim("T", id="t")
    m.attack(t, "R", id="a")
    m.graph.edges["a", "t"]["role"] = "support"
    m.graph.add_edge("t", "r", role="premise")  # claim -> claim
    problems = pytest.raises(ValidationError, m.validate).value.problems
    assert "edge 'a' -> 't': role 'support' should be 'attack'" in problems
    assert "edge 't' -> 'r': a claim can only be a premise of an inference" in problems


@pytest.mark.parametrize(("text", "rating"), [("   ", None), ("", None), ("T", 2), ("T", -0.1), ("T", float("nan")),
                                              ("T", True), ("T", "0.5")])
def test_what_reading_refuses_cannot_be_built(text: str, rating: object) -> None:
    m = ArgumentMap()
    with pytest.raises(ValidationError):
        m.claim(text, rating=rating)  # type: ignore[arg-type]
    assert len(m) == 0
    t = m.claim("T", id="t")
    with pytest.raises(ValidationError):
        t.text, t.rating = text, rating  # type: ignore[assignment]
    assert len(m) == 1


def test_a_blank_premise_adds_nothing() -> None:
    m = ArgumentMap()
    t = m.claim("T", id="t")
    with pytest.raises(ValidationError):
        m.support(t, ["A good reason.", "  "])
    assert len(m) == 1


def test_what_is_built_is_written_and_read_back(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import argmap

    m = ArgumentMap()
    m.support(m.claim("T", rating=1, id="t"), m.claim("R", rating=0))
    for suffix in (".json", ".yaml", ".argdown", ".aif.json", ".graphml"):
        argmap.dump(m, tmp_path / f"m{suffix}")
        assert {c.text for c in argmap.load(tmp_path / f"m{suffix}").claims} == {"T", "R"}


@pytest.mark.parametrize("edit", [
    lambda g: g.nodes["t"].update(rating=float("nan")),
    lambda g: g.nodes["t"].update(rating=True),          # a bool is not a rating the fast pass knows
    lambda g: g.nodes["s"].update(polarity=["support"]),  # unhashable values are compared, never hashed
    lambda g: g.nodes["r"].update(kind=["claim"]),
    lambda g: g.edges["r", "s"].update(role=["premise"]),
    lambda g: g.nodes["r"].update(sources="not a list"),
    lambda g: g.nodes["r"].update(text=None),
    lambda g: g.add_node(7, kind="claim", text="a number for an id"),
    lambda g: g.add_edge("s", "r", role="premise"),       # the step's target among its premises
    lambda g: g.remove_edge("r", "s"),                    # a step with no premise
])
def test_a_broken_map_is_never_taken_for_a_well_formed_one(edit: Callable[[Any], object]) -> None:
    from argmap.model import adjacency
    from argmap.validation import _clearly_well_formed, problems

    m = ArgumentMap()
    t = m.claim("T", id="t")
    m.support(t, m.claim("R", id="r"), id="s")
    assert _clearly_well_formed(*adjacency(m.graph)) and problems(m) == []
    edit(m.graph)
    assert not _clearly_well_formed(*adjacency(m.graph))
    # True is accepted as a rating by the rules (it is an int); everything else breaks one.
    assert (problems(m) == []) == (m.graph.nodes["t"].get("rating") is True)
