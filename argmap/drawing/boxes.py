"""What each box of a map shows, as data, and where its text goes inside it.

A claim's box is a table of rows (its role word, its text, its source line, a badge); a step's
box a few centred lines ("because", its label, its schemes); a "+N more" stub one line; the
legend a table of two columns. Each is described once here as lines of :data:`Run` s, and used
three ways: the DOT writer (:mod:`argmap.drawing.dot`) turns it into an HTML-like label,
:func:`lay_claim` and its kin give its size and where each run of text sits (by the rules the
layout engine sets text by), and the SVG writer for drawings argmap placed itself
(:mod:`argmap.drawing.pinned_svg`) draws it from that. One description: the engine's picture and
argmap's own cannot drift apart.

>>> from argmap.drawing.metrics import Metrics
>>> from argmap.drawing.themes import get_theme
>>> metrics = Metrics({c: (0.5, 0.6, 0.5, 0.6) for c in "abc ABC"})
>>> box = StepBox("because", ("abc",), (), None)
>>> laid = lay_step(metrics, get_theme("default"), box)
>>> round(laid.width, 2), round(laid.height, 2), [t[2] for t in laid.texts]
(55.52, 24.32, ['because', 'abc'])
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from argmap.drawing.labels import wrap_lines

if TYPE_CHECKING:
    from argmap.drawing.metrics import Metrics
    from argmap.drawing.themes import Theme

__all__ = ["Run", "Text", "ClaimBox", "StepBox", "Laid", "claim_box", "step_box", "credit_wrap", "legend_rows",
           "lay_claim", "lay_step", "lay_stub", "lay_legend", "lay_title", "LINE_SPACING", "STEP_MARGIN",
           "STEP_HEIGHT", "BOLD", "ITALIC", "TITLE_PAD"]

#: Style bits of a run of text.
BOLD, ITALIC = 1, 2
#: A run of text in one font: its text, point size, style bits and colour (None: the box's own).
Run = tuple[str, float, int, "str | None"]
#: A run placed in a box: x and baseline from the box's top-left (points, y down), then the run.
Text = tuple[float, float, str, float, int, "str | None"]

#: The engine's line height, as a multiple of the font size.
LINE_SPACING = 1.2
#: A claim's table: the padding of each cell, in points.
CELL_PADDING = 4
#: A step's box: its margin (inches, x and y), least height (inches) and the engine's least width.
STEP_MARGIN = (0.08, 0.03)
STEP_HEIGHT = 0.3
_MIN_WIDTH = 0.75 * 72
#: The legend's table: the padding of each cell.
LEGEND_PADDING = 3
#: Room the engine leaves around the graph's title (across, down), in points.
TITLE_PAD = (16.0, 8.0)


class ClaimBox(NamedTuple):
    """A claim's box: its heading (role word), label, text and source lines (each wrapped), badge, and
    how its border is drawn (width, dashed when implicit, colour) and filled."""

    heading: str
    label: tuple[str, ...]
    text: tuple[str, ...]
    credit: tuple[str, ...]
    badge: str | None
    border: int
    dashed: bool
    color: str
    fill: str


class StepBox(NamedTuple):
    """A step's box: its word ("because"), label lines, scheme names and badge."""

    word: str
    label: tuple[str, ...]
    schemes: tuple[str, ...]
    badge: str | None


def credit_wrap(theme: Theme) -> int:
    """Characters a line of the (smaller) source line holds."""
    return int(theme.wrap * theme.fontsize / theme.small)


def claim_box(theme: Theme, heading: str, label: str | None, text: str, credit: str | None, badge: str | None,
              border: int, role: str, *, implicit: bool) -> ClaimBox:
    """A claim's box from its parts (its text wrapped as the theme wraps it)."""
    style = theme.roles[role]
    return ClaimBox(heading, tuple(wrap_lines(label, theme.wrap)) if label else (), tuple(wrap_lines(text, theme.wrap)),
                    tuple(wrap_lines(credit, credit_wrap(theme))) if credit else (), badge or None, border, implicit,
                    style.border, style.fill)


