"""Step-by-step reveal: frames in reading order, a stable layout, a self-contained page."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.drawing.svgdoc import SVG_NS
from argmap.gallery.conscription import build_map
from argmap.outline import outline
from argmap.teach.reveal import fitted_frames, frames, layered_svg, reveal_html, reveal_svgs

ROOT = Path(__file__).resolve().parents[2]


def debate_club() -> argmap.ArgumentMap:
    """A second map: sections (groups), a linked step, an undercut and a rebuttal."""
    m = argmap.ArgumentMap(title="Should the school start a debate club?")
    t = m.claim("The school should start a debate club.", id="t")
    skills = m.claim("Debate builds public speaking skills.", id="skills", group="Benefits")
    m.support(t, skills, id="skills-step")
    m.support(skills, ["Members speak in front of judges every week.",
                       "Regular practice in front of others builds confidence."], id="practice")
    cost = m.claim("Travel to tournaments is expensive.", id="cost", group="Costs")
    cost_step = m.attack(t, cost, id="cost-step")
    m.attack(cost_step, m.claim("Online tournaments cost nothing to attend.", id="online"), id="online-step")
    m.undercut("skills-step", m.claim("Skills from a club may not carry over to class.", id="transfer"),
               id="transfer-step")
    return m


@pytest.mark.parametrize("build", [build_map, debate_club])
def test_every_node_is_revealed_exactly_once_thesis_first(build: object) -> None:
    m = build()  # type: ignore[operator]
    fs = frames(m)
    revealed = [n for f in fs for n in f.nodes]
    assert sorted(revealed) == sorted(m.graph.nodes)
    assert fs[0].nodes == [m.thesis.id]
    # Frames follow the outline: the heads are the outline items down to the default depth.
    heads = [f"{i.number} {i.word}" for i in outline(m) if i.depth <= 2 and not i.repeat]
    assert [f.caption.split(":")[0] for f in fs] == heads


def test_depth_controls_how_many_frames() -> None:
    m = build_map()
    top = [i for i in outline(m) if i.depth <= 1]
    assert len(frames(m, depth=1)) == len(top)
    assert len(frames(m, depth=0)) == 1
    assert len(frames(m, depth=10)) == len(outline(m))


def _boxes(svg: str) -> dict[str, str]:
    """Each node group's drawn shape (its path/polygon/text coordinates), by id."""
    root = ET.fromstring(svg)
    out = {}
    for g in root.iter(f"{{{SVG_NS}}}g"):
        gid = g.get("id") or ""
        if gid.startswith("am-") and not gid.startswith("am-edge"):
            shapes = [el.get("d") or el.get("points") or f"{el.get('x')},{el.get('y')}" for el in g.iter()
                      if el.tag.rsplit("}", 1)[-1] in ("path", "polygon", "text")]
            out[gid] = "|".join(s for s in shapes if s)
    return out


@pytest.mark.parametrize("build", [build_map, debate_club])
def test_svg_frames_grow_and_nothing_moves(build: object) -> None:
    m = build()  # type: ignore[operator]
    svgs = reveal_svgs(m)
    fs = fitted_frames(m)
    assert len(svgs) == len(fs)
    final = _boxes(svgs[-1])
    assert set(final) >= {"am-" + n for n in m.graph.nodes}
    shown: set[str] = set()
    for svg, frame in zip(svgs, fs, strict=True):
        boxes = _boxes(svg)
        shown.update("am-" + n for n in frame.nodes)
        assert {k for k in boxes if k.removesuffix("-linked") in shown} == set(boxes)
        for key, shape in boxes.items():
            assert final[key] == shape, f"{key} moved"
    # Edges appear only once both their ends are shown.
    first_edges = len(re.findall(r'id="am-edge-', svgs[0]))
    assert first_edges == 0 and len(re.findall(r'id="am-edge-', svgs[-1])) == 2 * len(m.inferences) + sum(
        len(i.premises) - 1 for i in m.inferences)


def test_layered_svg_tags_every_node_edge_and_bracket() -> None:
    m = debate_club()
    root = layered_svg(m, frames(m))
    tagged = {g.get("id") for g in root.iter(f"{{{SVG_NS}}}g") if g.get("data-frame") is not None}
    assert {"am-" + n for n in m.graph.nodes} <= tagged
    assert "am-practice-linked" in tagged
    edges = [t for t in tagged if t and t.startswith("am-edge-")]
    assert len(edges) == m.graph.number_of_edges()


class _Tags(HTMLParser):
    """Every start tag and attribute of a page, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_html_is_self_contained_and_escapes_map_text() -> None:
    m = debate_club()
    m.title = '<img src="https://example.com/x.png"> & </script>'
    m.claims["online"].text = "</script><script>window.__pwned = 1</script>"
    page = reveal_html(m)
    parser = _Tags()
    parser.feed(page)
    tags = [t for t, _ in parser.tags]
    assert "img" not in tags
    assert tags.count("script") == 2  # the frame data and the one hand-written script
    for _tag, attrs in parser.tags:
        for name in ("src", "href", "xlink:href", "action", "data"):
            assert not (attrs.get(name) or "").startswith(("http", "//")), (name, attrs)
        assert not any(k.startswith("on") for k in attrs)
    assert "window.__pwned = 1" in page  # still there, as text


def test_cli_html_and_svg_series(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    model = str(ROOT / "examples" / "conscription.json")
    page = tmp_path / "talk.html"
    assert main(["reveal", model, "-o", str(page)]) == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    slides = tmp_path / "slides"
    assert main(["reveal", model, "-o", str(slides), "--format", "svg", "--depth", "1"]) == 0
    names = sorted(p.name for p in slides.iterdir())
    count = len(fitted_frames(argmap.load(model), depth=1))
    assert names == [f"{k:02d}.svg" for k in range(1, count + 1)]
    assert "frames" in capsys.readouterr().out


def test_cli_exit_codes(tmp_path: Path) -> None:
    model = str(ROOT / "examples" / "conscription.json")
    assert main(["reveal", str(tmp_path / "missing.json"), "-o", str(tmp_path / "x.html")]) == 1
    assert main(["reveal", model, "--depth", "-1"]) == 2
    assert main(["reveal", model, "-o", str(tmp_path), "--format", "html"]) == 2
    with pytest.raises(SystemExit) as info:
        main(["reveal", "--help"])
    assert info.value.code == 0
