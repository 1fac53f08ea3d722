"""Grade a student's map against a model answer: match claims by what they say and where they
sit, then judge every model claim and linked reason, each lost point explained once.

**Matching.** Every model claim is compared with every student claim by text
(:mod:`argmap.teach.similarity`: meaning and spelling, 0-1; the best of the claim's text, the
teacher's accepted wordings and, when both have one, its label). The map around a pair is
evidence too: the share of the model claim's neighbours (what it bears on, what bears on it,
with their polarity) whose own matches are the student claim's neighbours. The thesis matches
the student's main claim (the top of the biggest tree) whatever its wording, unless the text
plainly says otherwise. A pair is a candidate when its text likeness reaches
:data:`THRESHOLD` %, or, with its neighbours agreeing, :data:`SUPPORTED_THRESHOLD` % (less for
a claim of a few words: :func:`place_floor`), and when it is within :data:`WORDING_MARGIN` of the
best likeness either claim has (a claim plainly worded like another is that one, wherever it
sits); the candidates are assigned one-to-one with the best total
(``networkx.max_weight_matching``), and again with the neighbours the last round found, until the
assignment settles. A match made by place more than by words (under :data:`UNSURE_BELOW` %) is a
maybe: it counts, is listed for the teacher, and a mistake about it is listed in
:attr:`GradeReport.maybe` without costing points. A student claim written twice counts as one
claim drawn in two places: the same words, or the same point in other words (see :func:`_repeats`).

**Judging.** Each model claim is worth its weight (1 point unless the teacher says otherwise;
see :mod:`argmap.teach.overrides`): half for having it, half for having it in the right place
as the right kind (a reason or an objection of the claim it bears on in the model; a claim used
in two places splits that half). A mistake costs its share once: a missing claim its whole
weight, a claim in the wrong place or drawn as the wrong kind its place's share. Claims below a
missing one are judged against the nearest claim above it that the student has, so one gap is
not counted again for everything beneath it; the kind passes through the gap (an answer to a
left-out objection is, in effect, a reason for what the objection argued against). Each linked
step of the model (co-premises that support only together) is worth 1 point when the student has
two or more of its premises in their places (a step that cannot be checked is said so, never
counted as right); a student step linking claims the model keeps apart costs 1 point. Extra
claims cost nothing: the teacher reads them. The score is the share of points kept, out of 100.

Mistake kinds: ``missing``, ``extra``, ``wrong-place``, ``wrong-polarity`` (a reason drawn as an
objection or the reverse), ``linked-as-independent``, ``independent-as-linked``.

>>> from argmap import ArgumentMap
>>> model = ArgumentMap()
>>> t = model.claim("We should eat out tonight.", id="t")
>>> _ = model.support(t, model.claim("The fridge is completely empty.", id="fridge"))
>>> _ = model.attack(t, model.claim("Eating out costs too much money.", id="cost"))
>>> student = ArgumentMap()
>>> s = student.claim("let's go to a restaurant tonight", id="s")
>>> _ = student.attack(s, student.claim("the fridge is empty", id="f"))
>>> report = grade(student, model, meaning=False)
>>> [(x.kind, x.model, x.points) for x in report.mistakes]
[('wrong-polarity', 'fridge', 16.7), ('missing', 'cost', 33.3)]
>>> report.score
50.0
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from argmap.teach.overrides import GradingRules, rules_from_model

if TYPE_CHECKING:
    import numpy as np

    from argmap.model import ArgumentMap

__all__ = ["THRESHOLD", "SUPPORTED_THRESHOLD", "REPEAT_LIKENESS", "place_floor", "FOUND_SHARE", "LINK_POINTS",
           "KIND_WORDS", "Match", "Mistake", "GradeReport", "grade", "match_claims", "short_text"]

#: Text likeness (%) a match needs when nothing around it agrees.
THRESHOLD = 55.0
#: Text likeness (%) a match needs when its neighbours agree (the map itself is evidence), for a
#: student claim of at least LONG_WORDS content words; a claim of SHORT_WORDS or fewer needs only
#: SHORT_THRESHOLD (a few words say little), and in between it rises evenly (see :func:`place_floor`).
SUPPORTED_THRESHOLD = 35.0
SHORT_THRESHOLD = 20.0
SHORT_WORDS = 4
LONG_WORDS = 10
#: Only wordings about as alike as the best are candidates: a pair whose text likeness is more than
#: this (0-1) below the best either claim has with any claim of the other map is no match, however
#: well the map around it agrees (a claim plainly worded like another is that one, wherever it is).
WORDING_MARGIN = 0.2
#: How much the agreement of neighbours (0-1) adds to a pair's text likeness (0-1).
STRUCTURE_WEIGHT = 0.3
#: How much alike positions in the maps (role, depth, linked or not; 0-1) add to a pair's likeness.
SHAPE_WEIGHT = 0.25
#: Text likeness (%) under which a match made on the map's evidence is listed for the teacher to check.
UNSURE_BELOW = 45.0
#: Text likeness (%) at which a student claim and a model claim that the assignment left over, each
#: the other's closest wording, are one claim wherever the student drew it (a misplaced claim, not
#: one missing and one extra).
CLOSEST_THRESHOLD = UNSURE_BELOW
#: How much a neighbour in the right place but of the opposite kind (reason for objection) agrees.
OPPOSITE = 0.25
#: The agreement (0-1) at which the neighbours count as support for a match.
AGREEMENT_NEEDED = 0.5
#: What being the top of both maps adds to the pairing of the thesis with the student's main claim
#: (the thesis matches it whatever its wording, unless the texts plainly pair them otherwise).
ROOT_BONUS = 0.05
#: The share of a claim's weight earned by having it; the rest is for its place.
FOUND_SHARE = 0.5
#: Points for each linked step of the model the student keeps linked.
LINK_POINTS = 1.0
#: Spelling likeness (0-1) at which two student claims are one claim written twice.
COPY_LIKENESS = 0.9
#: Text likeness (0-1, meaning and spelling) at which a student claim left unmatched is the same
#: point as a matched one said again in other words, when the model claim its words are most like
#: is the one that claim stands for. On the eighteen measured maps every such repeat scores 0.88 or
#: more, and every pair of different points 0.74 or less (an answer and the objection it answers,
#: which :func:`grade` tells apart by where they sit); most 0.6 or less.
REPEAT_LIKENESS = 0.8
_ROUNDS = 8

#: The word shown for each kind of mistake, in the report and on the map's badges.
KIND_WORDS: dict[str, str] = {
    "missing": "MISSING",
    "extra": "EXTRA",
    "wrong-place": "WRONG PLACE",
    "wrong-polarity": "FOR/AGAINST MIXED UP",
    "linked-as-independent": "SHOULD BE LINKED",
    "independent-as-linked": "SHOULD NOT BE LINKED",
}


@dataclass(frozen=True)
class Match:
    """A model claim and the student claim taken for it: text likeness and neighbours' agreement
    (both 0-1), and why they were paired (``text``, ``map``: the neighbours tipped it, ``thesis``,
    ``teacher``, ``closest``: left over by the assignment, each the other's closest wording,
    ``copy``: the same words written twice, or ``repeat``: the same point said again in other
    words)."""

    model: str
    student: str
    text: float
    structure: float
    how: str


@dataclass(frozen=True)
class Mistake:
    """One mistake: its kind, the model and student claim ids, a sentence for the student, and
    the points it cost (0 for an extra claim)."""

    kind: str
    model: str | None
    student: str | None
    message: str
    points: float = 0.0
    related: tuple[str, ...] = ()

    @property
    def word(self) -> str:
        """The kind as a capitalised word for badges and text."""
        return KIND_WORDS[self.kind]


@dataclass
class GradeReport:
    """Everything grading found: matches, mistakes with the points each cost, and the score."""

    score: float
    matches: list[Match]
    mistakes: list[Mistake]
    ignored: list[Mistake] = field(default_factory=list)
    found: list[str] = field(default_factory=list)
    counts: dict[str, dict[str, float]] = field(default_factory=dict)
    unchecked_links: list[tuple[str, ...]] = field(default_factory=list)
    cap: tuple[float, str] | None = None
    method: str = ""
    thesis: tuple[str, str | None] | None = None
    maybe: list[Mistake] = field(default_factory=list)

    def unsure(self) -> list[Match]:
        """The maybe matches, for the teacher to confirm: made on the map's evidence, with words
        less than :data:`UNSURE_BELOW` % alike."""
        return [x for x in self.matches if x.how == "map" and x.text < UNSURE_BELOW / 100]

    def lost(self) -> list[Mistake]:
        """The mistakes that cost points (everything but extra claims)."""
        return [x for x in self.mistakes if x.kind != "extra"]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {
            "score": self.score,
            "counts": self.counts,
            "cap": None if self.cap is None else {"score": self.cap[0], "because": self.cap[1]},
            "method": self.method,
            "matches": [asdict(m) for m in self.matches],
            "unsure": [m.student for m in self.unsure()],
            "mistakes": [_plain(x) for x in self.mistakes],
            "ignored": [_plain(x) for x in self.ignored],
            "maybe": [_plain(x) for x in self.maybe],
            "found": self.found,
            "unchecked_links": [list(x) for x in self.unchecked_links],
        }


def _plain(x: Mistake) -> dict[str, Any]:
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(x).items() if v not in (None, ())}


# -- the shape of a map --------------------------------------------------------------------------

@dataclass(frozen=True)
class _Place:
    """A place a claim has: a premise of ``step`` (this polarity) bearing on ``anchor``."""

    step: str
    polarity: str
    anchor: frozenset[str]  # the claim it bears on; for a step aimed at a step, that step's premises
    others: frozenset[str]  # its co-premises


class _Shape:
    """A map's structure as grading reads it: places, what bears on each claim, roots, links."""

    def __init__(self, m: ArgumentMap) -> None:
        import networkx as nx

        from argmap.model import Inference

        self.ids = [c.id for c in m.claims]
        self.text = {c.id: c.text for c in m.claims}
        self.label = {c.id: c.label for c in m.claims}
        self.role = {c.id: c.role for c in m.claims}
        self.places: dict[str, list[_Place]] = {c: [] for c in self.ids}
        self.below: dict[str, list[tuple[str, str]]] = {c: [] for c in self.ids}
        self.linked: list[tuple[str, tuple[str, ...]]] = []
        self.steps: list[tuple[str, tuple[str, ...]]] = []
        for step in m.inferences:
            target = step.target
            anchor = frozenset(p.id for p in target.premises) if isinstance(target, Inference) else frozenset(
                [target.id])
            premises = tuple(p.id for p in step.premises)
            self.steps.append((step.id, premises))
            if len(premises) > 1:
                self.linked.append((step.id, premises))
            for p in premises:
                self.places[p].append(_Place(step.id, step.polarity, anchor, frozenset(premises) - {p}))
                for a in anchor:
                    self.below[a].append((p, step.polarity))
        # What bears on each claim, two levels down: {"support", "attack", "attack>attack", ...}.
        self.signature: dict[str, frozenset[str]] = {
            c: frozenset({pol for _, pol in self.below[c]}
                         | {f"{pol}>{pol2}" for child, pol in self.below[c] for _, pol2 in self.below[child]})
            for c in self.ids}
        self.roots = [c for c in self.ids if not self.places[c]]
        # The main claim: the root with the most claims bearing on it (a stray claim is a root too).
        self.root = max(self.roots, key=lambda r: (len(nx.ancestors(m.graph, r)), -self.roots.index(r)),
                        default=None)
        self.depth: dict[str, int] = {}
        frontier = list(self.roots)
        for r in frontier:
            self.depth[r] = 0
        while frontier:
            nxt = []
            for c in frontier:
                for child, _ in self.below[c]:
                    if child not in self.depth:
                        self.depth[child] = self.depth[c] + 1
                        nxt.append(child)
            frontier = nxt


