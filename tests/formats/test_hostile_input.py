"""Hostile and broken input, one test per class of defect (issue 12): one clear error line, never a
traceback, a hang, or a file argmap cannot read back. Each reproducer is a few hundred bytes."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

import argmap
from argmap.errors import ArgmapError, ParseError
from argmap.formats import registry
from argmap.formats.argmap_json import to_dict

READERS = [f.name for f in registry.all_formats() if f.can_read]
WRITERS = [f.name for f in registry.all_formats() if f.can_write and not f.binary
           and f.name not in ("svg", "html")]


@pytest.mark.parametrize("fmt", READERS)
@pytest.mark.parametrize("text", ["", "  \n\t\n"])
def test_every_reader_refuses_an_empty_file(fmt: str, text: str) -> None:
    with pytest.raises(ParseError, match="empty|no `p af N` header") as caught:
        argmap.loads(text, fmt, path=f"x.{fmt}")
    assert caught.value.path == f"x.{fmt}"


@pytest.mark.parametrize("fmt", [f for f in WRITERS if registry.get(f).can_read])
def test_an_empty_map_is_written_so_it_reads_back_or_refused(fmt: str) -> None:
    empty = argmap.ArgumentMap()
    try:
        text = argmap.dumps(empty, fmt)
    except ArgmapError:
        assert fmt == "kialo"  # Kialo has no discussion without a thesis
        return
    back = argmap.loads(text, fmt)
    assert len(back) == 0


@pytest.mark.parametrize(("field", "line", "column"), [
    ("!!binary aGVsbG8=", 4, 13), ("!!set {x, y}", 4, 13), ("!!omap [{a: 1}]", 4, 13),
    ("!!timestamp 2022-01-01", 4, 13), (".nan", 4, 13), (".inf", 4, 13), ("1" * 5000, 4, 13),
])
def test_yaml_values_no_writer_can_carry_are_located(field: str, line: int, column: int) -> None:
    text = f"claims:\n- id: a\n  text: A\n  data: {{d: {field}}}\n"
    with pytest.raises(ParseError) as caught:
        argmap.loads(text, "yaml", path="m.yaml")
    assert (caught.value.path, caught.value.line, caught.value.column) == ("m.yaml", line, column)


def test_yaml_dates_and_keys_stay_text_so_every_writer_carries_them() -> None:
    m = argmap.loads("meta: {1: one, null: x}\nclaims:\n- id: a\n  text: A\n  data: {d: 2022-01-01, "
                     "t: 2001-12-14t21:59:43.10-05:00}\n", "yaml")
    assert m["a"].data == {"d": "2022-01-01", "t": "2001-12-14t21:59:43.10-05:00"}
    assert m.meta == {"1": "one", "null": "x"}
    for fmt in WRITERS:
        argmap.dumps(m, fmt)  # no TypeError: Object of type date is not JSON serializable


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_meta_title_is_just_data(fmt: str) -> None:
    text = ('{"format": "argmap", "version": 1, "title": "T", "meta": {"title": "M"}, "claims": [{"id": "a", '
            '"text": "A"}]}' if fmt == "json" else "title: T\nmeta: {title: M}\nclaims: [{id: a, text: A}]\n")
    m = argmap.loads(text, fmt)
    assert isinstance(m, argmap.ArgumentMap)
    assert (m.title, m.meta) == ("T", {"title": "M"})
    back = argmap.loads(argmap.dumps(m, fmt), fmt)
    assert isinstance(back, argmap.ArgumentMap) and to_dict(back) == to_dict(m)


@pytest.mark.parametrize(("fmt", "text"), [
    ("json", '{"format": "argmap", "version": 1, "claims": [{"id": "a", "text": "A \\ud800"}]}'),
    ("json", '{"format": "argmap", "version": 1, "meta": {"\\udc00": 1}, "claims": [{"id": "a", "text": "A"}]}'),
    ("aif", '{"nodes": [{"nodeID": "1", "type": "I", "text": "\\udc00"}], "edges": [], "locutions": []}'),
    ("sadface", '{"nodes": [{"id": "a", "type": "atom", "text": "x\\ud83d"}], "edges": []}'),
])
def test_lone_surrogate_escapes_are_refused_where_written(fmt: str, text: str) -> None:
    with pytest.raises(ParseError, match="lone surrogate") as caught:
        argmap.loads(text, fmt, path="x.json")
    assert caught.value.line == 1 and caught.value.column is not None
    # a real pair is one character, and fine
    good = text.replace("\\ud800", "\\ud83d\\ude00").replace("\\udc00", "\\ud83d\\ude00").replace(
        "\\ud83d\"", "\\ud83d\\ude00\"")
    argmap.loads(good, fmt)


def test_lone_surrogates_put_in_through_the_api_are_refused_by_every_writer() -> None:
    m = argmap.ArgumentMap()
    m.claim("half \ud800 a character", id="a")
    for fmt in WRITERS:
        try:
            text = argmap.dumps(m, fmt)
        except ArgmapError as exc:
            assert "lone surrogate" in str(exc)
        else:  # the framework formats write ids only
            text.encode("utf-8")


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_json_numbers_other_tools_refuse(number: str) -> None:
    text = ('{"format": "argmap", "version": 1, "claims": [{"id": "a", "text": "A", '
            f'"data": {{"x": {number}}}}}]}}')
    with pytest.raises(ParseError, match="is not a JSON number") as caught:
        argmap.loads(text, "json")
    assert caught.value.column == text.index(number) + 1


def test_graphml_text_attributes_typed_as_numbers_read_as_text() -> None:
    text = ('<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
            '<key id="d0" for="node" attr.name="text" attr.type="int"/>'
            '<key id="d1" for="node" attr.name="kind" attr.type="string"/>'
            '<key id="d2" for="node" attr.name="label" attr.type="double"/>'
            '<graph edgedefault="directed"><node id="a"><data key="d0">5</data><data key="d1">claim</data>'
            '<data key="d2">2.5</data></node></graph></graphml>')
    m = argmap.loads(text, "graphml")
    assert (m.claims["a"].text, m.claims["a"].label) == ("5", "2.5")
    for fmt in WRITERS:
        argmap.dumps(m, fmt)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_argdown_include_of_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "main.argdown").write_text("[A]: a\n\n@include(pipe)\n")
    with pytest.raises(ParseError, match="cannot include 'pipe': it is not a regular file") as caught:
        argmap.load(tmp_path / "main.argdown")
    assert caught.value.line == 3


def test_argdown_include_past_the_input_limit(tmp_path: Path) -> None:
    (tmp_path / "big.argdown").write_text("[B]: " + "b" * 5000 + "\n")
    (tmp_path / "main.argdown").write_text("[A]: a\n\n@include(big.argdown)\n")
    with pytest.raises(ParseError, match="the included file 'big.argdown' is 5,006 bytes long"):
        argmap.load(tmp_path / "main.argdown", limits=argmap.limits.Limits(input_bytes=1000))


def aif_ring() -> str:
    """Two RA-nodes aimed at each other: steps that bear on no claim (they made maps validate() refused)."""
    return ('{"nodes": [{"nodeID": "1", "type": "I", "text": "A"}, {"nodeID": "2", "type": "RA", "text": "x"},'
            ' {"nodeID": "3", "type": "RA", "text": "y"}, {"nodeID": "4", "type": "I", "text": "B"},'
            ' {"nodeID": "5", "type": "RA", "text": "z"}],'
            ' "edges": [{"edgeID": "1", "fromID": "1", "toID": "2"}, {"edgeID": "2", "fromID": "2", "toID": "3"},'
            ' {"edgeID": "3", "fromID": "1", "toID": "3"}, {"edgeID": "4", "fromID": "3", "toID": "2"},'
            ' {"edgeID": "5", "fromID": "4", "toID": "5"}, {"edgeID": "6", "fromID": "5", "toID": "1"}],'
            ' "locutions": []}')


def test_aif_steps_in_a_ring_are_kept_aside_and_the_map_is_valid() -> None:
    m = argmap.loads(aif_ring(), "aif")
    m.validate()
    assert [i.id for i in m.inferences] == ["5"]
    assert {n["nodeID"] for n in m.meta["aif"]["nodes"]} == {"2", "3"}
    back = argmap.loads(argmap.dumps(m, "aif"), "aif")  # the ring is written back as it came
    assert sorted(n["nodeID"] for n in to_aif_nodes(back)) == ["1", "2", "3", "4", "5"]
    argmap.loads(argmap.dumps(m, "json"), "json")  # convert writes JSON argmap then reads it


def to_aif_nodes(m: argmap.ArgumentMap) -> list[dict[str, str]]:
    import json

    return json.loads(argmap.dumps(m, "aif"))["nodes"]  # type: ignore[no-any-return]


def test_sadface_schemes_in_a_ring_are_kept_aside() -> None:
    text = ('{"nodes": [{"id": "a", "type": "atom", "text": "A"}, {"id": "s", "type": "scheme", "name": "support"},'
            ' {"id": "t", "type": "scheme", "name": "conflict"}],'
            ' "edges": [{"id": "1", "source_id": "a", "target_id": "s"},'
            ' {"id": "2", "source_id": "s", "target_id": "t"},'
            ' {"id": "3", "source_id": "a", "target_id": "t"}, {"id": "4", "source_id": "t", "target_id": "s"}]}')
    m = argmap.loads(text, "sadface")
    m.validate()
    assert m.inferences == [] and len(m.meta["sadface"]["nodes"]) == 2


def test_a_chain_of_steps_aimed_at_steps_is_read_in_linear_time() -> None:
    # 3,000 RA-nodes each aimed at the next, the last aimed at nothing: each pass over all the
    # steps used to drop one (quadratic); now one work list drops them all.
    n = 3000
    nodes = [{"nodeID": f"i{k}", "type": "I", "text": f"C{k}"} for k in range(n)]
    nodes += [{"nodeID": f"s{k}", "type": "RA", "text": "x"} for k in range(n)]
    edges = [{"edgeID": f"p{k}", "fromID": f"i{k}", "toID": f"s{k}"} for k in range(n)]
    edges += [{"edgeID": f"t{k}", "fromID": f"s{k}", "toID": f"s{k + 1}"} for k in range(n - 1)]
    import json

    m = argmap.loads(json.dumps({"nodes": nodes, "edges": edges, "locutions": []}), "aif")
    assert m.inferences == [] and len(m.claims) == n


def test_kialo_round_trip_keeps_the_text_of_a_claim_with_a_source() -> None:
    m = argmap.ArgumentMap(title="T")
    t = m.claim("Uniforms help.", sources=[argmap.Source(url="https://example.org/a")])
    m.support(t, m.claim("They are cheap.", sources=[argmap.Source(title="A report", url="https://e.org/(x)")]))
    back = argmap.loads(argmap.dumps(m, "kialo"), "kialo")
    assert sorted(c.text for c in back.claims) == ["They are cheap.", "Uniforms help."]
    assert sorted((s.title or "", s.url) for c in back.claims for s in c.sources) == [
        ("", "https://example.org/a"), ("A report", "https://e.org/(x)")]


@pytest.mark.parametrize("text", [
    "Discussion Title: x\n\n1. " + "[" * 50_000 + "\n",
    "Discussion Title: x\n\n1. T\n" + "".join(f"1.{i}. Pro: -> See 1.{i + 1}.\n" for i in range(1, 3000))
    + "1.3000. Pro: end\n",
    "Discussion Name:\nx\n\n1. Thesis:\nT [1]\nSources:\n[1] a" + " " * 50_000 + "b\n",
])
def test_kialo_reader_is_linear_on_hostile_text(text: str) -> None:
    # Each of these took minutes (quadratic and worse) before; they now read in well under a second.
    m = argmap.loads(text, "kialo")
    assert len(m.claims) >= 1


def test_kialo_lines_end_only_at_line_ends() -> None:
    m = argmap.ArgumentMap()
    m.claim("Pasted from Word:\x0b1.1. Con: not a statement\u2028still text")
    back = argmap.loads(argmap.dumps(m, "kialo"), "kialo")
    assert [c.text for c in back.claims] == [m.claims[0].text]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<b>x</b>", "vbscript:x",
                                 "file:///etc/passwd", "//evil.example/x", "java\tscript:x"])
def test_markdown_writes_unsafe_urls_as_text(url: str) -> None:
    m = argmap.ArgumentMap()
    m.claim("A", sources=[argmap.Source(title="t", url=url)])
    out = argmap.dumps(m, "md")
    assert f"<{url}>" not in out and "](" not in out
    assert "<https://example.org>" in argmap.dumps(
        _with_source("https://example.org"), "md")


def _with_source(url: str) -> argmap.ArgumentMap:
    m = argmap.ArgumentMap()
    m.claim("A", sources=[argmap.Source(url=url)])
    return m


def test_argdown_label_holding_a_url_stays_one_claim() -> None:
    m = argmap.ArgumentMap()
    t = m.claim("Read this.", label="See https://example.org/a // b <!-- c")
    m.support(t, m.claim("It is good.", tags=["a) [B]: injected", "x\ny", "ok"]))
    text = argmap.dumps(m, "argdown")
    back = argmap.loads(text, "argdown")
    assert len(back.claims) == 2 and len(back.inferences) == 1
    assert back.claims[0].label == "See https://example.org/a // b <!-- c"
    assert back.claims[1].tags == ["a) [B]: injected", "x\ny", "ok"]


def chain(depth: int) -> argmap.ArgumentMap:
    m = argmap.ArgumentMap(title="Chain")
    node = m.claim("Claim 0", id="c0")
    for i in range(1, depth):
        node = m.support(node, m.claim(f"Claim {i}", id=f"c{i}"), id=f"s{i}").premise
    return m


@pytest.mark.parametrize("fmt", WRITERS)
def test_a_chain_far_deeper_than_pythons_stack_goes_through(fmt: str) -> None:
    """3,000 claims deep (Python's stack holds 1,000 calls): every writer, and its reader."""
    m = chain(3000)
    try:
        text = argmap.dumps(m, fmt)
    except ArgmapError as exc:
        assert fmt == "kialo" and "claims deep" in str(exc)
        return
    longest = max(len(line) for line in text.splitlines())
    assert longest < 2000, f"{fmt} writes lines that grow with depth"
    if registry.get(fmt).can_read:
        back = argmap.loads(text, fmt)
        assert len(back) in (len(m), 3000)  # frameworks keep the arguments of the claims


def test_markdown_numbers_stay_short_on_a_deep_chain() -> None:
    text = argmap.dumps(chain(500), "md")
    last = text.strip().splitlines()[-1]
    assert re.search(r"\*\*1\.1\.1\.1\.1\.1\.1\.1\.1\.1\.1\.1\.….(1\.){11}1 Reason\*\*: Claim 499", last)


def test_microtexts_joints_nested_deeper_than_pythons_stack() -> None:
    depth = 1500
    joints = "".join(f'<joint id="j{k}"/>' for k in range(depth))
    edges = "".join(f'<edge id="g{k}" src="j{k + 1}" trg="j{k}" type="seg"/>' for k in range(depth - 1))
    text = (f'<arggraph id="x"><edu id="e1">Deep.</edu>{joints}<adu id="a1" type="pro"/>'
            f'<edge id="s0" src="j0" trg="a1" type="seg"/>{edges}'
            f'<edge id="s1" src="e1" trg="j{depth - 1}" type="seg"/></arggraph>')
    assert argmap.loads(text, "microtexts").claims["a1"].text == "Deep."


def test_framework_given_to_a_map_writer_is_one_error_line() -> None:
    fw = argmap.Framework(["a", "b"], [("a", "b")])
    for fmt in WRITERS:
        if registry.get(fmt).extras.get("frameworks"):
            continue
        with pytest.raises(ArgmapError, match=f"the {fmt} format writes argument maps, not a Framework"):
            argmap.dumps(fw, fmt)


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for a broken engine")
def test_an_engine_that_writes_non_utf8_is_a_render_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = tmp_path / "dot"
    engine.write_text("#!/bin/sh\ncat > /dev/null\nprintf '<svg>\\377\\376</svg>'\n")
    engine.chmod(0o755)
    monkeypatch.setenv("ARGMAP_DOT", str(engine))
    m = argmap.ArgumentMap()
    m.claim("A")
    with pytest.raises(argmap.RenderError, match="not UTF-8 text"):
        argmap.render(m, tmp_path / "m.svg")
    assert not (tmp_path / "m.svg").exists()


def test_argdown_output_never_holds_an_include() -> None:
    """Argdown 2.0 reads the file any "@include(" names, anywhere in a file (a title, data, the
    front matter): argmap escapes it everywhere it writes text, and reads the text back unchanged."""
    hostile = "@include(../../etc/passwd)"
    m = argmap.ArgumentMap(title=hostile)
    m.meta["note"] = hostile
    t = m.claim(hostile, label=hostile, tags=[hostile], data={hostile: hostile})
    m.support(t, m.claim("two " + hostile), scheme=hostile, label="s")
    text = argmap.dumps(m, "argdown")
    assert "@include(" not in text
    back = argmap.loads(text, "argdown")
    assert sorted(c.text for c in back.claims) == sorted(c.text for c in m.claims)
    assert back.title == hostile and back.meta["note"] == hostile
    assert [i.scheme for i in back.inferences] == [hostile]
