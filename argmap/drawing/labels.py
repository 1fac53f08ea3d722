"""Text inside DOT: map text escaped for HTML-like labels, wrapped into lines, and the ids of nodes.

Every piece of map text reaches the DOT through :func:`html_text` (inside labels we build) or
:func:`attr_text` (plain attribute values), so no text can close a quote, start an HTML label or
smuggle a ``\\l`` escape: it is drawn as the characters it is. Both pass it through
:func:`argmap.text.xml_safe` first: the engine writes SVG, and a control character or U+FFFE in
a label would make it fail (or write SVG that is not well-formed).
"""

from __future__ import annotations

import html
import re
import textwrap
from functools import lru_cache
from typing import cast

import graphviz

from argmap.text import xml_safe

__all__ = ["html_text", "wrap_lines", "multiline", "svg_id", "attr_text"]

def html_text(text: str) -> str:
    """Escape text for one line of an HTML-like label: markup characters become entities, and a
    line break a space (Graphviz would drop it and run the words together; :func:`multiline`
    keeps an author's line breaks as ``<br/>``).

    >>> html_text('<b>x</b> & "y"'), html_text("bell\\x07"), html_text("line\\vbreak\\nhere")
    ('&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;', 'bell\ufffd', 'line break here')
    """
    return html.escape(" ".join(xml_safe(text).splitlines()), quote=True)


def wrap_lines(text: str, width: int) -> list[str]:
    """Wrap text to lines of about ``width`` characters, keeping the author's line breaks.

    >>> wrap_lines("one two three four", 9)
    ['one two', 'three', 'four']
    """
    return list(_wrapped(text, width))


@lru_cache(maxsize=50_000)
def _wrapped(text: str, width: int) -> tuple[str, ...]:
    # Cached: a big map's label and its box size (argmap's own layout) wrap the same text.
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines.extend(_greedy(paragraph, width) or textwrap.wrap(paragraph, width, break_on_hyphens=False) or [""])
    return tuple(lines)


_SIMPLE = re.compile(r"\S+(?: \S+)*")


def _greedy(paragraph: str, width: int) -> list[str] | None:
    """What ``textwrap.wrap`` gives for words joined by single spaces, none longer than a line,
    four times as fast; None for any other text (tabs, runs of spaces, long words)."""
    if not _SIMPLE.fullmatch(paragraph):
        return None
    words = paragraph.split(" ")
    if max(map(len, words)) > width:
        return None
    lines: list[str] = []
    line: list[str] = []
    used = -1
    for word in words:
        if line and used + 1 + len(word) > width:
            lines.append(" ".join(line))
            line, used = [], -1
        line.append(word)
        used += 1 + len(word)
    lines.append(" ".join(line))
    return lines


def multiline(text: str, width: int) -> str:
    """Escaped, wrapped text for a label, its lines centred.

    >>> multiline("a <b> c", 3)
    'a<br align="center"/>&lt;b&gt;<br align="center"/>c'
    """
    return '<br align="center"/>'.join(html_text(line) for line in wrap_lines(text, width))


def svg_id(node_id: str) -> str:
    """The ``id`` a node's group gets in the SVG: the map id, prefixed to avoid Graphviz's own.

    >>> svg_id("thesis")
    'am-thesis'
    """
    return "am-" + xml_safe(node_id)


def attr_text(value: str) -> str:
    """A plain attribute value: backslashes and ``<...>`` lose their DOT meaning."""
    # graphviz.escape returns a str marked "not HTML": a value shaped <...> stays plain text.
    return cast(str, graphviz.escape(xml_safe(value)))
