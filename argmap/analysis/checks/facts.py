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

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cached_property
from itertools import chain, compress, repeat
from operator import and_, eq, not_
from typing import TYPE_CHECKING, Any

from argmap.analysis.checks.finding import quote_node
from argmap.model import adjacency

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["MapFacts", "facts_of", "shared_facts", "findall_each"]


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
        # What one check works out and others reuse: each claim's word terms, linked pairs, ...
        self.memo: dict[str, Any] = {}

    @cached_property
    def _step_tables(self) -> _StepTables:
        return self._step_tables_at_once() or self._step_tables_one_by_one()

    def _step_tables_at_once(self) -> _StepTables | None:
        """The tables by builtins mapped over whole columns, when every step has one target."""
        kind, nodes, succ, pred, steps = self.kind, self.nodes, self.succ, self.pred, self.steps
        outs = list(map(succ.__getitem__, steps))
        if set(map(len, outs)) != {1}:
            return None  # no steps, or a broken one: one by one
        t = _StepTables()
        pols = list(map(dict.get, map(nodes.__getitem__, steps), repeat("polarity"), repeat("support")))
        t.polarity = dict(zip(steps, pols, strict=True))
        aims = list(map(next, map(iter, outs)))
        t.target = dict(zip(steps, aims, strict=True))
        ins = list(map(pred.__getitem__, steps))
        t.premises = dict(zip(steps, map(list, ins), strict=True))
        on_claim = list(map(eq, map(kind.__getitem__, aims), repeat("claim")))
        # A step's premises are its in-neighbours but the steps (undercuts) and nodes of another
        # kind among them: filter the few steps such a node points at.
        pointed_at = set(compress(aims, map(not_, on_claim)))  # by a step
        if len(self.claims) + len(steps) != len(kind):
            odd = (n for n, k in kind.items() if k != "claim" and k != "inference")
            pointed_at.update(chain.from_iterable(map(succ.__getitem__, odd)))
        for s in pointed_at.intersection(t.premises):
            t.premises[s] = [p for p in pred[s] if kind[p] == "claim"]
        is_support = list(map(eq, pols, repeat("support")))
        is_attack = list(map(eq, pols, repeat("attack")))
        t.attack_steps = list(compress(steps, is_attack))
        t.supported = set(compress(aims, is_support))
        t.attacked = set(compress(aims, is_attack))
        t.in_attacks = set(chain.from_iterable(compress(ins, is_attack)))
        premises = list(map(t.premises.__getitem__, steps))
        own = list(map(and_, on_claim, map(list.__contains__, premises, aims)))
        t.own_premise = list(compress(zip(steps, aims, strict=True), own))
        usable = map(and_, map(and_, on_claim, map(not_, own)), map(bool, premises))
        t.on_claims = list(compress(zip(steps, premises, aims, strict=True), usable))
        return t

    def _step_tables_one_by_one(self) -> _StepTables:
        # One pass over the steps fills every table about them: on a big map, each further pass
        # over 100,000 steps and their neighbours would cost as much as the work done in it.
        kind, nodes, succ, pred = self.kind, self.nodes, self.succ, self.pred
        t = _StepTables()
        polarity, premises, target, on_claims, own = t.polarity, t.premises, t.target, t.on_claims, t.own_premise
        for s in self.steps:
            pol = polarity[s] = nodes[s].get("polarity", "support")
            ps = premises[s] = [p for p in pred[s] if kind[p] == "claim"]
            out = succ[s]
            if len(out) == 1:
                (aim,) = out
                target[s] = aim
                if pol == "support":
                    t.supported.add(aim)
                elif pol == "attack":
                    t.attacked.add(aim)
                if kind[aim] == "claim":
                    if aim in ps:
                        own.append((s, aim))
                    elif ps:
                        on_claims.append((s, ps, aim))
            else:
                target[s] = None
                if pol == "support":
                    t.supported.update(out)
                elif pol == "attack":
                    t.attacked.update(out)
                own.extend((s, aim) for aim in out if kind[aim] == "claim" and aim in ps)
            if pol == "attack":
                t.attack_steps.append(s)
                t.in_attacks.update(pred[s])
        return t

    @property
    def polarity(self) -> dict[str, str]:
        """Each step's polarity (``support`` when it has none)."""
        return self._step_tables.polarity

    @property
    def premises(self) -> dict[str, list[str]]:
        return self._step_tables.premises

    @property
    def target(self) -> dict[str, str | None]:
        return self._step_tables.target

    @cached_property
    def order(self) -> dict[str, int]:
        """Each node's place in the graph (the order findings are reported in)."""
        return {n: k for k, n in enumerate(self.nodes)}

    @cached_property
    def folded(self) -> dict[str, str]:
        """Each claim's text in NFKC form and case-folded, for the claims whose text is a string:
        what the checks that compare wording (duplicates, the term rules) read."""
        nodes, normalize = self.nodes, unicodedata.normalize
        out = {}
        for c in self.claims:
            text = nodes[c].get("text")
            if isinstance(text, str):
                out[c] = normalize("NFKC", text).casefold()
        return out

    @property
    def supported(self) -> set[str]:
        """The nodes some supporting step is aimed at."""
        return self._step_tables.supported

    @property
    def attack_steps(self) -> list[str]:
        """The attacking steps, in the graph's order."""
        return self._step_tables.attack_steps

    @property
    def attacked(self) -> set[str]:
        """The nodes some attacking step is aimed at (those :meth:`attacks_on` finds steps for)."""
        return self._step_tables.attacked

    def quote(self, node: str) -> str:
        """:func:`~argmap.analysis.checks.finding.quote` of a node, from these tables."""
        return quote_node(self.nodes, self.pred, node)

    @property
    def own_premise(self) -> list[tuple[str, str]]:
        """(step, claim) for each target claim that is also one of the step's premises."""
        return self._step_tables.own_premise

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
        if target in self._step_tables.in_attacks:  # the target is a premise of an objection: this answers it
            return "rebuttal"
        return "objection"

    def attacks_on(self, node: str) -> list[str]:
        """The attacking steps aimed at a node."""
        polarity = self.polarity
        return [s for s in self.incoming(node) if polarity[s] == "attack"]

    @property
    def steps_on_claims(self) -> list[tuple[str, list[str], str]]:
        """(step, premise ids, conclusion id) for every well-formed step aimed at a claim."""
        return self._step_tables.on_claims


