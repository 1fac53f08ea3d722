"""Worksheets: a map with claims blanked out and numbered, for students to fill in, plus its key.

Three variants:

- ``blanks``: chosen or random claims become numbered, ruled write-in boxes;
- ``objection``: "find the missing objection": whole objections (every premise, and the
  step's label) are blanked, so students supply the counter-argument;
- ``sort``: "sort these claims into the map": the blanked claims are listed, shuffled and
  lettered, in a word bank; students write each box's letter.

Random choices use ``random.Random(seed)``, so the same map, options and seed always give the
same worksheet. Blanks are numbered in reading order (the outline's), not in the order drawn.

>>> from argmap import ArgumentMap
>>> m = ArgumentMap(title="Lunch")
>>> t = m.claim("We should eat out.", id="t")
>>> _ = m.support(t, m.claim("The fridge is empty.", id="fridge"))
>>> _ = m.attack(t, m.claim("It costs too much.", id="cost"))
>>> ws = make_worksheet(m, ["cost", "fridge"])
>>> [(b.number, b.claim) for b in ws.blanks]
[(1, 'fridge'), (2, 'cost')]
>>> print(worksheet_markdown(ws).splitlines()[-1])
  - 1.2 Objection: **(2)** ______________________________
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.analysis.questions import scheme_titles
from argmap.drawing.dot import build_dot, legend_table
from argmap.drawing.labels import html_text, multiline, svg_id, wrap_lines
from argmap.drawing.options import DrawingOptions
from argmap.drawing.paper import Paper, Placement, default_paper, fit, get_paper, on_page, smallest_text, svg_size
from argmap.drawing.raster import pdf_document, rasterize
from argmap.drawing.svg import drawing_svg
from argmap.drawing.themes import Theme, get_theme
from argmap.errors import ArgmapError
from argmap.formats.files import same_file, write_files
from argmap.formats.markdown import escape as md_escape
from argmap.model import Inference
from argmap.outline import outline, outline_text
from argmap.teach.paging import Part, part_map, split_map
from argmap.text import shorten

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = [
    "Blank",
    "Worksheet",
    "VARIANTS",
    "make_worksheet",
    "focus_map",
    "key_path",
    "worksheet_markdown",
    "key_markdown",
    "worksheet_svg",
    "key_svg",
    "interchangeable",
    "Pages",
    "worksheet_pages",
    "page_paths",
    "write_worksheet",
    "POSTER",
]

VARIANTS = ("blanks", "objection", "sort")

_INSTRUCTIONS = {
    "blanks": "Some claims are missing. Read the map, then write in each numbered box the claim "
              "that belongs there: what would make the arrow true?",
    "objection": "An objection is missing. Write in each numbered box the objection the arrows "
                 "call for: what could someone say against the claim it points to?",
    "sort": "Sort the claims from the word bank into the map: write each box's letter "
            "(or copy the claim) where it belongs. Every claim is used once.",
}

#: Write-in box size in points: about 3.2 by 1.3 inches, room for a handwritten sentence.
BLANK_WIDTH = 230
LINE_HEIGHT = 24
BLANK_LINES = 3


@dataclass(frozen=True)
class Blank:
    """One numbered blank: the claim it hides, its text and role, and its word-bank letter."""

    number: int
    claim: str
    text: str
    role: str
    label: str | None = None
    letter: str | None = None


@dataclass(frozen=True)
class Worksheet:
    """A worksheet: the map, its blanks in reading order, and the word bank (for ``sort``)."""

    map: ArgumentMap
    variant: str
    blanks: tuple[Blank, ...]
    seed: int
    bank: tuple[tuple[str, str], ...] = ()
    hidden_labels: tuple[str, ...] = field(default=())
    plain: bool = False

    @property
    def title(self) -> str:
        """The worksheet's heading."""
        return "Worksheet: " + (self.map.title or "argument map")

    @property
    def key_title(self) -> str:
        """The answer key's heading."""
        return "Answer key: " + (self.map.title or "argument map")

    @property
    def instructions(self) -> str:
        """What the students are asked to do."""
        return _INSTRUCTIONS[self.variant]

    def blank_of(self, claim_id: str) -> Blank | None:
        """The blank hiding ``claim_id``, or None."""
        return next((b for b in self.blanks if b.claim == claim_id), None)


def _letters(n: int) -> list[str]:
    """Spreadsheet-style letters: A..Z, AA, AB, ...

    >>> _letters(3), _letters(28)[-2:]
    (['A', 'B', 'C'], ['AA', 'AB'])
    """
    out = []
    for i in range(n):
        s, k = "", i
        while True:
            s = chr(ord("A") + k % 26) + s
            k = k // 26 - 1
            if k < 0:
                break
        out.append(s)
    return out