def _agreement(mid: str, sid: str, to_student: dict[str, str], model: _Shape, student: _Shape) -> float:
    """How far the two claims' neighbours agree (0-1), judged over the neighbours the current
    matching pairs up: what each bears on and what bears on each, in the same relation (the
    opposite polarity counts a quarter). Neighbours the student has not drawn are no evidence."""
    to_model = {s: m for m, s in to_student.items()}
    agree = 0.0
    checked_m = 0
    for place in model.places[mid]:
        images = {to_student[a] for a in place.anchor if a in to_student}
        if images:
            checked_m += 1
            same = [h for h in student.places[sid] if h.anchor & images]
            if same:
                agree += 1.0 if any(h.polarity == place.polarity for h in same) else OPPOSITE
    below = {c: pol for c, pol in student.below[sid]}
    for child, polarity in model.below[mid]:
        image = to_student.get(child)
        if image is not None:
            checked_m += 1
            if image in below:
                agree += 1.0 if below[image] == polarity else OPPOSITE
    checked_s = sum(1 for h in student.places[sid] if any(a in to_model for a in h.anchor))
    checked_s += sum(1 for c, _ in student.below[sid] if c in to_model)
    checked = max(checked_m, checked_s)
    return agree / checked if checked else 0.0


def _shape_likeness(mid: str, sid: str, model: _Shape, student: _Shape) -> float:
    """How alike the two claims' positions are, whatever their neighbours (0-1): role, depth,
    whether they are linked co-premises, and what bears on them, two levels down (a reason with
    an objection that is answered looks like another such reason, whatever the words)."""
    score = 1.0 if model.role[mid] == student.role[sid] else 0.0
    gap = abs(model.depth.get(mid, 0) - student.depth.get(sid, 0))
    score += 1.0 if gap == 0 else 0.5 if gap == 1 else 0.0
    m_linked = any(p.others for p in model.places[mid])
    s_linked = any(p.others for p in student.places[sid])
    score += 1.0 if m_linked == s_linked else 0.0
    m_below, s_below = model.signature[mid], student.signature[sid]
    score += len(m_below & s_below) / len(m_below | s_below) if m_below | s_below else 1.0
    return score / 4


