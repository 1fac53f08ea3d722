"""The model's structural rules, checked over the raw graph so hand-edited graphs are caught too."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.model import POLARITIES, Source, adjacency

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