def _reading_order(m: ArgumentMap) -> list[str]:
    order: dict[str, None] = {}
    for item in outline(m):
        for claim_id in item.claims:
            order.setdefault(claim_id)
    for claim in m.claims:
        order.setdefault(claim.id)
    return list(order)


def focus_map(m: ArgumentMap, claim_id: str) -> ArgumentMap:
    """The part of the map that bears on one claim: it, and every step and claim leading to it.

    A worksheet of one branch fits a printed page where the whole map would not.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(title="T")
    >>> t = m.claim("T", id="t")
    >>> r = m.claim("R", id="r")
    >>> _ = m.support(t, r, id="s1")
    >>> _ = m.support(r, "Because.", id="s2")
    >>> sorted(focus_map(m, "r").graph.nodes)
    ['because', 'r', 's2']
    """
    import networkx as nx

    claim = m.claims.get(claim_id)
    if claim is None:
        raise ArgmapError(f"cannot focus on {claim_id!r}: the map has no claim with that id", param="claim_id")
    keep = nx.ancestors(m.graph, claim_id) | {claim_id}
    sub = m.copy()
    sub.graph.remove_nodes_from([n for n in m.graph.nodes if n not in keep])
    name = claim.label or claim.text
    sub.title = f"{m.title}: {name}" if m.title else name
    # A kept claim may have been a premise of a dropped step only: it stays, unattached.
    return sub


def _objection_steps(m: ArgumentMap) -> list[Inference]:
    return [i for i in m.inferences if i.role in ("objection", "undercut")]


def _pick_objections(m: ArgumentMap, chosen: int | Sequence[str] | None, rng: random.Random) -> list[Inference]:
    steps = _objection_steps(m)
    if not steps:
        raise ArgmapError("the map has no objection to blank out; try the 'blanks' variant", param="variant")
    if chosen is None or isinstance(chosen, int):
        count = 1 if chosen is None else chosen
        if not 1 <= count <= len(steps):
            raise ArgmapError(f"asked for {count} missing objection(s); the map has {len(steps)}", param="blanks")
        return rng.sample(steps, count)
    picked: list[Inference] = []
    for name in chosen:
        node = m.get(name)
        if node is None:
            raise ArgmapError(f"no claim or step with id {name!r} in the map", param="blanks")
        found = [node] if isinstance(node, Inference) else [s for s in steps if node in s.premises]
        found = [s for s in found if s in steps]
        if not found:
            raise ArgmapError(f"{name!r} is not an objection (or a premise of one)", param="blanks")
        picked.extend(s for s in found if s not in picked)
    return picked


def make_worksheet(
    m: ArgumentMap,
    blanks: int | Sequence[str] | None = None,
    *,
    variant: str = "blanks",
    seed: int = 0,
    plain: bool = False,
) -> Worksheet:
    """Choose the blanks of a worksheet.

    ``blanks`` is a count (chosen at random with ``seed``), a list of claim ids (for
    ``objection``: objection step ids or their premises' ids), or None for the variant's default:
    about a quarter of the claims for ``blanks``, one objection for ``objection``, every claim but
    the thesis for ``sort``. The thesis is never chosen at random (it names the topic).
    ``plain`` draws the sheet and key in words for students (steps' schemes in everyday words).
    """
    if variant not in VARIANTS:
        raise ArgmapError(f"unknown worksheet variant {variant!r}; variants: {', '.join(VARIANTS)}", param="variant")
    rng = random.Random(seed)
    order = _reading_order(m)
    thesis = m.thesis
    candidates = [c for c in order if thesis is None or c != thesis.id]
    hidden_labels: list[str] = []
    if variant == "objection":
        steps = _pick_objections(m, blanks, rng)
        ids = {p.id for s in steps for p in s.premises}
        hidden_labels = [s.id for s in steps if s.label]
    elif blanks is None or isinstance(blanks, int):
        if blanks is None:
            count = len(candidates) if variant == "sort" else max(1, round(len(candidates) / 4))
        else:
            count = blanks
        if not candidates:
            raise ArgmapError("the map has no claim besides the thesis to blank out")
        if not 1 <= count <= len(candidates):
            raise ArgmapError(f"asked for {count} blank(s); the map has {len(candidates)} claim(s) "
                              "besides the thesis", param="blanks")
        ids = set(rng.sample(candidates, count))
    else:
        ids = set()
        for name in blanks:
            node = m.get(name)
            if node is None or node.kind != "claim":
                raise ArgmapError(f"no claim with id {name!r} in the map (blanks name claim ids)", param="blanks")
            ids.add(name)
        if not ids:
            raise ArgmapError("no claim to blank out: give a count or claim ids", param="blanks")
    chosen = [c for c in order if c in ids]
    letters: dict[str, str] = {}
    bank: list[tuple[str, str]] = []
    if variant == "sort":
        shuffled = list(chosen)
        rng.shuffle(shuffled)
        for letter, claim_id in zip(_letters(len(shuffled)), shuffled, strict=True):
            letters[claim_id] = letter
            bank.append((letter, m.claims[claim_id].text))
    made = []
    for number, claim_id in enumerate(chosen, start=1):
        claim = m.claims[claim_id]
        made.append(Blank(number, claim_id, claim.text, claim.role, claim.label,
                          letters.get(claim_id)))
    return Worksheet(m, variant, tuple(made), seed, tuple(bank), tuple(hidden_labels), plain)


