"""Splitting a map into parts that each fit a printed page, branch by branch, in reading order.

A map that fits one page stays whole. Otherwise each page holds whole branches (a reason or an
objection with everything that bears on it), as many in a row as fit, under the claim they bear
on. A branch too big for a page keeps its step and premises on one page, each premise (or the step)
marked "more on page N", and what bears on it goes on pages of its own. A page that continues
another shows, small, the chain of claims and steps that leads from its top claim back to the
thesis: a student sees where the part belongs, and every claim keeps its role, every arrow its word.

Whether a part fits is the caller's question (``fits``): a worksheet draws the part and measures
it on the paper. Pages come in reading order, a page before the pages it continues on.

>>> from argmap import ArgumentMap
>>> m = ArgumentMap()
>>> t = m.claim("T", id="t")
>>> _ = m.support(t, m.claim("A", id="a"), id="s-a")
>>> _ = m.attack(t, m.claim("B", id="b"), id="s-b")
>>> [(sorted(p.nodes), p.chain) for p in split_map(m, lambda part: len(part.drawn) <= 3)]
[(['a', 's-a', 't'], ()), (['b', 's-b'], ('t',))]
>>> [sorted(p.nodes) for p in split_map(m, lambda part: True)]
[['a', 'b', 's-a', 's-b', 't']]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from argmap.outline import OutlineItem, outline

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["Part", "split_map", "part_map"]

#: The page number marks show while the real numbers are not known yet (as wide as most).
_PLACEHOLDER = 99


@dataclass(frozen=True)
class Part:
    """What one page shows.

    ``nodes`` are the map nodes drawn in full; ``chain`` the claims and steps from the page's top
    claim back up to the thesis, drawn small for orientation (``pages``: where each claim of the
    chain is drawn in full); ``more`` maps a claim to the page where what bears on it goes on;
    ``first`` marks the page that carries the sheet's heading (alone, or with the thesis only,
    when the first branch leaves it no room). ``elsewhere`` are claims of ``nodes`` drawn in full
    on an earlier page too (a premise of two steps): ``pages`` says which, so a page can show
    them small.
    """

    nodes: frozenset[str]
    chain: tuple[str, ...] = ()
    pages: Mapping[str, int] = field(default_factory=dict)
    more: Mapping[str, int] = field(default_factory=dict)
    first: bool = False
    elsewhere: frozenset[str] = frozenset()

    @property
    def drawn(self) -> frozenset[str]:
        """Every node on the page: the part's own and its chain."""
        return self.nodes | frozenset(self.chain)

    def after(self, pages: int) -> Part:
        """The same part in a document where ``pages`` other pages come before the map's.

        >>> Part(frozenset({"a"}), more={"a": 2}).after(3).more
        {'a': 5}
        """
        return Part(self.nodes, self.chain, {n: k + pages for n, k in self.pages.items()},
                    {n: k + pages for n, k in self.more.items()}, self.first, self.elsewhere)


@dataclass(eq=False)
class _Branch:
    """An outline item with the items beneath it."""

    item: OutlineItem
    parent: _Branch | None = None
    children: list[_Branch] = field(default_factory=list)


@dataclass(eq=False)
class _Plan:
    """One page: ``branches`` hanging from ``claim`` (a claim of ``owner``'s line)."""

    owner: _Branch
    claim: str
    branches: list[_Branch]
    first: bool = False
    own_claim: bool = False  # the page that draws ``claim`` itself in full
    cut: dict[str, list[_Plan]] = field(default_factory=dict)  # premise -> the pages of what bears on it
    header_only: bool = False


