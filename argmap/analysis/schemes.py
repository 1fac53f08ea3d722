"""The catalogue of argumentation schemes and their critical questions, shipped as data.

The catalogue (``argmap/analysis/data/schemes.yaml``) follows the structure of Walton, Reed and
Macagno, *Argumentation Schemes* (2008): each scheme has premise templates, a conclusion template
and critical questions; each question records what it targets (a premise, the step, or the
conclusion) and who carries the burden once it is asked. Kinds of source (expert opinion,
statistic, news report, ...) have their own questions.

An inference's ``scheme`` names a catalogue scheme by id, name or alias, in any case; a second
(third, ...) scheme of the same step goes in ``inference.data["schemes"]`` (a list).

>>> s = get_scheme("Expert Opinion")
>>> s.id, s.name
('expert-opinion', 'Argument from expert opinion')
>>> is_known_scheme("argument from position to know"), is_known_scheme("argument from vibes")
(True, False)
>>> s.question("field").target, s.question("field").burden
('premise', 'proponent')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from argmap.errors import ArgmapError

if TYPE_CHECKING:
    from argmap.model import Inference

__all__ = [
    "CriticalQuestion",
    "Premise",
    "Scheme",
    "SourceKind",
    "Catalogue",
    "catalogue",
    "load_catalogue",
    "get_scheme",
    "is_known_scheme",
    "get_source_kind",
    "schemes_of",
    "scheme_names_of",
    "scheme_key",
    "TARGETS",
    "BURDENS",
]

#: What a critical question puts in doubt.
TARGETS = ("premise", "step", "conclusion")
#: Who must answer once the question is asked: the arguer, or the one who asks.
BURDENS = ("proponent", "questioner")

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")  # a hump: "CauseToEffect", not "aRGUMENT"
_WORDS = re.compile(r"[^\W_]+")  # letters and digits, in any script
_LEAD = re.compile(r"^(?:the-)?(?:arguments?|argumentation|appeal|reasoning)-(?:from|to|by|for|of)-(?:an?-|the-)?")


def scheme_key(name: str) -> str:
    """The comparable form of a scheme or source-kind name: the one normaliser every lookup uses.

    Case, CamelCase (as AIFdb writes ``CauseToEffect``), spaces, hyphens, underscores and
    punctuation, a leading "argument from/to/by", "appeal to" or "reasoning by", and a trailing
    "scheme" do not matter; words are joined by hyphens.

    >>> scheme_key("Argument From Expert Opinion") == scheme_key("ExpertOpinion") == "expert-opinion"
    True
    >>> scheme_key("  Position-to_KNOW "), scheme_key("appeal to authority"), scheme_key("Sign scheme")
    ('position-to-know', 'authority', 'sign')
    """
    spaced = _CAMEL.sub(" ", name.strip())
    key = _LEAD.sub("", "-".join(_WORDS.findall(spaced.casefold())))
    return key.removesuffix("-scheme")


@dataclass(frozen=True)
class CriticalQuestion:
    """One critical question of a scheme (or of a kind of source).

    ``ref`` is how a map links an answer to it: ``"<scheme id>:<question id>"`` for schemes,
    ``"source:<kind id>:<question id>"`` for source kinds.
    """

    id: str
    text: str
    target: str
    burden: str
    ref: str
    premise: str | None = None
    plain: str = ""

    def wording(self, plain: bool = False) -> str:
        """The question's text; with ``plain``, its wording for students (no jargon, short sentences).

        >>> q = get_scheme("position to know").question("honest")
        >>> q.wording(plain=True)
        'Is this person honest here, or could they have a reason to lie?'
        """
        return (self.plain or self.text) if plain else self.text

    @property
    def targets_text(self) -> str:
        """What it targets, in words (``premise 'expertise'``, ``the step``, ``the conclusion``)."""
        if self.target == "premise":
            return f"premise {self.premise!r}" if self.premise else "a premise"
        return f"the {self.target}"


@dataclass(frozen=True)
class Premise:
    """A premise template: its id (questions name it) and its text with ``{slots}``."""

    id: str
    text: str


@dataclass(frozen=True)
class Scheme:
    """An argumentation scheme: premise templates, a conclusion template, critical questions.

    ``plain`` names what the step does in everyday words ("someone who would know says so"), for
    students; :meth:`title` picks it or the scheme's name.
    """

    id: str
    name: str
    aliases: tuple[str, ...]
    premises: tuple[Premise, ...]
    conclusion: str
    questions: tuple[CriticalQuestion, ...]
    plain: str = ""

    def title(self, plain: bool = False) -> str:
        """The scheme's name, or with ``plain`` its everyday wording.

        >>> get_scheme("position to know").title(), get_scheme("position to know").title(plain=True)
        ('Argument from position to know', 'someone who would know says so')
        """
        return (self.plain or self.name) if plain else self.name

    def question(self, question_id: str) -> CriticalQuestion:
        """The question with that id; ``ArgmapError`` names the ids otherwise."""
        for q in self.questions:
            if q.id == question_id:
                return q
        ids = ", ".join(q.id for q in self.questions)
        raise ArgmapError(f"scheme {self.id!r} has no question {question_id!r}; its questions: {ids}")

    def form(self) -> str:
        """The scheme's form as text: premises, a rule, the conclusion.

        >>> print(get_scheme("sign").form())
        Premise (observed): Sign {S} is observed in this situation.
        Premise (indicates): {S} generally indicates that {A} is the case.
        Conclusion: {A} is (plausibly) the case.
        """
        lines = [f"Premise ({p.id}): {p.text}" for p in self.premises]
        lines.append(f"Conclusion: {self.conclusion}")
        return "\n".join(lines)


@dataclass(frozen=True)
class SourceKind:
    """A kind of source (``Source.kind``) with its own critical questions."""

    id: str
    name: str
    aliases: tuple[str, ...]
    scheme: str | None
    questions: tuple[CriticalQuestion, ...]
    plain: str = ""

    def title(self, plain: bool = False) -> str:
        """The kind's name, or with ``plain`` its everyday wording ("numbers", "a news report")."""
        return (self.plain or self.name) if plain else self.name