# -- Markdown -----------------------------------------------------------------------------------

def _md(text: str) -> str:
    """A claim on one line, Markdown-escaped so it cannot turn into markup."""
    return md_escape(" ".join(text.split()))


def worksheet_markdown(ws: Worksheet) -> str:
    """The worksheet as Markdown: heading, name line, instructions, word bank, outline."""
    lines = [f"# {_md(ws.title)}", "", "Name: ______________________  Class: __________  Date: __________",
             "", ws.instructions, ""]
    if ws.bank:
        lines += ["## Word bank", ""]
        lines += [f"- **{letter}** {_md(text)}" for letter, text in ws.bank]
        lines.append("")
    lines += ["## The map", ""]
    for item in outline(ws.map):
        parts = []
        for claim_id, text in zip(item.claims, item.texts, strict=True):
            blank = ws.blank_of(claim_id)
            parts.append(f"**({blank.number})** ______________________________" if blank else _md(text))
        extra = " (linked)" if item.linked else ""
        extra += " (see above)" if item.repeat else ""
        lines.append(f"{'  ' * item.depth}- {item.number} {item.word}: {' + '.join(parts)}{extra}")
    return "\n".join(lines) + "\n"


def interchangeable(ws: Worksheet) -> list[tuple[int, ...]]:
    """Groups of blanks whose answers may be written in any order: co-premises of one step, or
    sibling reasons (or objections) of one claim, when nothing else on the sheet tells them apart
    (nothing bears on them, same kind of box, same step label and scheme).

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(); t = m.claim("T", id="t")
    >>> _ = m.support(t, m.claim("A", id="a")); _ = m.support(t, m.claim("B", id="b"))
    >>> interchangeable(make_worksheet(m, ["a", "b"]))
    [(1, 2)]
    """
    hidden = set(ws.hidden_labels)
    groups: dict[tuple[object, ...], list[int]] = {}
    for b in ws.blanks:
        claim = ws.map[b.claim]
        steps = claim.inferences  # type: ignore[union-attr]
        if claim.incoming or len(steps) != 1:
            continue  # what bears on it, or a second place, fixes which answer goes here
        step = steps[0]
        if step.incoming:
            continue
        shown = (None if step.id in hidden else step.label, step.scheme)
        place = ("linked", step.id) if step.linked else ("sibling", step.target.id, step.polarity, shown)
        groups.setdefault((*place, claim.implicit), []).append(b.number)  # type: ignore[union-attr]
    return sorted(tuple(sorted(g)) for g in groups.values() if len(g) > 1)


def _either_order(ws: Worksheet) -> list[str]:
    return [f"Blanks {', '.join(map(str, g[:-1]))} and {g[-1]} may be given in any order."
            for g in interchangeable(ws)]


def key_markdown(ws: Worksheet) -> str:
    """The answer key as Markdown: each blank's number, role and claim (and word-bank letter),
    and which blanks may be given in any order."""
    lines = [f"# {_md(ws.key_title)}", "",
             f"Variant: {ws.variant}; seed: {ws.seed}; {len(ws.blanks)} blank(s).", ""]
    for b in ws.blanks:
        letter = f" = **{b.letter}**" if b.letter else ""
        label = f" ({_md(b.label)})" if b.label else ""
        lines.append(f"{b.number}. {b.role.capitalize()}{letter}: {_md(b.text)}{label} `{b.claim}`")
    either = _either_order(ws)
    if either:
        lines += ["", *either]
    return "\n".join(lines) + "\n"


def worksheet_text(ws: Worksheet) -> str:
    """The worksheet's plain-text outline (the accessible description of its SVG)."""
    lines = [ws.title, ws.instructions]
    if ws.bank:
        lines.append("Word bank: " + " ".join(f"{letter}) {text}" for letter, text in ws.bank))
    for item in outline(ws.map):
        parts = []
        for claim_id, text in zip(item.claims, item.texts, strict=True):
            blank = ws.blank_of(claim_id)
            parts.append(f"[blank {blank.number}]" if blank else text)
        lines.append(f"{item.number} {item.word}: {' + '.join(parts)}")
    return "\n".join(lines)


