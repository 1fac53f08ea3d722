"""Checks that teach: find a map's weak spots and say how to fix each.

``check(m)`` runs every check in :data:`CHECKS` and returns the findings, worst first within
each node's place in the map. Codes are stable; docs/checks.md explains each.

>>> import argmap
>>> m = argmap.ArgumentMap()
>>> t = m.claim("Schools should require uniforms.", id="t")
>>> o = m.attack(t, "Uniforms limit self-expression.", id="o")
>>> [f.code for f in argmap.check(m)]
['unsupported', 'unsupported', 'unanswered-objection', 'lonely-premise']
>>> print(argmap.check(m)[2])  # doctest: +ELLIPSIS
unanswered-objection: objection 'o' "Uniforms limit self-expression." has no answer yet: ...
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from itertools import repeat
from typing import TYPE_CHECKING

from argmap.analysis.checks import schemes, structure, terms
from argmap.analysis.checks.facts import facts_of, shared_facts
from argmap.analysis.checks.finding import SEVERITIES, Finding, Severity
from argmap.analysis.checks.structure import Hit
from argmap.gc_pause import gc_paused
from argmap.model import adjacency

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["Check", "CHECKS", "Finding", "Severity", "SEVERITIES", "check", "has_errors"]


@dataclass(frozen=True)
class Check:
    """One registered check: its stable code, its severity and the function that runs it."""

    code: str
    severity: Severity
    run: Callable[[ArgumentMap], Iterable[Hit]]
    summary: str


def _invalid(m: ArgumentMap) -> Iterable[Hit]:
    from argmap.validation import problems

    for line in problems(m):
        yield (), f"the map breaks a structural rule: {line}"


#: Every check, by code. Adding a check is one function and one line here (and docs/checks.md).
CHECKS: dict[str, Check] = {c.code: c for c in (
    Check("invalid", "error", _invalid, "the map breaks the model's structural rules"),
    Check("circular-support", "error", structure.circular_support,
          "a claim ends up supporting itself through a chain of reasons"),
    Check("premise-is-conclusion", "error", structure.premise_is_conclusion,
          "a step whose conclusion is one of its own premises"),
    Check("unsupported", "warning", structure.unsupported, "a claim with neither reason nor source"),
    Check("duplicate-claim", "warning", structure.duplicate_claim, "two claims with the same text"),
    Check("isolated-claim", "warning", structure.isolated_claim, "a claim connected to nothing"),
    Check("unknown-scheme", "warning", schemes.unknown_scheme, "a step names an unknown scheme"),
    Check("unanswered-objection", "hint", structure.unanswered_objection,
          "an objection or undercut nobody has answered"),
    Check("lonely-premise", "hint", terms.lonely_premise,
          "a one-premise step that needs a co-premise (Rabbit / Holding Hands rules)"),
    Check("rabbit-rule", "hint", terms.rabbit_rule, "a conclusion term that no premise mentions"),
    Check("holding-hands", "hint", terms.holding_hands,
          "a premise term that no other premise nor the conclusion mentions"),
    Check("looks-linked", "hint", terms.looks_linked,
          "separate reasons that look like co-premises of one reason"),
)}

# Checks below that assume a well-formed map are skipped when ``invalid`` finds problems.
_NEEDS_VALID = frozenset(CHECKS) - {"invalid"}
_RANK = {code: k for k, code in enumerate(CHECKS)}
_TAILS = len(SEVERITIES) * len(CHECKS)  # (severity, rank) pairs


def check(
    m: ArgumentMap,
    *,
    select: Collection[str] | None = None,
    ignore: Collection[str] = (),
) -> list[Finding]:
    """Run the checks over a map and return what they find (an empty list: nothing found).

    Args:
        m: the map.
        select: run only these codes (default: all).
        ignore: codes to leave out.

    Returns:
        Findings ordered by where they are (source line, else the node's place in the map),
        then by severity, worst first.

    Raises:
        ValueError: an unknown code in ``select`` or ``ignore``.
    """
    unknown = sorted((set(select or ()) | set(ignore)) - set(CHECKS))
    if unknown:
        raise ValueError(f"unknown check code(s): {', '.join(unknown)}; known: {', '.join(CHECKS)}")
    chosen = [c for code, c in CHECKS.items()
              if (select is None or code in select) and code not in ignore]
    path = m.graph.graph.get("path")
    path = None if path is None else str(path)
    findings: list[Finding] = []
    # Each finding's place in the report as one number: (line or 0, the node's place in the
    # map or -1, severity, the check's rank), counted in mixed radix, so the sort compares ints.
    keys: list[int] = []
    nodes_attrs = adjacency(m.graph)[0]
    places = len(nodes_attrs) + 1
    # Only maps read from text files have line numbers; skip looking for them in the others.
    lines = any(map(dict.__contains__, nodes_attrs.values(), repeat("line")))
    with shared_facts(m), gc_paused():  # every check reads one index of the map, built once
        order: dict[str, int] | None = None
        for c in chosen:
            if findings and c.code in _NEEDS_VALID and findings[0].code == "invalid":
                break  # the map breaks the model's rules: the other checks would misread it
            tail = SEVERITIES.index(c.severity) * len(CHECKS) + _RANK[c.code]
            for nodes, message in c.run(m):
                nodes = tuple(nodes)
                line: object = None
                place = 0
                if nodes:
                    if lines:
                        line = nodes_attrs[nodes[0]].get("line")
                    if order is None:
                        order = facts_of(m).order
                    place = order[nodes[0]] + 1
                if not isinstance(line, int):
                    line = None
                findings.append(Finding(c.code, c.severity, nodes, message, path, line))
                keys.append(((line or 0) * places + place) * _TAILS + tail)
    if findings and findings[0].code == "invalid":
        return findings
    return [findings[k] for k in sorted(range(len(keys)), key=keys.__getitem__)]


def has_errors(findings: Iterable[Finding]) -> bool:
    """True when any finding is an error (``argmap check`` then exits with status 1)."""
    return any(f.severity == "error" for f in findings)
