"""A compact abstract argumentation framework (Dung): arguments and attacks held in arrays.

Arguments are numbered ``0 .. n-1`` and keep their string ids in one list; attacks are two
integer arrays (attacker, target). Nothing is a graph node, so a framework of a million
arguments and three million attacks fits in a few dozen megabytes and the semantics in
:mod:`argmap.analysis.dung` run over plain index arrays.

:meth:`Framework.from_map` derives a framework from an argument map (see ``docs/semantics.md``
for exactly how); :meth:`Framework.to_map` turns one into a map for drawing.

>>> fw = Framework(["a", "b", "c"], [("a", "b"), ("b", "c")])
>>> fw
<Framework: 3 arguments, 2 attacks>
>>> fw.attackers("c"), fw.targets("a")
(['b'], ['b'])
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from argmap.errors import ArgmapError
from argmap.gc_pause import gc_paused

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["Framework", "SUPPORT_MODES"]

IntArray = npt.NDArray[np.int64]

#: How support steps turn into attacks when a map becomes a framework (see ``docs/semantics.md``).
SUPPORT_MODES: tuple[str, ...] = ("secondary", "cayrol", "supported", "none")


def _first_of_each(src: IntArray, dst: IntArray, n: int) -> tuple[IntArray, IntArray]:
    """The pairs with each repeated one kept once, at its first place.

    >>> _first_of_each(np.array([0, 1, 0, 0]), np.array([1, 0, 1, 1]), 2)
    (array([0, 1]), array([1, 0]))
    """
    keys = src * n + dst
    ordered = np.sort(keys)  # a plain sort finds repeats; only the few repeated keys need more
    repeated = ordered[1:][ordered[1:] == ordered[:-1]]
    if not repeated.size:
        return src, dst
    copies = np.flatnonzero(np.isin(keys, repeated))  # every place of a repeated pair, in order
    _, first = np.unique(keys[copies], return_index=True)
    keep = np.ones(keys.size, dtype=bool)
    keep[copies] = False
    keep[copies[first]] = True
    return src[keep], dst[keep]


def _numbered(arguments: Iterable[str]) -> tuple[list[str], dict[str, int]]:
    """Argument ids in first-seen order, each once, and their indices; refuses anything but
    non-empty strings."""
    items = arguments if isinstance(arguments, list) else list(arguments)
    try:
        index = dict(zip(items, range(len(items)), strict=True))
    except TypeError:  # something unhashable: the loop below names it
        pass
    else:
        if len(index) == len(items) and set(map(type, items)) <= {str} and "" not in index:
            return list(items), index  # the usual case: each id once, each a plain string
    for arg in items:  # str subclasses pass; anything else is named
        if not isinstance(arg, str) or not arg:
            raise ArgmapError(f"an argument id must be a non-empty string, not {arg!r}")
    ids = list(dict.fromkeys(items))  # repeated ids kept once, at their first place
    return ids, dict(zip(ids, range(len(ids)), strict=True))


class Framework:
    """Dung's abstract argumentation framework: argument ids and an attack relation.

    Build one from ids and ``(attacker, target)`` pairs, from index arrays
    (:meth:`from_arrays`, for very large frameworks), from a map (:meth:`from_map`), or read one
    with ``argmap.load(path)`` from an ICCMA file (``.apx``, ``.tgf``, ``.i23``).
    Attacks naming an unknown argument raise :class:`~argmap.ArgmapError`; repeated pairs are
    kept once.

    >>> fw = Framework(["a", "b"], [("a", "b"), ("b", "a")])
    >>> list(fw.attacks())
    [('a', 'b'), ('b', 'a')]
    >>> "a" in fw, len(fw), fw.index("b")
    (True, 2, 1)
    """

    __slots__ = ("_ids", "_index", "_src", "_dst", "_out", "_in", "_n", "origin")

    def __init__(self, arguments: Iterable[str] = (), attacks: Iterable[tuple[str, str]] = ()) -> None:
        ids, index = _numbered(arguments)
        pairs = attacks if isinstance(attacks, (list, tuple)) else list(attacks)
        try:  # every id looked up in one call (itemgetter loops in C), then a sort
            if any(length != 2 for length in set(map(len, pairs))):
                raise ArgmapError("every attack is a pair (attacker, target)")
            looked_up = itemgetter(*chain.from_iterable(pairs))(index) if pairs else ()
            flat = np.fromiter(looked_up, dtype=np.int64, count=2 * len(pairs))
        except KeyError:
            attacker, target = next((a, b) for a, b in pairs if a not in index or b not in index)
            missing = attacker if attacker not in index else target
            raise ArgmapError(
                f"attack ({attacker!r}, {target!r}) names {missing!r}, which is no argument"
            ) from None
        except TypeError:
            raise ArgmapError("every attack is a pair (attacker, target) of argument ids") from None
        src, dst = flat[0::2].copy(), flat[1::2].copy()
        if src.size > 1:
            src, dst = _first_of_each(src, dst, len(ids))
        self._setup(ids, src, dst, index)

    def _setup(self, ids: list[str] | None, src: IntArray, dst: IntArray, index: dict[str, int] | None,
               n: int | None = None) -> None:
        self._ids: list[str] | None = ids
        self._index: dict[str, int] | None = index
        self._src = src
        self._dst = dst
        self._out: tuple[IntArray, IntArray] | None = None
        self._in: tuple[IntArray, IntArray] | None = None
        #: For a framework derived from a map: the map (so results can be drawn on it).
        self.origin: ArgumentMap | None = None
        self._n = len(ids) if ids is not None else int(n or 0)

    @classmethod
    def from_arrays(
        cls,
        n: int,
        attackers: Sequence[int] | npt.ArrayLike,
        targets: Sequence[int] | npt.ArrayLike,
        ids: Sequence[str] | None = None,
    ) -> Framework:
        """A framework of ``n`` arguments from two parallel index arrays (the fast path).

        Ids default to ``"1" .. "n"`` (as in ICCMA files) and are made only when first asked
        for. Indices must lie in ``0 .. n-1``; repeated pairs are harmless to every semantics.

        >>> fw = Framework.from_arrays(3, [0, 1], [1, 2])
        >>> fw.ids, fw.num_attacks
        (['1', '2', '3'], 2)
        """
        src = np.ascontiguousarray(attackers, dtype=np.int64)
        dst = np.ascontiguousarray(targets, dtype=np.int64)
        if src.shape != dst.shape or src.ndim != 1:
            raise ArgmapError("attackers and targets must be two 1-D arrays of the same length")
        if src.size and (min(int(src.min()), int(dst.min())) < 0 or max(int(src.max()), int(dst.max())) >= n):
            raise ArgmapError(f"an attack names an argument index outside 0..{n - 1}")
        id_list = None
        if ids is not None:
            id_list = [str(i) for i in ids]
            if len(id_list) != n:
                raise ArgmapError(f"{len(id_list)} ids given for {n} arguments")
            if len(set(id_list)) != n:
                raise ArgmapError("argument ids must be unique")
        fw = cls.__new__(cls)
        fw._setup(id_list, src, dst, None, n)
        return fw

    # -- sizes and ids -------------------------------------------------------------------------
    def __len__(self) -> int:
        return self._n

    @property
    def num_attacks(self) -> int:
        """How many attacks (pairs) the framework holds."""
        return int(self._src.size)

    @property
    def ids(self) -> list[str]:
        """The argument ids, by index."""
        if self._ids is None:
            self._ids = [str(i) for i in range(1, self._n + 1)]
        return self._ids

    def _lookup(self) -> dict[str, int]:
        if self._index is None:
            self._index = {a: i for i, a in enumerate(self.ids)}
        return self._index

    def index(self, arg: str) -> int:
        """The index of an argument id; ``KeyError`` if there is none."""
        return self._lookup()[arg]

    def __contains__(self, arg: object) -> bool:
        return isinstance(arg, str) and arg in self._lookup()

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    @property
    def arrays(self) -> tuple[IntArray, IntArray]:
        """The attack relation as two index arrays ``(attackers, targets)`` (do not modify)."""
        return self._src, self._dst

    def attacks(self) -> Iterator[tuple[str, str]]:
        """Every attack as a pair of ids, in insertion order."""
        ids = self.ids
        for a, b in zip(self._src.tolist(), self._dst.tolist(), strict=True):
            yield ids[a], ids[b]

    # -- adjacency (compressed rows, built once on demand) -------------------------------------
    def _csr(self, by: IntArray, other: IntArray) -> tuple[IntArray, IntArray]:
        m = by.size
        if self._n * m < 2**62:  # (row, place) keys are unique: a plain sort keeps the places in order
            order = np.sort(by * m + np.arange(m, dtype=np.int64)) % max(m, 1)
        else:  # pragma: no cover - past 2**31 arguments and attacks
            order = np.argsort(by, kind="stable")
        ptr = np.zeros(self._n + 1, dtype=np.int64)
        np.cumsum(np.bincount(by, minlength=self._n), out=ptr[1:])
        return ptr, other[order]

    def out_rows(self) -> tuple[IntArray, IntArray]:
        """``(ptr, targets)``: the targets of argument ``i`` are ``targets[ptr[i]:ptr[i+1]]``."""
        if self._out is None:
            self._out = self._csr(self._src, self._dst)
        return self._out

    def in_rows(self) -> tuple[IntArray, IntArray]:
        """``(ptr, attackers)``: the attackers of ``i`` are ``attackers[ptr[i]:ptr[i+1]]``."""
        if self._in is None:
            self._in = self._csr(self._dst, self._src)
        return self._in

    def attackers(self, arg: str) -> list[str]:
        """The ids of the arguments attacking ``arg``."""
        ptr, rows = self.in_rows()
        i = self.index(arg)
        return [self.ids[j] for j in rows[ptr[i]:ptr[i + 1]].tolist()]

    def targets(self, arg: str) -> list[str]:
        """The ids of the arguments ``arg`` attacks."""
        ptr, rows = self.out_rows()
        i = self.index(arg)
        return [self.ids[j] for j in rows[ptr[i]:ptr[i + 1]].tolist()]

    def adjacency(self) -> tuple[list[list[int]], list[list[int]]]:
        """Attackers and targets of each argument as Python lists (for the small-framework solvers)."""
        attackers: list[list[int]] = [[] for _ in range(self._n)]
        targets: list[list[int]] = [[] for _ in range(self._n)]
        for a, b in zip(self._src.tolist(), self._dst.tolist(), strict=True):
            if a not in attackers[b]:
                attackers[b].append(a)
                targets[a].append(b)
        return attackers, targets

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Framework):
            return NotImplemented
        return self.ids == other.ids and set(self.attacks()) == set(other.attacks())

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<Framework: {self._n} arguments, {self.num_attacks} attacks>"

    # -- maps ----------------------------------------------------------------------------------
    @classmethod
    def from_map(cls, m: ArgumentMap, *, support: str = "secondary") -> Framework:
        """Derive the framework of a map: every claim and every inference is an argument.

        An attack step attacks its target (a claim, or a step for an undercut). A premise supports
        its step and a support step its target; support becomes attack by Cayrol and
        Lagasquie-Schiex's *secondary* attack: whoever attacks something attacks all it supports
        (a step falls with its premises, a conclusion with its reasons). Their *supported* attack
        (whoever supports an attacker attacks too) would let an objection's premises attack past
        an undercut of the objection's step, so it is off by default; ``support`` picks
        ``"secondary"`` (the default), ``"cayrol"`` (both), ``"supported"`` or ``"none"``.

        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap()
        >>> t = m.claim("T", id="t")
        >>> _ = m.support(t, m.claim("R", id="r"), id="s")
        >>> _ = m.attack(m["r"], m.claim("O", id="o"), id="a")
        >>> sorted(Framework.from_map(m).attacks())
        [('a', 'r'), ('a', 's'), ('a', 't')]
        >>> sorted(Framework.from_map(m, support="cayrol").attacks())
        [('a', 'r'), ('a', 's'), ('a', 't'), ('o', 'r'), ('o', 's'), ('o', 't')]
        """
        from argmap.analysis.bipolar import derive_attacks

        if support not in SUPPORT_MODES:
            raise ArgmapError(f"unknown support mode {support!r}; use one of {', '.join(SUPPORT_MODES)}")
        ids = list(m.graph.nodes)
        with gc_paused():  # lists and sets by the node, no cycles: the collector would walk the map for nothing
            src, dst = derive_attacks(m, ids, support)
            fw = cls.from_arrays(len(ids), src, dst, ids)
        fw.origin = m
        return fw

    def to_map(self, title: str | None = None) -> ArgumentMap:
        """The framework as a map for drawing: a claim per argument, an attack step per attack.

        >>> fw = Framework(["a", "b"], [("a", "b")])
        >>> m = fw.to_map()
        >>> [c.id for c in m.claims], m["b"].objections[0].premise.id
        (['a', 'b'], 'a')
        """
        from argmap.model import ArgumentMap

        m = ArgumentMap(title=title)
        for arg in self.ids:
            m.claim(arg, id=arg)
        taken = set(self.ids)
        for a, b in self.attacks():
            step = f"{a}-attacks-{b}"
            n = 1
            while step in taken:
                n += 1
                step = f"{a}-attacks-{b}-{n}"
            taken.add(step)
            m.attack(b, m.claims[a], id=step)
        return m

    def restrict(self, keep: Iterable[str]) -> Framework:
        """The sub-framework on the given arguments (attacks among them only)."""
        wanted = set(keep)
        mask = np.array([a in wanted for a in self.ids], dtype=bool)
        new_index = np.cumsum(mask) - 1
        sel = mask[self._src] & mask[self._dst]
        ids = [a for a in self.ids if a in wanted]
        return Framework.from_arrays(len(ids), new_index[self._src[sel]], new_index[self._dst[sel]], ids)

    def as_dict(self) -> dict[str, Any]:
        """Plain data: ``{"arguments": [...], "attacks": [[a, b], ...]}``."""
        return {"arguments": list(self.ids), "attacks": [list(p) for p in self.attacks()]}