class _StepTables:
    """What :attr:`MapFacts._step_tables` works out in its one pass."""

    def __init__(self) -> None:
        self.polarity: dict[str, str] = {}
        self.premises: dict[str, list[str]] = {}
        self.target: dict[str, str | None] = {}
        self.on_claims: list[tuple[str, list[str], str]] = []
        self.supported: set[str] = set()  # nodes a supporting step is aimed at
        self.attacked: set[str] = set()  # nodes an attacking step is aimed at
        self.in_attacks: set[str] = set()  # nodes with an edge into an attacking step
        self.own_premise: list[tuple[str, str]] = []  # (step, claim): a target among its premises
        self.attack_steps: list[str] = []


def findall_each(pattern: re.Pattern[str], ascii_table: bytes, texts: list[str]) -> list[list[str]]:
    r"""``pattern.findall(text)`` for each text; the ASCII texts all at once, through a byte table.

    ``ascii_table`` (256 bytes) maps each ASCII character ``pattern`` matches (none of them white
    space) to itself and every other to a space, so that in ASCII text the runs it keeps are the
    pattern's matches (``pattern`` must match runs of one class of characters). One
    translation of all the ASCII texts joined costs a fraction of one regex call per text.

    >>> letters = re.compile(r"[^\W\d_]+")
    >>> table = bytes(c if chr(c).isascii() and chr(c).isalpha() else 32 for c in range(256))
    >>> findall_each(letters, table, ["tea's hot (1)", "", "café au lait", "a\x00b"])
    [['tea', 's', 'hot'], [], ['café', 'au', 'lait'], ['a', 'b']]
    """
    found: list[list[str] | None] = [None] * len(texts)
    ascii_at = [k for k, t in enumerate(texts) if t.isascii() and "\0" not in t]
    if ascii_at:
        # NUL, in none of these texts, separates them and maps to itself.
        joined = "\0".join([texts[k] for k in ascii_at]).encode("ascii")
        parts = joined.translate(b"\0" + ascii_table[1:]).decode("ascii").split("\0")
        for k, part in zip(ascii_at, parts, strict=True):
            found[k] = part.split()
    return [pattern.findall(t) if words is None else words for t, words in zip(texts, found, strict=True)]


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
