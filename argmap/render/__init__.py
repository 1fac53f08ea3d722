"""Drawing maps: DOT building (``dot``), themes, the layout engine (``engine``), outputs."""

from argmap.render.output import render, render_bytes
from argmap.render.themes import THEMES, Theme

__all__ = ["render", "render_bytes", "Theme", "THEMES"]
