"""Box sizes as the layout engine will draw them, known before the engine runs.

Laying a big map out ourselves (:mod:`argmap.drawing.tree_layout`) needs every box's size first.
Asking the engine to size 20,000 boxes costs as much as drawing them; instead the engine measures
each *character* once (its text widths are sums of per-character widths, no kerning), and
:mod:`argmap.drawing.boxes` lays out the boxes argmap draws (claims, steps, stubs, the legend)
from those widths by the rules the engine uses for their labels. Question prompts are sized by
the engine in the same small run.

>>> metrics = Metrics({"a": (0.5, 0.6, 0.5, 0.6)})
>>> metrics.width("aa", 10), metrics.width("aa", 10, bold=True)
(10.0, 12.0)
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import repeat

from argmap.drawing.engine import find_engine, run_engine
from argmap.errors import RenderError

__all__ = ["Metrics", "measure"]

#: Characters measured at this size, repeated this often, for precise per-character widths.
_SIZE, _REPEAT = 100.0, 50
#: Every character in the engine's own units: widths per point of font size (regular, bold,
#: italic, bold italic), by engine and font, filled as maps need them.
_CACHE: dict[tuple[str, str], dict[str, tuple[float, float, float, float]]] = {}
_STYLES = ("", "b", "i", "bi")
#: Whole labels measured before (the legend of each theme, say), by engine and label.
_LABELS: dict[tuple[str, str], tuple[float, float]] = {}


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
