"""The lesson plan's commands run as written (those whose command this argmap has)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from argmap.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "teaching.md"


def commands() -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", text, flags=re.S)
    lines = [line.strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line.startswith("argmap ") and "homework/" not in line and "$" not in line]


def available() -> set[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")  # noqa: SLF001
    return set(sub.choices or {})


def test_the_plan_names_every_teaching_command() -> None:
    verbs = {shlex.split(c)[1] for c in commands()}
    assert {"reveal", "worksheet", "questions", "flow"} <= verbs
    assert "argmap grade " in DOC.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", commands())
def test_command_runs(command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                      capsys: pytest.CaptureFixture[str]) -> None:
    argv = shlex.split(command)[1:]
    if argv[0] not in available():
        pytest.skip(f"`argmap {argv[0]}` is not part of this build")
    if ">" in argv:  # output redirected to a file: check the output instead
        argv = argv[: argv.index(">")]
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    (tmp_path / "lesson").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 0
    outputs = [a for a in argv if a.startswith("lesson/")]
    for out in outputs:
        assert (tmp_path / out).stat().st_size > 0
    if not outputs:
        assert capsys.readouterr().out.strip()
