"""``argmap.evaluate``: which claims stand, under Dung's semantics or a gradual strength.

``evaluate(m, "grounded")`` derives the map's framework (:meth:`Framework.from_map`, explained in
``docs/semantics.md``), computes the labelling and returns an :class:`Evaluation`: a mapping from
every node (argument) id to ``"in"``, ``"out"`` or ``"undec"``, with the extensions and credulous
and sceptical acceptance. ``evaluate(m, "dfquad")`` returns :class:`Strengths` instead: a number in
[0, 1] per node, from ``argmap.analysis.strength``.

>>> import argmap
>>> m = argmap.ArgumentMap()
>>> t = m.claim("Schools should require uniforms.", id="t")
>>> o = m.attack(t, m.claim("Uniforms limit self-expression.", id="o"), id="obj")
>>> _ = m.attack(m["o"], m.claim("Expression has other outlets.", id="r"), id="reb")
>>> result = argmap.evaluate(m)
>>> result["t"], result["o"], result["r"]
('in', 'out', 'in')
>>> result.status("t")
'accepted'
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypedDict, Unpack, overload

import numpy as np
import numpy.typing as npt

from argmap import limits as _limits
from argmap.analysis import dung, sat
from argmap.analysis.framework import Framework
from argmap.analysis.names import ALIASES, GRADUAL, SEMANTICS, STATUS, DungSemantics, GradualMethod
from argmap.errors import ArgmapError

if TYPE_CHECKING:
    from argmap.limits import Limits
    from argmap.model import ArgumentMap

__all__ = ["evaluate", "EvaluateOptions", "Evaluation", "Strengths", "SEMANTICS", "GRADUAL", "ALIASES", "STATUS",
           "canonical_semantics"]

_SINGLE = ("grounded", "ideal")


def canonical_semantics(name: str) -> str:
    """The canonical name of a semantics or strength method; ``ArgmapError`` for unknown ones.

    >>> canonical_semantics("PR"), canonical_semantics("semistable"), canonical_semantics("DF-QuAD")
    ('preferred', 'semi-stable', 'dfquad')
    """
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    if key not in SEMANTICS and key not in GRADUAL:
        known = ", ".join(SEMANTICS + GRADUAL)
        raise ArgmapError(f"unknown semantics {name!r}; use one of {known}", param="semantics")
    return key


class Evaluation(Mapping[str, str]):
    """The outcome of a Dung semantics: a label per argument id, and the extensions.

    ``result[id]`` is ``"in"``, ``"out"`` or ``"undec"``. Where a semantics has several
    extensions (complete, preferred, stable, semi-stable), the label is the *sceptical* one:
    ``in`` when every extension accepts the argument, ``out`` when every one rejects it (an
    accepted argument attacks it), ``undec`` otherwise; :meth:`credulous` tells whether *some*
    extension accepts it. With no extension at all (stable semantics may have none) every label is
    ``undec``, nothing is credulously accepted and, by the definition, everything is sceptically
    accepted.

    >>> fw = Framework(["a", "b", "c"], [("a", "b"), ("b", "a"), ("b", "c")])
    >>> r = evaluate(fw, "preferred")
    >>> [sorted(e) for e in r.extensions]
    [['b'], ['a', 'c']]
    >>> dict(r), r.credulous("c"), r.sceptical("c")
    ({'a': 'undec', 'b': 'undec', 'c': 'undec'}, True, False)
    """

    def __init__(self, framework: Framework, semantics: str, labels: npt.NDArray[np.int8],
                 extensions: list[frozenset[int]], labellings: list[npt.NDArray[np.int8]] | None = None) -> None:
        self.framework = framework
        self.semantics = semantics
        self._labels = labels
        self._ext_idx = extensions
        self._labellings = labellings if labellings is not None else [labels]

    # -- the mapping ---------------------------------------------------------------------------
    def __getitem__(self, arg: str) -> str:
        return dung.LABELS[int(self._labels[self.framework.index(arg)])]

    def __iter__(self) -> Iterator[str]:
        return iter(self.framework.ids)

    def __len__(self) -> int:
        return len(self.framework)

    def __contains__(self, arg: object) -> bool:
        return arg in self.framework

    @property
    def codes(self) -> npt.NDArray[np.int8]:
        """The labels as codes by argument index (``dung.IN``, ``dung.OUT``, ``dung.UNDEC``)."""
        return self._labels

    def status(self, arg: str) -> str:
        """``accepted``, ``rejected`` or ``undecided``: the label in words."""
        return STATUS[self[arg]]

    def with_label(self, label: str) -> list[str]:
        """The ids labelled ``in``, ``out`` or ``undec``, in framework order."""
        if label not in dung.LABELS:
            raise ArgmapError(f"unknown label {label!r}; use in, out or undec")
        code = dung.LABELS.index(label)
        ids = self.framework.ids
        return [ids[i] for i in np.flatnonzero(self._labels == code).tolist()]

    # -- extensions and acceptance -------------------------------------------------------------
    @property
    def extensions(self) -> list[frozenset[str]]:
        """The extensions (sets of accepted argument ids): one for grounded and ideal."""
        ids = self.framework.ids
        return [frozenset(ids[i] for i in ext) for ext in self._ext_idx]

    def labellings(self) -> list[dict[str, str]]:
        """One labelling (id -> label) per extension."""
        ids = self.framework.ids
        return [{ids[i]: dung.LABELS[c] for i, c in enumerate(lab.tolist())} for lab in self._labellings]

    def credulous(self, arg: str) -> bool:
        """Whether some extension accepts ``arg``."""
        i = self.framework.index(arg)
        return any(i in ext for ext in self._ext_idx)

    def sceptical(self, arg: str) -> bool:
        """Whether every extension accepts ``arg`` (true when there is no extension at all)."""
        i = self.framework.index(arg)
        return all(i in ext for ext in self._ext_idx)

    skeptical = sceptical

    def accepted(self, mode: str = "sceptical") -> list[str]:
        """The ids accepted ``sceptically`` (by every extension) or ``credulously`` (by some)."""
        if mode not in ("sceptical", "skeptical", "credulous"):
            raise ArgmapError(f"unknown acceptance mode {mode!r}; use sceptical or credulous")
        if not self._ext_idx:
            return list(self.framework.ids) if mode != "credulous" else []
        sets = [set(e) for e in self._ext_idx]
        chosen = set.union(*sets) if mode == "credulous" else set.intersection(*sets)
        ids = self.framework.ids
        return [ids[i] for i in sorted(chosen)]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data: semantics, labels by id, extensions (sorted id lists)."""
        return {
            "semantics": self.semantics,
            "labels": dict(self),
            "extensions": [sorted(e) for e in self.extensions],
        }

    def __repr__(self) -> str:
        counts = {name: int(np.count_nonzero(self._labels == code)) for code, name in enumerate(dung.LABELS)}
        return (f"<Evaluation {self.semantics}: {counts['in']} in, {counts['out']} out, "
                f"{counts['undec']} undec; {len(self._ext_idx)} extension(s)>")


