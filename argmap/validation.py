"""The model's structural rules, checked over the raw graph so hand-edited graphs are caught too."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.model import POLARITIES, Source

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


def _inference_problems(graph: Any, node: str, attrs: dict[str, Any]) -> list[str]:
    found = []
    polarity = attrs.get("polarity")
    if polarity not in POLARITIES:
        found.append(f"inference {node!r}: polarity {polarity!r} is neither 'support' nor 'attack'")
    premises = list(graph.predecessors(node))
    targets = list(graph.successors(node))
    if not any(graph.nodes[p].get("kind") == "claim" for p in premises):
        found.append(f"inference {node!r}: no premise")
    if len(targets) != 1:
        found.append(f"inference {node!r}: has {len(targets)} targets, needs exactly one")
    for t in targets:
        if graph.nodes[t].get("kind") is None:
            found.append(f"inference {node!r}: target {t!r} does not exist")
        elif t in premises:
            found.append(f"inference {node!r}: claim {t!r} is both premise and conclusion")
        role = graph.edges[node, t].get("role")
        if role != polarity:
            found.append(f"edge {node!r} -> {t!r}: role {role!r} should be {polarity!r}")
    return found


def problems(m: ArgumentMap) -> list[str]:
    """Every rule the map breaks, as readable lines (empty when the map is well formed).

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> t = m.claim("T", id="t")
    >>> m.graph.add_edge("t", "ghost")  # by hand, bypassing the API
    >>> for line in problems(m):
    ...     print(line)
    edge 't' -> 'ghost': node 'ghost' does not exist
    edge 't' -> 'ghost': a claim can only be a premise of an inference
    """
    graph = m.graph
    found: list[str] = []
    for node, attrs in graph.nodes(data=True):
        kind = attrs.get("kind")
        if not isinstance(node, str) or not node.strip():
            found.append(f"node {node!r}: id must be a non-blank string")
        if kind == "claim":
            found.extend(_claim_problems(node, attrs))
        elif kind == "inference":
            found.extend(_inference_problems(graph, node, attrs))
        elif kind is not None:
            found.append(f"node {node!r}: unknown kind {kind!r}")
        for source in attrs.get("sources", ()):
            if not isinstance(source, Source):
                found.append(f"{kind or 'node'} {node!r}: source {source!r} is not a Source")
    for u, v in graph.edges:
        for end in (u, v):
            if graph.nodes[end].get("kind") is None:
                found.append(f"edge {u!r} -> {v!r}: node {end!r} does not exist")
        if graph.nodes[u].get("kind") == "claim" and graph.nodes[v].get("kind") != "inference":
            found.append(f"edge {u!r} -> {v!r}: a claim can only be a premise of an inference")
        premise_edge = graph.nodes[u].get("kind") == "claim" and graph.nodes[v].get("kind") == "inference"
        if premise_edge and graph.edges[u, v].get("role") != "premise":
            found.append(f"edge {u!r} -> {v!r}: role should be 'premise'")
    return found
