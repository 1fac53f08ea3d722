"""Big maps: argmap's tree layout, the sizes it assumes, focus views, linked pages and progress.

Everything runs the real engine (the bundled graphviz-pure): the sizes argmap predicts are
checked against the boxes the engine draws, and the layout against the engine's own output.
"""

from __future__ import annotations

import io
import random
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.cli.progress import ProgressBar
from argmap.drawing.dot import _box_sizes, build_dot, evaluation_marks
from argmap.drawing.engine import run_engine
from argmap.drawing.options import DrawingOptions
from argmap.drawing.output import draw_pages
from argmap.drawing.pages import split_pages
from argmap.drawing.themes import get_theme
from argmap.drawing.views import focus_view

WORDS = ("tea", "school", "cost", "freedom", "safety", "rule", "evidence", "teacher", "parent", "budget",
         "health", "time", "money", "fairness", "choice", "city", "road", "law", "vote", "rent")


def tree_map(claims: int, seed: int = 1) -> argmap.ArgumentMap:
    """A pro/con tree like a big online debate: each claim a reason or objection to an earlier one."""
    rng = random.Random(seed)
    m = argmap.ArgumentMap(title=f"A tree of {claims} claims")
    for k in range(claims):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 14))).capitalize() + f". ({k})"
        claim = m.claim(text, id=f"c{k}")
        if k:
            parent = f"c{int(k * rng.random() ** 0.5)}"
            m.infer("support" if rng.random() < 0.55 else "attack", parent, claim, id=f"s{k}")
    return m


def engine_boxes(source: str) -> dict[str, tuple[float, float, float, float]]:
    """Each node's box as the engine draws it: x0, y0, x1, y1 in points (from -Tplain)."""
    boxes = {}
    for row in run_engine(source, "plain").decode("utf-8").splitlines():
        parts = row.split()
        if parts and parts[0] == "node":
            x, y, w, h = (float(v) * 72 for v in parts[2:6])
            boxes[parts[1]] = (x - w / 2, y - h / 2, x + w / 2, y + h / 2)
    return boxes


def engine_lines(source: str) -> list[tuple[str, str, list[tuple[float, float]]]]:
    """Each edge's tail, head and spline points (from -Tplain)."""
    lines = []
    for row in run_engine(source, "plain").decode("utf-8").splitlines():
        parts = row.split()
        if parts and parts[0] == "edge":
            count = int(parts[3])
            values = [float(v) * 72 for v in parts[4:4 + 2 * count]]
            lines.append((parts[1], parts[2], list(zip(values[::2], values[1::2], strict=True))))
    return lines


@pytest.mark.parametrize("theme", ["default", "projector"])
def test_the_sizes_argmap_assumes_are_the_sizes_the_engine_draws(oped_map: argmap.ArgumentMap, theme: str) -> None:
    evaluation = argmap.evaluate(oped_map, "grounded")
    th = get_theme(theme)
    drawing = build_dot(oped_map, th, DrawingOptions(evaluation=evaluation), layout="tree")
    badges, _styles, borders = evaluation_marks(evaluation, {}, {})
    roles = {n.id: n.role for n in oped_map}
    predicted = _box_sizes(list(oped_map.claims), list(oped_map.inferences), th, roles, badges, borders, {}, {})
    drawn = engine_boxes(drawing.source)
    assert len(predicted) == len(oped_map)
    for name, (w, h) in predicted.items():
        x0, y0, x1, y1 = drawn[name]
        assert abs((x1 - x0) - w) < 0.05 and abs((y1 - y0) - h) < 0.05, name


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


def _inside(point: tuple[float, float], box: tuple[float, float, float, float]) -> bool:
    return box[0] + 1 < point[0] < box[2] - 1 and box[1] + 1 < point[1] < box[3] - 1


@pytest.mark.parametrize("which", ["tree", "oped", "questions"])
def test_tree_layout_boxes_never_overlap_and_lines_cross_no_box(which: str, oped_map: argmap.ArgumentMap) -> None:
    m = tree_map(400) if which == "tree" else oped_map
    prompts = None
    if which == "questions":
        from argmap.analysis.questions import step_prompts

        prompts = step_prompts(m)
    drawing = build_dot(m, layout="tree", prompts=prompts)
    boxes = engine_boxes(drawing.source)
    names = sorted(boxes)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert not _overlap(boxes[a], boxes[b]), (a, b)
    routed = set(re.findall(r"^\t(\w+) -> (\w+) \[[^\n]*\bpos=", drawing.source, re.M))
    assert len(routed) >= len(m) - len(m.claims)  # every step's line to its target, at least
    for tail, head, points in engine_lines(drawing.source):
        if (tail, head) not in routed:
            continue  # a second line to a shared premise is drawn straight, wherever it goes
        # The routes are straight stretches: check points along each stretch of the polyline.
        for (x0, y0), (x1, y1) in zip(points[::3], points[3::3], strict=False):
            for k in range(1, 20):
                point = (x0 + (x1 - x0) * k / 20, y0 + (y1 - y0) * k / 20)
                for name in names:
                    if name not in (tail, head):
                        assert not _inside(point, boxes[name]), (tail, head, name)


