"""Every check, on maps that have the problem and on maps that do not."""

from __future__ import annotations

import pytest

import argmap
from argmap import ArgumentMap, Source
from argmap.analysis.checks import CHECKS, check, has_errors
from argmap.analysis.checks.schemes import KNOWN_SCHEMES
from argmap.analysis.checks.terms import key_terms, stem
from argmap.analysis.schemes import scheme_key


def codes(m: ArgumentMap, code: str) -> list[tuple[str, ...]]:
    return [f.nodes for f in check(m, select=[code])]


def sourced(text: str) -> list[Source]:
    return [Source(author="A. Writer", title=text[:10])]


# -- the public entry point -----------------------------------------------------------------

def test_public_names_are_the_module_ones() -> None:
    assert argmap.check is check
    assert argmap.Finding is argmap.analysis.checks.Finding


def test_a_clean_map_has_no_findings() -> None:
    m = ArgumentMap()
    t = m.claim("Socrates is mortal.", id="t")
    m.support(t, [m.claim("Socrates is human.", id="p1", sources=sourced("p1")),
                  m.claim("Every human is mortal.", id="p2", sources=sourced("p2"))], id="s",
              scheme="Argument from Verbal Classification")
    assert check(m) == []


def test_unknown_codes_are_refused() -> None:
    with pytest.raises(ValueError, match="no-such-check"):
        check(ArgumentMap(), select=["no-such-check"])


def test_select_and_ignore() -> None:
    m = ArgumentMap()
    t = m.claim("T", id="t")
    m.attack(t, m.claim("O", id="o"), id="x")
    everything = {f.code for f in check(m)}
    assert {"unsupported", "unanswered-objection"} <= everything
    assert {f.code for f in check(m, ignore=["unsupported"])} == everything - {"unsupported"}
    assert {f.code for f in check(m, select=["unsupported"])} == {"unsupported"}


def test_findings_carry_path_and_line_of_their_node() -> None:
    m = ArgumentMap()
    t = m.claim("Tea is good.", id="t")
    m.support(t, m.claim("Tea is good!", id="dup"), id="s")
    m.graph.graph["path"] = "tea.argdown"
    m.graph.nodes["t"]["line"] = 1
    m.graph.nodes["dup"]["line"] = 3
    (f,) = check(m, select=["duplicate-claim"])
    assert (f.path, f.line, f.nodes) == ("tea.argdown", 3, ("dup", "t"))
    assert str(f).startswith("tea.argdown:3: duplicate-claim: claim 'dup'")
    assert "(line 1)" in f.message
    assert f.to_dict() == {"code": "duplicate-claim", "severity": "warning", "nodes": ["dup", "t"],
                           "message": f.message, "path": "tea.argdown", "line": 3}


def test_findings_without_a_line_say_only_the_file() -> None:
    m = ArgumentMap()
    m.claim("Lonely", id="a")
    m.graph.graph["path"] = "a.json"
    (f,) = check(m)
    assert str(f).startswith("a.json: unsupported: ")


def test_order_follows_lines_then_severity() -> None:
    m = ArgumentMap()
    a, b = m.claim("Alpha holds.", id="a"), m.claim("Beta holds.", id="b")
    m.support(a, b, id="s1")
    m.support(b, a, id="s2")
    m.graph.nodes["a"]["line"] = 5
    m.graph.nodes["b"]["line"] = 2
    found = check(m)
    lines = [f.line for f in found if f.line is not None]
    assert lines == sorted(lines)
    at_5 = [f.severity for f in found if f.line == 5]
    assert at_5 == sorted(at_5, key=("error", "warning", "hint").index)


# -- invalid ----------------------------------------------------------------------------------

def test_invalid_map_reports_structure_and_stops() -> None:
    m = ArgumentMap()
    m.claim("T", id="t")
    m.graph.add_node("i", kind="inference", polarity="support")  # no premise, no target
    found = check(m)
    assert {f.code for f in found} == {"invalid"}
    assert has_errors(found)
    assert any("no premise" in f.message for f in found)


# -- unsupported ------------------------------------------------------------------------------

