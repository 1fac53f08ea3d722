"""From a drawing to finished SVG: the one place that runs the layout engine on a map's DOT.

Every SVG of a map (the picture, the page, the reveal, the worksheets) comes from
:func:`drawing_svg`: the engine lays the DOT out, the font list gains fallbacks, and the
accessibility pass (:mod:`argmap.drawing.accessibility`) gives it a title, a text description and
readable titles.

>>> from argmap import ArgumentMap
>>> from argmap.drawing.dot import build_dot
>>> m = ArgumentMap(title="Lunch")
>>> _ = m.support(m.claim("We should eat out.", id="t"), "The fridge is empty.")
>>> svg = drawing_svg(build_dot(m), m)
>>> svg.startswith("<?xml") and 'role="img"' in svg and "<title>Lunch</title>" in svg
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from argmap.drawing.accessibility import make_accessible
from argmap.drawing.engine import run_engine, run_engine_many
from argmap.drawing.pinned_svg import scene_svg
from argmap.drawing.themes import FONT_FALLBACK

if TYPE_CHECKING:
    from argmap.drawing.dot import Drawing
    from argmap.drawing.options import Progress
    from argmap.model import ArgumentMap

__all__ = ["drawing_svg", "drawings_svg", "font_fallback"]


def font_fallback(svg: str, fontname: str) -> str:
    """Give the SVG a font fallback list, so viewers without the layout font stay inside boxes.

    >>> font_fallback('<text font-family="DejaVu Sans">x</text>', "DejaVu Sans")
    '<text font-family="DejaVu Sans,Verdana,Bitstream Vera Sans,Arial,Helvetica,sans-serif">x</text>'
    """
    return svg.replace(f'font-family="{fontname}"', f'font-family="{FONT_FALLBACK}"')


def drawing_svg(
    drawing: Drawing,
    m: ArgumentMap,
    *,
    describe: bool = True,
    title: str | None = None,
    desc: str | None = None,
    titles: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    engine: bool = False,
) -> str:
    """The drawing laid out as SVG text, with the font fallback and (``describe``) the accessibility pass.

    ``title``, ``desc`` and ``titles`` go to :func:`~argmap.drawing.accessibility.make_accessible`
    (a worksheet must not give its answers away). ``describe=False`` leaves the engine's titles
    alone, for a page that describes the map itself.

    A drawing argmap placed itself (it has a ``scene``) is written without the engine
    (:mod:`argmap.drawing.pinned_svg`), to the same elements, ids, classes and titles;
    ``engine=True`` sends it through the engine all the same (to compare the two).
    """
    if drawing.scene is not None and not engine:
        if progress is not None:
            progress(2, 3, "describing")
        return scene_svg(drawing, drawing.scene, m, describe=describe, title=title, desc=desc, titles=titles)
    svg = font_fallback(run_engine(drawing.source, "svg").decode("utf-8"), drawing.theme.fontname)
    if not describe:
        return svg
    if progress is not None:
        progress(2, 3, "describing")
    return make_accessible(svg, drawing, m, title=title, desc=desc, titles=titles)


def drawings_svg(items: Sequence[tuple[Drawing, ArgumentMap]]) -> list[str]:
    """Several drawings as finished SVG (as :func:`drawing_svg`): those argmap placed written
    directly, the others laid out in one run of the engine."""
    laid_out = [(drawing, m) for drawing, m in items if drawing.scene is None]
    engine_out = iter(run_engine_many([drawing.source for drawing, _m in laid_out], "svg"))
    return [scene_svg(drawing, drawing.scene, m) if drawing.scene is not None else
            make_accessible(font_fallback(next(engine_out).decode("utf-8"), drawing.theme.fontname), drawing, m)
            for drawing, m in items]
