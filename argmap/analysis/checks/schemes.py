"""The argumentation-scheme names ``unknown-scheme`` accepts, decided in this one place.

A name is known when the scheme catalogue (:mod:`argmap.analysis.schemes`, the schemes with
critical questions) knows it, or when it is in :data:`KNOWN_SCHEMES`: the further schemes of
Walton, Reed and Macagno's compendium (*Argumentation Schemes*, 2008) and the generic AIF names
(``Default Inference``, ``Default Conflict``) that AIFdb and OVA write. Those are real schemes
argmap has no critical questions for yet, so a student who names one has made no mistake.

Names compare after :func:`argmap.analysis.schemes.scheme_key`, the one normaliser of scheme
names: case, CamelCase (as AIFdb writes ``CauseToEffect``), spaces, hyphens and underscores, and a
leading "argument from/to/by" do not matter, so "Argument From Expert Opinion", "ExpertOpinion"
and "expert-opinion" are one scheme.

>>> is_known("Argument From Expert Opinion"), is_known("ExpertOpinion"), is_known("expert-opinion")
(True, True, True)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from argmap.analysis.checks.facts import facts_of
from argmap.analysis.checks.structure import Hit
from argmap.analysis.schemes import is_known_scheme, scheme_key, scheme_names_of

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["KNOWN_SCHEMES", "known_schemes", "is_known", "unknown_scheme"]

#: Scheme names (keys as :func:`scheme_key` makes them) that ``unknown-scheme`` accepts.
KNOWN_SCHEMES: frozenset[str] = frozenset({
    # Generic AIF steps
    "default-inference", "default-conflict", "default-rephrase",
    # Sources and testimony
    "expert-opinion", "position-to-know", "witness-testimony", "popular-opinion",
    "popular-practice", "commitment", "inconsistent-commitment", "ethotic",
    "generic-ad-hominem", "ad-hominem", "circumstantial-ad-hominem", "bias",
    # Causes, signs and evidence
    "cause-to-effect", "effect-to-cause", "correlation-to-cause", "sign", "evidence-to-hypothesis",
    "falsification-of-hypothesis", "abduction", "abductive", "example", "analogy",
    "established-rule", "rules", "precedent", "exceptional-case", "ignorance",
    "lack-of-knowledge", "gradualism", "slippery-slope",
    # Classification and parts
    "verbal-classification", "definition-to-verbal-classification", "vagueness-of-verbal-classification",
    "arbitrariness-of-verbal-classification", "composition", "division", "oppositions",
    "alternatives", "two-person-practical-reasoning",
    # Practical reasoning and values
    "practical-reasoning", "instrumental-practical-reasoning", "value-based-practical-reasoning",
    "values", "positive-values", "negative-values", "consequences", "positive-consequences",
    "negative-consequences", "fear-appeal", "danger-appeal", "threat", "need-for-help",
    "distress", "waste", "sunk-costs", "pragmatic-inconsistency",
    # Deductive rules and abduction, as Argdown reconstructions name their inference rules
    "modus-ponens", "modus-tollens", "specification", "universal-instantiation",
    "disjunctive-syllogism", "hypothetical-syllogism", "contraposition", "reductio-ad-absurdum",
    "inference-to-the-best-explanation", "conjunction", "simplification", "generalization",
})

_LIST = re.compile(r"[,;]")  # "Modus ponens, Specification": a step may name several rules


def known_schemes() -> frozenset[str]:
    """The scheme keys accepted besides the catalogue's (:data:`KNOWN_SCHEMES`)."""
    return KNOWN_SCHEMES


def is_known(name: str) -> bool:
    """True when ``name`` names a scheme of the catalogue or of :data:`KNOWN_SCHEMES`.

    >>> is_known("CauseToEffect"), is_known("Argument from sunk costs"), is_known("vibes")
    (True, True, False)
    """
    if not isinstance(name, str) or not name.strip():
        return False
    return scheme_key(name) in known_schemes() or is_known_scheme(name)


def unknown_scheme(m: ArgumentMap) -> Iterator[Hit]:
    """Steps whose ``scheme`` is not a known argumentation scheme.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> t = m.claim("T", id="t")
    >>> _ = m.support(t, "E says T", scheme="Argument from expert opinion")
    >>> _ = m.support(t, "F", scheme="argument from vibes", id="v")
    >>> [nodes for nodes, _ in unknown_scheme(m)]
    [('v',)]
    """
    f = facts_of(m)
    for step in f.steps:
        attrs = f.nodes[step]
        if not attrs.get("scheme") and not (attrs.get("data") or {}).get("schemes"):
            continue  # most steps name no scheme: no view to build
        i = m.inferences[step]
        names = [part.strip() for name in scheme_names_of(i) for part in _LIST.split(name)]
        for name in dict.fromkeys(n for n in names if n):
            if not is_known(name):
                yield (i.id,), (
                    f"step {i.id!r} names the scheme {name!r}, which argmap does not know: check "
                    "the spelling, or name a scheme from Walton's catalogue (e.g. 'expert opinion', "
                    "'cause to effect', 'analogy'; docs/schemes.md lists those with critical questions)"
                )
