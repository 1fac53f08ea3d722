"""What the checks read about a map, worked out once in one pass and shared by every check.

Each check is a function of the map alone (``(m) -> hits``), so a check is easy to write and to
call on its own. Run one by one, each would walk the whole map again through networkx's views;
:func:`argmap.analysis.checks.check` instead opens :func:`shared_facts` around the run, and every
check that asks :func:`facts_of` for the same map gets the one :class:`MapFacts` built for it.
Outside such a run, :func:`facts_of` builds fresh facts, so a check called alone sees the map as
it is now.

>>> import argmap
>>> m = argmap.ArgumentMap()
>>> t = m.claim("T", id="t")
>>> _ = m.attack(t, m.claim("O", id="o"), id="a")
>>> f = facts_of(m)
>>> f.claims, f.steps, f.premises["a"], f.target["a"], f.role("a")
(['t', 'o'], ['a'], ['o'], 't', 'objection')
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cached_property
from typing import TYPE_CHECKING, Any

from argmap.model import adjacency

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["MapFacts", "facts_of", "shared_facts"]


class MapFacts:
    """A map's claims and steps, and the relations the checks ask about, as plain lists and dicts.

    ``kind`` and ``polarity`` (of steps) are tables by node id; ``premises[step]`` are a step's
    premise claims and ``target[step]`` its one target (None when it has none or several: a
    broken map, whose ``targets(step)`` lists them all); ``incoming(node)`` gives the steps aimed
    at a node and ``used_in(claim)`` those a claim is a premise of. Lists keep the graph's order.
    """

    def __init__(self, m: ArgumentMap) -> None:
        nodes, succ, pred = adjacency(m.graph)
        self.map = m
        self.nodes = nodes
        self.succ = succ
        self.pred = pred
        self.kind: dict[str, str | None] = {n: a.get("kind") for n, a in nodes.items()}
        self.claims = [n for n, k in self.kind.items() if k == "claim"]
        self.steps = [n for n, k in self.kind.items() if k == "inference"]
        self.polarity: dict[str, str] = {n: nodes[n].get("polarity", "support") for n in self.steps}
        # What one check works out and others reuse: each node's word terms, linked pairs, ...
        self.terms: dict[str, frozenset[str]] = {}
        self.term_words: dict[str, dict[str, str]] = {}
        self.memo: dict[str, Any] = {}

    @cached_property
    def premises(self) -> dict[str, list[str]]:
        kind, pred = self.kind, self.pred
        return {s: [p for p in pred[s] if kind[p] == "claim"] for s in self.steps}

    @cached_property
    def target(self) -> dict[str, str | None]:
        succ = self.succ
        return {s: next(iter(succ[s])) if len(succ[s]) == 1 else None for s in self.steps}

    @cached_property
    def order(self) -> dict[str, int]:
        """Each node's place in the graph (the order findings are reported in)."""
        return {n: k for k, n in enumerate(self.nodes)}

    def targets(self, step: str) -> list[str]:
        return list(self.succ[step])

    def incoming(self, node: str) -> list[str]:
        kind = self.kind
        return [s for s in self.pred[node] if kind[s] == "inference"]

    def used_in(self, claim: str) -> list[str]:
        kind = self.kind
        return [s for s in self.succ[claim] if kind[s] == "inference"]

    def role(self, step: str) -> str:
        """The step's derived role, as :attr:`argmap.Inference.role` defines it."""
        polarity = self.polarity
        if polarity[step] == "support":
            return "reason"
        target = self.target[step]
        if target is None:
            return "objection"
        if self.kind[target] == "inference":
            return "rebuttal" if polarity[target] == "attack" else "undercut"
        if any(polarity[s] == "attack" for s in self.used_in(target)):
            return "rebuttal"
        return "objection"

    def attacks_on(self, node: str) -> list[str]:
        """The attacking steps aimed at a node."""
        polarity = self.polarity
        return [s for s in self.incoming(node) if polarity[s] == "attack"]

    @cached_property
    def steps_on_claims(self) -> list[tuple[str, list[str], str]]:
        """(step, premise ids, conclusion id) for every well-formed step aimed at a claim."""
        out = []
        kind, premises_of, target_of = self.kind, self.premises, self.target
        for step in self.steps:
            target, premises = target_of[step], premises_of[step]
            if target is not None and premises and kind[target] == "claim" and target not in premises:
                out.append((step, premises, target))
        return out


class _Shared:
    """The map a :func:`shared_facts` block is about, and its facts once someone asks for them."""

    def __init__(self, m: ArgumentMap) -> None:
        self.map = m
        self.facts: MapFacts | None = None


_CURRENT: ContextVar[_Shared | None] = ContextVar("argmap_check_facts", default=None)


def facts_of(m: ArgumentMap) -> MapFacts:
    """The facts of ``m``: those shared by the running :func:`shared_facts`, else fresh ones."""
    shared = _CURRENT.get()
    if shared is None or shared.map is not m:
        return MapFacts(m)
    if shared.facts is None:
        shared.facts = MapFacts(m)
    return shared.facts


@contextmanager
def shared_facts(m: ArgumentMap) -> Iterator[None]:
    """Within the block, every :func:`facts_of` call for ``m`` returns one set of facts.

    The facts are built on first use; the map must not change inside the block (the checks
    only read it).
    """
    token = _CURRENT.set(_Shared(m))
    try:
        yield
    finally:
        _CURRENT.reset(token)