class Strengths(Mapping[str, float]):
    """The outcome of a gradual semantics: a strength in [0, 1] per node id."""

    def __init__(self, values: Mapping[str, float], semantics: str, thesis: str | None = None) -> None:
        self._values = dict(values)
        self.semantics = semantics
        #: The map's thesis id, whose strength is often the number wanted.
        self.thesis = thesis

    def __getitem__(self, node: str) -> float:
        return self._values[node]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data: semantics, the thesis and strengths by id."""
        return {"semantics": self.semantics, "thesis": self.thesis, "strengths": dict(self._values)}

    def __repr__(self) -> str:
        return f"<Strengths {self.semantics}: {len(self)} nodes>"


def _strengths(subject: ArgumentMap | Framework, method: str, base: Mapping[str, float] | None) -> Strengths:
    try:
        from argmap.analysis.strength import strength  # type: ignore[import-not-found, unused-ignore]
    except ModuleNotFoundError as exc:
        if exc.name != "argmap.analysis.strength":
            raise
        raise ArgmapError(
            f"semantics {method!r} (gradual strength) is not available in this version of argmap; "
            f"use one of {', '.join(SEMANTICS)}"
        ) from None
    m = subject.to_map() if isinstance(subject, Framework) else subject
    values = strength(m, method, base=base)
    thesis = m.thesis
    return Strengths(values, method, thesis.id if thesis is not None else None)


class EvaluateOptions(TypedDict, total=False):
    """The keyword options of :func:`evaluate`, typed (see its docstring)."""

    support: str
    solver: str
    base: Mapping[str, float] | None
    max_extensions: int | None
    limits: _limits.Limits | None


@overload
def evaluate(subject: ArgumentMap | Framework, semantics: DungSemantics = "grounded",
             **options: Unpack[EvaluateOptions]) -> Evaluation: ...
@overload
def evaluate(subject: ArgumentMap | Framework, semantics: GradualMethod,
             **options: Unpack[EvaluateOptions]) -> Strengths: ...
@overload
def evaluate(subject: ArgumentMap | Framework, semantics: str,
             **options: Unpack[EvaluateOptions]) -> Evaluation | Strengths: ...
def evaluate(
    subject: ArgumentMap | Framework,
    semantics: str = "grounded",
    *,
    support: str = "secondary",
    solver: str = "auto",
    base: Mapping[str, float] | None = None,
    max_extensions: int | None = None,
    limits: Limits | None = None,
) -> Evaluation | Strengths:
    """Evaluate a map or a framework under a semantics.

    Args:
        subject: an :class:`~argmap.ArgumentMap` (its framework is derived with
            :meth:`Framework.from_map` and ``support``) or a :class:`Framework`.
        semantics: ``grounded`` (default), ``complete``, ``preferred``, ``stable``,
            ``semi-stable``, ``ideal`` (ICCMA's abbreviations GR, CO, PR, ST, SST, ID work too),
            or a gradual strength: ``dfquad``, ``quadratic-energy``.
        support: how support becomes attack for a map (``secondary``, the default, ``cayrol``,
            ``supported``, ``none``); see ``docs/semantics.md``.
        solver: for the NP-hard semantics: ``auto`` (PySAT if installed, else the pure-Python
            search), ``pysat`` or ``python``.
        base: base scores by node id for the gradual methods (default: each claim's rating).
        max_extensions: give up (``ArgmapError``) past this many extensions; a framework may
            have exponentially many (default ``Limits.extensions``, 10,000).
        limits: the limits in force meanwhile (see :mod:`argmap.limits`); the search gives up
            with ``ArgmapError`` after ``Limits.solver_seconds`` (60 s unless raised).

    Returns:
        An :class:`Evaluation` (labels in/out/undec) or, for a gradual method, :class:`Strengths`.

    Raises:
        ArgmapError: an unknown semantics, support mode or solver; too many extensions.

    >>> fw = Framework(["a", "b"], [("a", "b"), ("b", "a")])
    >>> evaluate(fw, "stable").extensions
    [frozenset({'a'}), frozenset({'b'})]
    >>> evaluate(fw, "grounded").extensions
    [frozenset()]
    """
    name = canonical_semantics(semantics)
    if name in GRADUAL:
        return _strengths(subject, name, base)
    if isinstance(subject, Framework):
        fw = subject
    else:
        from argmap.model import ArgumentMap

        if not isinstance(subject, ArgumentMap):
            raise ArgmapError(f"evaluate() takes an ArgumentMap or a Framework, not {type(subject).__name__}")
        fw = Framework.from_map(subject, support=support)
    if solver not in sat.SOLVER_NAMES:
        raise ArgmapError(f"unknown solver {solver!r}; use one of {', '.join(sat.SOLVER_NAMES)}", param="solver")
    if name == "grounded":
        labels = dung.grounded(fw)
        return Evaluation(fw, name, labels, [frozenset(np.flatnonzero(labels == dung.IN).tolist())])
    if name == "ideal":
        with _limits.using(limits), _limits.time_limit(_searching(name, solver)):
            ext = sat.ideal(fw, solver)
        return Evaluation(fw, name, dung.labelling_from_extension(fw, ext), [ext])
    compute = {"complete": sat.complete, "preferred": sat.preferred, "stable": sat.stable,
               "semi-stable": sat.semi_stable}[name]
    with _limits.using(limits), _limits.time_limit(_searching(name, solver)):
        exts = compute(fw, solver, max_extensions)
    labellings = [dung.labelling_from_extension(fw, e) for e in exts]
    return Evaluation(fw, name, _sceptical_labels(len(fw), labellings), exts, labellings)


def _searching(name: str, solver: str) -> str:
    """What a search that runs out of time was doing, with the cure when it is the slow one."""
    if solver == "python" or (solver == "auto" and not sat.have_pysat()):
        return f"the {name} evaluation by the pure-Python search (pip install 'argmap[sat]' is far faster)"
    return f"the {name} evaluation"


def _sceptical_labels(n: int, labellings: list[npt.NDArray[np.int8]]) -> npt.NDArray[np.int8]:
    """In where every labelling says in, out where every one says out, undec elsewhere."""
    if not labellings:
        return np.zeros(n, dtype=np.int8)
    stacked = np.stack(labellings)
    out = np.zeros(n, dtype=np.int8)
    out[np.all(stacked == dung.IN, axis=0)] = dung.IN
    out[np.all(stacked == dung.OUT, axis=0)] = dung.OUT
    return out
