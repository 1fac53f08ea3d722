"""Why a claim is accepted, rejected or undecided under an extension-based semantics.

A labelling says of each node ``in`` (accepted), ``out`` (rejected) or ``undec`` (undecided).
In a grounded (or any complete) labelling a claim is in when every objection to it is out, and
out when some objection to it is in. :func:`explain_labelling` reads that off the map: for each
objection it says whether it stands, and if not, what defeats it (a premise that is out, and the
objection that put it out, or an undercut that is in).

Steps (inferences) without a label of their own get one from the map: a step is out when a
premise is out or an undercut is in, in when every premise is in and every undercut out, else
undecided.

>>> import argmap
>>> m = argmap.ArgumentMap()
>>> t = m.claim("We should eat out.", id="t")
>>> o = m.attack(t, m.claim("It costs too much.", id="cost"), id="o")
>>> r = m.attack(o.premise, m.claim("Lunch specials are cheap.", id="cheap"), id="r")
>>> e = explain_labelling(m, "t", {"t": "in", "cost": "out", "cheap": "in"})
>>> e.label, [(a.step, a.label, a.defeated_by) for a in e.attacks]
('in', [('o', 'out', ('r',))])
>>> import textwrap
>>> print(textwrap.fill(e.paragraph, 90))
"We should eat out." (t) is accepted (in): its one objection is defeated. Objection o ("It
costs too much.") is out because its premise (cost) is out, defeated by r ("Lunch specials
are cheap.").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from argmap.analysis.checks.finding import quote
from argmap.analysis.semantics import evaluate
from argmap.errors import ArgmapError
from argmap.text import STATUS_WORDS

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["LABELS", "StepStatus", "Explanation", "explain_labelling", "explain"]

#: The three labels of a labelling, best first.
LABELS: tuple[str, ...] = ("in", "undec", "out")
_RANK = {"in": 2, "undec": 1, "out": 0}


@dataclass(frozen=True)
class StepStatus:
    """One step bearing on the claim, with its label and why it has it.

    ``premises`` pairs each premise id with its label; ``defeated_by`` lists the steps that are
    in and attack this step or one of its premises that is out (empty unless the step is out);
    ``undecided_by`` the undecided steps that keep it from standing (when it is undec).
    """

    step: str
    polarity: str
    label: str
    premises: tuple[tuple[str, str], ...]
    defeated_by: tuple[str, ...] = ()
    undecided_by: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {
            "step": self.step,
            "polarity": self.polarity,
            "label": self.label,
            "premises": [{"id": p, "label": lab} for p, lab in self.premises],
            "defeated_by": list(self.defeated_by),
            "undecided_by": list(self.undecided_by),
        }


@dataclass(frozen=True)
class Explanation:
    """Why ``claim`` has ``label``: its objections (``attacks``) and reasons (``supports``)."""

    claim: str
    label: str
    attacks: tuple[StepStatus, ...]
    supports: tuple[StepStatus, ...]
    paragraph: str = field(compare=False)

    def __str__(self) -> str:
        return self.paragraph

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (with the paragraph under ``text``)."""
        return {
            "claim": self.claim,
            "label": self.label,
            "attacks": [a.to_dict() for a in self.attacks],
            "supports": [s.to_dict() for s in self.supports],
            "text": self.paragraph,
        }