def _shape(drawing_source: str) -> float:
    boxes = engine_boxes(drawing_source)
    width = max(b[2] for b in boxes.values()) - min(b[0] for b in boxes.values())
    height = max(b[3] for b in boxes.values()) - min(b[1] for b in boxes.values())
    return max(width / height, height / width)


def test_a_big_tree_is_no_strip() -> None:
    m = tree_map(1500)
    layered_free = build_dot(m)  # auto: argmap's layout past 60 claims
    assert "layout=nop2" in layered_free.source
    assert _shape(layered_free.source) <= 3.0


def test_small_maps_keep_the_layered_layout(oped_map: argmap.ArgumentMap) -> None:
    assert "nop2" not in build_dot(oped_map).source
    assert "nop2" not in build_dot(tree_map(40)).source
    with pytest.raises(argmap.ArgmapError, match="layout"):
        build_dot(oped_map, layout="circle")  # type: ignore[arg-type]


def _places(m: argmap.ArgumentMap) -> dict[str, tuple[float, float]]:
    drawing = build_dot(m, layout="tree")
    tx, ty = drawing.positions[drawing.names["c0"]]
    return {c.id: (drawing.positions[drawing.names[c.id]][0] - tx, drawing.positions[drawing.names[c.id]][1] - ty)
            for c in m.claims}


