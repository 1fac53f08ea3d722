"""``argmap check FILE``: lines, exit status, JSON, options."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap import ArgumentMap, Source
from argmap.cli import main


def write(m: ArgumentMap, path: Path) -> str:
    argmap.dump(m, path)
    return str(path)


@pytest.fixture()
def warnings_only(tmp_path: Path) -> str:
    m = ArgumentMap()
    t = m.claim("Socrates is mortal.", id="t")
    m.support(t, [m.claim("Socrates is human.", id="a", sources=[Source(author="Plato")]),
                  m.claim("Every human is mortal.", id="b")], id="s")
    return write(m, tmp_path / "warn.json")


@pytest.fixture()
def with_error(tmp_path: Path) -> str:
    m = ArgumentMap()
    a, b = m.claim("Alpha holds.", id="a"), m.claim("Beta holds.", id="b")
    m.support(a, b, id="s1")
    m.support(b, a, id="s2")
    return write(m, tmp_path / "circle.json")


def test_text_lines_and_exit_zero_for_warnings(warnings_only: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", warnings_only]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"{warnings_only}: unsupported: claim 'b' \"Every human is mortal.\" has neither a reason nor a source: "
        "support it with a reason, or cite where it comes from (a source), so a reader knows why to accept it"
    ]
    assert err.strip() == f"{warnings_only}: 0 errors, 1 warning, 0 hints"


def test_exit_one_on_errors(with_error: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", with_error]) == 1
    out, _ = capsys.readouterr()
    assert f"{with_error}: circular-support: circular support: 'a' -> 'b' -> 'a'" in out


def test_json_output(with_error: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", with_error, "--format", "json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["path"] == with_error
    assert doc["counts"]["error"] == 1
    codes = [f["code"] for f in doc["findings"]]
    assert "circular-support" in codes
    circle = doc["findings"][codes.index("circular-support")]
    assert circle["severity"] == "error" and circle["nodes"] == ["a", "b"] and circle["line"] is None
    assert sum(doc["counts"].values()) == len(doc["findings"])


def test_ignore_and_select(with_error: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", with_error, "--ignore", "circular-support"]) == 0
    assert "circular-support" not in capsys.readouterr().out
    assert main(["check", with_error, "--select", "unsupported,isolated-claim", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["findings"] == []


def test_no_hints(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    m = ArgumentMap()
    t = m.claim("Cats are better pets than dogs.", id="t", sources=[Source(author="A")])
    m.support(t, m.claim("Cats need no walks.", id="p", sources=[Source(author="B")]), id="s")
    path = write(m, tmp_path / "cats.json")
    assert main(["check", path]) == 0
    assert "lonely-premise" in capsys.readouterr().out
    assert main(["check", path, "--no-hints"]) == 0
    assert capsys.readouterr().out == ""


def test_unknown_code_is_bad_usage(with_error: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", with_error, "--ignore", "no-such-code"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("argmap: error: --ignore: unknown check code(s): no-such-code")
    assert len(err.splitlines()) == 1


def test_unreadable_file_exits_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "argmap", "version": 1, "claims": [', "utf-8")
    assert main(["check", str(bad)]) == 1
    assert "bad.json:1:" in capsys.readouterr().err
    assert main(["check", str(tmp_path / "missing.json")]) == 1


def test_help_and_the_real_program(warnings_only: str) -> None:
    run = subprocess.run([sys.executable, "-m", "argmap", "check", "--help"],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0
    assert "--format" in run.stdout and "exit status 1" in run.stdout.lower().replace("\n", " ")
    run = subprocess.run([sys.executable, "-m", "argmap", "check", warnings_only],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0 and "unsupported" in run.stdout
