"""Benchmark: argmap studio, driven in headless Chromium as a student uses it.

Targets (issue 13):
- an edit on a 40-claim map shows its redrawn picture in under 300 ms (p95); on a 500-claim map
  under 1.5 s;
- the studio starts and shows the flagship in under 2 s.

An edit is timed in the page, from the moment the new claim is sent (Enter in the composer) to
the first frame after the new picture is in the page (``data-edit-ms``); the server's share is
broken down by stage at the end (DOT, layout engine, SVG cleaning, the rest of the answer).
Start-up is timed from launching ``argmap studio`` (a fresh Python process) to the flagship's
picture in a browser that is already open, as a student's is.

Run: .venv/bin/python bench/studio_bench.py [--edits 20] [--big-edits 8]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import argmap
from argmap.drawing.dot import build_dot
from argmap.drawing.inline_svg import inline_svg
from argmap.drawing.options import DrawingOptions
from argmap.drawing.svg import drawing_svg
from argmap.studio import open_session
from argmap.studio.launch import start
from argmap.studio.server import StudioApp

sys.path.insert(0, str(Path(__file__).resolve().parent))
from html_bench import CHROMIUM, FLAGS, big_map  # noqa: E402  (the same synthetic maps as the page's bench)

ROOT = Path(__file__).resolve().parents[1]
TARGETS_MS = {40: 300.0, 500: 1500.0}
TARGET_START_MS = 2000.0


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def time_edits(browser: Any, claims: int, edits: int, folder: Path) -> list[float]:
    """Add ``edits`` reasons to the thesis of a ``claims``-claim map; each edit's time in ms."""
    path = folder / f"map{claims}.json"
    argmap.dump(big_map(claims, 1), path)
    studio = start(open_session(path), port=0, open_browser=False)
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        page.goto(studio.url)
        page.wait_for_selector("#st-app[data-ready=ready]", timeout=60_000)
        page.keyboard.press("2")
        times: list[float] = []
        for k in range(edits + 1):  # the first edit warms up (caches, JIT) and is not counted
            version = int(page.get_attribute("#st-app", "data-version") or 0)
            page.keyboard.press("r")
            page.wait_for_selector("#st-composer:not([hidden])")
            page.keyboard.type(f"Reason number {k}, added by the benchmark.")
            page.keyboard.press("Enter")
            page.wait_for_function("(v) => Number(document.getElementById('st-app').dataset.painted) > v",
                                   arg=version, timeout=120_000)
            if k:
                times.append(float(page.get_attribute("#st-app", "data-edit-ms") or "nan"))
            page.click("#st-tab-outline")
            page.locator("#st-outline [role=treeitem] > .st-row-label").first.click()  # back to the thesis
            page.keyboard.press("2")
        return times
    finally:
        page.close()
        studio.stop()


def server_stages(claims: int, runs: int = 3) -> dict[str, float]:
    """The server's share of an edit, by stage (median ms)."""
    m = big_map(claims, 1)
    stages: dict[str, list[float]] = {"DOT": [], "layout engine": [], "SVG cleaning": [], "whole answer": []}
    for _ in range(runs):
        t0 = time.perf_counter()
        drawing = build_dot(m, "default", DrawingOptions())
        t1 = time.perf_counter()
        svg = drawing_svg(drawing, m, describe=False)
        t2 = time.perf_counter()
        inline_svg(svg, drawing, "x")
        t3 = time.perf_counter()
        app = StudioApp(open_session(None), "t")
        app.session.map = m
        t4 = time.perf_counter()
        app.state("")
        t5 = time.perf_counter()
        for name, value in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t5 - t4), strict=True):
            stages[name].append(value * 1000)
    return {name: statistics.median(values) for name, values in stages.items()}


def time_start(browser: Any, runs: int) -> list[tuple[float, float]]:
    """(ms to the printed address, ms to the flagship's picture in the page) per run."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "conscription.json"
        path.write_bytes((ROOT / "examples" / "conscription.json").read_bytes())
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        for _ in range(runs):
            started = time.perf_counter()
            proc = subprocess.Popen([sys.executable, "-m", "argmap", "studio", str(path), "--no-browser",
                                     "--port", "0", "--stop-after", "60"], stdout=subprocess.PIPE, text=True, cwd=ROOT)
            try:
                assert proc.stdout is not None
                line = proc.stdout.readline()
                listening = time.perf_counter()
                page.goto(line.split(" at ", 1)[1].split(" ", 1)[0])
                page.wait_for_selector("#st-app[data-ready=ready] .st-svg g[data-node='thesis']", timeout=30_000)
                shown = time.perf_counter()
                out.append(((listening - started) * 1000, (shown - started) * 1000))
            finally:
                proc.terminate()
                proc.wait(timeout=20)
        page.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=20, help="edits timed on the 40-claim map")
    parser.add_argument("--big-edits", type=int, default=8, help="edits timed on the 500-claim map")
    parser.add_argument("--starts", type=int, default=5, help="start-ups timed")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    failed = False
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        print("argmap studio: from sending an edit to its redrawn picture (ms, in Chromium)")
        print(f"{'claims':>7} {'edits':>6} {'p50':>8} {'p95':>8} {'max':>8} {'target p95':>11}")
        for claims, edits in ((40, args.edits), (500, args.big_edits)):
            times = time_edits(browser, claims, edits, Path(tmp))
            p95 = percentile(times, 0.95)
            ok = p95 < TARGETS_MS[claims]
            failed |= not ok
            print(f"{claims:>7} {len(times):>6} {statistics.median(times):>8.0f} {p95:>8.0f} {max(times):>8.0f} "
                  f"{TARGETS_MS[claims]:>9.0f} {'ok' if ok else 'MISSED'}")
        starts = time_start(browser, args.starts)
        browser.close()
    listening = [a for a, _ in starts]
    shown = [b for _, b in starts]
    ok = statistics.median(shown) < TARGET_START_MS
    failed |= not ok
    print(f"\nstart-up of `argmap studio examples/conscription.json` ({len(starts)} runs, median / max ms):")
    print(f"  listening {statistics.median(listening):.0f} / {max(listening):.0f}; flagship shown "
          f"{statistics.median(shown):.0f} / {max(shown):.0f} (target {TARGET_START_MS:.0f}) "
          f"{'ok' if ok else 'MISSED'}")
    for claims in (40, 500):
        stages = server_stages(claims)
        print(f"\nthe server's share of an edit at {claims} claims (median ms): "
              + ", ".join(f"{name} {ms:.0f}" for name, ms in stages.items()))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
