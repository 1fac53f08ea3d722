"""The command line as a user runs it: a real process, real files, exit codes 0 / 1 / 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.cli import build_parser
from argmap.gallery.conscription import build_map


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", *args], capture_output=True, text=True, cwd=cwd,
                          check=False)


def test_version() -> None:
    done = run("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"argmap {argmap.__version__}"


def test_every_command_has_help() -> None:
    parser = build_parser()
    assert parser._subparsers is not None
    commands = parser._subparsers._group_actions[0].choices
    assert isinstance(commands, dict)
    assert {"render", "demo"} <= set(commands)
    for name in commands:
        done = run(name, "--help")
        assert done.returncode == 0 and "usage: argmap " + name in done.stdout, name


def test_render_writes_the_picture(tmp_path: Path) -> None:
    source = tmp_path / "op-ed.json"
    argmap.dump(build_map(), source)
    done = run("render", str(source), "-o", str(tmp_path / "out.svg"), "--theme", "print")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(tmp_path / "out.svg")
    assert "Manpower denial" in (tmp_path / "out.svg").read_text()
    # default output name: the input's stem
    assert run("render", str(source)).returncode == 0
    assert (tmp_path / "op-ed.svg").is_file()


def test_demo_prints_where_it_wrote(tmp_path: Path) -> None:
    done = run("demo", "-o", "flag.svg", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()) == tmp_path / "flag.svg"
    assert (tmp_path / "flag.svg").read_text().count("<svg") == 1


@pytest.mark.parametrize("content, expected", [
    (None, "no such file"),
    ('{"format": "argmap", "version": 1, "claims": [}', "invalid JSON"),
    ('{"format": "argmap", "version": 1, "claims": [{"id": "a"}]}', "'text' is a required property"),
])
def test_bad_input_is_one_clear_line_and_exit_1(tmp_path: Path, content: str | None, expected: str) -> None:
    source = tmp_path / "bad.json"
    if content is not None:
        source.write_text(content)
    done = run("render", str(source), "-o", str(tmp_path / "out.svg"))
    assert done.returncode == 1
    assert expected in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out.svg").exists()


@pytest.mark.parametrize("args", [(), ("render",), ("render", "x.json", "--theme", "neon"), ("frobnicate",),
                                  ("--no-such-flag",)])
def test_bad_usage_exits_2(args: tuple[str, ...]) -> None:
    done = run(*args)
    assert done.returncode == 2
    assert "usage:" in done.stderr and "Traceback" not in done.stderr