def test_unsupported_claims() -> None:
    m = ArgumentMap()
    t = m.claim("Tea is good.", id="t")
    m.support(t, m.claim("Tea has flavour.", id="bare"), id="s")
    m.support(t, m.claim("Tea has antioxidants.", id="cited", sources=sourced("x")), id="s2")
    m.claim("Hidden premise.", id="hid", tags=["implicit"])
    found = {f.nodes[0]: f for f in check(m, select=["unsupported"])}
    assert set(found) == {"bare", "hid"}
    assert found["bare"].severity == "warning"
    assert "unstated premise" in found["hid"].message
    assert "source" in found["bare"].message


def test_an_attacked_claim_without_reason_is_still_unsupported() -> None:
    m = ArgumentMap()
    t = m.claim("T", id="t", sources=sourced("t"))
    m.attack(t, m.claim("O", id="o", sources=sourced("o")), id="x")
    assert codes(m, "unsupported") == []
    m2 = ArgumentMap()
    t2 = m2.claim("T", id="t")
    m2.attack(t2, m2.claim("O", id="o", sources=sourced("o")), id="x")
    assert codes(m2, "unsupported") == [("t",)]


# -- unanswered-objection -------------------------------------------------------------------

def test_unanswered_objections_are_hints() -> None:
    m = ArgumentMap()
    t = m.claim("T", id="t")
    o1 = m.attack(t, m.claim("O1", id="p1"), id="o1")
    m.attack(t, m.claim("O2", id="p2"), id="o2")
    m.attack(o1.premise, m.claim("R", id="pr"), id="reb")  # answers o1 through its premise
    found = check(m, select=["unanswered-objection"])
    assert [f.nodes for f in found] == [("o2", "p2")]
    assert found[0].severity == "hint" and not has_errors(found)


def test_an_undercut_answers_an_objection_and_is_itself_listed() -> None:
    m = ArgumentMap()
    t = m.claim("T", id="t")
    s = m.support(t, m.claim("R", id="r"), id="s")
    u = m.undercut(s, m.claim("U", id="pu"), id="u")
    assert codes(m, "unanswered-objection") == [("u", "pu")]
    m.attack(u, m.claim("The undercut misses the point.", id="pa"), id="ans")
    assert codes(m, "unanswered-objection") == []


# -- circular-support ---------------------------------------------------------------------------

def test_circular_support_through_three_claims() -> None:
    m = ArgumentMap()
    a, b, c = (m.claim(x, id=x.lower()) for x in ("A", "B", "C"))
    m.support(a, b, id="s1")
    m.support(b, c, id="s2")
    m.support(c, a, id="s3")
    found = check(m, select=["circular-support"])
    assert len(found) == 1
    assert set(found[0].nodes) == {"a", "b", "c"} and found[0].nodes[0] == "a"
    assert found[0].severity == "error" and has_errors(found)
    assert "'a' -> 'c' -> 'b' -> 'a'" in found[0].message


def test_attacks_and_chains_are_not_circles() -> None:
    m = ArgumentMap()
    a, b = m.claim("A", id="a"), m.claim("B", id="b")
    m.attack(a, b, id="x")
    m.attack(b, a, id="y")  # a mutual attack is a conflict, not circular support
    m.support(a, m.claim("C", id="c"), id="s")
    assert codes(m, "circular-support") == []


def test_circle_through_a_linked_step() -> None:
    m = ArgumentMap()
    a, b = m.claim("A", id="a"), m.claim("B", id="b")
    m.support(a, [b, m.claim("K", id="k")], id="s1")
    m.support(b, a, id="s2")
    assert codes(m, "circular-support") == [("a", "b")]


# -- premise-is-conclusion ----------------------------------------------------------------------

def test_a_claim_as_its_own_premise() -> None:
    m = ArgumentMap()
    t = m.claim("T", id="t")
    m.support(t, [t, m.claim("Other", id="o")], id="s")
    found = check(m, select=["premise-is-conclusion"])
    assert [f.nodes for f in found] == [("s", "t")]
    assert found[0].severity == "error"
    assert codes(m, "circular-support") == []  # reported once, not twice


