"""Argdown reader and writer: every construct, every error path, hostile text, round trips."""

from __future__ import annotations

import string
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, Source
from argmap.errors import ParseError
from argmap.formats.argdown import parse, statistics
from argmap.formats.argdown.writer import escape_text
from argmap.validation import problems

sys.path.insert(0, str(Path(__file__).parent))  # the shared helpers beside this file
from argdown_support import canonical  # noqa: E402


def read(text: str, path: str | None = None) -> ArgumentMap:
    m = argmap.loads(text, "argdown", path=path) if path else argmap.loads(text, "argdown")
    assert problems(m) == []
    return m


def claim(m: ArgumentMap, label: str) -> argmap.Claim:
    found = [c for c in m.claims if c.label == label]
    assert len(found) == 1, [c.label for c in m.claims]
    return found[0]


def claim_text(m: ArgumentMap, text: str) -> argmap.Claim:
    found = [c for c in m.claims if c.text == text]
    assert len(found) == 1, [c.text for c in m.claims]
    return found[0]


def round_trip(m: ArgumentMap) -> ArgumentMap:
    text = argmap.dumps(m, "argdown")
    again = argmap.loads(text, "argdown")
    assert canonical(again) == canonical(m), text
    return again


# -- registration ---------------------------------------------------------------------------

def test_registered_by_name_and_suffix(tmp_path: Path) -> None:
    fmt = argmap.formats.get("argdown")
    assert fmt.suffixes == (".argdown", ".ad") and fmt.can_read and fmt.can_write
    for name in ("map.argdown", "map.ad"):
        (tmp_path / name).write_text("[A]: a\n  + b\n", encoding="utf-8")
        m = argmap.load(tmp_path / name)
        assert m.graph.graph["path"] == str(tmp_path / name)
        argmap.dump(m, tmp_path / ("out" + name[3:]))
        assert argmap.load(tmp_path / ("out" + name[3:])).claims[0].text == "a"


# -- statements -----------------------------------------------------------------------------

def test_statements_with_one_title_are_one_claim() -> None:
    m = read("[Tea]: Tea is good.\n\n[Tea]\n\n[Tea]: Tea is fine.\n")
    tea = claim(m, "Tea")
    assert tea.text == "Tea is good." and tea.data == {"argdown": {"texts": ["Tea is fine."]}}
    assert statistics(parse("[Tea]: a\n\n[Tea]\n"))["statement_members"] == 2
    round_trip(m)


def test_anonymous_statements_and_continuation_lines() -> None:
    m = read("A text that goes on\n  over two lines.\n\nAnother one.\n")
    assert sorted(c.text for c in m.claims) == ["A text that goes on over two lines.", "Another one."]
    assert all(c.label is None for c in m.claims)


def test_referenced_only_statement_shows_its_title() -> None:
    m = read("[A]: a\n  + [Ghost]\n")
    ghost = claim(m, "Ghost")
    assert ghost.text == "Ghost" and ghost.data == {"argdown": {"untexted": True}}
    round_trip(m)


def test_mentions_stay_in_the_text_and_make_no_node() -> None:
    m = read("[A]: As @[B] and @<C> say.\n")
    assert len(m) == 1 and m.claims[0].text == "As @[B] and @<C> say."


def test_lines_are_recorded() -> None:
    m = read("\n[A]: a\n  + [B]: b\n")
    assert m.graph.nodes[claim(m, "A").id]["line"] == 2
    assert m.graph.nodes[claim(m, "B").id]["line"] == 3
    assert m.graph.nodes[m.inferences[0].id]["line"] == 3


# -- relations ------------------------------------------------------------------------------