def step_box(theme: Theme, word: str, label: str | None, schemes: Sequence[str], badge: str | None) -> StepBox:
    """A step's box from its parts."""
    return StepBox(word, tuple(wrap_lines(label, theme.wrap)) if label else (), tuple(schemes), badge or None)


class Laid(NamedTuple):
    """A box's size (points) and its text, each run placed from the box's top-left."""

    width: float
    height: float
    texts: tuple[Text, ...]


def _moved(texts: Sequence[Text], dx: float, dy: float) -> list[Text]:
    return [(t[0] + dx, t[1] + dy, t[2], t[3], t[4], t[5]) for t in texts]


def _offset(size: float) -> float:
    # How far the engine lifts the baselines of a text set in bold or italic (its "centre line").
    return 0.1 * size + 1.0


def _block(metrics: Metrics, lines: Sequence[Sequence[Run]], *, last_left: bool = False,
           ) -> tuple[float, float, list[Text]]:
    """A cell's text: its width, height and runs placed from its top-left, lines centred (but the
    last one on the left with ``last_left``), as the engine sets an HTML-like label."""
    plain = not any(run[2] for line in lines for run in line)
    sizes = [max(run[1] for run in line) for line in lines]
    widths = [[metrics.width(run[0], run[1], bold=bool(run[2] & BOLD), italic=bool(run[2] & ITALIC)) for run in line]
              for line in lines]
    totals = [sum(w) for w in widths]
    width = max(totals)
    if len(lines) == 1 or (plain and len(set(sizes)) == 1):
        height = sum(size * LINE_SPACING for size in sizes)
    else:
        height = sum(sizes)
    texts: list[Text] = []
    baseline = done = lift = 0.0
    for number, (line, line_widths, total, size) in enumerate(zip(lines, widths, totals, sizes, strict=True)):
        if plain:
            baseline = size if number == 0 else baseline + size * LINE_SPACING
        else:  # heights without spacing, every baseline lifted by the largest lift so far
            done += size
            lift = max(lift, _offset(size))
            baseline = done - lift
        x = 0.0 if last_left and number == len(lines) - 1 else (width - total) / 2
        for run, run_width in zip(line, line_widths, strict=True):
            if run[0]:
                texts.append((x, baseline, *run))
            x += run_width
    return width, height, texts


def _table(metrics: Metrics, cells: Sequence[tuple[Sequence[Sequence[Run]], bool]], border: int, padding: int,
           ) -> Laid:
    """A one-column table (cellspacing 0, no cell borders): each cell its lines and whether it sits left."""
    blocks = [(_block(metrics, lines, last_left=left), left) for lines, left in cells]
    inner = max(block[0] for block, _left in blocks)
    width = inner + 2 * padding + 2 * border
    texts: list[Text] = []
    y = float(border)
    for (block_width, block_height, runs), left in blocks:
        dx = border + padding + (0.0 if left else (inner - block_width) / 2)
        dy = y + padding
        texts += _moved(runs, dx, dy)
        y += block_height + 2 * padding
    return Laid(width, y + border, tuple(texts))


def lay_claim(metrics: Metrics, theme: Theme, box: ClaimBox) -> Laid:
    """A claim's box (a table of rows, see ``dot._claim_label``): its size and text.

    Each row is its lines plus the cell padding (4 on each side); the table adds its border.
    """
    big, small = theme.fontsize, theme.small
    first: list[Run] = [(box.heading, small, 0, theme.muted)]
    if box.label:
        first += [("  ", big, 0, None), (box.label[0], big, BOLD, None)]
    heading: list[list[Run]] = [first] + [[(line, big, BOLD, None)] for line in box.label[1:]]
    cells: list[tuple[Sequence[Sequence[Run]], bool]] = [(heading, True),
                                                         ([[(line, big, 0, None)] for line in box.text], False)]
    if box.credit:
        cells.append(([[(line, small, ITALIC, theme.muted)] for line in box.credit], False))
    if box.badge:
        cells.append(([[(box.badge, small, BOLD, None)]], False))
    return _table(metrics, cells, box.border, CELL_PADDING)


