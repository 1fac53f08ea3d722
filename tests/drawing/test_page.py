"""Every self-contained page (map, reveal, flow sheet) comes from one builder with one policy."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Callable
from html.parser import HTMLParser

import pytest

import argmap
from argmap.drawing.page import Script, embed_json, page
from argmap.teach.flowsheet import flow_html
from argmap.teach.reveal import reveal_html

LINE_BREAKS = "one\u2028two\u2029three"


class _Inline(HTMLParser):
    """The policy and the inline scripts and styles of a page, as the browser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.policy = ""
        self.scripts: list[tuple[str, str]] = []  # (type, text)
        self.styles: list[str] = []
        self._open: tuple[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "meta" and found.get("http-equiv") == "Content-Security-Policy":
            self.policy = found.get("content") or ""
        if tag in ("script", "style"):
            self._open = (tag, found.get("type") or "")

    def handle_data(self, data: str) -> None:
        if self._open is None:
            return
        tag, kind = self._open
        if tag == "style":
            self.styles.append(data)
        else:
            self.scripts.append((kind, data))

    def handle_endtag(self, tag: str) -> None:
        self._open = None


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _map() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap(title="Uniforms " + LINE_BREAKS)
    t = m.claim("Schools should require uniforms " + LINE_BREAKS, id="t", data={"side": "aff", "speech": "1AC"})
    m.attack(t, m.claim("They cost " + LINE_BREAKS, id="o", data={"side": "neg", "speech": "1NC"}), id="a")
    return m


PAGES: dict[str, Callable[[argmap.ArgumentMap], str]] = {
    "map": lambda m: argmap.render_bytes(m, "html").decode("utf-8"),
    "reveal": reveal_html,
    "flow sheet": flow_html,
}


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_each_page_allows_exactly_its_own_scripts_and_styles(kind: str) -> None:
    found = _Inline()
    found.feed(PAGES[kind](_map()))
    directives = dict(d.strip().split(" ", 1) for d in found.policy.split(";"))
    assert "unsafe-inline" not in found.policy and "unsafe-eval" not in found.policy
    assert directives["default-src"] == "'none'"
    code = [text for kind_, text in found.scripts if kind_ != "application/json"]
    assert directives["script-src"] == (" ".join(_sha(c) for c in code) or "'none'")
    assert directives["style-src"] == " ".join(_sha(s) for s in found.styles)
    for name in ("img-src", "connect-src", "font-src", "base-uri", "form-action"):
        assert directives[name] == "'none'", name


@pytest.mark.parametrize("kind", ["map", "reveal"])
def test_json_blocks_escape_line_separators(kind: str) -> None:
    found = _Inline()
    found.feed(PAGES[kind](_map()))
    blocks = [text for kind_, text in found.scripts if kind_ == "application/json"]
    assert blocks
    for block in blocks:
        assert "\u2028" not in block and "\u2029" not in block and "<" not in block
        assert LINE_BREAKS in json.dumps(json.loads(block), ensure_ascii=False)


def test_builder_hashes_what_it_writes() -> None:
    text = page(title="T", style="p{}", body=["<p>x</p>", Script("var a = 1;")], noscript_style="q{}")
    policy = re.search(r'content="([^"]*)"', text)
    assert policy is not None
    assert f"script-src {_sha('var a = 1;')};" in policy.group(1)
    assert f"style-src {_sha('p{}')} {_sha('q{}')};" in policy.group(1)
    assert "<script>var a = 1;</script>" in text and "<noscript><style>q{}</style></noscript>" in text
    assert embed_json({"t": "\u2028</script>"}) == '{"t":"\\u2028\\u003c/script\\u003e"}'
