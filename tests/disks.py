"""Real failing folders for tests: read-only, full, and a file-size limit that fails like a full disk.

Nothing here is a mock: the kernel refuses the writes. A read-only folder is a read-only tmpfs
when the tests run as root and may mount (root ignores file permissions), else a folder without
write permission. A full folder is a tiny tmpfs filled to the brim (root only; elsewhere the
tests that need one skip, and :func:`file_size_limit` gives every user a real ``EFBIG``).
"""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

__all__ = ["read_only_folder", "full_folder", "file_size_limit"]


def _mount(target: Path, options: str) -> bool:
    """Mount a tmpfs at ``target``; False when this user or machine may not."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)],
                          capture_output=True, check=False)
    return done.returncode == 0


def _unmount(target: Path) -> None:
    subprocess.run(["umount", str(target)], capture_output=True, check=False)


@contextlib.contextmanager
def read_only_folder(parent: Path) -> Iterator[Path]:
    """A folder nothing can be written into, for as long as the context lasts."""
    folder = parent / "read-only"
    folder.mkdir()
    if _mount(folder, "ro,size=64k"):
        try:
            yield folder
        finally:
            _unmount(folder)
        return
    if os.geteuid() == 0:
        import pytest

        pytest.skip("running as root without permission to mount: no folder is read-only to root")
    folder.chmod(0o555)
    try:
        yield folder
    finally:
        folder.chmod(0o755)


@contextlib.contextmanager
def full_folder(parent: Path) -> Iterator[Path]:
    """A folder on a tiny file system with (almost) no room left."""
    folder = parent / "full"
    folder.mkdir()
    if not _mount(folder, "size=64k"):
        import pytest

        pytest.skip("a full disk needs a tmpfs, which only root may mount (file_size_limit covers the rest)")
    try:
        filler = folder / "filler"
        with contextlib.suppress(OSError), filler.open("wb") as fh:
            while True:
                fh.write(b"\0" * 4096)
                fh.flush()
        yield folder
    finally:
        _unmount(folder)


def file_size_limit(limit: int) -> Callable[[], None]:
    """For ``subprocess.run(preexec_fn=...)``: a process whose writes past ``limit`` bytes fail
    with ``EFBIG`` (Python ignores SIGXFSZ), as writes to a full disk fail with ``ENOSPC``."""

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply
