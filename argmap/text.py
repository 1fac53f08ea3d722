"""Small text helpers every layer shares: the words for roles and statuses, shortening, safe links,
and the characters XML can hold.

They sit at the bottom, beside ``errors``, so that analysis, drawing, teaching and the command
line say the same thing the same way and import nothing above them to do it. Map text is data
everywhere it goes: a source's URL is a live link only through :func:`safe_url`, and every XML
or HTML document argmap writes (SVG, the map page, the reveal, the flow sheet, worksheets)
leaves through :func:`xml_safe`, since XML 1.0 cannot hold C0 control characters (a vertical tab
pasted from Word), lone surrogates or U+FFFE/U+FFFF.

>>> shorten("Uniforms   reduce bullying over clothes.", 20)
'Uniforms reduce bul…'
>>> ROLE_WORDS["rebuttal"], STATUS_WORDS["undec"]
('Rebuttal', 'undecided')
>>> xml_safe("Line\\vbreak\\ufffe")
'Line\\nbreak\\ufffd'
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

__all__ = ["ROLE_WORDS", "STATUS_WORDS", "status_word", "shorten", "safe_url", "xml_safe", "XML_UNSAFE"]

#: How each role of a claim or step reads, capitalised (``Reason``, ``Objection``, ...).
ROLE_WORDS: dict[str, str] = {
    "thesis": "Thesis",
    "reason": "Reason",
    "objection": "Objection",
    "rebuttal": "Rebuttal",
    "undercut": "Undercut",
    "premise": "Premise",
}

#: How each label of an evaluation reads: ``in`` is accepted, ``out`` rejected, ``undec`` undecided.
STATUS_WORDS: dict[str, str] = {"in": "accepted", "out": "rejected", "undec": "undecided"}

_UNSAFE_URL_CHARS = re.compile(r"[\x00-\x20\x7f-\x9f\u2028\u2029]")
_SAFE_SCHEMES = ("http", "https", "mailto")
#: Characters XML 1.0 cannot hold: C0 controls but tab, newline and carriage return; lone
#: surrogates; U+FFFE and U+FFFF.
XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: The two a word processor uses for a line break (Shift+Enter) and a page break.
_BREAKS = {"\x0b": "\n", "\x0c": "\n"}


def status_word(label: str) -> str:
    """The word for an evaluation label; a status word in any case reads as itself, lower case;
    anything else is shown as it is.

    >>> status_word("in"), status_word("UNDECIDED"), status_word("skeptical")
    ('accepted', 'undecided', 'skeptical')
    """
    low = label.lower()
    if low in STATUS_WORDS:
        return STATUS_WORDS[low]
    return low if low in STATUS_WORDS.values() else label


def shorten(text: str, width: int = 60, *, at_word: bool = False) -> str:
    """The text on one line, cut to at most ``width`` characters with an ellipsis.

    ``at_word`` cuts at the last word boundary instead, and drops trailing punctuation.

    >>> shorten("one two three", 10), shorten("one two three", 10, at_word=True)
    ('one two t…', 'one two…')
    >>> shorten("short enough")
    'short enough'
    """
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if at_word:
        return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:") + "…"
    return cut.rstrip() + "…"


def safe_url(url: str | None) -> str | None:
    """The URL when a link to it can only open a page or a mail: http(s) or mailto; else None.

    >>> safe_url("https://example.org/a?b=1")
    'https://example.org/a?b=1'
    >>> safe_url(" mailto:ed@example.org ")
    'mailto:ed@example.org'
    >>> safe_url("javascript:alert(1)") is None, safe_url("java\\tscript:x") is None
    (True, True)
    >>> safe_url("https://") is None, safe_url("//example.org") is None
    (True, True)
    >>> [safe_url(u) for u in ("data:text/html,x", "vbscript:x", "file:///etc/passwd", "http://[::1")]
    [None, None, None, None]
    """
    if not url:
        return None
    candidate = url.strip()
    if _UNSAFE_URL_CHARS.search(candidate):
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _SAFE_SCHEMES:
        return None
    if scheme == "mailto":
        return candidate if len(candidate) > len("mailto:") else None
    if not candidate[len(scheme):].startswith("://") or not parts.hostname:
        return None
    return candidate


def xml_safe(text: str, replacement: str = "\ufffd") -> str:
    """``text`` with every character XML 1.0 cannot hold replaced: a vertical tab or form feed
    (a line or page break pasted from a word processor) by a newline, anything else by
    ``replacement`` (U+FFFD, the replacement character, unless told otherwise).

    Every XML or HTML document argmap writes passes through here on its way out, so map text
    can never make one that is not well-formed. Markup is left alone: a well-formed document
    holds none of these characters, so the whole document may pass.

    >>> xml_safe("Line\\vbreak, form\\ffeed")
    'Line\\nbreak, form\\nfeed'
    >>> xml_safe("a\\x00b\\x1bc\\td\\ufffe")
    'a\\ufffdb\\ufffdc\\td\\ufffd'
    >>> xml_safe("fine text") == "fine text"
    True
    """
    if not XML_UNSAFE.search(text):
        return text
    return XML_UNSAFE.sub(lambda found: _BREAKS.get(found.group(), replacement), text)
