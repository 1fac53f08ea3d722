"""The schemes catalogue: the book's structure, lookup, and the maps that use it."""

from __future__ import annotations

import pytest

import argmap
from argmap.analysis.schemes import (
    BURDENS,
    TARGETS,
    Scheme,
    SourceKind,
    catalogue,
    get_scheme,
    get_source_kind,
    is_known_scheme,
    load_catalogue,
    schemes_of,
)
from argmap.errors import ArgmapError

# The schemes the issue names (Walton, Reed & Macagno 2008), as a teacher might write them.
REQUIRED = [
    "expert opinion", "position to know", "popular opinion", "positive consequences",
    "negative consequences", "analogy", "values", "precedent", "ad hominem", "slippery slope",
    "cause to effect", "sign", "practical reasoning", "commitment", "example", "correlation to cause",
    "verbal classification",
]
SOURCE_KINDS = ["expert opinion", "statistic", "news report", "official statement", "quote",
                "personal experience", "common belief", "law", "example"]


def test_catalogue_has_at_least_fourteen_schemes_with_unique_ids() -> None:
    ids = [s.id for s in catalogue().schemes]
    assert len(ids) >= 14
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("name", REQUIRED)
def test_every_required_scheme_is_in_the_catalogue(name: str) -> None:
    assert is_known_scheme(name)
    assert is_known_scheme("Argument from " + name.title())


def test_required_schemes_are_distinct_entries() -> None:
    assert len({get_scheme(n).id for n in REQUIRED}) == len(REQUIRED)


@pytest.mark.parametrize("scheme", catalogue().schemes, ids=lambda s: s.id)
def test_every_scheme_follows_the_books_structure(scheme) -> None:  # type: ignore[no-untyped-def]
    assert scheme.premises, "a scheme has premises"
    assert all(p.text.strip() for p in scheme.premises)
    assert scheme.conclusion.strip()
    assert len(scheme.questions) >= 2, "at least two critical questions"
    premise_ids = {p.id for p in scheme.premises}
    for q in scheme.questions:
        assert q.target in TARGETS and q.burden in BURDENS
        assert q.text.rstrip().endswith("?")
        if q.target == "premise":
            assert q.premise in premise_ids
        assert q.ref == f"{scheme.id}:{q.id}"
    # Each scheme's questions reach beyond its premises: some doubt the step or the conclusion.
    assert any(q.target != "premise" for q in scheme.questions)


def test_names_and_aliases_find_their_own_scheme_only() -> None:
    for scheme in catalogue().schemes:
        for name in (scheme.id, scheme.name, *scheme.aliases):
            assert get_scheme(name) is scheme, name
            assert get_scheme(name.upper()) is scheme
            assert get_scheme(f"  {name.swapcase()}  ") is scheme


def test_unknown_scheme_is_reported_with_the_known_ids() -> None:
    assert not is_known_scheme("argument from vibes")
    assert not is_known_scheme("")
    with pytest.raises(ArgmapError, match="expert-opinion"):
        get_scheme("argument from vibes")


@pytest.mark.parametrize("kind", SOURCE_KINDS)
def test_source_kinds_have_their_own_questions(kind: str) -> None:
    found = get_source_kind(kind)
    assert found is not None
    assert len(found.questions) >= 2
    assert all(q.ref.startswith(f"source:{found.id}:") for q in found.questions)
    if found.scheme:
        assert is_known_scheme(found.scheme)


def test_broken_catalogues_are_refused_with_a_reason() -> None:
    good = "{id: a, text: A}"
    with pytest.raises(ArgmapError, match="questions"):
        load_catalogue(f"schemes: [{{id: s, name: S, premises: [{good}], conclusion: C}}]")
    with pytest.raises(ArgmapError, match="burden"):
        load_catalogue(f"schemes: [{{id: s, name: S, premises: [{good}], conclusion: C, "
                       "questions: [{id: q, text: Q?, target: step, burden: nobody}]}]")
    with pytest.raises(ArgmapError, match="zz"):
        load_catalogue(f"schemes: [{{id: s, name: S, premises: [{good}], conclusion: C, "
                       "questions: [{id: q, text: Q?, target: premise, premise: zz, burden: proponent}]}]")
    with pytest.raises(ArgmapError, match="YAML"):
        load_catalogue("schemes: [unclosed")


def test_every_scheme_in_the_example_maps_is_in_the_catalogue(any_map: argmap.ArgumentMap) -> None:
    from argmap.analysis.schemes import scheme_names_of

    named = [n for inf in any_map.inferences for n in scheme_names_of(inf)]
    assert named
    assert all(is_known_scheme(n) for n in named), named


def test_the_oped_steps_use_the_schemes_the_issue_names(oped_map: argmap.ArgumentMap) -> None:
    assert [s.id for s in schemes_of(oped_map.inferences["manpower-step"])] == ["positive-consequences"]
    assert [s.id for s in schemes_of(oped_map.inferences["no-blame-step"])] == ["values"]
    security = schemes_of(oped_map.inferences["security-objection"])
    assert [s.id for s in security] == ["negative-consequences", "position-to-know"]


def test_docs_list_every_scheme_and_source_kind() -> None:
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "docs" / "schemes.md").read_text(encoding="utf-8")
    items: list[Scheme | SourceKind] = [*catalogue().schemes, *catalogue().source_kinds]
    for item in items:
        assert f"| `{item.id}` | {item.name} |" in text, item.id