# -- SVG ----------------------------------------------------------------------------------------

def _blank_label(blank: Blank, theme: Theme, implicit: bool = False, more: int | None = None) -> str:
    role = theme.roles.get(blank.role, theme.roles["premise"])
    # An unstated premise keeps its dashed box and says so: finding it is the exercise.
    word = role.heading + (" (implicit: unstated in the text)" if implicit else "")
    heading = (f'<font point-size="{theme.fontsize + 4}"><b>{blank.number}</b></font>'
               f'  <font point-size="{theme.small}" color="{theme.muted}">{html_text(word)}</font>')
    ruled = "".join(
        f'<tr><td width="{BLANK_WIDTH}" height="{LINE_HEIGHT}" border="1" sides="b" '
        f'color="{theme.muted}"> </td></tr>'
        for _ in range(BLANK_LINES)
    )
    extra = ""
    if blank.letter is not None:
        extra += (f'<tr><td align="right"><font point-size="{theme.small}" color="{theme.muted}">'
                  "letter: ____</font></td></tr>")
    if more is not None:
        extra += f'<tr><td><font point-size="{theme.small}"><b>{html_text(_more_words(more))}</b></font></td></tr>'
    return (
        f'<<table border="2" cellborder="0" cellspacing="0" cellpadding="6" '
        f'style="{"rounded,dashed" if implicit else "rounded"}" color="{role.border}" bgcolor="white">'
        f'<tr><td align="left">{heading}</td></tr>'
        f'<tr><td><table border="0" cellborder="0" cellspacing="2" cellpadding="0">{ruled}</table></td></tr>'
        f"{extra}</table>>"
    )


def _more_words(page: int) -> str:
    return f"MORE ON PAGE {page} \u25bc"


#: Instructions and word-bank entries wrap at these many characters, so the heading fits a page.
INSTRUCTIONS_WRAP = 78
BANK_WRAP = 38


def _header(ws: Worksheet, theme: Theme, *, mode: str = "full", bank: tuple[tuple[str, str], ...] | None = None,
            legend: bool = False) -> str:
    """The sheet's heading. ``full``: title, name line, instructions and word bank (page 1);
    ``continued``: title and a note that the map goes on from an earlier page; ``bank``: title and
    the word bank going on; ``map``: title and instructions (the map after pages of word bank).
    ``legend`` adds the legend below, just above the map it explains."""
    size = theme.fontsize
    entries = ws.bank if bank is None else bank

    def line(text: str, markup: str = "i") -> list[str]:
        return [f'<tr><td colspan="2" align="left"><font point-size="{size}"><{markup}>{html_text(part)}'
                f"</{markup}></font></td></tr>" for part in wrap_lines(text, INSTRUCTIONS_WRAP)]

    title_size = _title_size(theme, continued=mode == "continued")
    rows = [f'<tr><td colspan="2"><font point-size="{title_size}"><b>{_title_lines(ws.title, theme, title_size)}</b>'
            "</font></td></tr>"]
    if mode == "continued":
        rows += line(_CONTINUED)
    elif mode == "bank":
        rows += line("Word bank (continued)", "b")
    else:
        if mode == "full":
            rows.append(f'<tr><td colspan="2" align="left"><font point-size="{size}">Name: ______________________   '
                        "Class: __________   Date: __________</font></td></tr>")
        rows += line(ws.instructions)
    if entries and mode in ("full", "bank"):
        if mode == "full":
            rows += line("Word bank", "b")
        half = (len(entries) + 1) // 2
        columns = [entries[:half], entries[half:]]

        def cell(column: tuple[tuple[str, str], ...]) -> str:
            inner = []
            for letter, text in column:
                lines = wrap_lines(text, BANK_WRAP)
                body = '<br align="left"/>'.join(html_text(x) for x in lines) + '<br align="left"/>'
                inner.append(f'<tr><td align="right" valign="top"><b>{html_text(letter)}</b></td>'
                             f'<td align="left" balign="left" valign="top">{body}</td></tr>')
            return ('<td valign="top" align="left"><table border="0" cellspacing="2" cellpadding="2">'
                    + "".join(inner) + "</table></td>")

        rows.append(f'<tr><td colspan="2"><table border="1" cellborder="0" cellspacing="0" cellpadding="4" '
                    f'color="{theme.muted}"><tr>{cell(columns[0])}{cell(columns[1]) if columns[1] else ""}'
                    "</tr></table></td></tr>")
    if legend:
        rows.append(f'<tr><td colspan="2" align="left">{legend_table(theme)}</td></tr>')
    return '<<table border="0" cellspacing="0" cellpadding="1">' + "".join(rows) + "</table>>"


def _title_size(theme: Theme, *, continued: bool) -> float:
    """The heading's size: large on the first page, a little above the text on the pages after
    it (their footer names the sheet too), leaving the map the room."""
    return theme.fontsize + 2 if continued else theme.title_size


