"""Argdown conformance: every corpus file against what Argdown 2.0 counted (EXPECTED.tsv, ERRORS.tsv).

Accepted files must give Argdown's counts (statement classes, titled classes, members, arguments,
reconstructed arguments, explicit relations by type, sections); rejected ones a located
ParseError; and every accepted file must survive a write and a second read unchanged.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import argmap
from argmap.errors import ParseError
from argmap.formats.argdown import parse, statistics
from argmap.formats.files import read_text

COUNTS = ("statements_equivalence_classes", "statements_titled", "statement_members", "arguments",
          "arguments_with_pcs", "relations", "relations_by_type", "sections")

sys.path.insert(0, str(Path(__file__).parent))  # the shared helpers beside this file
from argdown_support import argdown_cli, canonical, corpus_root  # noqa: E402


def _rows() -> list[dict[str, str]]:
    path = corpus_root() / "argdown" / "EXPECTED.tsv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _errors() -> dict[str, list[tuple[int, int]]]:
    path = corpus_root() / "argdown" / "ERRORS.tsv"
    out: dict[str, list[tuple[int, int]]] = {}
    if path.is_file():
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                out.setdefault(row["file"], []).append((int(row["line"]), int(row["column"])))
    return out


ROWS = _rows()
ERRORS = _errors()
# Argdown rejects a file when it reports syntax errors, and crashes (exports nothing) on bad YAML
# data; files starting with "_" are include partials it skips on purpose.
REJECTED = [r["file"] for r in ROWS if r["parser_errors"] != "0"
            or (not r["statements_equivalence_classes"] and not Path(r["file"]).name.startswith("_"))]
ACCEPTED = [r for r in ROWS if r["file"] not in REJECTED and r["statements_equivalence_classes"]]


def test_the_corpus_is_there(corpus: Path) -> None:
    assert (corpus / "argdown" / "EXPECTED.tsv").is_file()
    assert len(ACCEPTED) > 200 and len(REJECTED) >= 9


@pytest.mark.parametrize("row", ACCEPTED, ids=[r["file"] for r in ACCEPTED])
def test_counts_match_argdown(corpus: Path, row: dict[str, str]) -> None:
    path = corpus / "argdown" / row["file"]
    doc = parse(read_text(path), str(path))
    expected = {k: json.loads(row[k]) if k == "relations_by_type" else int(row[k]) for k in COUNTS}
    got = {k: v for k, v in statistics(doc).items() if k in COUNTS}
    assert got == expected


@pytest.mark.parametrize("name", REJECTED)
def test_rejected_files_give_a_located_error(corpus: Path, name: str) -> None:
    path = corpus / "argdown" / name
    with pytest.raises(ParseError) as info:
        argmap.load(path)
    err = info.value
    assert err.path == str(path)
    assert err.line is not None and err.column is not None
    assert 1 <= err.line <= len(path.read_text(encoding="utf-8").splitlines()) + 1
    reported = ERRORS.get(name)
    if reported:
        # Argdown's first error, or the same line counted the way it counts after front matter
        # (its lines then start after the front matter), or the closing `===` that lacks the
        # empty line Argdown expects on the next line.
        line = reported[0][0]
        text = path.read_text(encoding="utf-8").splitlines()
        front = text.index("===", 1) + 2 if text and text[0] == "===" else 0
        assert err.line in (line, line + front, line - 1), (err, reported)


@pytest.mark.parametrize("row", ACCEPTED + [r for r in ROWS if Path(r["file"]).name.startswith("_")],
                         ids=lambda r: r["file"])
def test_write_and_read_back_gives_the_same_map(corpus: Path, row: dict[str, str]) -> None:
    m = argmap.load(corpus / "argdown" / row["file"])
    again = argmap.loads(argmap.dumps(m, "argdown"), "argdown")
    assert canonical(again) == canonical(m)


def test_partials_are_read_once_despite_the_include_cycle(corpus: Path) -> None:
    m = argmap.load(corpus / "argdown" / "include-test.argdown")
    assert len(m.claims) == 6  # as Argdown counts: each file once


@pytest.mark.skipif(argdown_cli() is None, reason="node or the Argdown 2.0 CLI is not installed")
def test_argdown_reads_our_output_to_the_same_counts(corpus: Path, tmp_path: Path) -> None:
    picks = [r for r in ACCEPTED if r["file"] in (
        "argdown-primer.argdown", "veggie_debate.argdown", "examples__semmelweis_betz.argdown",
        "docs-snippets/guide_colorizing-maps__011.argdown", "docs-snippets/syntax_README__053.argdown")]
    built = argmap.ArgumentMap(title="Lunch")
    t = built.claim("We should eat out. #1 {not data}", label="Lunch")
    r = built.support(t, ["The fridge is empty.", "Shops are closed // today"], label="Empty fridge")
    built.undercut(r, "The freezer is full.")
    built.attack(t, ["It costs money.", "Money is short."])
    maps = {f"pick{i}": argmap.load(corpus / "argdown" / r["file"]) for i, r in enumerate(picks)}
    maps["built"] = built
    src = tmp_path / "in"
    src.mkdir()
    for name, m in maps.items():
        (src / f"{name}.argdown").write_text(argmap.dumps(m, "argdown"), encoding="utf-8")
    out = tmp_path / "out"
    cli = argdown_cli()
    assert cli is not None
    subprocess.run([cli, "json", str(src / "*.argdown"), str(out)], cwd=tmp_path, capture_output=True,
                   timeout=300, check=False)
    for name in maps:
        exported = out / f"{name}.json"
        assert exported.is_file(), f"Argdown rejected our {name}.argdown"
        data = json.loads(exported.read_text(encoding="utf-8"))
        ours = statistics(parse((src / f"{name}.argdown").read_text(encoding="utf-8")))
        relations = Counter(rel["relationType"] for rel in data["relations"])
        assert len(data["statements"]) == ours["statements_equivalence_classes"]
        assert len(data["arguments"]) == ours["arguments"]
        assert dict(sorted(relations.items())) == ours["relations_by_type"]


def test_the_readme_gives_these_numbers(corpus: Path) -> None:
    readme = " ".join((Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8").split())
    partials = sum(1 for r in ROWS if Path(r["file"]).name.startswith("_"))
    assert (f"on all {len(ACCEPTED)} corpus files Argdown exports (and reads the {partials} include partials "
            f"it skips), rejects the {len(REJECTED)} it rejects") in readme
