"""Property: for every writable format that keeps the whole map, load(dump(m)) is m again."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, Source
from argmap.formats.argmap_json import to_dict
from tests.formats.format_helpers import structure

texts = st.text(min_size=1, max_size=40).filter(lambda s: s.strip() != "")
ids = st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x2FF), min_size=1, max_size=8).filter(
    lambda s: s.strip() != "")
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
sources = st.builds(Source, author=st.none() | texts, title=st.none() | texts, url=st.none() | texts,
                    quote=st.none() | texts)


@st.composite
def maps(draw: Any) -> ArgumentMap:
    m = ArgumentMap(title=draw(st.none() | st.text(max_size=20)))
    if draw(st.booleans()):
        m.meta.update(draw(st.dictionaries(st.text(max_size=5), json_values, max_size=3)))
    claim_ids = draw(st.lists(ids, min_size=1, max_size=6, unique=True))
    for cid in claim_ids:
        m.claim(draw(texts), id=cid, label=draw(st.none() | texts), tags=draw(st.lists(texts, max_size=2)),
                sources=draw(st.lists(sources, max_size=2)), note=draw(st.none() | texts),
                data=draw(st.dictionaries(st.text(max_size=5), json_values, max_size=2)),
                rating=draw(st.none() | st.floats(0, 1)), group=draw(st.none() | texts))
    for k in range(draw(st.integers(0, 5))):
        targets = [n for n in m.graph.nodes]
        target = draw(st.sampled_from(targets))
        premises = draw(st.lists(st.sampled_from(claim_ids), min_size=1, max_size=3, unique=True))
        if target in premises or f"step{k}" in m:
            continue
        m.infer(draw(st.sampled_from(["support", "attack"])), target, [m.claims[p] for p in premises],
                id=f"step{k}", scheme=draw(st.none() | texts), label=draw(st.none() | texts))
    return m


@pytest.mark.parametrize("fmt", ["json", "yaml", "graphml"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(m=maps())
def test_lossless_formats_round_trip_any_map(fmt: str, m: ArgumentMap) -> None:
    back = argmap.loads(argmap.dumps(m, fmt), fmt)
    assert isinstance(back, ArgumentMap)
    assert to_dict(back) == to_dict(m)
    assert argmap.dumps(back, fmt) == argmap.dumps(m, fmt)


@pytest.mark.parametrize("fmt", ["aif", "sadface"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(m=maps())
def test_graph_formats_keep_the_argument_structure(fmt: str, m: ArgumentMap) -> None:
    back = argmap.loads(argmap.dumps(m, fmt), fmt)
    assert isinstance(back, ArgumentMap)
    if fmt == "sadface":  # SADFace names an attack "conflict": no room for an attack's scheme
        for step in m.inferences:
            if step.polarity == "attack":
                step.scheme = None
    assert structure(back) == structure(m)
    assert argmap.dumps(back, fmt) == argmap.dumps(m, fmt)