def test_a_premise_restating_the_conclusion_is_a_duplicate_not_an_error() -> None:
    m = ArgumentMap()
    t = m.claim("Taxes should rise.", id="t")
    m.support(t, m.claim("TAXES should rise", id="p"), id="s")
    m.support(t, m.claim("Schools need money.", id="q"), id="s2")
    assert codes(m, "premise-is-conclusion") == []
    assert codes(m, "duplicate-claim") == [("p", "t")]


# -- duplicate-claim ---------------------------------------------------------------------------

def test_duplicates_after_normalising() -> None:
    m = ArgumentMap()
    m.claim("Cats  are\tgreat!", id="a")
    m.claim("cats are great", id="b")
    m.claim("Ｃａｔｓ are great.", id="c")  # full-width letters: NFKC makes them plain
    m.claim("Cats are not great.", id="d")
    assert codes(m, "duplicate-claim") == [("b", "a"), ("c", "a")]


def test_distinct_claims_are_not_duplicates() -> None:
    m = ArgumentMap()
    m.claim("Cats are great.", id="a")
    m.claim("Dogs are great.", id="b")
    assert codes(m, "duplicate-claim") == []


# -- isolated-claim -------------------------------------------------------------------------

def test_isolated_claims() -> None:
    m = ArgumentMap()
    m.claim("Only one", id="a")
    assert codes(m, "isolated-claim") == []
    t = m.claim("T", id="t")
    m.support(t, m.claim("R", id="r"), id="s")
    assert codes(m, "isolated-claim") == [("a",)]


# -- unknown-scheme ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["Argument From Expert Opinion", "ExpertOpinion", "expert_opinion",
                                  "Default Inference", "CauseToEffect", "practical reasoning"])
def test_known_scheme_spellings(name: str) -> None:
    m = ArgumentMap()
    t = m.claim("T", id="t")
    m.support(t, "R", scheme=name)
    assert codes(m, "unknown-scheme") == []


def test_unknown_scheme() -> None:
    m = ArgumentMap()
    t = m.claim("T", id="t")
    m.support(t, "R", id="s", scheme="Argument from Gut Feeling")
    m.support(t, "Q", id="plain")  # no scheme: nothing to check
    found = check(m, select=["unknown-scheme"])
    assert [f.nodes for f in found] == [("s",)]
    assert "Gut Feeling" in found[0].message and found[0].severity == "warning"


def test_catalogue_schemes_and_extra_scheme_names() -> None:
    from argmap.analysis.schemes import catalogue

    m = ArgumentMap()
    t = m.claim("T", id="t")
    for k, scheme in enumerate(catalogue().schemes):  # every catalogue scheme, by name and by id
        m.support(t, f"R{k}", scheme=scheme.name if k % 2 else scheme.id)
    m.support(t, "X", id="extra", scheme="analogy", data={"schemes": ["expert opinion", "astrology"]})
    m.support(t, "Y", id="rules", scheme="Specification, Modus ponens; CauseToEffect")
    found = check(m, select=["unknown-scheme"])
    assert [f.nodes for f in found] == [("extra",)]
    assert "'astrology'" in found[0].message


def test_scheme_keys_are_normal_forms() -> None:
    assert all(scheme_key(k) == k for k in KNOWN_SCHEMES)


# -- the term heuristics ------------------------------------------------------------------------

def test_stemming_and_stop_words() -> None:
    assert stem("uniforms") == stem("uniform")
    assert stem("requires") == stem("required") == stem("requiring") == stem("require")
    assert stem("cities") == "city"
    assert key_terms("It is not the case that the cat sat.") == {"case", "cat", "sat"}
    assert key_terms("Schools' uniforms") == key_terms("school uniform")


def test_lonely_premise() -> None:
    m = ArgumentMap()
    t = m.claim("Cats are better pets than dogs.", id="t")
    m.support(t, m.claim("Cats need no walks.", id="p"), id="s")
    found = check(m, select=["lonely-premise"])
    assert [f.nodes for f in found] == [("s", "p")]
    assert "'better', 'pets', 'dogs'" in found[0].message
    assert "'need', 'walks'" in found[0].message
    assert "heuristic" in found[0].message and found[0].severity == "hint"


