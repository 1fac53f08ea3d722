"""Writing files whole or not at all: one file, several, a folder; permissions; real failing disks."""

from __future__ import annotations

import errno
import os
import re
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from argmap.errors import ArgmapError
from argmap.formats.files import same_file, write_atomic, write_files, write_folder
from tests.disks import file_size_limit, full_folder, read_only_folder


def _leftovers(folder: Path) -> list[str]:
    """Temporary files or folders a write left behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_new_file_gets_the_mode_open_would_give(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "a.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o640


@pytest.mark.parametrize("mode", [0o4755, 0o2775, 0o6777, 0o1644])
def test_a_file_written_over_keeps_its_permissions_but_no_privilege_bits(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "tool.sh"
    target.write_text("old")
    target.chmod(mode)
    assert stat.S_IMODE(target.stat().st_mode) & 0o7000  # the bits are really there before
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == mode & 0o777


def test_a_missing_folder_is_named_by_the_file_asked_for(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as info:
        write_atomic(tmp_path / "nope" / "map.svg", "x")
    assert info.value.filename == str(tmp_path / "nope" / "map.svg")  # not the temporary file's name


def test_a_folder_is_no_file(tmp_path: Path) -> None:
    (tmp_path / "out.svg").mkdir()
    with pytest.raises(IsADirectoryError) as info:
        write_atomic(tmp_path / "out.svg", "x")
    assert info.value.errno == errno.EISDIR and info.value.filename == str(tmp_path / "out.svg")
    assert _leftovers(tmp_path) == []


def test_several_files_are_written_all_or_none(tmp_path: Path) -> None:
    sheet, key = tmp_path / "sheet.svg", tmp_path / "gone" / "key.svg"
    sheet.write_text("old sheet")
    with pytest.raises(FileNotFoundError):
        write_files({sheet: "new sheet", key: "key"})
    assert sheet.read_text() == "old sheet"  # the first was written to a temporary file only
    assert _leftovers(tmp_path) == []


def test_two_names_for_one_file_are_refused(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    with pytest.raises(ArgmapError, match="two outputs are one file") as info:
        write_files({tmp_path / "s.svg": "sheet", tmp_path / "sub" / ".." / "s.svg": "key"})
    assert info.value.param == "path"
    assert not (tmp_path / "s.svg").exists()


def test_same_file_follows_links(tmp_path: Path) -> None:
    (tmp_path / "real.json").write_text("{}")
    (tmp_path / "link.json").symlink_to(tmp_path / "real.json")
    assert same_file(tmp_path / "link.json", tmp_path / "real.json")
    assert not same_file(tmp_path / "a.json", tmp_path / "b.json")


def test_a_new_folder_appears_whole(tmp_path: Path) -> None:
    out = write_folder(tmp_path / "frames", {"01.svg": "<svg/>", "02.svg": b"<svg/>"})
    assert sorted(p.name for p in out.iterdir()) == ["01.svg", "02.svg"]
    assert _leftovers(tmp_path) == []
    assert stat.S_IMODE(out.stat().st_mode) == 0o777 & ~_umask()


def test_an_old_folder_loses_stale_frames_and_keeps_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "frames"
    write_folder(folder, {f"{k:02d}.svg": "old" for k in range(1, 13)})
    (folder / "notes.txt").write_text("mine")
    write_folder(folder, {f"{k:02d}.svg": "new" for k in range(1, 11)}, replaces=re.compile(r"\d{2,}\.svg"))
    assert sorted(p.name for p in folder.iterdir()) == [f"{k:02d}.svg" for k in range(1, 11)] + ["notes.txt"]
    assert (folder / "01.svg").read_text() == "new" and (folder / "notes.txt").read_text() == "mine"


def test_a_folder_output_refuses_a_file_and_path_names(tmp_path: Path) -> None:
    (tmp_path / "frames").write_text("a file")
    with pytest.raises(NotADirectoryError):
        write_folder(tmp_path / "frames", {"01.svg": "x"})
    with pytest.raises(ArgmapError, match="not a plain file name"):
        write_folder(tmp_path / "other", {"../escape.svg": "x"})
    assert not (tmp_path / "escape.svg").exists() and not (tmp_path / "other").exists()


def test_a_read_only_folder(tmp_path: Path) -> None:
    with read_only_folder(tmp_path) as folder:
        with pytest.raises(OSError) as info:
            write_atomic(folder / "map.svg", "x")
        assert info.value.errno in (errno.EROFS, errno.EACCES)
        assert info.value.filename == str(folder / "map.svg")
        with pytest.raises(OSError):
            write_folder(folder / "frames", {"01.svg": "x"})


def test_a_full_disk_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    with full_folder(tmp_path) as folder:
        target = folder / "map.svg"
        with pytest.raises(OSError) as info:
            write_atomic(target, "x" * 100_000)
        assert info.value.errno == errno.ENOSPC and info.value.filename == str(target)
        assert not target.exists() and _leftovers(folder) == []
        with pytest.raises(OSError):
            write_folder(folder / "frames", {"01.svg": "x" * 100_000})
        assert sorted(p.name for p in folder.iterdir()) == ["filler"]


def test_a_file_size_limit_fails_like_a_full_disk(tmp_path: Path) -> None:
    """Any user can make a real write fail: past RLIMIT_FSIZE the kernel refuses it (EFBIG)."""
    (tmp_path / "old.svg").write_text("old")
    code = textwrap.dedent(f"""
        import errno, sys
        from argmap.formats.files import write_files, write_folder
        try:
            write_files({{{str(tmp_path / 'small.svg')!r}: "x", {str(tmp_path / 'old.svg')!r}: "y" * 100_000}})
        except OSError as exc:
            assert exc.errno == errno.EFBIG, exc
        else:
            sys.exit("wrote past the limit")
        try:
            write_folder({str(tmp_path / 'frames')!r}, {{"01.svg": "x", "02.svg": "y" * 100_000}})
        except OSError as exc:
            assert exc.errno == errno.EFBIG, exc
        else:
            sys.exit("wrote past the limit")
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False,
                          preexec_fn=file_size_limit(50_000))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "old.svg").read_text() == "old" and not (tmp_path / "small.svg").exists()
    assert not (tmp_path / "frames").exists() and _leftovers(tmp_path) == []


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_device_or_a_pipe_is_written_into_never_replaced(tmp_path: Path) -> None:
    """`-o /dev/null` as root replaced /dev/null with a plain file; `-o /dev/stdout` must work."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code = f"from argmap.formats.files import write_atomic; write_atomic({str(fifo)!r}, 'through the pipe')"
    writer = subprocess.Popen([sys.executable, "-c", code])
    with fifo.open("rb") as fh:
        assert fh.read() == b"through the pipe"
    assert writer.wait(timeout=60) == 0
    assert stat.S_ISFIFO(fifo.stat().st_mode) and _leftovers(tmp_path) == []
    write_atomic("/dev/null", "nothing")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    done = subprocess.run([sys.executable, "-c", "from argmap.formats.files import write_atomic; "
                           "write_atomic('/dev/stdout', 'shown')"], capture_output=True, text=True, check=True)
    assert done.stdout == "shown"


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_a_file_written_over_keeps_its_owner(tmp_path: Path) -> None:
    target = tmp_path / "pupil.svg"
    target.write_text("old")
    os.chown(target, 65534, 65534)
    write_atomic(target, "new")
    assert (target.stat().st_uid, target.stat().st_gid) == (65534, 65534) and target.read_text() == "new"
