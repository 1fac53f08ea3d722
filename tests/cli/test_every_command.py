"""Every command, run as a user runs it, against every way its files can be wrong.

The commands come from ``argmap.cli.COMMAND_MODULES`` and their inputs and outputs from their own
parsers (positional files are inputs, ``-o``/``OUT`` the output), so a new command joins these
tests by being registered. Each case runs the real program in a fresh process and asserts one
line on stderr (``argmap: error: ...``), no traceback, the exit status the error means (1 bad
input, 2 bad usage, 3 the environment) and nothing left behind: no output, no temporary file,
the input untouched.
"""

from __future__ import annotations

import argparse
import os
import re
import stat
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

import argmap
from argmap.cli import COMMAND_MODULES, build_parser
from tests.disks import file_size_limit, full_folder, read_only_folder

#: Commands that read an abstract framework (the others need a map and refuse one with exit 2).
READS_FRAMEWORKS = {"evaluate"}
#: The suffix of a valid output, where ``.svg`` is not one.
SUFFIX = {"convert": ".yaml", "reveal": ".html"}
#: Commands that keep running when all is well (a server), and create their file when it is not
#: there: no successful run here, and a missing file is no error for them.
SERVES = {"studio"}

MAP = {"format": "argmap", "version": 1, "title": "Lunch", "claims": [
    {"id": "t", "text": "We should eat out."}, {"id": "r", "text": "The fridge is empty."},
    {"id": "o", "text": "It costs too much."}, {"id": "rb", "text": "Lunch specials are cheap."},
    {"id": "r2", "text": "The café is next door."}],
    "inferences": [{"id": "s", "polarity": "support", "premises": ["r"], "target": "t"},
                   {"id": "s2", "polarity": "support", "premises": ["r2"], "target": "t"},
                   {"id": "a", "polarity": "attack", "premises": ["o"], "target": "t"},
                   {"id": "ra", "polarity": "attack", "premises": ["rb"], "target": "a"}]}


@dataclass(frozen=True)
class Command:
    """What a command reads and writes, as its parser declares it."""

    name: str
    inputs: tuple[str, ...]  # positional arguments naming input files, in order
    output: str | None  # "-o" for an option, "OUT" for a positional output, None: writes no file

    @property
    def suffix(self) -> str:
        return SUFFIX.get(self.name, ".svg")

    def argv(self, inputs: list[Path], output: Path | str | None) -> list[str]:
        words = [self.name, *map(str, inputs)]
        if self.output == "OUT":
            words.append(str(output))
        elif self.output is not None and output is not None:
            words += [self.output, str(output)]
        return words


def _commands() -> list[Command]:
    names = [module.rsplit(".", 1)[-1].removesuffix("_cmd") for module in COMMAND_MODULES]
    parser = build_parser()
    assert parser._subparsers is not None
    choices = parser._subparsers._group_actions[0].choices
    assert isinstance(choices, dict) and sorted(choices) == sorted(names)
    found = []
    for name in names:
        sub: argparse.ArgumentParser = choices[name]
        positional = [a for a in sub._actions if not a.option_strings]
        inputs = tuple(a.dest for a in positional if a.dest != "output")
        output = "OUT" if any(a.dest == "output" for a in positional) else (
            "-o" if any(a.dest == "output" for a in sub._actions if a.option_strings) else None)
        found.append(Command(name, inputs, output))
    return found


COMMANDS = _commands()
READING = [c for c in COMMANDS if c.inputs]
WRITING = [c for c in COMMANDS if c.output]
READING_AND_WRITING = [c for c in READING if c.output]


def _ids(commands: list[Command]) -> list[str]:
    return [c.name for c in commands]