def _title_lines(title: str, theme: Theme, size: float) -> str:
    """The heading at ``size`` points wrapped as wide as the instructions below it."""
    width = int(INSTRUCTIONS_WRAP * theme.fontsize / size)
    return '<br align="left"/>'.join(html_text(line) for line in wrap_lines(title, width))


_CONTINUED = "Continued: each grey box is drawn in full on the page it names."


def _sheet_map(ws: Worksheet, part: Part | None) -> ArgumentMap:
    """The map (or a part) as drawn on the sheet: hidden step labels removed (they would give
    answers away)."""
    drawn = ws.map.copy() if part is None else part_map(ws.map, part)
    for step_id in ws.hidden_labels:
        if step_id in drawn.graph:
            drawn.graph.nodes[step_id].pop("label", None)
    return drawn


def _context_label(ws: Worksheet, claim_id: str, page: int | None, theme: Theme, *, full: bool) -> str:
    """A claim drawn on another page, shown small above a part for orientation."""
    claim = ws.map.claims[claim_id]
    blank = ws.blank_of(claim_id)
    where = f" (page {page})" if page else ""
    heading = theme.roles.get(claim.role, theme.roles["premise"]).heading + where
    if blank is not None:
        body = html_text(f"box {blank.number}")
    elif full:
        body = multiline(claim.text, theme.wrap)
    else:
        body = html_text(shorten(claim.label or claim.text, theme.wrap))
    return (
        f'<<table border="1" cellborder="0" cellspacing="0" cellpadding="3" style="rounded,dashed" '
        f'color="{theme.muted}" bgcolor="#f5f5f5">'
        f'<tr><td align="left"><font point-size="{theme.small}" color="{theme.muted}">{html_text(heading)}</font>'
        "</td></tr>"
        f'<tr><td><font color="{theme.muted}">{body}</font></td></tr></table>>'
    )


def _part_styles(ws: Worksheet, part: Part | None, theme: Theme) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """Node styles and badges that put a part on its page: context boxes and "more on page" marks."""
    styles: dict[str, dict[str, str]] = {}
    badges: dict[str, str] = {}
    if part is None:
        return styles, badges
    for node in part.chain:
        if ws.map.claims.get(node) is not None:
            styles[node] = {"label": _context_label(ws, node, part.pages.get(node), theme, full=node in part.tops),
                            "class": "claim context"}
    for node in part.elsewhere:  # drawn in full on an earlier page: once is enough to fill in
        styles[node] = {"label": _context_label(ws, node, part.pages.get(node), theme, full=True),
                        "class": "claim context"}
    for node, page in part.more.items():
        badges[node] = _more_words(page)
    return styles, badges


def _options(ws: Worksheet, drawn: ArgumentMap, styles: dict[str, dict[str, str]], badges: dict[str, str],
             legend: bool) -> DrawingOptions:
    names = scheme_titles(drawn, plain=True) if ws.plain else None
    return DrawingOptions(node_styles=styles, badges=badges, legend=legend, plain=ws.plain, scheme_names=names)


def _drawn_map(m: ArgumentMap, part: Part | None) -> ArgumentMap:
    return m if part is None else part_map(m, part)


def worksheet_svg(ws: Worksheet, theme: str | Theme = "print", *, part: Part | None = None,
                  bank_pages: bool = False) -> bytes:
    """The worksheet drawn as an accessible SVG (greyscale ``print`` theme by default).

    ``part`` (see :func:`worksheet_pages`) draws only what one page of the sheet shows;
    ``bank_pages`` says the word bank has pages of its own (:func:`bank_svg`), so the map's first
    page leaves it out.
    """
    th = get_theme(theme)
    drawn = _sheet_map(ws, part)
    styles, badges = _part_styles(ws, part, th)
    more = part.more if part else {}
    for b in ws.blanks:
        if drawn.claims.get(b.claim) is not None and b.claim not in styles:
            styles[b.claim] = {"label": _blank_label(b, th, drawn.claims[b.claim].implicit, more.get(b.claim)),
                               "class": f"claim blank {b.role}"}
    first = part is None or part.first
    # On a poster the legend is a box of the map; on a page, part of the heading (where there is room).
    heading = _header(ws, th, mode=_mode(first, bank_pages), legend=part is not None and part.legend)
    drawing = build_dot(drawn, th, _options(ws, drawn, styles, badges, part is None),
                        graph_attrs={"label": heading, "labelloc": "t",
                                     "labeljust": "l", **_spacing(part)})
    titles = {b.claim: f"Blank {b.number} ({b.role}): write the missing claim here" for b in ws.blanks
              if drawn.claims.get(b.claim) is not None}
    return drawing_svg(drawing, drawn, title=ws.title, desc=worksheet_text(ws), titles=titles).encode("utf-8")


