"""The format registry: each format module registers one :class:`Format` by name and suffixes.

Adding a format is one module that calls :func:`register` at import, plus its name in
``BUILTIN_MODULES`` (in ``argmap/formats/__init__.py``) so it is imported on first use.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.errors import PARAM, ArgmapError

if TYPE_CHECKING:
    from argmap.drawing.options import DrawingOptions
    from argmap.drawing.themes import Theme
    from argmap.model import ArgumentMap

__all__ = ["Format", "register", "get", "all_formats", "for_path", "sniff", "pictures"]

#: ``loads(text, path)``: the text to read and, for error messages, where it came from.
Reader = Callable[[str, "str | None"], Any]
#: ``dumps(obj)``: the text (or bytes, for binary outputs) of a map or framework.
Writer = Callable[[Any], "str | bytes"]
#: ``draw(m, theme, options)``: the bytes of a picture of a map (what ``argmap.render`` writes).
Drawer = Callable[["ArgumentMap", "str | Theme", "DrawingOptions"], bytes]


@dataclass(frozen=True)
class Format:
    """One registered format.

    ``sniff`` looks at the start of a text and says whether it is this format; it lets
    ``load`` tell AIF from argmap JSON when the name says only ``.json``. ``binary`` writers
    return bytes. ``priority`` orders sniffers (higher first). A picture format also has
    ``draw``, which ``argmap.render`` calls with a theme and drawing options.
    """

    name: str
    suffixes: tuple[str, ...]
    description: str
    reader: Reader | None = None
    writer: Writer | None = None
    sniff: Callable[[str], bool] | None = None
    binary: bool = False
    priority: int = 0
    extras: dict[str, Any] = field(default_factory=dict)
    draw: Drawer | None = None

    @property
    def can_read(self) -> bool:
        return self.reader is not None

    @property
    def can_write(self) -> bool:
        return self.writer is not None

    @property
    def is_picture(self) -> bool:
        """True for the formats ``argmap.render`` draws (DOT, SVG, PNG, PDF, HTML)."""
        return self.draw is not None


_FORMATS: dict[str, Format] = {}
_loaded = False


def register(fmt: Format) -> Format:
    """Add a format; a second registration under the same name replaces the first."""
    _FORMATS[fmt.name] = fmt
    return fmt


def _ensure_loaded() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    from argmap.formats import BUILTIN_MODULES

    for module in BUILTIN_MODULES:
        importlib.import_module(module)


def all_formats() -> list[Format]:
    """Every registered format, sorted by name."""
    _ensure_loaded()
    return [_FORMATS[k] for k in sorted(_FORMATS)]


def pictures() -> list[Format]:
    """The picture formats (those ``argmap.render`` writes), sorted by name."""
    return [f for f in all_formats() if f.is_picture]


def get(name: str) -> Format:
    """The format registered under ``name``; ``ArgmapError`` lists the known names otherwise."""
    _ensure_loaded()
    try:
        return _FORMATS[name.lower()]
    except KeyError:
        known = ", ".join(sorted(_FORMATS))
        raise ArgmapError(f"unknown format {name!r}; known formats: {known}", param="format") from None


def _suffix_matches(path: str) -> list[Format]:
    name = Path(path).name.lower()
    matches = [(len(s), f) for f in _FORMATS.values() for s in f.suffixes if name.endswith(s)]
    if not matches:
        return []
    longest = max(n for n, _ in matches)
    return [f for n, f in matches if n == longest]


def for_path(path: str | Path, *, reading: bool, text: str | None = None) -> Format:
    """The format a file name (and, for reading ambiguous names, its content) points to."""
    _ensure_loaded()
    candidates = _suffix_matches(str(path))
    usable = [f for f in candidates if (f.can_read if reading else f.can_write)]
    if len(usable) > 1 and reading and text is not None:
        sniffed = sniff(text, usable)
        if sniffed is not None:
            return sniffed
    if usable:
        return sorted(usable, key=lambda f: -f.priority)[0]
    what = "read" if reading else "write"
    able = sorted({s for f in _FORMATS.values() if (f.can_read if reading else f.can_write)
                   for s in f.suffixes})
    raise ArgmapError(
        f"cannot tell which format to {what} from the name {str(path)!r}; "
        f"use a known suffix ({', '.join(able)}) or name the format with {PARAM}", param="format",
    )


def sniff(text: str, candidates: list[Format] | None = None) -> Format | None:
    """The first candidate whose sniffer accepts the text, highest priority first."""
    _ensure_loaded()
    pool = candidates if candidates is not None else list(_FORMATS.values())
    for fmt in sorted(pool, key=lambda f: -f.priority):
        if fmt.sniff is not None and fmt.reader is not None and fmt.sniff(text):
            return fmt
    return None
