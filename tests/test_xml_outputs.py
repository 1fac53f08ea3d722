"""Every XML or HTML document argmap writes is well-formed and shows the map's text, whatever the text.

Hostile and pasted text goes into every field of a map (claim text, label, note, tag, source,
step label and scheme, group, the title) and through every output made of markup: the SVG
picture, the map page and its notebook fragment, the reveal (page and frames), the flow sheet
(SVG and page), the worksheet and its key, GraphML. Each XML document must parse; each page must
hold no character XML forbids and its inline SVG must parse; and the words of the text must be
there to read (a vertical tab pasted from Word is a line break, not a lost claim).
"""

from __future__ import annotations

import html
import json
import re
import tempfile
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import defusedxml.ElementTree as SafeET
import pytest

import argmap
from argmap import ArgumentMap, Source
from argmap.teach.flowsheet import flow_html, flow_svg
from argmap.teach.reveal import reveal_html, reveal_svgs
from argmap.teach.worksheet import key_svg, make_worksheet, worksheet_svg, write_worksheet
from argmap.text import XML_UNSAFE, xml_safe

#: Text that breaks markup, or the files holding it: each C0 control, the line and page breaks a
#: word processor pastes, the characters XML 1.0 can never hold, and markup itself.
PAYLOADS: tuple[str, ...] = (
    *(f"control {ord(c):02x} here{c}and there" for c in map(chr, range(0x20)) if c not in "\t\n\r"),
    "vertical\x0btab and form\x0cfeed, as pasted from Word",
    "non-characters \ufffe and \uffff at the end",
    "delete\x7f and next\x85line, line\u2028separator",
    "byte order mark \ufeff inside",
    "lone surrogates \ud800 and \udfff halves",
    "<script>alert(1)</script> and <b>bold</b>",
    "]]><![CDATA[ cdata & entities &amp; &bogus; &#x0; &#1;",
    "\" onmouseover=\"alert(1)\" ' quotes",
    "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]>&e;",
)


def payload_map(p: str) -> ArgumentMap:
    """A map with ``p`` in every text field, and a debate's sides and speeches for the flow sheet."""
    src = Source(author=p, title=p, outlet=p, url="https://example.org/" + p, date=p, quote=p, kind=p)
    m = ArgumentMap(title="Title " + p, note=p)
    t = m.claim("Thesis " + p, id="t", label=p, tags=[p], sources=[src], note=p, group=p,
                data={"side": "aff", "speech": "1AC"})
    r = m.support(t, m.claim("Reason " + p, id="r", data={"side": "aff", "speech": "1AC"}), id="s", label=p,
                  scheme=p, note=p)
    o = m.attack(t, [m.claim("Objection " + p, id="o1", data={"side": "neg", "speech": "1NC"}),
                     m.claim("Second " + p, id="o2", data={"side": "neg", "speech": "1NC"})], id="a")
    m.attack(o, m.claim("Rebuttal " + p, id="rb", data={"side": "aff", "speech": "2AC"}), id="ra")
    m.undercut(r, m.claim("Undercut " + p, id="u", data={"side": "neg", "speech": "1NC"}), id="uc")
    return m


def _xml_text(document: str) -> str:
    root = SafeET.fromstring(document.encode("utf-8"))  # raises on anything not well-formed
    return " ".join(" ".join(root.itertext()).split())


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _texts(data: Any) -> Iterator[str]:
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _page_text(document: str) -> str:
    """The page's text; every inline ``<svg>`` must parse as XML on its own, and the data its
    script shows (JSON blocks, where a control character hides as an escape) must be clean too."""
    assert not XML_UNSAFE.search(document), "the page holds a character XML cannot hold"
    for svg in re.findall(r"<svg\b.*?</svg>", document, flags=re.S):
        SafeET.fromstring(svg.encode("utf-8"))
    for block in re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', document, flags=re.S):
        dirty = [t for t in _texts(json.loads(block)) if XML_UNSAFE.search(t)]
        assert not dirty, f"the page's data would show {dirty[0]!r}"
    reader = _Text()
    reader.feed(document)
    return " ".join(" ".join(reader.parts).split())


def _worksheet(m: ArgumentMap) -> str:
    return worksheet_svg(make_worksheet(m, ["o2"], variant="sort")).decode("utf-8")


def _key(m: ArgumentMap) -> str:
    return key_svg(make_worksheet(m, ["o2"])).decode("utf-8")


