"""The text beside the map: an article, and which of its passages the map's claims quote.

A claim quotes a passage when one of its sources has a ``quote`` found in the article: exactly,
else with any run of white space (a line break, two spaces) standing for any other. The page
shows the article as :meth:`Article.segments`: stretches of text, each with the claims that quote
it, so the script can mark passages with text nodes only.

>>> a = Article("A. Tea is good.\\nCoffee is bad.", "tea.txt")
>>> import argmap
>>> m = argmap.ArgumentMap()
>>> _ = m.claim("Tea is fine.", id="tea", sources=[argmap.Source(quote="Tea is good. Coffee")])
>>> a.segments(m)
[('A. ', []), ('Tea is good.\\nCoffee', ['tea']), (' is bad.', [])]
>>> a.passage(3, 15)
'Tea is good.'
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.errors import ArgmapError
from argmap.formats.files import read_text

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["Article", "MAX_ARTICLE"]

#: The longest article the studio shows (characters): a long report, not a book.
MAX_ARTICLE = 2_000_000
_CREDIT = ("author", "title", "outlet", "date", "url")


@dataclass(frozen=True)
class Article:
    """An article's text and the name it is shown under."""

    text: str
    name: str

    @classmethod
    def read(cls, path: str | Path) -> Article:
        """Read a text file (UTF-8); ``ParseError``/``ArgmapError`` name the file when it cannot be."""
        text = read_text(path)
        if len(text) > MAX_ARTICLE:
            raise ArgmapError(f"{path}: the text is too long for the studio ({len(text):,} characters; "
                              f"at most {MAX_ARTICLE:,})")
        return cls(text.replace("\r\n", "\n").replace("\r", "\n"), Path(path).name)

    def find(self, quote: str) -> tuple[int, int] | None:
        """Where ``quote`` stands in the text (start, end), or None."""
        quote = quote.strip()
        if not quote:
            return None
        at = self.text.find(quote)
        if at >= 0:
            return at, at + len(quote)
        words = quote.split()
        if len(words) > 400:  # a regex of that size is slow to build and no real quote is so long
            return None
        found = re.search(r"\s+".join(re.escape(w) for w in words), self.text)
        return (found.start(), found.end()) if found else None

    def quoted(self, m: ArgumentMap) -> list[tuple[int, int, str]]:
        """Each passage a claim quotes: (start, end, claim id), in the text's order."""
        spans: list[tuple[int, int, str]] = []
        for claim in m.claims:
            for source in claim.sources:
                where = self.find(source.quote) if source.quote else None
                if where is not None:
                    spans.append((where[0], where[1], claim.id))
        return sorted(spans)

    def segments(self, m: ArgumentMap) -> list[tuple[str, list[str]]]:
        """The text cut where passages start and end: ``[text, [claim ids quoting it]]`` each."""
        spans = self.quoted(m)
        cuts = sorted({0, len(self.text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
        out: list[tuple[str, list[str]]] = []
        for start, end in zip(cuts, cuts[1:], strict=False):
            ids = list(dict.fromkeys(c for s, e, c in spans if s <= start and end <= e))
            out.append((self.text[start:end], ids))
        return out

    def passage(self, start: int, end: int) -> str:
        """The text from ``start`` to ``end``, verbatim, without white space at either end."""
        if not (isinstance(start, int) and isinstance(end, int)) or not 0 <= start < end <= len(self.text):
            raise ArgmapError("that passage is not in the text")
        return self.text[start:end].strip()

    def credit(self, m: ArgumentMap) -> dict[str, str]:
        """Author, title, outlet, date and URL that new quotes share: those the map's quotes from
        this article use most, else none."""
        seen: Counter[tuple[tuple[str, str], ...]] = Counter()
        for claim in m.claims:
            for source in claim.sources:
                if source.quote and self.find(source.quote):
                    fields = source.to_dict()
                    seen[tuple((k, fields[k]) for k in _CREDIT if k in fields)] += 1
        best = [key for key, _ in seen.most_common(1) if key]
        return dict(best[0]) if best else {}
