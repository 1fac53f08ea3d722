"""argmap YAML: the canonical form round-trips; hand-writing shortcuts; errors located by line."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap import ParseError
from argmap.formats.argmap_json import to_dict
from argmap.gallery.conscription import build_map
from tests.formats.format_helpers import hostile_map


@pytest.mark.parametrize("build", [hostile_map, build_map, argmap.ArgumentMap])
def test_round_trip_is_lossless(build, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    m = build()
    argmap.dump(m, tmp_path / "m.yaml")
    back = argmap.load(tmp_path / "m.yaml")
    assert to_dict(back) == to_dict(m)
    assert argmap.dumps(back, "yaml") == (tmp_path / "m.yaml").read_text("utf-8")


def test_yaml_and_json_are_twins() -> None:
    m = build_map()
    from_yaml = argmap.loads(argmap.dumps(m, "yaml"), "yaml")
    assert to_dict(from_yaml) == to_dict(argmap.loads(argmap.dumps(m, "json"), "json"))


def test_nested_shortcuts_expand_to_the_canonical_form() -> None:
    m = argmap.loads(
        "title: Uniforms\n"
        "claims:\n"
        "  - id: t\n"
        "    text: Schools should require uniforms.\n"
        "    reasons:\n"
        "      - Uniforms reduce bullying.\n"
        "      - premises: [Uniforms are cheap., Cheap matters to parents.]\n"
        "        scheme: argument from consequences\n"
        "    objections:\n"
        "      - text: Uniforms limit self-expression.\n"
        "        label: Expression\n"
        "        objections: [Expression has other outlets.]\n"
        "inferences:\n"
        "  - {id: u, polarity: attack, premises: [t.1], target: support-t.1}\n",
        "yaml", path="u.yaml")
    assert [c.id for c in m.claims] == ["t", "t.1", "t.2a", "t.2b", "t.3", "t.3.1"]
    assert m.inferences["support-t.2"].linked and m.inferences["support-t.2"].scheme == "argument from consequences"
    assert m["attack-t.3.1"].role == "rebuttal" and m["u"].role == "undercut"
    assert m["t.3"].label == "Expression"
    assert m.graph.nodes["t.3.1"]["line"] == 12 and m.graph.nodes["u"]["line"] == 14
    canonical = argmap.dumps(m, "yaml")
    assert "reasons:" not in canonical
    assert to_dict(argmap.loads(canonical, "yaml")) == to_dict(m)


BAD = [
    ("", "empty", 1, 1),
    ("claims: [\n", "invalid YAML", 2, 1),
    ("claims:\n  - text: a\n   bad indent: b\n", "invalid YAML", 3, 4),
    ("- a\n- b\n", "not a list", 1, 1),
    ("title: x\n", "'claims' is a required property", 1, 1),
    ("claims:\n  - id: a\n    text: [1, 2]\n", "is not of type 'string'", 3, 11),
    ("claims:\n  - text: T\n    reasons:\n      - text: {a: 1}\n", "at /claims/0/reasons/0/text", 4, 15),
    ("claims:\n  - text: T\n    reasons: 5\n", "should be a list", 3, 14),
    ("claims:\n - id: a\n   text: A\n - id: a\n   text: B\n", "duplicate id 'a'", 4, 8),
    ("claims:\n - {id: a, text: A}\ninferences:\n - {id: i, polarity: support, premises: [zz], target: a}\n",
     "names premise 'zz', which is not defined", 4, 42),
    ("claims: !!python/object:os.system {}\n", "invalid YAML", 1, 9),
]


@pytest.mark.parametrize(("text", "message", "line", "column"), BAD)
def test_bad_input_is_located(text: str, message: str, line: int, column: int) -> None:
    with pytest.raises(ParseError) as caught:
        argmap.loads(text, "yaml", path="m.yaml")
    assert message in caught.value.message
    assert (caught.value.line, caught.value.column) == (line, column)
    assert caught.value.path == "m.yaml"


def test_non_utf8_bytes_are_located(tmp_path: Path) -> None:
    path = tmp_path / "m.yml"
    path.write_bytes(b"claims:\n  - text: caf\xe9\n")
    with pytest.raises(ParseError) as caught:
        argmap.load(path)
    assert (caught.value.line, caught.value.column) == (2, 14)


def test_numbers_dates_and_booleans_stay_text_where_argmap_wants_text() -> None:
    m = argmap.loads(
        "claims:\n"
        "  - id: 1.10\n"
        "    text: 1984\n"
        "    tags: [yes, 3]\n"
        "    rating: 0.5\n"
        "    data: {n: 3}\n"
        "    sources: [{author: Orwell, date: 1949-06-08}]\n"
        "  - {id: 2, text: x}\n"
        "inferences:\n"
        "  - {id: 3, polarity: support, premises: [2], target: 1.10}\n", "yaml")
    claim = m.claims["1.10"]
    assert (claim.text, claim.tags, claim.rating, claim.data) == ("1984", ["yes", "3"], 0.5, {"n": 3})
    assert claim.sources[0].date == "1949-06-08"
    assert m.inferences["3"].target.id == "1.10"


FIXTURES = Path(__file__).parent / "fixtures" / "yaml" / "good"


def test_the_hand_written_fixture_expands_its_shortcuts() -> None:
    m = argmap.load(FIXTURES / "shortcuts.yaml")
    assert [c.id for c in m.claims] == ["1", "1.1", "1.2a", "1.2b", "1.3", "1.3.1", "water"]
    assert {i.id: (sorted(p.id for p in i.premises), i.target.id) for i in m.inferences} == {
        "support-1.1": (["1.1"], "1"), "support-1.2": (["1.2a", "1.2b"], "1"), "attack-1.3": (["1.3"], "1"),
        "attack-1.3.1": (["1.3.1"], "1.3"), "habit-undercut": (["water"], "support-1.1")}
    assert m["support-1.2"].label == "Focus" and m["1.2b"].implicit  # type: ignore[union-attr]
    assert m["water"].sources[0].date == "2026-02-14"  # a date stays text
    assert m.graph.nodes["1.3.1"]["line"] == 19 and m.meta == {"class": "8A"}


def test_the_fixture_keeps_what_yaml_would_turn_into_numbers_as_written() -> None:
    m = argmap.load(FIXTURES / "text-kept-as-written.yaml")
    first = m["1.10"]
    assert isinstance(first, argmap.Claim)
    assert (first.text, first.tags, first.data) == ("1984", ["yes", "2026"], {"count": 3, "on": True})
    assert m["2"].text == "no" and m["2.1"].text == "3.0"  # type: ignore[union-attr]