def _worksheet_pages(m: ArgumentMap) -> str:
    """The sheet and key on A4 pages, as written: the page's title and footer carry the map's title."""
    with tempfile.TemporaryDirectory() as folder:
        written = write_worksheet(make_worksheet(m, ["o2"]), Path(folder) / "sheet.svg", paper="a4")
        pages = [_xml_text(p.read_text(encoding="utf-8")) for p in written]
    return "<all>" + "".join(f"<page>{html.escape(text)}</page>" for text in pages) + "</all>"


#: name -> (make the document, is it a page (HTML) rather than XML).
OUTPUTS: dict[str, tuple[Callable[[ArgumentMap], str], bool]] = {
    "svg": (lambda m: argmap.render_bytes(m, "svg", questions=True, evaluation={"t": "in"}).decode(), False),
    "repr_svg": (lambda m: m._repr_svg_(), False),
    "html": (lambda m: argmap.render_bytes(m, "html", evaluation={"t": "in"}).decode(), True),
    "notebook": (lambda m: m._repr_html_(), True),
    "reveal": (lambda m: reveal_html(m), True),
    "reveal_frame": (lambda m: reveal_svgs(m)[-1], False),
    "flow_svg": (lambda m: flow_svg(m), False),
    "flow_html": (lambda m: flow_html(m), True),
    "worksheet": (_worksheet, False),
    "key": (_key, False),
    "worksheet_pages": (_worksheet_pages, False),
    "graphml": (lambda m: argmap.dumps(m, "graphml"), False),
}

#: The words a reader must find: the payload's words of three letters or more.
_WORDS = re.compile(r"[A-Za-z]{3,}")


def _words(p: str) -> list[str]:
    return _WORDS.findall(xml_safe(p))


@pytest.mark.parametrize(("output", "index"), [(o, i) for o in sorted(OUTPUTS) for i in range(len(PAYLOADS))],
                         ids=lambda v: f"p{v:02d}" if isinstance(v, int) else str(v))
def test_every_markup_output_is_well_formed_and_shows_the_text(output: str, index: int) -> None:
    p = PAYLOADS[index]
    make, is_page = OUTPUTS[output]
    if output == "graphml" and re.search("[\ud800-\udfff]", p):
        # GraphML is data, kept exactly: no file can hold a lone surrogate, so it is refused.
        with pytest.raises(argmap.ArgmapError, match="surrogate"):
            make(payload_map(p))
        return
    document = make(payload_map(p))
    text = _page_text(document) if is_page else _xml_text(document)
    assert "Thesis" in text and "Reason" in text, output
    if output != "graphml":  # GraphML keeps what XML cannot hold as JSON escapes: data, not text to read
        missing = [w for w in _words(p) if w not in text]
        assert not missing, f"{output} lost {missing} of {p!r}"


def test_a_vertical_tab_is_a_line_break_in_the_picture() -> None:
    m = ArgumentMap()
    m.claim("First line\x0bsecond line", id="t")
    svg = argmap.render_bytes(m, "svg").decode()
    texts = [t.text for t in SafeET.fromstring(svg.encode()).iter("{http://www.w3.org/2000/svg}text")]
    assert "First line" in texts and "second line" in texts
    assert "\ufffd" not in svg


def test_pasted_control_characters_read_as_text_in_chromium(browser: Any, tmp_path: Path) -> None:
    """The pages (map, reveal, flow sheet) of a map pasted from Word: Chromium shows every word,
    and the inline SVG is a real SVG document in the page, drawn with the claim's lines."""
    pasted = "vertical\x0btab and form\x0cfeed, bell\x07 and \ufffe non-character"
    m = payload_map(pasted)
    pages = {"map.html": argmap.render_bytes(m, "html").decode(), "reveal.html": reveal_html(m),
             "flow.html": flow_html(m)}
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    errors: list[str] = []
    try:
        for name, document in pages.items():
            path = tmp_path / name
            path.write_text(document, encoding="utf-8")
            page = context.new_page()
            errors.clear()
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(path.as_uri())
            if name == "reveal.html":
                page.keyboard.press("End")  # every frame shown
            svg_text = page.evaluate("[...document.querySelectorAll('svg text')].map(t => t.textContent).join(' ')")
            assert "vertical" in svg_text and "tab and form" in svg_text, name
            assert "verticaltab" not in svg_text and "formfeed" not in svg_text, name  # a break, not glue
            shown = page.evaluate("document.body.innerText")
            assert not XML_UNSAFE.search(shown), (name, shown)  # no box for a control character
            assert page.evaluate("document.querySelector('svg') instanceof SVGSVGElement"), name
            page.screenshot(path=str(tmp_path / (name + ".png")))
            assert not errors, (name, errors)
            page.close()
    finally:
        context.close()
