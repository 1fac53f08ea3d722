"""Whose problem an error is (the exit status), and the one line that says it."""

from __future__ import annotations

import errno

import pytest

import argmap
from argmap.cli.failures import ENVIRONMENT, INPUT, USAGE, UsageError, describe, options, status
from argmap.errors import ArgmapError, ParseError, RenderError, SetupError, ValidationError
from argmap.formats import registry


@pytest.mark.parametrize(("error", "expected"), [
    (ParseError("invalid JSON", path="m.json", line=1, column=3), INPUT),
    (ValidationError(["claim 'a': text is blank"]), INPUT),
    (ArgmapError("speech '2AC' is used in the map but missing from meta 'speeches'"), INPUT),
    (ArgmapError("unknown format 'jsn'", param="format"), USAGE),
    (UsageError("--depth must be 0 or more", "--depth"), USAGE),
    (RenderError("no layout engine"), ENVIRONMENT),
    (RenderError("cannot turn SVG into 'gif'", param="format"), USAGE),
    (SetupError("solver 'pysat' needs python-sat"), ENVIRONMENT),
    (OSError(errno.ENOSPC, "No space left on device", "a.svg"), ENVIRONMENT),
    (OSError(errno.EROFS, "Read-only file system", "a.svg"), ENVIRONMENT),
    (PermissionError(errno.EACCES, "Permission denied", "a.svg"), ENVIRONMENT),
    (FileNotFoundError(errno.ENOENT, "No such file or directory", "gone/a.svg"), ENVIRONMENT),
    (IsADirectoryError(errno.EISDIR, "Is a directory", "out"), USAGE),
    (MemoryError(), ENVIRONMENT),
    (KeyError("bug"), INPUT),
])
def test_each_error_has_its_status(error: BaseException, expected: int) -> None:
    assert status(error) == expected
    lines = describe(error)
    assert lines and all(line and "\n" not in line for line in lines)


def test_every_problem_of_a_map_is_a_line() -> None:
    assert describe(ValidationError(["claim 'a': text is blank", "inference 'i': no premise"])) == [
        "claim 'a': text is blank", "inference 'i': no premise"]


@pytest.mark.parametrize(("code", "said"), [
    (errno.ENOSPC, "cannot write out.svg: the disk is full"),
    (errno.EROFS, "cannot write out.svg: the file system is read-only"),
    (errno.EACCES, "cannot write out.svg: permission denied"),
    (errno.EFBIG, "cannot write out.svg: the file would be larger than this system allows"),
    (errno.EISDIR, "out.svg is a folder; name a file"),
    (errno.ENOENT, "cannot write out.svg: the folder '.' does not exist"),
])
def test_file_system_failures_in_plain_words(code: int, said: str) -> None:
    assert describe(OSError(code, "strerror", "out.svg")) == [said]


def test_a_bug_is_one_line_asking_for_a_report() -> None:
    (line,) = describe(AttributeError("'NoneType' object has no attribute 'text'"))
    assert line.startswith("internal error (AttributeError:") and "--debug" in line


def test_library_errors_name_the_option() -> None:
    with pytest.raises(UsageError) as info, options(format="--from"):
        registry.get("jsn")
    assert str(info.value).startswith("--from: unknown format 'jsn'") and info.value.option == "--from"
    with pytest.raises(UsageError) as info, options(format="--to"):
        registry.for_path("out.xyz", reading=False)
    assert str(info.value).endswith("or name the format with --to")  # said once, where the message says it
    with pytest.raises(ArgmapError, match=r"or name the format with format=$"):
        registry.for_path("out.xyz", reading=False)  # from Python, the keyword


def test_errors_without_a_known_argument_pass_through() -> None:
    with pytest.raises(ParseError), options(format="--from"):
        argmap.loads("{", "json")
    with pytest.raises(ArgmapError) as info, options(path="-o"):
        raise ArgmapError("unknown theme 'neon'", param="theme")
    assert info.value.param == "theme" and status(info.value) == USAGE