def _text_likeness(student: ArgumentMap, model: ArgumentMap, rules: GradingRules, meaning: bool) -> np.ndarray:
    """Text likeness (0-1) of every model claim (rows) with every student claim (columns)."""
    import numpy as np

    from argmap.teach.similarity import text_matrix

    m_claims, s_claims = model.claims, student.claims
    texts, owner = [], []
    for i, c in enumerate(m_claims):
        # A label is a short form of the claim, as a terse student might write it.
        for t in [c.text, *([c.label] if c.label else []), *rules.accept.get(c.id, [])]:
            texts.append(t)
            owner.append(i)
    likeness = np.zeros((len(m_claims), len(s_claims)))
    if texts and s_claims:
        every = text_matrix(texts, [c.text for c in s_claims], meaning=meaning)
        for row, i in enumerate(owner):
            likeness[i] = np.maximum(likeness[i], every[row])
    m_lab = [(i, c.label) for i, c in enumerate(m_claims) if c.label]
    s_lab = [(j, c.label) for j, c in enumerate(s_claims) if c.label]
    if m_lab and s_lab:
        labels = text_matrix([t for _, t in m_lab], [t for _, t in s_lab], meaning=meaning)
        for a, (i, _) in enumerate(m_lab):
            for b, (j, _) in enumerate(s_lab):
                likeness[i, j] = max(likeness[i, j], (likeness[i, j] + labels[a, b]) / 2)
    return likeness


