"""The map page in a real browser: Debian's Chromium, headless, driven by Playwright.

Each test opens a page written by ``argmap.render`` from ``file://`` and checks what a reader
would see and do. Screenshots go to pytest's temporary directory (look at them with
``pytest --basetemp=DIR``).
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap import render_bytes
from argmap.drawing.folds import fold_sets
from argmap.drawing.html import LAZY_NODES
from argmap.drawing.output import notebook_html
from tests.drawing.html_maps import HOSTILE, debate_map, hostile_map, wide_map

if importlib.util.find_spec("playwright") is not None:
    from playwright.sync_api import expect
# Without playwright (the test extra installs it) the browser fixture skips, or fails in CI,
# before a test reaches `expect`.


class Opened:
    """A loaded page with what it logged: console errors, page errors and requests."""

    def __init__(self, browser: Any, url: str, width: int = 1200, height: int = 760) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("request", lambda req: self.requests.append(req.url))
        self.url = url
        self.page.goto(url)
        # Playwright's wait_for_function evaluates strings, which the page's CSP rightly forbids.
        expect(self.page.locator(".am-root:not([data-am-ready=ready])")).to_have_count(0)

    def _console(self, msg: Any) -> None:
        if msg.type in ("error", "warning"):
            self.errors.append(msg.text)

    def current(self) -> str | None:
        return self.page.evaluate(  # type: ignore[no-any-return]
            "() => { const r = document.querySelector('.am-ring');"
            " return r && r.parentNode ? r.parentNode.getAttribute('data-node') : null; }")

    def hidden_nodes(self) -> set[str]:
        return set(self.page.evaluate(
            "() => [...document.querySelectorAll('g[data-node]')]"
            ".filter(g => getComputedStyle(g).display === 'none').map(g => g.dataset.node)"))

    def center_y(self, node: str) -> float:
        box = self.page.locator(f'g[data-node="{node}"]').bounding_box()
        assert box is not None
        return float(box["y"] + box["height"] / 2)

    def close(self) -> None:
        self.context.close()


def tap(root: Any, node: str) -> None:
    """Click a node wherever it is drawn, even off screen (the page listens for pointer events)."""
    root.evaluate(
        "(root, id) => { const g = [...root.querySelectorAll('g[data-node]')].find(g => g.dataset.node === id);"
        " for (const type of ['pointerdown', 'pointerup'])"
        "  g.dispatchEvent(new PointerEvent(type, {bubbles: true, button: 0, pointerId: 7})); }", node)


@pytest.fixture(scope="module")
def debate_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[argmap.ArgumentMap, Path]:
    m = debate_map()
    path = tmp_path_factory.mktemp("page") / "debate.html"
    argmap.render(m, path, evaluation={"thesis": "in", "cost": "out", "safety": 0.8},
                  questions={"r1": ["Are the consequences likely?", "Are there side effects?"]})
    return m, path


@pytest.fixture
def opened(browser: Any, debate_page: tuple[argmap.ArgumentMap, Path]) -> Iterator[Opened]:
    page = Opened(browser, debate_page[1].as_uri())
    yield page
    page.close()


def test_page_loads_from_file_with_no_errors_and_no_requests(opened: Opened, tmp_path: Path) -> None:
    opened.page.screenshot(path=str(tmp_path / "loaded.png"))
    assert opened.errors == []
    assert opened.requests == [opened.url]
    assert opened.page.locator("g[data-node]").count() == len(debate_map())
    assert opened.page.title() == "Should the town build a bike lane?"


def test_clicking_a_claim_shows_its_sources(opened: Opened, tmp_path: Path) -> None:
    page = opened.page
    page.locator('g[data-node="thesis"]').click()
    panel = page.locator(".am-panel")
    assert panel.is_visible()
    text = panel.inner_text()
    for expected in ("Build the lane", "The town should build a bike lane on Main Street.", "Ada Council",
                     "Minutes of the May meeting", "Town Gazette, 2024-05-01", "We move to build the lane this year.",
                     "official statement", "accepted", "transport"):
        assert expected in text
    link = panel.locator("a.am-url")
    assert link.count() == 1
    assert link.get_attribute("href") == "https://example.org/minutes"
    assert link.get_attribute("rel") == "noopener noreferrer"
    page.screenshot(path=str(tmp_path / "sources.png"))
    # A step's scheme and its open critical questions show with the claim that makes the step.
    page.locator('g[data-node="safety"]').click()
    text = panel.inner_text()
    assert "argument from consequences" in text and "Are there side effects?" in text
    assert "strength 0.8" in text
    assert page.locator(".am-panel a.am-url").count() == 0
    page.locator('g[data-node="data"]').click()
    assert panel.locator("a.am-url").get_attribute("href") == "mailto:office@example.org"
    page.locator(".am-close").click()
    assert not panel.is_visible()
    assert opened.errors == []


def test_folding_hides_exactly_what_bears_on_the_claim(opened: Opened, debate_page: Any, tmp_path: Path) -> None:
    m = debate_page[0]
    folds = fold_sets(m)
    page = opened.page
    assert opened.hidden_nodes() == set()
    knob = page.locator('g[data-node="safety"] .am-knob')
    knob.click()
    assert opened.hidden_nodes() == folds["safety"]
    assert "shared" not in folds["safety"] and "data" in folds["safety"]
    claims_hidden = sum(1 for n in folds["safety"] if m[n].kind == "claim")
    assert knob.text_content() == f"+{claims_hidden}"
    # Edges into or out of hidden nodes go too; the shared premise's other edges stay.
    hidden_edges = page.evaluate(
        "() => [...document.querySelectorAll('g[data-from]')].filter(g => getComputedStyle(g).display === 'none')"
        ".map(g => g.dataset.from + '>' + g.dataset.to)")
    expected = {f"{a}>{b}" for a, b in m.graph.edges if a in folds["safety"] or b in folds["safety"]}
    assert set(hidden_edges) == expected
    page.screenshot(path=str(tmp_path / "folded.png"))
    # Folds nest: folding the thesis, then unfolding it, leaves the inner fold folded.
    page.locator('g[data-node="thesis"] .am-knob').click()
    assert opened.hidden_nodes() == folds["thesis"]
    page.locator('g[data-node="thesis"] .am-knob').click()
    assert opened.hidden_nodes() == folds["safety"]
    knob.click()
    assert opened.hidden_nodes() == set()
    assert opened.errors == []


def test_search_highlights_and_scrolls_to_a_claim(opened: Opened, tmp_path: Path) -> None:
    page = opened.page
    page.locator('g[data-node="thesis"] .am-knob').click()  # the match is folded away at first
    page.locator(".am-search").fill("speed limit")
    expect(page.locator(".am-count")).to_have_text("1 of 1")
    target = page.locator('g[data-node="confound"]')
    assert "am-match" in (target.get_attribute("class") or "")
    assert "confound" not in opened.hidden_nodes()
    box = target.bounding_box()
    view = page.locator(".am-viewport").bounding_box()
    assert box is not None and view is not None
    assert view["x"] <= box["x"] and box["x"] + box["width"] <= view["x"] + view["width"]
    assert view["y"] <= box["y"] and box["y"] + box["height"] <= view["y"] + view["height"]
    page.screenshot(path=str(tmp_path / "search.png"))
    count = sum(1 for c in debate_map().claims
                if "lane" in (c.text + " " + (c.label or "") + " " + " ".join(c.tags)).lower())
    assert count > 2
    page.locator(".am-search").fill("lane")
    expect(page.locator(".am-count")).to_have_text(f"1 of {count}")
    assert page.locator("g.am-match").count() == count
    page.locator(".am-search").press("Enter")
    assert page.locator(".am-count").inner_text() == f"2 of {count}"
    page.locator(".am-search").fill("no such words anywhere")
    expect(page.locator(".am-count")).to_have_text("no match")
    assert page.locator("g.am-match").count() == 0


def test_keyboard_moves_between_claims_opens_and_closes(opened: Opened, tmp_path: Path) -> None:
    page = opened.page
    page.locator(".am-viewport").focus()
    page.keyboard.press("ArrowDown")
    first = opened.current()
    assert first == "thesis"  # the first arrow lands on the thesis
    page.keyboard.press("ArrowDown")
    below = opened.current()
    assert below is not None and below != "thesis"
    assert opened.center_y(below) > opened.center_y("thesis")
    page.keyboard.press("ArrowRight")
    right = opened.current()
    assert right is not None
    page.keyboard.press("ArrowUp")
    assert opened.center_y(opened.current() or "") < opened.center_y(right)
    page.keyboard.press("Enter")
    panel = page.locator(".am-panel")
    assert panel.is_visible()
    assert debate_map().claims[opened.current() or ""].text in panel.inner_text()
    page.screenshot(path=str(tmp_path / "keyboard.png"))
    page.keyboard.press("Escape")
    assert not panel.is_visible()
    # "c" folds what bears on the current claim, and again unfolds it.
    page.keyboard.press("c")
    assert opened.hidden_nodes() == fold_sets(debate_map())[opened.current() or ""]
    page.keyboard.press("c")
    assert opened.hidden_nodes() == set()
    assert opened.errors == []


def test_pan_zoom_and_fit(opened: Opened) -> None:
    page = opened.page

    def transform() -> list[float]:
        return page.evaluate(  # type: ignore[no-any-return]
            "() => { const m = new DOMMatrix(getComputedStyle(document.querySelector('.am-svg')).transform);"
            " return [m.a, m.e, m.f]; }")

    scale, x, y = transform()
    view = page.locator(".am-viewport").bounding_box()
    assert view is not None
    page.mouse.move(view["x"] + 300, view["y"] + 200)
    page.mouse.wheel(0, -400)
    for _ in range(50):  # wheel events arrive asynchronously
        if transform()[0] > scale:
            break
        page.wait_for_timeout(20)
    zoomed = transform()[0]
    assert zoomed > scale
    page.mouse.move(view["x"] + 50, view["y"] + 50)
    page.mouse.down()
    page.mouse.move(view["x"] + 150, view["y"] + 110, steps=5)
    page.mouse.up()
    _, x2, y2 = transform()
    assert transform()[0] == zoomed
    assert (x2 - transform()[1], y2 - transform()[2]) == (0, 0)
    page.locator(".am-zoom-out").click()
    assert transform()[0] < zoomed
    page.locator(".am-fit").click()
    svg = page.locator(".am-svg").bounding_box()
    assert svg is not None
    assert svg["width"] <= view["width"] + 1 and svg["height"] <= view["height"] + 1
    assert max(svg["width"] / view["width"], svg["height"] / view["height"]) > 0.9
    assert not page.locator(".am-panel").is_visible()  # a drag is not a click
    assert opened.errors == []


def test_two_finger_pinch_zooms_around_the_fingers(browser: Any, debate_page: Any, tmp_path: Path) -> None:
    # A tablet: touch input, dispatched through the DevTools protocol as real touch points.
    context = browser.new_context(viewport={"width": 1024, "height": 700}, has_touch=True)
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(debate_page[1].as_uri())
        expect(page.locator(".am-root:not([data-am-ready=ready])")).to_have_count(0)
        cdp = context.new_cdp_session(page)

        def touch(kind: str, points: list[tuple[float, float]]) -> None:
            cdp.send("Input.dispatchTouchEvent", {
                "type": kind, "touchPoints": [{"x": x, "y": y, "id": k} for k, (x, y) in enumerate(points)]})

        def transform() -> tuple[float, float, float]:
            a, e, f = page.evaluate(
                "() => { const m = new DOMMatrix(getComputedStyle(document.querySelector('.am-svg')).transform);"
                " return [m.a, m.e, m.f]; }")
            return float(a), float(e), float(f)

        view = page.locator(".am-viewport").bounding_box()
        assert view is not None
        cx, cy = view["x"] + view["width"] / 2 + 60, view["y"] + view["height"] / 2 - 40
        s0, x0, y0 = transform()
        # The map point under the fingers' midpoint, in the picture's own units.
        under = ((cx - view["x"] - x0) / s0, (cy - view["y"] - y0) / s0)
        touch("touchStart", [(cx - 40, cy), (cx + 40, cy)])
        for step in range(1, 7):  # the fingers spread from 80 to 200 pixels apart
            touch("touchMove", [(cx - 40 - 10 * step, cy), (cx + 40 + 10 * step, cy)])
        touch("touchEnd", [])
        s1, x1, y1 = transform()
        assert s1 == pytest.approx(s0 * 200 / 80, rel=1e-3)
        assert ((cx - view["x"] - x1) / s1, (cy - view["y"] - y1) / s1) == pytest.approx(under, abs=0.5)
        # Pinching in again zooms out; lifting the fingers is no tap: no panel opens.
        touch("touchStart", [(cx - 100, cy), (cx + 100, cy)])
        touch("touchMove", [(cx - 50, cy), (cx + 50, cy)])
        touch("touchEnd", [])
        assert transform()[0] == pytest.approx(s1 / 2, rel=1e-3)
        assert not page.locator(".am-panel").is_visible()
        page.screenshot(path=str(tmp_path / "pinched.png"))
        assert errors == []
    finally:
        context.close()


def test_outline_view_and_print_layout(opened: Opened, tmp_path: Path) -> None:
    page = opened.page
    outline = page.locator(".am-outline")
    # Hidden on screen but present for screen readers.
    assert page.evaluate("getComputedStyle(document.querySelector('.am-outline')).display") != "none"
    page.locator(".am-toggle-outline").click()
    assert outline.is_visible() and not page.locator(".am-viewport").is_visible()
    assert page.locator(".am-outline ol ol li").count() > 0
    text = outline.inner_text()
    assert "Thesis:" in text and "Objection:" in text and "Rebuttal:" in text and "Undercut:" in text
    page.screenshot(path=str(tmp_path / "outline.png"))
    page.locator('.am-outline [data-node="grant"]').click()
    assert "A state grant pays most of the cost." in page.locator(".am-panel").inner_text()
    page.locator(".am-toggle-outline").click()
    assert page.locator(".am-viewport").is_visible()
    # Print: no tools or panel, the whole map scaled into the page.
    page.set_viewport_size({"width": 794, "height": 1123})
    page.emulate_media(media="print")
    assert not page.locator(".am-tools").is_visible()
    svg = page.locator(".am-svg").bounding_box()
    assert svg is not None
    assert svg["x"] >= 0 and svg["x"] + svg["width"] <= 794 + 1
    assert svg["y"] + svg["height"] <= 1123
    pdf = page.pdf(path=str(tmp_path / "print.pdf"), format="A4")
    assert pdf.startswith(b"%PDF")


def test_hostile_text_never_runs(browser: Any, tmp_path: Path) -> None:
    m = hostile_map()
    path = tmp_path / "hostile.html"
    every = list(m.graph.nodes)
    argmap.render(m, path, evaluation={n: HOSTILE[0] for n in every}, questions={n: HOSTILE for n in every})
    opened = Opened(browser, path.as_uri())
    page = opened.page
    try:
        for node in every:  # open every node's details: each inserts its text, tags, sources
            tap(page.locator(".am-root"), node)
            assert page.locator(".am-panel").is_visible()
        page.locator(".am-viewport").focus()
        for _ in range(len(every)):
            page.keyboard.press("ArrowDown")
            page.keyboard.press("Enter")
            for link in page.locator(".am-panel .am-url-text").all():
                link.click()
        page.locator(".am-search").fill("script")
        page.locator(".am-toggle-outline").click()
        page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.evaluate("document.querySelectorAll('img, iframe, style:not(head style)').length") == 0
        assert page.evaluate("document.scripts.length") == 2  # the data block and ours
        # No link with a dangerous scheme exists; the javascript: URL shows as plain text.
        hrefs = page.evaluate("[...document.querySelectorAll('a')].map(a => a.getAttribute('href'))")
        assert all(h.startswith(("http://", "https://", "mailto:")) for h in hrefs)
        tap(page.locator(".am-root"), every[0])
        assert page.locator(".am-panel .am-url-text", has_text="javascript:").count() > 0
        assert opened.errors == []
        assert opened.requests == [opened.url]
    finally:
        opened.close()


def test_javascript_url_is_text_not_a_link(opened: Opened) -> None:
    page = opened.page
    page.locator('g[data-node="thesis"]').click()
    bad = page.locator(".am-panel .am-url-text")
    assert bad.inner_text() == "javascript:window.__pwned=1"
    assert page.evaluate("document.querySelector('.am-panel .am-url-text').closest('a')") is None
    bad.click()
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_notebook_fragments_coexist_without_globals(browser: Any, tmp_path: Path) -> None:
    small = argmap.ArgumentMap(title="Second map")
    small.support(small.claim("Tea is good.", id="thesis"), small.claim("It warms you.", id="warm"), id="s")
    hostile = hostile_map()
    # No CSP on this page: escaping alone must keep the hostile map's text inert.
    body = notebook_html(debate_map()) + notebook_html(small) + notebook_html(hostile) + notebook_html(small)
    blank = tmp_path / "blank.html"
    blank.write_text("<!DOCTYPE html><html><body><p>notebook</p></body></html>", encoding="utf-8")
    page_path = tmp_path / "notebook.html"
    page_path.write_text(f"<!DOCTYPE html><html><body><p>notebook</p>{body}</body></html>", encoding="utf-8")
    empty = Opened(browser, blank.as_uri())
    baseline = set(empty.page.evaluate("Object.keys(window)"))
    empty.close()
    opened = Opened(browser, page_path.as_uri(), height=2400)
    page = opened.page
    try:
        assert set(page.evaluate("Object.keys(window)")) - baseline == set()
        roots = page.locator(".am-root")
        assert roots.count() == 4
        assert page.locator(".am-root[data-am-ready=ready]").count() == 4
        # Each map works on its own: a click in the last one opens the last one's panel only.
        roots.nth(3).locator('g[data-node="warm"]').click()
        assert roots.nth(3).locator(".am-panel").is_visible()
        assert "It warms you." in roots.nth(3).locator(".am-panel").inner_text()
        assert not roots.nth(1).locator(".am-panel").is_visible()
        roots.nth(0).locator('g[data-node="safety"] .am-knob').click()
        assert roots.nth(0).locator('g[data-node="data"]').is_hidden()
        assert roots.nth(1).locator('g[data-node="warm"]').is_visible()
        for node in hostile.graph.nodes:
            tap(roots.nth(2), node)
        page.screenshot(path=str(tmp_path / "notebook.png"), full_page=True)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert opened.errors == []
        assert opened.requests == [opened.url]
    finally:
        opened.close()


def test_a_big_map_draws_what_is_near_and_everything_when_printed(browser: Any, tmp_path: Path) -> None:
    m = wide_map(250)
    assert len(m) > LAZY_NODES
    path = tmp_path / "wide.html"
    argmap.render(m, path)
    opened = Opened(browser, path.as_uri())
    page = opened.page
    try:
        shown = ("() => [...document.querySelectorAll('g[data-node]')]"
                 ".filter(g => getComputedStyle(g).display !== 'none')")
        texts = "() => document.querySelectorAll('g[data-node] text').length"
        near = page.evaluate(shown + ".length")
        assert 0 < near < len(m) / 2
        assert page.locator('g[data-node="w0"] text').count() > 0  # the thesis, drawn with its text
        assert page.evaluate(texts) < len(m)
        page.screenshot(path=str(tmp_path / "wide.png"))
        # Search reaches a far claim: it is drawn, with its text, inside the viewport.
        page.locator(".am-search").fill("Claim number 249 says")
        expect(page.locator(".am-count")).to_have_text("1 of 1")
        far = page.locator('g[data-node="w249"]')
        expect(far).to_be_visible()
        assert "Claim number 249" in (far.text_content() or "")
        box, view = far.bounding_box(), page.locator(".am-viewport").bounding_box()
        assert box is not None and view is not None
        assert view["x"] <= box["x"] and box["x"] + box["width"] <= view["x"] + view["width"]
        # Folding still hides exactly the fold, whatever is drawn.
        tap(page.locator(".am-root"), "w1")
        page.locator(".am-viewport").focus()
        page.keyboard.press("c")
        folded = set(page.evaluate(
            "() => [...document.querySelectorAll('g[data-node].am-hidden')].map(g => g.dataset.node)"))
        assert folded == fold_sets(m)["w1"]
        page.keyboard.press("c")
        # Fit shows every box (text would be too small to read, so it waits).
        page.locator(".am-fit").click()
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        assert page.evaluate(shown + ".length") == len(m)
        # Printing draws everything, text included.
        page.pdf(path=str(tmp_path / "wide.pdf"))
        runs = len(re.findall(r"<text", render_bytes(m, "svg").decode()))
        # Every text run of the plain SVG is on the page now (plus the fold knobs' labels).
        all_texts = page.evaluate("() => document.querySelectorAll('.am-svg text').length")
        assert all_texts - page.locator(".am-knob text").count() == runs
        page.emulate_media(media="print")
        assert page.evaluate(shown + ".length") == len(m)
        assert opened.errors == []
        assert opened.requests == [opened.url]
    finally:
        opened.close()


def test_example_notebook_outputs_work_in_a_browser(browser: Any, tmp_path: Path) -> None:
    notebook = json.loads((Path(__file__).resolve().parents[2] / "examples" / "notebook.ipynb").read_text("utf-8"))
    outputs = ["".join(o["data"]["text/html"]) for c in notebook["cells"] if c["cell_type"] == "code"
               for o in c["outputs"] if "text/html" in o.get("data", {})]
    assert len(outputs) == 2
    page_path = tmp_path / "notebook-outputs.html"
    page_path.write_text("<!DOCTYPE html><html><body>" + "".join(outputs) + "</body></html>", encoding="utf-8")
    opened = Opened(browser, page_path.as_uri(), height=1800)
    try:
        roots = opened.page.locator(".am-root")
        assert roots.count() == 2
        roots.nth(1).locator('g[data-node="thesis"]').click()
        assert "Accept those fleeing" in roots.nth(1).locator(".am-panel").inner_text()
        assert not roots.nth(0).locator(".am-panel").is_visible()
        opened.page.screenshot(path=str(tmp_path / "notebook-outputs.png"), full_page=True)
        assert opened.errors == [] and opened.requests == [opened.url]
    finally:
        opened.close()


def test_question_prompt_boxes_fold_with_their_step(browser: Any, tmp_path: Path) -> None:
    from argmap.gallery.conscription import build_map

    m = build_map()
    path = tmp_path / "questions.html"
    argmap.render(m, path, questions=True)
    opened = Opened(browser, path.as_uri())
    page = opened.page
    try:
        prompts = page.locator("g.prompt[data-linked]")
        assert prompts.count() > 0
        folds = fold_sets(m)
        steps = [prompts.nth(k).get_attribute("data-linked") for k in range(prompts.count())]
        # The smallest fold that holds a step with a prompt box.
        holder, step = min(((c.id, st) for st in steps for c in m.claims if st in folds[c.id]),
                           key=lambda pair: len(folds[pair[0]]))
        box = page.locator(".am-svg g.prompt[data-linked]").nth(steps.index(step))
        tap(page.locator(".am-root"), holder)
        page.locator(".am-viewport").focus()
        page.keyboard.press("c")
        assert opened.hidden_nodes() == folds[holder]
        assert box.is_hidden()
        page.keyboard.press("c")
        assert opened.hidden_nodes() == set()
        assert page.evaluate("b => getComputedStyle(b).display", box.element_handle()) != "none"
        assert opened.errors == []
    finally:
        opened.close()


def test_without_scripts_the_picture_and_outline_show(browser: Any, debate_page: Any, tmp_path: Path) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1200, "height": 760})
    page = context.new_page()
    try:
        page.goto(debate_page[1].as_uri())
        assert page.locator(".am-root.am-nojs").count() == 1
        assert not page.locator(".am-tools").is_visible()
        assert page.locator('g[data-node="thesis"]').is_visible()
        outline = page.locator(".am-outline")
        box = outline.bounding_box()
        assert box is not None and box["height"] > 100 and box["width"] > 300
        assert "Crashes fell by 40%" in outline.inner_text()
        page.screenshot(path=str(tmp_path / "noscript.png"), full_page=True)
    finally:
        context.close()