@pytest.mark.parametrize(("symbol", "polarity", "child_is_premise", "relation"), [
    ("+", "support", True, None), ("<+", "support", True, None),
    ("-", "attack", True, None), ("<-", "attack", True, None),
    ("_", "attack", True, "undercut"), ("<_", "attack", True, "undercut"),
    ("+>", "support", False, None), ("->", "attack", False, None),
    ("_>", "attack", False, "undercut"), ("><", "attack", False, "contradictory"),
])
def test_each_relation_token(symbol: str, polarity: str, child_is_premise: bool, relation: str | None) -> None:
    m = read(f"[P]: parent\n  {symbol} [C]: child\n")
    inf = next(i for i in m.inferences if not i.data.get("argdown", {}).get("mirror"))
    premise, target = ("C", "P") if child_is_premise else ("P", "C")
    assert inf.polarity == polarity
    assert inf.premise.label == premise and inf.target.label == target
    assert inf.data.get("argdown", {}).get("relation") == relation
    round_trip(m)


def test_contradiction_attacks_both_ways() -> None:
    m = read("[A]: a\n  >< [B]: b\n")
    assert sorted((i.premise.label, i.target.label) for i in m.inferences) == [("A", "B"), ("B", "A")]
    assert statistics(parse("[A]: a\n  >< [B]: b\n"))["relations"] == 1
    # the author's thesis, only contradicted, is still the thesis; the contradiction objects to it
    assert m.thesis is not None and m.thesis.label == "A"
    assert [(c.label, c.role) for c in m.claims] == [("A", "thesis"), ("B", "objection")]
    assert {i.role for i in m.inferences} == {"objection"}


def test_a_contradiction_declared_both_ways_is_one() -> None:
    text = "[A]: a\n  >< [B]: b\n\n[B]\n  >< [A]\n"
    assert statistics(parse(text))["relations_by_type"] == {"contradictory": 1}
    assert len(read(text).inferences) == 2  # one symmetric relation: an attack each way


STRICT = "===\nmodel:\n  mode: strict\n===\n\n"


def test_strict_mode_contraries_declared_both_ways_are_one() -> None:
    text = STRICT + "[A]: a\n  - [B]: b\n\n[B]\n  - [A]\n"
    assert statistics(parse(text))["relations_by_type"] == {"contrary": 1}
    m = read(text)
    assert len(m.inferences) == 2 and m.thesis is not None and m.thesis.label == "A"
    loose = "[A]: a\n  - [B]: b\n\n[B]\n  - [A]\n"  # loose mode: two attacks, as Argdown counts them
    assert statistics(parse(loose))["relations_by_type"] == {"attack": 2}


def test_strict_mode_merges_an_argument_relation_with_its_conclusions() -> None:
    text = STRICT + "[T]: t\n  + <A>\n\n<A>\n\n(1) p\n----\n(2) [C]: c\n  +> [T]\n"
    assert statistics(parse(text))["relations_by_type"] == {"entails": 1}
    m = read(text)
    into_t = [i for i in m.inferences if i.target.label == "T"]
    assert len(into_t) == 1 and into_t[0].premise.label == "C"
    assert into_t[0].data == {"argdown": {"relation": "entails"}}
    round_trip(m)


def test_an_attack_on_an_argument_implied_by_an_attack_on_its_premise_is_dropped() -> None:
    text = ("<A>\n\n(1) [P]: p\n(2) [Q]: q\n----\n(3) [C]: c\n\n"
            "[X]: x\n  -> [P]\n  -> <A>\n\n[Y]: y\n  >< [Q]\n  -> <A>\n\n[Z]: z\n  -> [C]\n  -> <A>\n")
    stats = statistics(parse(text))
    # X and Y already attack or contradict a premise of <A>; Z attacks its conclusion: that stays
    assert stats["relations_by_type"] == {"attack": 3, "contradictory": 1}
    m = read(text)
    on_the_step = {i.premise.label for i in m.inferences if i.target.id == claim(m, "C").incoming[0].id}
    assert on_the_step == {"Z"}


