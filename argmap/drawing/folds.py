"""What folds away under a claim: the part of the map that bears on the map's theses only through it.

Folding a claim hides every node whose every line of reasoning to a thesis runs through that
claim: the steps aimed at it, their premises, the steps aimed at those (undercuts included),
and so on, but never a claim that also bears on something outside the fold (a premise shared
with another step stays visible). In graph terms: reverse the edges, add a root above every
thesis, and the fold of ``c`` is the set of nodes that ``c`` *dominates* (Lengauer and Tarjan;
networkx's ``immediate_dominators``). The dominator tree gives every fold at once, nested:
folds never partly overlap, so the page only has to walk the tree.

A cycle that bears on no thesis (every claim in it a premise of another) has no top; each of its
claims then counts as a top, so nothing folds a member of such a cycle away.

>>> from argmap import ArgumentMap
>>> m = ArgumentMap()
>>> t = m.claim("T", id="t")
>>> r = m.claim("R", id="r")
>>> _ = m.support(t, r, id="s1")
>>> _ = m.attack(r, m.claim("O", id="o"), id="a1")
>>> shared = m.claim("Shared", id="shared")
>>> _ = m.support(r, shared, id="s2")
>>> _ = m.support(t, shared, id="s3")
>>> sorted(fold_sets(m)["r"])
['a1', 'o', 's2']
>>> sorted(fold_sets(m)["t"])
['a1', 'o', 'r', 's1', 's2', 's3', 'shared']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import networkx as nx

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["fold_tree", "fold_sets"]

# A node name no map can use: map ids are strings.
_ROOT = ("argmap-fold-root",)


def fold_tree(m: ArgumentMap) -> dict[str, list[str]]:
    """Each node's children in the fold (dominator) tree, in graph order; leaves map to ``[]``.

    The fold of a claim is everything below it in this tree.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> t = m.claim("T", id="t")
    >>> _ = m.support(t, m.claim("R", id="r"), id="s")
    >>> fold_tree(m)
    {'t': ['s'], 'r': [], 's': ['r']}
    """
    graph = m.graph
    up: Any = graph.reverse(copy=True)  # edges now run from a claim to what bears on it
    up.add_node(_ROOT)
    for node in graph.nodes:
        if graph.out_degree(node) == 0:
            up.add_edge(_ROOT, node)
    # What no thesis reaches hangs from cycles with nothing above them: each member is a top.
    stranded = set(graph.nodes) - nx.descendants(up, _ROOT)
    if stranded:
        components = nx.condensation(up.subgraph(stranded))
        for component in components.nodes:
            if components.in_degree(component) == 0:
                members = components.nodes[component]["members"]
                tops = [n for n in members if graph.nodes[n].get("kind") == "claim"] or list(members)
                for node in tops:
                    up.add_edge(_ROOT, node)
    idom = nx.immediate_dominators(up, _ROOT)
    children: dict[str, list[str]] = {node: [] for node in graph.nodes}
    for node in graph.nodes:
        parent = idom[node]
        if parent != _ROOT:
            children[parent].append(node)
    return children


def fold_sets(m: ArgumentMap) -> dict[str, set[str]]:
    """For each claim, the ids that folding it hides (empty when nothing bears on it alone)."""
    tree = fold_tree(m)
    folds: dict[str, set[str]] = {}
    for claim in m.claims:
        hidden: set[str] = set()
        stack = list(tree[claim.id])
        while stack:
            node = stack.pop()
            hidden.add(node)
            stack.extend(tree[node])
        folds[claim.id] = hidden
    return folds
