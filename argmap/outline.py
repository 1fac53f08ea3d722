"""The map as a numbered outline in reading order: the text alternative to the picture.

Thesis first, then under each claim its reasons, then its objections, each followed by what bears
on it in turn (1, 1.1, 1.1.1). Linked co-premises are one item. The Markdown format, the SVG's
``<desc>`` and the HTML page's outline view all read this one structure.

>>> from argmap import ArgumentMap
>>> m = ArgumentMap(title="Lunch")
>>> t = m.claim("We should eat out.")
>>> r = m.support(t, ["The fridge is empty.", "Shopping takes an hour."])
>>> o = m.attack(t, "It costs too much.")
>>> _ = m.attack(o, "Lunch specials are cheap.")
>>> print(outline_text(m))
Lunch
1 Thesis: We should eat out.
1.1 Reason: The fridge is empty. + Shopping takes an hour. (linked)
1.2 Objection: It costs too much.
1.2.1 Rebuttal: Lunch specials are cheap.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.gc_pause import gc_paused
from argmap.model import node_roles
from argmap.text import ROLE_WORDS

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["OutlineItem", "outline", "outline_text", "NUMBER_PARTS"]


@dataclass(frozen=True)
class OutlineItem:
    """One line of the outline.

    ``node`` is the claim (for a thesis) or the inference (for a step); ``claims`` are the claim
    ids the line shows (several for linked premises); ``repeat`` marks a node already shown
    above (the map is a DAG, not a tree), whose subtree is not repeated.
    """

    number: str
    depth: int
    role: str
    node: str
    claims: tuple[str, ...]
    texts: tuple[str, ...]
    linked: bool = False
    repeat: bool = False

    @property
    def word(self) -> str:
        """The role as a capitalised word (``Reason``, ``Objection``, ...)."""
        return ROLE_WORDS.get(self.role, self.role.capitalize())


#: Numbers keep at most this many parts: deeper, the middle parts give way to "…", so that a chain
#: of 100,000 claims has numbers of bounded length (whole numbers would take ~10 GB).
NUMBER_PARTS = 24
_HEAD = NUMBER_PARTS // 2


def _number(parent: tuple[str, tuple[str, ...]], k: int) -> tuple[str, tuple[str, ...]]:
    """The number of a parent's ``k``-th child, as (kept head, last parts).

    >>> n = ("", ("1",))
    >>> for _ in range(30):
    ...     n = _number(n, 2)
    >>> _text(n)
    '1.2.2.2.2.2.2.2.2.2.2.2.….2.2.2.2.2.2.2.2.2.2.2.2'
    """
    head, tail = parent
    tail = (*tail, str(k))
    if not head and len(tail) > NUMBER_PARTS:
        head, tail = ".".join(tail[:_HEAD]), tail[_HEAD:]
    if head and len(tail) > NUMBER_PARTS - _HEAD:
        tail = tail[1:]
    return head, tail


def _text(number: tuple[str, tuple[str, ...]]) -> str:
    head, tail = number
    return f"{head}.….{'.'.join(tail)}" if head else ".".join(tail)


@gc_paused()  # objects by the node, no cycles: the collector would walk the whole map again and again
def outline(m: ArgumentMap, roles: Mapping[str, str] | None = None) -> list[OutlineItem]:
    """The outline items of a map, depth first in reading order.

    The walk keeps its own stack, not Python's, and numbers keep a bounded length
    (:data:`NUMBER_PARTS`): a chain 100,000 claims deep is no harder than a wide map.
    ``roles`` are the map's :func:`~argmap.model.node_roles`, when the caller has them already.
    """
    roles = roles if roles is not None else node_roles(m)
    # The walk reads the graph directly: node views cost more than the rest of it together.
    graph = m.graph
    data = graph.nodes
    items: list[OutlineItem] = []
    seen: set[str] = set()
    Number = tuple[str, tuple[str, ...]]

    def steps_on(node: str) -> list[str]:
        # The steps aimed at a node: reasons before objections, otherwise insertion order
        # (predecessors keep it).
        steps = [n for n in graph.pred[node] if data[n].get("kind") == "inference"]
        return sorted(steps, key=lambda s: data[s].get("polarity", "support") != "support")

    def visit(step: str, number: Number, depth: int) -> list[str]:
        """Add the step's item; the steps below it (none when it was shown before)."""
        premises = [n for n in graph.pred[step] if data[n].get("kind") == "claim"]
        repeat = step in seen
        seen.add(step)
        items.append(OutlineItem(
            _text(number), depth, roles[step], step,
            tuple(premises), tuple(data[p].get("text", "") for p in premises),
            linked=len(premises) > 1, repeat=repeat,
        ))
        if repeat:
            return []
        children: list[str] = []
        for p in premises:
            if p not in seen:
                seen.add(p)
                children.extend(steps_on(p))
        children.extend(steps_on(step))  # undercuts and rebuttals of the step itself
        return children

    claims = [n for n, kind in graph.nodes(data="kind") if kind == "claim"]
    roots = 0
    for root in [*(c for c in claims if roles[c] == "thesis"), *claims]:
        # Theses first; then any claim no thesis leads to (reasons going round in a circle), so
        # that every claim is shown.
        if root in seen:
            continue
        roots += 1
        seen.add(root)
        items.append(OutlineItem(str(roots), 0, roles[root], root, (root,), (data[root].get("text", ""),)))
        # Each entry: the steps still to visit under one item, that item's number and depth.
        stack: list[tuple[Iterator[tuple[int, str]], Number, int]] = [
            (enumerate(steps_on(root), start=1), ("", (str(roots),)), 0)]
        while stack:
            pending, number, depth = stack[-1]
            nxt = next(pending, None)
            if nxt is None:
                stack.pop()
                continue
            k, step = nxt
            child_number = _number(number, k)
            below = visit(step, child_number, depth + 1)
            if below:
                stack.append((enumerate(below, start=1), child_number, depth + 1))
    return items


def outline_text(m: ArgumentMap, roles: Mapping[str, str] | None = None) -> str:
    """The outline as plain text, one line per item, the title first when there is one
    (``roles`` as for :func:`outline`)."""
    lines = [m.title] if m.title else []
    for item in outline(m, roles):
        text = " + ".join(item.texts)
        extra = " (linked)" if item.linked else ""
        extra += " (see above)" if item.repeat else ""
        lines.append(f"{item.number} {item.word}: {text}{extra}")
    return "\n".join(lines)
