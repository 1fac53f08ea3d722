"""Every code block in README.md and docs/ runs as written, in a copy of examples/.

Each fenced block needs a language, which says how it is checked:

- ``python``: run in a fresh namespace, from a folder holding a copy of ``examples/`` (so
  ``argmap.load("examples/uniforms.argdown")`` reads the committed file and what a block writes
  goes nowhere near the checkout);
- ``sh``: run by bash from that folder with ``set -e``, ``argmap`` being this checkout's command;
  a block of ``make`` lines is checked with ``make -n`` (a dry run: running the suite from inside
  the suite would never end);
- ``console``: each ``$ `` line is run by one bash session in that folder, and what follows it, up
  to the next ``$ ``, is its expected output (``...`` stands for anything, as in doctest);
- ``argdown``, ``yaml`` (a map when it has ``claims:``), ``json``: read by the reader of that format;
- ``text`` and ``markdown``: shown, not run (program output, diagrams, syntax summaries).

Relative links in the pages must point at files of the project.
"""

from __future__ import annotations

import doctest
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest
import yaml

import argmap

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
LANGUAGES = {"python", "sh", "console", "argdown", "yaml", "json", "text", "markdown"}
FENCE = re.compile(r"^(?P<indent> {0,3})```(?P<lang>[^\n`]*)\n(?P<code>.*?)^(?P=indent)```[ \t]*$", re.M | re.S)


class Block(NamedTuple):
    page: Path
    line: int
    lang: str
    code: str

    def __str__(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def _blocks() -> list[Block]:
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for match in FENCE.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.append(Block(page, line, match.group("lang").strip(), match.group("code")))
    return found


BLOCKS = _blocks()


def _of(*langs: str) -> list[Block]:
    return [b for b in BLOCKS if b.lang in langs]


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A folder holding a copy of examples/, as the repository root holds it."""
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    return tmp_path


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env["PYTHONUNBUFFERED"] = "1"  # output and errors in the order a terminal shows them
    env["COLUMNS"] = "100"
    return env


def test_every_block_says_its_language() -> None:
    unmarked = [f"{b} ({b.lang or 'no language'})" for b in BLOCKS if b.lang not in LANGUAGES]
    assert not unmarked, f"give these blocks one of {sorted(LANGUAGES)}: {unmarked}"
    assert len(BLOCKS) >= 30


@pytest.mark.parametrize("block", _of("python"), ids=str)
def test_python_block_runs(block: Block, workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(workdir)
    exec(compile(block.code, str(block), "exec"), {"__name__": "__docs__"})  # noqa: S102 - our own docs


@pytest.mark.parametrize("block", _of("sh"), ids=str)
def test_shell_block_runs(block: Block, workdir: Path) -> None:
    commands = [_without_settings(line.split("#")[0]) for line in block.code.splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
    if all(words[:1] == ["make"] for words in commands):
        for words in commands:
            done = subprocess.run(["make", "-n", *words[1:]], cwd=ROOT, capture_output=True, text=True, check=False)
            assert done.returncode == 0, f"{block}: make has no target {words[1:]}: {done.stderr}"
        return
    done = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", block.code], cwd=workdir, env=_env(),
                          capture_output=True, text=True, check=False, timeout=600)
    assert done.returncode == 0, f"{block} failed:\n{done.stdout}\n{done.stderr}"


def _without_settings(line: str) -> list[str]:
    """The words of a command line after its leading ``NAME=value`` settings."""
    words = line.split()
    while words and re.fullmatch(r"[A-Z_][A-Z0-9_]*=\S*", words[0]):
        words.pop(0)
    return words


def _session(code: str) -> list[tuple[str, str]]:
    """The (command, expected output) pairs of a console block."""
    pairs: list[tuple[str, str]] = []
    for line in code.splitlines():
        if line.startswith("$ "):
            pairs.append((line[2:], ""))
        elif pairs:
            pairs[-1] = (pairs[-1][0], pairs[-1][1] + line + "\n")
    return pairs


@pytest.mark.parametrize("block", _of("console"), ids=str)
def test_console_block_prints_what_it_shows(block: Block, workdir: Path) -> None:
    pairs = _session(block.code)
    assert pairs, f"{block}: a console block starts its commands with '$ '"
    marker = "\x1e-- argmap docs test --\x1e"
    script = "".join(f"{command} 2>&1\nprintf '%s\\n' '{marker}'\n" for command, _ in pairs)
    done = subprocess.run(["bash", "-c", script], cwd=workdir, env=_env(), capture_output=True, text=True,
                          check=False, timeout=600)
    outputs = done.stdout.split(marker + "\n")
    checker = doctest.OutputChecker()
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    for (command, expected), got in zip(pairs, outputs, strict=False):
        assert checker.check_output(expected, got, flags), f"{block}: `{command}` printed:\n{got}\nnot:\n{expected}"


@pytest.mark.parametrize("block", _of("argdown", "yaml", "json"), ids=str)
def test_data_block_reads(block: Block) -> None:
    if block.lang == "argdown":
        argmap.loads(block.code, "argdown").validate()
    elif block.lang == "yaml":
        doc = yaml.safe_load(block.code)
        if isinstance(doc, dict) and "claims" in doc:
            argmap.loads(block.code, "yaml").validate()
    else:
        json.loads(block.code)


LINK = re.compile(r"\]\((?!https?:|mailto:|#)([^)\s]+)\)")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_point_into_the_project(page: Path) -> None:
    text = re.sub(r"`[^`\n]*`", "", FENCE.sub("", page.read_text(encoding="utf-8")))  # code is not a link
    for target in LINK.findall(text):
        path = (page.parent / target.split("#")[0]).resolve()
        assert path.is_relative_to(ROOT) and path.exists(), f"{page.relative_to(ROOT)} links to {target}"
