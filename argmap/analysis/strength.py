"""Gradual strength of pro/con maps: DF-QuAD and quadratic energy.

Every claim starts from a *base score* (its ``rating``, else 0.5) and ends with a *strength* in
[0, 1] that its reasons raise and its objections lower, as far as they are strong themselves.

How a map becomes a bipolar graph (see docs/strength.md):

- a claim is an argument with its base score; its supporters are the supporting steps aimed at
  it, its attackers the attacking steps aimed at it;
- a step (inference) is an argument whose base score is the *weakest* of its premises'
  strengths (``linked="min"``, Pollock's weakest-link principle: a linked step holds only as far
  as each co-premise does, and adding an unrated premise must not sink a step by itself;
  ``linked="product"`` treats co-premises as independent probabilities instead); undercuts
  (attacks aimed at the step) lower it, supports aimed at the step raise it;
- a one-premise step is then transparent: on a Kialo-style tree the result is exactly the
  semantics on the claims alone.

DF-QuAD (Rago, Toni, Aurisicchio and Baroni, KR 2016) aggregates attackers and supporters each
by the probabilistic sum ``F(v1..vn) = 1 - (1 - v1)...(1 - vn)`` and combines ``va``, ``vs``
with base ``b``: ``b - b*(va - vs)`` if ``va >= vs``, else ``b + (1 - b)*(vs - va)``.

Quadratic energy (Potyka, KR 2018) sums ``E = sum(supporters) - sum(attackers)`` and sets
``s = b - b*h(-E) + (1 - b)*h(E)`` with ``h(x) = max(x, 0)^2 / (1 + max(x, 0)^2)``.

Acyclic maps are computed exactly, each node once in topological order. Each cycle (a strongly
connected part of the graph) is solved as Potyka's continuous model ``ds/dt = f(s) - s``,
integrated by Euler steps from the base scores until no strength moves by more than
``tolerance``; for DF-QuAD, defined by its authors for acyclic graphs only, this is the same
damped fixpoint iteration. A cycle that does not settle raises :class:`ArgmapError`.

>>> import argmap
>>> m = argmap.ArgumentMap()
>>> t = m.claim("We should eat out.", id="t")
>>> _ = m.support(t, m.claim("The fridge is empty.", id="r", rating=0.8))
>>> _ = m.attack(t, m.claim("It costs too much.", id="o", rating=0.4))
>>> s = strength(m)
>>> round(s["t"], 4)  # 0.5 + (1 - 0.5) * (0.8 - 0.4)
0.7
>>> round(thesis_strength(m, "quadratic-energy"), 4)  # E = 0.4; 0.5 + 0.5 * 0.16 / 1.16
0.569
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from itertools import chain
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
import numpy.typing as npt

from argmap.errors import ArgmapError
from argmap.gc_pause import gc_paused
from argmap.model import adjacency

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["METHODS", "DEFAULT_BASE", "strength", "thesis_strength", "dfquad_combine", "quadratic_energy_combine"]

#: The gradual semantics :func:`strength` knows.
METHODS: tuple[str, ...] = ("dfquad", "quadratic-energy")
#: The base score of a claim without a rating.
DEFAULT_BASE = 0.5

_STEP = 0.1  # Euler step for cycles: small enough to damp the oscillation of plain iteration


def _probabilistic_sum(values: Sequence[float]) -> float:
    rest = 1.0
    for v in values:
        rest *= 1.0 - v
    return 1.0 - rest


def dfquad_combine(base: float, supporters: Sequence[float], attackers: Sequence[float]) -> float:
    """DF-QuAD's strength of an argument from its base score and its neighbours' strengths.

    >>> dfquad_combine(0.5, [0.8], [0.4])  # 0.5 + 0.5 * (0.8 - 0.4)
    0.7
    >>> round(dfquad_combine(0.6, [], [0.5, 0.5]), 6)  # va = 1 - 0.5 * 0.5; 0.6 - 0.6 * 0.75
    0.15
    """
    va = _probabilistic_sum(attackers)
    vs = _probabilistic_sum(supporters)
    if va >= vs:
        return base - base * (va - vs)
    return base + (1.0 - base) * (vs - va)


def _h(x: float) -> float:
    x = max(x, 0.0)
    return x * x / (1.0 + x * x)


def quadratic_energy_combine(base: float, supporters: Sequence[float], attackers: Sequence[float]) -> float:
    """Quadratic energy's strength of an argument from its base score and neighbours' strengths.

    >>> round(quadratic_energy_combine(0.5, [1.0], []), 6)  # 0.5 + 0.5 * 1 / (1 + 1)
    0.75
    """
    energy = math.fsum(supporters) - math.fsum(attackers)
    return base - base * _h(-energy) + (1.0 - base) * _h(energy)


_COMBINE: dict[str, Callable[[float, Sequence[float], Sequence[float]], float]] = {
    "dfquad": dfquad_combine,
    "quadratic-energy": quadratic_energy_combine,
}
_LINKED: dict[str, Callable[[Sequence[float]], float]] = {
    "min": min,
    "product": math.prod,
}


def _method(name: str) -> str:
    key = name.strip().lower().replace("_", "-").replace(" ", "-")
    key = {"df-quad": "dfquad", "qe": "quadratic-energy", "quadratic": "quadratic-energy"}.get(key, key)
    if key not in _COMBINE:
        raise ArgmapError(f"unknown gradual semantics {name!r}; use one of: {', '.join(METHODS)}")
    return key


def _base_scores(m: ArgumentMap, base: Mapping[str, float] | None) -> dict[str, float]:
    graph = m.graph
    given = dict(base or {})
    for node, value in given.items():
        if node not in graph:
            raise ArgmapError(f"base score for {node!r}, which is not in the map")
        if graph.nodes[node].get("kind") != "claim":
            raise ArgmapError(f"base score for {node!r}: only claims have base scores; "
                              "a step's base is the strength of its premises")
        if not (isinstance(value, (int, float)) and 0.0 <= value <= 1.0):
            raise ArgmapError(f"base score {value!r} for {node!r} is not a number in [0, 1]")
    scores: dict[str, float] = {}
    for node, attrs in adjacency(graph)[0].items():
        if attrs.get("kind") != "claim":
            continue
        score: Any = given.get(node, attrs.get("rating")) if given else attrs.get("rating")
        if score is None:
            score = DEFAULT_BASE
        elif type(score) is not float or not 0.0 <= score <= 1.0:  # a float in range passes at once
            if not (isinstance(score, (int, float)) and 0.0 <= score <= 1.0):
                raise ArgmapError(f"claim {node!r}: rating {score!r} is not a number in [0, 1]")
            score = float(score)
        scores[node] = score
    return scores


@gc_paused()  # objects by the node, no cycles: the collector would walk the whole map again and again
def strength(
    m: ArgumentMap,
    method: str = "dfquad",
    *,
    base: Mapping[str, float] | None = None,
    linked: str = "min",
    tolerance: float = 1e-9,
    max_iterations: int = 100_000,
) -> dict[str, float]:
    """The strength of every node (claims and steps) under a gradual semantics.

    Args:
        m: the map.
        method: ``"dfquad"`` or ``"quadratic-energy"``.
        base: base scores by claim id, overriding ``Claim.rating`` (default 0.5).
        linked: how a step's co-premises combine into its base: ``"min"`` (weakest link) or
            ``"product"``.
        tolerance: on cycles, stop when no strength changes by more than this per unit of time.
        max_iterations: on cycles, give up (``ArgmapError``) after this many Euler steps.

    Returns:
        ``{node id: strength in [0, 1]}`` for every claim and inference, in the map's order.

    Raises:
        ArgmapError: an unknown method, a bad base score, or a cycle that does not settle.
    """
    combine = _COMBINE[_method(method)]
    if linked not in _LINKED:
        raise ArgmapError(f"unknown way to combine linked premises {linked!r}; use 'min' or 'product'")
    aggregate = _LINKED[linked]
    graph = m.graph
    claim_base = _base_scores(m, base)
    nodes, succ, pred = adjacency(graph)
    by_levels = _by_levels(nodes, pred, claim_base, _method(method), linked)
    if by_levels is not None:
        return by_levels
    # Every step's polarity; membership also tells a step from a claim.
    polarity = {n: a.get("polarity") for n, a in nodes.items() if a.get("kind") == "inference"}

    order = _topological_order(nodes, succ, pred)
    if order is not None:  # acyclic: every node once, exactly, reading only its predecessors
        s: dict[str, float] = {}
        nothing: list[str] = []
        for node in order:
            bearers = pred[node]
            if node in polarity:  # a step: its premises make its base, steps aimed at it move it
                values = [s[p] for p in bearers if p not in polarity]
                b = values[0] if len(values) == 1 else (aggregate(values) if values else 0.0)
                steps_on = [x for x in bearers if x in polarity]
            else:
                b = claim_base[node]
                steps_on = [x for x in bearers if x in polarity] if bearers else nothing
            if not steps_on:  # nothing bears on it: both semantics leave its base as it is
                s[node] = b
                continue
            pro = [s[x] for x in steps_on if polarity[x] != "attack"]
            con = [s[x] for x in steps_on if polarity[x] == "attack"]
            s[node] = combine(b, pro, con)
        return {n: s[n] for n in nodes}

    premises: dict[str, list[str]] = {}
    supporters: dict[str, list[str]] = {}
    attackers: dict[str, list[str]] = {}
    for node, pol in polarity.items():
        premises[node] = [p for p in pred[node] if nodes[p].get("kind") == "claim"]
        side = attackers if pol == "attack" else supporters
        for target in succ[node]:
            side.setdefault(target, []).append(node)

    def update(node: str, s: Mapping[str, float]) -> float:
        if node in premises:
            b = aggregate([s[p] for p in premises[node]]) if premises[node] else 0.0
        else:
            b = claim_base[node]
        return combine(b, [s[x] for x in supporters.get(node, ())], [s[x] for x in attackers.get(node, ())])

    s = {}
    position = {n: k for k, n in enumerate(graph)}
    condensed = nx.condensation(graph)
    for part in nx.topological_sort(condensed):
        members = condensed.nodes[part]["members"]
        if len(members) == 1:
            (node,) = members
            if not graph.has_edge(node, node):
                s[node] = update(node, s)
                continue
        _settle(sorted(members, key=position.__getitem__), s, claim_base, premises, aggregate,
                update, tolerance, max_iterations, method)
    return {n: s[n] for n in graph}


_Floats = npt.NDArray[np.float64]
_Ints = npt.NDArray[np.int64]
_WIDE = 16  # the least mean number of nodes per level worth numpy's per-call cost


def _levels(n: int, src: _Ints, dst: _Ints, indegree: _Ints) -> _Ints | None:
    """Each node's level (longest path from a node nothing bears on), by Kahn's algorithm a level
    at a time; None on a cycle, or when the levels are too narrow for arrays to pay (a long chain)."""
    order = np.argsort(src, kind="stable")
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=n), out=ptr[1:])
    heads = dst[order]
    left = indegree.copy()
    level = np.full(n, -1, dtype=np.int64)
    frontier = np.flatnonzero(left == 0)
    done = depth = 0
    while frontier.size:
        level[frontier] = depth
        done += frontier.size
        depth += 1
        if depth > 64 and done < _WIDE * depth:
            return None
        starts, counts = ptr[frontier], ptr[frontier + 1] - ptr[frontier]
        total = int(counts.sum())
        if not total:
            break
        # the out-edges of the whole frontier: its rows of ``heads``, one after the other
        offsets = np.repeat(starts - np.cumsum(counts) + counts, counts) + np.arange(total)
        reached, times = np.unique(heads[offsets], return_counts=True)
        left[reached] -= times
        frontier = reached[left[reached] == 0]
    return level if done == n else None


def _by_levels(nodes: Mapping[str, Mapping[str, object]], pred: Mapping[str, Mapping[str, object]],
               claim_base: Mapping[str, float], method: str, linked: str) -> dict[str, float] | None:
    """Strengths of an acyclic map a level at a time over arrays, or None to go node by node.

    Every node of a level depends only on lower levels, so a level is a few array operations.
    Products and minimums run over each node's predecessors in the graph's order (``ufunc.at``
    works through its indices in order), so every strength is the very float the node-by-node
    loop gives; quadratic energy's exact sums (``math.fsum``) are taken node by node where a
    side has more than two terms (up to two, a plain sum is exact too).
    """
    ids = list(nodes)
    n = len(ids)
    if n < 2 * _WIDE:
        return None
    attrs = list(nodes.values())
    kinds = [a.get("kind") for a in attrs]
    if kinds.count("claim") + kinds.count("inference") != n:
        return None  # a node of no known kind: the general path says what it says of those
    step = np.array([k == "inference" for k in kinds], dtype=bool)
    attack = step & np.array([a.get("polarity") == "attack" for a in attrs], dtype=bool)
    base = np.zeros(n)
    base[~step] = np.fromiter(claim_base.values(), dtype=np.float64, count=len(claim_base))  # claims in order
    index = dict(zip(ids, range(n), strict=True))
    indegree = np.fromiter(map(len, pred.values()), dtype=np.int64, count=n)
    edges = int(indegree.sum())
    if edges < 2:  # itemgetter of one key gives the value, not a tuple
        return None
    # every predecessor looked up in one call (itemgetter loops in C)
    src = np.fromiter(itemgetter(*chain.from_iterable(pred.values()))(index), dtype=np.int64, count=edges)
    dst = np.repeat(np.arange(n, dtype=np.int64), indegree)  # grouped by target, in each one's order
    level = _levels(n, src, dst, indegree)
    if level is None:
        return None
    # nodes and edges by level; a stable sort keeps each target's predecessors in order
    node_order = np.argsort(level, kind="stable")
    node_ptr = np.searchsorted(level[node_order], np.arange(level.max() + 2))
    edge_level = level[dst]
    edge_order = np.argsort(edge_level, kind="stable")
    edge_ptr = np.searchsorted(edge_level[edge_order], np.arange(level.max() + 2))
    src, dst = src[edge_order], dst[edge_order]
    premise = step[dst] & ~step[src]  # a claim into a step
    bearer = step[src]  # a step into anything: supports and attacks
    quadratic = method == "quadratic-energy"
    s = np.zeros(n)
    pro = np.zeros(n)
    con = np.zeros(n)
    premise_min = np.full(n, np.inf) if linked == "min" else np.ones(n)
    has_premise = np.zeros(n, dtype=bool)
    has_bearer = np.zeros(n, dtype=bool)
    pro_count = np.zeros(n, dtype=np.int64)
    con_count = np.zeros(n, dtype=np.int64)
    if not quadratic:
        pro.fill(1.0)  # DF-QuAD multiplies (1 - strength) per side
        con.fill(1.0)
    for lv in range(len(node_ptr) - 1):
        members = node_order[node_ptr[lv]:node_ptr[lv + 1]]
        lo, hi = edge_ptr[lv], edge_ptr[lv + 1]
        e_src, e_dst = src[lo:hi], dst[lo:hi]
        e_premise, e_bearer = premise[lo:hi], bearer[lo:hi]
        if e_premise.any():  # a step's base: the weakest (or the product) of its premises
            ps, pd = e_src[e_premise], e_dst[e_premise]
            (np.minimum if linked == "min" else np.multiply).at(premise_min, pd, s[ps])
            has_premise[pd] = True
        b = base[members]
        steps = step[members]
        if steps.any():
            b = np.where(steps, np.where(has_premise[members], premise_min[members], 0.0), b)
        if not e_bearer.any():
            s[members] = b
            continue
        bs, bd = e_src[e_bearer], e_dst[e_bearer]
        against = attack[bs]
        has_bearer[bd] = True
        if quadratic:
            np.add.at(pro, bd[~against], s[bs[~against]])
            np.add.at(con, bd[against], s[bs[against]])
            np.add.at(pro_count, bd[~against], 1)
            np.add.at(con_count, bd[against], 1)
            energy = pro[members] - con[members]
            heavy = np.flatnonzero((pro_count[members] > 2) | (con_count[members] > 2))
            if heavy.size:  # math.fsum, as the node-by-node loop sums, over each one's bearers in order
                by_target = np.argsort(bd, kind="stable")
                targets = bd[by_target]
                values, kinds = s[bs[by_target]].tolist(), against[by_target].tolist()
                firsts = np.searchsorted(targets, members[heavy]).tolist()
                lasts = np.searchsorted(targets, members[heavy], side="right").tolist()
                for j, first, last in zip(heavy.tolist(), firsts, lasts, strict=True):
                    mine = range(first, last)
                    energy[j] = (math.fsum(values[e] for e in mine if not kinds[e])
                                 - math.fsum(values[e] for e in mine if kinds[e]))
            up, down = np.maximum(energy, 0.0), np.maximum(-energy, 0.0)
            result = b - b * (down * down / (1.0 + down * down)) + (1.0 - b) * (up * up / (1.0 + up * up))
        else:
            np.multiply.at(pro, bd[~against], 1.0 - s[bs[~against]])
            np.multiply.at(con, bd[against], 1.0 - s[bs[against]])
            va, vs = 1.0 - con[members], 1.0 - pro[members]
            result = np.where(va >= vs, b - b * (va - vs), b + (1.0 - b) * (vs - va))
        s[members] = np.where(has_bearer[members], result, b)
    return dict(zip(ids, s.tolist(), strict=True))


def _topological_order(nodes: Mapping[str, object], succ: Mapping[str, Mapping[str, object]],
                       pred: Mapping[str, Mapping[str, object]]) -> list[str] | None:
    """Kahn's algorithm over networkx's own dicts (cheaper than its views); None on a cycle."""
    indegree = {n: len(pred[n]) for n in nodes}
    ready = [n for n, d in indegree.items() if d == 0]
    order: list[str] = []
    while ready:
        node = ready.pop()
        order.append(node)
        for nxt in succ[node]:
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                ready.append(nxt)
    return order if len(order) == len(indegree) else None


def _settle(
    members: list[str],
    s: dict[str, float],
    claim_base: Mapping[str, float],
    premises: Mapping[str, list[str]],
    aggregate: Callable[[Sequence[float]], float],
    update: Callable[[str, Mapping[str, float]], float],
    tolerance: float,
    max_iterations: int,
    method: str,
) -> None:
    """Integrate ``ds/dt = f(s) - s`` over one cycle's nodes, from the base scores, to rest."""
    for node in members:  # claims start at their base score, steps at their premises' base
        if node in claim_base:
            s[node] = claim_base[node]
    for node in members:
        if node in premises:
            s[node] = aggregate([s.get(p, claim_base[p]) for p in premises[node]]) if premises[node] else 0.0
    for _ in range(max_iterations):
        change = {node: update(node, s) - s[node] for node in members}
        for node, d in change.items():
            s[node] += _STEP * d
        if max(abs(d) for d in change.values()) <= tolerance:
            return
    shown = ", ".join(repr(n) for n in members[:5]) + (", ..." if len(members) > 5 else "")
    raise ArgmapError(f"{method} strengths did not settle within {max_iterations} steps on the cycle "
                      f"through {shown}; try a larger max_iterations or tolerance")


def thesis_strength(m: ArgumentMap, method: str = "dfquad", **options: object) -> float:
    """The strength of the map's thesis (``m.thesis``); options as for :func:`strength`.

    Raises:
        ArgmapError: the map has no claim.
    """
    thesis = m.thesis
    if thesis is None:
        raise ArgmapError("the map has no claim, so no thesis to weigh")
    return strength(m, method, **options)[thesis.id]  # type: ignore[arg-type]