def match_claims(student: ArgumentMap, model: ArgumentMap, *, rules: GradingRules | None = None,
                 meaning: bool = True, threshold: float = THRESHOLD) -> list[Match]:
    """Pair model claims with student claims one-to-one, best total first (see the module doc).

    >>> from argmap import ArgumentMap
    >>> a, b = ArgumentMap(), ArgumentMap()
    >>> _ = a.claim("Dogs are loyal.", id="a1"); _ = a.claim("Cats are aloof.", id="a2")
    >>> _ = b.claim("dogs are loyal", id="b1")
    >>> [(x.model, x.student, x.how) for x in match_claims(b, a, meaning=False)]
    [('a1', 'b1', 'thesis')]
    """
    return _match(student, model, rules or GradingRules(), meaning, threshold, _Shape(model), _Shape(student))


def place_floor(words: int, supported: float = SUPPORTED_THRESHOLD) -> float:
    """The text likeness (%) a match supported by the map needs, for a student claim of ``words``
    content words: a few words say little, so a short claim in the right place needs less.

    >>> place_floor(2), place_floor(7), place_floor(20)
    (20.0, 27.5, 35.0)
    """
    if words >= LONG_WORDS or supported <= SHORT_THRESHOLD:
        return supported
    share = max(0, words - SHORT_WORDS) / (LONG_WORDS - SHORT_WORDS)
    return round(SHORT_THRESHOLD + share * (supported - SHORT_THRESHOLD), 2)


