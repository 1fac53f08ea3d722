"""Every format's fixtures (tests/formats/fixtures/, our own files): good ones read, validate and
survive a write and a second read; bad ones are refused with the error, line and column that
their folder's errors.tsv gives. A clone with no corpus tests every reader and writer here."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap import ArgumentMap, ParseError
from argmap.analysis.framework import Framework
from argmap.formats.argmap_json import to_dict
from argmap.formats.registry import all_formats, for_path, get
from tests.formats.format_helpers import structure

sys.path.insert(0, str(Path(__file__).parent))  # the shared helpers beside this file
from argdown_support import canonical  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
#: Formats that only draw (tested by the drawing tests, not by fixtures).
PICTURES = {"dot", "svg", "png", "pdf", "html"}
FRAMEWORKS = ("apx", "tgf", "iccma23")


def _folders() -> list[str]:
    return sorted(p.name for p in FIXTURES.iterdir() if (p / "good").is_dir())


def _good() -> list[tuple[str, Path]]:
    return [(fmt, path) for fmt in _folders() for path in sorted((FIXTURES / fmt / "good").iterdir())]


def _expected(fmt: str) -> list[dict[str, str]]:
    with (FIXTURES / fmt / "errors.tsv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _bad() -> list[tuple[str, Path, int, int, str]]:
    return [(fmt, FIXTURES / fmt / "bad" / row["file"], int(row["line"]), int(row["column"]), row["message"])
            for fmt in _folders() for row in _expected(fmt)]


def _id(value: object) -> str:
    return f"{value.parent.parent.name}/{value.name}" if isinstance(value, Path) else str(value)


def test_every_format_argmap_reads_or_writes_has_fixtures() -> None:
    for fmt in all_formats():
        if fmt.name in PICTURES:
            continue
        if fmt.can_read:
            assert len(list((FIXTURES / fmt.name / "good").iterdir())) >= 2, fmt.name
            assert len(list((FIXTURES / fmt.name / "bad").iterdir())) >= 2, fmt.name
        else:
            assert list((FIXTURES / fmt.name).glob("*.md" if fmt.name == "md" else "*")), fmt.name


@pytest.mark.parametrize("fmt", _folders())
def test_errors_tsv_names_every_bad_file_once(fmt: str) -> None:
    listed = [row["file"] for row in _expected(fmt)]
    assert sorted(listed) == sorted(p.name for p in (FIXTURES / fmt / "bad").iterdir())
    assert len(set(listed)) == len(listed)


@pytest.mark.parametrize(("fmt", "path"), _good(), ids=[_id(p) for _, p in _good()])
def test_good_file_reads_validates_and_survives_a_round_trip(fmt: str, path: Path) -> None:
    read = argmap.load(path, format=fmt)
    if fmt not in ("aif", "sadface", "json"):  # .json names are told apart by their content, below
        assert get(fmt).name == for_path(path, reading=True).name
    text = path.read_bytes().decode("utf-8", errors="replace")
    assert for_path(path, reading=True, text=text).name == fmt  # recognised without being told
    if isinstance(read, Framework):
        for other in FRAMEWORKS:
            assert argmap.loads(argmap.dumps(read, other), other) == read, other
        return
    assert isinstance(read, ArgumentMap)
    read.validate()
    assert read.graph.graph.get("path") in (None, str(path))
    if get(fmt).can_write:
        again = argmap.loads(argmap.dumps(read, fmt), fmt)
        assert isinstance(again, ArgumentMap)
        if fmt == "argdown":
            assert canonical(again) == canonical(read)
        else:
            assert structure(again) == structure(read)
            assert again.title == read.title
        assert argmap.dumps(again, fmt) == argmap.dumps(read, fmt)  # stable after one trip
    lossless = argmap.loads(argmap.dumps(read, "json"), "json")
    assert to_dict(lossless) == to_dict(read)


@pytest.mark.parametrize(("fmt", "path", "line", "column", "message"), _bad(),
                         ids=[_id(case[1]) for case in _bad()])
def test_bad_file_gives_its_located_error(fmt: str, path: Path, line: int, column: int, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        argmap.load(path, format=fmt)
    err = caught.value
    assert (err.path, err.line, err.column) == (str(path), line, column), err
    assert message in err.message
    assert str(err).startswith(f"{path}:{line}:{column}: ")


@pytest.mark.parametrize("fmt", _folders())
def test_the_command_line_says_the_same_in_one_line(fmt: str, tmp_path: Path) -> None:
    _, path, line, column, message = next(case for case in _bad() if case[0] == fmt)
    out = tmp_path / "out.json"
    done = subprocess.run([sys.executable, "-m", "argmap", "convert", str(path), str(out), "--from", fmt],
                          capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 1
    (said,) = done.stderr.strip().splitlines()
    assert said.startswith(f"argmap: error: {path}:{line}:{column}: ") and message in said
    assert not out.exists()


@pytest.mark.parametrize("markdown", sorted((FIXTURES / "md").glob("*.md")), ids=lambda p: p.name)
def test_markdown_is_written_as_the_fixture_shows(markdown: Path) -> None:
    source = next(p for folder in ("json", "yaml") for p in (FIXTURES / folder / "good").glob(markdown.stem + ".*"))
    assert argmap.dumps(argmap.load(source), "md") == markdown.read_text("utf-8")


def test_graphml_fixture_is_the_json_fixture() -> None:
    from_graphml = argmap.load(FIXTURES / "graphml" / "good" / "every-field.graphml")
    from_json = argmap.load(FIXTURES / "json" / "good" / "every-field.json")
    assert to_dict(from_graphml) == to_dict(from_json)
    assert json.loads(argmap.dumps(from_graphml, "json")) == json.loads(argmap.dumps(from_json, "json"))
