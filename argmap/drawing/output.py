"""Turn a map into an output file: DOT, SVG, PNG, PDF (and any output registered later)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.drawing.dot import build_dot
from argmap.drawing.engine import run_engine
from argmap.drawing.themes import FONT_FALLBACK, get_theme
from argmap.errors import ArgmapError, RenderError

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["render", "render_bytes", "register_output", "OUTPUTS", "postprocess_svg"]

#: ``fn(m, theme=..., **options) -> bytes`` for each output format name.
Output = Callable[..., bytes]
OUTPUTS: dict[str, Output] = {}


def register_output(name: str) -> Callable[[Output], Output]:
    """Decorator: make ``render`` able to write format ``name``."""

    def decorate(fn: Output) -> Output:
        OUTPUTS[name] = fn
        return fn

    return decorate


def postprocess_svg(svg: str, fontname: str) -> str:
    """Give the SVG a font fallback list, so viewers without the layout font stay inside boxes."""
    return svg.replace(f'font-family="{fontname}"', f'font-family="{FONT_FALLBACK}"')


@register_output("dot")
def _dot(m: ArgumentMap, theme: str = "default", **options: Any) -> bytes:
    return build_dot(m, theme, **options).source.encode("utf-8")  # type: ignore[no-any-return]


@register_output("svg")
def _svg(m: ArgumentMap, theme: str = "default", **options: Any) -> bytes:
    from argmap.drawing.accessibility import make_accessible

    source = build_dot(m, theme, **options).source
    svg = run_engine(source, "svg").decode("utf-8")
    svg = postprocess_svg(svg, get_theme(theme).fontname)
    return make_accessible(svg, m, theme).encode("utf-8")


def _cairosvg() -> Any:
    try:
        import cairosvg  # type: ignore[import-untyped]
    except (ImportError, OSError):  # OSError: the package is there but libcairo is not
        return None
    return cairosvg


@register_output("png")
def _png(m: ArgumentMap, theme: str = "default", **options: Any) -> bytes:
    cairosvg = _cairosvg()
    if cairosvg is not None:
        # cairo draws with the system's fonts, which match the layout's measurements.
        return cairosvg.svg2png(bytestring=_svg(m, theme, **options), scale=2.0)  # type: ignore[no-any-return]
    return run_engine(build_dot(m, theme, **options).source, "png")


@register_output("pdf")
def _pdf(m: ArgumentMap, theme: str = "default", **options: Any) -> bytes:
    cairosvg = _cairosvg()
    if cairosvg is not None:
        return cairosvg.svg2pdf(bytestring=_svg(m, theme, **options))  # type: ignore[no-any-return]
    try:
        return run_engine(build_dot(m, theme, **options).source, "pdf")
    except RenderError as exc:
        raise RenderError(
            f"{exc} PDF needs cairosvg (`pip install 'argmap[pdf]'`) or a system Graphviz with "
            "PDF support (set ARGMAP_DOT to its dot)."
        ) from None


def _load_plugins() -> None:
    # Outputs that live in their own modules register on import; import them lazily.
    for module in ("argmap.drawing.html",):
        try:
            __import__(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise


def render_bytes(m: ArgumentMap, format: str, theme: str = "default", **options: Any) -> bytes:
    """The bytes of ``m`` drawn in ``format`` (``svg``, ``png``, ``pdf``, ``dot``, ...)."""
    _load_plugins()
    get_theme(theme)  # fail on a bad theme before any work
    try:
        output = OUTPUTS[format.lower()]
    except KeyError:
        raise ArgmapError(
            f"cannot render to {format!r}; outputs: {', '.join(sorted(OUTPUTS))}"
        ) from None
    return output(m, theme=theme, **options)


def _format_from_path(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    if not suffix:
        raise ArgmapError(f"cannot tell the output format of {str(path)!r}; add a suffix such as .svg")
    return {"gv": "dot", "htm": "html"}.get(suffix, suffix)


def render(
    m: ArgumentMap,
    path: str | Path,
    format: str | None = None,
    theme: str = "default",
    **options: Any,
) -> Path:
    """Draw the map to a file and return its path; on any failure no file is left behind.

    The format comes from the suffix (``.svg``, ``.png``, ``.pdf``, ``.dot``) unless given.

    >>> import argmap, tempfile, pathlib
    >>> m = argmap.ArgumentMap(title="Demo")
    >>> _ = m.support(m.claim("T"), "R")
    >>> out = argmap.render(m, pathlib.Path(tempfile.mkdtemp()) / "demo.svg")
    >>> out.suffix, "because" in out.read_text()
    ('.svg', True)
    """
    from argmap.formats.files import write_atomic

    target = Path(path)
    data = render_bytes(m, format or _format_from_path(target), theme, **options)
    write_atomic(target, data)
    return target


def svg_text_nodes(svg: str) -> list[str]:
    """The text runs of an SVG, unescaped (handy in tests and checks)."""
    import html

    return [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]
