"""Explanations, against grounded labellings worked out by hand for small maps.

Grounded labelling by hand: an unattacked claim is in; a step is in when its premises are in and
nothing undercutting it stands; a claim attacked by a step that is in is out; a claim whose every
attacking step is out is in; what is left is undec.
"""

from __future__ import annotations

import pytest

import argmap
from argmap import ArgumentMap
from argmap.analysis.explain import explain, explain_labelling


def reinstated() -> ArgumentMap:
    m = ArgumentMap()
    t = m.claim("We should eat out.", id="t")
    o = m.attack(t, m.claim("It costs too much.", id="cost"), id="o")
    m.attack(o.premise, m.claim("Lunch specials are cheap.", id="cheap"), id="r")
    return m


# cheap: unattacked -> in; r: in; cost: attacked by r (in) -> out; o: premise out -> out; t: in
REINSTATED = {"t": "in", "cost": "out", "cheap": "in"}


def test_in_because_every_objection_is_defeated() -> None:
    e = explain_labelling(reinstated(), "t", REINSTATED)
    assert e.label == "in"
    (a,) = e.attacks
    assert (a.step, a.polarity, a.label) == ("o", "attack", "out")
    assert (a.premises, a.defeated_by) == ((("cost", "out"),), ("r",))
    assert e.supports == ()
    assert "accepted (in)" in e.paragraph
    assert "its premise (cost) is out, defeated by r (\"Lunch specials are cheap.\")" in e.paragraph


def test_out_because_an_objection_stands() -> None:
    e = explain_labelling(reinstated(), "cost", REINSTATED)
    assert e.label == "out"
    assert [(a.step, a.label) for a in e.attacks] == [("r", "in")]
    assert e.paragraph.startswith('"It costs too much." (cost) is rejected (out): r ("Lunch specials are cheap.") '
                                  "stands against it (in).")


def test_unattacked_claim() -> None:
    e = explain_labelling(reinstated(), "cheap", REINSTATED)
    assert e.label == "in" and e.attacks == ()
    assert "nothing attacks it" in e.paragraph


def test_undecided_in_a_cycle() -> None:
    m = ArgumentMap()
    t = m.claim("T", id="t")
    o = m.attack(t, m.claim("A", id="a"), id="o")
    b = m.claim("B", id="b")
    m.attack(o.premise, b, id="ba")
    m.attack(b, o.premise, id="ab")
    # a and b attack each other and nothing else attacks them: both undec, so o and t are undec.
    e = explain_labelling(m, "t", {"t": "undec", "a": "undec", "b": "undec"})
    (a,) = e.attacks
    assert (a.label, a.undecided_by, a.defeated_by) == ("undec", ("ba",), ())
    assert "undecided (undec)" in e.paragraph
    assert "o (\"A\") is itself undecided" in e.paragraph
    assert "Objection o is undecided because ba (\"B\") is undecided too." in e.paragraph


def test_undercut_defeats_the_step() -> None:
    m = ArgumentMap()
    t = m.claim("T", id="t")
    o = m.attack(t, m.claim("A", id="a"), id="o")
    m.undercut(o, m.claim("D", id="d"), id="u")
    # d, a: unattacked -> in; u in; o undercut by u -> out; t in.
    e = explain_labelling(m, "t", {"t": "in", "a": "in", "d": "in"})
    (a,) = e.attacks
    assert (a.label, a.defeated_by) == ("out", ("u",))
    assert "it is undercut by u (\"D\"), which stands" in e.paragraph


def test_linked_objection_with_several_premises() -> None:
    m = ArgumentMap()
    t = m.claim("T", id="t")
    o = m.attack(t, [m.claim("A", id="a"), m.claim("B", id="b")], id="o")
    m.attack(o.premises[1], m.claim("C", id="c"), id="r")
    e = explain_labelling(m, "t", {"t": "in", "a": "in", "b": "out", "c": "in"})
    (a,) = e.attacks
    assert a.premises == (("a", "in"), ("b", "out")) and a.defeated_by == ("r",)
    assert 'its premise "B" (b) is out, defeated by r' in e.paragraph


def test_labels_given_for_steps_win() -> None:
    m = reinstated()
    e = explain_labelling(m, "t", {**REINSTATED, "o": "out", "r": "in"})
    assert e.attacks[0].label == "out"
    # A labelling from a semantics that rejects the step in another way is reported, not second-guessed.
    e = explain_labelling(m, "cheap", {**REINSTATED, "cheap": "out"})
    assert e.label == "out" and "no objection to it stands" in e.paragraph


def test_out_through_a_reason_that_is_out() -> None:
    m = ArgumentMap()
    t = m.claim("T", id="t")
    s = m.support(t, m.claim("R", id="r"), id="s")
    m.attack(s.premise, m.claim("X", id="x"), id="ax")
    # Under secondary attacks (Cayrol and Lagasquie-Schiex) x attacks t through r.
    e = explain_labelling(m, "t", {"t": "out", "r": "out", "x": "in"})
    assert [(s.step, s.label) for s in e.supports] == [("s", "out")]
    assert "its reason s (\"R\") is out because its premise (r) is out, defeated by ax (\"X\")" in e.paragraph
    assert "secondary attack" in e.paragraph


def test_data_form() -> None:
    d = explain_labelling(reinstated(), "t", REINSTATED).to_dict()
    assert d["claim"] == "t" and d["label"] == "in"
    assert d["attacks"] == [{"step": "o", "polarity": "attack", "label": "out",
                             "premises": [{"id": "cost", "label": "out"}],
                             "defeated_by": ["r"], "undecided_by": []}]
    assert d["text"].startswith('"We should eat out." (t) is accepted')


def test_bad_requests() -> None:
    m = reinstated()
    with pytest.raises(argmap.ArgmapError, match="not a claim"):
        explain_labelling(m, "o", REINSTATED)
    with pytest.raises(argmap.ArgmapError, match="not a claim"):
        explain_labelling(m, "ghost", REINSTATED)
    with pytest.raises(argmap.ArgmapError, match="no label"):
        explain_labelling(m, "t", {"t": "in"})
    with pytest.raises(argmap.ArgmapError, match="no label"):
        explain_labelling(m, "t", {"t": "maybe", "cost": "out", "cheap": "in"})


def test_explain_uses_the_grounded_semantics() -> None:
    pytest.importorskip("argmap.analysis.semantics", reason="argmap.evaluate lands with the Dung semantics")
    m = reinstated()
    assert explain(m, "t") == explain_labelling(m, "t", REINSTATED)
    assert explain(m, "cost").label == "out"
