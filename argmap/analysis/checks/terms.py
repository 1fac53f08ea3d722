"""Rationale's "Rabbit" and "Holding Hands" rules, by a word-overlap heuristic.

In Rationale (van Gelder's argument-mapping software) a reason is sound in form when

- the Rabbit rule holds: every key term of the conclusion appears in some premise
  ("you can't conclude something about rabbits if you haven't been talking about rabbits"), and
- the Holding Hands rule holds: every key term of a premise appears in another premise or in the
  conclusion (each premise holds hands with the rest of the step).

A term the rules miss usually means an unstated co-premise. These checks approximate "term" by
words: lower-cased, stop words dropped, crudely stemmed. It is a heuristic and says so in its
messages: synonyms ("car", "vehicle") and pronouns fool it, so its findings are hints.

>>> sorted(key_terms("The dogs are barking loudly at cats."))
['bark', 'cat', 'dog', 'loud']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from argmap.analysis.checks.finding import quote
from argmap.analysis.checks.structure import Hit

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = [
    "STOP_WORDS",
    "term_words",
    "stem",
    "key_terms",
    "rabbit_rule",
    "holding_hands",
    "lonely_premise",
    "looks_linked",
]

_STOP_TEXT = """
a about above after again against all also am an and any are as at be because been before being
below between both but by can cannot could did do does doing done down during each either even
ever every few for from further had has have having he her here hers herself him himself his how
however i if in into is it its itself just least less let like may me might more most much must
my myself neither no nor not now of off on once only or other ought our ours ourselves out over
own per quite rather really same several shall she should since so some such than that the their
theirs them themselves then there therefore these they this those though through thus to too
under until up upon us very was we were what whatever when where whether which while who whom
whose why will with within without would yet you your yours yourself yourselves
"""
#: Function words that carry no topic: they never count as key terms.
STOP_WORDS = frozenset(_STOP_TEXT.split())

_MIN_LETTERS = 3
_MAX_PAIR_STEPS = 40  # looks-linked compares reasons pairwise; skip claims with more than this


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude English stemmer: plural, -ing, -ed, -ly and a final e, enough to match forms.

    >>> [stem(w) for w in ("bullies", "bullying", "requires", "required", "boxes", "running")]
    ['bully', 'bully', 'requir', 'requir', 'box', 'run']
    """
    w = word
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith(("sses", "shes", "ches", "xes", "zes")):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in ("ing", "ed"):
        if len(w) - len(suffix) >= _MIN_LETTERS and w.endswith(suffix):
            w = w[: -len(suffix)]
            if len(w) > _MIN_LETTERS and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]  # running -> run, but not spelling -> spel
            break
    if len(w) > 4 and w.endswith("ly") and not w.endswith("lly"):  # loudly -> loud; bully stays
        w = w[:-2]
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


def term_words(text: str) -> dict[str, str]:
    """Each key term (stem) of a text with the first word that gave it, to show a reader.

    >>> term_words("Uniforms reduce bullying.")
    {'uniform': 'uniforms', 'reduc': 'reduce', 'bully': 'bullying'}
    """
    folded = unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'")
    words = re.findall(r"[^\W\d_]+", re.sub(r"'s\b", "", folded))
    found: dict[str, str] = {}
    for w in words:
        if len(w) >= _MIN_LETTERS and w not in STOP_WORDS:
            found.setdefault(stem(w), w)
    return found


def key_terms(text: str) -> set[str]:
    """The stemmed content words of a text: what the Rabbit and Holding Hands rules compare."""
    return set(term_words(text))


# Each map's texts -> terms, kept while the map lives: the rules look at each claim many times.
_TERMS: WeakKeyDictionary[ArgumentMap, dict[str, frozenset[str]]] = WeakKeyDictionary()


def _steps_on_claims(m: ArgumentMap) -> Iterator[tuple[str, list[str], str]]:
    """(step, premise ids, conclusion id) for every step aimed at a claim (not at a step)."""
    graph = m.graph
    for i in m.inferences:
        targets = [t for t in graph.successors(i.id) if graph.nodes[t].get("kind") == "claim"]
        premises = [p for p in graph.predecessors(i.id) if graph.nodes[p].get("kind") == "claim"]
        if len(targets) == 1 and premises and targets[0] not in premises:
            yield i.id, premises, targets[0]


def _terms(m: ArgumentMap, node: str) -> frozenset[str]:
    text = m.graph.nodes[node].get("text")
    if not isinstance(text, str):
        return frozenset()
    memo = _TERMS.setdefault(m, {})
    found = memo.get(text)
    if found is None:
        found = memo[text] = frozenset(term_words(text))
    return found


def _missing_from_premises(m: ArgumentMap, premises: list[str], conclusion: str) -> frozenset[str]:
    covered: set[str] = set()
    for p in premises:
        covered |= _terms(m, p)
    return _terms(m, conclusion) - covered


def _stray_terms(m: ArgumentMap, premises: list[str], conclusion: str) -> dict[str, frozenset[str]]:
    """For each premise, its terms found in no other premise and not in the conclusion."""
    stray: dict[str, frozenset[str]] = {}
    for p in premises:
        others = set(_terms(m, conclusion))
        for q in premises:
            if q != p:
                others |= _terms(m, q)
        left = _terms(m, p) - others
        if left:
            stray[p] = left
    return stray