def test_adding_a_claim_moves_few_boxes() -> None:
    m = tree_map(600)
    before = _places(m)
    rng = random.Random(5)
    kept = []
    for _ in range(8):
        grown = m.copy()
        target = rng.choice([c.id for c in m.claims])
        grown.infer("support", target, grown.claim("One more reason, added last.", id="new"), id="s-new")
        after = _places(grown)
        assert after == _places(grown)  # the same map always lands the same way
        kept.append(sum(1 for c in before if abs(before[c][0] - after[c][0]) < 1 and
                        abs(before[c][1] - after[c][1]) < 1) / len(before))
    kept.sort()
    # Siblings keep the map's order and a new claim comes last: most additions move only what
    # comes after the new claim and the claims above it. (A block that turns from a row into a
    # column moves more; that is the least of the eight.)
    assert kept[len(kept) // 2] >= 0.9, kept
    assert sum(kept) / len(kept) >= 0.75, kept


def test_focus_view_keeps_roles_and_says_what_is_folded(oped_map: argmap.ArgumentMap) -> None:
    focus = next(c for c in oped_map.claims if c.role == "reason" and c.incoming)
    view = focus_view(oped_map, focus.id, depth=0)
    assert focus.id in view.stubs
    stub = view.stubs[focus.id]
    assert stub.hidden == sum(stub.by_role.values()) > 0
    assert stub.text.startswith(f"+{stub.hidden} more: ")
    svg = argmap.render_bytes(oped_map, "svg", focus=focus.id, depth=0).decode()
    assert stub.text in svg
    assert re.search(r'class="node claim reason"[^>]*>\s*<title>' + re.escape(focus.text[:20]), svg)
    with pytest.raises(argmap.ArgmapError, match="no claim"):
        argmap.render_bytes(oped_map, "svg", focus="no-such-claim")
    with pytest.raises(argmap.ArgmapError, match="depth"):
        argmap.render_bytes(oped_map, "svg", depth=-1)


def test_depth_alone_shows_the_top_levels(oped_map: argmap.ArgumentMap) -> None:
    view = focus_view(oped_map, None, depth=1)
    shown = {c.id for c in view.map.claims}
    hidden = sum(s.hidden for s in view.stubs.values())
    assert len(shown) + hidden == len(oped_map.claims)


def test_linked_pages_link_to_files_that_exist_and_each_page_is_no_strip(tmp_path: Path) -> None:
    m = tree_map(800)
    out = argmap.render(m, tmp_path / "debate.svg", pages=40)
    files = [out, *sorted((tmp_path / "debate-pages").glob("*.svg"))]
    assert len(files) > 5
    for file in files:
        text = file.read_text(encoding="utf-8")
        for href in re.findall(r'xlink:href="([^"]+)"', text):
            assert (file.parent / href).resolve().is_file(), (file, href)
        size = re.search(r'width="([\d.]+)pt" height="([\d.]+)pt"', text)
        assert size is not None
        width, height = float(size.group(1)), float(size.group(2))
        assert max(width / height, height / width) <= 3.0, file
    # Every claim is drawn on some page.
    drawn = set()
    for page in split_pages(m, per_page=40, name="debate.svg"):
        drawn |= {c.id for c in page.view.map.claims}
    assert drawn == {c.id for c in m.claims}


def test_linked_html_pages_list_their_links(tmp_path: Path) -> None:
    files = draw_pages(tree_map(300), "html", name="debate.html", per_page=40)
    overview = files["debate.html"].decode()
    links = re.findall(r'<nav class="am-pages".*?</nav>', overview, re.S)
    assert links and "debate-pages/" in links[0]
    branch = files[next(name for name in files if name != "debate.html")].decode()
    assert 'href="../debate.html"' in branch
    with pytest.raises(argmap.ArgmapError, match="page formats"):
        draw_pages(tree_map(10), "png", name="x.png")


def test_progress_reaches_the_end_and_the_bar_stays_off_a_pipe(tmp_path: Path) -> None:
    calls: list[tuple[int, int, str]] = []
    argmap.render(tree_map(300), tmp_path / "t.svg", pages=40, progress=lambda *a: calls.append(a))
    assert calls and calls[-1][0] == calls[-1][1]
    calls.clear()
    argmap.render(tree_map(100), tmp_path / "one.svg", progress=lambda *a: calls.append(a))
    assert [c[2] for c in calls] == ["laying out", "drawing", "describing"]
    quiet = io.StringIO()
    ProgressBar(stream=quiet, delay=0)(1, 2, "half")
    assert quiet.getvalue() == ""
    shown = io.StringIO()
    with ProgressBar(stream=shown, delay=0, force=True) as bar:
        bar(1, 2, "half")
    assert "1/2 half" in shown.getvalue() and shown.getvalue().endswith("\r")


def test_render_command_focus_depth_and_pages(tmp_path: Path, oped_map: argmap.ArgumentMap,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "oped.json"
    argmap.dump(oped_map, source)
    focus = oped_map.claims[1].id
    assert main(["render", str(source), "-o", str(tmp_path / "f.svg"), "--focus", focus, "--depth", "1"]) == 0
    svg = (tmp_path / "f.svg").read_text(encoding="utf-8")
    assert f'id="am-{focus}"' in svg
    assert 0 < len(re.findall(r'class="node claim ', svg)) < len(oped_map.claims)
    assert main(["render", str(source), "-o", str(tmp_path / "p.svg"), "--pages", "10"]) == 0
    assert (tmp_path / "p-pages").is_dir()
    capsys.readouterr()
    # An option that names no claim is a usage mistake (2), said with the option's name.
    assert main(["render", str(source), "-o", str(tmp_path / "x.svg"), "--focus", "nope"]) == 2
    err = capsys.readouterr().err
    assert "--focus" in err and "no claim with that id" in err
    # Through a pipe, the bar never shows.
    done = subprocess.run([sys.executable, "-m", "argmap", "render", str(source), "-o", str(tmp_path / "q.svg"),
                           "--layout", "tree"], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0 and done.stderr == ""


def _accessible_facts(svg: str) -> list[object]:
    ns = "{http://www.w3.org/2000/svg}"
    root = ET.fromstring(svg.encode("utf-8"))
    facts: list[object] = [root.get("role"), root.get("aria-labelledby")]
    facts += [(child.tag, child.text, child.get("id")) for child in root if child.tag in (ns + "title", ns + "desc")]
    for group in root.iter(ns + "g"):
        title = group.find(ns + "title")
        facts.append((group.get("id"), group.get("class"), title.text if title is not None else None))
    return facts


def test_the_streaming_accessibility_pass_says_what_the_tree_pass_says(monkeypatch: pytest.MonkeyPatch) -> None:
    import argmap.drawing.accessibility as accessibility

    m = tree_map(150)
    m.claims["c3"].text = 'Quotes " and <tags> & ampersands stay text.'
    drawing = build_dot(m, layout="tree", view=focus_view(m, None, depth=4))
    raw = run_engine(drawing.source, "svg")
    tree_pass = accessibility.make_accessible(raw, drawing, m)
    monkeypatch.setattr(accessibility, "STREAM_FROM", 1)
    streamed = accessibility.make_accessible(raw, drawing, m)
    assert streamed != tree_pass  # the other pass ran
    assert _accessible_facts(streamed) == _accessible_facts(tree_pass)
    assert "<!--" not in streamed and streamed.startswith("<?xml")


def test_the_numbers_the_docs_state_are_the_programs() -> None:
    from argmap.drawing.pages import PER_PAGE
    from argmap.drawing.pinned import TREE_LAYOUT_FROM

    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    guide = (root / "docs" / "big-maps.md").read_text(encoding="utf-8")
    assert f"past {TREE_LAYOUT_FROM} claims" in readme
    assert f"more than {TREE_LAYOUT_FROM} claims" in guide
    assert f"pages of about {PER_PAGE} claims" in guide


def test_linked_html_pages_open_and_link_in_a_browser(browser: object, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    overview = argmap.render(tree_map(400), tmp_path / "debate.html", pages=40)
    context = browser.new_context(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(overview.as_uri())
    expect(page.locator(".am-root:not([data-am-ready=ready])")).to_have_count(0)
    links = page.locator(".am-pages a")
    assert links.count() > 1
    page.screenshot(path=str(tmp_path / "overview.png"))
    links.first.click()
    expect(page).to_have_url(re.compile(r"/debate-pages/[^/]+\.html$"))
    expect(page.locator(".am-root:not([data-am-ready=ready])")).to_have_count(0)
    assert page.locator("svg.am-svg g[data-node]").count() > 1
    page.screenshot(path=str(tmp_path / "branch.png"))
    page.locator(".am-page-up").first.click()
    expect(page).to_have_url(re.compile(r"/debate\.html$"))
    assert errors == []
    context.close()