@dataclass(frozen=True)
class Catalogue:
    """Every scheme and source kind, with lookup by id, name or alias (any case)."""

    schemes: tuple[Scheme, ...]
    source_kinds: tuple[SourceKind, ...]
    reference: str

    @staticmethod
    def _index(items: Iterable[Scheme | SourceKind]) -> dict[str, Any]:
        index: dict[str, Any] = {}
        for item in items:
            # Ids and names first, so an alias never shadows another entry's own name.
            for name in (item.id, item.name):
                index.setdefault(scheme_key(name), item)
        for item in items:
            for name in item.aliases:
                index.setdefault(scheme_key(name), item)
        return index

    @cached_property
    def _scheme_index(self) -> dict[str, Scheme]:
        return self._index(self.schemes)

    @cached_property
    def _kind_index(self) -> dict[str, SourceKind]:
        return self._index(self.source_kinds)

    def scheme(self, name: str) -> Scheme | None:
        """The scheme named ``name`` (id, name or alias), or None."""
        return self._scheme_index.get(scheme_key(name))

    def source_kind(self, name: str) -> SourceKind | None:
        """The source kind named ``name`` (id, name or alias), or None."""
        return self._kind_index.get(scheme_key(name))


def _fail(where: str, problem: str) -> ArgmapError:
    return ArgmapError(f"schemes catalogue, {where}: {problem}")


