"""Text inside DOT: map text escaped for HTML-like labels, wrapped into lines, and the ids of nodes.

Every piece of map text reaches the DOT through :func:`html_text` (inside labels we build) or
:func:`attr_text` (plain attribute values), so no text can close a quote, start an HTML label or
smuggle a ``\\l`` escape: it is drawn as the characters it is.
"""

from __future__ import annotations

import html
import re
import textwrap
from functools import lru_cache
from typing import cast

import graphviz

__all__ = ["html_text", "wrap_lines", "multiline", "svg_id", "attr_text"]

# XML 1.0 forbids most control characters; Graphviz would reject them in an HTML label.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def html_text(text: str) -> str:
    """Escape text for an HTML-like label: markup characters become entities.

    >>> html_text('<b>x</b> & "y"')
    '&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;'
    """
    return html.escape(_CONTROL.sub("", text), quote=True)


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
        lines.extend(textwrap.wrap(paragraph, width, break_on_hyphens=False) or [""])
    return tuple(lines)


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
    return "am-" + node_id


def attr_text(value: str) -> str:
    """A plain attribute value: backslashes and ``<...>`` lose their DOT meaning."""
    # graphviz.escape returns a str marked "not HTML": a value shaped <...> stays plain text.
    return cast(str, graphviz.escape(_CONTROL.sub("", value)))
