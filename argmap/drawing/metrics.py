"""Box sizes as the layout engine will draw them, known before the engine runs.

Laying a big map out ourselves (:mod:`argmap.drawing.tree_layout`) needs every box's size first.
Asking the engine to size 20,000 boxes costs as much as drawing them; instead the engine measures
each *character* once (its text widths are sums of per-character widths, no kerning), and the
boxes argmap draws most (claims and steps) are sized here from their text by the same rules the
engine uses for their labels. The few other boxes (the legend, question prompts, "+N more" stubs)
are sized by the engine in the same small run.

>>> metrics = Metrics({"a": (0.5, 0.6, 0.5, 0.6)})
>>> metrics.width("aa", 10), metrics.width("aa", 10, bold=True)
(10.0, 12.0)
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import repeat
from typing import TYPE_CHECKING

from argmap.drawing.engine import find_engine, run_engine
from argmap.drawing.labels import wrap_lines
from argmap.errors import RenderError

if TYPE_CHECKING:
    from argmap.drawing.themes import Theme

__all__ = ["Metrics", "measure", "claim_size", "step_size", "stub_size", "LINE_SPACING", "STEP_MARGIN", "STEP_HEIGHT"]

#: The engine's line height, as a multiple of the font size.
LINE_SPACING = 1.2
#: Characters measured at this size, repeated this often, for precise per-character widths.
_SIZE, _REPEAT = 100.0, 50
#: Every character in the engine's own units: widths per point of font size (regular, bold,
#: italic, bold italic), by engine and font, filled as maps need them.
_CACHE: dict[tuple[str, str], dict[str, tuple[float, float, float, float]]] = {}
_STYLES = ("", "b", "i", "bi")
#: Whole labels measured before (the legend of each theme, say), by engine and label.
_LABELS: dict[tuple[str, str], tuple[float, float]] = {}
#: A claim's table: the padding of each cell, in points.
_CELL_PADDING = 4
#: A step's box: its margin (inches, x and y), least height (inches) and the engine's least width.
STEP_MARGIN = (0.08, 0.03)
STEP_HEIGHT = 0.3
_MIN_WIDTH = 0.75 * 72


@dataclass(frozen=True)
class Metrics:
    """Per-character widths (per point of font size) in four styles."""

    widths: Mapping[str, tuple[float, float, float, float]]
    # One char -> width table per style, and the width of a character not measured: a big map
    # asks for the widths of some 50,000 lines.
    _columns: tuple[dict[str, float], ...] = field(init=False, repr=False, compare=False)
    _fallbacks: tuple[float, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        columns = tuple({c: w[style] for c, w in self.widths.items()} for style in range(4))
        object.__setattr__(self, "_columns", columns)
        object.__setattr__(self, "_fallbacks", self.widths.get("x", (0.6, 0.65, 0.6, 0.65)))

    def width(self, text: str, size: float, *, bold: bool = False, italic: bool = False) -> float:
        """The width in points of ``text`` at ``size`` points."""
        style = (1 if bold else 0) + (2 if italic else 0)
        return size * sum(map(self._columns[style].get, text, repeat(self._fallbacks[style])))


def _wrap(text: str, style: str) -> str:
    for tag in style:
        text = f"<{tag}>{text}</{tag}>"
    return text


def measure(fontname: str, chars: Iterable[str], labels: Mapping[str, str] | None = None,
            ) -> tuple[Metrics, dict[str, tuple[float, float]]]:
    """The widths of ``chars`` in ``fontname``, and the sizes of whole ``labels``, from one engine run.

    ``labels`` maps a DOT node name to its attribute list (``label=<...> shape=plain``); its size
    comes back in points. Characters measured once stay known for the rest of the process.

    Raises:
        RenderError: no engine, or it failed.
    """
    engine = find_engine()
    known = _CACHE.setdefault((engine, fontname), {})
    wanted = sorted({c for c in chars if c not in known and c.isprintable() and c != "\n"} |
                    ({"x"} - known.keys()))
    given = labels or {}
    done = {name: _LABELS[(engine, attrs)] for name, attrs in given.items() if (engine, attrs) in _LABELS}
    labels = {name: attrs for name, attrs in given.items() if name not in done}
    if not wanted and not labels:
        return Metrics(dict(known)), done
    lines = ["digraph measure {", "graph [layout=nop2]",
             f'node [shape=plain margin=0 width=0 height=0 fontname="{fontname}" pos="0,0"]']
    for i, char in enumerate(wanted):
        text = html.escape(char * _REPEAT, quote=True)
        for style in _STYLES:
            lines.append(f'c{i}{style} [label=<<font point-size="{_SIZE:g}">{_wrap(text, style)}</font>>]')
    for name, attrs in labels.items():
        lines.append(f'"{name}" [{attrs} pos="0,0"]')
    lines.append("}")
    sizes: dict[str, tuple[float, float]] = {}
    for row in run_engine("\n".join(lines), "plain").decode("utf-8").splitlines():
        parts = row.split()
        if len(parts) > 5 and parts[0] == "node":
            sizes[parts[1].strip('"')] = (float(parts[4]) * 72, float(parts[5]) * 72)
    unit = _SIZE * _REPEAT
    for i, char in enumerate(wanted):
        try:
            known[char] = tuple(sizes[f"c{i}{style}"][0] / unit for style in _STYLES)  # type: ignore[assignment]
        except KeyError:
            raise RenderError("the layout engine did not measure the text of this map") from None
    for name, attrs in labels.items():
        if name in sizes:
            _LABELS[(engine, attrs)] = done[name] = sizes[name]
    return Metrics(dict(known)), done


def _lines_height(sizes: list[float], *, plain: bool) -> float:
    """The height of a text of lines of these font sizes, as the engine sets it.

    One line, or lines all in one plain font, take ``LINE_SPACING`` times their size each; lines
    with bold, italic or mixed sizes take their largest size each, without the spacing.
    """
    if len(sizes) == 1 or (plain and len(set(sizes)) == 1):
        return sum(size * LINE_SPACING for size in sizes)
    return sum(sizes)


def claim_size(metrics: Metrics, theme: Theme, heading: str, label: str | None, text: str,
               credit: str | None, badge: str | None, border: int) -> tuple[float, float]:
    """The size of a claim's box (an HTML table of rows, see ``dot._claim_label``), in points.

    Each row is its lines plus the cell padding (4 on each side); the table adds its border.
    """
    big, small = theme.fontsize, theme.small
    label_lines = wrap_lines(label, theme.wrap) if label else []
    first = metrics.width(heading, small)
    if label_lines:
        first += metrics.width("  ", big) + metrics.width(label_lines[0], big, bold=True)
    widths = [first] + [metrics.width(line, big, bold=True) for line in label_lines[1:]]
    heights = [_lines_height([big] * len(label_lines) if label_lines else [small], plain=False)]
    text_lines = wrap_lines(text, theme.wrap)
    widths += [metrics.width(line, big) for line in text_lines]
    heights.append(_lines_height([big] * len(text_lines), plain=True))
    if credit:
        credit_lines = wrap_lines(credit, int(theme.wrap * big / small))
        widths += [metrics.width(line, small, italic=True) for line in credit_lines]
        heights.append(_lines_height([small] * len(credit_lines), plain=False))
    if badge:
        widths.append(metrics.width(badge, small, bold=True))
        heights.append(_lines_height([small], plain=False))
    pad = 2 * _CELL_PADDING
    return max(widths) + pad + 2 * border, sum(h + pad for h in heights) + 2 * border


def stub_size(metrics: Metrics, theme: Theme, text: str) -> tuple[float, float]:
    """The size of a "+N more" stub (one line in a dashed table, see ``dot._stub_label``)."""
    size = theme.small + 1
    return metrics.width(text, size) + 2 * _CELL_PADDING + 2, size * LINE_SPACING + 2 * _CELL_PADDING + 2


def step_size(metrics: Metrics, theme: Theme, word: str, label: str | None, schemes: Iterable[str],
              badge: str | None) -> tuple[float, float]:
    """The size of a step's box (``shape=box``, ``margin=0.08,0.03``, ``height=0.3``), in points."""
    size, small = theme.small + 1, theme.small
    widths = [metrics.width(word, size, bold=True)]
    heights = [size]
    for line in wrap_lines(label, theme.wrap) if label else []:
        widths.append(metrics.width(line, size))
        heights.append(size)
    for scheme in schemes:
        widths.append(metrics.width(scheme, small, italic=True))
        heights.append(small)
    if badge:
        widths.append(metrics.width(badge, small, bold=True))
        heights.append(small)
    width = max(widths) + 2 * STEP_MARGIN[0] * 72
    height = _lines_height(heights, plain=False) + 2 * STEP_MARGIN[1] * 72
    return max(width, _MIN_WIDTH), max(height, STEP_HEIGHT * 72)
