"""Parse Argdown text into a :class:`~argmap.formats.argdown.document.Document`.

Argdown is read line by line. A document is a series of paragraphs separated by empty lines:
headings, statements ``[T]: text``, arguments ``<A>: text`` (each with an indented tree of
relations), premise-conclusion structures ``(1) ... ---- ... (3)`` and lists. As in Argdown 2.0,
a new paragraph needs an empty line before it, and a paragraph may not start with a relation.

>>> doc = parse("<A>\\n\\n(1) [P]: p\\n(2) q\\n----\\n(3) c\\n  -> [P]")
>>> [type(i).__name__ for i in doc.arguments["A"].pcs]
['PcsStatement', 'PcsStatement', 'PcsInference', 'PcsStatement']
>>> [(r.type, r.source[1], r.target[1]) for r in doc.relations.values()]
[('attack', '\\x00Untitled 2', 'P')]
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from argmap.errors import ParseError
from argmap.formats.argdown.document import (
    Argument,
    Document,
    Member,
    PcsInference,
    PcsStatement,
    Relation,
    Section,
    StatementClass,
    settle_relations,
)
from argmap.formats.argdown.inline import split_inline, unescape
from argmap.formats.argdown.source import Line, read_lines

__all__ = ["parse", "UNTITLED"]

#: Prefix of the keys of untitled statements and arguments (cannot occur in a real title).
UNTITLED = "\x00Untitled "

# What a line starts with (after its indentation).
#: A premise-conclusion structure numbers its statements 1, 2, 3...: no real one needs more digits.
_MAX_NUMBER_DIGITS = 9
_START = re.compile(
    r"(?P<inf>--)"
    r"|(?P<rel><\+|<-|<_|\+>|->|_>|><|\+|-|_)(?=[ \t]|$)"
    r"|\((?P<num>\d+)\)"
    r"|(?P<head>#+)(?:[ \t]|$)"
    r"|(?P<ul>\*)[ \t]"
    r"|(?P<ol>\d+)\.[ \t]"
)
_TITLE = r"((?:[^\]\\\n]|\\.)+)"
_ATITLE = r"((?:[^>\\\n]|\\.)+)"
_SDEF = re.compile(r"\[" + _TITLE + r"\]:[ \t]*")
_SREF = re.compile(r"\[" + _TITLE + r"\](?!\()[ \t]*")
_ADEF = re.compile(r"<" + _ATITLE + r">:[ \t]*")
_AREF = re.compile(r"<" + _ATITLE + r">[ \t]*")

# symbol -> (base relation, outgoing: the parent is the source)
_SYMBOLS: dict[str, tuple[str, bool]] = {
    "+": ("support", False), "<+": ("support", False),
    "-": ("attack", False), "<-": ("attack", False),
    "_": ("undercut", False), "<_": ("undercut", False),
    "+>": ("support", True), "->": ("attack", True), "_>": ("undercut", True),
    "><": ("contradictory", True),
}

Node = tuple[str, str]  # ("statement" | "argument" | "inference", key)
_PCS_STOPS = frozenset({"num", "inf"})
_LIST_STOPS = frozenset({"ul", "ol"})


def _kind(line: Line) -> str | None:
    """The token a line starts with: inf, rel, num, head, ul, ol; None for plain content."""
    m = _START.match(line.text)
    return m.lastgroup if m else None


def _starts_element(text: str) -> bool:
    """True when the text starts with a statement or argument title (not a link)."""
    first = text[0]
    if first == "[":
        return _SREF.match(text) is not None or _SDEF.match(text) is not None
    if first == "<":
        return _AREF.match(text) is not None
    return False


class _Parser:
    def __init__(self, lines: list[Line], doc: Document) -> None:
        self.lines = lines
        self.n = len(lines)
        self.doc = doc
        self.untitled = 0
        self.section: str | None = None
        self.section_stack: list[tuple[int, int]] = []  # (level, index into doc.sections)

    # -- registering ---------------------------------------------------------------------
    def _key(self, title: str | None) -> tuple[str, bool]:
        if title is None:
            self.untitled += 1
            return f"{UNTITLED}{self.untitled}", False
        return title, True

    def statement(self, title: str | None, member: Member) -> str:
        key, titled = self._key(title)
        cls = self.doc.statements.get(key)
        if cls is None:
            cls = self.doc.statements[key] = StatementClass(key, titled)
        cls.members.append(member)
        return key

    def argument(self, title: str | None, member: Member | None) -> str:
        key, titled = self._key(title)
        arg = self.doc.arguments.get(key)
        if arg is None:
            arg = self.doc.arguments[key] = Argument(key, titled)
        if member is not None:
            arg.members.append(member)
        return key

    def relate(self, symbol: str, parent: Node, child: Node, line: Line) -> None:
        base, outgoing = _SYMBOLS[symbol]
        source, target = (parent, child) if outgoing else (child, parent)
        self.doc.relate(Relation(base, source, target, line.number, symbol, column=line.indent + 1))

    # -- reading text --------------------------------------------------------------------
    def continuation(self, i: int, first: str, stops: frozenset[str]) -> tuple[str, int]:
        """The element text starting with ``first`` plus its continuation lines; next index.

        Lines starting with a relation or a token in ``stops`` end the text; a new paragraph's
        start (heading, title, list item, ...) without an empty line before it is an error. A
        ``{`` ending a line opens block data, read verbatim up to its closing ``}`` line.
        """
        parts = [first]
        lines = self.lines
        n = self.n
        while True:
            if parts[-1].endswith("{") and not parts[-1].endswith("\\{"):
                i = self.block_data(i, parts)
                continue
            if i >= n:
                break
            line = lines[i]
            if not line.text:
                break
            kind = _kind(line)
            if kind == "rel" or kind in stops:
                break
            if kind is not None or _starts_element(line.text):
                raise line.error("a new statement, argument, heading or list starts here without an "
                                 "empty line before it; separate paragraphs with an empty line")
            parts.append(line.text)
            i += 1
        return ("\n".join(parts) if len(parts) > 1 else first), i

    def block_data(self, i: int, parts: list[str]) -> int:
        """Append the lines of block data (``{`` at a line's end) up to the ``}`` line."""
        lines = self.lines
        start = i - 1
        while i < self.n:
            line = lines[i]
            parts.append(" " * line.indent + line.text)
            i += 1
            if line.text.startswith("}"):
                return i
        where = lines[start] if start < self.n else lines[-1]
        raise where.error("the block data opened with `{` at the end of this line is never closed "
                          "by a `}` line")

    def element(
        self, i: int, content: str, column: int, role: str, stops: frozenset[str] = frozenset(),
        *, in_pcs: bool = False,
    ) -> tuple[Node, int]:
        """Read one statement or argument (definition, reference or plain text) at line ``i``."""
        line = self.lines[i]
        path = line.path
        m = _SDEF.match(content) if content[:1] == "[" else None
        if m is not None:
            raw, j = self.continuation(i + 1, content[m.end():], stops)
            text, tags, data = split_inline(raw, path=path, line=line.number, column=column + m.end())
            member = Member(text or None, line.number, role, tags, data, self.section)
            return ("statement", self.statement(unescape(m.group(1)).strip(), member)), j
        m = _SREF.match(content) if content[:1] == "[" else None
        if m is not None:
            tags, data, j = self.tail(i, content, m.end(), column, f"[{m.group(1)}]")
            member = Member(None, line.number, role, tags, data, self.section)
            return ("statement", self.statement(unescape(m.group(1)).strip(), member)), j
        if content[:1] == "<":
            m = _ADEF.match(content) or _AREF.match(content)
            if m is not None:
                if in_pcs:
                    raise line.error(
                        "an argument (<Title>) cannot be a premise or conclusion in a "
                        "premise-conclusion structure; use a statement ([Title] or [Title]: text)", column)
                title = unescape(m.group(1)).strip()
                if m.group(0).rstrip().endswith(":"):
                    raw, j = self.continuation(i + 1, content[m.end():], stops)
                    text, tags, data = split_inline(raw, path=path, line=line.number, column=column + m.end())
                    member = Member(text or None, line.number, role, tags, data, self.section)
                else:
                    tags, data, j = self.tail(i, content, m.end(), column, f"<{m.group(1)}>")
                    member = Member(None, line.number, role, tags, data, self.section)
                return ("argument", self.argument(title, member)), j
        raw, j = self.continuation(i + 1, content, stops)
        text, tags, data = split_inline(raw, path=path, line=line.number, column=column)
        if not text:
            raise line.error("a statement needs some text", column)
        member = Member(text, line.number, role, tags, data, self.section)
        return ("statement", self.statement(None, member)), j

    def tail(
        self, i: int, content: str, end: int, column: int, ref: str
    ) -> tuple[list[str], dict[str, Any], int]:
        """Tags and data after a reference (and the next index); other text there is an error."""
        rest = content[end:]
        if not rest:
            return [], {}, i + 1
        line = self.lines[i]
        j = i + 1
        if rest.endswith("{"):
            parts = [rest]
            j = self.block_data(j, parts)
            rest = "\n".join(parts)
        text, tags, data = split_inline(rest, path=line.path, line=line.number, column=column + end,
                                        tag_only_text=False)
        if text:
            raise line.error(f"unexpected text after the reference {ref}; to give it text, define it: "
                             f"{ref}: text", column + end)
        return tags, data, j

    # -- relation trees ------------------------------------------------------------------
    def relations(self, i: int, parent: Node, base: int, stops: frozenset[str] = frozenset()) -> int:
        """Read the indented relation tree under ``parent`` (whose line has indent ``base``).

        A line starting with a token in ``stops`` (the next list item or numbered statement)
        ends the tree. As in Argdown, a line dedented to between two levels counts as a sibling
        of the shallower one.
        """
        stack: list[tuple[int, Node]] = [(base, parent)]
        lines = self.lines
        while i < self.n:
            line = lines[i]
            if not line.text:
                break
            m = _START.match(line.text)
            if m is None or m.lastgroup != "rel":
                if m is not None and m.lastgroup in stops:
                    break
                if m is not None or _starts_element(line.text):
                    raise line.error("a new paragraph starts here without an empty line before it; "
                                     "separate paragraphs with an empty line")
                if parent[0] == "inference":
                    raise line.error("an inference line must be followed by its conclusion `(n) ...`")
                raise line.error("text after a reference: a reference ([Title] or <Title>) cannot "
                                 "continue on the next line; leave an empty line before new text")
            indent = line.indent
            if indent <= base:
                raise line.error("a relation must be indented under the statement or argument it "
                                 "belongs to")
            popped = False
            while stack[-1][0] > indent:
                stack.pop()
                popped = True
            level = indent
            if popped or stack[-1][0] == indent:
                if len(stack) == 1:
                    raise line.error("this relation's indentation matches no relation above it; indent "
                                     "it like its siblings")
                level = stack.pop()[0]
            symbol = m.group("rel")
            after = line.text[m.end():]
            content = after.lstrip(" \t")
            column = line.indent + 1 + m.end() + len(after) - len(content)
            if not content:
                raise line.error(f"the relation `{symbol}` needs a statement or argument after it", column)
            child, i = self.element(i, content, column, "relation", stops)
            self.relate(symbol, stack[-1][1], child, line)
            stack.append((level, child))
        return i

    # -- paragraphs ----------------------------------------------------------------------
    def heading(self, i: int, level: int, content: str) -> int:
        line = self.lines[i]
        raw, j = self.continuation(i + 1, content, frozenset())
        text, tags, data = split_inline(raw, path=line.path, line=line.number, column=line.indent + level + 2)
        if not text:
            raise line.error("a heading needs a title")
        while self.section_stack and self.section_stack[-1][0] >= level:
            self.section_stack.pop()
        parent = self.section_stack[-1][1] if self.section_stack else None
        self.doc.sections.append(Section(text, level, line.number, parent, tags, data))
        self.section_stack.append((level, len(self.doc.sections) - 1))
        self.section = text
        return j

    def pcs(self, i: int, argument: str | None) -> int:
        """Read a premise-conclusion structure; it belongs to ``argument`` or a new untitled one."""
        first = self.lines[i]
        title = argument if argument is not None else self.argument(None, None)
        items: list[PcsStatement | PcsInference] = []
        lines = self.lines
        while i < self.n:
            line = lines[i]
            if not line.text:
                break
            m = _START.match(line.text)
            kind = m.lastgroup if m else None
            if kind == "num":
                assert m is not None
                after = line.text[m.end():]
                content = after.lstrip(" \t")
                column = line.indent + 1 + m.end() + len(after) - len(content)
                if not content:
                    raise line.error(f"statement ({m.group('num')}) needs text or a [title]", column)
                if len(m.group("num")) > _MAX_NUMBER_DIGITS:  # int() refuses past 4,300 digits anyway
                    raise line.error(f"a statement number of {len(m.group('num')):,} digits; number the "
                                     "statements of an argument 1, 2, 3, ...", line.indent + 1)
                role = "premise" if not items or isinstance(items[-1], PcsStatement) else "conclusion"
                node, i = self.element(i, content, column, role, _PCS_STOPS, in_pcs=True)
                data = self.doc.statements[node[1]].members[-1].data
                items.append(PcsStatement(int(m.group("num")), node[1], line.number, data))
                i = self.relations(i, node, line.indent, _PCS_STOPS)
            elif kind == "inf":
                if not items:
                    raise line.error("an inference line `--` must follow numbered premises")
                if isinstance(items[-1], PcsInference):
                    raise line.error("two inference lines in a row; put the conclusion `(n) ...` between them")
                inference, i = self.inference(i)
                items.append(inference)
                step = sum(1 for item in items if isinstance(item, PcsInference))
                i = self.relations(i, ("inference", f"{title}\x01{step - 1}"), line.indent, _PCS_STOPS)
            else:
                expected = "a numbered statement `(n) ...`"
                if items and isinstance(items[-1], PcsStatement):
                    expected += " or an inference line `----`"
                raise line.error(f"expected {expected} in this premise-conclusion structure "
                                 "(end it with an empty line)")
        if not any(isinstance(item, PcsInference) for item in items):
            raise first.error("a premise-conclusion structure needs an inference line `----` "
                              "between its premises and its conclusion")
        if isinstance(items[-1], PcsInference):
            raise lines[i - 1].error("an inference line must be followed by its conclusion `(n) ...`")
        arg = self.doc.arguments[title]
        if arg.pcs:
            raise first.error(f"the argument <{title}> already has a premise-conclusion structure "
                              f"(line {arg.pcs_line})")
        arg.pcs = items
        arg.pcs_line = first.number
        return i

    def inference(self, i: int) -> tuple[PcsInference, int]:
        """Read an inference line: ``----``, ``-- rules {data} --``, or the rules on a line of
        their own between a ``--`` line and a closing ``--`` line."""
        line = self.lines[i]
        text = line.text
        if not text.strip("- \t"):
            if len(text.rstrip()) > 2 or text.rstrip() != "--":
                return PcsInference([], {}, line.number), i + 1
            # "--" alone opens rules (and data) written on the lines up to a closing "--" line
            j = i + 1
            while j < self.n and self.lines[j].text and not self.lines[j].text.startswith("--"):
                j += 1
            if j > i + 1 and j < self.n and not self.lines[j].text.strip("- \t"):
                body_line = self.lines[i + 1]
                body = "\n".join(self.lines[k].text for k in range(i + 1, j))
                rules, data = self.rules(body, body_line, body_line.indent + 1)
                return PcsInference(rules, data, line.number), j + 1
            raise line.error("invalid inference: end it with two hyphens (--); write `----`, "
                             "`-- rules --`, or the rules alone on the lines between two `--` lines")
        body = text.rstrip()
        if not body.endswith("--"):
            raise line.error("invalid inference: end it with two hyphens (--), as in `-- rules --`")
        rules, data = self.rules(body[2:].rstrip("-"), line, line.indent + 3)
        return PcsInference(rules, data, line.number), i + 1

    def rules(self, body: str, line: Line, column: int) -> tuple[list[str], dict[str, Any]]:
        """The inference rules (comma-separated) and data of an inference line."""
        rules_text, _tags, data = split_inline(body, path=line.path, line=line.number, column=column)
        return [r.strip() for r in rules_text.split(",") if r.strip()], data

    def listing(self, i: int) -> int:
        lines = self.lines
        indent = lines[i].indent
        while i < self.n:
            line = lines[i]
            if not line.text:
                break
            m = _START.match(line.text)
            kind = m.lastgroup if m else None
            if kind not in ("ul", "ol"):
                raise line.error("a new paragraph starts here without an empty line before it")
            assert m is not None
            if line.indent != indent:
                raise line.error("nested lists are not supported by Argdown; keep list items at one "
                                 "indentation")
            content = line.text[m.end():].lstrip(" \t")
            column = line.indent + 1 + len(line.text) - len(content)
            if not content:
                raise line.error("a list item needs text", column)
            node, i = self.element(i, content, column, "list", _LIST_STOPS)
            i = self.relations(i, node, line.indent, _LIST_STOPS)
        return i

    def run(self) -> None:
        lines = self.lines
        i = 0
        argument_before: str | None = None  # an argument paragraph a following PCS belongs to
        while i < self.n:
            line = lines[i]
            if not line.text:
                i += 1
                continue
            m = _START.match(line.text)
            kind = m.lastgroup if m else None
            if kind is None:
                node, i = self.element(i, line.text, line.indent + 1, "top-level")
                i = self.relations(i, node, line.indent)
                argument_before = node[1] if node[0] == "argument" else None
                continue
            assert m is not None
            if kind == "num":
                i = self.pcs(i, argument_before)
            elif kind == "head":
                level = len(m.group("head"))
                i = self.heading(i, level, line.text[m.end():].strip(" \t"))
            elif kind in ("ul", "ol"):
                i = self.listing(i)
            elif kind == "rel":
                raise line.error(f"a paragraph cannot start with the relation `{m.group('rel')}`: "
                                 "relations belong under a statement or argument, with no empty line "
                                 "between them")
            else:
                raise line.error("an inference line `--` must follow numbered premises `(1) ...`")
            argument_before = None


def parse(
    text: str,
    path: str | None = None,
    *,
    root: str | Path | None = None,
) -> Document:
    """Parse Argdown text; ``path`` locates errors and resolves ``@include``.

    ``root`` is the folder includes must stay inside (default: the folder of ``path``).
    Raises :class:`~argmap.errors.ParseError` with file, line and column on bad input.
    """
    root_dir = Path(root).resolve() if root is not None else (
        Path(path).resolve().parent if path is not None else None)
    frontmatter, lines = read_lines(text, path, root=root_dir)
    model = frontmatter.get("model")
    mode = model.get("mode") if isinstance(model, dict) else None
    doc = Document(frontmatter=frontmatter, strict=mode == "strict", path=path)
    try:
        parser = _Parser(lines, doc)
        parser.run()
        settle_relations(doc)
    except RecursionError:  # pragma: no cover - the parser does not recurse per line
        raise ParseError("the document is nested too deeply", path=path) from None
    return doc
