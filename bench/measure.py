"""Run one command as a measured child process: wall clock, CPU, peak memory, and what it printed.

The peak memory is the child's own high-water mark (``ru_maxrss``, through GNU time where it is
installed), so every run is measured alone, whatever ran before it; CPU is user + system time
of the child and of the children it waited for (a layout engine, Node's workers).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Run:
    """One measured run of a command."""

    wall: float
    cpu: float
    peak_mb: float
    ok: bool
    error: str = ""
    report: dict[str, Any] = field(default_factory=dict)  # a worker's JSON line, if it printed one
    timed_out: bool = False


#: GNU time, when there: a small C program between us and the child, so that the child's peak
#: memory is its own. Linux carries a process's high-water mark across fork and exec, so a child
#: forked straight from this (big) Python process would report this process's size at least.
GNU_TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None


def measured(command: list[str], *, timeout: float, cwd: Path | None = None,
             env: dict[str, str] | None = None) -> Run:
    """Run ``command`` to the end (or ``timeout`` seconds, then kill its process group)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(mode="r", suffix=".time") as timing:
        wrapped = [GNU_TIME, "-f", "%M %U %S", "-o", timing.name, *command] if GNU_TIME else command
        start = time.perf_counter()
        proc = subprocess.Popen(wrapped, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=cwd,
                                env=env, start_new_session=True)
        expired = threading.Event()

        def kill() -> None:
            expired.set()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
        told = timing.read().split()[-3:] if GNU_TIME else []
    cpu = usage.ru_utime + usage.ru_stime
    peak = usage.ru_maxrss / 1024  # kilobytes on Linux
    if len(told) == 3 and told[0].isdigit():
        peak, cpu = int(told[0]) / 1024, float(told[1]) + float(told[2])
    if expired.is_set():
        return Run(wall, cpu, peak, False, f"stopped after {timeout:.0f} s", timed_out=True)
    if proc.returncode != 0:
        last = (stderr.strip() or stdout.strip() or f"exit status {proc.returncode}").splitlines()[-1]
        return Run(wall, cpu, peak, False, last[:300])
    report: dict[str, Any] = {}
    for line in reversed(stdout.splitlines()):
        if line.startswith("{"):
            try:
                report = json.loads(line)
            except json.JSONDecodeError:
                continue
            break
    return Run(wall, cpu, peak, True, report=report)


class Progress:
    """One line on a terminal, rewritten in place; nothing at all when stderr is not a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.start = time.perf_counter()
        self.live = sys.stderr.isatty()

    def show(self, what: str) -> None:
        if not self.live:
            return
        spent = time.perf_counter() - self.start
        line = f"[{self.done}/{self.total}] {spent / 60:4.1f} min  {what}"
        width = 100
        sys.stderr.write("\r" + line[:width].ljust(width))
        sys.stderr.flush()

    def step(self) -> None:
        self.done += 1

    def close(self) -> None:
        if self.live:
            sys.stderr.write("\r" + " " * 100 + "\r")
            sys.stderr.flush()
