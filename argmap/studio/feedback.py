"""Feedback as the student builds: the checks' findings and the critical questions, in plain words.

Each finding of :func:`argmap.check` gets a short headline a 16-year-old can act on (what to do
next), with the check's own message kept as the detail; each step and sourced claim gets its
open critical questions (:mod:`argmap.analysis.questions`). :func:`evaluation` runs a semantics
on request (grounded, DF-QuAD) and says what each status means.

>>> import argmap
>>> m = argmap.ArgumentMap()
>>> t = m.claim("Schools should require uniforms.", id="t")
>>> _ = m.attack(t, "Uniforms limit self-expression.", id="o")
>>> notes = findings(m)
>>> notes[0]["headline"]
'Why should anyone believe this? Add a reason, or a source it comes from.'
>>> [n["code"] for n in notes if "o" in n["nodes"]][:1]
['unanswered-objection']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.analysis.checks import check
from argmap.analysis.explain import explain_labelling
from argmap.analysis.questions import question_texts
from argmap.analysis.semantics import Evaluation, evaluate
from argmap.errors import ArgmapError
from argmap.text import STATUS_WORDS

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["findings", "questions", "evaluation", "explanation", "HEADLINES", "SEMANTICS"]

#: What each check's finding asks the student to do, in plain words.
HEADLINES: dict[str, str] = {
    "invalid": "Something in the map is broken: see below.",
    "circular-support": "This goes round in a circle: a claim ends up supporting itself.",
    "premise-is-conclusion": "A step's conclusion is also one of its own premises.",
    "unsupported": "Why should anyone believe this? Add a reason, or a source it comes from.",
    "duplicate-claim": "The same sentence is in the map twice. Keep one.",
    "isolated-claim": "This claim is not connected to anything yet. Is it a reason or an objection?",
    "unknown-scheme": "argmap does not know this step's scheme name.",
    "unanswered-objection": "Nobody has answered this objection yet. Can you rebut it?",
    "lonely-premise": "One premise alone rarely proves a point. What else must be true? Add a co-premise.",
    "rabbit-rule": "The conclusion talks about something no premise mentions (Rabbit rule). "
                   "Add a premise that covers it.",
    "holding-hands": "This premise talks about something the other premises and the conclusion "
                     "do not mention (Holding Hands rule). Link it up, or drop it.",
    "looks-linked": "These reasons may only work together. Make them co-premises of one reason?",
}

#: The evaluations the studio offers, by the name the page uses.
SEMANTICS: dict[str, str] = {"grounded": "grounded", "dfquad": "dfquad"}


def findings(m: ArgumentMap) -> list[dict[str, Any]]:
    """Every finding of :func:`argmap.check` as data for the page, with its plain headline."""
    out = []
    for f in check(m):
        out.append({"code": f.code, "severity": f.severity, "nodes": list(f.nodes),
                    "headline": HEADLINES.get(f.code, f.message), "detail": f.message})
    return out


def questions(m: ArgumentMap) -> dict[str, list[str]]:
    """Each node's open critical questions (a step's by its scheme, a claim's by its sources), in
    the catalogue's wording for students (``plain``)."""
    return question_texts(m, plain=True)


def evaluation(m: ArgumentMap, semantics: str) -> dict[str, Any]:
    """Each node's status (``grounded``) or strength (``dfquad``) for the page, with words."""
    name = SEMANTICS.get(semantics)
    if name is None:
        raise ArgmapError(f"unknown evaluation {semantics!r}; the studio offers: {', '.join(SEMANTICS)}")
    result = evaluate(m, name)
    nodes: dict[str, Any] = {}
    if isinstance(result, Evaluation):
        for node, label in result.items():
            nodes[node] = {"status": label, "word": STATUS_WORDS.get(label, label)}
    else:
        for node, value in result.items():
            nodes[node] = {"strength": round(float(value), 3), "word": f"strength {float(value):.2f}"}
    return {"semantics": semantics, "nodes": nodes}


def explanation(m: ArgumentMap, claim: str) -> str | None:
    """Why the grounded semantics accepts, rejects or leaves undecided ``claim``, in a paragraph."""
    if m.claims.get(claim) is None:
        return None
    labels = evaluate(m, "grounded")
    return explain_labelling(m, claim, labels).paragraph