def test_strict_mode_relations_between_statements() -> None:
    text = "===\nmodel:\n  mode: strict\n===\n\n[A]: a\n  + [B]: b\n  - [C]: c\n  + <D>: d\n"
    stats = statistics(parse(text))
    assert stats["relations_by_type"] == {"contrary": 1, "entails": 1, "support": 1}
    m = read(text)
    assert {i.data.get("argdown", {}).get("relation") for i in m.inferences} == {"entails", "contrary", None}
    round_trip(m)


def test_nested_trees_and_dedent_to_between_levels() -> None:
    m = read("[A]: a\n  + [B]: b\n      + [C]: c\n    - [D]: d\n")
    pairs = {(i.premise.label, i.target.label, i.polarity) for i in m.inferences}
    assert pairs == {("B", "A", "support"), ("C", "B", "support"), ("D", "A", "attack")}


def test_relations_declared_twice_count_once() -> None:
    text = "[A]: a\n  + [B]: b\n\n[A]\n  + [B]\n"
    assert statistics(parse(text))["relations"] == 1
    assert len(read(text).inferences) == 1


def test_comments_inside_a_tree_do_not_split_it() -> None:
    m = read("[A]: a\n  + b // why\n  <!--\n  a note\n  -->\n  /* x */\n  - c\n")
    assert {i.premise.text for i in m.inferences} == {"b", "c"}


# -- arguments ------------------------------------------------------------------------------

def test_sketched_argument_is_a_reason_claim() -> None:
    m = read("[T]: t\n  + <Warm>: Tea warms you. #cosy {weight: 2}\n")
    warm = claim(m, "Warm")
    assert warm.text == "Tea warms you." and warm.tags == ["cosy"]
    assert warm.data == {"weight": 2, "argdown": {"argument": True}}
    assert warm.inferences[0].target.label == "T"
    round_trip(m)


def test_reconstructed_argument_is_an_inference_from_its_premises() -> None:
    m = read("<Warm>: Tea warms. #cosy\n\n(1) [Cold]: It is cold.\n(2) Warm drinks help.\n"
             "-- Modus ponens {certainty: high} --\n(3) [Tea]: Drink tea.\n")
    step = next(i for i in m.inferences)
    assert step.label == "Warm" and step.note == "Tea warms." and step.scheme == "Modus ponens"
    assert {p.text for p in step.premises} == {"It is cold.", "Warm drinks help."}
    assert step.target.label == "Tea"
    assert step.data["argdown"]["inference_data"] == {"certainty": "high"}
    assert step.data["argdown"]["tags"] == ["cosy"]
    round_trip(m)


def test_multi_step_argument_is_a_chain_and_uses_picks_premises() -> None:
    text = ("<Chain>\n\n(1) a\n(2) b\n----\n(3) c\n(4) d\n--\n{uses: [1, 4]}\n--\n(5) e\n----\n"
            "(6) f {uses: [3, 5]}\n")
    m = read(text)
    steps = sorted(m.inferences, key=lambda i: i.data["argdown"]["step"])
    assert [sorted(p.text for p in s.premises) for s in steps] == [["a", "b"], ["a", "d"], ["c", "e"]]
    assert [m.claims[s.target.id].text for s in steps] == ["c", "e", "f"]
    assert steps[-1].label == "Chain" and steps[0].label is None
    round_trip(m)


def test_pcs_attaches_to_the_argument_paragraph_before_it() -> None:
    doc = parse("<A>\n  + [B]: b\n\n(1) p\n----\n(2) c\n")
    assert doc.arguments["A"].pcs
    doc = parse("<A>: a\n\n# H\n\n(1) p\n----\n(2) c\n")
    assert not doc.arguments["A"].pcs and len(doc.arguments) == 2


def test_relation_on_argument_moves_to_its_conclusion() -> None:
    m = read("<A>\n  +> [T]: t\n\n(1) p\n----\n(2) c\n")
    rel = next(i for i in m.inferences if i.target.label == "T")
    assert rel.premise.text == "c" and rel.data == {"argdown": {"from": "A"}}
    round_trip(m)


