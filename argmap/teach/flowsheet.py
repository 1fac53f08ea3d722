"""The printable flow sheet: one column per speech, each answer beside what it answers.

Like a debater's paper flow: speeches run left to right, an argument sits in the column of the
speech it was made in, and its answer sits level with it in a later column, joined by an arrow.
Dropped arguments and arguments new in rebuttal carry words (``DROPPED``, ``NEW IN REBUTTAL``),
sides carry their names (``AFF``, ``NEG``): colour only repeats what the words say.

The SVG is written by hand (it is a grid, not a graph: Graphviz would move the boxes); every piece
of map text is escaped.

>>> from argmap import ArgumentMap
>>> m = ArgumentMap(title="Uniforms")
>>> t = m.claim("Uniforms <now>.", id="t", data={"side": "aff", "speech": "1AC"})
>>> _ = m.attack(t, m.claim("Too costly.", id="o", data={"side": "neg", "speech": "1NC"}))
>>> svg = flow_svg(m)
>>> "Uniforms &lt;now&gt;." in svg and "DROPPED" in svg and "<now>" not in svg
True
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.drawing.labels import html_text, wrap_lines
from argmap.drawing.page import page
from argmap.drawing.raster import rasterize
from argmap.drawing.svgdoc import SVG_NS
from argmap.drawing.themes import FONT_FALLBACK
from argmap.model import Inference
from argmap.outline import outline
from argmap.teach.flow import FlowReport, Speech, StrengthInput, analyse, assign_sides, report_text, speech_of
from argmap.text import ROLE_WORDS

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["FlowBox", "layout", "flow_svg", "flow_html", "flow_picture"]

COLUMN = 250.0
GAP_X = 34.0
GAP_Y = 12.0
TOP = 92.0
LEFT = 20.0
LINE = 14.0
RULE = 24.0  # the spacing of ruled lines for handwriting
FONT = 11.5
SMALL = 9.5
WRAP = 34

_SIDE_COLOURS = {
    "aff": ("#0d47a1", "#e3f2fd"), "pro": ("#0d47a1", "#e3f2fd"), "for": ("#0d47a1", "#e3f2fd"),
    "neg": ("#b71c1c", "#fdecea"), "con": ("#b71c1c", "#fdecea"), "against": ("#b71c1c", "#fdecea"),
}
_OTHER = ("#455a64", "#f5f5f5")
_NOTES = (
    "Arrows lead from an argument to its answer (dashed: an attack).",
    "✗ DROPPED: the other side never answered it.",
    "⚠ NEW IN REBUTTAL: a new argument made in a rebuttal speech.",
)
#: On a flow, a rebuttal is the answer to the argument beside it; other roles keep their words.
_FLOW_WORDS = {**{role: word.upper() for role, word in ROLE_WORDS.items()}, "rebuttal": "ANSWER"}


@dataclass
class FlowBox:
    """One argument on the sheet: where it sits and what it says."""

    node: str
    number: str
    parent: str | None
    column: int
    x: float
    y: float
    width: float
    height: float
    side: str | None
    heading: str
    lines: list[str]
    badges: list[str]


def _heading(speech: Speech) -> str:
    """A column heading: the speech's name, with its side and "rebuttal" unless the name says so.

    >>> _heading(Speech("2NR", "neg", True)), _heading(Speech("Aff rebuttal", "aff", True))
    ('2NR · NEG · rebuttal', 'Aff rebuttal')
    """
    parts = [speech.name]
    name = speech.name.casefold()
    if speech.side and speech.side.casefold() not in name.split():
        parts.append(speech.side.upper())
    if speech.rebuttal and "rebuttal" not in name:
        parts.append("rebuttal")
    return " · ".join(parts)


def layout(m: ArgumentMap, report: FlowReport) -> tuple[list[str], list[FlowBox]]:
    """Column headings and the boxes, each answer level with what it answers."""
    order = report.speeches
    sides = assign_sides(m, order)
    said = report.said or {n.id: speech_of(m, n.id, order) for n in m}
    unplaced = any(said[item.node] is None for item in outline(m))
    columns = (["(no speech)"] if unplaced else []) + [_heading(s) for s in order]
    shift = 1 if unplaced else 0
    dropped = {d.step for d in report.dropped}
    new = {n.step for n in report.new_in_rebuttal}

    free: dict[int, float] = {}
    boxes: dict[str, FlowBox] = {}
    placed: list[FlowBox] = []
    indent_of: dict[str, int] = {}
    for item in outline(m):
        if item.repeat:
            continue
        k = said[item.node]
        column = 0 if k is None else k + shift
        parent_number = item.number.rsplit(".", 1)[0] if "." in item.number else None
        parent = boxes.get(parent_number) if parent_number else None
        indent = min(indent_of.get(parent.number, 0) + 1, 3) if parent and parent.column == column else 0
        width = COLUMN - 14.0 * indent
        text = " + ".join(item.texts)
        lines = wrap_lines(text, int(WRAP * width / COLUMN))
        badges = []
        if item.node in dropped:
            badges.append("✗ DROPPED: never answered")
        if item.node in new:
            badges.append("⚠ NEW IN REBUTTAL")
        side = sides.get(item.node)
        heading = f"{item.number} {_FLOW_WORDS.get(item.role, item.role.upper())} · {(side or '?').upper()}"
        if item.linked:
            heading += " · linked"
        if parent is not None and column - parent.column > 1:
            # A long arrow would cross other speeches' boxes: name what it answers instead.
            where = columns[parent.column].split(" · ")[0]
            lines.insert(0, f"↪ on {parent.number} ({where})")
        height = 10 + LINE * (1 + len(lines) + len(badges))
        y = max(parent.y if parent else TOP, free.get(column, TOP))
        x = LEFT + column * (COLUMN + GAP_X) + 14.0 * indent
        box = FlowBox(item.node, item.number, parent.number if parent else None, column, x, y, width, height,
                      side, heading, lines, badges)
        free[column] = y + height + GAP_Y
        boxes[item.number] = box
        indent_of[item.number] = indent
        placed.append(box)
    return columns, placed


def _colours(side: str | None) -> tuple[str, str]:
    return _SIDE_COLOURS.get(side or "", _OTHER)


def flow_svg(m: ArgumentMap, report: FlowReport | None = None, strength: StrengthInput = None,
             ruled: int = 0) -> str:
    """The flow sheet as a standalone SVG document (``role="img"``, a title and a text desc).

    ``ruled`` adds that many ruled lines under the arguments, to flow a live debate on paper.
    """
    report = report or analyse(m, strength)
    columns, boxes = layout(m, report)
    by_number = {b.number: b for b in boxes}
    width = LEFT * 2 + len(columns) * COLUMN + (len(columns) - 1) * GAP_X
    bottom = max((b.y + b.height for b in boxes), default=TOP)
    rules_top = bottom + RULE
    bottom += RULE * ruled
    height = bottom + 40 + LINE * len(_NOTES)
    title = m.title or "Debate flow"
    out: list[str] = [
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
        f'<svg xmlns="{SVG_NS}" role="img" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="{FONT_FALLBACK}" font-size="{FONT}">',
        f"<title>{html_text('Flow sheet: ' + title)}</title>",
        f"<desc>{html_text(report_text(m, report))}</desc>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#333"/></marker></defs>',
        f'<rect width="{width:.0f}" height="{height:.0f}" fill="white"/>',
        f'<text x="{LEFT}" y="30" font-size="18" font-weight="bold">{html_text(title)}</text>',
    ]
    for k, heading in enumerate(columns):
        x = LEFT + k * (COLUMN + GAP_X)
        out.append(f'<g class="speech"><rect x="{x:.1f}" y="48" width="{COLUMN:.0f}" height="28" fill="#eeeeee" '
                   f'stroke="#999"/><text x="{x + COLUMN / 2:.1f}" y="67" text-anchor="middle" font-weight="bold">'
                   f"{html_text(heading)}</text></g>")
        if k:
            sep = x - GAP_X / 2
            out.append(f'<line x1="{sep:.1f}" y1="48" x2="{sep:.1f}" y2="{bottom + 10:.0f}" stroke="#bbb" '
                       'stroke-dasharray="4 4"/>')
    for k in range(len(columns)):
        x = LEFT + k * (COLUMN + GAP_X)
        for r in range(ruled):
            y = rules_top + r * RULE
            out.append(f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x + COLUMN:.1f}" y2="{y:.1f}" stroke="#c8c8c8"/>')
    for box in boxes:  # arrows first, boxes drawn over them
        parent = by_number.get(box.parent or "")
        if parent is None:
            continue
        if box.column - parent.column > 1:  # a stub from the gap; the box names its parent
            x2, y2 = box.x, box.y + 12
            path = f"M{x2 - GAP_X + 6:.1f},{y2:.1f} L{x2 - 1:.1f},{y2:.1f}"
        elif box.column > parent.column:
            x1, y1 = parent.x + parent.width, parent.y + min(parent.height, box.height) / 2
            x2, y2 = box.x, box.y + min(parent.height, box.height) / 2
            mid = (x1 + x2) / 2
            path = f"M{x1:.1f},{y1:.1f} C{mid:.1f},{y1:.1f} {mid:.1f},{y2:.1f} {x2 - 1:.1f},{y2:.1f}"
        elif box.column == parent.column:
            x1 = parent.x + 6
            path = (f"M{x1:.1f},{parent.y + parent.height:.1f} L{x1:.1f},{box.y + 12:.1f} "
                    f"L{box.x - 1:.1f},{box.y + 12:.1f}")
        else:
            x1, y1 = parent.x, parent.y + 12
            path = f"M{x1:.1f},{y1:.1f} L{box.x + box.width + 1:.1f},{box.y + 12:.1f}"
        node = m[box.node]
        attack = isinstance(node, Inference) and node.polarity == "attack"
        dash = ' stroke-dasharray="5 3"' if attack else ""
        out.append(f'<path d="{path}" fill="none" stroke="#333" stroke-width="1.2"{dash} marker-end="url(#arrow)"/>')
    for box in boxes:
        border, fill = _colours(box.side)
        heavy = any(b.startswith("✗") for b in box.badges)
        stroke = f'stroke="{border}" stroke-width="{2.6 if heavy else 1.2}"'
        if heavy:
            stroke += ' stroke-dasharray="6 3"'

        parts = [f'<g class="argument" id="{html.escape("flow-" + box.node, quote=True)}">',
                 f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.width:.1f}" height="{box.height:.1f}" rx="5" '
                 f'fill="{fill}" {stroke}/>']
        y = box.y + 5 + LINE - 3
        parts.append(f'<text x="{box.x + 7:.1f}" y="{y:.1f}" font-size="{SMALL}" fill="{border}" font-weight="bold">'
                     f"{html_text(box.heading)}</text>")
        for line in box.lines:
            y += LINE
            parts.append(f'<text x="{box.x + 7:.1f}" y="{y:.1f}">{html_text(line)}</text>')
        for badge in box.badges:
            y += LINE
            parts.append(f'<text x="{box.x + 7:.1f}" y="{y:.1f}" font-size="{SMALL + 0.5}" font-weight="bold" '
                         f'fill="#000">{html_text(badge)}</text>')
        parts.append("</g>")
        out.append("".join(parts))
    for k, note in enumerate(_NOTES):
        out.append(f'<text x="{LEFT}" y="{bottom + 30 + k * LINE:.0f}" font-size="{SMALL + 0.5}" fill="#333">'
                   f"{html_text(note)}</text>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


_CSS = """
body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;margin:1em;color:#1a1a1a}
h1{font-size:1.3em}h2{font-size:1.1em;margin-top:1.2em}
.sheet{overflow-x:auto;border:1px solid #ccc}
.sheet svg{display:block}
li{margin:.2em 0}
@page{size:landscape;margin:10mm}
@media print{.sheet{overflow:visible;border:none}.sheet svg{width:100%;height:auto}}
"""


def flow_html(m: ArgumentMap, report: FlowReport | None = None, strength: StrengthInput = None,
              ruled: int = 0) -> str:
    """The flow sheet as one printable HTML page: the sheet, then the findings as lists.

    No script at all (the page's policy forbids it), nothing loaded from elsewhere
    (:mod:`argmap.drawing.page`).

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(title="<img src=x>"); _ = m.claim("T", data={"speech": "1AC"})
    >>> page = flow_html(m)
    >>> "<img src=x>" in page, "&lt;img src=x&gt;" in page
    (False, True)
    """
    report = report or analyse(m, strength)
    svg = flow_svg(m, report, ruled=ruled).split("\n", 1)[1]  # drop the XML declaration inside HTML
    title = html.escape(m.title or "Debate flow")

    def items(rows: list[str]) -> str:
        return "<ul>" + "".join(f"<li>{row}</li>" for row in rows) + "</ul>" if rows else "<p>None.</p>"

    def who(side: str | None, speech: str | None) -> str:
        return f"<b>{html.escape((side or '?').upper())}, {html.escape(speech or 'no speech')}</b>"

    dropped = [f"{who(d.side, d.speech)}: “{html.escape(d.text)}” was never answered." for d in report.dropped]
    new = [f"{who(n.side, n.speech)}: “{html.escape(n.text)}” ({html.escape(n.why)})" for n in report.new_in_rebuttal]
    weakest = []
    for w in report.weakest:
        chain = " → ".join(f"“{html.escape(m.claims[c].text)}”" for c in w.path)
        weakest.append(f"<b>{html.escape((w.side or '?').upper())}</b>: {chain} (weakest: {w.strength:g})")
    body = (
        f"<h1>Flow sheet: {title}</h1>\n<div class=\"sheet\">{svg}</div>\n"
        f"<h2>Dropped arguments</h2>\n{items(dropped)}\n"
        f"<h2>New in rebuttal</h2>\n{items(new)}\n"
        f"<h2>Weakest links (strength from {html.escape(report.strength_source)})</h2>\n{items(weakest)}\n"
    )
    return page(title="Flow sheet: " + (m.title or "Debate flow"), style=_CSS, body=[body])


def flow_picture(m: ArgumentMap, fmt: str, report: FlowReport | None = None, strength: StrengthInput = None,
                 ruled: int = 0) -> bytes:
    """The flow sheet as ``png`` or ``pdf`` bytes (through :mod:`argmap.drawing.raster`, like every picture)."""
    return rasterize(flow_svg(m, report, strength, ruled), fmt, scale=1.5)
