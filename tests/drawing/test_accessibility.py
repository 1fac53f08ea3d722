"""Accessible SVG by default: role, title, desc (the outline), readable titles, escaping, bytes."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from defusedxml import ElementTree as SafeET

import argmap
from argmap import render_bytes
from argmap.drawing.themes import THEMES, get_theme
from argmap.outline import outline_text

SVG = "{http://www.w3.org/2000/svg}"
INTERNAL = re.compile(r"^(n\d+|cluster_.*|argmap|legend|.*->.*|.*&#45;.*)$")


def _root(svg: bytes) -> ET.Element:
    return SafeET.fromstring(svg)  # type: ignore[no-any-return]


def _node_groups(root: ET.Element) -> list[ET.Element]:
    return [g for g in root.iter(SVG + "g") if "node" in (g.get("class") or "").split()]


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_svg_has_role_title_and_outline_desc(any_map: argmap.ArgumentMap, theme: str) -> None:
    root = _root(render_bytes(any_map, "svg", theme=theme))
    assert root.get("role") == "img"
    first, second = list(root)[:2]
    assert first.tag == SVG + "title" and first.text == any_map.title
    assert second.tag == SVG + "desc" and second.text == outline_text(any_map)
    assert root.get("aria-labelledby") == f"{first.get('id')} {second.get('id')}"


def test_every_node_is_titled_with_its_text_never_an_internal_id(any_map: argmap.ArgumentMap) -> None:
    root = _root(render_bytes(any_map, "svg"))
    words = {role: rel.word for role, rel in get_theme("default").relations.items()}
    seen = set()
    for group in _node_groups(root):
        title = group.find(SVG + "title")
        assert title is not None and title.text
        node_id = (group.get("id") or "").removeprefix("am-")
        if node_id in any_map:
            node = any_map[node_id]
            if isinstance(node, argmap.Claim):
                assert title.text == node.text
            else:
                expected = words[node.role] + (f": {node.label}" if node.label else "")
                assert title.text == expected
            seen.add(node_id)
    assert seen == set(any_map.graph.nodes)
    for element in root.iter(SVG + "title"):
        assert not INTERNAL.match(element.text or ""), element.text


def test_map_text_is_escaped_in_title_desc_and_node_titles() -> None:
    nasty = '<script>alert("x")</script> & ]]> <!-- -->'
    m = argmap.ArgumentMap(title=nasty)
    t = m.claim(nasty, id="t")
    m.support(t, "R & <b>bold</b>", label="</title><desc>")
    svg = render_bytes(m, "svg")
    assert b"<script>" not in svg and b"<b>bold" not in svg
    root = _root(svg)
    assert root.findtext(SVG + "title") == nasty
    assert not list(root.iter(SVG + "script"))
    titles = [e.text for e in root.iter(SVG + "title")]
    assert nasty in titles and "R & <b>bold</b>" in titles and "because: </title><desc>" in titles


def test_svg_bytes_are_deterministic(oped_map: argmap.ArgumentMap) -> None:
    from argmap.gallery.conscription import build_map

    assert render_bytes(oped_map, "svg") == render_bytes(build_map(), "svg")


def test_untitled_map_is_named_by_its_thesis() -> None:
    m = argmap.ArgumentMap()
    m.support(m.claim("Tea is good."), "It is warm.")
    root = _root(render_bytes(m, "svg"))
    assert root.findtext(SVG + "title") == "Argument map: Tea is good."


def test_linked_premises_and_sections_get_readable_titles(oped_map: argmap.ArgumentMap) -> None:
    oped_map["no-blame"].group = "Values"
    root = _root(render_bytes(oped_map, "svg"))
    clusters = {g.get("id"): g.findtext(SVG + "title", "") for g in root.iter(SVG + "g")
                if "cluster" in (g.get("class") or "").split()}
    assert clusters["am-security-objection-linked"].startswith("Linked premises: Latvia will not issue")
    assert "Section: Values" in clusters.values()


def test_ids_of_two_maps_on_one_page_do_not_clash(oped_map: argmap.ArgumentMap,
                                                  uniforms_map: argmap.ArgumentMap) -> None:
    a = _root(render_bytes(oped_map, "svg")).find(SVG + "title")
    b = _root(render_bytes(uniforms_map, "svg")).find(SVG + "title")
    assert a is not None and b is not None and a.get("id") != b.get("id")


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_theme_keeps_a_non_colour_cue_per_relation(name: str) -> None:
    theme = get_theme(name)
    cues = {(r.style, r.arrowhead, r.word) for r in theme.relations.values()}
    assert len(cues) == len(theme.relations)
    words = [r.word for r in theme.relations.values()]
    assert len(set(words)) == len(words)
    lines = [(r.style, r.arrowhead) for r in theme.relations.values()]
    assert len(set(lines)) == len(lines), "line style + arrowhead tell the relations apart without words"


def test_print_theme_is_greyscale() -> None:
    theme = get_theme("print")
    colours = [r.color for r in theme.relations.values()] + [r.fill for r in theme.relations.values()]
    colours += [r.border for r in theme.roles.values()] + [r.fill for r in theme.roles.values()]
    for colour in colours:
        red, green, blue = (colour[i:i + 2] for i in (1, 3, 5))
        assert red == green == blue, colour