def _match(student: ArgumentMap, model: ArgumentMap, rules: GradingRules, meaning: bool, threshold: float,
           mshape: _Shape, sshape: _Shape, likeness: np.ndarray | None = None) -> list[Match]:
    import networkx as nx

    from argmap.teach.similarity import content_words, meaning_available

    if likeness is None:
        likeness = _text_likeness(student, model, rules, meaning)
    m_index = {c: i for i, c in enumerate(mshape.ids)}
    s_index = {c: j for j, c in enumerate(sshape.ids)}
    fixed = {mid: sid for sid, mid in rules.match.items() if mid is not None}
    free_m = [c for c in mshape.ids if c not in fixed]
    free_s = [c for c in sshape.ids if c not in rules.match]
    alone = threshold / 100
    # What a match the neighbours support needs, by the student claim's length: a short claim less,
    # since a few words say little. (On its words alone, a short claim needs as much as any: few
    # words match many claims about as well.)
    needs = {sid: place_floor(len(content_words(sshape.text[sid])), min(threshold, SUPPORTED_THRESHOLD)) / 100
             for sid in free_s}
    shape = {(mid, sid): _shape_likeness(mid, sid, mshape, sshape) for mid in free_m for sid in free_s}
    best_s = {sid: max((float(likeness[m_index[mid], s_index[sid]]) for mid in free_m), default=0.0)
              for sid in free_s}
    current: dict[str, str] = dict(fixed)
    agreement: dict[tuple[str, str], float] = {}
    seen: list[dict[str, str]] = []
    for _ in range(_ROUNDS):
        graph = nx.Graph()
        for mid in free_m:
            for sid in free_s:
                text = float(likeness[m_index[mid], s_index[sid]])
                top = mid == mshape.root and sid == sshape.root
                supported = needs[sid]
                if text < supported and not top:
                    continue
                if text < best_s[sid] - WORDING_MARGIN and not top:
                    continue  # the student's claim is plainly worded like another: it is that one
                structure = _agreement(mid, sid, current, mshape, sshape) if current else 0.0
                agreement[mid, sid] = structure
                evidence = text + STRUCTURE_WEIGHT * structure
                evidence -= supported if (structure >= AGREEMENT_NEEDED or top) else alone
                if evidence > 0 or top:
                    # Alike positions only break ties; they are no evidence on their own. Squared, so
                    # one clear match outweighs two middling ones in the best total.
                    weight = max(0.0, evidence) + SHAPE_WEIGHT * shape[mid, sid]
                    graph.add_edge(("m", mid), ("s", sid), weight=weight * weight + (ROOT_BONUS if top else 0.0))
        paired = dict(fixed)
        for a, b in nx.max_weight_matching(graph):
            (_, mid), (_, sid) = (a, b) if a[0] == "m" else (b, a)
            paired[mid] = sid
        if paired == current or paired in seen:
            current = paired
            break
        seen.append(paired)
        current = paired
    closest = {}
    if meaning and meaning_available():
        # By spelling alone a word or two ("Boring.") can come out closest to a long claim that
        # shares a few letters with it, so only likeness by meaning is trusted here.
        closest = _closest_left_over(current, likeness, threshold, mshape, sshape, set(free_m), set(free_s))
    current.update(closest)
    matches = []
    for mid in mshape.ids:
        if mid not in current:
            continue
        sid = current[mid]
        text = float(likeness[m_index[mid], s_index[sid]])
        structure = _agreement(mid, sid, current, mshape, sshape)
        if mid in fixed:
            how = "teacher"
        elif mid == mshape.root and sid == sshape.root:
            how = "thesis"
        elif mid in closest:
            how = "closest"
        else:
            how = "text" if text >= alone else "map"
        matches.append(Match(mid, sid, round(text, 3), round(structure, 3), how))
    return matches


def _closest_left_over(current: dict[str, str], likeness: np.ndarray, threshold: float, mshape: _Shape,
                       sshape: _Shape, free_m: set[str], free_s: set[str]) -> dict[str, str]:
    """Pairs the assignment left over: a model claim and a student claim, both unmatched, each the
    other's closest wording among all the claims of the other map, at least
    :data:`CLOSEST_THRESHOLD` % alike (or the matching threshold, if lower). The student has the
    claim, only not where the model has it ("Cheaper than fashion." drawn under the bullying
    reason): it is misplaced, not missing. Used only when texts are compared by meaning."""
    if not mshape.ids or not sshape.ids:
        return {}
    taken = set(current.values())
    floor = min(CLOSEST_THRESHOLD, threshold) / 100
    found = {}
    for j, sid in enumerate(sshape.ids):
        if sid in taken or sid not in free_s:
            continue
        i = int(likeness[:, j].argmax())
        mid = mshape.ids[i]
        if mid in current or mid not in free_m or likeness[i, j] < floor:
            continue
        if int(likeness[i].argmax()) == j:
            found[mid] = sid
    return found


