"""The file the studio saves to: every change written whole (atomically), never over a stranger's.

:class:`MapFile` writes the map in the format its name asks for (argmap JSON, YAML or Argdown),
through a temporary file and a rename, so a crash leaves the old file or the new one, never half
of one. Before each write it checks that the file on disk is still the one it last read or
wrote: if another program (a second studio on the same file, an editor) changed it meanwhile,
the save is refused with :class:`FileChanged` instead of overwriting that work.

An Argdown file keeps its own layout (comments, blank lines, order) wherever the edit did not
touch it: see :mod:`argmap.studio.layout`. The merged text is kept only when reading it back
gives the edited map; otherwise the file is written in argmap's layout and ``save`` says so.

>>> import tempfile, pathlib, argmap
>>> path = pathlib.Path(tempfile.mkdtemp()) / "tea.argdown"
>>> _ = path.write_text("// Tea, by hand\\n[Tea]: Tea is good.\\n", encoding="utf-8")
>>> f = MapFile.open(path)
>>> m = f.read()
>>> _ = m.support("tea", "Tea is warm.")
>>> f.save(m)
>>> print(path.read_text(encoding="utf-8"), end="")
// Tea, by hand
[Tea]: Tea is good.
  + Tea is warm.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import argmap
from argmap.errors import ArgmapError
from argmap.formats import registry
from argmap.formats.files import read_text, write_atomic
from argmap.model import ArgumentMap
from argmap.studio.layout import merge3

__all__ = ["MapFile", "FileChanged", "EDITABLE_FORMATS"]

#: The formats the studio saves to: argmap's own JSON and YAML, and Argdown.
EDITABLE_FORMATS = ("json", "yaml", "argdown")


class FileChanged(ArgmapError):
    """The file on disk is no longer the one the studio last read or wrote."""


def _digest(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def _on_disk(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ArgmapError(f"{path}: cannot read: {exc.strerror}") from None


@dataclass
class MapFile:
    """FILE, its format, and what the studio last saw in it.

    ``layout`` is, for Argdown, ``(argmap's writing of the map as read, the file's text)``: the
    base and the hand-written side of the next merge.
    """

    path: Path
    format: str
    seen: str | None = None  # the digest of the file as last read or written (None: no file yet)
    layout: tuple[str, str] | None = field(default=None, repr=False)
    rewritten: bool = False  # the last save could not keep the hand-written layout

    @classmethod
    def open(cls, path: str | Path) -> MapFile:
        """The file at ``path`` (which need not exist yet); ``ArgmapError`` when the studio
        cannot save in its format or its folder does not exist."""
        p = Path(path)
        if not p.parent.is_dir():
            raise ArgmapError(f"{p}: the folder {str(p.parent)!r} does not exist")
        if p.is_dir():
            raise ArgmapError(f"{p}: is a directory, not a file")
        data = _on_disk(p)
        text = None if data is None else data.decode("utf-8", "replace")
        fmt = registry.for_path(p, reading=data is not None, text=text)
        if fmt.name not in EDITABLE_FORMATS:
            raise ArgmapError(
                f"{p}: the studio saves argmap JSON, YAML or Argdown (.json, .yaml, .argdown), not "
                f"{fmt.name}; convert it first (argmap convert {p} map.json) or open it with Import")
        return cls(p, fmt.name, _digest(data))

    @property
    def exists(self) -> bool:
        return self.seen is not None

    def read(self) -> ArgumentMap:
        """Read the map (``ParseError`` with file, line and column when it cannot be read)."""
        text = read_text(self.path)
        m = argmap.loads(text, self.format, path=str(self.path))
        if not isinstance(m, ArgumentMap):  # pragma: no cover - the editable formats are maps
            raise ArgmapError(f"{self.path}: not an argument map")
        self.seen = _digest(self.path.read_bytes())
        if self.format == "argdown":
            self.layout = (argmap.dumps(m, "argdown"), text)
        return m

    def _text(self, m: ArgumentMap) -> str:
        written = argmap.dumps(m, self.format)
        self.rewritten = False
        if self.format != "argdown" or self.layout is None:
            return written
        base, ours = self.layout
        merged = "\n".join(merge3(base.split("\n"), ours.split("\n"), written.split("\n")))
        try:
            same = argmap.dumps(argmap.loads(merged, "argdown"), "argdown") == written
        except ArgmapError:
            same = False
        if same:
            return merged
        self.rewritten = True
        return written

    def save(self, m: ArgumentMap) -> None:
        """Write the map; :class:`FileChanged` (and nothing written) if someone else changed the file."""
        now = _digest(_on_disk(self.path))
        if now != self.seen:
            what = "was deleted" if now is None else "was changed by another program (or another studio)"
            raise FileChanged(f"{self.path.name} {what} since this studio last saved it")
        text = self._text(m)
        write_atomic(self.path, text)
        self.seen = _digest(text.encode("utf-8"))
        if self.format == "argdown":
            self.layout = (argmap.dumps(m, "argdown"), text)

    def adopt(self) -> ArgumentMap:
        """Read the file again as it now is (after :class:`FileChanged`, to take the other work)."""
        return self.read()
