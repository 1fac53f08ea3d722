"""From SVG to PNG or PDF, through cairosvg: one function for maps, worksheets and flow sheets.

cairo draws with the system's fonts, which match the layout's measurements. cairosvg is an
optional dependency (``pip install 'argmap[pdf]'``); without it :func:`rasterize` says so.
"""

from __future__ import annotations

from typing import Any

from argmap.errors import RenderError

__all__ = ["cairosvg_module", "rasterize", "RASTER_FORMATS"]

#: What :func:`rasterize` writes.
RASTER_FORMATS = ("png", "pdf")


def cairosvg_module() -> Any:
    """The ``cairosvg`` module, or None when it (or the cairo library under it) is missing."""
    try:
        import cairosvg
    except (ImportError, OSError):  # OSError: the package is there but libcairo is not
        return None
    return cairosvg


def rasterize(svg: str | bytes, fmt: str, *, scale: float = 2.0) -> bytes:
    """The SVG as ``png`` (``scale`` times its size) or ``pdf`` bytes.

    Raises:
        RenderError: cairosvg is not installed (the message says how to install it).
    """
    if fmt not in RASTER_FORMATS:
        raise RenderError(f"cannot turn SVG into {fmt!r}; formats: {', '.join(RASTER_FORMATS)}")
    cairosvg = cairosvg_module()
    if cairosvg is None:
        raise RenderError(f"{fmt.upper()} output needs cairosvg: pip install 'argmap[pdf]' (or write .svg)")
    data = svg.encode("utf-8") if isinstance(svg, str) else svg
    if fmt == "pdf":
        return bytes(cairosvg.svg2pdf(bytestring=data))
    return bytes(cairosvg.svg2png(bytestring=data, scale=scale))
