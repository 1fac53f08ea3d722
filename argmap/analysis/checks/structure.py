"""Checks of a map's shape: unsupported claims, unanswered objections, circles, duplicates.

Each check is a function over a map that yields ``(node ids, message)`` pairs; the table in
:mod:`argmap.analysis.checks` gives each its stable code and severity.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from functools import partial
from itertools import filterfalse
from typing import TYPE_CHECKING

import networkx as nx

from argmap.analysis.checks.facts import facts_of
from argmap.analysis.checks.finding import Message, quote_text
from argmap.model import IMPLICIT_TAG

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

#: What a check yields: the ids of the nodes involved and the message (see :data:`Message`).
Hit = tuple[tuple[str, ...], Message]


def normalise_text(text: str) -> str:
    """A claim's text reduced for comparison: case, accents' forms, punctuation and spacing.

    >>> normalise_text("  Uniforms  reduce BULLYING! ") == normalise_text("uniforms reduce bullying")
    True
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_WORD.findall(folded))


_WORD = re.compile(r"\w+")
#: ``_WORD`` on ASCII text: letters, digits and the underscore kept, NUL too, the rest a space.
_WORD_ASCII = bytes(c if c == 0 or chr(c).isascii() and (chr(c).isalnum() or chr(c) == "_") else 32
                    for c in range(256))
_SPACES = re.compile(b"  +")


def _normalised_each(folded: list[str]) -> list[str]:
    """:func:`normalise_text` of texts already folded; the ASCII ones all at once.

    >>> _normalised_each([" tea, (hot) tea! ", "café  au lait", "", "a_b 1"])
    ['tea hot tea', 'café au lait', '', 'a_b 1']
    """
    out = [" ".join(_WORD.findall(t)) if not t.isascii() or "\0" in t else None for t in folded]
    ascii_at = [k for k, t in enumerate(out) if t is None]
    if ascii_at:
        joined = "\0".join([folded[k] for k in ascii_at]).encode("ascii").translate(_WORD_ASCII)
        parts = _SPACES.sub(b" ", joined).split(b"\0")
        for k, part in zip(ascii_at, map(bytes.decode, map(bytes.strip, parts)), strict=True):
            out[k] = part
    return out  # type: ignore[return-value]


def unsupported(m: ArgumentMap) -> Iterator[Hit]:
    """Claims with neither a reason (a supporting step) nor a source.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> t = m.claim("Tea is good.", id="t")
    >>> _ = m.support(t, m.claim("Tea has flavour.", id="f"))
    >>> [nodes for nodes, _ in unsupported(m)]
    [('f',)]
    """
    f = facts_of(m)
    supported, nodes = f.supported, f.nodes
    for c in f.claims:
        if c in supported:
            continue
        attrs = nodes[c]
        if attrs.get("sources"):
            continue
        implicit = IMPLICIT_TAG in attrs.get("tags", ())
        text = attrs.get("text")
        # Most claims of a big map land here: their messages are written when read.
        shown = text if isinstance(text, str) else None
        yield (c,), partial(_unsupported_message, implicit, c, shown, None if shown is not None else f.quote(c))


def _unsupported_message(implicit: bool, claim: str, text: str | None, quoted: str | None) -> str:
    what = "unstated premise" if implicit else "claim"
    return (
        f"{what} {claim!r} {quoted or quote_text(text or '')} has neither a reason nor a source: "
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
    f = facts_of(m)
    attacked, premises_of = f.attacked, f.premises
    for i in filterfalse(attacked.__contains__, f.attack_steps):
        role = f.role(i)
        if role not in ("objection", "undercut"):
            continue
        premises = premises_of[i]
        if any(p in attacked for p in premises):
            continue
        word = "undercut" if role == "undercut" else "objection"
        yield (i, *premises), (
            f"{word} {i!r} {f.quote(i)} has no answer yet: rebut it (attack its premise), "
            "undercut it (show the step does not follow), or concede it"
        )


def _support_edges(m: ArgumentMap) -> list[tuple[str, str]]:
    """Claim -> claim edges, one for each premise of a supporting step aimed at a claim."""
    f = facts_of(m)
    kind, polarity, succ, premises = f.kind, f.polarity, f.succ, f.premises
    edges = []
    for i in f.steps:
        if polarity[i] != "support":
            continue
        for t in succ[i]:
            if kind[t] != "claim":
                continue
            for p in premises[i]:
                if p != t:  # a step supporting its own premise is premise-is-conclusion
                    edges.append((p, t))
    return edges


def _on_or_after_cycles(edges: list[tuple[str, str]]) -> set[str]:
    """The nodes Kahn's peeling cannot remove: those on a cycle or downstream of one (linear time)."""
    succ: dict[str, list[str]] = {}
    for u, v in edges:
        if u in succ:
            succ[u].append(v)
        else:
            succ[u] = [v]
    indegree = dict.fromkeys(succ, 0)
    indegree.update(Counter(v for _, v in edges))
    ready = [n for n, d in indegree.items() if d == 0]
    while ready:
        for nxt in succ.get(ready.pop(), ()):
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                ready.append(nxt)
    return {n for n, d in indegree.items() if d > 0}


def _one_way(edges: list[tuple[str, str]], order: dict[str, int]) -> bool:
    """True when every edge runs from a later node to an earlier one, or every edge the other
    way: no circle then. Maps are mostly written thesis first, reasons after."""
    later = [order[u] > order[v] for u, v in edges]
    return all(later) or not any(later)


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
    edges = _support_edges(m)
    order = facts_of(m).order
    if _one_way(edges, order):
        return  # no circle: the usual case, seen at a glance
    left = _on_or_after_cycles(edges)
    if not left:
        return  # no circle, found without building a graph
    g = nx.DiGraph()
    g.add_edges_from((u, v) for u, v in edges if u in left and v in left)
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
    f = facts_of(m)
    for i, t in f.own_premise:
        yield (i, t), (
            f"step {i!r} uses claim {t!r} {f.quote(t)} as both premise and conclusion: "
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
    f = facts_of(m)
    folded = f.folded  # the claims whose text is a string
    keys = dict(zip(folded, _normalised_each(list(folded.values())), strict=True))
    said = [key for key in keys.values() if key]
    if len(set(said)) == len(said):
        return  # every claim says something of its own: the usual case
    first: dict[str, str] = {}
    for c in f.claims:
        key = keys.get(c, "")  # normalise_text of the claim's text
        if not key:
            continue
        if key not in first:
            first[key] = c
            continue
        original = first[key]
        line = f.nodes[original].get("line")
        where = f" (line {line})" if line is not None else ""
        yield (c, original), (
            f"claim {c!r} {f.quote(c)} says the same as claim {original!r}{where}: keep one "
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
    f = facts_of(m)
    if len(f.claims) < 2:
        return
    for c in f.claims:
        if not f.succ[c] and not f.pred[c]:
            yield (c,), (
                f"claim {c!r} {f.quote(c)} is connected to nothing: link it as a reason or "
                "objection to the claim it bears on, or remove it"
            )
