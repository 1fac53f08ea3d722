"""Benchmark: argmap studio, driven in headless Chromium as a student uses it.

Targets (issue 13):
- an edit on a 40-claim map shows its redrawn picture in under 300 ms (p95); on a 500-claim map
  under 1.5 s;
- the studio starts and shows the flagship in under 2 s.

An edit is timed in the page, from the moment the new claim is sent (Enter in the composer) to
the first frame after the new picture is in the page (``data-edit-ms``); the server's share is
broken down by stage at the end (DOT, layout engine, SVG cleaning, the rest of the answer).

The machine is shared (2 cores), so wall times grow with its load, printed beside them. The work
an edit needs is also counted in CPU time, which load does not inflate: the server's (this
process and the layout engine it runs) plus the page's main thread (Chromium's TaskDuration).
On an idle machine an edit takes about that long, as the steps run one after another.
Start-up is timed from launching ``argmap studio`` (a fresh Python process) to the flagship's
picture in a browser that is already open, as a student's is.

Run: .venv/bin/python bench/studio_bench.py [--edits 20] [--big-edits 8]
"""

from __future__ import annotations

import argparse
import os
import resource
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


def _cpu() -> float:
    """CPU seconds of this process (the server's threads) and its finished children (the engine)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _page_busy(cdp: Any) -> float:
    """Seconds the page's main thread has spent on tasks (scripts, style, layout, paint)."""
    metrics = cdp.send("Performance.getMetrics")["metrics"]
    return float(next(m["value"] for m in metrics if m["name"] == "TaskDuration"))


def time_edits(browser: Any, claims: int, edits: int, folder: Path) -> tuple[list[float], list[float]]:
    """Add ``edits`` reasons to the thesis of a ``claims``-claim map: each edit's wall time and
    CPU time (server and page), in ms."""
    path = folder / f"map{claims}.json"
    argmap.dump(big_map(claims, 1), path)
    studio = start(open_session(path), port=0, open_browser=False)
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        page.goto(studio.url)
        page.wait_for_selector("#st-app[data-ready=ready]", timeout=60_000)
        page.keyboard.press("2")
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        times: list[float] = []
        cpu: list[float] = []
        for k in range(edits + 1):  # the first edit warms up (caches, JIT) and is not counted
            version = int(page.get_attribute("#st-app", "data-version") or 0)
            page.keyboard.press("r")
            page.wait_for_selector("#st-composer:not([hidden])")
            page.keyboard.type(f"Reason number {k}, added by the benchmark.")
            before = (_cpu(), _page_busy(cdp))
            page.keyboard.press("Enter")
            page.wait_for_function("(v) => Number(document.getElementById('st-app').dataset.painted) > v",
                                   arg=version, timeout=120_000)
            spent = (_cpu() - before[0]) + (_page_busy(cdp) - before[1])
            if k:
                times.append(float(page.get_attribute("#st-app", "data-edit-ms") or "nan"))
                cpu.append(spent * 1000)
            page.wait_for_function("(v) => Number(document.getElementById('st-app').dataset.version) > v",
                                   arg=version, timeout=120_000)
            page.click("#st-tab-outline")
            page.locator("#st-outline [role=treeitem] > .st-row-label").first.click()  # back to the thesis
            page.keyboard.press("2")
        return times, cpu
    finally:
        page.close()
        studio.stop()


def server_stages(claims: int, runs: int = 3) -> dict[str, tuple[float, float]]:
    """The server's share of an edit, by stage: (median wall ms, median CPU ms)."""
    m = big_map(claims, 1)
    names = ("DOT", "layout engine", "SVG cleaning", "whole answer")
    wall: dict[str, list[float]] = {name: [] for name in names}
    cpu: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(runs):
        marks = [(time.perf_counter(), _cpu())]
        drawing = build_dot(m, "default", DrawingOptions(legend=False))
        marks.append((time.perf_counter(), _cpu()))
        svg = drawing_svg(drawing, m, describe=False)
        marks.append((time.perf_counter(), _cpu()))
        inline_svg(svg, drawing, "x")
        marks.append((time.perf_counter(), _cpu()))
        app = StudioApp(open_session(None), "t")
        app.session.map = m
        start = (time.perf_counter(), _cpu())
        app.state("")
        end = (time.perf_counter(), _cpu())
        spans = [*zip(marks, marks[1:], strict=False), (start, end)]
        for name, (a, b) in zip(names, spans, strict=True):
            wall[name].append((b[0] - a[0]) * 1000)
            cpu[name].append((b[1] - a[1]) * 1000)
    return {name: (statistics.median(wall[name]), statistics.median(cpu[name])) for name in names}


def time_start(browser: Any, runs: int) -> list[tuple[float, float, float]]:
    """(ms to the printed address, ms to the flagship's picture in the page, CPU ms of the studio's
    process until then) per run."""
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
                with open(f"/proc/{proc.pid}/stat", encoding="ascii") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
                ticks = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
                out.append(((listening - started) * 1000, (shown - started) * 1000, ticks * 1000))
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
        print("argmap studio: from sending an edit to its redrawn picture (ms, in Chromium); "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"{'claims':>7} {'edits':>6} {'wall p50':>9} {'wall p95':>9} {'CPU p50':>8} {'CPU p95':>8} "
              f"{'target p95':>11}")
        for claims, edits in ((40, args.edits), (500, args.big_edits)):
            times, cpu = time_edits(browser, claims, edits, Path(tmp))
            p95 = percentile(times, 0.95)
            ok = p95 < TARGETS_MS[claims]
            failed |= not ok
            print(f"{claims:>7} {len(times):>6} {statistics.median(times):>9.0f} {p95:>9.0f} "
                  f"{statistics.median(cpu):>8.0f} {percentile(cpu, 0.95):>8.0f} {TARGETS_MS[claims]:>9.0f} "
                  f"{'ok' if ok else 'MISSED'} (load {os.getloadavg()[0]:.1f})")
        starts = time_start(browser, args.starts)
        browser.close()
    listening = [a for a, _, _ in starts]
    shown = [b for _, b, _ in starts]
    cpu = [c for _, _, c in starts]
    ok = statistics.median(shown) < TARGET_START_MS
    failed |= not ok
    print(f"\nstart-up of `argmap studio examples/conscription.json` ({len(starts)} runs, median / max ms):")
    print(f"  listening {statistics.median(listening):.0f} / {max(listening):.0f}; flagship shown "
          f"{statistics.median(shown):.0f} / {max(shown):.0f} (target {TARGET_START_MS:.0f}) "
          f"{'ok' if ok else 'MISSED'}; the studio's process used {statistics.median(cpu):.0f} ms of CPU "
          "by then")
    for claims in (40, 500):
        stages = server_stages(claims)
        print(f"\nthe server's share of an edit at {claims} claims (median ms, wall / CPU): "
              + ", ".join(f"{name} {w:.0f} / {c:.0f}" for name, (w, c) in stages.items()))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
