"""Text from a map (or typed into the studio, or in the article) is data everywhere: markup and
script in every field never run, never become elements, never become links. Tested with the
page's policy and without it (bypass_csp), so the escaping holds on its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import argmap
from tests.drawing.html_maps import BAD_URLS, HOSTILE, hostile_map
from tests.studio.browser_helpers import pwned, type_claim, version, wait_version

#: Elements the studio's own page has; anything else came from somewhere it should not.
OURS = {"html", "head", "meta", "title", "link", "script", "body", "div", "header", "h1", "h2", "h3", "button",
        "label", "select", "option", "input", "p", "b", "kbd", "main", "section", "ul", "li", "span", "aside",
        "form", "textarea", "table", "thead", "tbody", "tr", "th", "td", "fieldset", "legend", "details",
        "summary", "mark", "a", "datalist",
        "svg", "g", "path", "polygon", "polyline", "ellipse", "circle", "rect", "line", "text", "tspan", "defs",
        "lineargradient", "radialgradient", "stop", "clippath"}

_AUDIT = """() => {
  const tags = new Set(Array.from(document.querySelectorAll("*"), (e) => e.localName.toLowerCase()));
  const handlers = Array.from(document.querySelectorAll("*")).filter((e) =>
    Array.from(e.attributes).some((a) => a.name.toLowerCase().startsWith("on")));
  const links = Array.from(document.querySelectorAll("a[href]"), (a) => a.href);
  const scripts = Array.from(document.scripts, (s) => s.getAttribute("src"));
  return { tags: Array.from(tags), handlers: handlers.length, links, scripts };
}"""


def _audit(page: Any) -> None:
    found = page.evaluate(_AUDIT)
    assert set(found["tags"]) <= OURS, set(found["tags"]) - OURS
    assert found["handlers"] == 0
    assert all(link.split(":", 1)[0] in ("http", "https", "mailto", "blob") for link in found["links"]), found["links"]
    assert found["scripts"] == ["/assets/app.js"]
    assert pwned(page) is None


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-policy", "escaping-alone"])
def test_hostile_text_never_runs(serve: Any, studio_page: Any, tmp_path: Path, bypass_csp: bool) -> None:
    article = "Hostile article.\n" + "\n".join(HOSTILE) + "\nThe end.\n"
    running = serve(hostile_map(), text=article)
    watched = studio_page(bypass_csp=bypass_csp)
    page = watched.open(running.url)

    # Open every claim and step: the editor and the feedback show every field.
    items = page.locator("#st-outline [role=treeitem] > .st-row-label")
    page.click("#st-tab-outline")
    for k in range(items.count()):
        items.nth(k).click()
    page.click("[data-action=fit]")
    for g in page.locator("#st-viewport g[data-node]").all()[:12]:
        g.click(force=True)
    page.click("#st-tab-feedback")
    page.select_option("#st-evaluation", "grounded")
    page.wait_for_function("() => document.querySelector('#st-app').dataset.version !== undefined")
    page.click("#st-tab-text")
    for mark in page.locator("#st-article mark").all()[:8]:
        mark.click()
    _audit(page)

    # Type hostile text into new claims and into every field of the editor.
    page.keyboard.press("2")
    for text in HOSTILE[:3]:
        type_claim(page, "r", text)
    v = version(page)
    for field, value in (("label", HOSTILE[1]), ("tags", HOSTILE[2]), ("note", HOSTILE[3])):
        page.fill(f"#st-editor [data-field={field}]", value)
        page.keyboard.press("Tab")
        v = wait_version(page, v)
    page.click("#st-editor [data-field=add-source]")
    for name, value in (("author", HOSTILE[0]), ("url", BAD_URLS[0]), ("quote", HOSTILE[5])):
        page.fill(f"#st-editor [data-field=source-0-{name}]", value)
        page.keyboard.press("Tab")
        v = wait_version(page, v)
    saved = argmap.load(running.path)
    new = next(c for c in saved.claims if c.text == HOSTILE[2])
    assert new.label == HOSTILE[1] and new.sources[0].url == BAD_URLS[0] and new.sources[0].author == HOSTILE[0]
    assert not page.locator("#st-editor a.st-open-link").count()  # a javascript: URL is never a link
    page.evaluate("() => document.querySelectorAll('#st-viewport g[data-node] text')"
                  ".forEach(t => t.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})))")
    _audit(page)
    watched.assert_clean()
