"""Framework, the map-to-framework derivation, the grounded labelling and the result object."""

from __future__ import annotations

import sys

import pytest

import argmap
from argmap import ArgmapError, ArgumentMap
from argmap.analysis import dung, sat
from argmap.analysis.framework import Framework
from argmap.analysis.semantics import Evaluation, evaluate


def test_framework_keeps_ids_and_drops_repeated_attacks() -> None:
    fw = Framework(["a", "b", "a"], [("a", "b"), ("a", "b"), ("b", "b")])
    assert fw.ids == ["a", "b"] and fw.num_attacks == 2
    assert fw.attackers("b") == ["a", "b"] and fw.targets("b") == ["b"]
    with pytest.raises(ArgmapError, match="'z'"):
        Framework(["a"], [("a", "z")])
    with pytest.raises(ArgmapError, match="outside"):
        Framework.from_arrays(2, [0], [2])



@pytest.mark.parametrize("seed", range(12))
def test_framework_keeps_the_first_of_each_repeated_attack_in_order(seed: int) -> None:
    import random

    rng = random.Random(seed)
    n = rng.randint(1, 40)
    ids = [f"a{rng.randrange(n)}" for _ in range(n)] + [f"a{k}" for k in range(n)]  # repeats too
    pairs = [(f"a{rng.randrange(n)}", f"a{rng.randrange(n)}") for _ in range(rng.randint(0, 4 * n))]
    fw = Framework(iter(ids), iter(pairs))
    assert fw.ids == list(dict.fromkeys(ids))
    assert list(fw.attacks()) == list(dict.fromkeys(pairs))  # each pair once, where it first came
    assert Framework(ids, [list(p) for p in pairs]) == fw  # type: ignore[misc]  # lists as pairs work too


class _Name(str):
    """An id of a str subclass (say, a library's own string type)."""