def test_undercuts() -> None:
    m = read("<A>\n  _ [U]: u\n  - [V]: v\n\n(1) p\n----\n(2) c\n")
    step = next(i for i in m.inferences if i.label == "A")
    roles = {i.premise.label: (i.role, i.data.get("argdown", {}).get("relation")) for i in step.incoming}
    assert roles == {"U": ("undercut", None), "V": ("undercut", "attack")}
    sketch = read("[T]: t\n  + <S>: s\n    _ [U]: u\n")
    cut = next(i for i in sketch.inferences if i.premise.label == "U")
    assert cut.role == "undercut" and sketch.inferences[cut.target.id].premise.label == "S"
    on_step = read("<A>\n\n(1) p\n----\n  <_ [U]: u\n(2) c\n")
    assert next(i for i in on_step.inferences if i.premise.label == "U").target.label == "A"
    for m2 in (m, sketch, on_step):
        round_trip(m2)


# -- tags, data, front matter, sections ------------------------------------------------------

def test_tags_trailing_ones_leave_the_text() -> None:
    m = read("[A]: We #really like it. #pets #(house animals)\n")
    a = claim(m, "A")
    assert a.text == "We #really like it." and a.tags == ["really", "pets", "house animals"]
    round_trip(m)


def test_inline_and_block_data() -> None:
    m = read("[A]: a {k: v, n: [1, 2]}\n\n[B] {\n  sources:\n    - one\n    - two\n}\n")
    assert claim(m, "A").data == {"k": "v", "n": [1, 2]}
    assert claim(m, "B").data["sources"] == ["one", "two"]


def test_front_matter_title_author_config() -> None:
    m = read("===\ntitle: Lunch\nauthor: Ann\ncolor:\n  colorScheme: x\n===\n\n[A]: a\n")
    assert m.title == "Lunch" and m.meta["author"] == "Ann" and m.meta["color"] == {"colorScheme": "x"}
    round_trip(m)


def test_headings_are_groups_and_nest() -> None:
    m = read("# One\n\n[A]: a\n\n## Two {k: 1}\n\n[B]: b\n  + c\n\n# Three\n\n[C]: x\n")
    assert [claim(m, x).group for x in "ABC"] == ["One", "Two", "Three"]
    assert claim_text(m, "c").group == "Two"
    assert [s["level"] for s in m.meta["argdown"]["sections"]] == [1, 2, 1]
    assert statistics(parse("# One\n\n## Two\n\n[A]: a\n"))["sections"] == 2
    round_trip(m)


def test_lists_hold_statements() -> None:
    m = read("* [A]: first\n* second\n  continued\n  + reason\n\n1. third\n2. fourth\n")
    assert {c.text for c in m.claims} == {"first", "second continued", "reason", "third", "fourth"}


def test_escapes() -> None:
    m = read("[A]: 5 \\< 6 \\# not a tag \\{not data\\} \\[x\\] \\\\ \\// kept\n")
    a = claim(m, "A")
    assert a.text == "5 < 6 # not a tag {not data} [x] \\ // kept" and a.tags == [] and a.data == {}
    round_trip(m)


def test_windows_and_old_mac_line_endings_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "x.argdown"
    path.write_bytes(b"\xef\xbb\xbf[A]: a\r\n  + b\r\n\r[B]: c\r")
    m = argmap.load(path)
    assert {c.text for c in m.claims} == {"a", "b", "c"}


# -- includes -------------------------------------------------------------------------------

def test_include_reads_relative_files_once(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "part.argdown").write_text("[B]: b\n\n@include(../main.argdown)\n", encoding="utf-8")
    main = tmp_path / "main.argdown"
    main.write_text("[A]: a\n\n@include(sub/part.argdown)\n\n[A]\n  + [B]\n", encoding="utf-8")
    m = argmap.load(main)
    assert {c.label for c in m.claims} == {"A", "B"} and len(m.inferences) == 1


