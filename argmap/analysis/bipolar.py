"""From a bipolar map to Dung attacks: Cayrol and Lagasquie-Schiex's supported and secondary attacks.

A map is a bipolar framework once each node is an argument and each edge a relation:

- *support*: a premise supports the step it is a premise of; a support step supports its target;
- *attack*: an attack step attacks its target (a claim, or a step: an undercut).

Dung semantics see attacks only, so support is folded into attacks (Cayrol and Lagasquie-Schiex,
"On the acceptability of arguments in bipolar argumentation frameworks", ECSQARU 2005):

- *supported attack*: ``a`` supports (through a chain) ``x`` and ``x`` attacks ``b``: ``a`` attacks ``b``;
- *secondary attack*: ``a`` attacks ``x`` and ``x`` supports (through a chain) ``b``: ``a`` attacks ``b``.

Both together give ``S* ; A ; S*``: every direct attack ``(x, y)`` becomes the attacks from all
that reach ``x`` by support to all that ``y`` reaches by support. argmap's default keeps only the
secondary attacks (``A ; S*``): in a map the attacking argument is the step, and a supported attack
from its premises would bypass an undercut of that step (see ``docs/semantics.md``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["derive_attacks", "relations"]


def relations(m: ArgumentMap, ids: Sequence[str]) -> tuple[list[list[int]], list[tuple[int, int]]]:
    """The map's support edges (as successor lists by index) and direct attacks (index pairs).

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> _ = m.support(m.claim("T", id="t"), m.claim("R", id="r"), id="s")
    >>> relations(m, list(m.graph.nodes))
    ([[], [2], [0]], [])
    """
    index = {node: i for i, node in enumerate(ids)}
    supports: list[list[int]] = [[] for _ in ids]
    attacks: list[tuple[int, int]] = []
    for u, v, role in m.graph.edges(data="role"):
        if role == "attack":
            attacks.append((index[u], index[v]))
        else:  # a premise supports its step, a support step its target
            supports[index[u]].append(index[v])
    return supports, attacks


def _reach(start: int, succ: list[list[int]]) -> list[int]:
    """Everything reachable from ``start`` along ``succ``, ``start`` first (iterative)."""
    seen = {start}
    order = [start]
    stack = [start]
    while stack:
        node = stack.pop()
        for nxt in succ[node]:
            if nxt not in seen:
                seen.add(nxt)
                order.append(nxt)
                stack.append(nxt)
    return order


def derive_attacks(
    m: ArgumentMap, ids: Sequence[str], support: str = "secondary"
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The attack relation of the map's framework as ``(attackers, targets)`` index arrays.

    ``support`` says which derived attacks to add: ``"secondary"`` (argmap's default),
    ``"cayrol"`` (supported and secondary), ``"supported"`` or ``"none"`` (direct attacks only).
    """
    supports, direct = relations(m, ids)
    backward: list[list[int]] = [[] for _ in ids]
    for u, succ in enumerate(supports):
        for v in succ:
            backward[v].append(u)
    use_pre = support in ("cayrol", "supported")
    use_post = support in ("cayrol", "secondary")
    pre_cache: dict[int, list[int]] = {}
    post_cache: dict[int, list[int]] = {}
    n = len(ids)
    pairs: set[int] = set()
    for x, y in direct:
        if use_pre:
            pre = pre_cache.get(x)
            if pre is None:
                pre = pre_cache[x] = _reach(x, backward)
        else:
            pre = [x]
        if use_post:
            post = post_cache.get(y)
            if post is None:
                post = post_cache[y] = _reach(y, supports)
        else:
            post = [y]
        for a in pre:
            base = a * n
            pairs.update(base + b for b in post)
    keys = np.fromiter(pairs, dtype=np.int64, count=len(pairs))
    keys.sort()  # a deterministic order, whatever the set's
    return keys // max(n, 1), keys % max(n, 1)
