"""Checks of a map's shape: unsupported claims, unanswered objections, circles, duplicates.

Each check is a function over a map that yields ``(node ids, message)`` pairs; the table in
:mod:`argmap.analysis.checks` gives each its stable code and severity.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

import networkx as nx

from argmap.analysis.checks.finding import quote

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = [
    "Hit",
    "normalise_text",
    "unsupported",
    "unanswered_objection",
    "circular_support",
    "premise_is_conclusion",
    "duplicate_claim",
    "isolated_claim",
]

Hit = tuple[tuple[str, ...], str]


def _kind(m: ArgumentMap, node: str) -> str | None:
    return m.graph.nodes[node].get("kind")  # type: ignore[no-any-return]


def _premises(m: ArgumentMap, step: str) -> list[str]:
    return [p for p in m.graph.predecessors(step) if _kind(m, p) == "claim"]


def _attacks_on(m: ArgumentMap, node: str) -> list[str]:
    return [i for i in m.graph.predecessors(node)
            if _kind(m, i) == "inference" and m.graph.nodes[i].get("polarity") == "attack"]


def normalise_text(text: str) -> str:
    """A claim's text reduced for comparison: case, accents' forms, punctuation and spacing.

    >>> normalise_text("  Uniforms  reduce BULLYING! ") == normalise_text("uniforms reduce bullying")
    True
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.findall(r"\w+", folded))


def unsupported(m: ArgumentMap) -> Iterator[Hit]:
    """Claims with neither a reason (a supporting step) nor a source.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> t = m.claim("Tea is good.", id="t")
    >>> _ = m.support(t, m.claim("Tea has flavour.", id="f"))
    >>> [nodes for nodes, _ in unsupported(m)]
    [('f',)]
    """
    for c in m.claims:
        if c.sources or any(i.polarity == "support" for i in c.incoming):
            continue
        what = "unstated premise" if c.implicit else "claim"
        yield (c.id,), (
            f"{what} {c.id!r} {quote(m, c.id)} has neither a reason nor a source: "
            "support it with a reason, or cite where it comes from (a source), "
            "so a reader knows why to accept it"
        )


def unanswered_objection(m: ArgumentMap) -> Iterator[Hit]:
    """Objections and undercuts that nothing attacks, neither the step nor any of its premises.

    Rebuttals are answers themselves and are not listed.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> t = m.claim("T", id="t")
    >>> o = m.attack(t, m.claim("O", id="p"), id="o")
    >>> [nodes for nodes, _ in unanswered_objection(m)]
    [('o', 'p')]
    >>> _ = m.attack(o.premise, "R")
    >>> list(unanswered_objection(m))
    []
    """
    for i in m.inferences:
        if i.polarity != "attack" or i.role not in ("objection", "undercut"):
            continue
        premises = _premises(m, i.id)
        if _attacks_on(m, i.id) or any(_attacks_on(m, p) for p in premises):
            continue
        word = "undercut" if i.role == "undercut" else "objection"
        yield (i.id, *premises), (
            f"{word} {i.id!r} {quote(m, i.id)} has no answer yet: rebut it (attack its premise), "
            "undercut it (show the step does not follow), or concede it"
        )


def _support_graph(m: ArgumentMap) -> nx.DiGraph:
    """Claim -> claim edges, one for each premise of a supporting step aimed at a claim."""
    g = nx.DiGraph()
    for i in m.inferences:
        if i.polarity != "support":
            continue
        targets = [t for t in m.graph.successors(i.id) if _kind(m, t) == "claim"]
        for t in targets:
            for p in _premises(m, i.id):
                if p != t:  # a step supporting its own premise is premise-is-conclusion
                    g.add_edge(p, t)
    return g


def circular_support(m: ArgumentMap) -> Iterator[Hit]:
    """Claims that, through a chain of reasons, end up supporting themselves.

    One finding per strongly connected group of the support graph, showing one circle in it.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> a, b = m.claim("A", id="a"), m.claim("B", id="b")
    >>> _ = m.support(a, b); _ = m.support(b, a)
    >>> [nodes for nodes, _ in circular_support(m)]
    [('a', 'b')]
    """
    g = _support_graph(m)
    order = {n: k for k, n in enumerate(m.graph.nodes)}
    groups = [sorted(c, key=order.__getitem__) for c in nx.strongly_connected_components(g) if len(c) > 1]
    for group in sorted(groups, key=lambda c: order[c[0]]):
        start = group[0]
        edges = nx.find_cycle(g.subgraph(group), source=start)
        circle = [u for u, _ in edges]
        # Rotate so the circle starts at the earliest claim: same map, same message.
        k = circle.index(start) if start in circle else 0
        circle = circle[k:] + circle[:k]
        path = " -> ".join(f"{n!r}" for n in [*circle, circle[0]])
        yield tuple(circle), (
            f"circular support: {path}: each claim rests, in the end, on itself, so the circle "
            "establishes none of them; give one of them a reason from outside the circle"
        )


def premise_is_conclusion(m: ArgumentMap) -> Iterator[Hit]:
    """Steps whose conclusion is also one of their own premises.

    A different claim with the conclusion's text used as a premise is left to ``duplicate-claim``
    (a warning): Argdown reconstructions legitimately repeat a statement's text as an argument's
    conclusion.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> t = m.claim("Tea is good.", id="t")
    >>> _ = m.support(t, [t, m.claim("Tea is hot.", id="h")], id="s")
    >>> [nodes for nodes, _ in premise_is_conclusion(m)]
    [('s', 't')]
    """
    for i in m.inferences:
        premises = _premises(m, i.id)
        for t in m.graph.successors(i.id):
            if _kind(m, t) == "claim" and t in premises:
                yield (i.id, t), (
                    f"step {i.id!r} uses claim {t!r} {quote(m, t)} as both premise and conclusion: "
                    "a claim cannot be its own reason; remove it from the premises"
                )


def duplicate_claim(m: ArgumentMap) -> Iterator[Hit]:
    """Claims with the same text after normalising; one finding for each later copy.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> _ = m.claim("Tea is good.", id="a"); _ = m.claim("tea is GOOD", id="b")
    >>> [nodes for nodes, _ in duplicate_claim(m)]
    [('b', 'a')]
    """
    first: dict[str, str] = {}
    for c in m.claims:
        key = normalise_text(c.text)
        if not key:
            continue
        if key not in first:
            first[key] = c.id
            continue
        original = first[key]
        line = m.graph.nodes[original].get("line")
        where = f" (line {line})" if line is not None else ""
        yield (c.id, original), (
            f"claim {c.id!r} {quote(m, c.id)} says the same as claim {original!r}{where}: keep one "
            "claim and reuse it wherever it is needed, so the map shows one statement once"
        )


def isolated_claim(m: ArgumentMap) -> Iterator[Hit]:
    """Claims connected to nothing, in a map with more than one claim.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> t = m.claim("T", id="t"); _ = m.support(t, "R"); _ = m.claim("Stray", id="s")
    >>> [nodes for nodes, _ in isolated_claim(m)]
    [('s',)]
    """
    claims = m.claims
    if len(claims) < 2:
        return
    for c in claims:
        if m.graph.degree(c.id) == 0:
            yield (c.id,), (
                f"claim {c.id!r} {quote(m, c.id)} is connected to nothing: link it as a reason or "
                "objection to the claim it bears on, or remove it"
            )