def test_include_errors(tmp_path: Path) -> None:
    main = tmp_path / "main.argdown"
    main.write_text("[A]: a\n\n@include(missing.argdown)\n", encoding="utf-8")
    with pytest.raises(ParseError, match="missing.argdown.*does not exist") as info:
        argmap.load(main)
    assert (info.value.path, info.value.line) == (str(main), 3)
    main.write_text("@include(../outside.argdown)\n", encoding="utf-8")
    with pytest.raises(ParseError, match="only files inside"):
        argmap.load(main)
    main.write_text("@include(/etc/passwd)\n", encoding="utf-8")
    with pytest.raises(ParseError, match="only files inside"):
        argmap.load(main)
    with pytest.raises(ParseError, match="no file name"):
        argmap.loads("@include(x.argdown)\n", "argdown")
    main.write_text("@include(x.argdown\n", encoding="utf-8")
    with pytest.raises(ParseError, match="never closed"):
        argmap.load(main)
    (tmp_path / "bin.argdown").write_bytes(b"\xff\xfe")
    main.write_text("@include(bin.argdown)\n", encoding="utf-8")
    with pytest.raises(ParseError, match="not UTF-8"):
        argmap.load(main)


# -- errors ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "line", "column", "message"), [
    ("a\n\n    + b\n", 3, 5, "cannot start with the relation"),
    ("[A]: a\n+ [B]: b\n", 2, 1, "must be indented"),
    ("[A]: a\n    + b\n  - c\n", 3, 3, "indentation matches no relation"),
    ("[A]: a\n  +\n", 2, 4, "needs a statement or argument"),
    ("* a\n  * b\n", 2, 3, "nested lists"),
    ("[A] more\n", 1, 5, "unexpected text after the reference"),
    ("<A>(1): x\n", 1, 4, "unexpected text after the reference"),
    ("text [A] here\n", 1, 6, "inside a text"),
    ("[A]: 1 < 2 > 0\n", 1, 8, "inside a text"),
    ("[A]: a\n[B]: b\n", 2, 1, "without an empty line"),
    ("# H\n## I\n", 2, 1, "without an empty line"),
    ("text\n(1) p\n----\n(2) c\n", 2, 1, "without an empty line"),
    ("(1) p\n(2) q\n", 1, 1, "needs an inference line"),
    ("----\n", 1, 1, "must follow numbered premises"),
    ("(1) p\n----\n----\n(2) c\n", 3, 1, "two inference lines"),
    ("(1) p\n----\n", 2, 1, "followed by its conclusion"),
    ("(1) p\n----\ntext\n", 3, 1, "followed by its conclusion"),
    ("(1) <A>\n----\n(2) c\n", 1, 5, "cannot be a premise"),
    ("(1)\n----\n(2) c\n", 1, 4, "needs text"),
    ("(1) p\n-- rule\n(2) c\n", 2, 1, "two hyphens"),
    ("(1) p\n--\nrule\n(2) c\n", 2, 1, "two hyphens"),
    ("[A]: a {k: [1}\n", 1, 14, "invalid YAML"),
    ("[A]: a {k: 1\n", 1, 8, "never closed"),
    ("[A]: a {k: 1} tail\n", 1, 15, "data must come last"),
    ("[A]: a {\n  k: 1\n", 1, 1, "block data"),
    ("[A]: a {\n  k: [\n}\n", 3, 1, "invalid YAML"),
    ("[A]: {- 1}\n", 1, None, "invalid YAML"),
    ("===\ntitle: [x\n===\n\n[A]: a\n", 3, 1, "front matter"),
    ("===\ntitle: T\n===\n", 3, 4, "empty line after the front matter"),
    ("===\ntitle: T\n", 1, 1, "never closed"),
    ("===\n- a list\n===\n\n[A]: a\n", 2, 1, "key: value"),
    ("[A]: a /* open\n\n[B]: b\n", 1, 8, "never closed"),
    ("<A>\n\n(1) p\n----\n(2) c\n\n<A>\n\n(1) q\n----\n(2) d\n", 9, 1, "already has"),
    ("[A]: a\n  + [A]\n", 2, 3, "itself"),
    ("#\n", 1, 1, "heading needs a title"),
    ("[A]: a\n  + [B]\n    more text\n", 3, 5, "cannot continue"),
])
def test_bad_input_gives_a_located_error(text: str, line: int, column: int | None, message: str) -> None:
    with pytest.raises(ParseError, match=message) as info:
        argmap.loads(text, "argdown", path="x.argdown")
    assert info.value.path == "x.argdown"
    assert info.value.line == line
    if column is not None:
        assert info.value.column == column


