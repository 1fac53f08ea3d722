"""Take the screenshots of docs/studio.md: the studio in headless Chromium, as a student sees it.

Run: .venv/bin/python docs/images/studio_screenshots.py   (writes docs/images/studio-*.png)
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from argmap.studio import open_session
from argmap.studio.launch import start

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # the browser tests' helpers: select a passage as a student does
from tests.studio.browser_helpers import from_passage, select_passage  # noqa: E402

OUT = Path(__file__).resolve().parent
ARTICLE = ROOT / "tests" / "studio" / "school-phones.txt"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]

def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 720})

        # 1. Building from a text: three passages made claims, a fourth selected with its composer open.
        studio = start(open_session(Path(tmp) / "phones.json", text=ARTICLE), port=0, open_browser=False)
        page.goto(studio.url)
        page.wait_for_selector("#st-app[data-ready=ready]")
        from_passage(page, "Our school should ban phones during lessons and breaks.", "t")
        from_passage(page, "Teachers say that pupils who check their phones in class remember less of the lesson.", "r")
        page.click("#st-tab-outline")
        page.locator("#st-outline .st-row-label").first.click()
        page.click("#st-tab-text")
        worry = "Some parents worry that a ban would leave them unable to reach their children in an emergency."
        from_passage(page, worry, "o")
        select_passage(page, "But every school office has a phone, and parents can call it at any time.")
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