def lay_step(metrics: Metrics, theme: Theme, box: StepBox) -> Laid:
    """A step's box (``shape=box``, ``margin=0.08,0.03``, ``height=0.3``): its size and text, centred."""
    size, small = theme.small + 1, theme.small
    lines: list[list[Run]] = [[(box.word, size, BOLD, None)]]
    lines += [[(line, size, 0, None)] for line in box.label]
    lines += [[(scheme, small, ITALIC, None)] for scheme in box.schemes]
    if box.badge:
        lines.append([(box.badge, small, BOLD, None)])
    block_width, block_height, runs = _block(metrics, lines)
    width = max(block_width + 2 * STEP_MARGIN[0] * 72, _MIN_WIDTH)
    height = max(block_height + 2 * STEP_MARGIN[1] * 72, STEP_HEIGHT * 72)
    dx, dy = (width - block_width) / 2, (height - block_height) / 2
    return Laid(width, height, tuple(_moved(runs, dx, dy)))


def lay_stub(metrics: Metrics, theme: Theme, text: str) -> Laid:
    """A "+N more" stub (one line in a dashed table, see ``dot._stub_label``)."""
    return _table(metrics, [([[(text, theme.small + 1, 0, theme.muted)]], False)], 1, CELL_PADDING)


def legend_rows(theme: Theme) -> list[tuple[Run, Run]]:
    """The legend ("How to read this map"): a row for each relation and for the dashed boxes and frames,
    each of two cells of one run."""
    size = theme.small + 1
    samples = {"solid": "_____", "dashed": "_ _ _", "dotted": ". . . . ."}
    rows: list[tuple[Run, Run]] = [(("How to read this map", size, BOLD, None), (" ", size, 0, None))]
    for rel in theme.relations.values():
        end = "|" if rel.arrowhead == "tee" else ">"
        rows.append(((f"{samples.get(rel.style, '_____')}{end} {rel.word}", size, BOLD, rel.color),
                     (rel.meaning, size, 0, None)))
    rows.append((("[ dashed box ]", size, 0, None), ("an implicit premise, added by the mapper", size, 0, None)))
    rows.append((("[ dashed frame ]", size, 0, None), ("linked premises: they support only together", size, 0, None)))
    return rows


def lay_legend(metrics: Metrics, theme: Theme) -> Laid:
    """The legend's table (two columns, cells on the left): its size and text."""
    rows = [[_block(metrics, [[run]]) for run in row] for row in legend_rows(theme)]
    pad, border = LEGEND_PADDING, 1
    columns = [max(row[i][0] for row in rows) + 2 * pad for i in range(2)]
    texts: list[Text] = []
    y = float(border)
    for row in rows:
        row_height = max(cell[1] for cell in row) + 2 * pad
        x = float(border)
        for (_w, cell_height, runs), column in zip(row, columns, strict=True):
            dy = y + pad + (row_height - 2 * pad - cell_height) / 2
            texts += _moved(runs, x + pad, dy)
            x += column
        y += row_height
    return Laid(sum(columns) + 2 * border, y + border, tuple(texts))


def lay_title(metrics: Metrics, theme: Theme, title: str) -> Laid:
    """The graph's title (bold, ``title_size``) with the room the engine leaves around it."""
    width, height, runs = _block(metrics, [[(title, theme.title_size, BOLD, None)]])
    dx, dy = TITLE_PAD[0] / 2, TITLE_PAD[1] / 2
    return Laid(width + TITLE_PAD[0], height + TITLE_PAD[1],
                tuple(_moved(runs, dx, dy)))