def test_non_utf8_file_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "x.argdown"
    path.write_bytes(b"[A]: caf\xe9\n")
    with pytest.raises(ParseError, match="UTF-8") as info:
        argmap.load(path)
    assert info.value.line == 1


# -- hostile text ---------------------------------------------------------------------------

def test_markup_and_control_characters_are_just_text() -> None:
    m = read("[A]: \\<script\\> alert(1) \\</script\\> \x00 \x07 $\\{x\\} `rm -rf`\n")
    assert "alert(1)" in claim(m, "A").text
    dot = m.to_dot().source
    assert "<script>" not in dot


def test_yaml_tags_cannot_build_objects() -> None:
    with pytest.raises(ParseError, match="invalid YAML"):
        argmap.loads("[A]: a {x: !!python/object/apply:os.system [echo hi]}\n", "argdown")
    with pytest.raises(ParseError, match="invalid YAML"):
        argmap.loads("===\nx: !!python/name:os.system\n===\n\n[A]: a\n", "argdown")


def test_deep_and_long_input_does_not_overflow() -> None:
    deep = "[A]: a\n" + "".join(" " * (2 * i + 2) + f"+ s{i}\n" for i in range(3000))
    m = read(deep)
    assert len(m.claims) == 3001
    assert len(round_trip(m).claims) == 3001
    wide = read("[A]: " + "word " * 50_000 + "\n")
    assert len(wide.claims[0].text) > 200_000


@pytest.mark.parametrize("junk", ["<", "#(", "[x", " #t", "](", "@[", "{", "/*", "\\"])
def test_repeated_syntax_characters_are_read_quickly(junk: str) -> None:
    # each of these once made a search quadratic in the line's length
    text = "a " + junk * 20_000
    try:
        m = argmap.loads(text, "argdown")
    except ParseError as err:
        assert err.line == 1
    else:
        assert argmap.loads(argmap.dumps(m, "argdown"), "argdown").claims[0].text == m.claims[0].text


def test_billion_laughs_yaml_is_bounded() -> None:
    bomb = "{a: &a [x, x, x, x, x, x, x, x, x], b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a], c: [*b, *b, *b]}"
    with pytest.raises(ParseError, match="aliases"):
        argmap.loads(f"[A]: a {bomb}\n", "argdown")
    with pytest.raises(ParseError, match="aliases"):
        argmap.loads(f"===\nx: {bomb}\n===\n\n[A]: a\n", "argdown")


# -- the writer -----------------------------------------------------------------------------

def test_escape_text_keeps_syntax_out() -> None:
    hostile = "+ [x]: <y> {z} #t // c /* d */ <!-- e --> \\ (1) @include(f)"
    m = ArgumentMap()
    m.claim(hostile, label="Odd ] title >")
    again = round_trip(m)
    assert again.claims[0].text == hostile
    for start in ("(1) x", "1. x", "* x", "# x", "- x", "=== x", "_ x", "@include(a)", ">< x", "<+ x"):
        assert read(escape_text(start)).claims[0].text == start


