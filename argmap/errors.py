"""The exceptions argmap raises; every one derives from :class:`ArgmapError`."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["ArgmapError", "ParseError", "ValidationError", "RenderError"]


class ArgmapError(Exception):
    """Base class of every error argmap raises on purpose."""


class ParseError(ArgmapError):
    """Input that cannot be read as a map, located as precisely as the format allows.

    >>> err = ParseError("`<Habit>` is used as a premise but never defined", path="a.argdown", line=12, column=3)
    >>> str(err)
    'a.argdown:12:3: `<Habit>` is used as a premise but never defined'
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        super().__init__(self._located())

    def _located(self) -> str:
        where = [str(p) for p in (self.path, self.line, self.column) if p is not None]
        if not where:
            return self.message
        return ":".join(where) + ": " + self.message


class ValidationError(ArgmapError):
    """A map breaks the model's rules; ``problems`` lists every one found, not just the first.

    >>> err = ValidationError(["claim 'a': text is blank", "inference 'i1': no premise"])
    >>> err.problems[1]
    "inference 'i1': no premise"
    """

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        head = f"the map has {count} problem{'s' if count != 1 else ''}"
        super().__init__(head + ":\n" + "\n".join(f"  - {p}" for p in self.problems))


class RenderError(ArgmapError):
    """Drawing failed: no layout engine, an engine that crashed, or an unsupported output."""
