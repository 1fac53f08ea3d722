"""A progress bar on the terminal: the one place the command line (and ``make bench``) shows one.

The library reports how a long job goes through a callback, ``progress(done, total, what)``
(:data:`argmap.drawing.options.Progress`); :func:`progress_bar` makes such a callback that draws
one line on standard error, rewritten in place, but only when standard error is a terminal, and
only once the job has run for a moment (quick jobs print nothing). Piped or logged output stays
clean.

>>> import io
>>> bar = ProgressBar(stream=io.StringIO(), delay=0.0)  # not a terminal: nothing is drawn
>>> bar(1, 4, "page 1")
>>> bar.stream.getvalue()
''
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

__all__ = ["ProgressBar", "progress_bar"]


class ProgressBar:
    """``bar(done, total, what)`` draws ``[#####-----] 2/4 what`` on a terminal; ``bar.close()`` clears it."""

    def __init__(self, stream: TextIO | None = None, *, delay: float = 1.0, width: int = 24,
                 force: bool = False) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.live = force or bool(getattr(self.stream, "isatty", lambda: False)())
        self.delay = delay
        self.width = width
        self.started = time.monotonic()
        self.shown = False

    def __call__(self, done: int, total: int, what: str) -> None:
        if not self.live or time.monotonic() - self.started < self.delay:
            return
        filled = self.width * done // total if total else 0
        spent = time.monotonic() - self.started
        line = f"[{'#' * filled}{'-' * (self.width - filled)}] {done}/{total} {what} ({spent:.0f} s)"
        self.stream.write("\r" + line[:100].ljust(100))
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        """Clear the line, if one was drawn."""
        if self.shown:
            self.stream.write("\r" + " " * 100 + "\r")
            self.stream.flush()
            self.shown = False

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def progress_bar(delay: float = 1.0) -> ProgressBar:
    """A bar on standard error (drawn only on a terminal, after ``delay`` seconds)."""
    return ProgressBar(delay=delay)
