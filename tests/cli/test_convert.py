"""``argmap convert`` and ``argmap formats`` as a user runs them: real processes, exit codes 0 / 1 / 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import argmap

FIXTURES = Path(__file__).resolve().parents[1] / "formats" / "fixtures"
KIALO = FIXTURES / "kialo" / "good" / "classic.kialo.txt"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", *args], capture_output=True, text=True, check=False)


def test_formats_lists_every_registered_format_with_its_abilities() -> None:
    done = run("formats")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    from argmap.formats.registry import all_formats

    for fmt in all_formats():
        row = next(line for line in lines if line.split()[0] == fmt.name)
        assert row.split()[1:3] == ["yes" if fmt.can_read else "-", "yes" if fmt.can_write else "-"]


def test_convert_kialo_to_aif_and_back(tmp_path: Path) -> None:
    source = KIALO
    done = run("convert", str(source), str(tmp_path / "vote.aif.json"))
    assert done.returncode == 0 and done.stderr == ""
    doc = json.loads((tmp_path / "vote.aif.json").read_text("utf-8"))
    assert sum(n["type"] == "I" for n in doc["nodes"]) == len(argmap.load(source).claims)
    done = run("convert", str(tmp_path / "vote.aif.json"), str(tmp_path / "vote.kialo.txt"))
    assert done.returncode == 0
    back = argmap.load(tmp_path / "vote.kialo.txt")
    assert {c.text for c in back.claims} == {c.text for c in argmap.load(source).claims}


def test_convert_to_standard_output_with_to() -> None:
    done = run("convert", str(FIXTURES / "microtexts" / "good" / "homework.xml"), "-", "--to", "md")
    assert done.returncode == 0 and done.stdout.startswith("- **1 Thesis**")


def test_from_overrides_the_name(tmp_path: Path) -> None:
    copy = tmp_path / "debate.data"
    copy.write_bytes((FIXTURES / "sadface" / "good" / "v0.2-debate.json").read_bytes())
    assert run("convert", str(copy), str(tmp_path / "out.yaml")).returncode == 2  # name says nothing
    done = run("convert", str(copy), str(tmp_path / "out.yaml"), "--from", "sadface")
    assert done.returncode == 0 and argmap.load(tmp_path / "out.yaml").title == "Recycling bins in every classroom"


@pytest.mark.parametrize(("args", "message"), [
    (["--to", "bogus"], "unknown format 'bogus'"),
    (["--from", "md"], "can be written but not read"),
    (["--to", "microtexts"], "can be read but not written"),
])
def test_bad_usage_exits_2_with_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    done = run("convert", str(KIALO), str(tmp_path / "out.json"), *args)
    assert done.returncode == 2 and message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_stdout_needs_to() -> None:
    done = run("convert", str(KIALO), "-")
    assert done.returncode == 2 and "--to" in done.stderr


def test_bad_input_exits_1_with_one_located_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.kialo.txt"
    bad.write_text("Discussion Title: T\n\n1. T\n1.1. Pro: -> See 1.7.\n", encoding="utf-8")
    done = run("convert", str(bad), str(tmp_path / "out.json"))
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"argmap: error: {bad}:4:1: statement 1.1 says '-> See 1.7.', but there is no statement 1.7")
    assert not (tmp_path / "out.json").exists()


def test_missing_input_exits_1(tmp_path: Path) -> None:
    done = run("convert", str(tmp_path / "nope.json"), str(tmp_path / "out.yaml"))
    assert done.returncode == 1 and "no such file" in done.stderr


def test_an_output_folder_that_is_not_there_exits_3(tmp_path: Path) -> None:
    done = run("convert", str(KIALO), str(tmp_path / "no" / "such" / "folder.json"))
    assert done.returncode == 3 and "cannot write" in done.stderr and "does not exist" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
