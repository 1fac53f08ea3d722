"""Pictures as formats: ``dot``, ``svg``, ``png``, ``pdf``, ``html`` (written, never read).

Each is drawn by :func:`argmap.drawing.output.draw`; ``argmap.render`` passes a theme and drawing
options, ``argmap.dump``/``dumps`` draw with the defaults.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.formats.registry import Drawer, Format, register

if TYPE_CHECKING:
    from argmap.drawing.options import DrawingOptions
    from argmap.drawing.themes import Theme
    from argmap.model import ArgumentMap

__all__: list[str] = []


def _picture(kind: str, suffixes: tuple[str, ...], description: str, *, binary: bool = False) -> Format:
    # The drawing code loads on the first picture: `convert` and `check`, which list every format,
    # never pay for it.
    def drawer(m: ArgumentMap, theme: str | Theme, options: DrawingOptions) -> bytes:
        from argmap.drawing.output import draw

        return draw(m, kind, theme, options)

    def writer(m: ArgumentMap) -> str | bytes:
        from argmap.drawing.output import draw

        data = draw(m, kind)
        return data if binary else data.decode("utf-8")

    typed: Drawer = drawer
    return register(Format(kind, suffixes, description, writer=writer, binary=binary, draw=typed))


_picture("dot", (".dot", ".gv"), "Graphviz DOT source (no engine needed)")
_picture("svg", (".svg",), "SVG picture, laid out by Graphviz")
_picture("png", (".png",), "PNG picture", binary=True)
_picture("pdf", (".pdf",), "PDF picture", binary=True)
_picture("html", (".html", ".htm"), "interactive map page: one self-contained HTML file")