def run(argv: list[str], cwd: Path, preexec: Callable[[], None] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("ARGMAP_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "argmap", *argv], capture_output=True, text=True, cwd=cwd,
                          check=False, timeout=90, env=env, preexec_fn=preexec)


def one_error_line(done: subprocess.CompletedProcess[str]) -> str:
    """The one line the command said, after checking that is all it said."""
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("argmap: error: "), lines[0]
    return lines[0].removeprefix("argmap: error: ")


def files_in(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A folder with a good map (and a second for commands reading two)."""
    import json

    (tmp_path / "map.json").write_text(json.dumps(MAP), encoding="utf-8")
    (tmp_path / "other.json").write_text(json.dumps(MAP), encoding="utf-8")
    return tmp_path


def _inputs(command: Command, work: Path, first: Path | None = None) -> list[Path]:
    files = [work / "map.json", work / "other.json"][: len(command.inputs)]
    return [first or files[0], *files[1:]] if files else []


def test_every_command_is_here() -> None:
    assert [c.name for c in COMMANDS] == [m.rsplit(".", 1)[-1].removesuffix("_cmd") for m in COMMAND_MODULES]
    assert {"render", "convert", "reveal", "worksheet", "grade"} <= {c.name for c in READING_AND_WRITING}


FINISHING = [c for c in COMMANDS if c.name not in SERVES]


@pytest.mark.parametrize("command", FINISHING, ids=_ids(FINISHING))
def test_a_good_run_succeeds(command: Command, work: Path) -> None:
    """The arguments these tests build are right: with good files each command succeeds."""
    out = work / ("out" + command.suffix) if command.output else None
    done = run(command.argv(_inputs(command, work), out), work)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    if out is not None and command.output == "OUT":
        assert out.is_file()


@pytest.mark.parametrize("command", READING, ids=_ids(READING))
def test_a_bad_input_file(command: Command, work: Path) -> None:
    bad = work / "bad.json"
    bad.write_text('{"format": "argmap", "version": 1, "claims": [}', encoding="utf-8")
    before = files_in(work)
    done = run(command.argv(_inputs(command, work, bad), work / ("out" + command.suffix)), work)
    said = one_error_line(done)
    assert done.returncode == 1
    assert said.startswith(f"{bad}:1:") and "invalid JSON" in said  # file:line:col: message
    assert files_in(work) == before


NEEDING_A_FILE = [c for c in READING if c.name not in SERVES]


@pytest.mark.parametrize("command", NEEDING_A_FILE, ids=_ids(NEEDING_A_FILE))
def test_a_missing_input_file(command: Command, work: Path) -> None:
    before = files_in(work)
    done = run(command.argv(_inputs(command, work, work / "nope.json"), work / ("out" + command.suffix)), work)
    assert one_error_line(done) == f"{work / 'nope.json'}: no such file"
    assert done.returncode == 1
    assert files_in(work) == before


@pytest.mark.parametrize("name", ["empty.json", "empty.yaml", "empty.argdown"])
@pytest.mark.parametrize("command", READING, ids=_ids(READING))
def test_an_empty_input_file(command: Command, name: str, work: Path) -> None:
    """An empty file is refused by every reader alike (Argdown's was an empty map)."""
    (work / name).write_text("", encoding="utf-8")
    before = files_in(work)
    done = run(command.argv(_inputs(command, work, work / name), work / ("out" + command.suffix)), work)
    assert one_error_line(done).startswith(f"{work / name}")
    assert done.returncode == 1
    assert files_in(work) == before


@pytest.mark.parametrize("command", READING, ids=_ids(READING))
def test_a_framework_file(command: Command, work: Path) -> None:
    apx = work / "fw.apx"
    apx.write_text("arg(a).\narg(b).\natt(a,b).\n", encoding="utf-8")
    out = work / ("out" + command.suffix)
    done = run(command.argv(_inputs(command, work, apx), out), work)
    if command.name in READS_FRAMEWORKS:
        assert done.returncode == 0, done.stderr
        return
    said = one_error_line(done)
    assert done.returncode == 2
    assert said.startswith(f"{apx} is an abstract framework")
    assert "argmap evaluate" in said or "converts to apx" in said
    assert not out.exists()


@pytest.mark.parametrize(("name", "text"), [("fw.tgf", "a\nb\n#\na b\n"), ("fw.i23", "p af 2\n1 2\n")])
def test_every_framework_format_is_refused_alike(name: str, text: str, work: Path) -> None:
    (work / name).write_text(text, encoding="utf-8")
    done = run(["render", name], work)
    assert done.returncode == 2
    assert one_error_line(done) == (f"{name} is an abstract framework (arguments and attacks, no claims): "
                                    "`argmap evaluate` reads it; `argmap render` needs a map")
    assert run(["evaluate", name], work).returncode == 0


@pytest.mark.parametrize("command", WRITING, ids=_ids(WRITING))
def test_an_output_in_a_read_only_folder(command: Command, work: Path) -> None:
    with read_only_folder(work) as folder:
        out = folder / ("out" + command.suffix)
        done = run(command.argv(_inputs(command, work), out), work)
        said = one_error_line(done)
        assert done.returncode == 3
        # the file asked for, or one of its pages (a worksheet of two pages writes out-p1.svg, out-p2.svg)
        assert said.startswith(f"cannot write {folder / 'out'}")
        assert "read-only" in said or "permission denied" in said
        assert files_in(folder) == []


@pytest.mark.parametrize("command", WRITING, ids=_ids(WRITING))
def test_an_output_on_a_full_disk(command: Command, work: Path) -> None:
    with full_folder(work) as folder:
        out = folder / ("out" + command.suffix)
        done = run(command.argv(_inputs(command, work), out), work)
        said = one_error_line(done)
        assert done.returncode == 3
        assert re.fullmatch(rf"cannot write {re.escape(str(folder / 'out'))}\S*: the disk is full", said), said
        assert files_in(folder) == ["filler"]


@pytest.mark.parametrize("command", WRITING, ids=_ids(WRITING))
def test_an_output_past_the_file_size_limit(command: Command, work: Path) -> None:
    """A write the kernel refuses (EFBIG past RLIMIT_FSIZE, as any user can arrange)."""
    out = work / "sub" / ("out" + command.suffix)
    out.parent.mkdir()
    done = run(command.argv(_inputs(command, work), out), work, preexec=file_size_limit(200))
    said = one_error_line(done)
    assert done.returncode == 3
    assert re.fullmatch(rf"cannot write {re.escape(str(out.parent / 'out'))}\S*: the file would be larger than this "
                        "system allows", said), said
    assert files_in(out.parent) == []


@pytest.mark.parametrize("command", WRITING, ids=_ids(WRITING))
def test_an_output_in_a_missing_folder(command: Command, work: Path) -> None:
    out = work / "missing" / ("out" + command.suffix)
    before = files_in(work)
    done = run(command.argv(_inputs(command, work), out), work)
    assert one_error_line(done) == f"cannot write {out}: the folder {str(out.parent)!r} does not exist"
    assert done.returncode == 3
    assert files_in(work) == before


@pytest.mark.parametrize("command", WRITING, ids=_ids(WRITING))
def test_a_folder_as_the_output(command: Command, work: Path) -> None:
    folder = work / ("out" + command.suffix)
    folder.mkdir()
    done = run(command.argv(_inputs(command, work), folder), work)
    said = one_error_line(done)
    assert done.returncode == 2
    assert f"{folder} is a folder" in said
    assert files_in(folder) == []


@pytest.mark.parametrize("command", READING_AND_WRITING, ids=_ids(READING_AND_WRITING))
def test_an_output_that_is_the_input(command: Command, work: Path) -> None:
    source = work / "map.json"
    text = source.read_text(encoding="utf-8")
    before = files_in(work)
    for output in (source, work / "sub" / ".." / "map.json"):
        done = run(command.argv(_inputs(command, work), output), work)
        said = one_error_line(done)
        assert done.returncode == 2
        assert f"{output} is the input file {source}" in said
    assert source.read_text(encoding="utf-8") == text and files_in(work) == before


def test_debug_shows_the_traceback(work: Path) -> None:
    done = run(["--debug", "render", "nope.json"], work)
    assert done.returncode == 1 and "Traceback" in done.stderr
    assert done.stderr.strip().splitlines()[-1] == "argmap: error: nope.json: no such file"
    assert run(["render", "nope.json", "--debug"], work).stderr.count("Traceback") == 1


def test_grade_saves_rules_whole_or_not_at_all(work: Path) -> None:
    """Both outputs of grade are written together: a missing folder for one writes neither."""
    done = run(["grade", "map.json", "other.json", "-o", "graded.svg", "--save-rules", "gone/rules.yaml"], work)
    assert one_error_line(done) == "cannot write gone/rules.yaml: the folder 'gone' does not exist"
    assert done.returncode == 3 and not (work / "graded.svg").exists()
    done = run(["grade", "map.json", "other.json", "--save-rules", "map.json"], work)
    assert done.returncode == 2 and "is the input file" in one_error_line(done)


def test_worksheet_never_writes_a_sheet_without_its_key(work: Path) -> None:
    done = run(["worksheet", "map.json", "-o", "s.svg", "--key", "s.svg"], work)
    assert one_error_line(done) == "-o and --key name the same file (s.svg); each output needs its own name"
    assert done.returncode == 2
    with read_only_folder(work) as folder:
        done = run(["worksheet", "map.json", "-o", "sheet.svg", "--key", str(folder / "key.svg")], work)
        assert done.returncode == 3 and one_error_line(done).startswith(f"cannot write {folder / 'key'}")
    assert not (work / "sheet.svg").exists()


def test_reveal_frames_appear_whole_or_not_at_all(work: Path) -> None:
    done = run(["reveal", "map.json", "-o", "frames", "--format", "svg"], work, preexec=file_size_limit(2_000))
    assert done.returncode == 3 and one_error_line(done).startswith("cannot write frames")
    assert files_in(work) == ["map.json", "other.json"]  # no half-written folder, no temporary one
    assert run(["reveal", "map.json", "-o", "frames", "--format", "svg"], work).returncode == 0
    frames = files_in(work / "frames")
    assert frames == [f"{k:02d}.svg" for k in range(1, len(frames) + 1)] and len(frames) >= 3
    (work / "file").write_text("x")
    done = run(["reveal", "map.json", "-o", "file", "--format", "svg"], work)
    assert done.returncode == 2 and one_error_line(done) == "-o file is a file; a folder is needed here"


def test_the_outputs_are_still_right(work: Path) -> None:
    """The safety checks refuse nothing a user may do: write beside the input, over an old output."""
    assert run(["convert", "map.json", "map.yaml"], work).returncode == 0
    assert run(["convert", "map.json", "map.yaml"], work).returncode == 0  # over its own earlier output
    assert argmap.load(work / "map.yaml").title == "Lunch"
    assert run(["render", "map.yaml"], work).returncode == 0 and (work / "map.svg").is_file()
    # A device is written into, never replaced by a file (as root, /dev/null was).
    assert run(["convert", "map.json", "/dev/null", "--to", "json"], work).returncode == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    done = run(["convert", "map.json", "/dev/stdout", "--to", "yaml"], work)
    assert done.returncode == 0 and done.stdout.startswith("format: argmap")
