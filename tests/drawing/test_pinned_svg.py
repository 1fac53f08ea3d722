"""The SVG argmap writes itself for a drawing it placed, against the engine's SVG of the same drawing.

A big map is laid out by argmap; its SVG is then written without the engine
(:mod:`argmap.drawing.pinned_svg`). Each case here draws one pinned drawing both ways, the real
engine (the bundled graphviz-pure) and argmap's writer, and compares them element by element: the
same groups in the same order with the same ids, classes and titles, the same text runs in the
same fonts and colours, and every shape and text position within a point.
"""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ET
from typing import Any

import defusedxml.ElementTree as SafeET
import pytest

import argmap
from argmap.drawing.dot import build_dot
from argmap.drawing.options import DrawingOptions
from argmap.drawing.output import draw, draw_pages, view_of
from argmap.drawing.svg import drawing_svg
from argmap.drawing.svgdoc import SVG_NS
from argmap.model import Source

SVG = f"{{{SVG_NS}}}"
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
WORDS = ("tea", "school", "cost", "freedom", "safety", "rule", "evidence", "teacher", "parent", "budget",
         "health", "time", "money", "fairness", "choice", "city", "road", "law", "vote", "rent")


def rich_map(claims: int, seed: int = 1, title: str | None = "A <rich> tree & more") -> argmap.ArgumentMap:
    """A pro/con tree with everything a box can show: labels, sources, implicit premises, markup in
    the text, linked premises, step labels, schemes and an undercut."""
    rng = random.Random(seed)
    m = argmap.ArgumentMap(title=title)
    for k in range(claims):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 14))).capitalize() + f". ({k})"
        if k % 17 == 3:
            text += ' <b>"quoted" & tagged</b>  twice\x0b spaced'
        claim = m.claim(text, id=f"c{k}", label=f"Label {k}, long enough to wrap onto a line" if k % 11 == 5 else None,
                        tags=["implicit"] if k % 13 == 7 else (),
                        sources=[Source(author="Ann <Author>", outlet="The Daily")] * (1 + k % 2) if k % 9 == 4 else ())
        if k:
            parent = f"c{int(k * rng.random() ** 0.5)}"
            if k % 23 == 10:
                m.infer("support", parent, [claim, m.claim(f"Co-premise of {k}", id=f"p{k}")], id=f"s{k}")
            else:
                m.infer("support" if rng.random() < 0.55 else "attack", parent, claim, id=f"s{k}",
                        label="step label" if k % 19 == 2 else None, scheme="expert opinion" if k % 29 == 3 else None)
    m.undercut("s5", m.claim("The step from 5 does not follow.", id="u1"), id="su1")
    return m


def _groups(svg: str) -> tuple[ET.Element, list[tuple[str, Any, Any, list[Any], list[Any]]]]:
    root = SafeET.fromstring(svg.encode("utf-8"))
    found = []
    for group in root.iter(SVG + "g"):
        element = group.get("id") or ""
        if not element or element.startswith("a_"):
            continue
        title = group.find(SVG + "title")
        shapes = [(el.tag, {k: v for k, v in el.attrib.items() if k not in ("d", "points")},
                   [float(n) for n in NUMBER.findall(el.get("d") or el.get("points") or "")])
                  for el in group.iter() if el.tag in (SVG + "path", SVG + "polygon", SVG + "polyline")]
        texts = [(el.text, {k: v for k, v in el.attrib.items() if k not in ("x", "y")},
                  float(el.get("x") or 0), float(el.get("y") or 0)) for el in group.iter(SVG + "text")]
        found.append((element, group.get("class"), title.text if title is not None else None, shapes, texts))
    return root, found


def assert_same_picture(engine_svg: str, direct_svg: str, tolerance: float = 1.0) -> None:
    """The two SVGs draw the same groups, in order, with the same ids, classes, titles, text runs
    and fonts, and every number within ``tolerance`` points."""
    engine_root, engine = _groups(engine_svg)
    direct_root, direct = _groups(direct_svg)
    for name in ("width", "height", "viewBox", "role", "aria-labelledby"):
        assert engine_root.get(name) == direct_root.get(name), name
    for tag in ("title", "desc"):
        assert [e.text for e in engine_root.findall(SVG + tag)] == [e.text for e in direct_root.findall(SVG + tag)]
    assert [g[:3] for g in engine] == [g[:3] for g in direct]
    for (element, _c, _t, engine_shapes, engine_texts), (_e, _c2, _t2, direct_shapes, direct_texts) in zip(
            engine, direct, strict=True):
        assert [shape[:2] for shape in engine_shapes] == [shape[:2] for shape in direct_shapes], element
        for (_tag, _a, numbers), (_tag2, _a2, theirs) in zip(engine_shapes, direct_shapes, strict=True):
            assert len(numbers) == len(theirs), element
            assert max((abs(a - b) for a, b in zip(numbers, theirs, strict=True)), default=0) <= tolerance, element
        assert [(t, a) for t, a, _x, _y in engine_texts] == [(t, a) for t, a, _x, _y in direct_texts], element
        for (_t, _a, x, y), (_t2, _a2, x2, y2) in zip(engine_texts, direct_texts, strict=True):
            assert abs(x - x2) <= tolerance and abs(y - y2) <= tolerance, (element, _t)


