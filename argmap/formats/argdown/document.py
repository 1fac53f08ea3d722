"""Argdown's own model of a document: statement classes, arguments, relations, sections.

The parser fills a :class:`Document`; the builder turns it into an argmap map. Keeping this
middle stage lets :func:`statistics` count what Argdown 2.0 counts (equivalence classes,
arguments, explicit relations by type, sections), so the corpus tests compare like with like.

>>> from argmap.formats.argdown.parser import parse
>>> doc = parse("[A]: a\\n  + [B]: b\\n  - <C>: c\\n")
>>> statistics(doc)["relations_by_type"]
{'attack': 1, 'support': 1}
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

__all__ = [
    "Member",
    "StatementClass",
    "PcsStatement",
    "PcsInference",
    "Argument",
    "Relation",
    "Section",
    "Document",
    "settle_relations",
    "statistics",
    "RELATION_TYPES",
]

#: Every relation type Argdown 2.0 knows; ``entails`` and ``contrary`` only arise in strict mode.
RELATION_TYPES: tuple[str, ...] = ("support", "attack", "undercut", "contradictory", "entails", "contrary")


@dataclass(slots=True)
class Member:
    """One occurrence of a statement or argument: a definition (with text) or a reference."""

    text: str | None
    line: int
    role: str  # top-level, relation, list, premise, conclusion
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    section: str | None = None
    raw: str | None = None  # the text as written, when it differs from ``text``


@dataclass
class StatementClass:
    """A statement equivalence class: every statement sharing one title."""

    title: str
    titled: bool
    members: list[Member] = field(default_factory=list)

    @property
    def definitions(self) -> list[Member]:
        """The members that carry text."""
        return [m for m in self.members if m.text]


@dataclass
class PcsStatement:
    """A numbered line of a premise-conclusion structure, naming a statement class."""

    number: int
    title: str
    line: int
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class PcsInference:
    """An inference line (``----`` or ``-- rules {data} --``) of a premise-conclusion structure."""

    rules: list[str]
    data: dict[str, Any]
    line: int


@dataclass
class Argument:
    """An argument: its descriptions and, if reconstructed, its premise-conclusion structure."""

    title: str
    titled: bool
    members: list[Member] = field(default_factory=list)
    pcs: list[PcsStatement | PcsInference] = field(default_factory=list)
    pcs_line: int | None = None

    @property
    def definitions(self) -> list[Member]:
        """The members that carry a description."""
        return [m for m in self.members if m.text]

    def steps(self) -> list[tuple[list[str], PcsInference, str]]:
        """Each inferential step: (premise keys, inference, conclusion key).

        A step's premises are the statements since the previous inference line (so an
        intermediary conclusion feeds the next step), unless the inference's or conclusion's
        data says ``uses: [numbers]``.

        >>> from argmap.formats.argdown.parser import parse
        >>> arg = parse("<A>\\n\\n(1) a\\n(2) b\\n----\\n(3) c\\n(4) d\\n-- {uses: [1, 4]} --\\n(5) e").arguments["A"]
        >>> [(len(p), c.replace("\\x00", "")) for p, _, c in arg.steps()]
        [(2, 'Untitled 3'), (2, 'Untitled 5')]
        """
        out: list[tuple[list[str], PcsInference, str]] = []
        by_number: dict[int, str] = {}
        pending: list[str] = []
        inference: PcsInference | None = None
        for item in self.pcs:
            if isinstance(item, PcsInference):
                inference = item
                continue
            by_number.setdefault(item.number, item.title)
            if inference is None:
                pending.append(item.title)
                continue
            uses = inference.data.get("uses", item.data.get("uses"))
            premises = pending
            if isinstance(uses, list) and uses:
                premises = [by_number[u] for u in uses if isinstance(u, int) and u in by_number]
            out.append((list(dict.fromkeys(p for p in premises if p != item.title)), inference, item.title))
            pending = [item.title]
            inference = None
        return out


@dataclass(slots=True)
class Relation:
    """An explicit relation between two nodes, each ``(kind, key)``.

    ``kind`` is ``statement``, ``argument`` or ``inference`` (an inference line of an argument's
    premise-conclusion structure; its key is the argument's key, ``\x01`` and the step index).
    As in Argdown, a relation written on a reconstructed argument starts at its main conclusion.
    """

    type: str
    source: tuple[str, str]
    target: tuple[str, str]
    line: int
    symbol: str = ""
    #: The argument the relation was written on, when Argdown moved it to its conclusion.
    argument: str | None = None
    #: Where the relation's symbol (``+``, ``->``, ...) was written on its line.
    column: int | None = None

    @property
    def key(self) -> tuple[str, tuple[str, str], tuple[str, str]]:
        """What makes two relations the same (Argdown counts a relation written twice once)."""
        return (self.type, self.source, self.target)


@dataclass
class Section:
    """A heading: its title, level (number of ``#``), parent section and data."""

    title: str
    level: int
    line: int
    parent: int | None
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class Document:
    """A parsed Argdown document, in Argdown's own terms."""

    statements: dict[str, StatementClass] = field(default_factory=dict)
    arguments: dict[str, Argument] = field(default_factory=dict)
    relations: dict[tuple[str, tuple[str, str], tuple[str, str]], Relation] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    frontmatter: dict[str, Any] = field(default_factory=dict)
    strict: bool = False
    path: str | None = None

    def relate(self, relation: Relation) -> None:
        """Record a relation as written; one declared again (a contradiction either way) is one.

        >>> doc = Document()
        >>> a, b = ("statement", "A"), ("statement", "B")
        >>> doc.relate(Relation("contradictory", a, b, 1))
        >>> doc.relate(Relation("contradictory", b, a, 4))
        >>> len(doc.relations)
        1
        """
        key = relation.key
        if key in self.relations:
            return
        if relation.type == "contradictory" and ("contradictory", relation.target, relation.source) in self.relations:
            return
        self.relations[key] = relation

    def premises_of(self, argument: str) -> set[str]:
        """The titles of an argument's premises: its numbered statements that no inference line
        concludes (intermediary and main conclusions excluded).

        >>> from argmap.formats.argdown.parser import parse
        >>> sorted(parse("<A>\\n\\n(1) [P]: p\\n----\\n(2) [C]: c\\n(3) [Q]: q\\n----\\n(4) [D]: d").premises_of("A"))
        ['P', 'Q']
        """
        arg = self.arguments.get(argument)
        if arg is None:
            return set()
        found: set[str] = set()
        after_inference = False
        for item in arg.pcs:
            if isinstance(item, PcsInference):
                after_inference = True
                continue
            if not after_inference:
                found.add(item.title)
            after_inference = False
        return found


def settle_relations(doc: Document) -> None:
    """Apply Argdown's model rules to the relations as written, in the order Argdown 2.0 does.

    1. A relation written on a reconstructed argument starts at its main conclusion, and an
       undercut of one aims at its last inference step; a relation that then says what another
       already says is the same relation.
    2. In strict mode (``model: mode: strict``), statement-to-statement relations say what
       follows logically: support becomes ``entails`` and attack ``contrary``, which is
       symmetric (``[A] - [B]`` and ``[B] - [A]`` are one contrary).
    3. A statement's attack on a reconstructed argument is dropped when the statement already
       attacks, contradicts or is contrary to one of that argument's premises (it says no more).

    >>> from argmap.formats.argdown.parser import parse
    >>> doc = parse("===\\nmodel:\\n  mode: strict\\n===\\n\\n[A]: a\\n  - [B]: b\\n\\n[B]\\n  - [A]\\n")
    >>> [(r.type, r.source[1], r.target[1]) for r in doc.relations.values()]
    [('contrary', 'B', 'A')]
    """
    relations = list(doc.relations.values())
    arguments = doc.arguments

    def reconstructed(node: tuple[str, str]) -> bool:
        return node[0] == "argument" and bool(arguments[node[1]].pcs)

    if any(reconstructed(r.source) or (r.type == "undercut" and reconstructed(r.target)) for r in relations):
        relations = _move_to_conclusions(doc, relations)
    if doc.strict:
        relations = _retype_strictly(relations)
    if any(r.type == "attack" and r.source[0] == "statement" and reconstructed(r.target) for r in relations):
        relations = _drop_implied_attacks(doc, relations)
    doc.relations = {r.key: r for r in relations}


def _move_to_conclusions(doc: Document, relations: list[Relation]) -> list[Relation]:
    written = {r.key for r in relations}
    kept: dict[tuple[str, tuple[str, str], tuple[str, str]], Relation] = {}
    for rel in relations:
        source, target = rel.source, rel.target
        moved = False
        if source[0] == "argument" and doc.arguments[source[1]].pcs:
            last = doc.arguments[source[1]].pcs[-1]
            assert isinstance(last, PcsStatement)
            source, moved = ("statement", last.title), True
            if source == target:  # the argument supports its own conclusion: nothing to add
                continue
        if rel.type == "undercut" and target[0] == "argument" and doc.arguments[target[1]].pcs:
            steps = sum(1 for item in doc.arguments[target[1]].pcs if isinstance(item, PcsInference))
            target, moved = ("inference", f"{target[1]}\x01{steps - 1}"), True
        if moved:
            argument = rel.source[1] if source != rel.source else rel.argument
            rel = Relation(rel.type, source, target, rel.line, rel.symbol, argument, rel.column)
            if rel.key in written:  # said directly too: that relation stands for both
                continue
        kept.setdefault(rel.key, rel)
    return list(kept.values())


def _retype_strictly(relations: list[Relation]) -> list[Relation]:
    out: list[Relation] = []
    contraries: set[frozenset[tuple[str, str]]] = set()
    for rel in relations:
        if rel.source[0] == rel.target[0] == "statement":
            if rel.type == "support":
                rel = replace(rel, type="entails")
            elif rel.type == "attack":
                pair = frozenset((rel.source, rel.target))
                if pair in contraries:
                    continue
                contraries.add(pair)
                rel = replace(rel, type="contrary")
        out.append(rel)
    return out


def _drop_implied_attacks(doc: Document, relations: list[Relation]) -> list[Relation]:
    against: dict[str, set[str]] = {}  # statement -> the statements it attacks or excludes
    for rel in relations:
        if rel.source[0] == rel.target[0] == "statement":
            if rel.type == "attack":
                against.setdefault(rel.source[1], set()).add(rel.target[1])
            elif rel.type in ("contrary", "contradictory"):
                against.setdefault(rel.source[1], set()).add(rel.target[1])
                against.setdefault(rel.target[1], set()).add(rel.source[1])
    out: list[Relation] = []
    for rel in relations:
        if (rel.type == "attack" and rel.source[0] == "statement" and rel.target[0] == "argument"
                and against.get(rel.source[1], set()) & doc.premises_of(rel.target[1])):
            continue
        out.append(rel)
    return out


def statistics(doc: Document) -> dict[str, Any]:
    """Argdown-style counts of a document, named as in the corpus's ``EXPECTED.tsv``.

    ``statements_equivalence_classes``: statement classes; ``statements_titled``: those with a
    title the author gave; ``statement_members``: every statement occurrence (definitions and
    references, mentions excluded); ``arguments``; ``arguments_with_pcs``: arguments with a
    premise-conclusion structure; ``relations``: explicit relations, counted once however often
    they are declared; ``relations_by_type``; ``sections``: headings.

    >>> from argmap.formats.argdown.parser import parse
    >>> stats = statistics(parse("# S\\n\\n[A]: a\\n\\n[A]\\n  + text"))
    >>> stats["statements_equivalence_classes"], stats["statement_members"], stats["sections"]
    (2, 3, 1)
    """
    by_type = Counter(key[0] for key in doc.relations)
    members = sum(len(s.members) for s in doc.statements.values())
    arguments = len(doc.arguments)
    with_pcs = sum(1 for a in doc.arguments.values() if a.pcs)
    model = doc.frontmatter.get("model")
    if isinstance(model, dict) and model.get("explodeArguments"):
        # Argdown then makes one argument per inferential step, each with its own premises
        for arg in doc.arguments.values():
            steps = arg.steps()
            if len(steps) < 2:
                continue
            arguments += len(steps) - 1
            with_pcs += len(steps) - 1
            lines = {item.title for item in arg.pcs if isinstance(item, PcsStatement)}
            used = {t for premises, _, conclusion in steps for t in (*premises, conclusion)}
            members += sum(len(p) + 1 for p, _, _ in steps) + len(lines - used)
            members -= sum(1 for item in arg.pcs if isinstance(item, PcsStatement))
    return {
        "statements_equivalence_classes": len(doc.statements),
        "statements_titled": sum(1 for s in doc.statements.values() if s.titled),
        "statement_members": members,
        "arguments": arguments,
        "arguments_with_pcs": with_pcs,
        "relations": len(doc.relations),
        "relations_by_type": dict(sorted(by_type.items())),
        "sections": _regroup_count(doc.frontmatter) if _regroup(doc.frontmatter) else len(doc.sections),
    }


def _regroup(frontmatter: dict[str, Any]) -> list[Any] | None:
    """The ``group: regroup:`` tree of the front matter (it replaces the headings), or None."""
    group = frontmatter.get("group")
    regroup = group.get("regroup") if isinstance(group, dict) else None
    return regroup if isinstance(regroup, list) and regroup else None


def _regroup_count(frontmatter: dict[str, Any]) -> int:
    stack = list(_regroup(frontmatter) or [])
    count = 0
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            count += 1
            children = node.get("children")
            if isinstance(children, list):
                stack.extend(children)
    return count