def _spacing(part: Part | None) -> dict[str, str]:
    """On a page (a ``part``), boxes sit a little closer than on a poster, so more of the map fits
    at 9 pt; the paper has margins of its own, so the picture needs only a thin pad."""
    return {} if part is None else {"ranksep": "0.2", "nodesep": "0.25", "pad": "0.05"}


def _mode(first: bool, bank_pages: bool) -> str:
    if not first:
        return "continued"
    return "map" if bank_pages else "full"


def bank_svg(ws: Worksheet, theme: str | Theme = "print", *, entries: tuple[tuple[str, str], ...],
             first: bool) -> bytes:
    """A page of the word bank alone (the first with the sheet's full heading), for a bank too
    long to share a page with the map."""
    th = get_theme(theme)
    empty = ws.map.copy()
    empty.graph.clear()
    drawing = build_dot(empty, th, DrawingOptions(legend=False),
                        graph_attrs={"label": _header(ws, th, mode="full" if first else "bank", bank=entries),
                                     "labelloc": "t", "labeljust": "l"})
    return drawing_svg(drawing, empty, title=ws.title, desc=worksheet_text(ws), titles={}).encode("utf-8")


def _answer_label(blank: Blank, text: str, theme: Theme, more: int | None = None) -> str:
    role = theme.roles.get(blank.role, theme.roles["premise"])
    letter = f"  = {blank.letter}" if blank.letter else ""
    heading = (f'<font point-size="{theme.fontsize + 4}"><b>{blank.number}{html_text(letter)}</b></font>'
               f'  <font point-size="{theme.small}" color="{theme.muted}">ANSWER ({html_text(role.heading)})</font>')
    body = '<br align="center"/>'.join(html_text(line) for line in wrap_lines(text, theme.wrap))
    extra = ""
    if more is not None:
        extra = f'<tr><td><font point-size="{theme.small}"><b>{html_text(_more_words(more))}</b></font></td></tr>'
    return (
        f'<<table border="3" cellborder="0" cellspacing="0" cellpadding="6" style="rounded" '
        f'color="{role.border}" bgcolor="white">'
        f'<tr><td align="left">{heading}</td></tr><tr><td width="{BLANK_WIDTH}">{body}</td></tr>{extra}</table>>'
    )


def key_svg(ws: Worksheet, theme: str | Theme = "print", *, part: Part | None = None) -> bytes:
    """The answer key drawn as an SVG: the whole map (or one page's ``part``), each answer boxed
    with its blank number."""
    th = get_theme(theme)
    drawn = _drawn_map(ws.map, part)
    styles, badges = _part_styles(ws, part, th)
    more = part.more if part else {}
    for b in ws.blanks:
        if drawn.claims.get(b.claim) is not None and b.claim not in styles:
            styles[b.claim] = {"label": _answer_label(b, b.text, th, more.get(b.claim)),
                               "class": f"claim answer {b.role}"}
    first = part is None or part.first
    lines = _either_order(ws) if first else [_CONTINUED]
    either = "".join(f'<br/><font point-size="{th.fontsize}">{html_text(line)}</font>'
                     for text in lines for line in wrap_lines(text, INSTRUCTIONS_WRAP))
    size = _title_size(th, continued=not first)
    rows = f'<tr><td><b><font point-size="{size}">{_title_lines(ws.key_title, th, size)}</font></b>{either}</td></tr>'
    if part is not None and part.legend:
        rows += f"<tr><td>{legend_table(th)}</td></tr>"
    heading = f'<<table border="0" cellspacing="0" cellpadding="0">{rows}</table>>'
    drawing = build_dot(drawn, th, _options(ws, drawn, styles, badges, part is None),
                        graph_attrs={"label": heading, **_spacing(part)})
    desc = key_markdown(ws) + "\n" + outline_text(ws.map)
    return drawing_svg(drawing, drawn, title=ws.key_title, desc=desc, titles={}).encode("utf-8")


# -- pages --------------------------------------------------------------------------------------

#: ``paper="poster"``: the whole map as one picture of its own size (for a plotter or a screen).
POSTER = "poster"


def legible(theme: str | Theme) -> Theme:
    """The theme with its small type at least 11 points, so a page may shrink it to 82 % and
    still print it at 9 points or more.

    >>> legible("print").small, legible("projector").small
    (11.0, 13.0)
    """
    th = get_theme(theme)
    return replace(th, small=max(th.small, 11.0))


