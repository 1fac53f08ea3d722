"""ICCMA abstract-framework formats: apx, tgf, iccma23, read and written, errors located."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap import ParseError
from argmap.analysis.framework import Framework


def test_corpus_files_read_and_round_trip_in_every_format(corpus: Path) -> None:
    files = sorted((corpus / "iccma").iterdir())
    for path in files:
        fw = argmap.load(path)
        assert isinstance(fw, Framework) and len(fw) > 0, path.name
        for fmt in ("apx", "tgf", "iccma23"):
            again = argmap.loads(argmap.dumps(fw, fmt), fmt)
            assert again == fw, (path.name, fmt)


def test_the_iccma23_copy_names_the_same_framework_as_the_apx(corpus: Path) -> None:
    for stem in ("tweety__ex1", "tweety__ex2", "tweety__ex3"):
        apx = argmap.load(corpus / "iccma" / f"{stem}.apx")
        i23 = argmap.load(corpus / "iccma" / f"{stem}.i23")
        assert i23 == apx
        assert argmap.evaluate(i23, "preferred").extensions == argmap.evaluate(apx, "preferred").extensions


FIXTURES = Path(__file__).parent / "fixtures"


def test_the_lunch_debate_fixtures_are_one_framework_in_three_formats() -> None:
    frameworks = [argmap.load(FIXTURES / "apx" / "good" / "lunch-debate.apx", "apx"),
                  argmap.load(FIXTURES / "tgf" / "good" / "lunch-debate.tgf", "tgf"),
                  argmap.load(FIXTURES / "iccma23" / "good" / "lunch-debate.i23", "iccma23")]
    assert frameworks[0] == frameworks[1] == frameworks[2]
    assert frameworks[0].ids == ["pizza", "salad", "soup", "sandwich"]
    grounded = argmap.evaluate(frameworks[0], "grounded")
    assert [grounded[a] for a in frameworks[0].ids] == ["in", "out", "out", "in"]


def test_iccma23_without_names_numbers_the_arguments() -> None:
    fw = argmap.loads("p af 2\n1 2\n", "iccma23")
    assert fw.ids == ["1", "2"] and argmap.evaluate(fw)["2"] == "out"


@pytest.mark.parametrize(("text", "fmt", "line", "column", "words"), [
    ("arg(a).\natt(a,b).\n", "apx", 2, 7, "no `arg(b).`"),
    ("arg(a).\n  arg a.\n", "apx", 2, 3, "expected `arg(NAME).`"),
    ("arg(a,b).\n", "apx", 1, 7, "one name"),
    ("a\n#\na z\n", "tgf", 3, 3, "'z'"),
    ("a\n#\na\n", "tgf", 3, 1, "two argument ids"),
    ("1 2\n", "iccma23", 1, 1, "header"),
    ("p af 2\n1 3\n", "iccma23", 2, 3, "outside 1..2"),
    ("p af 2\n1 x\n", "iccma23", 2, 1, "two argument numbers"),
])
def test_bad_input_gives_a_located_parse_error(text: str, fmt: str, line: int, column: int, words: str) -> None:
    with pytest.raises(ParseError) as info:
        argmap.loads(text, fmt, path="in." + fmt)
    err = info.value
    assert (err.line, err.column) == (line, column)
    assert words in err.message and str(err).startswith(f"in.{fmt}:{line}:{column}:")


def test_writers_take_a_map_through_its_framework_and_refuse_unreadable_ids() -> None:
    m = argmap.ArgumentMap()
    m.attack(m.claim("T", id="t"), m.claim("O", id="o"), id="a")
    text = argmap.dumps(m, "apx")
    assert "att(a,t)." in text and "arg(o)." in text
    with pytest.raises(argmap.ArgmapError, match="cannot be written in apx"):
        argmap.dumps(Framework(["a b"], []), "apx")


def test_files_are_found_by_suffix(tmp_path: Path) -> None:
    fw = Framework(["x", "y"], [("x", "y")])
    for name in ("f.apx", "f.tgf", "f.i23", "f.af"):
        argmap.dump(fw, tmp_path / name)
        assert argmap.load(tmp_path / name) == fw
