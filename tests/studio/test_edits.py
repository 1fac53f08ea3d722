"""The edits a student can make: each does what it says, and a refused edit changes nothing."""

from __future__ import annotations

import pytest

import argmap
from argmap.studio.edits import MAX_TEXT, EditError, apply


def _lunch() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap(title="Lunch")
    t = m.claim("We should eat out.", id="t")
    m.support(t, m.claim("The fridge is empty.", id="fridge"), id="s1")
    o = m.attack(t, m.claim("It costs too much.", id="cost"), id="a1")
    m.attack(o, m.claim("Specials are cheap.", id="cheap"), id="r1")
    return m


def _add(m: argmap.ArgumentMap, op: str, **args: object) -> str:
    """Make an edit that selects a claim; return that claim's id."""
    done = apply(m, op, args)
    assert done.select is not None
    return done.select


def test_each_kind_of_claim_gets_its_role() -> None:
    m = _lunch()
    assert m.claims[_add(m, "reason", target="t", text="We deserve a treat.")].role == "reason"
    assert m.claims[_add(m, "objection", target="t", text="It is raining.")].role == "objection"
    rebuttal = m.claims[_add(m, "rebuttal", target="cost", text="Lunch menus are half price.")]
    assert rebuttal.role == "rebuttal" and rebuttal.inferences[0].target.id == "a1"  # aimed at the objection's step
    co = _add(m, "copremise", target="fridge", text="Shopping takes an hour.")
    assert m.inferences["s1"].linked and {p.id for p in m.inferences["s1"].premises} == {"fridge", co}
    under = m.claims[_add(m, "undercut", target="fridge", text="We have frozen pizza.")]
    assert under.inferences[0].role == "undercut" and under.inferences[0].target.id == "s1"
    thesis = m.claims[_add(m, "thesis", text="We should cook.", quote="cook")]
    assert thesis.role == "thesis" and thesis.sources[0].quote == "cook"
    m.validate()


@pytest.mark.parametrize(("op", "args", "message"), [
    ("reason", {"target": "t", "text": "   "}, "empty"),
    ("reason", {"target": "ghost", "text": "x"}, "no claim or step"),
    ("reason", {"target": "t", "text": 3}, "must be text"),
    ("reason", {"target": "t", "text": "x" * (MAX_TEXT + 1)}, "too long"),
    ("rebuttal", {"target": "fridge", "text": "x"}, "select an objection"),
    ("copremise", {"target": "t", "text": "x"}, "thesis"),
    ("undercut", {"target": "t", "text": "x"}, "thesis"),
    ("update", {"node": "t", "fields": {"scheme": "analogy"}}, "no field"),
    ("update", {"node": "t", "fields": {}}, "nothing to change"),
    ("update", {"node": "t", "fields": {"tags": "not a list"}}, "tags"),
    ("sources", {"node": "t", "sources": [{"colour": "red"}]}, "fields"),
    ("move", {"node": "t", "target": "cheap"}, "its own"),
    ("move", {"node": "fridge", "target": "t"}, "already"),
    ("explode", {}, "unknown edit"),
])
def test_a_refused_edit_says_why_and_changes_nothing(op: str, args: dict[str, object], message: str) -> None:
    m = _lunch()
    before = argmap.dumps(m, "json")
    with pytest.raises(EditError, match=message):
        apply(m, op, args)
    assert argmap.dumps(m, "json") == before


def test_update_and_sources() -> None:
    m = _lunch()
    done = apply(m, "update", {"node": "t", "fields": {"text": "We should eat out tonight.", "label": " Out ",
                                                      "tags": ["food", " food ", ""], "note": ""}})
    assert done.label == "edit the text and label and note and tags"
    t = m.claims["t"]
    assert (t.text, t.label, t.tags, t.note) == ("We should eat out tonight.", "Out", ["food"], None)
    apply(m, "update", {"node": "s1", "fields": {"scheme": "practical reasoning"}})
    assert m.inferences["s1"].scheme == "practical reasoning"
    apply(m, "sources", {"node": "t", "sources": [{"author": "Ann", "url": "javascript:alert(1)"}, {"author": " "}]})
    assert [s.to_dict() for s in m["t"].sources] == [{"author": "Ann", "url": "javascript:alert(1)"}]  # kept as data


def test_delete_takes_the_branch_and_leaves_a_valid_map() -> None:
    m = _lunch()
    done = apply(m, "delete", {"node": "cost"})
    assert done.select == "t" and done.label == "delete a claim and 1 below it"
    assert set(m.graph) == {"t", "fridge", "s1"}
    m = _lunch()
    apply(m, "copremise", {"target": "fridge", "text": "Shopping takes an hour.", })
    apply(m, "delete", {"node": "fridge"})  # a co-premise goes alone; the step keeps the other
    assert [p.text for p in m.inferences["s1"].premises] == ["Shopping takes an hour."]
    m = _lunch()
    apply(m, "delete", {"node": "t"})
    assert len(m) == 0
    m = _lunch()
    apply(m, "delete", {"node": "a1"})  # a step: its premise and its rebuttal go with it
    assert set(m.graph) == {"t", "fridge", "s1"}
    m.validate()


def test_move_a_branch_and_a_thesis() -> None:
    m = _lunch()
    apply(m, "move", {"node": "cost", "target": "fridge"})
    assert m.inferences["a1"].target.id == "fridge" and m.inferences["r1"].target.id == "a1"
    other = _add(m, "thesis", text="Cooking is fun.")
    apply(m, "move", {"node": other, "target": "t"})  # a thesis becomes a reason
    assert m.claims[other].role == "reason"
    m.validate()