def _repeats(m_of: dict[str, str], rules: GradingRules, meaning: bool, mshape: _Shape, sshape: _Shape,
             likeness: np.ndarray) -> list[tuple[str, str, str]]:
    """The student claims left unmatched that repeat a matched one: (claim, the claim it repeats,
    ``copy`` or ``repeat``). A copy has the same words (spelling at least :data:`COPY_LIKENESS`);
    a repeat says the same in other words (text likeness at least :data:`REPEAT_LIKENESS`, and the
    model claim its words are most like is the one the other claim stands for). Two claims bearing
    on the same claim, one for and one against it, are never one point: "you can still express
    yourself" is no repeat of "you can't express yourself", however alike the words."""
    from argmap.teach.similarity import spelling_matrix, text_matrix

    loose = [sid for sid in sshape.ids if sid not in m_of and sid not in rules.match]
    taken = [sid for sid in sshape.ids if sid in m_of]
    if not loose or not taken:
        return []
    texts = ([sshape.text[s] for s in loose], [sshape.text[s] for s in taken])
    spelt = spelling_matrix(*texts)
    alike = text_matrix(*texts, meaning=meaning)
    s_index = {c: j for j, c in enumerate(sshape.ids)}
    found = []
    for i, sid in enumerate(loose):
        copy = max(range(len(taken)), key=lambda k: spelt[i, k])
        if spelt[i, copy] >= COPY_LIKENESS:
            found.append((sid, taken[copy], "copy"))
            continue
        closest = mshape.ids[int(likeness[:, s_index[sid]].argmax())] if mshape.ids else None
        for k in sorted(range(len(taken)), key=lambda k: -alike[i, k]):
            twin = taken[k]
            if alike[i, k] < REPEAT_LIKENESS:
                break
            if m_of[twin] == closest and not _opposed(sid, twin, sshape):
                found.append((sid, twin, "repeat"))
                break
    return found


def _opposed(a: str, b: str, shape: _Shape) -> bool:
    """True when claims ``a`` and ``b`` bear on one claim, one for it and the other against it."""
    return any(p.anchor & q.anchor and p.polarity != q.polarity for p in shape.places[a] for q in shape.places[b])


# -- judging -------------------------------------------------------------------------------------

_DOES = {"support": "back up", "attack": "argue against"}
_OPPOSITE = {"support": "attack", "attack": "support"}
_DOING = {"support": "backing up", "attack": "arguing against"}
_DOES3 = {"support": "backs up", "attack": "argues against"}
_ROLE = {"thesis": "main claim", "reason": "reason", "objection": "objection", "rebuttal": "answer to an objection",
         "premise": "claim"}


def short_text(text: str, width: int = 70) -> str:
    """The text cut at a word boundary to about ``width`` characters.

    >>> short_text("one two three", 9)
    'one two…'
    """
    text = " ".join(text.split()).rstrip(" .")
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:") + "…"


