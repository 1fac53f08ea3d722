"""Pictures as formats: ``dot``, ``svg``, ``png``, ``pdf``, ``html`` (write only, through ``render``)."""

from __future__ import annotations

from functools import partial
from typing import Any

from argmap.drawing.output import render_bytes
from argmap.formats.registry import Format, register

__all__: list[str] = []


def _text(fmt: str, m: Any) -> str:
    return render_bytes(m, fmt).decode("utf-8")


def _binary(fmt: str, m: Any) -> bytes:
    return render_bytes(m, fmt)


register(Format("dot", (".dot", ".gv"), "Graphviz DOT source (no engine needed)", writer=partial(_text, "dot")))
register(Format("svg", (".svg",), "SVG picture, laid out by Graphviz", writer=partial(_text, "svg")))
register(Format("png", (".png",), "PNG picture", writer=partial(_binary, "png"), binary=True))
register(Format("pdf", (".pdf",), "PDF picture", writer=partial(_binary, "pdf"), binary=True))
register(Format("html", (".html", ".htm"), "interactive map page: one self-contained HTML file",
                writer=partial(_text, "html")))
