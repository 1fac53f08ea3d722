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
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache, partial
from itertools import chain, compress
from operator import itemgetter
from typing import TYPE_CHECKING

from argmap.analysis.checks.facts import MapFacts, facts_of, findall_each
from argmap.analysis.checks.finding import quote_text
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


_LETTERS = re.compile(r"[^\W\d_]+")
#: ``_LETTERS`` on ASCII text: the letters.
_LETTERS_ASCII = bytes(c if chr(c).isascii() and chr(c).isalpha() else 32 for c in range(256))


@lru_cache(maxsize=1 << 16)
def _term(word: str) -> str | None:
    """A folded word's key term (its stem), or None for a stop word or a short one."""
    if len(word) < _MIN_LETTERS or word in STOP_WORDS:
        return None
    return stem(word)


def term_words(text: str) -> dict[str, str]:
    """Each key term (stem) of a text with the first word that gave it, to show a reader.

    >>> term_words("Uniforms reduce bullying.")
    {'uniform': 'uniforms', 'reduc': 'reduce', 'bully': 'bullying'}
    >>> term_words("The school’s uniform")  # a possessive's s is too short to be a term
    {'school': 'school', 'uniform': 'uniform'}
    """
    return _first_words(_LETTERS.findall(unicodedata.normalize("NFKC", text).casefold()), {})


def _first_words(words: list[str], seen: dict[str, str | None]) -> dict[str, str]:
    # seen: words already turned into terms, which a whole map's texts share.
    found: dict[str, str] = {}
    for w in words:
        if w in seen:
            term = seen[w]
        else:
            term = seen[w] = _term(w)
        if term is not None and term not in found:
            found[term] = w
    return found


def key_terms(text: str) -> set[str]:
    """The stemmed content words of a text: what the Rabbit and Holding Hands rules compare."""
    return set(term_words(text))


_NO_TERMS: dict[str, str] = {}


def _all_term_words(f: MapFacts) -> dict[str, dict[str, str]]:
    """:func:`term_words` of every claim with a text, worked out for all of them at once."""
    found: dict[str, dict[str, str]] | None = f.memo.get("term-words")
    if found is None:
        folded = f.folded
        words = findall_each(_LETTERS, _LETTERS_ASCII, list(folded.values()))
        seen = {w: _term(w) for w in set(chain.from_iterable(words))}  # texts share their words
        found = f.memo["term-words"] = {c: _first_words(ws, seen) for c, ws in zip(folded, words, strict=True)}
    return found


def _covered(tw: dict[str, dict[str, str]], premises: list[str]) -> set[str] | dict[str, str]:
    """The terms the premises use between them (a dict's keys stand for the terms of one)."""
    if len(premises) == 1:
        return tw.get(premises[0], _NO_TERMS)
    covered: set[str] = set()
    for p in premises:
        covered.update(tw.get(p, _NO_TERMS))
    return covered


def _missing_from_premises(tw: dict[str, dict[str, str]], premises: list[str], conclusion: str) -> set[str]:
    return tw.get(conclusion, _NO_TERMS).keys() - _covered(tw, premises)


def _stray_terms(tw: dict[str, dict[str, str]], premises: list[str], conclusion: str) -> dict[str, set[str]]:
    """For each premise, its terms found in no other premise and not in the conclusion."""
    conclusion_terms = tw.get(conclusion, _NO_TERMS)
    if len(premises) == 1:
        left = tw.get(premises[0], _NO_TERMS).keys() - conclusion_terms.keys()
        return {premises[0]: left} if left else {}
    # How many premises use each term: a term of p is stray when p alone uses it (linear in the
    # premises, where comparing each premise with every other would be quadratic).
    users = Counter(t for p in premises for t in tw.get(p, _NO_TERMS))
    stray: dict[str, set[str]] = {}
    for p in premises:
        left = {t for t in tw.get(p, _NO_TERMS) if users[t] == 1 and t not in conclusion_terms}
        if left:
            stray[p] = left
    return stray