def grade(student: ArgumentMap, model: ArgumentMap, *, rules: GradingRules | None = None, meaning: bool = True,
          threshold: float | None = None) -> GradeReport:
    """Grade ``student`` against ``model`` (see the module docstring for how).

    ``rules`` are the teacher's (:class:`~argmap.teach.overrides.GradingRules`), laid over those the
    model carries; ``meaning=False`` compares texts by spelling alone; ``threshold`` (%) overrides
    the rules' and :data:`THRESHOLD`.
    """
    from argmap.teach.similarity import text_method

    rules = (rules or GradingRules()).over(rules_from_model(model))
    rules.check(student, model)
    if threshold is None:
        threshold = rules.threshold if rules.threshold is not None else THRESHOLD
    mshape, sshape = _Shape(model), _Shape(student)
    likeness = _text_likeness(student, model, rules, meaning)
    matches = _match(student, model, rules, meaning, threshold, mshape, sshape, likeness)
    s_of = {x.model: x.student for x in matches}
    m_of = {x.student: x.model for x in matches}
    # A point made twice shares the match of the claim it repeats: it is one claim drawn in two places.
    group: dict[str, set[str]] = {mid: {sid} for mid, sid in s_of.items()}
    for sid, twin, how in _repeats(m_of, rules, meaning, mshape, sshape, likeness):
        mid = m_of[twin]
        m_of[sid] = mid
        group[mid].add(sid)
        text = 1.0 if how == "copy" else float(likeness[mshape.ids.index(mid), sshape.ids.index(sid)])
        matches.append(Match(mid, sid, round(text, 3), 0.0, how))

    def said(mid: str) -> str:
        """A model claim as the student wrote it, else as the model has it."""
        if mid in s_of:
            return f"“{short_text(sshape.text[s_of[mid]])}”"
        label = mshape.label.get(mid)
        return f"“{label}”" if label else f"“{short_text(mshape.text[mid])}”"

    weights = {mid: rules.weight(mid, mshape.depth.get(mid, 0)) for mid in mshape.ids}
    raw: list[tuple[Mistake, float]] = []  # each mistake with the weight it cost
    misplaced: set[str] = set()
    place_count = {"right": 0, "total": 0}

    def effective_anchor(place: _Place) -> tuple[set[str], str, str | None]:
        """The student claims standing for what a place bears on, the kind the claim should be
        for them, and the model claim they stand for: its match, or if the student left that
        out, the nearest claim above it the student has. Bearing on a left-out claim passes
        through it: an objection to a left-out objection is, in effect, a reason for what that
        objection argued against (and an objection to a left-out reason an objection)."""
        seen: set[str] = set()
        level = {a: place.polarity for a in place.anchor}
        while level:
            for mid in sorted(level):
                if mid in group:
                    return set().union(*(group[m] for m in level if m in group)), level[mid], mid
            seen |= set(level)
            up: dict[str, str] = {}
            for mid, polarity in sorted(level.items()):
                for p in mshape.places[mid]:
                    passed = polarity if p.polarity == "support" else _OPPOSITE[polarity]
                    for a in p.anchor - seen:
                        up.setdefault(a, passed)
            level = up
        return set(), place.polarity, None

    for mid in mshape.ids:
        weight = weights[mid]
        role = _ROLE.get(mshape.role[mid], "claim")
        if mid not in s_of:
            where = ""
            if mshape.places[mid]:
                first = mshape.places[mid][0]
                target = next(iter(sorted(first.anchor)))
                where = f" In the model answer it {_DOES3[first.polarity]} {said(target)}."
            message = f"You left out the {role} “{short_text(mshape.text[mid])}”.{where}"
            raw.append((Mistake("missing", mid, None, message), weight))
            continue
        sid = s_of[mid]
        mine = [p for s in sorted(group[mid]) for p in sshape.places[s]]
        wanted = mshape.places[mid]
        share = weight * (1 - FOUND_SHARE) / max(1, len(wanted))
        if not wanted:  # the thesis (or another claim at the top of the model)
            place_count["total"] += 1
            if mine:
                misplaced.add(mid)
                raw.append((Mistake(
                    "wrong-place", mid, sid,
                    f"“{short_text(sshape.text[sid])}” is the main claim: it belongs at the top of the map, with "
                    f"nothing above it, but you have it {_DOING[mine[0].polarity]} "
                    f"{_students(sshape, mine[0].anchor)}."), share))
            else:
                place_count["right"] += 1
            continue
        left = list(mine)
        astray = []
        for place in wanted:
            place_count["total"] += 1
            anchor, polarity, stands_for = effective_anchor(place)
            if not anchor:
                place_count["right"] += 1  # nothing above it is in the map: the gap is counted there
                continue
            same = next((h for h in left if h.anchor & anchor), None)
            if same is None:
                gone = not any(a in group for a in place.anchor)
                astray.append((place, gone))
                continue
            left.remove(same)
            if same.polarity != polarity:
                misplaced.add(mid)
                target = stands_for if stands_for is not None else next(iter(sorted(place.anchor)))
                kind_want = "a reason for" if polarity == "support" else "an objection to"
                kind_have = "an objection to it" if same.polarity == "attack" else "a reason for it"
                raw.append((Mistake(
                    "wrong-polarity", mid, sid,
                    f"“{short_text(sshape.text[sid])}” is in the right place, but it is {kind_want} {said(target)} "
                    f"and you drew it as {kind_have}.", related=tuple(sorted(place.anchor))), share))
            else:
                place_count["right"] += 1
        for place, gone in astray:
            if gone and len(astray) < len(wanted):
                # It bears on a claim the student left out, and the student has it in its other
                # place(s): that place went with the missing claim, which is counted already.
                place_count["total"] -= 1
                continue
            misplaced.add(mid)
            target = next(iter(sorted(place.anchor)))
            elsewhere = next((h for h in left if h.anchor), None)
            if elsewhere is not None:
                left.remove(elsewhere)
                now = f"you have it {_DOING[elsewhere.polarity]} {_students(sshape, elsewhere.anchor)}"
            elif mine:
                now = "in your map it does not"
            else:
                now = "in your map it is not connected to anything"
            raw.append((Mistake(
                "wrong-place", mid, sid,
                f"“{short_text(sshape.text[sid])}” should {_DOES[place.polarity]} {said(target)}, but {now}.",
                related=tuple(sorted(place.anchor))), share))

    # Linked steps: judged over co-premises the student has in their places, so a claim missing
    # or misplaced is not counted again here.
    links = {"right": 0, "total": 0}
    unchecked: list[tuple[str, ...]] = []
    student_steps = [frozenset(prem) for _, prem in sshape.steps]
    for _step, premises in mshape.linked:
        have = [p for p in premises if p in group and p not in misplaced]
        if len(have) < 2:
            unchecked.append(premises)
            continue
        links["total"] += 1
        if any(all(group[p] & step for p in have) for step in student_steps):
            links["right"] += 1
            continue
        names = " and ".join(said(p) for p in have)
        raw.append((Mistake("linked-as-independent", have[0], s_of[have[0]],
                            f"{names} only work together: draw them as one linked reason (premises joined "
                            f"in one step), not as separate reasons.", related=tuple(have[1:])), LINK_POINTS))
    model_steps = [frozenset(prem) for _, prem in mshape.steps]
    for _, premises in sshape.steps:
        ids = sorted({m_of[p] for p in premises if p in m_of and m_of[p] not in misplaced},
                     key=mshape.ids.index)
        if len(ids) < 2 or any(set(ids) <= step for step in model_steps):
            continue
        # The claims of this student step that the model never puts in one step together.
        apart = [a for a in ids if not any(a in step and (step & set(ids)) - {a} for step in model_steps)] or ids
        links["total"] += 1
        names = " and ".join(said(p) for p in ids)
        raw.append((Mistake("independent-as-linked", apart[0], s_of[apart[0]],
                            f"{names} each work on their own: draw them as separate reasons, not as one "
                            f"linked reason.", related=tuple(i for i in ids if i != apart[0])), LINK_POINTS))

    extras = [sid for sid in sshape.ids if sid not in m_of]
    for sid in extras:
        raw.append((Mistake("extra", None, sid, f"“{short_text(sshape.text[sid])}” is not in the model answer. No "
                            "points lost: your teacher will read it."), 0.0))

    ignore = set(rules.ignore)

    def ignored(x: Mistake) -> bool:
        return (x.kind, x.student if x.kind == "extra" else x.model) in ignore

    # A mistake about a maybe match (a claim matched by its place more than its words) is listed for
    # the teacher to confirm and costs nothing until then.
    doubtful = {x.model for x in matches if x.how == "map" and x.text < UNSURE_BELOW / 100}

    def maybe(x: Mistake) -> bool:
        about = {x.model, *x.related} if x.kind in ("linked-as-independent", "independent-as-linked") else {x.model}
        return x.kind not in ("missing", "extra") and bool(about & doubtful)

    possible = sum(weights.values()) + LINK_POINTS * links["total"]
    counted = [(x, w) for x, w in raw if not ignored(x) and not maybe(x)]
    lost = sum(w for _, w in counted)
    exact = 100.0 * (possible - lost) / possible if possible else 100.0
    points = _round_to_total([100.0 * w / possible if possible else 0.0 for _, w in counted],
                             round(100.0 - round(exact, 1), 1))
    mistakes = [_with_points(x, p) for (x, _), p in zip(counted, points, strict=True)]
    score = round(exact, 1)
    cap = None
    for x in mistakes:
        if x.kind == "missing" and x.model in rules.required and score > rules.required_cap:
            cap = (rules.required_cap, f"the required {_ROLE.get(mshape.role[x.model], 'claim')} "
                                      f"“{short_text(mshape.text[x.model])}” is missing")
            score = rules.required_cap
            break
    found = [mid for mid in mshape.ids if mid in s_of and mid not in misplaced]
    counts: dict[str, dict[str, float]] = {
        "claims": {"found": len(s_of), "of": len(mshape.ids)},
        "places": {"right": place_count["right"], "of": place_count["total"]},
        "linked": {"right": links["right"], "of": links["total"], "unchecked": len(unchecked)},
        "points": {"kept": round(possible - lost, 2), "of": round(possible, 2)},
    }
    thesis = None if mshape.root is None else (mshape.root, s_of.get(mshape.root))
    return GradeReport(score, matches, mistakes, [x for x, _ in raw if ignored(x)], found, counts, unchecked, cap,
                       text_method(meaning), thesis, [x for x, _ in raw if maybe(x) and not ignored(x)])


def _with_points(x: Mistake, points: float) -> Mistake:
    return Mistake(x.kind, x.model, x.student, x.message, points, x.related)


def _students(shape: _Shape, ids: Iterable[str]) -> str:
    return " / ".join(f"“{short_text(shape.text[i])}”" for i in sorted(ids)) or "nothing"


def _round_to_total(values: list[float], total: float) -> list[float]:
    """Round each value to one decimal so that they add up to ``total`` (largest remainders).

    >>> _round_to_total([1/3 * 10, 1/3 * 10, 1/3 * 10], 10.0)
    [3.4, 3.3, 3.3]
    """
    if not values:
        return []
    tenths = [v * 10 for v in values]
    floors = [math.floor(t + 1e-9) for t in tenths]
    spare = round(total * 10) - sum(floors)
    order = sorted(range(len(values)), key=lambda i: (floors[i] - tenths[i], i))
    for i in order[: max(0, spare)]:
        floors[i] += 1
    return [f / 10 for f in floors]
