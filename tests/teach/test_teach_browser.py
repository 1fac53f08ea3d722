"""The reveal page and the flow sheet in a real browser: headless Chromium through Playwright.

Needs Debian's chromium at /usr/bin/chromium (never `playwright install`); skipped without it,
except in CI (CI=true), where a missing browser fails the run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import argmap
from argmap.gallery.conscription import build_map
from argmap.teach.flowsheet import flow_html
from argmap.teach.reveal import fitted_frames, frames, reveal_html

ROOT = Path(__file__).resolve().parents[2]

PAYLOADS = [
    '<img src=x onerror="window.__pwned=1">',
    "</script><script>window.__pwned=1</script>",
    '"><svg onload="window.__pwned=1"></svg>',
    "]]><script>window.__pwned=1</script>",
]


class Page:
    """A page opened from a file, with every error and request it makes recorded."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)

    def visible_frames(self) -> int:
        return int(self.page.evaluate(
            "Array.from(document.querySelectorAll('#stage [data-frame]'))"
            ".filter(e => getComputedStyle(e).visibility === 'visible').length"))

    def close(self) -> None:
        self.page.close()


def hostile_map() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap(title=PAYLOADS[0] + PAYLOADS[1])
    t = m.claim(PAYLOADS[1], id="t", label=PAYLOADS[2], data={"side": "aff", "speech": "1AC"})
    o = m.attack(t, m.claim(PAYLOADS[0], id="o", data={"side": "neg", "speech": "1NC"}))
    m.attack(o, m.claim(PAYLOADS[3], id="r", data={"side": PAYLOADS[2], "speech": "2AC"}))
    m.support(t, m.claim(PAYLOADS[2], id="s", data={"side": "aff", "speech": "1AC"}))
    return m


def test_reveal_steps_through_the_oped_without_errors(browser: Any, tmp_path: Path) -> None:
    m = build_map()
    count = len(fitted_frames(m))
    path = tmp_path / "talk.html"
    path.write_text(reveal_html(m), encoding="utf-8")
    page = Page(browser, path)
    try:
        assert page.page.text_content("#counter") == f"1 / {count}"
        shown = [page.visible_frames()]
        assert shown[0] == 1  # the thesis alone
        for _ in range(count - 1):
            page.page.keyboard.press("ArrowRight")
            shown.append(page.visible_frames())
        assert shown == sorted(shown) and shown[-1] > shown[0]
        assert page.page.text_content("#counter") == f"{count} / {count}"
        page.page.keyboard.press("ArrowRight")  # past the end stays at the end
        assert page.page.text_content("#counter") == f"{count} / {count}"
        page.page.click("#prev")
        assert page.page.text_content("#counter") == f"{count - 1} / {count}"
        page.page.keyboard.press("Home")
        assert page.visible_frames() == 1
        page.page.click("#last")
        total = page.page.evaluate("document.querySelectorAll('#stage [data-frame]').length")
        assert page.visible_frames() == total
        caption = page.page.text_content("#caption") or ""
        assert caption.startswith(fitted_frames(m)[-1].lines[0])
        assert page.errors == []
        assert page.requests == [page.url]  # nothing fetched from anywhere else
    finally:
        page.close()


def test_reveal_opens_at_the_frame_in_the_address(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "talk.html"
    path.write_text(reveal_html(build_map()), encoding="utf-8")
    page = browser.new_page()
    try:
        page.goto(path.resolve().as_uri() + "#3")
        assert (page.text_content("#counter") or "").startswith("3 / ")
    finally:
        page.close()


def test_hostile_text_never_runs_in_the_reveal(browser: Any, tmp_path: Path) -> None:
    m = hostile_map()
    path = tmp_path / "hostile.html"
    path.write_text(reveal_html(m), encoding="utf-8")
    page = Page(browser, path)
    try:
        for _ in range(len(frames(m))):
            page.page.keyboard.press("ArrowRight")
        assert page.page.evaluate("window.__pwned") is None
        assert page.page.evaluate("document.querySelectorAll('img, #stage script, svg svg').length") == 0
        # The text is shown as text.
        assert PAYLOADS[3] in (page.page.text_content("#caption") or "")
        outline = page.page.text_content(".outline") or ""
        assert all(p in outline for p in PAYLOADS)
        assert PAYLOADS[1] in (page.page.title() or "")
        assert page.errors == []
    finally:
        page.close()


def test_flow_sheet_page_opens_without_errors(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "flow.html"
    path.write_text(flow_html(argmap.load(ROOT / "examples" / "debate-conscription.json")), encoding="utf-8")
    page = Page(browser, path)
    try:
        assert page.page.evaluate("document.querySelectorAll('.sheet svg g.argument').length") == 21
        text = page.page.text_content("body") or ""
        assert "DROPPED" in text and "NEW IN REBUTTAL" in text
        assert page.errors == [] and page.requests == [page.url]
    finally:
        page.close()


def test_hostile_text_never_runs_in_the_flow_sheet(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "flow.html"
    path.write_text(flow_html(hostile_map()), encoding="utf-8")
    page = Page(browser, path)
    try:
        assert page.page.evaluate("window.__pwned") is None
        assert page.page.evaluate("document.querySelectorAll('img, script, svg svg').length") == 0
        assert PAYLOADS[3] in (page.page.text_content("body") or "")
        assert page.errors == []
    finally:
        page.close()
