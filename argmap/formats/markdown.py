"""The map as a Markdown outline (``.md``, write only): the text alternative and a handout.

Items are numbered as in :mod:`argmap.outline` (1, 1.1, 1.1.1) and start with their role
(Thesis, Reason, Objection, Rebuttal, Undercut). Linked premises are listed together under their
step; sources become footnotes (``[^1]``) listed at the end. Map text is escaped, so nothing in a
claim can turn into a link, a heading or raw HTML.

>>> from argmap import ArgumentMap, Source
>>> m = ArgumentMap(title="Lunch")
>>> t = m.claim("We should eat *out*.")
>>> r = m.support(t, ["The fridge is empty.", "Shopping takes an hour."])
>>> o = m.attack(t, m.claim("It costs too much.", sources=[Source(author="Ann", url="https://example.org")]))
>>> _ = m.attack(o, "Lunch specials are cheap.")
>>> print(dumps(m), end="")
# Lunch
<BLANKLINE>
- **1 Thesis**: We should eat \\*out\\*.
  - **1.1 Reason**, from linked premises that hold only together:
    - The fridge is empty.
    - Shopping takes an hour.
  - **1.2 Objection**: It costs too much.[^1]
    - **1.2.1 Rebuttal**: Lunch specials are cheap.
<BLANKLINE>
[^1]: Ann. <https://example.org>
"""

from __future__ import annotations

import re

from argmap.formats.registry import Format, register
from argmap.model import ArgumentMap, Claim, Inference, Source
from argmap.outline import NUMBER_PARTS, outline
from argmap.text import safe_url

__all__ = ["dumps", "escape"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#!&])")
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")


def escape(text: str) -> str:
    """Escape Markdown syntax in map text; line breaks become hard breaks.

    >>> print(escape("<b>1 * 2</b> [x](y)"))
    \\<b\\>1 \\* 2\\</b\\> \\[x\\](y)
    """
    lines = []
    for line in text.split("\n"):
        line = _SPECIAL.sub(r"\\\1", line.strip())
        line = _LINE_START.sub(lambda mt: mt.group(1) + _escape_start(mt.group(2)), line)
        lines.append(line)
    return "\\\n".join(lines)


def _escape_start(token: str) -> str:
    return token[:-1] + "\\" + token[-1] if token[-1] in ".)" else "\\" + token


def _source_line(source: Source) -> str:
    parts = [escape(p) for p in (source.author, source.title) if p]
    if source.title and source.author:
        parts[1] = f"*{parts[1]}*"
    parts += [escape(p) for p in (source.outlet, source.date, source.kind) if p]
    line = ", ".join(parts) + ("." if parts else "")
    if source.url:
        url = safe_url(source.url)
        if url is not None:
            line += " <" + url.replace(">", "%3E").replace("<", "%3C") + ">"
        else:  # javascript:, data:, file:, //host ... stay text, never a live link
            line += " " + escape(source.url)
    if source.quote:
        line += f" \u201c{escape(source.quote)}\u201d"
    return line.strip() or "(a source with no details)"


def dumps(m: ArgumentMap) -> str:
    """The map as a Markdown outline with footnoted sources."""
    notes: dict[Source, int] = {}
    numbers: dict[str, str] = {}
    out: list[str] = []
    if m.title:
        out += [f"# {escape(m.title)}", ""]

    def claim_text(claim: Claim, indent: str) -> str:
        marks = "".join(f"[^{notes.setdefault(s, len(notes) + 1)}]" for s in claim.sources)
        text = escape(claim.text).replace("\\\n", "\\\n" + indent + "  ")
        label = f"*{escape(claim.label)}:* " if claim.label else ""
        unstated = " *(unstated)*" if claim.implicit else ""
        return f"{label}{text}{marks}{unstated}"

    for item in outline(m):
        # Lists nest only so deep on a page (and whole indents would grow with the square of a
        # chain's length); the numbers still say where an item belongs.
        indent = "  " * min(item.depth, NUMBER_PARTS)
        head = f"{indent}- **{item.number} {item.word}**"
        node = m[item.node]
        if isinstance(node, Inference):
            if node.label:
                head += f" *{escape(node.label)}*"
            if node.scheme:
                head += f" (scheme: {escape(node.scheme)})"
            head += "".join(f"[^{notes.setdefault(s, len(notes) + 1)}]" for s in node.sources)
        if item.repeat:
            out.append(f"{head}: {' + '.join(escape(t) for t in item.texts)} (see {numbers[item.node]})")
            continue
        numbers.setdefault(item.node, item.number)
        claims = [m[c] for c in item.claims]
        if item.linked:
            out.append(f"{head}, from linked premises that hold only together:")
            out += [f"{indent}  - {claim_text(c, indent + '  ')}" for c in claims if isinstance(c, Claim)]
        else:
            claim = claims[0]
            assert isinstance(claim, Claim)
            out.append(f"{head}: {claim_text(claim, indent)}")
    if notes:
        out.append("")
        out += [f"[^{n}]: {_source_line(s)}" for s, n in notes.items()]
    return "\n".join(out) + "\n"


register(Format(
    name="md",
    suffixes=(".md", ".markdown"),
    description="Markdown outline (1, 1.1, 1.1.1) with footnoted sources (write only)",
    writer=dumps,
))
