"""``argmap evaluate`` and drawing an evaluation on the map."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.drawing.output import svg_text_nodes


def uniforms_file(tmp_path: Path) -> Path:
    m = argmap.ArgumentMap(title="Uniforms")
    t = m.claim("Schools should require uniforms.", id="t")
    m.attack(t, m.claim("Uniforms limit self-expression.", id="o"), id="obj")
    m.attack(m["o"], m.claim("Expression has other outlets.", id="x"), id="reb")
    path = tmp_path / "uniforms.json"
    argmap.dump(m, path)
    return path


def test_evaluate_prints_labels_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = uniforms_file(tmp_path)
    assert main(["evaluate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "t: in (accepted)" in out and "o: out (rejected)" in out
    assert main(["evaluate", str(path), "--semantics", "preferred", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["semantics"] == "preferred" and data["labels"]["t"] == "in"


def test_evaluate_reads_iccma_files_and_lists_extensions(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(corpus / "iccma" / "tweety__ex2.apx"), "-s", "PR"]) == 0
    out = capsys.readouterr().out
    assert "preferred semantics: 2 extension(s)" in out and "extension 1: {a1, a3, a6}" in out


def test_evaluate_reads_an_iccma_fixture(capsys: pytest.CaptureFixture[str]) -> None:
    fixture = Path(__file__).parents[1] / "formats" / "fixtures" / "apx" / "good" / "lunch-debate.apx"
    assert main(["evaluate", str(fixture), "-s", "PR"]) == 0
    out = capsys.readouterr().out
    assert "preferred semantics: 1 extension(s)" in out
    assert "pizza: in (accepted)" in out and "soup: out (rejected)" in out


def test_evaluate_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = uniforms_file(tmp_path)
    assert main(["evaluate", str(path), "-s", "nonsense"]) == 2
    bad = tmp_path / "bad.apx"
    bad.write_text("arg(a).\natt(a,b).\n")
    assert main(["evaluate", str(bad)]) == 1
    assert "bad.apx:2:7:" in capsys.readouterr().err


def test_evaluated_map_shows_status_in_words_and_borders(tmp_path: Path) -> None:
    path = uniforms_file(tmp_path)
    out = tmp_path / "eval.svg"
    assert main(["evaluate", str(path), "-o", str(out)]) == 0
    texts = svg_text_nodes(out.read_text())
    # t, the rebuttal's premise x and its step reb stand; o and its step obj fall
    assert texts.count("ACCEPTED (in)") == 3 and texts.count("REJECTED (out)") == 2


def test_render_takes_an_evaluation_and_the_dot_carries_it() -> None:
    mm = argmap.ArgumentMap()
    t = mm.claim("T", id="t")
    mm.attack(t, mm.claim("O", id="o"), id="obj")
    mm.attack(mm["o"], mm.claim("X", id="x"), id="reb")
    result = argmap.evaluate(mm)
    dot = mm.to_dot(evaluation=result).source
    assert "REJECTED (out)" in dot and "ACCEPTED (in)" in dot
    assert 'border="3"' in dot  # the accepted claims' borders are thick
    assert "style=\"rounded,filled,dotted\"" in dot  # the rejected step is dotted
