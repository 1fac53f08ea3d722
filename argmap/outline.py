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

from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.text import ROLE_WORDS

if TYPE_CHECKING:
    from argmap.model import ArgumentMap, Claim, Inference

__all__ = ["OutlineItem", "outline", "outline_text"]

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


def _steps_on(m: ArgumentMap, node: str) -> list[Inference]:
    # Reasons before objections, otherwise insertion order (predecessors keep it).
    return sorted(m[node].incoming, key=lambda s: s.polarity != "support")


def outline(m: ArgumentMap) -> list[OutlineItem]:
    """The outline items of a map, depth first in reading order.

    The walk keeps its own stack, not Python's: a chain 100,000 claims deep is no harder than a
    wide map.
    """
    items: list[OutlineItem] = []
    seen: set[str] = set()

    def visit(step: Inference, number: str, depth: int) -> list[tuple[Inference, str, int]]:
        """Add the step's line; return the steps to show under it, in reading order."""
        premises: list[Claim] = step.premises
        repeat = step.id in seen
        seen.add(step.id)
        items.append(OutlineItem(
            number, depth, step.role, step.id,
            tuple(p.id for p in premises), tuple(p.text for p in premises),
            linked=len(premises) > 1, repeat=repeat,
        ))
        if repeat:
            return []
        children: list[Inference] = []
        for p in premises:
            if p.id not in seen:
                seen.add(p.id)
                children.extend(_steps_on(m, p.id))
        children.extend(_steps_on(m, step.id))  # undercuts and rebuttals of the step itself
        return [(child, f"{number}.{k}", depth + 1) for k, child in enumerate(children, start=1)]

    roots = 0
    for root in [*m.theses, *m.claims]:
        # Theses first; then any claim no thesis leads to (reasons going round in a circle), so
        # that every claim is shown.
        if root.id in seen:
            continue
        roots += 1
        seen.add(root.id)
        items.append(OutlineItem(str(roots), 0, root.role, root.id, (root.id,), (root.text,)))
        stack = [(step, f"{roots}.{k}", 1) for k, step in enumerate(_steps_on(m, root.id), start=1)]
        stack.reverse()
        while stack:
            below = visit(*stack.pop())
            stack.extend(reversed(below))
    return items


def outline_text(m: ArgumentMap) -> str:
    """The outline as plain text, one line per item, the title first when there is one."""
    lines = [m.title] if m.title else []
    for item in outline(m):
        text = " + ".join(item.texts)
        extra = " (linked)" if item.linked else ""
        extra += " (see above)" if item.repeat else ""
        lines.append(f"{item.number} {item.word}: {text}{extra}")
    return "\n".join(lines)
