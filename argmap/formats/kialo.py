"""Kialo's text export (``.kialo.txt``): read both layouts, write the classic one.

Kialo exports a discussion as numbered statements, each a pro or con of its parent::

    Discussion Title: Should voting be compulsory?

    1. Voting should be compulsory.
    1.1. Pro: Turnout rises.
    1.1.1. Con: Forced votes may be random.
    1.2. Pro: -> See 1.1.1.

Every statement becomes a claim whose id is its number (``1.1.1``); a ``Pro`` is a support step
and a ``Con`` an attack step on the parent, with the id ``<number>-pro`` or ``<number>-con``.
``-> See 1.1.1.`` reuses statement 1.1.1 as a premise here too, so the map is a DAG, not a tree.
Lines that follow a statement and start no new one continue its text. Markdown links
``[label](url)`` become sources (the text keeps the label); backslash escapes (``\\(``) are undone.

The other layout seen in the wild (``Discussion Name:``, ``1. Thesis:``, stance and text on
separate indented lines, ``[1]`` footnote markers and a ``Sources:`` footer) is read too: markers
become sources built from the footer.

>>> import argmap
>>> m = argmap.loads('''Discussion Title: Pets
...
... 1. Cats are the better pet.
... 1.1. Pro: Cats need no walks, see [a study](https://example.org/walks).
... 1.2. Con: Cats scratch
... the furniture.
... 1.2.1. Pro: -> See 1.1.
... ''', "kialo")
>>> m.title, m["1.2"].text, m["1.1"].sources[0].url
('Pets', 'Cats scratch\\nthe furniture.', 'https://example.org/walks')
>>> m["1.2.1-pro"].premise.id, m["1.2.1-pro"].target.id
('1.1', '1.2')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from argmap import limits
from argmap.errors import ArgmapError, ParseError
from argmap.formats.registry import Format, register
from argmap.model import ArgumentMap, Claim, Inference, Source

__all__ = ["loads", "dumps", "looks_like_kialo"]

_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<number>(?:\d+\.)+)(?=\s|$)[ \t]*"
                   r"(?:(?P<stance>Pro|Con|Thesis):)?[ \t]*(?P<rest>.*)$")
_LINK = re.compile(r"^->\s*See\s+(?P<number>(?:\d+\.)*\d+\.?)\s*$")
# A label stops at the next bracket and an address at the next parenthesis, so each search ends
# where the next one starts: linear on hostile text ("[[[[...", "](](](...").
_MD_LINK = re.compile(r"(?<!\\)\[(?P<label>(?:[^\[\]\\\n]|\\.)*)\]\((?P<url>(?:[^()\\\n]|\\.)+)\)")
#: A Markdown link title after the address: ``[](https://a.org "Title")``.
_LINK_TITLE = re.compile(r'^(?P<url>.*?)\s+"(?P<title>(?:[^"\\]|\\.)*)"$', re.S)
_FOOTNOTE_REF = re.compile(r"[ \t]?(?<!\\)\[(?P<n>\d{1,9})\](?!\()")
_FOOTNOTE = re.compile(r"^\[(?P<n>\d+)\]\s*(?P<text>.*)$")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_URL_AT_END = re.compile(r"https?://\S+$")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_HEADERS = ("Discussion Title:", "Discussion Name:")
_STANCE_POLARITY = {"Pro": "support", "Con": "attack"}


@dataclass
class _Item:
    number: tuple[int, ...]
    stance: str | None
    line: int
    column: int
    name: str  # the number as written in ids: "1.2.1"
    lines: list[str] = field(default_factory=list)


def _number(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.strip(".").split("."))


def _unescape(text: str) -> str:
    return _ESCAPED.sub(r"\1", text)


def _clean_lines(lines: list[str]) -> str:
    stripped = [line.strip() for line in lines]
    while stripped and not stripped[-1]:
        stripped.pop()
    first = 0
    while first < len(stripped) and not stripped[first]:
        first += 1
    return "\n".join(stripped[first:])


def _split_lines(text: str) -> list[str]:
    """The lines of a file: split at line ends only (``str.splitlines`` also splits at a vertical
    tab, a form feed or U+2028, which a statement's text may hold)."""
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _footnote_source(text: str) -> Source:
    text = _unescape(text.strip())
    match = _URL_AT_END.search(text)
    if match:
        return Source(title=text[:match.start()].rstrip(",; \t\n") or None, url=match.group())
    return Source(title=text)


class _Reader:
    def __init__(self, text: str, path: str | None) -> None:
        self.path = path
        self.lines = _split_lines(text)
        self.items: list[_Item] = []
        self.by_name: dict[str, _Item] = {}
        self.footnotes: dict[str, str] = {}
        self._note_lines: dict[str, list[str]] = {}
        self._last_note: str | None = None
        self.title = ""
        self.layout = "classic"

    def fail(self, message: str, line: int, column: int = 1) -> ParseError:
        return ParseError(message, path=self.path, line=line, column=column)

    def scan(self) -> None:
        start = 0
        while start < len(self.lines) and not self.lines[start].strip():
            start += 1
        if start == len(self.lines):
            raise self.fail("the file is empty; a Kialo export starts with 'Discussion Title:'", 1)
        head = self.lines[start].strip()
        header = next((h for h in _HEADERS if head.startswith(h)), None)
        if header is None:
            raise self.fail("a Kialo export starts with 'Discussion Title: ...' (or 'Discussion Name:'); "
                            f"this file starts with {head[:40]!r}", start + 1)
        self.layout = "classic" if header == _HEADERS[0] else "indented"
        title_lines = [head[len(header):]]
        top_count = 0
        current: _Item | None = None
        in_footer = False
        for index in range(start + 1, len(self.lines)):
            raw = self.lines[index]
            lineno = index + 1
            if in_footer:
                self._footer_line(raw)
                continue
            if current is not None and raw.strip() == "Sources:" and not raw[:1].isspace():
                in_footer = True
                continue
            match = _ITEM.match(raw)
            item = self._item(match, lineno, top_count) if match else None
            if item is None:
                if current is None:
                    title_lines.append(raw)
                else:
                    current.lines.append(raw)
                continue
            if len(item.number) == 1:
                top_count += 1
            self.items.append(item)
            self.by_name[item.name] = item
            current = item
        self.footnotes = {n: " ".join(lines) for n, lines in self._note_lines.items()}
        self.title = _unescape(" ".join(p.strip() for p in title_lines if p.strip()))
        if not self.items:
            raise self.fail("no statements found; expected a line like '1. <the thesis>' after the title",
                            len(self.lines))

    def _item(self, match: re.Match[str], lineno: int, top_count: int) -> _Item | None:
        number = _number(match.group("number"))
        stance = match.group("stance")
        name = ".".join(map(str, number))
        if len(number) == 1:
            if stance not in (None, "Thesis") or number[0] != top_count + 1:
                return None
        elif stance not in _STANCE_POLARITY:
            return None
        elif name.rpartition(".")[0] not in self.by_name:
            parent = name.rpartition(".")[0]
            raise self.fail(f"statement {name} is a {stance} of {parent}, but there is no statement {parent} "
                            "above it; check the numbering", lineno, len(match.group("indent")) + 1)
        if name in self.by_name:
            first = self.by_name[name].line
            raise self.fail(f"statement {name} appears twice (first on line {first}); "
                            "each number may be used once", lineno, len(match.group("indent")) + 1)
        item = _Item(number, stance, lineno, len(match.group("indent")) + 1, name)
        if match.group("rest"):
            item.lines.append(match.group("rest"))
        return item

    def _footer_line(self, raw: str) -> None:
        match = _FOOTNOTE.match(raw.strip())
        if match:
            self._note_lines[match.group("n")] = [match.group("text")]
            self._last_note = match.group("n")
        elif raw.strip() and self._last_note is not None:
            self._note_lines[self._last_note].append(raw.strip())

    def build(self) -> ArgumentMap:
        m = ArgumentMap(title=self.title or None)
        m.meta["kialo"] = {"layout": self.layout}
        if self.path is not None:
            m.graph.graph["path"] = self.path
        links: dict[str, tuple[str, _Item]] = {}
        for item in self.items:
            raw = _clean_lines(item.lines)
            link = _LINK.match(raw)
            if link:
                links[item.name] = (".".join(map(str, _number(link.group("number")))), item)
                continue
            text, sources = self._text(raw)
            if not text.strip():
                raise self.fail(f"statement {item.name} has no text; write the claim after "
                                f"'{item.stance or item.name}:'", item.line, item.column)
            claim = m.claim(text, id=item.name, sources=sources)
            m.graph.nodes[claim.id]["line"] = item.line
        done: dict[str, str] = {}
        resolved = {name: self._resolve(name, links, done) for name in self.by_name}
        for item in self.items:
            if len(item.number) == 1:
                continue
            premise = resolved[item.name]
            target = resolved[item.name.rpartition(".")[0]]
            if premise == target:
                raise self.fail(f"statement {item.name} links to {premise}, its own parent; "
                                "a claim cannot be a reason for itself", item.line, item.column)
            stance = item.stance or "Pro"
            # Claim(m, id), not m.claims[id]: that builds the list of every claim on each lookup
            step = m.infer(_STANCE_POLARITY[stance], target, Claim(m, premise),
                           id=f"{item.name}-{stance.lower()}")
            m.graph.nodes[step.id]["line"] = item.line
        return m

    def _resolve(self, name: str, links: dict[str, tuple[str, _Item]], done: dict[str, str]) -> str:
        """The statement a name stands for, following ``-> See`` links (each chain walked once)."""
        chain: list[str] = []
        on_chain: set[str] = set()
        while name in links and name not in done:
            if name in on_chain:
                item = links[chain[0]][1]
                loop = chain[chain.index(name):] + [name]
                raise self.fail(f"the '-> See' links {' -> '.join(loop)} go round in a circle",
                                item.line, item.column)
            chain.append(name)
            on_chain.add(name)
            target, item = links[name]
            if target not in self.by_name:
                raise self.fail(f"statement {item.name} says '-> See {target}.', but there is no "
                                f"statement {target}", item.line, item.column)
            name = target
        end = done.get(name, name)
        for member in chain:
            done[member] = end
        return end

    def _text(self, raw: str) -> tuple[str, list[Source]]:
        sources: list[Source] = []

        def link(match: re.Match[str]) -> str:
            label, address = _unescape(match.group("label")), match.group("url")
            titled = _LINK_TITLE.match(address)
            title = _unescape(titled.group("title")) if titled else None
            url = _unescape(titled.group("url") if titled else address).strip()
            if not label:  # a source with no words in the text (argmap writes these)
                sources.append(Source(title=title or None, url=url))
                return ""
            sources.append(Source(title=label if label != url else title, url=url))
            return match.group("label")

        text = _MD_LINK.sub(link, raw)

        def note(match: re.Match[str]) -> str:
            if match.group("n") not in self.footnotes:
                return match.group(0)
            sources.append(_footnote_source(self.footnotes[match.group("n")]))
            return ""

        if self.footnotes:
            text = _FOOTNOTE_REF.sub(note, text)
        if sources:  # a link with no words leaves the space before it at a line's end
            text = "\n".join(line.rstrip() for line in text.split("\n"))
        return _unescape(text), sources


def loads(text: str, path: str | None = None) -> ArgumentMap:
    """Read a Kialo text export (classic or ``Discussion Name:`` layout)."""
    reader = _Reader(text, path)
    reader.scan()
    m = reader.build()
    if text and not text.endswith("\n"):
        m.meta["kialo"]["final_newline"] = False  # kialo.com's own exports end without one
    return m


# -- writing --------------------------------------------------------------------------------------
_SPECIAL = re.compile(r"([\\()\[\]])")
_LOOKS_LIKE_ITEM = re.compile(r"^(\s*\d+)\.")
_STANCE_START = re.compile(r"^(Pro|Con|Thesis):")


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _one_line(text: str) -> str:
    return " ".join(_LINE_BREAK.split(text)).strip()


def _escape_with_links(text: str, sources: list[Source]) -> str:
    """Escape text, turning each source's label into a Markdown link.

    A source whose label is not in the text becomes a link with no words, ``[](url "title")``,
    at the end: the reader takes it as a source without adding anything to the text.
    """
    spans: list[tuple[int, int, str]] = []
    extra: list[str] = []
    for source in sources:
        if not source.url:
            continue
        # A link is one line: line breaks in an address are written as a browser would send them.
        url = _escape(source.url.replace("\r", "%0D").replace("\n", "%0A"))
        label = (source.title or source.url).strip()
        at = text.find(label) if "\n" not in label and "\r" not in label else -1
        while at >= 0 and any(a < at + len(label) and at < b for a, b, _ in spans):
            at = text.find(label, at + 1)
        if at >= 0 and label.strip() and "\n" not in label:
            spans.append((at, at + len(label), url))
        elif source.title and source.title != source.url:
            title = _escape(_one_line(source.title)).replace('"', '\\"')
            extra.append(f'[]({url} "{title}")')
        else:
            extra.append(f"[]({url})")
    out, pos = [], 0
    for a, b, url in sorted(spans):
        out.append(_escape(text[pos:a]))
        out.append(f"[{_escape(text[a:b])}]({url})")
        pos = b
    out.append(_escape(text[pos:]))
    written = "".join(out)
    return " ".join([written, *extra]) if extra else written


def _text_lines(text: str, sources: list[Source]) -> list[str]:
    lines = [line.strip() for line in _LINE_BREAK.split(_escape_with_links(text, sources))]
    lines = [_LOOKS_LIKE_ITEM.sub(r"\1\\.", line) for line in lines]
    lines = ["Sources\\:" if line == "Sources:" else line for line in lines]
    if lines and lines[0].startswith("->"):
        lines[0] = "-\\>" + lines[0][2:]
    if lines:  # "1. Pro: ..." would read as a stance, "1. -> See ..." as a link
        lines[0] = _STANCE_START.sub(r"\1\\:", lines[0])
    return lines


def _entries(m: ArgumentMap) -> list[tuple[tuple[int, ...], str | None, str, str | None]]:
    """The statements in reading order: (number, stance, claim id, number it links to or None)."""
    entries: list[tuple[tuple[int, ...], str | None, str, str | None]] = []
    placed: dict[str, str] = {}
    top = 0
    deepest = limits.current().kialo_depth
    for root in [c.id for c in m.theses] + [c.id for c in m.claims]:
        if root in placed:
            continue
        top += 1
        stack: list[tuple[str, tuple[int, ...], str | None, str | None]] = [(root, (top,), None, None)]
        while stack:
            claim_id, number, stance, via = stack.pop()
            if claim_id in placed:
                entries.append((number, stance, claim_id, placed[claim_id]))
                continue
            if len(number) > deepest:
                # Kialo numbers every statement with its whole path (1.2.1.3...): a deep chain
                # makes a file that grows with the square of its depth.
                raise ArgmapError(limits.message("kialo_depth", "the map, in Kialo's numbering,", len(number)))
            placed[claim_id] = ".".join(map(str, number))
            entries.append((number, stance, claim_id, None))
            children: list[tuple[str, tuple[int, ...], str | None, str | None]] = []
            for step in _steps_on(m, claim_id) + (_steps_on(m, via) if via else []):
                for premise in step.premises:
                    child_stance = "Pro" if step.polarity == "support" else "Con"
                    children.append((premise.id, (*number, len(children) + 1), child_stance, step.id))
            stack.extend(reversed(children))
    return entries


def dumps(m: ArgumentMap) -> str:
    """The map as a Kialo export, in the layout it was read from (classic for new maps).

    Kialo has one premise per statement, so each premise of a linked step becomes its own
    statement; an undercut becomes a ``Con`` of the premise whose step it attacks. A claim met a
    second time is written as ``-> See <number>.``.

    >>> import argmap
    >>> m = argmap.ArgumentMap(title="Pets")
    >>> t = m.claim("Cats are the better pet.")
    >>> r = m.support(t, "Cats need no walks.")
    >>> _ = m.attack(r.premise, "Cats (some) scratch.")
    >>> print(dumps(m), end="")
    Discussion Title: Pets
    <BLANKLINE>
    1. Cats are the better pet.
    1.1. Pro: Cats need no walks.
    1.1.1. Con: Cats \\(some\\) scratch.
    """
    if not len(m):
        raise ArgmapError("a Kialo discussion starts from a thesis, and this map has no claims")
    title = _one_line(m.title or (m.thesis.text if m.thesis else "")) or "Discussion"
    if (m.meta.get("kialo") or {}).get("layout") == "indented":
        return _dumps_indented(m, title)
    out = [f"Discussion Title: {_escape(title)}", ""]
    for number, stance, claim_id, link in _entries(m):
        lead = ".".join(map(str, number)) + "." + (f" {stance}:" if stance else "")
        if link is not None:
            out.append(f"{lead} -> See {link}.")
            continue
        claim = m[claim_id]
        assert isinstance(claim, Claim)
        lines = _text_lines(claim.text, claim.sources)
        out.append(f"{lead} {lines[0]}")
        out.extend(lines[1:])
    return "\n".join(out) + _ending(m)


def _ending(m: ArgumentMap) -> str:
    return "" if (m.meta.get("kialo") or {}).get("final_newline") is False else "\n"


def _dumps_indented(m: ArgumentMap, title: str) -> str:
    out = ["Discussion Name:", _LOOKS_LIKE_ITEM.sub(r"\1\\.", _escape(title)), ""]
    notes: dict[Source, int] = {}
    for number, stance, claim_id, link in _entries(m):
        indent = "  " * (len(number) - 1)
        out.append(f"{indent}{'.'.join(map(str, number))}. {stance or 'Thesis'}:")
        if link is not None:
            out.extend([f"{indent}-> See {link}.", ""])
            continue
        claim = m[claim_id]
        assert isinstance(claim, Claim)
        lines = _text_lines(claim.text, [])
        marks = [notes.setdefault(s, len(notes) + 1) for s in claim.sources]
        lines[-1] += "".join(f" [{n}]" for n in marks)
        out.extend(indent + line if line else "" for line in lines)
        out.append("")
    if notes:
        out.append("Sources:")
        for source, n in notes.items():
            parts = [p for p in (source.title, source.url) if p] or [source.short() or "source"]
            out.append(f"[{n}] {_escape(', '.join(parts))}")
    return "\n".join(out) + _ending(m)


def _steps_on(m: ArgumentMap, node: str) -> list[Inference]:
    return [Inference(m, n) for n in m.graph.predecessors(node) if m.graph.nodes[n].get("kind") == "inference"]


def looks_like_kialo(text: str) -> bool:
    """Whether a text starts like a Kialo export."""
    return text.lstrip("\ufeff \t\r\n").startswith(_HEADERS)


register(Format(
    name="kialo",
    suffixes=(".kialo.txt", ".txt"),
    description="Kialo's discussion export (classic and 'Discussion Name:' layouts)",
    reader=loads,
    writer=dumps,
    sniff=looks_like_kialo,
    priority=5,
))
