"""argmap JSON: lossless round trips, schema checks, located errors, atomic writes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import argmap
from argmap import ArgumentMap, ParseError, Source
from argmap.formats.argmap_json import schema, to_dict
from argmap.gallery.conscription import build_map


def rich_map() -> ArgumentMap:
    m = ArgumentMap(title="Rich", author="Ann")
    t = m.claim("T <b>", id="t", label="L", tags=["a", "implicit"], note="n", data={"k": [1, 2]},
                rating=0.25, group="Part 1", sources=[Source(author="A", url="https://x.org", quote="q")])
    step = m.support(t, ["P1", "P2"], id="s", label="SL", scheme="argument from expert opinion", note="sn",
                     data={"x": True}, sources=[Source(outlet="O")])
    m.undercut(step, "U")
    return m


def same(a: ArgumentMap, b: ArgumentMap) -> bool:
    def edges(m: ArgumentMap) -> set[tuple[str, str, str]]:
        return {(u, v, r) for u, v, r in m.graph.edges(data="role")}

    return to_dict(a) == to_dict(b) and edges(a) == edges(b)


@pytest.mark.parametrize("build", [rich_map, build_map, ArgumentMap])
def test_round_trip_is_lossless_and_byte_stable(build, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    m = build()
    path = tmp_path / "m.json"
    argmap.dump(m, path)
    back = argmap.load(path)
    assert same(m, back)
    assert argmap.dumps(back, "json") == path.read_text(encoding="utf-8")
    assert argmap.dumps(back, "dot") == argmap.dumps(m, "dot")


def test_every_written_document_satisfies_the_published_schema() -> None:
    for m in (rich_map(), build_map()):
        jsonschema.validate(json.loads(argmap.dumps(m, "json")), schema())


def test_schema_is_shipped_as_package_data() -> None:
    assert schema()["$id"].endswith("argmap-1.schema.json")


def test_invalid_json_is_located(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "format": "argmap",\n  "version": 1,\n  "claims": [,]\n}\n')
    with pytest.raises(ParseError) as info:
        argmap.load(path)
    err = info.value
    assert (err.path, err.line, err.column) == (str(path), 4, 14)
    assert "invalid JSON" in str(err)


@pytest.mark.parametrize("doc, message", [
    ({"format": "argmap", "version": 1, "claims": [{"id": "a"}]}, "'text' is a required property"),
    ({"format": "argmap", "version": 2, "claims": []}, "at /version"),
    ({"format": "argmap", "version": 1, "claims": [{"id": "a", "text": "A"}, {"id": "a", "text": "B"}]},
     "duplicate id 'a'"),
    ({"format": "argmap", "version": 1, "claims": [{"id": "a", "text": "A"}],
      "inferences": [{"id": "i", "polarity": "support", "premises": ["ghost"], "target": "a"}]},
     "premise 'ghost', which is not defined"),
    ({"format": "argmap", "version": 1, "claims": [{"id": "a", "text": "A"}],
      "inferences": [{"id": "i", "polarity": "support", "premises": ["a"], "target": "a"}]},
     "both premise and conclusion"),
    ({"format": "argmap", "version": 1, "claims": [{"id": "a", "text": " "}]}, "text is blank"),
    ({"format": "argmap", "version": 1, "claims": [{"id": "a", "text": "A", "rating": 3}]}, "at /claims/0/rating"),
    ([1, 2], "is not of type 'object'"),
])
def test_bad_documents_give_parse_errors(doc, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ParseError, match=message):
        argmap.loads(json.dumps(doc), "json")


def test_non_utf8_file_is_located(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(b'{"title": "caf\xe9"}')
    with pytest.raises(ParseError, match="not UTF-8") as info:
        argmap.load(path)
    assert (info.value.line, info.value.column) == (1, 15)


def test_missing_file_is_a_parse_error(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="no such file"):
        argmap.load(tmp_path / "nope.json")


def test_failed_dump_leaves_no_file(tmp_path: Path) -> None:
    m = ArgumentMap()
    m.claim("T").data["bad"] = object()  # not JSON-serialisable
    target = tmp_path / "out.json"
    with pytest.raises(TypeError):
        argmap.dump(m, target)
    assert list(tmp_path.iterdir()) == []


def test_unknown_format_and_suffix_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(argmap.ArgmapError, match="unknown format 'nope'"):
        argmap.dumps(ArgumentMap(), "nope")
    with pytest.raises(argmap.ArgmapError, match="cannot tell which format"):
        argmap.dump(ArgumentMap(), tmp_path / "map.unknown")


@pytest.mark.parametrize("text, line, column, message", [
    ('{"format": "argmap", "version": 1,\n "claims": [\n  {"id": "a",\n   "text": 7}]}', 4, 12,
     "at /claims/0/text: 7 is not of type 'string'"),
    ('{"format": "argmap", "version": 1, "claims": [{"id": "a", "text": "A"},\n'
     ' {"id": "a", "text": "B"}]}', 2, 9, "duplicate id 'a'"),
    ('{"format": "argmap", "version": 1, "claims": [{"id": "a", "text": "A"}],\n "inferences": [\n'
     '  {"id": "i", "polarity": "support", "premises": ["a", "ghost"], "target": "a"}]}', 3, 56,
     "names premise 'ghost', which is not defined"),
])
def test_semantic_errors_are_located(text: str, line: int, column: int, message: str) -> None:
    with pytest.raises(ParseError) as info:
        argmap.loads(text, "json", path="m.json")
    assert message in info.value.message
    assert (info.value.path, info.value.line, info.value.column) == ("m.json", line, column)


def test_written_files_get_ordinary_permissions(tmp_path: Path) -> None:
    import os

    umask = os.umask(0o022)
    try:
        argmap.dump(rich_map(), tmp_path / "m.json")
    finally:
        os.umask(umask)
    assert (tmp_path / "m.json").stat().st_mode & 0o777 == 0o644
    (tmp_path / "m.json").chmod(0o600)
    argmap.dump(rich_map(), tmp_path / "m.json")  # an existing file keeps its mode
    assert (tmp_path / "m.json").stat().st_mode & 0o777 == 0o600


FIXTURES = Path(__file__).parent / "fixtures"


def test_the_fixture_with_every_field_reads_each_one() -> None:
    m = argmap.load(FIXTURES / "json" / "good" / "every-field.json")
    assert m.title == "Should the school have a longer lunch break?"
    assert m.meta == {"author": "Class 9C", "date": "2026-06-01", "lesson": {"period": 3}}
    thesis = m["thesis"]
    assert isinstance(thesis, argmap.Claim)
    assert (thesis.label, thesis.tags, thesis.note, thesis.rating, thesis.group) == (
        "Longer lunch", ["school", "time"], "Voted on in assembly.", 0.6, "Main question")
    (source,) = m["queue"].sources
    assert source == argmap.Source(author="School council", title="Lunch survey", outlet="Council newsletter",
                                   url="https://www.example.org/lunch-survey", date="2026-05-20",
                                   quote="most pupils queue for about twenty minutes", kind="statistic")
    assert m["queue"].data == {"minutes": 20} and m["eat"].implicit  # type: ignore[union-attr]
    step = m["time-reason"]
    assert isinstance(step, argmap.Inference)
    assert (step.label, step.scheme, step.note, step.data, step.linked) == (
        "Not enough time", "argument from consequences", "Both premises together.", {"strength": "strong"}, True)
    assert [s.author for s in step.sources] == ["Head teacher"]
    assert {i.id: i.role for i in m.inferences} == {"time-reason": "reason", "later-objection": "objection",
                                                    "bus-rebuttal": "rebuttal", "hatch-undercut": "undercut"}
    assert argmap.dumps(m, "json") == argmap.dumps(argmap.loads(argmap.dumps(m, "json"), "json"), "json")


@pytest.mark.parametrize("doc", [
    {"format": "argmap", "version": 1, "claims": []},
    {"format": "argmap", "version": True, "claims": []},
    {"format": "argmap", "version": 1.0, "claims": []},
    {"format": "argmap", "version": 1, "claims": [{"id": " ", "text": "A"}]},
    {"format": "argmap", "version": 1, "claims": [{"id": "a", "text": "A", "rating": True}]},
    {"format": "argmap", "version": 1, "claims": [{"id": "a", "text": "A", "rating": 1.5}]},
    {"format": "argmap", "version": 1, "claims": [{"id": "a", "text": "A", "sources": [{"who": "x"}]}]},
    {"format": "argmap", "version": 1, "claims": [{"id": "a", "text": "A"}],
     "inferences": [{"id": "i", "polarity": "support", "premises": [], "target": "a"}]},
    {"format": "argmap", "version": 1, "claims": [{"id": "a", "text": "A"}],
     "inferences": [{"id": "i", "polarity": "maybe", "premises": ["a"], "target": "a"}]},
    {"format": "argmap", "version": 1, "claims": [], "extra": 1},
    json.loads(argmap.dumps(rich_map(), "json")),
])
def test_the_fast_validator_agrees_with_jsonschema(doc: object) -> None:
    # Valid documents are checked by jsonschema-rs alone; it must accept exactly what the
    # published schema accepts, or a bad file would slip through unlocated.
    from argmap.formats.argmap_json import _fast_check

    is_valid = _fast_check()
    if is_valid is None:
        pytest.skip("jsonschema-rs is not installed; jsonschema checks every document")
    assert is_valid(doc) == jsonschema.Draft202012Validator(schema()).is_valid(doc)


def test_a_bad_document_is_located_by_the_slow_validator() -> None:
    text = '{"format": "argmap", "version": 1,\n "claims": [{"id": "a", "text": "A", "rating": 2}]}'
    with pytest.raises(ParseError) as info:
        argmap.loads(text, "json", path="m.json")
    assert "at /claims/0/rating" in info.value.message
    assert (info.value.line, info.value.column) == (2, 48)  # the 2 after "rating"
