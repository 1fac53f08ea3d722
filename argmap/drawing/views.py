"""Part of a map, drawn as if it were the whole: a claim with a few levels around it, the rest folded.

:func:`focus_view` keeps a claim (or the theses), what bears on it down to ``depth`` levels of
claims, and the line of claims it bears on up to a thesis. Every visible claim under which
something is hidden gets a stub that says what: ``+12 more: 7 reasons, 4 objections, 1 rebuttal``
(the hidden claims by role). The view is a real :class:`~argmap.ArgumentMap` (the visible nodes)
with the roles the claims have in the whole map, so a reason still reads REASON when the claim it
supports is cut off. Linked pages (:mod:`argmap.drawing.pages`) are views whose stubs are links.

>>> from argmap import ArgumentMap
>>> m = ArgumentMap()
>>> t = m.claim("T", id="t")
>>> r = m.claim("R", id="r")
>>> _ = m.support(t, r, id="s")
>>> _ = m.attack(r, m.claim("O", id="o"), id="a")
>>> _ = m.support(r, m.claim("E", id="e"), id="s2")
>>> view = focus_view(m, "t", depth=1)
>>> sorted(view.map.graph.nodes), view.stubs["r"].text
(['r', 's', 't'], '+2 more: 1 reason, 1 objection')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from argmap.errors import ArgmapError

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["View", "Stub", "focus_view", "stub_text", "levels_below", "hidden_counts"]

_ORDER = ("reason", "objection", "rebuttal", "premise", "thesis")
_PLURAL = {"reason": "reasons", "objection": "objections", "rebuttal": "rebuttals", "premise": "premises",
           "thesis": "theses"}


@dataclass(frozen=True)
class Stub:
    """What is folded away under one visible claim: how many claims, by role, and where they are drawn."""

    claim: str
    hidden: int
    by_role: Mapping[str, int]
    href: str | None = None

    @property
    def text(self) -> str:
        """``+N more: ...`` in words."""
        return stub_text(self.hidden, self.by_role)


@dataclass(frozen=True)
class View:
    """A part of a map: the visible map, the roles in the whole map, stubs and links by claim id."""

    map: ArgumentMap
    roles: Mapping[str, str]
    stubs: Mapping[str, Stub] = field(default_factory=dict)
    links: Mapping[str, str] = field(default_factory=dict)


def stub_text(hidden: int, by_role: Mapping[str, int]) -> str:
    """The words of a stub.

    >>> stub_text(12, {"objection": 4, "reason": 7, "rebuttal": 1})
    '+12 more: 7 reasons, 4 objections, 1 rebuttal'
    >>> stub_text(1997, {"reason": 1132, "objection": 504, "rebuttal": 361})
    '+1,997 more: 1,132 reasons, 504 objections, 361 rebuttals'
    """
    parts = [f"{by_role[role]:,} {role if by_role[role] == 1 else _PLURAL[role]}"
             for role in _ORDER if by_role.get(role)]
    return f"+{hidden:,} more: " + ", ".join(parts) if parts else f"+{hidden:,} more"


def _bearing(m: ArgumentMap, node: str) -> Iterable[str]:
    """The steps aimed at a node (a claim or a step)."""
    graph = m.graph
    return (p for p in graph.predecessors(node) if graph.nodes[p].get("kind") == "inference")


def _premises(m: ArgumentMap, step: str) -> Iterable[str]:
    graph = m.graph
    return (p for p in graph.predecessors(step) if graph.nodes[p].get("kind") == "claim")


def levels_below(m: ArgumentMap, roots: Iterable[str], *, limit: int | None = None,
                 most: int | None = None) -> dict[str, int]:
    """Each node's level below ``roots`` (claims and steps; the roots are level 0, their steps and
    those steps' premises level 1, ...), breadth first, each node once.

    ``limit`` stops below that level; ``most`` stops once a finished level brings the claims past
    that many (the levels found so far are returned: enough to tell how many fit).
    """
    graph = m.graph
    level: dict[str, int] = {}
    queue: list[str] = []
    for root in roots:
        if root not in level:
            level[root] = 0
            queue.append(root)
    claims = len(queue)
    current = 0
    for node in queue:  # grows while read, in order of level
        if level[node] > current:
            current = level[node]
            if most is not None and claims > most:
                break
        below = level[node] + (1 if graph.nodes[node].get("kind") == "claim" else 0)
        if limit is not None and below > limit:
            continue
        for step in _bearing(m, node):
            if step not in level:
                level[step] = below
                queue.append(step)
                for premise in _premises(m, step):
                    if premise not in level:
                        level[premise] = below
                        queue.append(premise)
                        claims += 1
    return level


def focus_view(m: ArgumentMap, focus: str | Iterable[str] | None, depth: int, *, up: bool | int = True,
               roles: Mapping[str, str] | None = None, counts: Mapping[str, Mapping[str, int]] | None = None,
               whole: Iterable[str] = ()) -> View:
    """The claims ``focus`` (an id, several, or None for the theses) with ``depth`` levels below.

    ``up`` keeps the line of steps and claims from the focus up to the theses (``True``), a number
    of levels of it, or none (``False``); ``roles`` (the whole map's roles) and ``counts``
    (:func:`hidden_counts`) save work when many views of one map are made; the claims ``whole``
    are drawn with everything below them, whatever the depth.

    Raises:
        ArgmapError: the focus is not a claim of the map, or ``depth`` is negative.
    """
    if depth < 0:
        raise ArgmapError(f"depth must be 0 or more, not {depth}", param="depth")
    roots = [c.id for c in m.theses] if focus is None else [focus] if isinstance(focus, str) else list(focus)
    for root in roots:
        if m.graph.nodes.get(root, {}).get("kind") != "claim":
            raise ArgmapError(f"cannot focus on {root!r}: the map has no claim with that id", param="focus")
    roles = roles if roles is not None else {c.id: c.role for c in m.claims}
    level = levels_below(m, roots, limit=depth)
    visible = set(level)
    visible.update(levels_below(m, [c for c in whole if c in visible]))
    # A step is drawn with all its premises or not at all: linked premises support only together.
    for node in [n for n in visible if m.graph.nodes[n].get("kind") == "inference"]:
        visible.update(_premises(m, node))
    levels_up = len(m.graph) if up is True else int(up)
    frontier = list(roots)
    for _ in range(levels_up):
        above = []
        for claim in frontier:
            for step in m.graph.successors(claim):
                if step in visible:
                    continue
                visible.add(step)
                visible.update(_premises(m, step))
                target = next(iter(m.graph.successors(step)), None)
                while target is not None and m.graph.nodes[target].get("kind") == "inference":
                    visible.add(target)  # an undercut: the step it attacks and that step's target
                    visible.update(_premises(m, target))
                    target = next(iter(m.graph.successors(target)), None)
                if target is not None and target not in visible:
                    visible.add(target)
                    above.append(target)
        frontier = above
        if not frontier:
            break
    counts = counts if counts is not None else hidden_counts(m, roles)
    return View(_submap(m, visible), roles, _stubs(m, visible, roles, counts))


def hidden_counts(m: ArgumentMap, roles: Mapping[str, str]) -> dict[str, dict[str, int]]:
    """For every step, the claims (by role) that hang under it, each claim counted under one step.

    Claims hang as in a breadth-first walk from the theses (a shared premise under the first step
    that reaches it), so the counts of a view's stubs never count a claim twice. One linear pass.
    """
    graph = m.graph
    theses = [n for n in graph.nodes if graph.nodes[n].get("kind") == "claim" and not any(
        graph.nodes[s].get("kind") == "inference" for s in graph.successors(n))]
    parent: dict[str, str | None] = {}
    order: list[str] = []
    for root in list(theses) + list(graph.nodes):
        if root in parent:
            continue
        parent[root] = None
        order.append(root)
        queue = [root]
        for node in queue:
            kids = list(_bearing(m, node))
            if graph.nodes[node].get("kind") == "inference":
                kids += list(_premises(m, node))
            for kid in kids:
                if kid not in parent:
                    parent[kid] = node
                    order.append(kid)
                    queue.append(kid)
    counts: dict[str, dict[str, int]] = {}
    for node in reversed(order):  # children before parents
        mine = counts.setdefault(node, {})
        if graph.nodes[node].get("kind") == "claim":
            role = roles.get(node, "premise")
            mine[role] = mine.get(role, 0) + 1
        up = parent[node]
        if up is not None:
            theirs = counts.setdefault(up, {})
            for role, count in mine.items():
                theirs[role] = theirs.get(role, 0) + count
    return counts


def _stubs(m: ArgumentMap, visible: set[str], roles: Mapping[str, str],
           counts: Mapping[str, Mapping[str, int]]) -> dict[str, Stub]:
    """For each visible claim, what hangs under its steps that are not drawn."""
    stubs: dict[str, Stub] = {}
    for claim in visible:
        if m.graph.nodes[claim].get("kind") != "claim":
            continue
        by_role: dict[str, int] = {}
        for step in _bearing(m, claim):
            if step not in visible:
                for role, count in counts.get(step, {}).items():
                    by_role[role] = by_role.get(role, 0) + count
        if by_role:
            stubs[claim] = Stub(claim, sum(by_role.values()), by_role)
    return dict(sorted(stubs.items(), key=lambda kv: _position(m, kv[0])))


def _position(m: ArgumentMap, node: str) -> int:
    """A node's place in the map's order (cached on the graph: views of one map share it)."""
    index = m.graph.graph.get("_argmap_order")
    if index is None or len(index) != len(m.graph):
        index = {n: i for i, n in enumerate(m.graph.nodes)}
        m.graph.graph["_argmap_order"] = index
    return int(index.get(node, 0))


def _submap(m: ArgumentMap, visible: set[str]) -> ArgumentMap:
    from argmap.model import ArgumentMap

    part = ArgumentMap.__new__(ArgumentMap)
    part.graph = m.graph.subgraph(sorted(visible, key=lambda n: _position(m, n))).copy()
    part.graph.graph.pop("_argmap_order", None)
    part._reserved = set()
    return part
