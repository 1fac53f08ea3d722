"""Grade a student's map against a model answer: match claims by text, then compare structure.

Claims are matched by text similarity, 0-100: the mean of rapidfuzz's ``token_sort_ratio``
(the words, in any order) and ``token_set_ratio`` (a shortened paraphrase still scores high),
on lower-cased words without punctuation. Every pair scoring at least :data:`THRESHOLD` is a
candidate; the best pairs are taken first (greedy best-first assignment), so one model claim
matches at most one student claim and the other way round. On the op-ed example the right pairs
score 79 or more and the best wrong pair 68, hence the threshold of 70: it accepts a student's
paraphrase that keeps most of the model's words and rejects claims that only share topic words.

Then each place a matched model claim has in the model (a premise of one step: its polarity,
what the step bears on, its co-premises) is looked for in the student's map:

- ``found``: the claim is in the student's map, in the right place, with the right polarity;
- ``missing``: a model claim with no student claim like it;
- ``extra``: a student claim with no model claim like it (listed, no points taken off);
- ``wrong-polarity``: right place, but a reason drawn as an objection or the reverse;
- ``wrong-place``: the claim bears on a different claim than in the model;
- ``linked-as-independent``: co-premises that support only together drawn as separate reasons;
- ``independent-as-linked``: separate reasons drawn as one linked step.

A step aimed at another step (a rebuttal of an objection, an undercut) counts as aimed at that
step's premises, so a student who attacks the objection's claim rather than its arrow is in the
right place.

>>> from argmap import ArgumentMap
>>> model = ArgumentMap()
>>> t = model.claim("We should eat out tonight.")
>>> _ = model.support(t, "The fridge is completely empty.")
>>> _ = model.attack(t, "Eating out costs too much money.")
>>> student = ArgumentMap()
>>> s = student.claim("we should eat out tonight")
>>> _ = student.attack(s, "the fridge is empty")
>>> report = grade(student, model)
>>> [(f.kind, f.model) for f in report.mistakes()]
[('wrong-polarity', 'the-fridge-is-completely-empty'), ('missing', 'eating-out-costs-too-much')]
>>> report.score
54.2
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from argmap.text import shorten

if TYPE_CHECKING:
    from argmap.model import ArgumentMap, Claim, Inference

__all__ = ["THRESHOLD", "RUBRIC", "GradeNote", "Match", "GradeReport", "grade", "similarity", "match_claims",
           "FINDING_WORDS"]

#: Lowest text similarity (0-100) at which a student claim can match a model claim.
THRESHOLD = 70.0

#: Points per rubric part (they add up to 100), each earned in proportion to the model items the
#: student got right: its claims; the places its claims have (in the right place); those places
#: with the right polarity too; its linked steps (kept linked; a student step linking what the
#: model keeps apart adds one to the total).
RUBRIC: dict[str, float] = {"claims": 40.0, "placement": 25.0, "polarity": 20.0, "linkage": 15.0}

#: A word per finding kind, shown in text and on badges (never colour alone).
FINDING_WORDS: dict[str, str] = {
    "found": "FOUND",
    "missing": "MISSING",
    "extra": "EXTRA",
    "wrong-polarity": "WRONG POLARITY",
    "wrong-place": "WRONG PLACE",
    "linked-as-independent": "LINKED DRAWN AS INDEPENDENT",
    "independent-as-linked": "INDEPENDENT DRAWN AS LINKED",
}


def similarity(a: str, b: str) -> float:
    """Text similarity of two claims, 0-100, ignoring case, punctuation and word order.

    >>> similarity("Cats need no walks.", "cats need NO walks")
    100.0
    >>> similarity("Cats need no walks.", "Taxes should rise.") < THRESHOLD
    True
    """
    from rapidfuzz import fuzz, utils  # imported when grading, not when the CLI starts

    order_free = fuzz.token_sort_ratio(a, b, processor=utils.default_process)
    subset = fuzz.token_set_ratio(a, b, processor=utils.default_process)
    return float(order_free + subset) / 2


@dataclass(frozen=True)
class Match:
    """A model claim and the student claim taken for it, with their similarity (0-100)."""

    model: str
    student: str
    score: float


@dataclass(frozen=True)
class GradeNote:
    """One result of grading: its kind, the model and student claim ids, and a sentence.

    (Not ``argmap.Finding``, which is a check's finding about one map.)
    """

    kind: str
    model: str | None
    student: str | None
    message: str
    related: tuple[str, ...] = ()

    @property
    def word(self) -> str:
        """The kind as a capitalised word for badges and text."""
        return FINDING_WORDS[self.kind]


@dataclass
class GradeReport:
    """Everything grading found: matches, findings per claim, the rubric and the score."""

    matches: list[Match]
    findings: list[GradeNote]
    rubric: dict[str, dict[str, float]] = field(default_factory=dict)
    threshold: float = THRESHOLD

    @property
    def score(self) -> float:
        """Points out of 100, rounded to one decimal."""
        return round(sum(part["points"] for part in self.rubric.values()), 1)

    def mistakes(self) -> list[GradeNote]:
        """Every finding except ``found``."""
        return [f for f in self.findings if f.kind != "found"]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {
            "score": self.score,
            "threshold": self.threshold,
            "rubric": self.rubric,
            "matches": [asdict(m) for m in self.matches],
            "findings": [{k: v for k, v in asdict(f).items() if v not in (None, ())} for f in self.findings],
        }


def match_claims(student: ArgumentMap, model: ArgumentMap, threshold: float = THRESHOLD) -> list[Match]:
    """Pair model claims with student claims, best pairs first; each claim used at most once.

    >>> from argmap import ArgumentMap
    >>> a, b = ArgumentMap(), ArgumentMap()
    >>> _ = a.claim("Dogs are loyal.", id="a1"); _ = a.claim("Dogs are loud.", id="a2")
    >>> _ = b.claim("dogs are loyal", id="b1")
    >>> [(x.model, x.student) for x in match_claims(b, a)]
    [('a1', 'b1')]
    """
    pairs: list[tuple[float, int, int, str, str]] = []
    for i, mc in enumerate(model.claims):
        for j, sc in enumerate(student.claims):
            score = similarity(mc.text, sc.text)
            if score >= threshold:
                # Ties go to the earlier model claim, then the earlier student claim: deterministic.
                pairs.append((-score, i, j, mc.id, sc.id))
    pairs.sort()
    used_m: set[str] = set()
    used_s: set[str] = set()
    matches: list[Match] = []
    for neg, _i, _j, mid, sid in pairs:
        if mid in used_m or sid in used_s:
            continue
        used_m.add(mid)
        used_s.add(sid)
        matches.append(Match(mid, sid, round(-neg, 1)))
    order = {c.id: k for k, c in enumerate(model.claims)}
    return sorted(matches, key=lambda x: order[x.model])


@dataclass(frozen=True)
class _Place:
    """One place a claim has: a premise of a step with this polarity, aimed at ``anchor``."""

    step: str
    polarity: str
    anchor: frozenset[str]  # model claim ids the step bears on (a step target: its premises)
    others: frozenset[str]  # model claim ids of the co-premises


def _anchor(m: ArgumentMap, step: Inference, to_model: dict[str, str]) -> frozenset[str]:
    from argmap.model import Inference as Inf

    target = step.target
    ids = [p.id for p in target.premises] if isinstance(target, Inf) else [target.id]
    return frozenset(to_model[i] for i in ids if i in to_model)


def _places(m: ArgumentMap, claim: Claim, to_model: dict[str, str]) -> list[_Place]:
    return [
        _Place(step.id, step.polarity, _anchor(m, step, to_model),
               frozenset(to_model[p.id] for p in step.premises if p.id != claim.id and p.id in to_model))
        for step in claim.inferences
    ]


def _describe(m: ArgumentMap, ids: Iterable[str]) -> str:
    texts = [m.claims[i].text for i in sorted(ids)]
    return " / ".join(f"“{shorten(t, at_word=True)}”" for t in texts) or "nothing"


def grade(student: ArgumentMap, model: ArgumentMap, threshold: float = THRESHOLD) -> GradeReport:
    """Grade ``student`` against ``model``; see the module docstring for what is reported."""
    matches = match_claims(student, model, threshold)
    s_of = {x.model: x.student for x in matches}
    m_of = {x.student: x.model for x in matches}
    identity = {c.id: c.id for c in model.claims}
    findings: list[GradeNote] = []
    # Totals count every place and linked step of the model, so what is missing earns nothing.
    placements = {"total": 0, "place": 0, "polarity": 0}
    linkage = {"total": sum(1 for i in model.inferences if i.linked), "right": 0}
    link_done: set[tuple[str, str]] = set()
    link_findings: list[GradeNote] = []
    matched = set(s_of)

    for mc in model.claims:
        want = _places(model, mc, identity)
        if mc.id not in s_of:
            placements["total"] += len(want)
            findings.append(GradeNote("missing", mc.id, None,
                                    f"the {mc.role} “{shorten(mc.text, at_word=True)}” is not in the map"))
            continue
        sc = student.claims[s_of[mc.id]]
        have = _places(student, sc, m_of)
        claim_findings: list[GradeNote] = []
        if not want and have:
            # The model's thesis drawn as a premise of something.
            placements["total"] += 1
            claim_findings.append(GradeNote(
                "wrong-place", mc.id, sc.id,
                f"“{shorten(mc.text, at_word=True)}” is the thesis, but is drawn bearing on "
                f"{_describe(model, have[0].anchor)}"))
        # Pair each model place with a student place bearing on the same claims.
        left = list(have)
        astray: list[_Place] = []
        for place in want:
            placements["total"] += 1
            anchor = place.anchor & matched
            if not anchor:
                continue  # what it bears on is itself missing: reported there, not twice
            same = next((h for h in left if h.anchor & anchor), None)
            if same is None:
                astray.append(place)  # judged once every right place has been paired
                continue
            left.remove(same)
            placements["place"] += 1
            if same.polarity != place.polarity:
                word = {"support": "a reason", "attack": "an objection"}
                claim_findings.append(GradeNote(
                    "wrong-polarity", mc.id, sc.id,
                    f"“{shorten(mc.text, at_word=True)}” is {word[place.polarity]} but is drawn as "
                    f"{word[same.polarity]}", related=tuple(sorted(place.anchor))))
                continue
            placements["polarity"] += 1
            # Linkage, judged over co-premises both maps have: once per model step, and once per
            # student step that links what the model keeps apart.
            wanted = place.others & matched
            if wanted and ("model", place.step) not in link_done:
                link_done.add(("model", place.step))
                if wanted <= same.others:
                    linkage["right"] += 1
                else:
                    group = wanted | {mc.id}
                    link_findings.append(GradeNote(
                        "linked-as-independent", mc.id, sc.id,
                        f"{_describe(model, group)} support only together",
                        related=tuple(sorted(wanted))))
            elif not wanted and same.others and ("student", same.step) not in link_done:
                link_done.add(("student", same.step))
                linkage["total"] += 1
                together = same.others | {mc.id}
                link_findings.append(GradeNote(
                    "independent-as-linked", mc.id, sc.id,
                    f"{_describe(model, together)} each support on their own",
                    related=tuple(sorted(same.others))))
        for place in astray:
            elsewhere = next((h for h in left if h.anchor), None)
            if elsewhere:
                left.remove(elsewhere)
                where = f"but bears on {_describe(model, elsewhere.anchor)}"
            elif have:
                where = "but does not (a missing link)"
            else:
                where = "but bears on nothing (it stands alone)"
            claim_findings.append(GradeNote(
                "wrong-place", mc.id, sc.id,
                f"“{shorten(mc.text, at_word=True)}” should bear on {_describe(model, place.anchor)}, {where}",
                related=tuple(sorted(place.anchor))))
        if claim_findings:
            findings.extend(claim_findings)
        else:
            findings.append(GradeNote("found", mc.id, sc.id, f"“{shorten(mc.text, at_word=True)}”"))

    for sc in student.claims:
        if sc.id not in m_of:
            findings.append(GradeNote("extra", None, sc.id,
                                    f"“{shorten(sc.text, at_word=True)}” is not in the model answer"))

    findings.extend(link_findings)
    n_model = len(model.claims)
    rubric = {
        "claims": _part("claims", len(matches), n_model),
        "placement": _part("placement", placements["place"], placements["total"]),
        "polarity": _part("polarity", placements["polarity"], placements["total"]),
        "linkage": _part("linkage", linkage["right"], linkage["total"]),
    }
    return GradeReport(matches, findings, rubric, threshold)


def _part(name: str, right: int, total: int) -> dict[str, float]:
    weight = RUBRIC[name]
    points = weight if total == 0 else weight * right / total
    return {"right": right, "total": total, "points": round(points, 1), "of": weight}


def report_text(report: GradeReport, student: ArgumentMap, model: ArgumentMap) -> str:
    """The report as plain text: score, rubric, then mistakes and what was found.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(); _ = m.claim("Tea is good.")
    >>> print(report_text(grade(m, m), m, m).splitlines()[0])
    Score: 100.0 / 100
    """
    lines = [f"Score: {report.score} / 100"]
    for name, part in report.rubric.items():
        lines.append(f"  {name:<10} {part['points']:>5} / {part['of']:<4}  ({int(part['right'])} of "
                     f"{int(part['total'])} right)")
    mistakes = report.mistakes()
    lines.append("")
    lines.append(f"Mistakes ({len(mistakes)}):" if mistakes else "No mistakes.")
    lines.extend(f"  {k}. [{f.word}] {_message_ids(f)}" for k, f in enumerate(mistakes, start=1))
    found = [f for f in report.findings if f.kind == "found"]
    lines.append("")
    lines.append(f"Found in the right place ({len(found)} of {len(model.claims)} model claims).")
    lines.append(f"(Claims match when their texts are at least {report.threshold:g}% alike.)")
    return "\n".join(lines)


def _message_ids(f: GradeNote) -> str:
    ids = []
    if f.student:
        ids.append(f"student: {f.student}")
    if f.model:
        ids.append(f"model: {f.model}")
    return f"{f.message} ({', '.join(ids)})"


def annotated_map(report: GradeReport, student: ArgumentMap, model: ArgumentMap) -> tuple[
        ArgumentMap, dict[str, str]]:
    """The student's map with the missing model claims added, and a badge per claim.

    Returns ``(map, badges)``; pass the badges to :func:`argmap.drawing.dot.build_dot`. Badges
    are words with a tick or cross (``✓ FOUND``, ``✗ 2 WRONG PLACE``; the number is the mistake's
    number in the text report), so nothing rests on colour. A missing claim is added where the
    model has it, its badge saying it is missing.

    >>> from argmap import ArgumentMap
    >>> model = ArgumentMap(); t = model.claim("Tea is good.", id="t")
    >>> _ = model.support(t, "Tea is warm.", id="r")
    >>> student = ArgumentMap(); _ = student.claim("tea is good", id="s")
    >>> shown, badges = annotated_map(grade(student, model), student, model)
    >>> sorted(badges.items())
    [('missing-tea-is-warm', '✗ 1 MISSING (from the model answer)'), ('s', '✓ FOUND')]
    """
    from argmap.model import Claim
    from argmap.model import Inference as Inf

    shown = student.copy()
    shown.title = f"Graded: {student.title or 'student map'} ({report.score:g} / 100)"
    badges: dict[str, str] = {}
    s_of = {x.model: x.student for x in report.matches}
    numbers = {id(f): k for k, f in enumerate(report.mistakes(), start=1)}

    def add(node: str, text: str) -> None:
        badges[node] = f"{badges[node]}; {text}" if node in badges else text

    for f in report.findings:
        if f.kind == "found" and f.student:
            add(f.student, "✓ FOUND")
        elif f.kind == "missing" and f.model:
            mc = model[f.model]
            assert isinstance(mc, Claim)
            ghost = shown.claim(mc.text, id=shown._new_id(None, "missing-" + f.model),  # noqa: SLF001
                                label=mc.label)
            add(ghost.id, f"✗ {numbers[id(f)]} MISSING (from the model answer)")
            for step in mc.inferences:
                target = step.target
                anchors = [p.id for p in target.premises] if isinstance(target, Inf) else [target.id]
                where = next((s_of[a] for a in anchors if a in s_of), None)
                if where is not None:
                    shown.infer(step.polarity, where, ghost, id=shown._new_id(None, "missing-step-" + step.id))  # noqa: SLF001
        elif f.student:
            add(f.student, f"✗ {numbers[id(f)]} {f.word}")
            for other in f.related:
                if f.kind in ("linked-as-independent", "independent-as-linked") and other in s_of:
                    add(s_of[other], f"✗ {numbers[id(f)]} {f.word}")
    return shown, badges
