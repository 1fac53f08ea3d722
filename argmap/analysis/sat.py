"""The NP-hard Dung semantics by SAT: complete, preferred, stable, semi-stable labellings, ideal.

Each argument ``a`` gets two variables, ``I(a)`` (labelled in) and ``O(a)`` (labelled out); an
argument with neither is undec. The complete-labelling encoding (Caminada and Gabbay's
labelling conditions written as clauses):

- ``not (I(a) and O(a))``
- ``I(a) <-> AND over attackers b of O(b)``
- ``O(a) <-> OR over attackers b of I(b)``

Stable adds ``I(a) or O(a)`` for every ``a``. Preferred extensions are found by growing a complete
extension until no complete extension is strictly larger, then blocking everything below it
(Cerutti et al.'s iterative scheme); semi-stable does the same with the range ``I or O``. The ideal
extension needs no enumeration: it is the largest admissible set that no credulously accepted
argument attacks (Dunne 2009).

The solver is PySAT's (``pip install 'argmap[sat]'``) when installed; otherwise
:class:`BacktrackingSolver`, a small pure-Python DPLL with watched literals that is fine for
frameworks of a few dozen arguments.

>>> import numpy as np

from argmap.analysis.framework import Framework
>>> fw = Framework(["a", "b", "c"], [("a", "b"), ("b", "a"), ("b", "c")])
>>> [sorted(fw.ids[i] for i in ext) for ext in preferred(fw)]
[['b'], ['a', 'c']]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

import numpy as np

from argmap import limits
from argmap.analysis.framework import Framework
from argmap.errors import ArgmapError, SetupError

__all__ = ["Solver", "BacktrackingSolver", "make_solver", "have_pysat", "complete", "preferred", "stable",
           "semi_stable", "ideal", "Encoding", "SOLVER_NAMES"]

#: ``solver=`` names: ``auto`` picks PySAT when installed, else the pure-Python search.
SOLVER_NAMES: tuple[str, ...] = ("auto", "pysat", "python")
#: Enumeration stops with an error past this many extensions (they can be exponentially many);
#: the default of ``Limits.extensions`` (``ARGMAP_MAX_EXTENSIONS``).
MAX_EXTENSIONS = 10_000
# The pure-Python search is exponential in the worst case: refuse frameworks far beyond its reach.
PYTHON_SOLVER_LIMIT = 400


class Solver(Protocol):
    """What the encodings need from a SAT solver (PySAT's solvers have this shape)."""

    def add_clause(self, clause: Sequence[int]) -> Any: ...

    def solve(self, assumptions: Sequence[int] = ...) -> bool | None: ...

    def get_model(self) -> list[int] | None: ...


class BacktrackingSolver:
    """A small DPLL SAT solver: unit propagation with two watched literals, chronological backtracking.

    Iterative (no recursion); clauses may be added between calls to :meth:`solve`.

    >>> s = BacktrackingSolver()
    >>> s.add_clause([1, 2]); s.add_clause([-1]); s.solve()
    True
    >>> s.get_model()
    [-1, 2]
    >>> s.add_clause([-2]); s.solve()
    False
    """

    def __init__(self, bootstrap_with: Iterable[Sequence[int]] = ()) -> None:
        self._clauses: list[list[int]] = []
        self._nvars = 0
        self._model: list[int] | None = None
        for clause in bootstrap_with:
            self.add_clause(clause)

    def add_clause(self, clause: Sequence[int]) -> None:
        """Add a clause (a list of non-zero integers, DIMACS style)."""
        lits = list(dict.fromkeys(clause))
        if any(-lit in lits for lit in lits):
            return  # a tautology constrains nothing
        for lit in lits:
            self._nvars = max(self._nvars, abs(lit))
        self._clauses.append(lits)

    def get_model(self) -> list[int] | None:
        """The last satisfying assignment, as signed variables ``1..n``."""
        return self._model

    def solve(self, assumptions: Sequence[int] = ()) -> bool:
        """Search for a satisfying assignment extending ``assumptions``."""
        for lit in assumptions:
            self._nvars = max(self._nvars, abs(lit))
        nv = self._nvars
        value = [0] * (nv + 1)
        watches: dict[int, list[list[int]]] = {}
        trail: list[int] = []
        units: list[int] = []
        for clause in self._clauses:
            if not clause:
                self._model = None
                return False
            if len(clause) == 1:
                units.append(clause[0])
            else:
                cl = list(clause)
                watches.setdefault(cl[0], []).append(cl)
                watches.setdefault(cl[1], []).append(cl)

        def val(lit: int) -> int:
            v = value[abs(lit)]
            return v if lit > 0 else -v

        def assign(lit: int) -> bool:
            v = val(lit)
            if v == 1:
                return True
            if v == -1:
                return False
            value[abs(lit)] = 1 if lit > 0 else -1
            trail.append(lit)
            return True

        qhead = 0

        def propagate() -> bool:
            nonlocal qhead
            while qhead < len(trail):
                false_lit = -trail[qhead]
                qhead += 1
                watching = watches.get(false_lit)
                if not watching:
                    continue
                keep: list[list[int]] = []
                conflict = False
                for idx, cl in enumerate(watching):
                    if conflict:
                        keep.append(cl)
                        continue
                    if cl[0] == false_lit:
                        cl[0], cl[1] = cl[1], cl[0]
                    if val(cl[0]) == 1:
                        keep.append(cl)
                        continue
                    for k in range(2, len(cl)):
                        if val(cl[k]) != -1:
                            cl[1], cl[k] = cl[k], cl[1]
                            watches.setdefault(cl[1], []).append(cl)
                            break
                    else:
                        keep.append(cl)
                        if not assign(cl[0]):
                            conflict = True
                            keep.extend(watching[idx + 1:])
                            break
                watches[false_lit] = keep
                if conflict:
                    return False
            return True

        # Level 0: units and assumptions never flip.
        for lit in units + list(assumptions):
            if not assign(lit):
                self._model = None
                return False
        if not propagate():
            self._model = None
            return False
        # Decision stack: (trail length before the decision, decision literal, already flipped?)
        decisions: list[tuple[int, int, bool]] = []
        next_var = 1
        rounds = 0
        while True:
            rounds += 1
            if not rounds & 0x3FF:  # exponential in the worst case: look at the clock now and then
                limits.check_time()
            while next_var <= nv and value[next_var] != 0:
                next_var += 1
            if next_var > nv:
                self._model = [v if value[v] == 1 else -v for v in range(1, nv + 1)]
                return True
            decisions.append((len(trail), -next_var, False))
            assign(-next_var)
            while not propagate():
                # Undo to the last decision not yet flipped and try its other value.
                while decisions and decisions[-1][2]:
                    decisions.pop()
                if not decisions:
                    self._model = None
                    return False
                mark, lit, _ = decisions.pop()
                for undone in trail[mark:]:
                    value[abs(undone)] = 0
                del trail[mark:]
                qhead = mark
                next_var = 1  # propagated variables below the decision were undone too
                decisions.append((mark, -lit, True))
                assign(-lit)


def have_pysat() -> bool:
    """Whether PySAT is installed."""
    try:
        import pysat.solvers  # noqa: F401
    except ImportError:
        return False
    return True


def make_solver(solver: str = "auto") -> Any:
    """A fresh solver: PySAT's CaDiCaL (``pysat``), :class:`BacktrackingSolver` (``python``), or either."""
    if solver not in SOLVER_NAMES:
        raise ArgmapError(f"unknown solver {solver!r}; use one of {', '.join(SOLVER_NAMES)}", param="solver")
    if solver == "python" or (solver == "auto" and not have_pysat()):
        return BacktrackingSolver()
    try:
        from pysat.solvers import Solver as PySATSolver
    except ImportError:
        raise SetupError("solver 'pysat' needs python-sat: pip install 'argmap[sat]'") from None
    return PySATSolver(name="cadical153")


class Encoding:
    """The complete-labelling clauses of a framework in one solver, with helpers to read models."""

    def __init__(self, fw: Framework, solver: str = "auto") -> None:
        n = len(fw)
        if (solver == "python" or (solver == "auto" and not have_pysat())) and n > PYTHON_SOLVER_LIMIT:
            raise ArgmapError(
                f"this framework has {n} arguments, too many for the pure-Python search "
                f"(limit {PYTHON_SOLVER_LIMIT}); install the SAT solver: pip install 'argmap[sat]'"
            )
        self.fw = fw
        self.n = n
        self.solver = make_solver(solver)
        self._next = 2 * n + 1
        attackers, _ = fw.adjacency()
        self.attackers = attackers
        add = self.solver.add_clause
        for a in range(n):
            i, o = self.I(a), self.O(a)
            add([-i, -o])
            atts = attackers[a]
            # I(a) <-> AND O(b)
            for b in atts:
                add([-i, self.O(b)])
            add([i] + [-self.O(b) for b in atts])
            # O(a) <-> OR I(b)
            add([-o] + [self.I(b) for b in atts])
            for b in atts:
                add([o, -self.I(b)])

    def I(self, a: int) -> int:  # noqa: E743, N802 - the variable names of the literature
        """The variable "argument ``a`` is in"."""
        return a + 1

    def O(self, a: int) -> int:  # noqa: E743, N802
        """The variable "argument ``a`` is out"."""
        return self.n + a + 1

    def fresh(self) -> int:
        """A new auxiliary variable."""
        v = self._next
        self._next += 1
        return v

    def solve(self, assumptions: Sequence[int] = ()) -> list[int] | None:
        """A model (as a set-like list of true literals' variables) or None when unsatisfiable."""
        limits.check_time()  # between solver calls: enumeration may need exponentially many
        if not self.solver.solve(assumptions=list(assumptions)):
            return None
        model = self.solver.get_model() or []
        truth = [False] * (self._next + 1)
        for lit in model:
            if 0 < lit <= self._next:
                truth[lit] = True
        return [v for v in range(1, self._next) if truth[v]]

    def extension(self, model: list[int]) -> frozenset[int]:
        """The in-labelled arguments of a model."""
        return frozenset(v - 1 for v in model if v <= self.n)

    def range_of(self, model: list[int]) -> frozenset[int]:
        """The arguments labelled in or out in a model."""
        return frozenset((v - 1) % self.n for v in model if v <= 2 * self.n)

    def block_exact(self, ext: frozenset[int]) -> None:
        """Exclude the complete labelling whose in-set is ``ext`` (it fixes the whole labelling)."""
        self.solver.add_clause([-self.I(a) for a in ext] + [self.I(a) for a in range(self.n) if a not in ext])

    def close(self) -> None:
        delete = getattr(self.solver, "delete", None)
        if delete is not None:
            delete()


def _too_many(found: list[frozenset[int]], limit: int | None, what: str) -> None:
    limit = limits.current().extensions if limit is None else limit
    if len(found) > limit:
        raise ArgmapError(
            f"this framework has more than {limit:,} {what} extensions; enumerating them all is hopeless. "
            "Use grounded or ideal semantics, or ask acceptance.credulous/sceptical for the claims you need "
            f"(or raise the limit with {limits.ENVIRONMENT['extensions']}=...)"
        )


def _enumerate(enc: Encoding, limit: int | None, what: str) -> list[frozenset[int]]:
    found: list[frozenset[int]] = []
    try:
        while (model := enc.solve()) is not None:
            ext = enc.extension(model)
            found.append(ext)
            _too_many(found, limit, what)
            enc.block_exact(ext)
    finally:
        enc.close()
    return _ordered(found)


def complete(fw: Framework, solver: str = "auto", limit: int | None = None) -> list[frozenset[int]]:
    """Every complete extension (as sets of argument indices), smallest first."""
    return _enumerate(Encoding(fw, solver), limit, "complete")


def stable(fw: Framework, solver: str = "auto", limit: int | None = None) -> list[frozenset[int]]:
    """Every stable extension (possibly none)."""
    enc = Encoding(fw, solver)
    for a in range(enc.n):
        enc.solver.add_clause([enc.I(a), enc.O(a)])
    return _enumerate(enc, limit, "stable")


def _maximal(enc: Encoding, measure: str) -> Iterator[tuple[frozenset[int], frozenset[int]]]:
    """Complete labellings maximal in ``measure`` ("in": the in-set, "range": in or out).

    Yields ``(maximal set, a model's extension)`` pairs, each maximal set once; after each one
    every labelling whose set lies within it is blocked.
    """
    n = enc.n
    # r(a) <-> I(a) or O(a), for the range.
    if measure == "range":
        rvar = [enc.fresh() for _ in range(n)]
        for a in range(n):
            enc.solver.add_clause([-rvar[a], enc.I(a), enc.O(a)])
            enc.solver.add_clause([rvar[a], -enc.I(a)])
            enc.solver.add_clause([rvar[a], -enc.O(a)])
    else:
        rvar = [enc.I(a) for a in range(n)]

    def measured(model: list[int]) -> frozenset[int]:
        truth = set(model)
        return frozenset(a for a in range(n) if rvar[a] in truth)

    while (model := enc.solve()) is not None:
        current = measured(model)
        best = model
        # Grow: a complete labelling whose set strictly contains the current one.
        while True:
            if len(current) == n:
                break
            assumptions = [rvar[a] for a in current]
            grow = enc.fresh()
            enc.solver.add_clause([-grow] + [rvar[a] for a in range(n) if a not in current])
            bigger = enc.solve(assumptions + [grow])
            enc.solver.add_clause([-grow])  # retire the selector
            if bigger is None:
                break
            best, current = bigger, measured(bigger)
        yield current, enc.extension(best)
        # Nothing within this maximal set may come again.
        outside = [rvar[a] for a in range(n) if a not in current]
        if not outside:
            return
        enc.solver.add_clause(outside)


def preferred(fw: Framework, solver: str = "auto", limit: int | None = None) -> list[frozenset[int]]:
    """Every preferred extension: the complete extensions maximal under inclusion."""
    enc = Encoding(fw, solver)
    found: list[frozenset[int]] = []
    try:
        for ext, _ in _maximal(enc, "in"):
            found.append(ext)
            _too_many(found, limit, "preferred")
    finally:
        enc.close()
    return _ordered(found)


def semi_stable(fw: Framework, solver: str = "auto", limit: int | None = None) -> list[frozenset[int]]:
    """Every semi-stable extension: complete extensions whose range (in or out) is maximal."""
    ranges: list[frozenset[int]] = []
    enc = Encoding(fw, solver)
    try:
        for rng, _ in _maximal(enc, "range"):
            ranges.append(rng)
            _too_many(ranges, limit, "semi-stable")
    finally:
        enc.close()
    found: list[frozenset[int]] = []
    for rng in ranges:
        # Every complete labelling with exactly this range.
        enc = Encoding(fw, solver)
        try:
            for a in range(enc.n):
                if a in rng:
                    enc.solver.add_clause([enc.I(a), enc.O(a)])
                else:
                    enc.solver.add_clause([-enc.I(a)])
                    enc.solver.add_clause([-enc.O(a)])
            while (model := enc.solve()) is not None:
                ext = enc.extension(model)
                found.append(ext)
                _too_many(found, limit, "semi-stable")
                enc.block_exact(ext)
        finally:
            enc.close()
    return _ordered(found)


def credulous_complete(fw: Framework, solver: str = "auto") -> frozenset[int]:
    """The arguments some complete (equally: some preferred, some admissible) extension accepts.

    Each solver call must accept an argument not yet seen, so at most ``n + 1`` calls.
    """
    enc = Encoding(fw, solver)
    seen: set[int] = set()
    try:
        while True:
            rest = [enc.I(a) for a in range(enc.n) if a not in seen]
            if not rest:
                break
            enc.solver.add_clause(rest)
            model = enc.solve()
            if model is None:
                break
            seen.update(enc.extension(model))
    finally:
        enc.close()
    return frozenset(seen)


def ideal(fw: Framework, solver: str = "auto") -> frozenset[int]:
    """The ideal extension, without enumerating preferred extensions.

    An admissible set is ideal exactly when no credulously accepted argument attacks a member
    (Dunne, "The computational complexity of ideal semantics", AIJ 2009), so the ideal extension
    is the largest admissible set among the arguments no credulously accepted argument attacks.
    """
    from argmap.analysis.dung import largest_admissible_subset

    accepted = credulous_complete(fw, solver)
    src, dst = fw.arrays
    attacked = set(dst[np.isin(src, np.fromiter(accepted, dtype=np.int64))].tolist())
    # Credulously accepted arguments attack no candidate, so the candidates are conflict-free.
    candidates = [a for a in accepted if a not in attacked]
    return frozenset(largest_admissible_subset(fw, candidates))


def _ordered(exts: list[frozenset[int]]) -> list[frozenset[int]]:
    """Extensions in a deterministic order: by size, then by sorted members."""
    return sorted(set(exts), key=lambda e: (len(e), sorted(e)))
