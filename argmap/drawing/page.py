"""Self-contained HTML pages: one file that loads nothing, whose policy runs only its own code.

Every page argmap writes (the map page, the step-by-step reveal, the flow sheet) is built here.
The Content-Security-Policy allows exactly the page's inline scripts and styles, by their SHA-256
hashes, and nothing else: no ``'unsafe-inline'``, no requests. A script that slipped into the
page through map text would not run (a second guard behind the escaping). Data for a script
goes in a JSON block through :func:`embed_json`, which no text can break out of.

>>> html = page(title="<Lunch>", style="p{margin:0}", body=["<p>Hi</p>", Script("void 0;")])
>>> "<title>&lt;Lunch&gt;</title>" in html and "'unsafe-inline'" not in html
True
>>> html.count("'sha256-"), "<script>void 0;</script>" in html
(2, True)
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Sequence
from dataclasses import dataclass

from argmap.text import xml_safe

__all__ = ["Script", "page", "policy", "embed_json", "csp_hash"]


@dataclass(frozen=True)
class Script:
    """An inline script of a page: the policy allows it by its hash."""

    code: str


def csp_hash(text: str) -> str:
    """The CSP source that allows one inline script or style: ``'sha256-...'``.

    >>> csp_hash("")
    "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    """
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(scripts: Sequence[str], styles: Sequence[str]) -> str:
    """The Content-Security-Policy of a page with these inline scripts and styles, and nothing else.

    >>> policy([], ["p{}"]).split("; ")[:2]
    ["default-src 'none'", "script-src 'none'"]
    """
    script_src = " ".join(csp_hash(s) for s in scripts) or "'none'"
    style_src = " ".join(csp_hash(s) for s in styles) or "'none'"
    return (f"default-src 'none'; script-src {script_src}; style-src {style_src}; "
            "img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'")


def embed_json(data: object) -> str:
    """JSON text safe inside ``<script type="application/json">``: no ``<``, ``>`` or ``&``.

    Those characters (and U+2028/2029, which end a line in older JavaScript) become ``\\u``
    escapes, which ``JSON.parse`` reads back, so no text can close the script element or open a
    comment in it. Every text in the data passes :func:`argmap.text.xml_safe` first: JSON would
    carry a vertical tab pasted into a claim as ``\\u000b``, and the page would show it as a box.

    >>> embed_json({"t": "</script><!--"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    >>> json.loads(embed_json({"t": "</script>\\u2028", "line\\vbreak": ["bell\\x07"]}))
    {'t': '</script>\\u2028', 'line\\nbreak': ['bell\ufffd']}
    """
    text = json.dumps(_clean(data), ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _clean(data: object) -> object:
    """``data`` with every text (keys too) through :func:`argmap.text.xml_safe`.

    Recursive: the data is a page's own (nodes, frames), a few levels deep whatever the map.
    """
    if isinstance(data, str):
        return xml_safe(data)
    if isinstance(data, dict):
        return {_clean(key): _clean(value) for key, value in data.items()}
    if isinstance(data, (list, tuple)):
        return [_clean(item) for item in data]
    return data


def page(*, title: str, style: str, body: Sequence[str | Script], noscript_style: str | None = None) -> str:
    """One self-contained HTML page: the head (policy, title, style), then ``body`` in order.

    ``body`` is markup, already escaped, and :class:`Script` parts, written as inline scripts
    where they stand. ``noscript_style`` applies only when scripts are off. The title and the
    markup pass :func:`argmap.text.xml_safe` (a control character pasted into a claim is no more
    welcome in HTML than in XML, and the inline SVG is XML); the scripts are written as they are,
    so their hashes hold.

    >>> "\\x0b" in page(title="a\\vb", style="", body=["<p>c\\x0bd</p>"])
    False
    """
    scripts = [part.code for part in body if isinstance(part, Script)]
    styles = [style] + ([noscript_style] if noscript_style is not None else [])
    noscript = f"<noscript><style>{noscript_style}</style></noscript>\n" if noscript_style is not None else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy(scripts, styles)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="generator" content="argmap">\n'
        f"<title>{html.escape(xml_safe(title))}</title>\n"
        f"<style>{style}</style>\n"
        f"</head><body>\n{noscript}"
        + "".join(f"<script>{part.code}</script>" if isinstance(part, Script) else xml_safe(part) for part in body)
        + "</body></html>\n"
    )
