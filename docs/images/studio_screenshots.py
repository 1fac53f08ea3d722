"""Take the screenshots of docs/studio.md: the studio in headless Chromium, as a student sees it.

Run: .venv/bin/python docs/images/studio_screenshots.py   (writes docs/images/studio-*.png)
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from argmap.studio import open_session
from argmap.studio.launch import start

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
ARTICLE = ROOT / "tests" / "studio" / "school-phones.txt"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]

_SELECT = """(passage) => {
  const box = document.getElementById("st-article");
  const start = box.textContent.indexOf(passage), end = start + passage.length;
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  let pos = 0, a = null, ao = 0, b = null, bo = 0;
  while (walker.nextNode()) {
    const n = walker.currentNode, len = n.data.length;
    if (!a && start < pos + len) { a = n; ao = start - pos; }
    if (!b && end <= pos + len) { b = n; bo = end - pos; break; }
    pos += len;
  }
  box.focus();
  const r = document.createRange(); r.setStart(a, ao); r.setEnd(b, bo);
  const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);
}"""


def _add(page: Page, passage: str, key: str) -> None:
    version = int(page.get_attribute("#st-app", "data-version") or 0)
    page.evaluate(_SELECT, passage)
    page.keyboard.press(key)
    page.keyboard.press("Enter")
    page.wait_for_function("(v) => Number(document.getElementById('st-app').dataset.version) > v", arg=version)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 720})

        # 1. Building from a text: three passages made claims, a fourth selected with its composer open.
        studio = start(open_session(Path(tmp) / "phones.json", text=ARTICLE), port=0, open_browser=False)
        page.goto(studio.url)
        page.wait_for_selector("#st-app[data-ready=ready]")
        _add(page, "Our school should ban phones during lessons and breaks.", "t")
        _add(page, "Teachers say that pupils who check their phones in class remember less of the lesson.", "r")
        page.click("#st-tab-outline")
        page.locator("#st-outline .st-row-label").first.click()
        page.click("#st-tab-text")
        worry = "Some parents worry that a ban would leave them unable to reach their children in an emergency."
        _add(page, worry, "o")
        page.evaluate(_SELECT, "But every school office has a phone, and parents can call it at any time.")
        page.keyboard.press("b")
        page.wait_for_timeout(600)
        page.screenshot(path=str(OUT / "studio-text.png"))
        studio.stop()

        # 2. The flagship map with the feedback and the grounded evaluation, a claim selected.
        shutil.copy(ROOT / "examples" / "conscription.json", Path(tmp) / "conscription.json")
        studio = start(open_session(Path(tmp) / "conscription.json"), port=0, open_browser=False)
        page.goto(studio.url)
        page.wait_for_selector("#st-app[data-ready=ready]")
        page.select_option("#st-evaluation", "grounded")
        page.wait_for_timeout(800)
        page.locator("#st-outline .st-row-label", has_text="Latvia will not issue").first.click()
        page.wait_for_timeout(800)
        page.screenshot(path=str(OUT / "studio-map.png"))
        studio.stop()
        browser.close()


if __name__ == "__main__":
    main()
