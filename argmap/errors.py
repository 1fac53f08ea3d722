"""The exceptions argmap raises; every one derives from :class:`ArgmapError`."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["ArgmapError", "ParseError", "ValidationError", "SetupError", "RenderError"]

#: Where a message names the argument that was wrong: ``format=`` from Python, ``--from`` on the
#: command line (see :meth:`ArgmapError.naming`).
PARAM = "{param}"


class ArgmapError(Exception):
    """Base class of every error argmap raises on purpose.

    ``param`` names the argument of the call that was wrong (``format``, ``theme``, ``path``...),
    so that a caller can point at its own name for it: the command line says ``--from``, not
    ``format=``. A message may name the argument where it reads ``{param}``.

    >>> err = ArgmapError("unknown format 'jsn'; check {param}", param="format")
    >>> str(err), err.param
    ("unknown format 'jsn'; check format=", 'format')
    >>> err.naming("--from")
    "unknown format 'jsn'; check --from"
    """

    def __init__(self, *args: object, param: str | None = None) -> None:
        self.param = param
        self.template = str(args[0]) if len(args) == 1 else None
        if self.template is not None and param is not None:
            args = (self.template.replace(PARAM, param + "="),)
        super().__init__(*args)

    def naming(self, name: str) -> str:
        """The message, with the wrong argument called ``name``."""
        if self.template is None:
            return str(self)
        return self.template.replace(PARAM, name)


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


class SetupError(ArgmapError):
    """Something argmap needs from the machine is missing or broken: the layout engine, an
    optional package (``python-sat``, ``cairosvg``), a program it runs. Not the input's fault:
    installing or repairing something fixes it.
    """


class RenderError(SetupError):
    """Drawing failed: no layout engine, an engine that crashed, or (with ``param`` naming the
    argument) an output argmap cannot draw."""
