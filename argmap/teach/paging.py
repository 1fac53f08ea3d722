"""Splitting a map into parts that each fit a printed page, branch by branch, in reading order.

A map that fits one page stays whole. Otherwise the map is cut into pieces in reading order: a
branch (a reason or an objection with everything that bears on it) is one piece when it fits a
page on its own; only a branch too big for that is cut, into its step and premises, then what
bears on them, branch by branch the same way. The pieces then fill pages in order, each on the
first of the last few pages with room for it, so a page may hold branches from several places.

A cut branch's premise (or step) whose branches go on to a later page is marked "more on page N".
A piece whose claim is drawn on another page hangs, on its own page, from a small copy of the
chain of claims and steps that leads from that claim back to the thesis: a student sees where the
part belongs, and every claim keeps its role, every arrow its word. The chain stops where it meets
a claim drawn on the same page, so nothing is shown twice on one page.

Whether a part fits is the caller's question (``fits``): a worksheet draws the part and measures
it on the paper. The legend goes on the first page with room for it, and on no page when none
has room.

>>> from argmap import ArgumentMap
>>> m = ArgumentMap()
>>> t = m.claim("T", id="t")
>>> _ = m.support(t, m.claim("A", id="a"), id="s-a")
>>> _ = m.attack(t, m.claim("B", id="b"), id="s-b")
>>> [(sorted(p.nodes), p.chain, p.legend) for p in split_map(m, lambda part: len(part.drawn) <= 3)]
[(['a', 's-a', 't'], (), True), (['b', 's-b'], ('t',), False)]
>>> [(sorted(p.nodes), p.legend) for p in split_map(m, lambda part: True)]
[(['a', 'b', 's-a', 's-b', 't'], True)]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from argmap.outline import OutlineItem, outline

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["Part", "split_map", "part_map"]

#: How many of the last pages a piece may still join (more would cost a drawing each, for little).
_OPEN_PAGES = 3
#: The page number marks show while the real numbers are not known yet (as wide as most).
_PLACEHOLDER = 99


@dataclass(frozen=True)
class Part:
    """What one page shows.

    ``nodes`` are the map nodes drawn in full; ``chain`` the claims and steps drawn small above
    them for orientation, leading from the claims the page's branches hang from (``tops``, shown
    with their text) back up to the thesis (``pages``: where each is drawn in full); ``more`` maps
    a claim (or step) to the page where what bears on it goes on; ``first`` marks the page that
    carries the sheet's heading, ``legend`` the page that carries the legend. ``elsewhere`` are
    claims of ``nodes`` drawn in full on an earlier page too (a premise of two steps): ``pages``
    says which, so a page can show them small.
    """

    nodes: frozenset[str]
    chain: tuple[str, ...] = ()
    pages: Mapping[str, int] = field(default_factory=dict)
    more: Mapping[str, int] = field(default_factory=dict)
    first: bool = False
    elsewhere: frozenset[str] = frozenset()
    tops: frozenset[str] = frozenset()
    legend: bool = False

    @property
    def drawn(self) -> frozenset[str]:
        """Every node on the page: the part's own and its chain."""
        return self.nodes | frozenset(self.chain)

    def after(self, pages: int) -> Part:
        """The same part in a document where ``pages`` other pages come before the map's.

        >>> Part(frozenset({"a"}), more={"a": 2}).after(3).more
        {'a': 5}
        """
        return replace(self, pages={n: k + pages for n, k in self.pages.items()},
                       more={n: k + pages for n, k in self.more.items()})


@dataclass(eq=False)
class _Branch:
    """An outline item with the items beneath it."""

    item: OutlineItem
    parent: _Branch | None = None
    children: list[_Branch] = field(default_factory=list)


@dataclass(frozen=True, eq=False)
class _Piece:
    """What the pages are filled with: a whole branch, or a cut branch's step and premises
    (``cut``: the branches beneath it are pieces of their own)."""

    branch: _Branch
    nodes: frozenset[str]
    cut: bool


