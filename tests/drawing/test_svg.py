"""Rendering through the real Graphviz engine: content, non-colour cues, hostile text, determinism."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import argmap
from argmap import ArgumentMap, RenderError, Source, render_bytes
from argmap.drawing import engine
from argmap.drawing.labels import svg_id
from argmap.gallery.conscription import build_map

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: bytes) -> ET.Element:
    return ET.fromstring(svg)


def node_groups(root: ET.Element) -> dict[str, ET.Element]:
    return {g.get("id", ""): g for g in root.iter(f"{SVG}g") if "node" in (g.get("class") or "").split()}


def words(group: ET.Element) -> str:
    return " ".join(" ".join(t.text or "" for t in group.iter(f"{SVG}text")).split())


@pytest.fixture(scope="module")
def flagship_svg() -> ET.Element:
    return parse(render_bytes(build_map(), "svg"))


def test_every_claim_of_the_flagship_is_drawn_in_full(flagship_svg: ET.Element) -> None:
    m = build_map()
    groups = node_groups(flagship_svg)
    for claim in m.claims:
        drawn = words(groups[svg_id(claim.id)])
        assert " ".join(claim.text.split()) in drawn, claim.id
        if claim.label:
            assert claim.label in drawn
        assert claim.sources[0].short() in drawn


def test_every_step_carries_its_word(flagship_svg: ET.Element) -> None:
    m = build_map()
    groups = node_groups(flagship_svg)
    expected = {"reason": "because", "objection": "but", "rebuttal": "however", "undercut": "undercuts"}
    for inf in m.inferences:
        assert words(groups[svg_id(inf.id)]).startswith(expected[inf.role])


def _edge_cues(root: ET.Element) -> dict[str, set[tuple[str | None, int]]]:
    """Per relation role: the set of (dash pattern, arrowhead point count) of its edges."""
    cues: dict[str, set[tuple[str | None, int]]] = {}
    for g in root.iter(f"{SVG}g"):
        classes = (g.get("class") or "").split()
        if "edge" not in classes or "premise" in classes:
            continue
        role = classes[-1]
        path = g.find(f"{SVG}path")
        head = g.find(f"{SVG}polygon")
        assert path is not None
        points = len(head.get("points", "").split()) if head is not None else 0
        cues.setdefault(role, set()).add((path.get("stroke-dasharray"), points))
    return cues


@pytest.mark.parametrize("theme", ["default", "print"])
def test_relation_kinds_differ_without_colour(theme: str) -> None:
    m = ArgumentMap()
    t = m.claim("T")
    r = m.support(t, "R")
    o = m.attack(t, "O")
    m.attack(o, "B")
    m.undercut(r, "U")
    cues = _edge_cues(parse(render_bytes(m, "svg", theme=theme)))
    assert set(cues) == {"reason", "objection", "rebuttal", "undercut"}
    signatures = [frozenset(v) for v in cues.values()]
    assert len(set(signatures)) == 4, cues  # line style and arrowhead alone tell them apart


def test_print_theme_has_no_colour() -> None:
    svg = render_bytes(build_map(), "svg", theme="print").decode()
    colours = set(re.findall(r'(?:stroke|fill)="(#[0-9a-fA-F]{6})"', svg))
    assert all(c[1:3] == c[3:5] == c[5:7] for c in colours), colours  # greys only


def test_linked_premises_share_a_bracket_and_implicit_premises_are_dashed(flagship_svg: ET.Element) -> None:
    clusters = {g.get("id"): g for g in flagship_svg.iter(f"{SVG}g") if g.get("class") == "cluster"}
    assert svg_id("manpower-step") + "-linked" in clusters
    implicit = node_groups(flagship_svg)[svg_id("refuge-duty")]
    assert "implicit" in (implicit.get("class") or "")
    assert any(p.get("stroke-dasharray") for p in implicit.iter(f"{SVG}path"))


def test_undercut_points_at_the_step() -> None:
    m = ArgumentMap()
    r = m.support(m.claim("T", id="t"), "R", id="step")
    m.undercut(r, "U", id="cut")
    dot = argmap.dumps(m, "dot")
    name_of = {node: name for name, node in re.findall(r'(n\d+) \[[^]]*id="am-(\w+)"', dot)}
    assert f"{name_of['cut']} -> {name_of['step']}" in dot
    assert f"{name_of['cut']} -> {name_of['t']}" not in dot


HOSTILE = ['<b>bold</b>', '"]; x [label="pwned', "\\l", "<script>alert(1)</script>", "&amp; &#60;"]


def _hostile_map(text: str) -> ArgumentMap:
    m = ArgumentMap(title=text)
    t = m.claim(text, id="t", label=text, sources=[Source(author=text, outlet=text)], group=text)
    m.support(t, text, id="s", label=text, scheme=text)
    return m


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_drawn_as_characters_and_changes_nothing_else(text: str) -> None:
    svg = render_bytes(_hostile_map(text), "svg")
    root = parse(svg)  # still well-formed XML
    benign = parse(render_bytes(_hostile_map("x" * len(text)), "svg"))
    assert [e.tag for e in root.iter()] == [e.tag for e in benign.iter()]
    assert not list(root.iter(f"{SVG}script"))
    groups = node_groups(root)
    assert text in words(groups["am-t"])
    assert words(groups["am-s"]).startswith("because " + text)
    assert len(groups) == len(node_groups(benign))
    titles = [t.text for t in root.iter(f"{SVG}text")]
    assert titles.count(text) >= 2  # title and label drawn verbatim


def test_hostile_ids_cannot_break_the_picture() -> None:
    m = ArgumentMap()
    m.support(m.claim("T", id='<x>" \\N'), "R", id='a"];b[')
    root = parse(render_bytes(m, "svg"))
    assert {'am-<x>" \\N', 'am-a"];b['} <= set(node_groups(root))


def test_same_map_gives_byte_identical_svg_across_processes() -> None:
    code = ("import sys, argmap; from argmap.gallery.conscription import build_map; "
            "from argmap import render_bytes; sys.stdout.buffer.write(render_bytes(build_map(), 'svg'))")
    digests = {
        hashlib.sha256(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                      env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout).hexdigest()
        for seed in ("1", "2")
    }
    assert len(digests) == 1
    assert digests == {hashlib.sha256(render_bytes(build_map(), "svg")).hexdigest()}


def test_committed_example_is_current() -> None:
    committed = Path(__file__).resolve().parents[2] / "examples" / "conscription.svg"
    assert committed.read_bytes() == render_bytes(build_map(), "svg"), "run `make examples`"


def test_svg_has_a_font_fallback_list_and_no_fixed_size_shrinking(flagship_svg: ET.Element) -> None:
    families = {t.get("font-family") for t in flagship_svg.iter(f"{SVG}text")}
    assert families == {"DejaVu Sans,Verdana,Bitstream Vera Sans,Arial,Helvetica,sans-serif"}
    width = float(flagship_svg.get("width", "0pt").removesuffix("pt"))
    assert width > 1000  # laid out at natural size, not squeezed into a page


@pytest.mark.parametrize("theme", ["default", "print", "colorblind", "projector"])
def test_every_theme_renders(theme: str, tmp_path: Path) -> None:
    out = argmap.render(build_map(), tmp_path / "m.svg", theme=theme)
    assert parse(out.read_bytes()).tag == f"{SVG}svg"


def test_png_and_dot_outputs(tmp_path: Path) -> None:
    m = build_map()
    png = argmap.render(m, tmp_path / "m.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    dot = argmap.render(m, tmp_path / "m.dot").read_text()
    assert dot.startswith("digraph argmap {")


def test_unknown_output_and_theme_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(argmap.ArgmapError, match="cannot render to 'bmp'"):
        argmap.render(build_map(), tmp_path / "m.bmp")
    with pytest.raises(argmap.ArgmapError, match="unknown theme 'neon'"):
        argmap.render(build_map(), tmp_path / "m.svg", theme="neon")
    assert list(tmp_path.iterdir()) == []


def test_notebook_svg_repr() -> None:
    assert build_map()._repr_svg_().lstrip().startswith("<?xml")


# --- the engine --------------------------------------------------------------------------


def test_no_engine_gives_the_fix_and_leaves_no_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(engine.ENV_VAR, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(engine, "_scripts_dirs", lambda: [str(tmp_path / "empty")])
    target = tmp_path / "m.svg"
    with pytest.raises(RenderError) as info:
        argmap.render(build_map(), target)
    message = str(info.value)
    assert "pip install graphviz-pure" in message and "ARGMAP_DOT" in message and "dot" in message
    assert not target.exists() and list(tmp_path.iterdir()) == []
    # DOT needs no engine
    argmap.render(build_map(), tmp_path / "m.dot")
    assert (tmp_path / "m.dot").read_text().startswith("digraph")


def test_argmap_dot_names_the_broken_engine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(engine.ENV_VAR, str(tmp_path / "no-such-dot"))
    with pytest.raises(RenderError, match="no-such-dot"):
        argmap.render(build_map(), tmp_path / "m.svg")
    assert list(tmp_path.iterdir()) == []


def test_argmap_dot_that_fails_is_reported(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(engine.ENV_VAR, "false")  # a real program that exits 1
    with pytest.raises(RenderError, match="failed"):
        argmap.render(build_map(), tmp_path / "m.svg")
    assert list(tmp_path.iterdir()) == []


def test_argmap_dot_selects_that_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = engine.find_engine()
    monkeypatch.setenv(engine.ENV_VAR, bundled)
    assert engine.find_engine() == bundled
    assert render_bytes(build_map(), "svg") == render_bytes(build_map(), "svg")