def test_a_fully_linked_step_is_not_lonely() -> None:
    m = ArgumentMap()
    t = m.claim("Cats are better pets than dogs.", id="t")
    m.support(t, [m.claim("Cats need no walks.", id="p"),
                  m.claim("Pets that need no walks are better than dogs.", id="w")], id="s")
    assert codes(m, "lonely-premise") == []
    assert codes(m, "rabbit-rule") == []
    assert codes(m, "holding-hands") == []


def test_a_one_premise_step_sharing_all_terms_is_not_lonely() -> None:
    m = ArgumentMap()
    t = m.claim("The bridge is unsafe.", id="t")
    m.support(t, m.claim("Engineers found the bridge unsafe.", id="p"), id="s")
    (f,) = check(m, select=["lonely-premise"])
    assert "the premise speaks of 'engineers', 'found'," in f.message  # stray words, nothing else
    assert "the conclusion speaks of" not in f.message
    m2 = ArgumentMap()
    t2 = m2.claim("The bridge is unsafe.", id="t")
    m2.support(t2, m2.claim("Unsafe is the bridge, surely.", id="p"), id="s")
    assert codes(m2, "lonely-premise") == [("s", "p")]  # 'surely' -> 'sure' is a stray term
    m3 = ArgumentMap()
    t3 = m3.claim("The bridge is unsafe.", id="t")
    m3.support(t3, m3.claim("Unsafe: the bridge.", id="p"), id="s")
    assert codes(m3, "lonely-premise") == []


def test_rabbit_rule() -> None:
    m = ArgumentMap()
    t = m.claim("Socrates is mortal.", id="t")
    m.support(t, [m.claim("Socrates is human.", id="a"), m.claim("Humans are wise.", id="b")], id="s")
    found = check(m, select=["rabbit-rule"])
    assert [f.nodes for f in found] == [("s", "t")]
    assert "'mortal'" in found[0].message and "heuristic" in found[0].message


def test_rabbit_rule_leaves_undercuts_alone() -> None:
    m = ArgumentMap()
    t = m.claim("Socrates is mortal.", id="t")
    s = m.support(t, [m.claim("Socrates is human.", id="a"), m.claim("Humans are mortal.", id="b")], id="s")
    m.undercut(s, [m.claim("Robots exist.", id="u1"), m.claim("Robots exist widely.", id="u2")], id="u")
    assert codes(m, "rabbit-rule") == []


def test_holding_hands() -> None:
    m = ArgumentMap()
    t = m.claim("Socrates is mortal.", id="t")
    m.support(t, [m.claim("Socrates is human.", id="a"),
                  m.claim("Humans are mortal.", id="b"),
                  m.claim("Plato wrote dialogues.", id="c")], id="s")
    found = check(m, select=["holding-hands"])
    assert [f.nodes for f in found] == [("c", "s")]
    assert "'plato', 'wrote', 'dialogues'" in found[0].message


def test_looks_linked() -> None:
    m = ArgumentMap()
    t = m.claim("Socrates is mortal.", id="t")
    m.support(t, m.claim("Socrates is human.", id="a"), id="r1")
    m.support(t, m.claim("All humans are mortal.", id="b"), id="r2")
    m.attack(t, m.claim("Socrates is a legend.", id="c"), id="o")  # other polarity: not paired
    found = check(m, select=["looks-linked"])
    assert [f.nodes for f in found] == [("r1", "r2", "t")]
    # The pair is reported once, as looks-linked, not again as two lonely premises.
    assert codes(m, "lonely-premise") == [("o", "c")]


def test_independent_reasons_do_not_look_linked() -> None:
    m = ArgumentMap()
    t = m.claim("Socrates is mortal.", id="t")
    m.support(t, m.claim("Socrates is a mortal human.", id="a"), id="r1")
    m.support(t, m.claim("Socrates aged like every mortal.", id="b"), id="r2")
    assert codes(m, "looks-linked") == []


# -- the table and its documentation ----------------------------------------------------------

def test_every_check_is_documented(pytestconfig: pytest.Config) -> None:
    doc = (pytestconfig.rootpath / "docs" / "checks.md").read_text("utf-8")
    for code, c in CHECKS.items():
        assert f"`{code}`" in doc, code
        assert c.severity in ("error", "warning", "hint")


# -- the shared index ---------------------------------------------------------------------------

