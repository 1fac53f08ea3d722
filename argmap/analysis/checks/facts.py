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
    """A map's claims, steps and the relations between them, as plain lists and dicts.

    ``premises[step]`` are the step's premise claims; ``targets[step]`` what it is aimed at and
    ``target[step]`` the one target (None when there are none or several: a broken map);
    ``incoming[node]`` are the steps aimed at a node; ``used_in[claim]`` the steps a claim is a
    premise of. Every list keeps the graph's order.
    """

    def __init__(self, m: ArgumentMap) -> None:
        nodes, succ, pred = adjacency(m.graph)
        self.map = m
        self.nodes = nodes
        self.claims: list[str] = []
        self.steps: list[str] = []
        self.premises: dict[str, list[str]] = {}
        self.targets: dict[str, list[str]] = {}
        self.target: dict[str, str | None] = {}
        self.incoming: dict[str, list[str]] = {}
        self.used_in: dict[str, list[str]] = {}
        for node, attrs in nodes.items():
            kind = attrs.get("kind")
            if kind == "claim":
                self.claims.append(node)
                self.used_in[node] = [s for s in succ[node] if nodes[s].get("kind") == "inference"]
            elif kind == "inference":
                self.steps.append(node)
                self.premises[node] = [p for p in pred[node] if nodes[p].get("kind") == "claim"]
                targets = self.targets[node] = list(succ[node])
                self.target[node] = targets[0] if len(targets) == 1 else None
            else:
                continue
            self.incoming[node] = [s for s in pred[node] if nodes[s].get("kind") == "inference"]
        self.order = {n: k for k, n in enumerate(nodes)}
        # Room for what one check works out and another reuses (word terms, linked pairs).
        self.memo: dict[str, Any] = {}

    def polarity(self, step: str) -> str:
        """``support`` or ``attack``."""
        return self.nodes[step].get("polarity", "support")  # type: ignore[no-any-return]

    def role(self, step: str) -> str:
        """The step's derived role, as :attr:`argmap.Inference.role` defines it."""
        if self.polarity(step) == "support":
            return "reason"
        target = self.target[step]
        if target is None:
            return "objection"
        if self.nodes[target].get("kind") == "inference":
            return "rebuttal" if self.polarity(target) == "attack" else "undercut"
        if any(self.polarity(s) == "attack" for s in self.used_in.get(target, ())):
            return "rebuttal"
        return "objection"

    def attacks_on(self, node: str) -> list[str]:
        """The attacking steps aimed at a node."""
        return [s for s in self.incoming.get(node, ()) if self.polarity(s) == "attack"]

    @cached_property
    def steps_on_claims(self) -> list[tuple[str, list[str], str]]:
        """(step, premise ids, conclusion id) for every well-formed step aimed at a claim."""
        out = []
        for step in self.steps:
            target, premises = self.target[step], self.premises[step]
            if (target is not None and premises and self.nodes[target].get("kind") == "claim"
                    and target not in premises):
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
