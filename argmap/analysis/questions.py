"""Which critical questions each step of a map still leaves open.

A step (an inference) asks the questions of its schemes (``scheme`` and ``data["schemes"]``);
a claim asks the questions of the kinds of its sources. A question is *answered* when an
objection or reason in the map is linked to it: the answering inference (or one of its premise
claims) lists the question in ``data["answers"]`` as ``"<scheme id>:<question id>"`` (or
``"source:<kind id>:<question id>"``), and it bears on the step's neighbourhood: it targets the
step itself, one of its premises, or its conclusion (for a source question: the sourced claim).
Scheme names in the reference may be any id, name or alias; ``data`` round-trips through every
lossless format, so the links do too.

>>> from argmap import ArgumentMap
>>> m = ArgumentMap()
>>> t = m.claim("We should ban cars downtown.", id="t")
>>> step = m.support(t, "Fewer cars means cleaner air.", id="air", scheme="positive consequences")
>>> _ = m.attack(t, "Shops would lose customers.", data={"answers": "positive-consequences:opposite"})
>>> [q.id for q in critical_questions(m)[0].open]
['likely', 'evidence']
>>> critical_questions(m)[0].answered[0][0].id, critical_questions(m)[0].answered[0][1]
('opposite', ('attack-t',))
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from argmap.analysis.schemes import (
    CriticalQuestion,
    Scheme,
    SourceKind,
    catalogue,
    get_source_kind,
    scheme_names_of,
    schemes_of,
)
from argmap.model import Claim, Inference
from argmap.text import shorten

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = [
    "StepQuestions",
    "UnplacedAnswer",
    "critical_questions",
    "open_questions",
    "unplaced_answers",
    "answer_refs",
    "step_prompts",
    "question_texts",
    "known_refs",
    "describe_step",
    "scheme_titles",
    "ANSWERS_KEY",
]

#: The data key that links an inference (or its premise claim) to the questions it answers.
ANSWERS_KEY = "answers"


@dataclass(frozen=True)
class StepQuestions:
    """The critical questions of one node: a step (its schemes) or a claim (its source kinds).

    ``open`` are the questions not yet answered; ``answered`` pairs each answered question
    with the ids of the inferences that answer it. ``owners`` maps each question's ``ref`` to the
    scheme or source kind that asks it. ``plain`` entries (``open_questions(m, plain=True)``)
    carry each question's everyday wording as its ``text`` and name schemes in everyday words.
    """

    node: str
    kind: str  # "step" or "source"
    schemes: tuple[Scheme | SourceKind, ...]
    open: tuple[CriticalQuestion, ...]
    answered: tuple[tuple[CriticalQuestion, tuple[str, ...]], ...]
    owners: dict[str, Scheme | SourceKind] = field(default_factory=dict, compare=False)
    plain: bool = False

    def owner_name(self, question: CriticalQuestion) -> str:
        """The name of the scheme or source kind that asks ``question`` (everyday words when plain)."""
        owner = self.owners.get(question.ref)
        return owner.title(self.plain) if owner else question.ref.rsplit(":", 1)[0]

    def plainly(self) -> StepQuestions:
        """The same entry in everyday words: each question's ``text`` is its plain wording.

        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap()
        >>> _ = m.support(m.claim("T"), "My aunt saw it.", id="s", scheme="position to know")
        >>> entry = critical_questions(m)[0].plainly()
        >>> entry.owner_name(entry.open[0]), entry.open[1].text
        ('someone who would know says so', 'Is this person honest here, or could they have a reason to lie?')
        """
        if self.plain:
            return self
        return replace(self, open=tuple(replace(q, text=q.wording(True)) for q in self.open),
                       answered=tuple((replace(q, text=q.wording(True)), by) for q, by in self.answered),
                       plain=True)

    def to_dict(self, m: ArgumentMap) -> dict[str, Any]:
        """Plain JSON-ready data (used by ``argmap questions --format json``)."""
        def q(question: CriticalQuestion, by: tuple[str, ...] = ()) -> dict[str, Any]:
            out: dict[str, Any] = {
                "ref": question.ref, "scheme": self.owner_name(question), "question": question.text,
                "target": question.target, "burden": question.burden,
            }
            if question.premise:
                out["premise"] = question.premise
            if by:
                out["answered_by"] = list(by)
            return out

        node = m[self.node]
        return {
            "node": self.node,
            "kind": self.kind,
            "role": node.role,
            "schemes": [s.id for s in self.schemes],
            "open": [q(x) for x in self.open],
            "answered": [q(x, by) for x, by in self.answered],
        }


@dataclass(frozen=True)
class UnplacedAnswer:
    """An ``answers`` link that matches no open question near the answering step."""

    node: str
    ref: str
    reason: str


def answer_refs(data: Any) -> list[str]:
    """The question references in a node's ``data["answers"]`` (a text or a list of texts).

    >>> answer_refs({"answers": "analogy:differences"}), answer_refs({"answers": ["a:b", 3]}), answer_refs({})
    (['analogy:differences'], ['a:b'], [])
    """
    if not isinstance(data, dict):
        return []
    raw = data.get(ANSWERS_KEY)
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list):
        return []
    return [r.strip() for r in raw if isinstance(r, str) and r.strip()]


def _resolve(ref: str) -> CriticalQuestion | None:
    """The catalogue question a reference names (scheme by any of its names), or None."""
    head, sep, qid = ref.rpartition(":")
    if not sep:
        return None
    if head.casefold().startswith("source:"):
        kind = get_source_kind(head[len("source:"):])
        questions = kind.questions if kind else ()
    else:
        scheme = catalogue().scheme(head)
        questions = scheme.questions if scheme else ()
    return next((q for q in questions if q.id == qid.strip()), None)


def _links(m: ArgumentMap) -> list[tuple[Inference, CriticalQuestion | None, str]]:
    """Every (answering inference, question, raw reference) the map declares."""
    out = []
    for inf in m.inferences:
        refs = answer_refs(inf.data)
        for premise in inf.premises:
            refs.extend(answer_refs(premise.data))
        for ref in dict.fromkeys(refs):
            out.append((inf, _resolve(ref), ref))
    return out


def _neighbourhood(step: Inference) -> set[str]:
    return {step.id, step.target.id, *(p.id for p in step.premises)}


def _order(m: ArgumentMap) -> list[str]:
    """Node ids in reading order (the outline's), then anything the outline did not reach."""
    from argmap.outline import outline

    seen: dict[str, None] = {}
    for item in outline(m):
        if item.role == "thesis":
            seen.setdefault(item.node)
            continue
        seen.setdefault(item.node)
        for c in item.claims:
            seen.setdefault(c)
    for node in m.graph.nodes:
        seen.setdefault(node)
    return list(seen)


def _source_kinds(claim: Claim) -> list[SourceKind]:
    kinds = [get_source_kind(s.kind) for s in claim.sources if s.kind]
    return list(dict.fromkeys(k for k in kinds if k is not None))


def critical_questions(m: ArgumentMap, *, sources: bool = True, plain: bool = False) -> list[StepQuestions]:
    """The critical questions of every step with a known scheme (and every claim with a source
    of a known kind, unless ``sources=False``), in reading order, split into open and answered;
    with ``plain``, in the words written for students (see :meth:`StepQuestions.plainly`)."""
    links = _links(m)
    result: list[StepQuestions] = []
    for node_id in _order(m):
        node = m[node_id]
        asks: list[tuple[Scheme | SourceKind, CriticalQuestion]] = []
        if isinstance(node, Inference):
            owners: list[Scheme | SourceKind] = list(schemes_of(node))
            near = _neighbourhood(node)
            kind = "step"
        elif sources:
            owners = list(_source_kinds(node))
            near = {node_id}
            kind = "source"
        else:
            continue
        if not owners:
            continue
        for owner in owners:
            asks.extend((owner, q) for q in owner.questions)
        open_: list[CriticalQuestion] = []
        answered: list[tuple[CriticalQuestion, tuple[str, ...]]] = []
        for _owner, q in asks:
            by = tuple(dict.fromkeys(
                inf.id for inf, linked, _ref in links
                if linked == q and inf.id != node_id and inf.target.id in near
            ))
            if by:
                answered.append((q, by))
            else:
                open_.append(q)
        entry = StepQuestions(node_id, kind, tuple(owners), tuple(open_), tuple(answered),
                              {q.ref: o for o, q in asks})
        result.append(entry.plainly() if plain else entry)
    return result


def open_questions(m: ArgumentMap, *, sources: bool = True, plain: bool = False) -> list[StepQuestions]:
    """Like :func:`critical_questions`, keeping only the nodes with a question still open.

    ``plain=True`` words them for students: what a page shows next to a claim.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> _ = m.support(m.claim("Buy a bike."), "It saves money.", id="s", scheme="positive consequences")
    >>> [q.text for q in open_questions(m, plain=True)[0].open][:2]
    ['How likely are these good results, really?', 'What shows that the good results would happen?']
    """
    return [s for s in critical_questions(m, sources=sources, plain=plain) if s.open]


def unplaced_answers(m: ArgumentMap) -> list[UnplacedAnswer]:
    """``answers`` links that name no catalogue question, or no question of a step they bear on.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> t = m.claim("T", id="t")
    >>> _ = m.attack(t, "X", id="x-step", data={"answers": "analogy:nonsense"})
    >>> unplaced_answers(m)[0].reason
    "'analogy:nonsense' names no question in the schemes catalogue"
    """
    placed: set[tuple[str, str]] = set()
    for entry in critical_questions(m):
        for q, by in entry.answered:
            placed.update((b, q.ref) for b in by)
    out: list[UnplacedAnswer] = []
    for inf, question, ref in _links(m):
        if question is None:
            out.append(UnplacedAnswer(inf.id, ref, f"{ref!r} names no question in the schemes catalogue"))
        elif (inf.id, question.ref) not in placed:
            out.append(UnplacedAnswer(
                inf.id, ref,
                f"{ref!r} matches no step near {inf.target.id!r} that uses "
                f"{question.ref.rsplit(':', 1)[0]!r} (link it to a step with that scheme, its premise or "
                "its conclusion)",
            ))
    return out


def step_prompts(m: ArgumentMap, *, plain: bool = False) -> dict[str, list[tuple[str, list[str]]]]:
    """Per step id, the open questions grouped by scheme name (for drawing prompt boxes)."""
    prompts: dict[str, list[tuple[str, list[str]]]] = {}
    for entry in open_questions(m, sources=False, plain=plain):
        groups: dict[str, list[str]] = {}
        for q in entry.open:
            groups.setdefault(entry.owner_name(q), []).append(q.text)
        prompts[entry.node] = list(groups.items())
    return prompts


def question_texts(m: ArgumentMap, *, plain: bool = False) -> dict[str, list[str]]:
    """Per node id, the text of each critical question still open (for a page's panel).

    A step asks the questions of its schemes, a claim those of its sources' kinds; when one node
    has questions from several schemes or kinds, each question names the one that asks it.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> t = m.claim("Coffee is healthy.", id="t")
    >>> _ = m.support(t, "Dr. Lee says so.", id="s", scheme="Argument from expert opinion")
    >>> len(question_texts(m)["s"]) > 2
    True
    """
    found: dict[str, list[str]] = {}
    for entry in open_questions(m, plain=plain):
        owners = {entry.owner_name(q) for q in entry.open}
        found[entry.node] = [q.text if len(owners) == 1 else f"{entry.owner_name(q)}: {q.text}" for q in entry.open]
    return found


def known_refs(names: Iterable[str]) -> list[str]:
    """Every question reference of the named schemes (handy when writing ``answers``).

    >>> known_refs(["sign"])
    ['sign:strength', 'sign:other']
    """
    out: list[str] = []
    for name in names:
        scheme = catalogue().scheme(name)
        if scheme:
            out.extend(q.ref for q in scheme.questions)
    return out


def scheme_titles(m: ArgumentMap, *, plain: bool = False) -> dict[str, list[str]]:
    """Per step with a scheme, the names to show under its word: the catalogue's name or, with
    ``plain``, its everyday wording (a name the catalogue does not know is shown as written).

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> _ = m.support(m.claim("T"), "R", id="s", scheme="argument from position to know")
    >>> scheme_titles(m, plain=True)
    {'s': ['someone who would know says so']}
    """
    titles: dict[str, list[str]] = {}
    for inf in m.inferences:
        names = scheme_names_of(inf)
        if names:
            known = [catalogue().scheme(n) for n in names]
            titles[inf.id] = list(dict.fromkeys(s.title(plain) if s else n for s, n in zip(known, names, strict=True)))
    return titles


def describe_step(m: ArgumentMap, node_id: str, *, plain: bool = False) -> str:
    """A one-line description of a step or claim for listings: role, label or text, target
    (and the step's schemes, in everyday words when ``plain``)."""
    node = m[node_id]
    if isinstance(node, Claim):
        return f"claim {node_id!r}: {shorten(node.text)}"
    inf: Inference = node
    premises = " + ".join(shorten(p.label or p.text, 40) for p in inf.premises)
    target = inf.target
    aim = shorten(target.label or target.text, 40) if isinstance(target, Claim) else f"step {target.id!r}"
    names = ", ".join(scheme_titles(m, plain=True).get(node_id, []) if plain else scheme_names_of(inf))
    return f"{inf.role} {node_id!r}: {premises} -> {aim}" + (f"  [{names}]" if names else "")
