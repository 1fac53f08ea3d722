"""The text beside the map: quotes found as written (or across line breaks), passages cut
verbatim, and the credit new quotes share."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.studio.article import MAX_ARTICLE, Article
from tests.studio.conftest import ARTICLE


def test_quotes_are_found_and_segments_cover_the_text() -> None:
    a = Article.read(ARTICLE)
    m = argmap.ArgumentMap()
    ban = "Our school should ban phones during lessons and breaks."
    m.claim("Ban them.", id="t", sources=[argmap.Source(quote=ban)])
    m.claim("Scores rose.", id="s", sources=[argmap.Source(quote="test scores rose after phones\n  were banned.")])
    m.claim("Overlap.", id="o", sources=[argmap.Source(quote="should ban phones")])
    m.claim("Not there.", id="n", sources=[argmap.Source(quote="Phones are made of cheese.")])
    segments = a.segments(m)
    assert "".join(text for text, _ in segments) == a.text
    quoted = {tuple(ids) for _, ids in segments if ids}
    assert ("t", "o") in quoted or ("o", "t") in quoted
    assert ("s",) in quoted and not any("n" in ids for ids in quoted)


def test_a_passage_is_cut_verbatim() -> None:
    a = Article("Hello,  wide\nworld. ", "x.txt")
    assert a.passage(0, 20) == "Hello,  wide\nworld."
    bad: tuple[object, object]
    for bad in ((5, 5), (-1, 3), (0, 99), ("0", 3)):
        with pytest.raises(argmap.ArgmapError):
            a.passage(*bad)


def test_credit_comes_from_the_maps_quotes(oped_map: argmap.ArgumentMap, oped_text: str) -> None:
    credit = Article(oped_text, "oped.txt").credit(oped_map)
    assert credit and set(credit) <= {"author", "title", "outlet", "date", "url"}


def test_a_bad_text_file_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9")
    with pytest.raises(argmap.ParseError, match="bad.txt:1:4: not UTF-8"):
        Article.read(bad)
    big = tmp_path / "big.txt"
    big.write_text("x" * (MAX_ARTICLE + 1), encoding="utf-8")
    with pytest.raises(argmap.ArgmapError, match="too long"):
        Article.read(big)
