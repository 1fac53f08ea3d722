"""The model's structural rules, checked over the raw graph so hand-edited graphs are caught too."""

from __future__ import annotations

from itertools import chain, compress, repeat
from operator import eq, not_
from typing import TYPE_CHECKING, Any

from argmap.model import POLARITIES, AttrTable, Source, adjacency

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["problems"]


def _claim_problems(node: str, attrs: dict[str, Any]) -> list[str]:
    found = []
    text = attrs.get("text")
    if not isinstance(text, str):
        found.append(f"claim {node!r}: text must be a string, not {type(text).__name__}")
    elif not text.strip():
        found.append(f"claim {node!r}: text is blank")
    rating = attrs.get("rating")
    if rating is not None and not (isinstance(rating, (int, float)) and 0.0 <= rating <= 1.0):
        found.append(f"claim {node!r}: rating {rating!r} is not a number in [0, 1]")
    return found


def _inference_problems(kinds: dict[str, Any], premises: dict[str, Any], targets: dict[str, Any],
                        node: str, attrs: dict[str, Any]) -> list[str]:
    found = []
    polarity = attrs.get("polarity")
    if polarity not in POLARITIES:
        found.append(f"inference {node!r}: polarity {polarity!r} is neither 'support' nor 'attack'")
    if not any(kinds[p] == "claim" for p in premises):
        found.append(f"inference {node!r}: no premise")
    if len(targets) != 1:
        found.append(f"inference {node!r}: has {len(targets)} targets, needs exactly one")
    for t, edge in targets.items():
        if kinds[t] is None:
            found.append(f"inference {node!r}: target {t!r} does not exist")
        elif t in premises:
            found.append(f"inference {node!r}: claim {t!r} is both premise and conclusion")
        role = edge.get("role")
        if role != polarity:
            found.append(f"edge {node!r} -> {t!r}: role {role!r} should be {polarity!r}")
    return found


def _well_formed_step(kinds: dict[str, Any], premises: dict[str, Any], targets: dict[str, Any],
                      attrs: dict[str, Any]) -> bool:
    """The usual case, decided quickly: one existing target with the step's role, a claim premise."""
    if len(targets) != 1:
        return False
    ((target, edge),) = targets.items()
    polarity = attrs.get("polarity")
    return (edge.get("role") == polarity and polarity in POLARITIES and kinds[target] is not None
            and target not in premises and any(kinds[p] == "claim" for p in premises))


def _clearly_well_formed(nodes: AttrTable, succ: dict[str, AttrTable], pred: dict[str, AttrTable]) -> bool:
    """True when the map breaks no rule, decided in bulk; False when it may break one.

    The rules of :func:`problems`, each tested over a whole column (every claim's text, every
    step's one edge) by builtins mapped over lists, with no Python code run per node. Values
    compare with ``==`` as :func:`problems` compares them (never hashed: they may be anything);
    anything unusual (a subclass, a node of no kind) gives False, and :func:`problems` then goes
    node by node.
    """
    if set(map(type, nodes)) != {str} or not all(map(str.strip, nodes)):
        return not nodes  # an id that is no string, or blank; or no node at all
    ids = list(nodes)
    if list(succ) != ids or list(pred) != ids:
        return False  # networkx keeps its three tables in one order; columns below rely on it
    attrs = list(nodes.values())
    kinds = list(map(dict.get, attrs, repeat("kind")))
    if kinds.count("claim") + kinds.count("inference") != len(kinds):
        return False
    is_claim = list(map(eq, kinds, repeat("claim")))
    is_step = list(map(not_, is_claim))  # every node is a claim or a step
    steps = list(compress(ids, is_step))
    claim_attrs = list(compress(attrs, is_claim))
    texts: list[Any] = list(map(dict.get, claim_attrs, repeat("text")))
    if set(map(type, texts)) - {str} or not all(map(str.strip, texts)):
        return False
    ratings = [r for r in map(dict.get, claim_attrs, repeat("rating")) if r is not None]
    if set(map(type, ratings)) - {int, float} or not (
            all(map((0.0).__le__, ratings)) and all(map((1.0).__ge__, ratings))):  # NaN fails both
        return False
    for sources in filter(None, map(dict.get, attrs, repeat("sources"))):
        if type(sources) is not list or set(map(type, sources)) - {Source}:
            return False
    # Claims: every edge out goes to a step, as a premise; and every step has a claim premise.
    claim_out = list(compress(succ.values(), is_claim))
    if set(chain.from_iterable(claim_out)) != set(steps):
        return False
    roles = list(map(dict.get, chain.from_iterable(map(dict.values, claim_out)), repeat("role")))
    if roles.count("premise") != len(roles):
        return False
    # Steps: one target (a node, so of a kind), not among the step's premises, along an edge whose
    # role is the step's polarity.
    step_out = list(compress(succ.values(), is_step))
    if set(map(len, step_out)) - {1}:
        return False
    polarities = list(map(dict.get, compress(attrs, is_step), repeat("polarity")))
    if sum(map(polarities.count, POLARITIES)) != len(polarities):
        return False
    if list(map(dict.get, map(next, map(iter, map(dict.values, step_out))), repeat("role"))) != polarities:
        return False
    targets = list(map(next, map(iter, step_out)))
    return not any(map(dict.__contains__, compress(pred.values(), is_step), targets))


