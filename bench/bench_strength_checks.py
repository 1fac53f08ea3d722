"""Time gradual strength and the checks on large random pro/con trees, beside formal-argumentation.

Run: .venv/bin/python bench/bench_strength_checks.py [N ...]   (default sizes 1000 10000 100000)

Prints seconds per call. formal-argumentation (argumentation.gradual, a test extra) computes the
same DF-QuAD and quadratic-energy strengths on the same claim graph, when it is installed.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from typing import Any

from argmap import ArgumentMap
from argmap.analysis.checks import check
from argmap.analysis.strength import strength

WORDS = ("tax", "school", "uniform", "cost", "health", "city", "road", "safety", "budget", "vote",
         "teacher", "student", "price", "rent", "energy", "climate", "policy", "law", "court", "park")


def tree(n: int, seed: int = 1) -> tuple[ArgumentMap, dict[str, float], set[tuple[str, str]], set[tuple[str, str]]]:
    """A random pro/con tree of n claims (Kialo-like: each claim a reason or objection to an earlier one)."""
    rng = random.Random(seed)
    m = ArgumentMap()
    weights: dict[str, float] = {}
    attacks: set[tuple[str, str]] = set()
    supports: set[tuple[str, str]] = set()
    for k in range(n):
        text = " ".join(rng.choice(WORDS) for _ in range(6)) + f" {k}."
        rating = round(rng.random(), 3)
        c = m.claim(text, id=f"c{k}", rating=rating)
        weights[c.id] = rating
        if k:
            parent = f"c{rng.randrange(max(0, k - 50), k)}"
            polarity = rng.choice(("support", "attack"))
            m.infer(polarity, parent, c, id=f"i{k}")
            (supports if polarity == "support" else attacks).add((c.id, parent))
    return m, weights, attacks, supports


def timed(fn: Callable[..., Any], *args: Any) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def main(sizes: list[int]) -> None:
    try:
        from argumentation.gradual.dfquad import dfquad_strengths
        from argumentation.gradual.gradual import WeightedBipolarGraph, quadratic_energy_strengths
    except ImportError:
        dfquad_strengths = None  # type: ignore[assignment]
    print(f"{'claims':>8} {'task':<28} {'argmap s':>9} {'formal-arg s':>13}")
    for n in sizes:
        m, weights, attacks, supports = tree(n)
        peer_graph = None
        if dfquad_strengths is not None:
            peer_graph = WeightedBipolarGraph(frozenset(weights), weights, frozenset(attacks), frozenset(supports))
        for method in ("dfquad", "quadratic-energy"):
            ours = timed(strength, m, method)
            theirs = "-"
            if peer_graph is not None and (method == "dfquad" or n <= 10_000):
                peer = dfquad_strengths if method == "dfquad" else quadratic_energy_strengths
                theirs = f"{timed(peer, peer_graph):.3f}"
            print(f"{n:>8} {'strength ' + method:<28} {ours:>9.3f} {theirs:>13}")
        print(f"{n:>8} {'check (all checks)':<28} {timed(check, m):>9.3f} {'-':>13}")
        chain = ArgumentMap()
        prev = chain.claim("C0", id="c0")
        for k in range(1, n):
            nxt = chain.claim(f"C{k}", id=f"c{k}")
            chain.attack(prev, nxt, id=f"x{k}")
            prev = nxt
        print(f"{n:>8} {'strength dfquad, chain':<28} {timed(strength, chain):>9.3f} {'-':>13}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10_000, 100_000])
