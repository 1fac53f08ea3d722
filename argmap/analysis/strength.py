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
from typing import TYPE_CHECKING

import networkx as nx

from argmap.errors import ArgmapError
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
    for node, attrs in graph.nodes(data=True):
        if attrs.get("kind") != "claim":
            continue
        value = given.get(node, attrs.get("rating"))
        if value is None:
            value = DEFAULT_BASE
        if not (isinstance(value, (int, float)) and 0.0 <= value <= 1.0):
            raise ArgmapError(f"claim {node!r}: rating {value!r} is not a number in [0, 1]")
        scores[node] = float(value)
    return scores


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