def _text(item: dict[str, Any], key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _fail(where, f"{key!r} must be a non-blank text")
    return value


def _plain(item: dict[str, Any], where: str) -> str:
    """The optional everyday wording (``plain``) of a scheme, kind or question."""
    value = item.get("plain", "")
    if not isinstance(value, str):
        raise _fail(where, "'plain' must be a text")
    return value.strip()


def _questions(raw: Any, owner: str, ref_prefix: str, premise_ids: set[str] | None) -> tuple[CriticalQuestion, ...]:
    if not isinstance(raw, list) or not raw:
        raise _fail(owner, "needs a list of questions")
    out: list[CriticalQuestion] = []
    for n, q in enumerate(raw, start=1):
        where = f"{owner}, question {n}"
        if not isinstance(q, dict):
            raise _fail(where, "must be a mapping")
        qid = _text(q, "id", where)
        # Source-kind questions all bear on the claim the source backs, the burden on its user.
        target = q.get("target", "conclusion" if premise_ids is None else None)
        burden = q.get("burden", "proponent" if premise_ids is None else None)
        if target not in TARGETS:
            raise _fail(where, f"target {target!r} is not one of {', '.join(TARGETS)}")
        if burden not in BURDENS:
            raise _fail(where, f"burden {burden!r} is not one of {', '.join(BURDENS)}")
        premise = q.get("premise")
        if target == "premise" and premise_ids is not None and premise not in premise_ids:
            raise _fail(where, f"names premise {premise!r}, which the scheme does not have")
        out.append(CriticalQuestion(qid, _text(q, "text", where), target, burden, f"{ref_prefix}:{qid}", premise,
                                    _plain(q, where)))
    if len({q.id for q in out}) != len(out):
        raise _fail(owner, "question ids repeat")
    return tuple(out)


def load_catalogue(text: str) -> Catalogue:
    """Build a catalogue from YAML text shaped like the shipped ``schemes.yaml``.

    >>> c = load_catalogue('''
    ... schemes:
    ...   - id: sign
    ...     name: Argument from sign
    ...     premises: [{id: seen, text: "S is seen."}]
    ...     conclusion: "A holds."
    ...     questions:
    ...       - {id: other, target: step, burden: questioner, text: "Another cause?"}
    ... ''')
    >>> c.scheme("SIGN").questions[0].ref
    'sign:other'
    """
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ArgmapError(f"schemes catalogue is not valid YAML: {exc}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("schemes"), list):
        raise ArgmapError("schemes catalogue: expected a mapping with a 'schemes' list")
    schemes: list[Scheme] = []
    for n, raw in enumerate(doc["schemes"], start=1):
        if not isinstance(raw, dict):
            raise _fail(f"scheme {n}", "must be a mapping")
        sid = _text(raw, "id", f"scheme {n}")
        where = f"scheme {sid!r}"
        premises_raw = raw.get("premises")
        if not isinstance(premises_raw, list) or not premises_raw:
            raise _fail(where, "needs a list of premises")
        premises = tuple(Premise(_text(p, "id", where), _text(p, "text", where)) for p in premises_raw)
        schemes.append(Scheme(
            id=sid,
            name=_text(raw, "name", where),
            aliases=tuple(str(a) for a in raw.get("aliases", [])),
            premises=premises,
            conclusion=_text(raw, "conclusion", where),
            questions=_questions(raw.get("questions"), where, sid, {p.id for p in premises}),
            plain=_plain(raw, where),
        ))
    kinds: list[SourceKind] = []
    for n, raw in enumerate(doc.get("source_kinds") or [], start=1):
        if not isinstance(raw, dict):
            raise _fail(f"source kind {n}", "must be a mapping")
        kid = _text(raw, "id", f"source kind {n}")
        where = f"source kind {kid!r}"
        kinds.append(SourceKind(
            id=kid,
            name=_text(raw, "name", where),
            aliases=tuple(str(a) for a in raw.get("aliases", [])),
            scheme=raw.get("scheme"),
            questions=_questions(raw.get("questions"), where, f"source:{kid}", None),
            plain=_plain(raw, where),
        ))
    for label, ids in (("scheme", [s.id for s in schemes]), ("source kind", [k.id for k in kinds])):
        if len(set(ids)) != len(ids):
            raise ArgmapError(f"schemes catalogue: a {label} id repeats")
    return Catalogue(tuple(schemes), tuple(kinds), str(doc.get("reference", "")))


@cache
def catalogue() -> Catalogue:
    """The catalogue shipped with argmap (read once)."""
    text = resources.files("argmap.analysis").joinpath("data", "schemes.yaml").read_text("utf-8")
    return load_catalogue(text)


def get_scheme(name: str) -> Scheme:
    """The catalogue scheme named ``name`` (id, name or alias, any case).

    Raises ``ArgmapError`` listing the known ids when there is none.

    >>> get_scheme("argument from negative consequences").id
    'negative-consequences'
    >>> get_scheme("slippery-slope").name
    'Slippery slope argument'
    """
    found = catalogue().scheme(name)
    if found is None:
        ids = ", ".join(s.id for s in catalogue().schemes)
        raise ArgmapError(f"unknown argumentation scheme {name!r}; known schemes: {ids}")
    return found


def is_known_scheme(name: str) -> bool:
    """True when ``name`` is a catalogue scheme's id, name or alias (any case).

    >>> is_known_scheme("ANALOGY"), is_known_scheme("")
    (True, False)
    """
    return isinstance(name, str) and catalogue().scheme(name) is not None


def get_source_kind(name: str) -> SourceKind | None:
    """The source kind named ``name`` (id, name or alias), or None for kinds without questions.

    >>> get_source_kind("Statistic").id, get_source_kind("op-ed").id, get_source_kind("rumour")
    ('statistic', 'opinion-piece', None)
    """
    return catalogue().source_kind(name) if isinstance(name, str) else None


def scheme_names_of(inference: Inference) -> list[str]:
    """The scheme names a step records: ``scheme`` first, then ``data["schemes"]`` (deduplicated).

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> step = m.attack(m.claim("T"), "R", scheme="negative consequences",
    ...                 data={"schemes": ["position to know"]})
    >>> scheme_names_of(step)
    ['negative consequences', 'position to know']
    """
    names: list[str] = []
    if inference.scheme:
        names.append(inference.scheme)
    extra = inference.data.get("schemes", [])
    if isinstance(extra, str):
        extra = [extra]
    if isinstance(extra, list):
        names.extend(str(s) for s in extra if s)
    return list(dict.fromkeys(names))


def schemes_of(inference: Inference) -> list[Scheme]:
    """The catalogue schemes of a step (unknown names are left out; ``check`` reports them)."""
    found = [catalogue().scheme(n) for n in scheme_names_of(inference)]
    return list(dict.fromkeys(s for s in found if s is not None))