def test_writer_keeps_what_argdown_has_no_slot_for() -> None:
    m = ArgumentMap(title="Lunch", author="Ann", date="2026-11-28")
    t = m.claim("We should eat out.", label="Lunch", tags=["food", "two words"], rating=0.5,
                note="asked at noon", data={"side": "pro", "url": "https://x.org/a//b"},
                sources=[Source(author="Ann", url="https://x.org/<!--", quote="a /* b */")], group="Talk")
    r = m.support(t, ["The fridge is empty.", "Shops are closed."], label="Empty", scheme="Practical reasoning",
                  note="Nothing at home.", data={"k": 1}, sources=[Source(title="Diary")])
    m.undercut(r, "The freezer is full.")
    o = m.attack(t, "It costs money.")
    m.attack(o, "Lunch specials are cheap.")
    m.attack(t, ["Linked one.", "Linked two."])
    m.support(m.claim("Stray thought.", group="Other"), "A reason for it.")
    again = round_trip(m)
    assert claim(again, "Lunch").sources[0].url == "https://x.org/<!--"
    assert claim(again, "Lunch").rating == 0.5


def test_claims_used_twice_get_a_title_that_reads_back_untitled() -> None:
    m = ArgumentMap()
    shared = m.claim("Shared premise.")
    m.support(m.claim("T1"), [shared, "One premise."])
    m.support(m.claim("T2"), [shared, "Other premise."])
    text = argmap.dumps(m, "argdown")
    assert "[shared-premise]" in text
    again = round_trip(m)
    assert all(c.label is None for c in again.claims)


def test_the_flagship_example_round_trips() -> None:
    from argmap.gallery import conscription, uniforms

    round_trip(conscription.build_map())
    for name in dir(uniforms):
        if name.startswith("build"):
            round_trip(getattr(uniforms, name)())


_text = st.text(alphabet=string.ascii_letters + " #[]<>{}()/*-+_@\\!:.,'\"=é", min_size=1, max_size=30) \
    .map(str.strip).filter(bool)


@st.composite
def maps(draw: st.DrawFn) -> ArgumentMap:
    m = ArgumentMap(title=draw(st.none() | _text))
    texts = draw(st.lists(_text, min_size=1, max_size=8, unique=True))
    claims = [m.claim(t, label=draw(st.none() | st.just(f"L{i}")), tags=draw(st.lists(
        st.sampled_from(["a", "b c", "d-e"]), unique=True, max_size=2)),
        group=draw(st.none() | st.sampled_from(["G1", "G2"]))) for i, t in enumerate(texts)]
    for _ in range(draw(st.integers(0, 8))):
        target = draw(st.sampled_from(claims + m.inferences))
        pool = [c for c in claims if c.id != target.id and
                (not isinstance(target, argmap.Inference) or c.id not in {p.id for p in target.premises})]
        if not pool:
            continue
        premises = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique=True))
        polarity = draw(st.sampled_from(["support", "attack"]))
        if isinstance(target, argmap.Inference) and polarity == "support":
            polarity = "attack"
        m.infer(polarity, target, premises, label=draw(st.none() | st.just("Arg")))
    return m


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_argmap_built_maps_round_trip(m: ArgumentMap) -> None:
    round_trip(m)


# -- our fixtures against Argdown 2.0 ------------------------------------------------------------

FIXTURES = Path(__file__).parent / "fixtures" / "argdown"