def _both(m: argmap.ArgumentMap, theme: str = "default", **options: Any) -> tuple[str, str]:
    opts = DrawingOptions.of(**options)
    view = view_of(m, opts)
    drawn = view.map if view else m
    drawing = build_dot(drawn, theme, opts, layout="tree", view=view)
    assert drawing.scene is not None
    return drawing_svg(drawing, drawn, engine=True), drawing_svg(drawing, drawn)


@pytest.mark.parametrize("theme", ["default", "print", "colorblind", "projector"])
def test_an_80_claim_map_is_drawn_as_the_engine_draws_it(theme: str) -> None:
    engine, direct = _both(rich_map(80), theme)
    assert_same_picture(engine, direct)
    assert "Linked premises: " in direct and 'class="edge attack undercut"' in direct


def test_evaluations_focus_stubs_and_no_title_or_legend_draw_the_same() -> None:
    m = rich_map(300, seed=3, title=None)
    assert_same_picture(*_both(m, evaluation=argmap.evaluate(m, "grounded"), legend=False))
    assert_same_picture(*_both(m, "projector", evaluation=argmap.evaluate(m, "dfquad")))
    engine, direct = _both(m, focus="c3", depth=1)
    assert "+" in direct and 'class="node stub"' in direct
    assert_same_picture(engine, direct)


def test_a_title_wider_than_the_map_widens_the_picture_alike() -> None:
    m = rich_map(62, seed=9, title="A title far wider than the few boxes it heads, " * 6)
    assert_same_picture(*_both(m))


def test_linked_pages_are_written_without_the_engine_and_link() -> None:
    m = rich_map(120, seed=4)
    files = draw_pages(m, "svg", name="map.svg", per_page=40)
    assert len(files) > 2
    for svg in files.values():
        root = SafeET.fromstring(svg)
        assert root.get("role") == "img" and root.get("aria-labelledby")
    overview = files["map.svg"].decode()
    assert 'xlink:href="map-pages/' in overview


def test_the_direct_svg_is_well_formed_accessible_and_keeps_map_text_as_data() -> None:
    m = rich_map(80)
    _engine, direct = _both(m)
    root = SafeET.fromstring(direct.encode("utf-8"))
    assert root.get("role") == "img"
    title_id, desc_id = (root.get("aria-labelledby") or "").split()
    assert root.find(f"{SVG}title[@id='{title_id}']") is not None
    assert root.find(f"{SVG}desc[@id='{desc_id}']") is not None
    texts = [t.text or "" for t in root.iter(SVG + "text")]
    assert any('<b>"quoted" &' in t for t in texts)  # drawn as the characters it is
    assert "\x0b" not in direct and "<b>" not in direct
    groups = {g.get("id"): g for g in root.iter(SVG + "g")}
    assert (groups["am-c1"].get("class") or "").startswith("node claim")
    assert groups["am-s10-linked"].get("class") == "cluster"


def test_drawings_the_writer_cannot_draw_go_to_the_engine(oped_map: argmap.ArgumentMap) -> None:
    m = rich_map(80)
    assert build_dot(m, layout="dot").scene is None
    assert build_dot(m, "default", DrawingOptions(node_styles={"c1": {"fillcolor": "yellow"}}),
                     layout="tree").scene is None
    assert build_dot(m, graph_attrs={"label": "Heading"}, layout="tree").scene is None
    drawing = build_dot(oped_map, prompts={"manpower-step": [("x", ["Why?"])]}, layout="tree")
    assert drawing.scene is None and "Why?" in drawing_svg(drawing, oped_map)


def test_the_dot_of_a_drawing_written_directly_is_still_there() -> None:
    m = rich_map(80)
    drawing = build_dot(m)
    assert drawing.scene is not None
    source = drawing.source
    assert source.startswith("digraph argmap {") and "layout=nop2" in source and 'id="am-c1"' in source
    assert draw(m, "dot") == source.encode("utf-8")


@pytest.mark.parametrize("title", [None, "Empty"])
def test_an_empty_map_laid_out_as_a_tree_draws_as_the_engine_draws_it(title: str | None) -> None:
    empty = argmap.ArgumentMap(title=title)
    drawing = build_dot(empty, layout="tree")  # no trees to pack: no division by nothing
    assert drawing.scene is not None
    assert_same_picture(drawing_svg(drawing, empty, engine=True), drawing_svg(drawing, empty))