def problems(m: ArgumentMap) -> list[str]:
    """Every rule the map breaks, as readable lines (empty when the map is well formed).

    One pass over the nodes and one over the edges, each looking only at a node's own
    neighbours: linear in the size of the map.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> t = m.claim("T", id="t")
    >>> m.graph.add_edge("t", "ghost")  # by hand, bypassing the API
    >>> for line in problems(m):
    ...     print(line)
    edge 't' -> 'ghost': node 'ghost' does not exist
    edge 't' -> 'ghost': a claim can only be a premise of an inference
    """
    nodes, succ, pred = adjacency(m.graph)
    if _clearly_well_formed(nodes, succ, pred):
        return []
    kinds = {node: attrs.get("kind") for node, attrs in nodes.items()}
    found: list[str] = []
    for node, attrs in nodes.items():
        kind = kinds[node]
        if not isinstance(node, str) or not node.strip():
            found.append(f"node {node!r}: id must be a non-blank string")
        if kind == "claim":
            text = attrs.get("text")
            if not isinstance(text, str) or not text.strip() or attrs.get("rating") is not None:
                found.extend(_claim_problems(node, attrs))
        elif kind == "inference":
            if not _well_formed_step(kinds, pred[node], succ[node], attrs):
                found.extend(_inference_problems(kinds, pred[node], succ[node], node, attrs))
        elif kind is not None:
            found.append(f"node {node!r}: unknown kind {kind!r}")
        sources = attrs.get("sources")
        if sources:
            found.extend(f"{kind or 'node'} {node!r}: source {source!r} is not a Source"
                         for source in sources if not isinstance(source, Source))
    for u, targets in succ.items():
        u_kind = kinds[u]
        if u_kind == "inference" and len(targets) == 1:
            (v,) = targets
            if kinds[v] is None:
                found.append(f"edge {u!r} -> {v!r}: node {v!r} does not exist")
            continue  # the step's one edge: its role was checked with the step
        for v, edge in targets.items():
            v_kind = kinds[v]
            if u_kind is None:
                found.append(f"edge {u!r} -> {v!r}: node {u!r} does not exist")
            if v_kind is None:
                found.append(f"edge {u!r} -> {v!r}: node {v!r} does not exist")
            if u_kind == "claim":
                if v_kind != "inference":
                    found.append(f"edge {u!r} -> {v!r}: a claim can only be a premise of an inference")
                elif edge.get("role") != "premise":
                    found.append(f"edge {u!r} -> {v!r}: role should be 'premise'")
    return found
