"""Drawing maps: DOT building (``dot``), themes, the layout engine (``engine``), outputs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.drawing.themes import THEMES, Theme

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["render", "render_bytes", "Theme", "THEMES"]


# Thin wrappers: the DOT builder and the graphviz package load on first use, not on `import argmap`.
def render(m: ArgumentMap, path: str | Path, format: str | None = None, theme: str = "default",
           **options: Any) -> Path:
    """Draw the map to a file; see :func:`argmap.drawing.output.render`."""
    from argmap.drawing.output import render as _render

    return _render(m, path, format, theme, **options)


def render_bytes(m: ArgumentMap, format: str, theme: str = "default", **options: Any) -> bytes:
    """The bytes of the drawn map; see :func:`argmap.drawing.output.render_bytes`."""
    from argmap.drawing.output import render_bytes as _render_bytes

    return _render_bytes(m, format, theme, **options)