def _words(m: ArgumentMap, node: str, terms: frozenset[str]) -> str:
    """The terms as the words the node's text uses, in the order it uses them."""
    text = m.graph.nodes[node].get("text")
    shown = term_words(text) if isinstance(text, str) else {}
    return ", ".join(f"'{w}'" for t, w in shown.items() if t in terms)


_HEURISTIC = "(a word-overlap heuristic: ignore it if the words mean the same)"


def rabbit_rule(m: ArgumentMap) -> Iterator[Hit]:
    """Linked steps whose conclusion has key terms that appear in none of the premises.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> t = m.claim("Socrates is mortal.", id="t")
    >>> _ = m.support(t, ["Socrates is a man.", "Men are wise."], id="s")
    >>> [(nodes, msg[:45]) for nodes, msg in rabbit_rule(m)]
    [(('s', 't'), "Rabbit rule: step 's' concludes about 'mortal")]
    """
    for step, premises, conclusion in _steps_on_claims(m):
        if len(premises) < 2:
            continue  # a one-premise step is lonely-premise's business
        missing = _missing_from_premises(m, premises, conclusion)
        if missing:
            yield (step, conclusion), (
                f"Rabbit rule: step {step!r} concludes about {_words(m, conclusion, missing)}, which no premise "
                f"mentions: a co-premise linking them is probably missing {_HEURISTIC}"
            )


def holding_hands(m: ArgumentMap) -> Iterator[Hit]:
    """Linked steps with a premise whose key terms appear in no other premise nor the conclusion.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> t = m.claim("Socrates is mortal.", id="t")
    >>> _ = m.support(t, [m.claim("Socrates is human.", id="p1"), m.claim("Humans are mortal, and tall.", id="p2")])
    >>> [nodes for nodes, _ in holding_hands(m)]
    [('p2', 'support-t')]
    """
    for step, premises, conclusion in _steps_on_claims(m):
        if len(premises) < 2:
            continue
        for p, terms in _stray_terms(m, premises, conclusion).items():
            yield (p, step), (
                f"Holding Hands rule: in step {step!r}, premise {p!r} {quote(m, p)} speaks of "
                f"{_words(m, p, terms)}, which neither the other premises nor the conclusion mention: "
                f"connect it or drop it {_HEURISTIC}"
            )


def _looks_linked_pairs(m: ArgumentMap) -> list[tuple[str, str, str]]:
    """(step a, step b, conclusion): separate steps of one polarity on one claim that each miss
    conclusion terms the other supplies, so that together they cover the whole conclusion."""
    by_target: dict[tuple[str, str], list[tuple[str, list[str]]]] = {}
    for step, premises, conclusion in _steps_on_claims(m):
        polarity = m.graph.nodes[step].get("polarity", "support")
        by_target.setdefault((conclusion, polarity), []).append((step, premises))
    pairs = []
    for (conclusion, _), steps in by_target.items():
        if len(steps) < 2 or len(steps) > _MAX_PAIR_STEPS:
            continue
        missing = {s: _missing_from_premises(m, ps, conclusion) for s, ps in steps}
        for k, (a, pa) in enumerate(steps):
            for b, pb in steps[k + 1:]:
                if missing[a] and missing[b] and not _missing_from_premises(m, pa + pb, conclusion):
                    pairs.append((a, b, conclusion))
    return pairs


def looks_linked(m: ArgumentMap) -> Iterator[Hit]:
    """Separate reasons that look like co-premises of one linked reason.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> t = m.claim("Socrates is mortal.", id="t")
    >>> _ = m.support(t, "Socrates is a man.", id="r1"); _ = m.support(t, "All men are mortal.", id="r2")
    >>> [nodes for nodes, _ in looks_linked(m)]
    [('r1', 'r2', 't')]
    """
    for a, b, conclusion in _looks_linked_pairs(m):
        yield (a, b, conclusion), (
            f"steps {a!r} and {b!r} are separate reasons for {conclusion!r} {quote(m, conclusion)}, but "
            "each covers only part of it and together they cover all of it: they look like co-premises "
            f"of one linked reason; if neither works without the other, join them {_HEURISTIC}"
        )


def lonely_premise(m: ArgumentMap) -> Iterator[Hit]:
    """One-premise steps that break the Rabbit or Holding Hands rule: a co-premise is missing.

    Steps already reported by ``looks-linked`` are left out.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> t = m.claim("Cats are better pets than dogs.", id="t")
    >>> _ = m.support(t, "Cats need no walks.", id="s")
    >>> [nodes for nodes, _ in lonely_premise(m)]
    [('s', 'cats-need-no-walks')]
    """
    paired = {s for a, b, _ in _looks_linked_pairs(m) for s in (a, b)}
    for step, premises, conclusion in _steps_on_claims(m):
        if len(premises) != 1 or step in paired:
            continue
        p = premises[0]
        missing = _missing_from_premises(m, premises, conclusion)
        stray = _stray_terms(m, premises, conclusion).get(p, frozenset())
        if not missing and not stray:
            continue
        gaps = []
        if missing:
            words = _words(m, conclusion, missing)
            gaps.append(f"the conclusion speaks of {words}, which the premise does not mention")
        if stray:
            gaps.append(f"the premise speaks of {_words(m, p, stray)}, which the conclusion does not mention")
        yield (step, p), (
            f"step {step!r} has a single premise {quote(m, p)}, and {'; '.join(gaps)}: "
            "an unstated co-premise probably connects them; add it to the step (tag it 'implicit') "
            f"{_HEURISTIC}"
        )