class _Reader:
    """Labels for every node, read from the labelling or derived from the map."""

    def __init__(self, m: ArgumentMap, labelling: Mapping[str, str]) -> None:
        self.m = m
        self.graph = m.graph
        self.labelling = labelling
        self._cache: dict[str, str] = {}

    def kind(self, node: str) -> str | None:
        return self.graph.nodes[node].get("kind")  # type: ignore[no-any-return]

    def premises(self, step: str) -> list[str]:
        return [p for p in self.graph.predecessors(step) if self.kind(p) == "claim"]

    def steps_on(self, node: str, polarity: str) -> list[str]:
        return [i for i in self.graph.predecessors(node)
                if self.kind(i) == "inference" and self.graph.nodes[i].get("polarity", "support") == polarity]

    def claim_label(self, node: str) -> str:
        label = self.labelling.get(node)
        if label not in _RANK:
            raise ArgmapError(f"the labelling gives claim {node!r} no label in/out/undec (got {label!r})")
        return label

    def step_label(self, step: str) -> str:
        """The step's own label if given, else derived (iteratively, no recursion)."""
        given = self.labelling.get(step)
        if given in _RANK:
            return given
        if step in self._cache:
            return self._cache[step]
        # Walk down the chain of undercuts (each step's undercutters first), then fold back up.
        chain, seen, todo = [], set(), [step]
        while todo:
            s = todo.pop()
            if s in seen or s in self._cache or self.labelling.get(s) in _RANK:
                continue
            seen.add(s)
            chain.append(s)
            todo.extend(self.steps_on(s, "attack"))
        for s in reversed(chain):
            self._cache[s] = "undec"  # a cycle of undercuts stays undecided
        for s in reversed(chain):
            self._cache[s] = self._derive(s)
        return self._cache[step]

    def _derive(self, step: str) -> str:
        worst = min((_RANK[self.claim_label(p)] for p in self.premises(step)), default=0)
        undercuts = [self._known(u) for u in self.steps_on(step, "attack")]
        if "in" in undercuts:
            return "out"
        if "undec" in undercuts:
            worst = min(worst, 1)
        return LABELS[2 - worst]

    def _known(self, step: str) -> str:
        given = self.labelling.get(step)
        return given if given in _RANK else self._cache.get(step, "undec")

    def status(self, step: str) -> StepStatus:
        label = self.step_label(step)
        premises = tuple((p, self.claim_label(p)) for p in self.premises(step))
        defeated: list[str] = []
        undecided: list[str] = []
        for u in self.steps_on(step, "attack"):
            lab = self.step_label(u)
            (defeated if lab == "in" else undecided if lab == "undec" else []).append(u)
        for p, lab in premises:
            for a in self.steps_on(p, "attack"):
                alab = self.step_label(a)
                if lab == "out" and alab == "in":
                    defeated.append(a)
                elif lab == "undec" and alab == "undec":
                    undecided.append(a)
        if label != "out":
            defeated = []
        if label != "undec":
            undecided = []
        return StepStatus(step, self.graph.nodes[step].get("polarity", "support"), label, premises,
                          tuple(dict.fromkeys(defeated)), tuple(dict.fromkeys(undecided)))


def _names(m: ArgumentMap, steps: tuple[str, ...]) -> str:
    named = [f"{s} ({quote(m, s)})" for s in steps]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]


def _count(n: int, word: str) -> str:
    return f"its one {word}" if n == 1 else f"all {n} {word}s"


def _why_out(m: ArgumentMap, a: StepStatus) -> str:
    reasons = []
    out_premises = [p for p, lab in a.premises if lab == "out"]
    undercuts = [u for u in a.defeated_by if m.graph.has_edge(u, a.step)]
    for p in out_premises:
        by = tuple(d for d in a.defeated_by if m.graph.has_edge(d, p))
        tail = f", defeated by {_names(m, by)}" if by else ""
        shown = f"({p})" if len(a.premises) == 1 else f"{quote(m, p)} ({p})"
        reasons.append(f"its premise {shown} is out{tail}")
    if undercuts:
        reasons.append(f"it is undercut by {_names(m, tuple(undercuts))}, which stands")
    if not reasons:
        reasons.append("the semantics rejects it")
    return " and ".join(reasons)


