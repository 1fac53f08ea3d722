"""One URL policy: a source's URL is a live link only where argmap.text.safe_url allows it.

Every writer is run on a map whose sources carry URLs that must never be links (``javascript:``,
``data:``, ``vbscript:``, ``file:``, ``//host``...) and ones that must (``https:``, ``mailto:``).
Outputs that make links (the map page, the Markdown handout) link only the safe ones; pictures,
pages and sheets link nothing else; data formats keep every URL exactly, as data.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import defusedxml.ElementTree as SafeET
import pytest

import argmap
from argmap import ArgumentMap, Source
from argmap.formats import registry
from argmap.teach.flowsheet import flow_html, flow_svg
from argmap.teach.reveal import reveal_html
from argmap.teach.worksheet import key_markdown, key_svg, make_worksheet, worksheet_markdown, worksheet_svg
from argmap.text import safe_url

UNSAFE = (
    "javascript:alert(1)", "JavaScript:alert(document.cookie)", "  javascript:alert(1)", "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd",
    "//evil.example/x", "\\\\evil.example\\share", "https://", "http:evil.example", "mailto:",
    "https://example.org/\u2028x", "jar:https://example.org/a.jar!/", "about:blank",
)
SAFE = ("https://example.org/a?b=1#c", "http://example.org/", "mailto:ed@example.org")


def test_the_policy() -> None:
    assert [u for u in UNSAFE if safe_url(u) is not None] == []
    assert [safe_url(u) for u in SAFE] == list(SAFE)


def link_map() -> ArgumentMap:
    m = ArgumentMap(title="Links")
    sources = [Source(author=f"Author {k}", url=url) for k, url in enumerate(UNSAFE + SAFE)]
    t = m.claim("Thesis", id="t", sources=sources)
    m.support(t, m.claim("Reason", id="r", sources=sources[:3]), id="s", sources=sources[-3:])
    m.attack(t, "Objection", id="a")
    return m


def _markup_links(document: str) -> Iterator[str]:
    """Every link target in markup (href, xlink:href, src, action attributes), scripts left out."""
    document = re.sub(r"<script\b.*?</script>", "", document, flags=re.S)
    for found in re.finditer(r"""\b(?:href|src|action|formaction)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", document):
        yield found.group(1).strip("\"'")


def _markdown_links(document: str) -> Iterator[str]:
    yield from re.findall(r"<([A-Za-z][A-Za-z0-9+.-]*:[^<>\s]*)>", document)  # autolinks
    yield from re.findall(r"\]\(([^)\s]*)\)", document)  # inline links


def _page_hrefs(document: str) -> list[str]:
    """The links the page's script may make: the ``href`` of each source in its data block."""
    block = re.search(r'<script type="application/json" class="am-data">(.*?)</script>', document, re.S)
    assert block is not None
    data: dict[str, Any] = json.loads(block.group(1))
    return [s["href"] for n in data["nodes"] for s in n.get("sources", []) if "href" in s]


MARKDOWN_OUTPUTS: dict[str, Callable[[ArgumentMap], str]] = {
    "md": lambda m: argmap.dumps(m, "md"),
    "worksheet_md": lambda m: worksheet_markdown(make_worksheet(m, ["r"])),
    "key_md": lambda m: key_markdown(make_worksheet(m, ["r"])),
}
MARKUP_OUTPUTS: dict[str, Callable[[ArgumentMap], str]] = {
    "svg": lambda m: argmap.render_bytes(m, "svg").decode(),
    "html": lambda m: argmap.render_bytes(m, "html").decode(),
    "notebook": lambda m: m._repr_html_(),
    "reveal": lambda m: reveal_html(m),
    "flow_svg": lambda m: flow_svg(m),
    "flow_html": lambda m: flow_html(m),
    "worksheet": lambda m: worksheet_svg(make_worksheet(m, ["r"])).decode(),
    "key": lambda m: key_svg(make_worksheet(m, ["r"])).decode(),
}


@pytest.mark.parametrize("name", sorted(MARKDOWN_OUTPUTS))
def test_markdown_links_only_what_the_policy_allows(name: str) -> None:
    document = MARKDOWN_OUTPUTS[name](link_map())
    links = list(_markdown_links(document))
    assert [u for u in links if safe_url(u) != u] == []
    if name == "md":
        assert set(SAFE) <= set(links)  # the safe ones are live links


@pytest.mark.parametrize("name", sorted(MARKUP_OUTPUTS))
def test_markup_links_only_what_the_policy_allows(name: str) -> None:
    document = MARKUP_OUTPUTS[name](link_map())
    targets = list(_markup_links(document))
    assert [u for u in targets if not u.startswith("#") and safe_url(u) != u] == [], name
    if name in ("html", "notebook"):
        hrefs = _page_hrefs(document)
        assert sorted(set(hrefs)) == sorted(SAFE)  # the script links the safe ones, only those


# AIF and SADFace hold no sources at all (docs/formats); Kialo's export writes each as a link for
# Kialo to show (a wordless one when the text does not name it), and reads it back.
@pytest.mark.parametrize("fmt", ["json", "yaml", "graphml", "argdown", "kialo"])
def test_data_formats_keep_every_url_as_data(fmt: str) -> None:
    m = link_map()
    text = argmap.dumps(m, fmt)
    if fmt == "graphml":
        SafeET.fromstring(text.encode("utf-8"))
    back = argmap.loads(text, fmt)
    assert isinstance(back, ArgumentMap)
    urls = {s.url for c in back.claims for s in c.sources}
    expected = {u for u in UNSAFE + SAFE}
    if fmt in ("argdown", "kialo"):  # one line per statement (a link in Kialo): both trim and join
        expected = {" ".join(u.split()) for u in expected}
        urls = {" ".join((u or "").split()) for u in urls}
    assert urls >= expected


def test_every_writer_is_covered() -> None:
    """A new writer of the registry must be placed here: a link maker, a picture or data."""
    covered = {"md", "svg", "html", "json", "yaml", "aif", "sadface", "graphml", "argdown",
               "dot", "png", "pdf", "kialo", "apx", "tgf", "iccma23"}
    writers = {f.name for f in registry.all_formats() if f.can_write}
    assert writers <= covered, writers - covered