@dataclass(frozen=True)
class Pages:
    """A worksheet and its key laid out on paper: page SVGs, each page's smallest printed text
    in points (sheet pages first, then key pages), and the part of the map each page of the key
    shows (the sheet's map pages show the same). A word bank too long to share page 1 with the
    map has pages of its own before the map's, on the sheet only."""

    paper: Paper
    sheet: tuple[str, ...]
    key: tuple[str, ...]
    printed: tuple[float, ...]
    parts: tuple[Part, ...] = ()

    @property
    def smallest(self) -> float:
        """The smallest text printed anywhere, in points."""
        return min(self.printed)


def worksheet_pages(ws: Worksheet, paper: str | Paper | None = None, theme: str | Theme = "print") -> Pages:
    """The worksheet and its key on ``paper`` (``a4`` or ``letter``; None: the locale's), on as
    few pages as hold it with no text printed below 9 points: the whole map on one page when it
    fits (portrait or landscape), else whole branches packed onto pages
    (:func:`~argmap.teach.paging.split_map`), all turned the same way unless that takes more pages.

    Each page is an SVG of the paper's size: the heading (the full one on page 1), the part of
    the map, and a footer with the page number. The key has the same pages as the sheet.
    """
    sheet_paper = paper if isinstance(paper, Paper) else get_paper(paper or default_paper())
    th = legible(theme)
    drawn: dict[tuple[object, ...], bytes] = {}

    def placement(svg: bytes, landscape: bool | None = None) -> Placement | None:
        return fit(svg_size(svg), sheet_paper, smallest_text(svg), landscape=landscape)

    banks = _bank_chunks(ws, th, placement)
    bank_pages = [bank_svg(ws, th, entries=chunk, first=k == 0) for k, chunk in enumerate(banks)]

    def draw(part: Part, key: bool) -> bytes:
        seen = (part.nodes, part.chain, tuple(sorted(part.pages.items())), tuple(sorted(part.more.items())),
                part.first, part.tops, part.legend, key)
        if seen not in drawn:
            drawn[seen] = (key_svg(ws, th, part=part) if key
                           else worksheet_svg(ws, th, part=part.after(len(bank_pages)), bank_pages=bool(banks)))
        return drawn[seen]

    def turn(part: Part, landscape: bool | None) -> Placement | None:
        """How the part's page is turned (both its sheet and key page fit it), None if no way."""
        ways = (False, True) if landscape is None else (landscape,)
        places = [(placement(draw(part, False), way), placement(draw(part, True), way)) for way in ways]
        fitting = [(min(a.scale, b.scale), a) for a, b in places if a is not None and b is not None]
        return max(fitting, key=lambda found: found[0])[1] if fitting else None

    def layout(landscape: bool | None) -> tuple[tuple[int, int, bool, float], list[Part], list[bool | None]]:
        """The parts when every page is turned ``landscape`` (None: each its best way), scored:
        pages that do not fit, pages, pages turned both ways, the smallest printed text (negated)."""
        parts = split_map(ws.map, lambda part: turn(part, landscape) is not None)
        turns = [turn(part, landscape) for part in parts]
        sizes = [smallest_text(draw(part, key)) * place.scale
                 for part, place in zip(parts, turns, strict=True) if place is not None for key in (False, True)]
        ways = [None if place is None else place.landscape for place in turns]
        return (ways.count(None), len(parts), len(set(ways)) > 1, -min(sizes, default=0.0)), parts, ways

    # The fewest pages; then pages all turned the same way (landscape or portrait), as they read
    # best; then the larger print.
    _, parts, ways = min((layout(True), layout(False), layout(None)), key=lambda tried: tried[0])
    sheet: list[str] = []
    key: list[str] = []
    printed: list[float] = []
    documents: tuple[tuple[list[str], str, list[bytes], list[bool | None]], ...] = (
        (sheet, ws.title, [*bank_pages, *(draw(p, False) for p in parts)], [ways[0]] * len(bank_pages)),
        (key, ws.key_title, [draw(p, True) for p in parts], []))
    for pages, title, svgs, bank_ways in documents:
        for number, (svg, way) in enumerate(zip(svgs, bank_ways + ways, strict=True), start=1):
            # A part no split could shrink enough still prints, as large as the page allows.
            place = (placement(svg, way) or placement(svg)
                     or fit(svg_size(svg), sheet_paper, smallest_text(svg), min_pt=0))
            assert place is not None
            footer = f"{title}  \u00b7  page {number} of {len(svgs)}"
            pages.append(on_page(svg, sheet_paper, place, footer=footer,
                                 title=f"{title} (page {number} of {len(svgs)})" if len(svgs) > 1 else None))
            printed.append(smallest_text(svg) * place.scale)
    return Pages(sheet_paper, tuple(sheet), tuple(key), tuple(printed), tuple(parts))


