"""Benchmark: a 2,000-claim map's interactive page in headless Chromium.

Target (issue 6): the page reaches its load event in under 2 seconds, and stays usable: search
and folding answer quickly. The peer in the same run is the plain Graphviz SVG of the same map
opened on its own, the least a browser must do to show the picture. Graphviz's layout is timed
separately: it runs once, when the page is written, not when it is opened.

Run: .venv/bin/python bench/html_bench.py [--claims 2000] [--seed 1] [--out DIR]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import networkx as nx

import argmap
from argmap.drawing.dot import build_dot
from argmap.drawing.engine import run_engine
from argmap.drawing.html import html_page, page_data
from argmap.drawing.inline_svg import inline_svg
from argmap.drawing.svg import font_fallback
from argmap.drawing.themes import get_theme

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
TARGET_LOAD_MS = 2000.0
WORDS = [
    "tax", "policy", "city", "school", "budget", "safety", "health", "data", "study", "cost", "voters", "court",
    "law", "market", "risk", "evidence", "growth", "trust", "rights", "energy", "water", "housing", "transport",
    "jobs", "crime", "science",
]


def big_map(claims: int, seed: int) -> argmap.ArgumentMap:
    """A deterministic map of ``claims`` claims: reasons, objections, rebuttals, undercuts,
    linked premises and a few premises shared between steps."""
    rng = random.Random(seed)

    def sentence() -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 18))).capitalize() + "."

    m = argmap.ArgumentMap(title=f"Synthetic map of {claims} claims")
    made = [m.claim("The main thesis: " + sentence(), id="c0", label="Thesis")]
    steps: list[argmap.Inference] = []
    while len(made) < claims:
        # Prefer recent claims as targets, so the map grows deep as well as wide.
        target: Any = made[int(len(made) * (1 - rng.random() ** 3)) - 1] if len(made) > 1 else made[0]
        kind = rng.random()
        count = 2 if rng.random() < 0.15 else 1
        premises: list[Any] = []
        for _ in range(count):
            k = len(made)
            sources = ([argmap.Source(author=f"Author {k}", outlet="Gazette", url=f"https://example.org/{k}",
                                      quote=sentence())] if rng.random() < 0.3 else [])
            made.append(m.claim(sentence(), id=f"c{k}", label=f"Claim {k}" if rng.random() < 0.3 else None,
                                tags=[rng.choice(WORDS)], sources=sources))
            premises.append(made[-1])
        if rng.random() < 0.05 and len(made) > 10:
            shared = made[rng.randrange(1, len(made) - count)]
            # A shared premise must not be something the target bears on: no cycles.
            if shared.id != target.id and shared not in premises and not nx.has_path(m.graph, target.id, shared.id):
                premises.append(shared)
        if kind < 0.08 and steps:
            steps.append(m.undercut(rng.choice(steps), premises))
        elif kind < 0.38:
            steps.append(m.attack(target, premises))
        else:
            steps.append(m.support(target, premises, scheme="argument from example" if rng.random() < 0.2 else None))
    return m


def timed(fn: Any, *args: Any, **kw: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    result = fn(*args, **kw)
    return result, (time.perf_counter() - start) * 1000


WAIT_FRAME = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r())))"
SEARCH = """async (q) => {
  const s = document.querySelector('.am-search'), c = document.querySelector('.am-count');
  const t0 = performance.now();
  const changed = new Promise(r => new MutationObserver((_, o) => { o.disconnect(); r(); })
    .observe(c, {childList: true, characterData: true, subtree: true}));
  s.value = q; s.dispatchEvent(new Event('input'));
  await changed;
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  return [performance.now() - t0 - 120, c.textContent];  // minus the typing debounce
}"""
TAP = """async (id) => {
  const g = [...document.querySelectorAll('g[data-node]')].find(g => g.dataset.node === id);
  const t0 = performance.now();
  const knob = g.querySelector('.am-knob');
  for (const type of ['pointerdown', 'pointerup'])
    knob.dispatchEvent(new PointerEvent(type, {bubbles: true, button: 0, pointerId: 9}));
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  return [performance.now() - t0, document.querySelectorAll('g[data-node].am-hidden').length];
}"""
LOAD = """() => { const n = performance.getEntriesByType('navigation')[0];
  return [n.domInteractive, n.domContentLoadedEventEnd, n.loadEventEnd]; }"""


def browser_numbers(page_path: Path, svg_path: Path, runs: int, rare: str) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    out: dict[str, Any] = {"page_load": [], "page_interactive": [], "svg_load": [], "ready_wall": [],
                           "painted_wall": []}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for _ in range(runs):
            for path, key in ((svg_path, "svg_load"), (page_path, "page_load")):
                context = browser.new_context(viewport={"width": 1400, "height": 900})
                page = context.new_page()
                errors: list[str] = []
                page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
                start = time.perf_counter()
                page.goto(path.as_uri(), wait_until="load", timeout=120_000)
                wall = (time.perf_counter() - start) * 1000
                page.evaluate(WAIT_FRAME)
                painted = (time.perf_counter() - start) * 1000
                interactive, _, load = page.evaluate(LOAD)
                out[key].append(load)
                if key == "page_load":
                    out["page_interactive"].append(interactive)
                    out["ready_wall"].append(wall)
                    out["painted_wall"].append(painted)
                    assert page.locator(".am-root[data-am-ready=ready]").count() == 1, errors
                    assert not errors, errors
                context.close()
        # Usability on one loaded page.
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        page.goto(page_path.as_uri(), wait_until="load")
        out["search_ms"], out["search_result"] = page.evaluate(SEARCH, "risk evidence")
        out["search_rare_ms"], out["search_rare_result"] = page.evaluate(SEARCH, rare)
        out["fold_all_ms"], out["fold_all_hidden"] = page.evaluate(TAP, "c0")
        out["unfold_all_ms"], _ = page.evaluate(TAP, "c0")
        page.locator(".am-viewport").focus()
        start = time.perf_counter()
        for _ in range(10):
            page.keyboard.press("ArrowDown")
        page.evaluate(WAIT_FRAME)
        out["arrow_key_ms"] = (time.perf_counter() - start) * 100
        start = time.perf_counter()
        page.locator(".am-fit").click()
        page.evaluate(WAIT_FRAME)
        out["fit_ms"] = (time.perf_counter() - start) * 1000
        context.close()
        browser.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3, help="page loads to time (median reported)")
    parser.add_argument("--out", type=Path, default=None, help="keep the page and SVG here")
    args = parser.parse_args(argv)
    out_dir = args.out or Path(tempfile.mkdtemp(prefix="argmap-html-bench-"))
    out_dir.mkdir(parents=True, exist_ok=True)

    m, build_ms = timed(big_map, args.claims, args.seed)
    print(f"map: {len(m.claims)} claims, {len(m.inferences)} inferences (built in {build_ms:.0f} ms)")
    theme = get_theme("default")
    drawing, dot_ms = timed(build_dot, m, theme)
    raw, layout_ms = timed(run_engine, drawing.source, "svg")
    svg_text = font_fallback(raw.decode("utf-8"), theme.fontname)
    cleaned, clean_ms = timed(inline_svg, svg_text, drawing, "bench")
    _, data_ms = timed(page_data, m, boxes=cleaned.boxes)
    page, page_ms = timed(html_page, m)
    page_path = out_dir / "big.html"
    svg_path = out_dir / "big.svg"
    page_path.write_text(page, encoding="utf-8")
    svg_path.write_text(svg_text, encoding="utf-8")
    print(f"DOT build      {dot_ms:8.0f} ms")
    print(f"Graphviz layout{layout_ms:8.0f} ms   (once, when the page is written)")
    print(f"SVG cleaning   {clean_ms:8.0f} ms")
    print(f"page data      {data_ms:8.0f} ms   (fold tree included)")
    print(f"html_page total{page_ms:8.0f} ms   (layout included)")
    print(f"sizes: page {page_path.stat().st_size / 1e6:.1f} MB, plain SVG {svg_path.stat().st_size / 1e6:.1f} MB")

    try:
        last = m.claims[-1].text.lower()[:40]  # one claim far from the thesis
        numbers = browser_numbers(page_path, svg_path, args.runs, last)
    except ImportError:
        print("playwright is not installed: pip install -e '.[test]'")
        return 1
    load = statistics.median(numbers["page_load"])
    print(f"\nheadless Chromium, median of {args.runs} loads from file://")
    print(f"page load event      {load:8.0f} ms   (target < {TARGET_LOAD_MS:.0f} ms)"
          f"   all: {', '.join(f'{v:.0f}' for v in numbers['page_load'])}")
    print(f"page DOM interactive {statistics.median(numbers['page_interactive']):8.0f} ms")
    print(f"page goto() wall     {statistics.median(numbers['ready_wall']):8.0f} ms")
    print(f"page painted (wall)  {statistics.median(numbers['painted_wall']):8.0f} ms   (two frames after load)")
    print(f"peer: plain SVG load {statistics.median(numbers['svg_load']):8.0f} ms")
    print(f"search (common words){numbers['search_ms']:8.0f} ms   -> {numbers['search_result']}")
    print(f"search (a far claim) {numbers['search_rare_ms']:8.0f} ms   -> {numbers['search_rare_result']}")
    print(f"fold the thesis      {numbers['fold_all_ms']:8.0f} ms   ({numbers['fold_all_hidden']} nodes hidden)")
    print(f"unfold the thesis    {numbers['unfold_all_ms']:8.0f} ms")
    print(f"arrow key (each)     {numbers['arrow_key_ms']:8.0f} ms")
    print(f"fit to screen        {numbers['fit_ms']:8.0f} ms")
    verdict = "PASS" if load < TARGET_LOAD_MS else "FAIL"
    print(f"\n{verdict}: load event {load:.0f} ms vs target {TARGET_LOAD_MS:.0f} ms; files in {out_dir}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