def _argdown_counts() -> list[dict[str, str]]:
    import csv

    with (FIXTURES / "argdown-counts.tsv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


COUNTED = _argdown_counts()


def _ours(text: str, path: str | None = None) -> tuple[int, int, dict[str, int]]:
    stats = statistics(parse(text, path))
    return stats["statements_equivalence_classes"], stats["arguments"], stats["relations_by_type"]


def _theirs(exported: Path) -> tuple[int, int, dict[str, int]]:
    import json
    from collections import Counter

    data = json.loads(exported.read_text(encoding="utf-8"))
    by_type = Counter(rel["relationType"] for rel in data["relations"])
    return len(data["statements"]), len(data["arguments"]), dict(sorted(by_type.items()))


def test_every_good_fixture_has_argdown_counts() -> None:
    exported = {p.name for p in (FIXTURES / "good").glob("*.argdown") if not p.name.startswith("_")}
    assert {row["file"] for row in COUNTED} == exported


@pytest.mark.parametrize("row", COUNTED, ids=[r["file"] for r in COUNTED])
def test_fixture_counts_are_argdown_2s(row: dict[str, str]) -> None:
    import json

    path = FIXTURES / "good" / row["file"]
    expected = (int(row["statements"]), int(row["arguments"]), json.loads(row["relations_by_type"]))
    assert _ours(path.read_text(encoding="utf-8"), str(path)) == expected


def _run_argdown(source: Path, out: Path) -> None:
    import subprocess

    from argdown_support import argdown_cli

    cli = argdown_cli()
    assert cli is not None
    subprocess.run([cli, "json", str(source / "*.argdown"), str(out)], cwd=source, capture_output=True,
                   timeout=300, check=False)


def _needs_argdown() -> pytest.MarkDecorator:
    from argdown_support import argdown_cli

    return pytest.mark.skipif(argdown_cli() is None, reason="node or the Argdown 2.0 CLI is not installed "
                              "(python bench/argdown_bench.py installs it)")


@_needs_argdown()
def test_argdown_still_counts_the_fixtures_as_recorded(tmp_path: Path) -> None:
    import json

    _run_argdown(FIXTURES / "good", tmp_path)
    for row in COUNTED:
        exported = tmp_path / row["file"].replace(".argdown", ".json")
        assert exported.is_file(), f"Argdown rejected {row['file']}"
        assert _theirs(exported) == (int(row["statements"]), int(row["arguments"]),
                                     json.loads(row["relations_by_type"])), row["file"]


@_needs_argdown()
def test_argdown_reads_what_we_write_of_the_fixtures_to_our_counts(tmp_path: Path) -> None:
    written = tmp_path / "in"
    written.mkdir()
    for row in COUNTED:
        m = argmap.load(FIXTURES / "good" / row["file"])
        (written / row["file"]).write_text(argmap.dumps(m, "argdown"), encoding="utf-8")
    _run_argdown(written, tmp_path / "out")
    for row in COUNTED:
        exported = tmp_path / "out" / row["file"].replace(".argdown", ".json")
        assert exported.is_file(), f"Argdown rejected our {row['file']}"
        assert _theirs(exported) == _ours((written / row["file"]).read_text(encoding="utf-8")), row["file"]


def test_strict_fixtures_build_one_step_per_relation_and_keep_the_thesis() -> None:
    def load(name: str) -> ArgumentMap:
        return argmap.load(FIXTURES / "good" / name)

    contraries = load("strict-contraries-both-ways.argdown")
    assert contraries.thesis is not None and contraries.thesis.label == "Weekend homework"
    assert len(contraries.inferences) == 7  # 3 contraries (2 steps each) and 1 entails
    lunch = load("strict-argument-and-conclusion.argdown")
    assert [i.premise.label for i in claim(lunch, "Longer lunch").incoming] == ["Not enough", "Miss the bus"]
    assert lunch.thesis is not None and lunch.thesis.label == "Longer lunch"
    debate = load("strict-debate.argdown")
    assert debate.thesis is not None and debate.thesis.label == "Later start"
    assert claim(debate, "Same start").role == "objection" and claim(debate, "New fleet").role == "objection"
    for name in ("contradiction-only.argdown", "contradiction-both-ways.argdown", "loose-attacks-both-ways.argdown"):
        m = load(name)
        assert m.thesis is not None and m.thesis.id == m.claims[0].id, name
        assert [c.role for c in m.claims].count("thesis") == 1, name


def test_the_readme_gives_the_number_of_fixtures() -> None:
    readme = " ".join((Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8").split())
    assert f"and agrees on all {len(COUNTED)} fixture files of our own" in readme
