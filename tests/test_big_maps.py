"""Deep and wide maps go through the model, the analyses and the lossless formats correctly.

These check correctness at depth and width (no RecursionError, the right answer at the far end
of a chain, every reason of a star counted). How the time grows with size is measured by
``make bench`` (bench/RESULTS.md, "Linear time"), never by a timed unit test.
"""

from __future__ import annotations

import pytest

import argmap
from argmap.analysis.strength import strength
from argmap.outline import outline


def chain(n: int) -> argmap.ArgumentMap:
    """c0 <- c1 <- ... <- c(n-1): each claim attacks the one before it."""
    m = argmap.ArgumentMap(title="chain")
    m.claim("Claim 0.", id="c0")
    for k in range(1, n):
        m.attack(f"c{k - 1}", m.claim(f"Claim {k}.", id=f"c{k}"), id=f"a{k}")
    return m


@pytest.fixture(scope="module")
def deep() -> argmap.ArgumentMap:
    return chain(20_000)


def test_a_chain_20000_deep_round_trips_through_json_and_graphml(deep: argmap.ArgumentMap) -> None:
    for fmt in ("json", "graphml"):
        back = argmap.loads(argmap.dumps(deep, fmt), fmt)
        assert len(back) == len(deep)
        assert back.inferences["a19999"].target.id == "c19998"
        back.validate()


def test_a_chain_20000_deep_is_checked_and_evaluated_to_its_far_end(deep: argmap.ArgumentMap) -> None:
    deep.validate()
    findings = argmap.check(deep)
    assert not argmap.analysis.checks.has_errors(findings)
    # The last claim stands unattacked; from there labels alternate all the way down.
    labels = argmap.evaluate(deep, "grounded")
    assert labels["c19999"] == "in" and labels["c19998"] == "out"
    assert labels["c0"] == ("in" if 19_999 % 2 == 0 else "out")
    s = strength(deep)
    assert s["c19999"] == 0.5 and 0.0 <= s["c0"] <= 1.0


def test_an_outline_deeper_than_pythons_recursion_limit() -> None:
    m = chain(3_000)
    items = outline(m)
    assert len(items) == 3_000
    assert items[-1].depth == 2_999 and items[-1].claims == ("c2999",)


def test_a_star_of_20000_derived_ids_on_one_claim() -> None:
    m = argmap.ArgumentMap()
    t = m.claim("The thesis.", id="t")
    for k in range(20_000):
        m.support(t, f"Reason number {k}.")
    assert len(m.claims["t"].reasons) == 20_000
    assert m.inferences[-1].id == "support-t-20000"
    back = argmap.loads(argmap.dumps(m, "json"), "json")
    assert [i.id for i in back.inferences] == [i.id for i in m.inferences]
    unsupported = [f for f in argmap.check(back) if f.code == "unsupported"]
    assert len(unsupported) == 20_000  # every reason, and not the thesis, which has reasons
