"""Text from a map on its way out: which links may be live, which characters XML can hold.

Map text is data everywhere it goes. Two rules every writer shares live here, at the bottom of
the layers, so that formats and drawing apply the same ones:

- :func:`safe_url`: a source's URL becomes a live link only when it can do no more than open a
  web page or a mail (``http``, ``https``, ``mailto``); ``javascript:``, ``data:``, ``file:``,
  ``//host`` and the like stay text.
- :func:`xml_safe`: XML 1.0 cannot hold C0 control characters (a vertical tab pasted from Word),
  lone surrogates, or U+FFFE/U+FFFF; any of them makes a file that is not well-formed XML.

>>> safe_url("javascript:alert(1)") is None
True
>>> xml_safe("Line\\vbreak\\ufffe")
'Line\\ufffdbreak\\ufffd'
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

__all__ = ["safe_url", "xml_safe", "XML_UNSAFE", "SAFE_SCHEMES"]

#: URL schemes a live link may have.
SAFE_SCHEMES = ("http", "https", "mailto")
_UNSAFE_URL_CHARS = re.compile(r"[\x00-\x20\x7f-\x9f\u2028\u2029]")
#: Characters XML 1.0 cannot hold: C0 controls but tab, newline and carriage return; lone
#: surrogates; U+FFFE and U+FFFF.
XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


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
    >>> [safe_url(u) for u in ("data:text/html,x", "vbscript:x", "file:///etc/passwd")]
    [None, None, None]
    """
    if not url:
        return None
    candidate = url.strip()
    if _UNSAFE_URL_CHARS.search(candidate):
        return None
    try:
        parts = urlsplit(candidate)
        host = parts.hostname
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in SAFE_SCHEMES:
        return None
    if scheme == "mailto":
        return candidate if len(candidate) > len("mailto:") else None
    if not candidate[len(scheme):].startswith("://") or not host:
        return None
    return candidate


def xml_safe(text: str, replacement: str = "\ufffd") -> str:
    """``text`` with every character XML 1.0 cannot hold replaced (by U+FFFD, the replacement
    character, unless told otherwise).

    >>> xml_safe("a\\x00b\\x1bc\\td")
    'a\\ufffdb\\ufffdc\\td'
    >>> xml_safe("fine text") == "fine text"
    True
    """
    return XML_UNSAFE.sub(replacement, text) if XML_UNSAFE.search(text) else text