def _words(words: dict[str, str], terms: set[str]) -> str:
    """The terms as the words a text uses (``words``: its term words), in the order it uses them."""
    return "'" + "', '".join([w for t, w in words.items() if t in terms]) + "'"


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
    f = facts_of(m)
    tw = _all_term_words(f)
    for step, premises, conclusion in f.steps_on_claims:
        if len(premises) < 2:
            continue  # a one-premise step is lonely-premise's business
        missing = _missing_from_premises(tw, premises, conclusion)
        if missing:
            yield (step, conclusion), (
                f"Rabbit rule: step {step!r} concludes about {_words(tw[conclusion], missing)}, which no premise "
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
    f = facts_of(m)
    tw = _all_term_words(f)
    for step, premises, conclusion in f.steps_on_claims:
        if len(premises) < 2:
            continue
        for p, terms in _stray_terms(tw, premises, conclusion).items():
            yield (p, step), (
                f"Holding Hands rule: in step {step!r}, premise {p!r} {f.quote(p)} speaks of "
                f"{_words(tw[p], terms)}, which neither the other premises nor the conclusion mention: "
                f"connect it or drop it {_HEURISTIC}"
            )


def _looks_linked_pairs(f: MapFacts) -> list[tuple[str, str, str]]:
    """(step a, step b, conclusion): separate steps of one polarity on one claim that each miss
    conclusion terms the other supplies, so that together they cover the whole conclusion."""
    if "looks-linked" not in f.memo:  # lonely-premise needs them too
        f.memo["looks-linked"] = _find_looks_linked_pairs(f)
    return f.memo["looks-linked"]  # type: ignore[no-any-return]


def _find_looks_linked_pairs(f: MapFacts) -> list[tuple[str, str, str]]:
    by_target: dict[tuple[str, str], list[tuple[str, list[str]]]] = {}
    polarity, steps_on_claims = f.polarity, f.steps_on_claims
    # Only conclusions with two steps or more can have a pair: most have one.
    conclusions = list(map(itemgetter(2), steps_on_claims))
    shared = {c for c, n in Counter(conclusions).items() if n > 1}
    for step, premises, conclusion in compress(steps_on_claims, map(shared.__contains__, conclusions)):
        key = (conclusion, polarity[step])
        if key in by_target:
            by_target[key].append((step, premises))
        else:
            by_target[key] = [(step, premises)]
    tw = _all_term_words(f)
    pairs = []
    for (conclusion, _), steps in by_target.items():
        if len(steps) < 2 or len(steps) > _MAX_PAIR_STEPS:
            continue
        missing = [(s, _missing_from_premises(tw, ps, conclusion)) for s, ps in steps]
        for k, (a, missing_a) in enumerate(missing):
            if not missing_a:
                continue
            for b, missing_b in missing[k + 1:]:
                # Together they miss what both miss: nothing, when the two sets are disjoint.
                if missing_b and missing_a.isdisjoint(missing_b):
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
    f = facts_of(m)
    for a, b, conclusion in _looks_linked_pairs(f):
        yield (a, b, conclusion), (
            f"steps {a!r} and {b!r} are separate reasons for {conclusion!r} {f.quote(conclusion)}, but "
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
    f = facts_of(m)
    paired = {s for a, b, _ in _looks_linked_pairs(f) for s in (a, b)}
    tw = _all_term_words(f)
    nodes = f.nodes
    for step, premises, conclusion in f.steps_on_claims:
        if len(premises) != 1 or step in paired:
            continue
        p = premises[0]
        premise_words, conclusion_words = tw.get(p, _NO_TERMS), tw.get(conclusion, _NO_TERMS)
        if premise_words.keys() == conclusion_words.keys():
            continue  # neither speaks of a term the other does not
        # Most steps of a big map land here: their messages are written when read, from the
        # premise's text and both term tables as they are now.
        text = nodes[p].get("text")
        shown = text if isinstance(text, str) else None
        yield (step, p), partial(_lonely_message, step, shown, None if shown is not None else f.quote(p),
                                 premise_words, conclusion_words)


def _lonely_message(step: str, text: str | None, quoted: str | None,
                    premise_words: dict[str, str], conclusion_words: dict[str, str]) -> str:
    missing = conclusion_words.keys() - premise_words.keys()
    stray = premise_words.keys() - conclusion_words.keys()
    gaps = []
    if missing:
        words = _words(conclusion_words, missing)
        gaps.append(f"the conclusion speaks of {words}, which the premise does not mention")
    if stray:
        gaps.append(f"the premise speaks of {_words(premise_words, stray)}, which the conclusion does not mention")
    return (
        f"step {step!r} has a single premise {quoted or quote_text(text or '')}, and {'; '.join(gaps)}: "
        "an unstated co-premise probably connects them; add it to the step (tag it 'implicit') "
        f"{_HEURISTIC}"
    )
