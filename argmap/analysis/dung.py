"""Dung semantics over a :class:`~argmap.analysis.framework.Framework`: labellings by index.

Labels are small integers in a NumPy ``int8`` array: :data:`IN`, :data:`OUT`, :data:`UNDEC`.
The grounded labelling is computed by the linear-time labelling algorithm (an argument is in
once all its attackers are out; out once an attacker is in), a worklist with no recursion, so a
chain a hundred thousand arguments deep is no harder than a wide one. Large frontiers are
processed a whole round at a time with array operations, small ones one argument at a time.

The semantics that may have several extensions (complete, preferred, stable, semi-stable) and the
ideal extension are computed in :mod:`argmap.analysis.sat`.

>>> from argmap.analysis.framework import Framework
>>> fw = Framework(["a", "b", "c", "d"], [("a", "b"), ("b", "c"), ("d", "d")])
>>> [LABELS[x] for x in grounded(fw)]
['in', 'out', 'in', 'undec']
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from argmap.analysis.framework import Framework

__all__ = ["IN", "OUT", "UNDEC", "LABELS", "grounded", "labelling_from_extension", "is_complete",
           "is_admissible", "largest_admissible_subset"]

UNDEC, IN, OUT = 0, 1, 2
#: Label names by their code.
LABELS: tuple[str, ...] = ("undec", "in", "out")

Labels = npt.NDArray[np.int8]
IntArray = npt.NDArray[np.int64]

# Below this many arguments a round is cheaper one by one than as array operations.
_SCALAR_FRONTIER = 48


def _gather(ptr: IntArray, rows: IntArray, nodes: IntArray) -> IntArray:
    """The concatenated rows of ``nodes`` in a compressed-row structure."""
    starts = ptr[nodes]
    lengths = ptr[nodes + 1] - starts
    total = int(lengths.sum())
    if total == 0:
        return rows[:0]
    # Positions: start of each row, repeated, plus an offset counting up within the row.
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    return rows[offsets + np.arange(total, dtype=np.int64)]


def grounded(fw: Framework) -> Labels:
    """The grounded labelling: a label code per argument index (iterative, linear time).

    >>> from argmap.analysis.framework import Framework
    >>> chain = Framework.from_arrays(100_000, range(99_999), range(1, 100_000))
    >>> labels = grounded(chain)
    >>> int(labels[0]), int(labels[1]), int(labels[-1])
    (1, 2, 2)
    """
    n = len(fw)
    label = np.zeros(n, dtype=np.int8)
    if n == 0:
        return label
    src, dst = fw.arrays
    ptr, targets = fw.out_rows()
    live = np.bincount(dst, minlength=n).astype(np.int64)  # attackers not yet out
    frontier: IntArray = np.flatnonzero(live == 0)
    while frontier.size:
        if frontier.size < _SCALAR_FRONTIER:
            frontier = _scalar_round(frontier.tolist(), label, live, ptr, targets)
            continue
        label[frontier] = IN
        hit = _gather(ptr, targets, frontier)
        hit = hit[label[hit] == UNDEC]
        if hit.size == 0:
            break
        newly_out = np.unique(hit)
        label[newly_out] = OUT
        attacked = _gather(ptr, targets, newly_out)
        if attacked.size == 0:
            break
        nodes, counts = np.unique(attacked, return_counts=True)
        live[nodes] -= counts
        frontier = nodes[(live[nodes] == 0) & (label[nodes] == UNDEC)]
    return label


def _scalar_round(frontier: list[int], label: Labels, live: IntArray, ptr: IntArray,
                  targets: IntArray) -> IntArray:
    """One argument at a time: cheap while the worklist is short (a long chain, say)."""
    work = list(frontier)
    while work and len(work) < 4 * _SCALAR_FRONTIER:
        a = work.pop()
        if label[a] != UNDEC:
            continue
        label[a] = IN
        for b in targets[ptr[a]:ptr[a + 1]].tolist():
            if label[b] != UNDEC:
                continue
            label[b] = OUT
            for c in targets[ptr[b]:ptr[b + 1]].tolist():
                live[c] -= 1
                if live[c] == 0 and label[c] == UNDEC:
                    work.append(c)
    return np.array([a for a in work if label[a] == UNDEC], dtype=np.int64)


def labelling_from_extension(fw: Framework, members: Iterable[int]) -> Labels:
    """The labelling of an extension: its members in, what they attack out, the rest undec."""
    label = np.zeros(len(fw), dtype=np.int8)
    chosen = np.fromiter(members, dtype=np.int64)
    if chosen.size:
        ptr, targets = fw.out_rows()
        label[_gather(ptr, targets, chosen)] = OUT
        label[chosen] = IN
    return label


def is_admissible(fw: Framework, members: Iterable[int]) -> bool:
    """Conflict-free, and every attacker of a member is attacked by a member."""
    label = labelling_from_extension(fw, members)
    src, dst = fw.arrays
    into = label[dst] == IN
    if np.any(label[src[into]] == IN):
        return False
    return not np.any(label[src[into]] != OUT)


def is_complete(fw: Framework, label: Labels) -> bool:
    """Whether a labelling is complete: in iff all attackers out, out iff some attacker in."""
    n = len(fw)
    src, dst = fw.arrays
    attackers_in = np.bincount(dst[label[src] == IN], minlength=n)
    attackers_not_out = np.bincount(dst[label[src] != OUT], minlength=n)
    legal_in = attackers_not_out == 0
    legal_out = attackers_in > 0
    ok_in = (label != IN) | legal_in
    ok_out = (label != OUT) | legal_out
    ok_undec = (label != UNDEC) | (~legal_in & ~legal_out)
    return bool(np.all(ok_in & ok_out & ok_undec))


def largest_admissible_subset(fw: Framework, candidates: Iterable[int]) -> list[int]:
    """The largest admissible subset of a conflict-free set (drop undefended members until stable).

    Admissible subsets of a conflict-free set are closed under union, so the largest exists; the
    ideal extension is this subset of the arguments every preferred extension accepts.
    """
    in_rows = fw.in_rows()
    ptr, attackers = in_rows
    out_ptr, targets = fw.out_rows()
    keep = set(candidates)
    changed = True
    while changed:
        changed = False
        hit: set[int] = set()
        for a in keep:
            hit.update(targets[out_ptr[a]:out_ptr[a + 1]].tolist())
        for a in list(keep):
            if any(b not in hit for b in attackers[ptr[a]:ptr[a + 1]].tolist()):
                keep.discard(a)
                changed = True
    return sorted(keep)