def test_a_check_called_alone_sees_the_map_as_it_is_now() -> None:
    from argmap.analysis.checks.structure import unsupported

    m = ArgumentMap()
    t = m.claim("Tea is good.", id="t")
    assert [nodes for nodes, _ in unsupported(m)] == [("t",)]
    m.support(t, m.claim("Tea has flavour.", id="f", sources=[Source(author="A")]))
    assert [nodes for nodes, _ in unsupported(m)] == []


def test_one_index_is_shared_within_a_check_run_and_dropped_after_it() -> None:
    from argmap.analysis.checks.facts import facts_of, shared_facts

    m = ArgumentMap()
    m.claim("T", id="t")
    with shared_facts(m):
        assert facts_of(m) is facts_of(m)
        other = ArgumentMap()
        assert facts_of(other) is not facts_of(other)  # another map is not shared
    assert facts_of(m) is not facts_of(m)


def test_holding_hands_on_a_step_with_many_premises_counts_terms_once() -> None:
    # Every premise speaks of tea, as the conclusion does, and premise k alone of a made-up word
    # of its own (letters only, no suffix the stemmer would cut): one stray term each.
    letters = "bcfhjkmnpqrtvwxz"

    def word(k: int) -> str:
        return "q" + "".join(letters[(k >> shift) & 15] for shift in (8, 4, 0))

    m = ArgumentMap()
    t = m.claim("Tea matters.", id="t")
    premises = [m.claim(f"Tea {word(k)}.", id=f"p{k}") for k in range(300)]
    m.support(t, premises, id="s")
    hits = [nodes for nodes, _ in CHECKS["holding-hands"].run(m)]
    assert len(hits) == 300 and hits[0] == ("p0", "s")


def test_a_message_written_when_read_says_what_it_said_when_the_check_ran() -> None:
    import copy
    import pickle

    m = ArgumentMap()
    t = m.claim("Cats are better pets than dogs.", id="t")
    m.support(t, m.claim("Cats need no walks.", id="p"), id="s")
    findings = check(m)
    m.graph.nodes["p"]["text"] = "Something else entirely."  # after the run: the findings stand
    m.graph.nodes["t"]["text"] = "Another thesis."
    lonely = next(f for f in findings if f.code == "lonely-premise")
    assert '"Cats need no walks."' in lonely.message
    assert "'better', 'pet', 'dog'" not in lonely.message  # words as written, not stems
    assert "the conclusion speaks of 'better', 'pets', 'dogs'" in lonely.message
    unsupported = next(f for f in findings if f.code == "unsupported" and f.nodes == ("p",))
    assert str(unsupported).startswith("unsupported: claim 'p' \"Cats need no walks.\" has neither")
    # Once read, or copied, pickled, compared, printed: always the text.
    for same in (copy.copy(lonely), pickle.loads(pickle.dumps(lonely))):
        assert same == lonely and same.message == lonely.message and hash(same) == hash(lonely)
    assert lonely.to_dict()["message"] == lonely.message
    assert isinstance(pickle.loads(pickle.dumps(findings[0])).__dict__["message"], str)


def test_a_finding_takes_its_message_as_text_or_as_a_function_of_none() -> None:
    from argmap.analysis.checks.finding import Finding

    written = Finding("unsupported", "warning", ("c",), "claim 'c' has no reason", "a.json")
    later = Finding("unsupported", "warning", ("c",), lambda: "claim 'c' has no reason", "a.json")
    assert later == written and repr(later) == repr(written)
    assert str(later) == "a.json: unsupported: claim 'c' has no reason"
    with pytest.raises(AttributeError):
        later.message = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Finding("unsupported", "warning", ("c",))  # type: ignore[call-arg]


def test_a_broken_map_called_check_by_check_counts_only_attacks_as_attacks() -> None:
    # A step of neither polarity (a hand edit) answers nothing and is answered by nothing.
    m = ArgumentMap()
    t = m.claim("T", id="t")
    o = m.attack(t, m.claim("O", id="o"), id="a")
    m.attack(o.premise, m.claim("R", id="r"), id="b")
    m.graph.nodes["b"]["polarity"] = "sideways"
    assert [nodes for nodes, _ in CHECKS["unanswered-objection"].run(m)] == [("a", "o")]