class _Splitter:
    def __init__(self, m: ArgumentMap, fits: Callable[[Part], bool]) -> None:
        self.fits = fits
        self.targets = {inf.id: inf.target.id for inf in m.inferences}
        self.roots: list[_Branch] = []
        stack: list[_Branch] = []
        for item in outline(m):
            while stack and stack[-1].item.depth >= item.depth:
                stack.pop()
            branch = _Branch(item, stack[-1] if stack else None)
            (stack[-1].children if stack else self.roots).append(branch)
            stack.append(branch)

    # -- what a plan draws ---------------------------------------------------------------------

    def nodes(self, branch: _Branch, cut: Mapping[str, object] = {}) -> set[str]:  # noqa: B006 - read only
        """A branch's step and claims and what bears on them, except what bears on a cut premise."""
        if branch.item.repeat:
            return set()  # drawn where it first appears
        found = {branch.item.node, *branch.item.claims}
        for child in branch.children:
            if self.targets.get(child.item.node) not in cut:
                found |= self.nodes(child)
        return found

    def chain(self, owner: _Branch, claim: str) -> list[str]:
        """``claim`` and the steps and claims above it, back to the thesis."""
        found = [claim]
        branch: _Branch | None = owner
        while branch is not None and branch.parent is not None:
            found += [branch.item.node, self.targets[branch.item.node]]
            branch = branch.parent
        return list(dict.fromkeys(found))

    def part(self, plan: _Plan, numbers: Mapping[int, int] | None = None) -> Part:
        if plan.header_only:
            with_claim = Part(frozenset({plan.claim}), first=True)
            return with_claim if plan.own_claim and self.fits(with_claim) else Part(frozenset(), first=True)
        nodes: set[str] = {plan.claim} if plan.own_claim else set()
        for branch in plan.branches:
            nodes |= self.nodes(branch, plan.cut)
        chain = () if plan.own_claim else tuple(self.chain(plan.owner, plan.claim))
        more = {premise: numbers[id(pages[0])] if numbers else _PLACEHOLDER
                for premise, pages in plan.cut.items() if pages}
        return Part(frozenset(nodes), chain, more=more, first=plan.first)

    def try_(self, plan: _Plan) -> bool:
        return self.fits(self.part(plan))

    # -- packing branches into pages -----------------------------------------------------------

    def pack(self, owner: _Branch, claim: str, branches: list[_Branch], *, first: bool, own: bool) -> list[_Plan]:
        """Pages for ``branches`` (all bearing on ``claim``), as many to a page as fit.

        A branch too big for a page on its own is cut first (its premises marked, what bears on
        them on later pages); cut or whole, it then joins the page being filled if it fits there.
        """
        plans: list[_Plan] = []
        branches = [b for b in branches if not b.item.repeat]

        def plan(group: list[_Branch], cut: dict[str, list[_Plan]]) -> _Plan:
            return _Plan(owner, claim, group, first=first and not plans, own_claim=own and not plans,
                         cut={k: v for k, v in cut.items()
                              if any(k in b.item.claims or k == b.item.node for b in group)})

        def heading_alone() -> None:  # the heading, with the claim when it fits there
            plans.append(_Plan(owner, claim, [], first=True, own_claim=own, header_only=True))

        if first and not self.try_(plan([], {})):
            heading_alone()
        group: list[_Branch] = []
        cut: dict[str, list[_Plan]] = {}
        for branch in branches:
            own_cut: dict[str, list[_Plan]] = {}
            if not self.try_(plan([branch], {})):
                own_cut = self.cut(branch)
                if first and not plans and not group and not self.try_(plan([branch], own_cut)):
                    heading_alone()  # the heading leaves room for the branch on a page of its own
            if self.try_(plan([*group, branch], {**cut, **own_cut})):
                group.append(branch)
                cut.update(own_cut)
                continue
            if group:
                plans.append(plan(group, cut))
            group, cut = [branch], own_cut
        if group or all(p.header_only for p in plans):
            plans.append(plan(group, cut))
        return plans

    def cut(self, branch: _Branch) -> dict[str, list[_Plan]]:
        """The pages of what bears on each premise of a branch too big for one page (and on its
        step: undercuts, or rebuttals aimed at an objection's arrow)."""
        pages: dict[str, list[_Plan]] = {}
        for node in (*branch.item.claims, branch.item.node):
            below = [c for c in branch.children if self.targets.get(c.item.node) == node]
            if below:
                pages[node] = self.pack(branch, node, below, first=False, own=False)
        return pages


def _in_order(plans: list[_Plan]) -> list[_Plan]:
    """Pages in reading order: each page, then the pages it continues on."""
    out: list[_Plan] = []
    for plan in plans:
        out.append(plan)
        for pages in plan.cut.values():
            out += _in_order(pages)
    return out


def split_map(m: ArgumentMap, fits: Callable[[Part], bool]) -> list[Part]:
    """The parts of ``m``, one a page, each accepted by ``fits`` where a split can make it so.

    A part ``fits`` refuses still comes out when no split can make it smaller (one step whose
    premises alone are too wide): the caller decides what to do with it.
    """
    whole = Part(frozenset(m.graph.nodes), first=True)
    if fits(whole):
        return [whole]
    splitter = _Splitter(m, fits)
    plans: list[_Plan] = []
    for root in splitter.roots:
        plans += splitter.pack(root, root.item.node, root.children, first=not plans, own=True)
    ordered = _in_order(plans)
    numbers = {id(plan): k for k, plan in enumerate(ordered, start=1)}
    parts = [splitter.part(plan, numbers) for plan in ordered]
    where: dict[str, int] = {}
    for number, part in enumerate(parts, start=1):
        for node in part.nodes:
            where.setdefault(node, number)
    out = []
    for number, p in enumerate(parts, start=1):
        again = frozenset(n for n in p.nodes if where[n] < number and m.claims.get(n) is not None)
        shown = {n: where[n] for n in (*p.chain, *sorted(again)) if n in where}
        out.append(Part(p.nodes, p.chain, shown, p.more, p.first, again))
    return out


def part_map(m: ArgumentMap, part: Part) -> ArgumentMap:
    """A copy of ``m`` holding only the part's nodes and its chain (same ids, same title).

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(title="T"); t = m.claim("T", id="t")
    >>> _ = m.support(t, m.claim("A", id="a"), id="s")
    >>> sorted(part_map(m, Part(frozenset({"a", "s"}), ("t",))).graph.nodes)
    ['a', 's', 't']
    """
    sub = m.copy()
    sub.graph.remove_nodes_from([n for n in m.graph.nodes if n not in part.drawn])
    return sub
