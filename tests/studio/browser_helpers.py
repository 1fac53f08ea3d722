"""What the browser tests do the way a student does: select a passage, press a key, wait for the
picture of the next version."""

from __future__ import annotations

from typing import Any

# Selects the passage in the article as a user's drag would (a DOM range over the text nodes).
_SELECT = """(passage) => {
  const box = document.getElementById("st-article");
  const start = box.textContent.indexOf(passage);
  if (start < 0) { throw new Error("passage not in the text: " + passage); }
  const end = start + passage.length;
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  let pos = 0, a = null, ao = 0, b = null, bo = 0;
  while (walker.nextNode()) {
    const n = walker.currentNode, len = n.data.length;
    if (!a && start < pos + len) { a = n; ao = start - pos; }
    if (!b && end <= pos + len) { b = n; bo = end - pos; break; }
    pos += len;
  }
  box.focus();
  const r = document.createRange();
  r.setStart(a, ao);
  r.setEnd(b, bo);
  const sel = window.getSelection();
  sel.removeAllRanges();
  sel.addRange(r);
}"""


def version(page: Any) -> int:
    return int(page.get_attribute("#st-app", "data-version"))


def wait_version(page: Any, after: int) -> int:
    """Wait until the page shows a version after ``after`` (its picture drawn); return it."""
    page.wait_for_function("(after) => Number(document.getElementById('st-app').dataset.version) > after",
                           arg=after, timeout=20_000)
    return version(page)


def select_passage(page: Any, passage: str) -> None:
    if page.get_attribute("#st-tab-text", "aria-selected") != "true":
        page.click("#st-tab-text")
    page.evaluate(_SELECT, passage)


def from_passage(page: Any, passage: str, key: str) -> int:
    """Select ``passage`` in the text, press ``key`` (t, r, o, b, p, u), accept the composer."""
    before = version(page)
    select_passage(page, passage)
    page.keyboard.press(key)
    page.wait_for_selector("#st-composer:not([hidden])")
    assert page.input_value("#st-composer-text") == passage
    page.keyboard.press("Enter")
    return wait_version(page, before)


def type_claim(page: Any, key: str, text: str) -> int:
    """Press ``key`` to add a claim, type its text, press Enter; wait for the new picture."""
    before = version(page)
    page.keyboard.press(key)
    page.wait_for_selector("#st-composer:not([hidden])")
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    return wait_version(page, before)


def click_outline(page: Any, text: str) -> None:
    """Select the claim whose outline item shows ``text``."""
    if page.get_attribute("#st-tab-outline", "aria-selected") != "true":
        page.click("#st-tab-outline")
    page.locator("#st-outline [role=treeitem] > .st-row-label", has_text=text).first.click()


def selected_text(page: Any) -> str:
    return str(page.input_value("#st-editor [data-field=text]"))


def pwned(page: Any) -> Any:
    return page.evaluate("() => window.__pwned")