class _Splitter:
    def __init__(self, m: ArgumentMap, fits: Callable[[Part], bool]) -> None:
        self.fits = fits
        self.claims = {c.id for c in m.claims}
        self.targets = {inf.id: inf.target.id for inf in m.inferences}
        self.roots: list[_Branch] = []
        self.first_piece: dict[int, _Piece] = {}  # by the branch's id: where its pages begin
        stack: list[_Branch] = []
        for item in outline(m):
            while stack and stack[-1].item.depth >= item.depth:
                stack.pop()
            branch = _Branch(item, stack[-1] if stack else None)
            (stack[-1].children if stack else self.roots).append(branch)
            stack.append(branch)

    # -- what a piece draws --------------------------------------------------------------------

    def nodes(self, branch: _Branch) -> frozenset[str]:
        """A branch's step and claims and everything that bears on them."""
        found: set[str] = set()
        todo = [branch]
        while todo:
            b = todo.pop()
            if not b.item.repeat:  # a repeated step is drawn where it first appears
                found |= {b.item.node, *b.item.claims}
                todo += b.children
        return frozenset(found)

    def chain(self, branch: _Branch) -> Iterator[str]:
        """What ``branch`` bears on: a claim, or a step (an undercut's or a rebuttal's target)
        with its premises and the claim it points to, so its arrow reads whole."""
        parent = branch.parent
        if parent is None:
            return
        anchor = self.targets[branch.item.node]
        yield anchor
        if anchor == parent.item.node:
            yield from parent.item.claims
            yield from ([self.targets[anchor]] if anchor in self.targets else [])

    def pieces(self, branch: _Branch) -> Iterator[_Piece]:
        """A branch as pieces in reading order: whole when it fits a page alone, else cut."""
        if branch.item.repeat:
            return
        whole = _Piece(branch, self.nodes(branch), cut=False)
        if branch.parent is not None and self.fits(self.part([whole], first=False)):
            yield whole
            return
        yield _Piece(branch, frozenset({branch.item.node, *branch.item.claims}), cut=True)
        for child in branch.children:
            yield from self.pieces(child)

    def part(self, pieces: list[_Piece], *, first: bool, legend: bool = False,
             later: Mapping[int, int] | None = None) -> Part:
        """The part showing ``pieces``. ``later`` gives the page of each piece (by ``id``) once
        the pages are known; before that, a cut branch's premise is marked "more on page 99"
        unless everything bearing on it is among ``pieces``."""
        nodes = frozenset().union(*(p.nodes for p in pieces))
        chain: dict[str, None] = {}
        tops: set[str] = set()
        for piece in pieces:
            above = list(self.chain(piece.branch))
            if not above or above[0] in nodes:
                continue  # it hangs from a claim on this page
            if above[0] in self.claims:
                tops.add(above[0])
            chain.update(dict.fromkeys(n for n in above if n not in nodes))
        here = {id(p) for p in pieces}
        more: dict[str, int] = {}
        for piece in pieces:
            if not piece.cut or piece.branch.parent is None:  # the thesis needs no mark: it heads the sheet
                continue
            for child in piece.branch.children:
                first_piece = self.first_piece.get(id(child))
                if first_piece is None or id(first_piece) in here:
                    continue
                target = self.targets[child.item.node]
                page = later[id(first_piece)] if later is not None else _PLACEHOLDER
                more[target] = min(more.get(target, page), page)
        return Part(nodes, tuple(chain), more=more, first=first, tops=frozenset(tops), legend=legend)

    # -- filling pages -------------------------------------------------------------------------

    def split(self) -> list[Part]:
        pieces: list[_Piece] = []
        for root in self.roots:
            pieces += self.pieces(root)
        for piece in pieces:
            self.first_piece.setdefault(id(piece.branch), piece)
        pages: list[list[_Piece]] = []
        page_of: dict[int, int] = {}
        for piece in pieces:
            # The earliest of the last few pages with room, from the page of what it bears on
            # ("more on page N" always points forward).
            parent = piece.branch.parent
            start = page_of[id(self.first_piece[id(parent)])] if parent is not None else 0
            for k in range(max(start, len(pages) - _OPEN_PAGES), len(pages)):
                if self.fits(self.part([*pages[k], piece], first=k == 0)):
                    break
            else:
                k = len(pages)
                pages.append([])
            pages[k].append(piece)
            page_of[id(piece)] = k
        number = {id(piece): k for k, page in enumerate(pages, start=1) for piece in page}
        parts = [self.part(page, first=k == 1, later=number) for k, page in enumerate(pages, start=1)]
        for k, part in enumerate(parts):
            with_legend = replace(part, legend=True)
            if self.fits(with_legend):
                parts[k] = with_legend
                break
        return parts


def split_map(m: ArgumentMap, fits: Callable[[Part], bool]) -> list[Part]:
    """The parts of ``m``, one a page, each accepted by ``fits`` where a split can make it so.

    A part ``fits`` refuses still comes out when no split can make it smaller (one step whose
    premises alone are too wide): the caller decides what to do with it.
    """
    whole = Part(frozenset(m.graph.nodes), first=True, legend=True)
    if fits(whole):
        return [whole]
    if fits(replace(whole, legend=False)):
        return [replace(whole, legend=False)]
    parts = _Splitter(m, fits).split()
    where: dict[str, int] = {}
    for number, part in enumerate(parts, start=1):
        for node in part.nodes:
            where.setdefault(node, number)
    out = []
    for number, p in enumerate(parts, start=1):
        again = frozenset(n for n in p.nodes if where[n] < number and m.claims.get(n) is not None)
        shown = {n: where[n] for n in (*p.chain, *sorted(again)) if n in where}
        out.append(replace(p, pages=shown, elsewhere=again))
    return out


def part_map(m: ArgumentMap, part: Part) -> ArgumentMap:
    """A map holding only the part's nodes and its chain (same ids, same title, same order), for
    drawing: each node and edge has attributes of its own, their values are shared with ``m``.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(title="T"); t = m.claim("T", id="t")
    >>> _ = m.support(t, m.claim("A", id="a"), id="s")
    >>> sub = part_map(m, Part(frozenset({"a", "s"}), ("t",)))
    >>> sorted(sub.graph.nodes), sub.title
    (['a', 's', 't'], 'T')
    """
    from argmap.model import ArgumentMap, adjacency

    keep = part.drawn
    nodes, succ, pred = adjacency(m.graph)
    graph = m.graph.__class__()
    graph.graph.update(m.graph.graph)
    graph.add_nodes_from((n, dict(data)) for n, data in nodes.items() if n in keep)
    graph.add_edges_from((u, v, dict(data)) for u in graph for v, data in succ[u].items() if v in keep)
    _, _, new_pred = adjacency(graph)
    for v in graph:  # predecessors in m's order too: a step's premises keep theirs
        new_pred[v] = {u: new_pred[v][u] for u in pred[v] if u in keep}
    sub = ArgumentMap.__new__(ArgumentMap)  # the graph is built already: no copy of all of m
    sub.graph = graph
    sub._reserved = set()
    sub._suffixes = {}
    return sub