def _paragraph(m: ArgumentMap, claim: str, label: str, attacks: list[StepStatus], supports: list[StepStatus]) -> str:
    head = f"{quote(m, claim)} ({claim}) is {STATUS_WORDS[label]} ({label})"
    standing = [a for a in attacks if a.label == "in"]
    open_ = [a for a in attacks if a.label == "undec"]
    beaten = [a for a in attacks if a.label == "out"]
    parts: list[str] = []
    if label == "in":
        if not attacks:
            parts.append(f"{head}: nothing attacks it.")
        else:
            verb = "is" if len(attacks) == 1 else "are"
            parts.append(f"{head}: {_count(len(attacks), 'objection')} {verb} defeated.")
    elif label == "out":
        if standing:
            parts.append(f"{head}: {_names(m, tuple(a.step for a in standing))} "
                         f"{'stands' if len(standing) == 1 else 'stand'} against it (in).")
        else:
            weak = [s for s in supports if s.label == "out"]
            if weak:
                why = "; ".join(f"its reason {s.step} ({quote(m, s.step)}) is out because {_why_out(m, s)}"
                                for s in weak)
                parts.append(f"{head}: no objection to it stands, but {why}. The semantics counts what "
                             "defeats a reason against the claim it supports (a secondary attack, in "
                             "Cayrol and Lagasquie-Schiex's terms).")
            else:
                parts.append(f"{head}: no objection to it stands, but the semantics rejects it through "
                             "the map's supports.")
    else:
        if open_:
            parts.append(f"{head}: no objection to it stands, but {_names(m, tuple(a.step for a in open_))} "
                         f"{'is' if len(open_) == 1 else 'are'} itself undecided, so neither side wins.")
        else:
            parts.append(f"{head}: the semantics cannot settle it.")
    for a in beaten:
        parts.append(f"Objection {a.step} ({quote(m, a.step)}) is out because {_why_out(m, a)}.")
    for a in standing:
        parts.append(f"Objection {a.step} ({quote(m, a.step)}) is in: every premise is in and nothing that "
                     "attacks it stands.")
    for a in open_:
        if a.undecided_by:
            parts.append(f"Objection {a.step} is undecided because {_names(m, a.undecided_by)} "
                         f"{'is' if len(a.undecided_by) == 1 else 'are'} undecided too.")
    return " ".join(parts)


def explain_labelling(m: ArgumentMap, claim_id: str, labelling: Mapping[str, str]) -> Explanation:
    """Explain a claim's label in a given labelling (a plain ``{node id: "in"/"out"/"undec"}``).

    Args:
        m: the map.
        claim_id: the claim to explain.
        labelling: labels of the claims (steps' labels are optional: derived when missing).

    Raises:
        ArgmapError: ``claim_id`` is not a claim of the map, or a claim lacks a valid label.
    """
    if claim_id not in m.graph or m.graph.nodes[claim_id].get("kind") != "claim":
        raise ArgmapError(f"{claim_id!r} is not a claim of the map")
    reader = _Reader(m, labelling)
    label = reader.claim_label(claim_id)
    attacks = [reader.status(a) for a in reader.steps_on(claim_id, "attack")]
    supports = [reader.status(s) for s in reader.steps_on(claim_id, "support")]
    return Explanation(claim_id, label, tuple(attacks), tuple(supports),
                       _paragraph(m, claim_id, label, attacks, supports))


class _ResultLabels(Mapping[str, str]):
    """A read-only view of an evaluation result as ``{node id: label}`` (missing ids left out)."""

    def __init__(self, m: ArgumentMap, result: Any) -> None:
        self._labels: dict[str, str] = {}
        for node in m.graph:
            try:
                value = result[node]
            except (KeyError, IndexError, TypeError):
                continue
            if isinstance(value, str):
                self._labels[node] = value

    def __getitem__(self, key: str) -> str:
        return self._labels[key]

    def __iter__(self) -> Any:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)


def explain(m: ArgumentMap, claim_id: str, semantics: str = "grounded") -> Explanation:
    """Evaluate the map (``argmap.evaluate``) and explain one claim's label.

    Raises:
        ArgmapError: the semantics gives strengths, not labels, or as :func:`explain_labelling`.
    """
    result = evaluate(m, semantics=semantics)
    labels = _ResultLabels(m, result)
    if claim_id in labels and labels[claim_id] not in _RANK:
        raise ArgmapError(f"semantics {semantics!r} gives no in/out/undec labels to explain")
    return explain_labelling(m, claim_id, labels)