@pytest.mark.parametrize(("arguments", "attacks", "message"), [
    (["a", ""], [], "an argument id must be a non-empty string, not ''"),
    (["a", 3], [], "an argument id must be a non-empty string, not 3"),
    (["a", ["b"]], [], r"an argument id must be a non-empty string, not \['b'\]"),
    (iter(["a", ["b"]]), [], r"an argument id must be a non-empty string, not \[.b.\]"),  # not lost in an iterator
    (["a", "b"], [("a", "b", "c")], r"every attack is a pair \(attacker, target\)"),
    (["a", "b"], [("a",)], r"every attack is a pair"),
    (["a", "b"], [5], r"every attack is a pair \(attacker, target\) of argument ids"),
    (["a", "b"], [("a", ["b"])], r"every attack is a pair \(attacker, target\) of argument ids"),
    (["a", "b"], [("a", "b"), ("c", "a")], r"attack \('c', 'a'\) names 'c', which is no argument"),
])
def test_framework_refuses_bad_ids_and_pairs_in_one_line(arguments: list, attacks: list, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(ArgmapError, match=message):
        Framework(arguments, attacks)


def test_framework_takes_ids_of_a_str_subclass() -> None:
    fw = Framework([_Name("a"), "b"], [("a", _Name("b"))])
    assert fw.ids == ["a", "b"] and list(fw.attacks()) == [("a", "b")]

def test_a_chain_100000_deep_needs_no_recursion() -> None:
    n = 100_000
    chain = Framework.from_arrays(n, range(n - 1), range(1, n))
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(200)  # any recursion per argument would fail at once
    try:
        result = evaluate(chain)
    finally:
        sys.setrecursionlimit(limit)
    assert isinstance(result, Evaluation)
    labels = result.codes
    assert labels[0::2].tolist() == [dung.IN] * (n // 2)
    assert labels[1::2].tolist() == [dung.OUT] * (n // 2)


def test_grounded_leaves_odd_cycles_undecided_and_counts_every_attacker() -> None:
    fw = Framework(list("abcde"), [("a", "b"), ("b", "c"), ("c", "a"), ("d", "e"), ("c", "e")])
    r = evaluate(fw)
    assert dict(r) == {"a": "undec", "b": "undec", "c": "undec", "d": "in", "e": "out"}
    assert r.with_label("undec") == ["a", "b", "c"]


def test_wide_frontiers_take_the_array_path_and_agree_with_the_one_by_one_path() -> None:
    import random

    rng = random.Random(7)
    n = 5_000
    src = [rng.randrange(n) for _ in range(3 * n)]
    dst = [rng.randrange(n) for _ in range(3 * n)]
    fw = Framework.from_arrays(n, src, dst)
    labels = dung.grounded(fw)
    assert dung.is_complete(fw, labels)
    # The grounded extension is the least complete one: no smaller fixpoint exists, so recomputing
    # it by the textbook iteration of the characteristic function gives the same set.
    attackers, _ = fw.adjacency()
    current: set[int] = set()
    while True:
        defeated = {b for b in range(n) if any(a in current for a in attackers[b])}
        nxt = {a for a in range(n) if all(b in defeated for b in attackers[a])}
        if nxt == current:
            break
        current = nxt
    assert set((labels == dung.IN).nonzero()[0].tolist()) == current


def uniforms() -> ArgumentMap:
    m = ArgumentMap(title="Uniforms")
    t = m.claim("Schools should require uniforms.", id="t")
    m.support(t, m.claim("Uniforms reduce bullying.", id="r"), id="s")
    o = m.attack(t, m.claim("Uniforms limit self-expression.", id="o"), id="obj")
    m.attack(m["o"], m.claim("Expression has other outlets.", id="x"), id="reb")
    m.undercut(o, m.claim("Limits at school are normal.", id="u"), id="uc")
    return m


def test_map_derivation_follows_cayrol_and_lagasquie_schiex() -> None:
    m = uniforms()
    fw = Framework.from_map(m, support="cayrol")
    assert fw.ids == list(m.graph.nodes)  # every claim and every inference is an argument
    attacks = set(fw.attacks())
    # direct and supported attacks of the objection on the thesis (and secondary: on nothing else)
    assert {("obj", "t"), ("o", "t")} <= attacks
    # the rebuttal: direct on o, secondary on the step o is a premise of
    assert {("reb", "o"), ("reb", "obj"), ("x", "o"), ("x", "obj")} <= attacks
    # the undercut attacks the step; secondary attacks reach nothing the step supports
    assert {("uc", "obj"), ("u", "obj")} <= attacks
    assert not any(b in ("s", "r") for _, b in attacks)
    default = set(Framework.from_map(m).attacks())  # secondary attacks only
    assert default == {a for a in attacks if a[0] in ("obj", "reb", "uc")}
    none = set(Framework.from_map(m, support="none").attacks())
    assert none == {("obj", "t"), ("reb", "o"), ("uc", "obj")}
    with pytest.raises(ArgmapError, match="support mode"):
        Framework.from_map(m, support="deductive")


def test_evaluating_a_map_labels_claims_and_steps() -> None:
    r = evaluate(uniforms())
    assert isinstance(r, Evaluation)
    assert (r["t"], r["o"], r["obj"], r["x"], r["u"], r["r"], r["s"]) == ("in", "out", "out", "in", "in", "in", "in")
    assert r.status("o") == "rejected" and r.credulous("t") and r.sceptical("t")


def test_an_undercut_objection_no_longer_defeats_its_target_by_default() -> None:
    # The supported attack would let the objection's premise attack past its undercut step.
    m = ArgumentMap()
    t = m.claim("T", id="t")
    o = m.attack(t, m.claim("O", id="o"), id="obj")
    m.undercut(o, m.claim("U", id="u"), id="uc")
    assert (evaluate(m)["t"], evaluate(m)["o"], evaluate(m)["obj"]) == ("in", "in", "out")
    assert evaluate(m, support="cayrol")["t"] == "out"


def test_an_unanswered_attack_on_a_reason_also_defeats_what_it_supports() -> None:
    # The secondary attack of the reference: the reason's premise falls, and with it its target.
    m = ArgumentMap()
    t = m.claim("T", id="t")
    m.support(t, m.claim("R", id="r"), id="s")
    m.attack(m["r"], m.claim("A", id="a"), id="att")
    assert evaluate(m)["t"] == "out"
    assert evaluate(m, support="supported")["t"] == "in"


def test_multi_extension_results_say_credulous_and_sceptical() -> None:
    fw = Framework(["a", "b", "c"], [("a", "b"), ("b", "a"), ("b", "c")])
    r = evaluate(fw, "stable")
    assert [sorted(e) for e in r.extensions] == [["b"], ["a", "c"]]
    assert r.credulous("c") and not r.sceptical("c")
    assert r.accepted("credulous") == ["a", "b", "c"] and r.accepted("sceptical") == []
    assert [lab["b"] for lab in r.labellings()] == ["in", "out"]
    assert r.to_dict()["extensions"] == [["b"], ["a", "c"]]


def test_no_stable_extension_means_all_undecided_and_vacuous_scepticism() -> None:
    fw = Framework(["a"], [("a", "a")])
    r = evaluate(fw, "stable")
    assert r.extensions == [] and r["a"] == "undec"
    assert not r.credulous("a") and r.sceptical("a")


def test_semantics_names_and_errors() -> None:
    fw = Framework(["a"], [])
    assert evaluate(fw, "PR").semantics == "preferred"
    assert evaluate(fw, "semistable").semantics == "semi-stable"
    with pytest.raises(ArgmapError, match="unknown semantics"):
        evaluate(fw, "cf2")
    with pytest.raises(ArgmapError, match="unknown solver"):
        evaluate(fw, "preferred", solver="z3")
    with pytest.raises(ArgmapError, match="ArgumentMap or a Framework"):
        evaluate("not a map", "grounded")  # type: ignore[call-overload]


def test_enumeration_stops_with_advice_past_the_limit() -> None:
    pairs = [(f"a{i}", f"b{i}") for i in range(12)]
    fw = Framework([x for p in pairs for x in p], [q for a, b in pairs for q in ((a, b), (b, a))])
    with pytest.raises(ArgmapError, match="more than 100 preferred"):
        evaluate(fw, "preferred", max_extensions=100)
    assert evaluate(fw, "ideal").extensions == [frozenset()]


def test_the_python_search_refuses_frameworks_beyond_its_reach() -> None:
    fw = Framework.from_arrays(sat.PYTHON_SOLVER_LIMIT + 1, [], [])
    with pytest.raises(ArgmapError, match="argmap\\[sat\\]"):
        evaluate(fw, "preferred", solver="python")


def test_to_map_draws_a_framework_and_derives_back_to_the_same_labels() -> None:
    fw = Framework(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "c")])
    m = fw.to_map()
    assert [c.id for c in m.claims] == ["a", "b", "c"]
    back = evaluate(m, "preferred")
    direct = evaluate(fw, "preferred")
    assert all(back[a] == direct[a] for a in fw.ids)


def test_gradual_methods_dispatch_to_strength_or_say_they_are_missing() -> None:
    import importlib.util

    m = uniforms()
    if importlib.util.find_spec("argmap.analysis.strength") is None:
        with pytest.raises(ArgmapError, match="not available"):
            argmap.evaluate(m, "dfquad")
        return
    result = argmap.evaluate(m, "df-quad")
    assert result.semantics == "dfquad" and 0.0 <= result["t"] <= 1.0