def _bank_chunks(ws: Worksheet, theme: Theme,
                 placement: Callable[[bytes], Placement | None]) -> list[tuple[tuple[str, str], ...]]:
    """The word bank split into pages of its own when the sheet's heading with the whole bank
    does not fit a page (none when it does, or there is no bank)."""
    if not ws.bank or placement(bank_svg(ws, theme, entries=ws.bank, first=True)) is not None:
        return []
    chunks: list[tuple[tuple[str, str], ...]] = []
    rest = ws.bank
    while rest:
        size = len(rest)
        while size > 1 and placement(bank_svg(ws, theme, entries=rest[:size], first=not chunks)) is None:
            size = size * 3 // 4  # a few tries, not one per entry
        chunks.append(rest[:size])
        rest = rest[size:]
    return chunks


# -- files --------------------------------------------------------------------------------------

def key_path(sheet: str | Path) -> Path:
    """Where the answer key of a worksheet goes: beside it, ``-key`` before the suffix.

    >>> key_path("out/sheet.svg").as_posix()
    'out/sheet-key.svg'
    """
    path = Path(sheet)
    return path.with_name(f"{path.stem}-key{path.suffix}")


def page_paths(path: str | Path, count: int) -> list[Path]:
    """The files of ``count`` pages written as SVG or PNG: the path itself for one page, else
    ``-p1``, ``-p2``, ... before the suffix.

    >>> [p.name for p in page_paths("sheet.png", 1)], [p.name for p in page_paths("sheet.png", 2)]
    (['sheet.png'], ['sheet-p1.png', 'sheet-p2.png'])
    """
    target = Path(path)
    if count == 1:
        return [target]
    return [target.with_name(f"{target.stem}-p{k}{target.suffix}") for k in range(1, count + 1)]


_FORMATS = ("svg", "pdf", "png", "md")


def _files(ws: Worksheet, out: Path, fmt: str, theme: str | Theme, key: bool,
           pages: Pages | None) -> list[tuple[Path, bytes]]:
    if fmt == "md":
        return [(out, (key_markdown(ws) if key else worksheet_markdown(ws)).encode("utf-8"))]
    if pages is None:  # a poster: the whole map at its own size
        svg = key_svg(ws, theme) if key else worksheet_svg(ws, theme)
        return [(out, svg if fmt == "svg" else rasterize(svg, fmt))]
    svgs = pages.key if key else pages.sheet
    if fmt == "pdf":
        return [(out, pdf_document(svgs, title=ws.key_title if key else ws.title))]
    return [(path, svg.encode("utf-8") if fmt == "svg" else rasterize(svg, fmt))
            for path, svg in zip(page_paths(out, len(svgs)), svgs, strict=True)]


def write_worksheet(
    ws: Worksheet,
    path: str | Path,
    *,
    key: str | Path | None = None,
    write_key: bool = True,
    theme: str | Theme = "print",
    paper: str | Paper | None = None,
) -> list[Path]:
    """Write the worksheet (format from the suffix: .svg, .pdf, .png, .md) and its answer key
    beside it (:func:`key_path`, same format unless ``key`` names another file); return the paths.

    ``paper`` is ``a4`` or ``letter`` (None: the locale's paper; see :func:`worksheet_pages`), or
    ``"poster"`` for the whole map as one picture of its own size. A PDF holds every page; SVG
    and PNG pages are files of their own (:func:`page_paths`). Every file is made before any is
    written, and they are written whole or not at all (:func:`~argmap.formats.files.write_files`):
    never a sheet without its key. A key on the sheet's own file is refused (it would replace
    the sheet).
    """
    target = Path(path)
    outputs = [(target, False, "path")]
    if write_key:
        outputs.append((Path(key) if key is not None else key_path(target), True, "key"))
        if same_file(outputs[0][0], outputs[1][0]):
            raise ArgmapError(f"the answer key would be written over the worksheet ({target}); "
                              "give the key its own file", param="key")
    for out, _, param in outputs:
        if out.suffix.lower().lstrip(".") not in _FORMATS:
            raise ArgmapError(f"cannot write a worksheet as {str(out)!r}; use one of: "
                              + ", ".join("." + f for f in _FORMATS), param=param)
    pictures = any(out.suffix.lower() != ".md" for out, _, _ in outputs)
    pages = None if paper == POSTER or not pictures else worksheet_pages(ws, paper, theme)
    files: list[tuple[Path, bytes]] = []
    for out, is_key, _ in outputs:
        files += _files(ws, out, out.suffix.lower().lstrip("."), theme, is_key, pages)
    by_path = dict(files)
    if len(by_path) < len(files):  # a page of the key named like a page of the sheet
        raise ArgmapError(f"the worksheet's and the key's pages would share files ({target}); "
                          "give the key its own name", param="key")
    return write_files(by_path)


def blank_svg_id(claim_id: str) -> str:
    """The SVG id of a blank's box (the claim's own)."""
    return svg_id(claim_id)
