"""Time argmap's Dung semantics against formal-argumentation and py_arg on the same frameworks.

Run: ``.venv/bin/python bench/semantics_bench.py`` (``--quick`` for a short run). Prints a table;
nothing here is a test. Targets (issue 4): grounded on 1,000,000 arguments / 3,000,000 attacks
under 3 s; on a 100,000-claim map under 2 s; at least 5x faster than formal-argumentation at
100,000 arguments; preferred on 60-argument frameworks in milliseconds.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np

import argmap
from argmap.analysis.framework import Framework
from argmap.analysis.semantics import evaluate


def timed(fn: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def random_arrays(n: int, m: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.integers(0, n, m), rng.integers(0, n, m)


def formal(n: int, src: np.ndarray, dst: np.ndarray) -> Any:
    from argumentation.core import dung as fa

    ids = [str(i + 1) for i in range(n)]
    pairs = zip(src.tolist(), dst.tolist(), strict=True)
    return fa.ArgumentationFramework(arguments=frozenset(ids), defeats=frozenset((ids[a], ids[b]) for a, b in pairs))


def pyarg(n: int, src: np.ndarray, dst: np.ndarray) -> Any:
    from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
        AbstractArgumentationFramework,
    )
    from py_arg.abstract_argumentation_classes.argument import Argument
    from py_arg.abstract_argumentation_classes.defeat import Defeat

    args = [Argument(str(i + 1)) for i in range(n)]
    pairs = dict.fromkeys(zip(src.tolist(), dst.tolist(), strict=True))
    return AbstractArgumentationFramework("af", args, [Defeat(args[a], args[b]) for a, b in pairs])


def grounded_row(n: int, m: int, peers: bool) -> None:
    src, dst = random_arrays(n, m, seed=n)
    build, fw = timed(lambda: Framework.from_arrays(n, src, dst))
    t_ours, ours = timed(lambda: evaluate(Framework.from_arrays(n, src, dst), "grounded"), repeat=3)
    line = f"grounded  n={n:>9,} attacks={m:>9,}  argmap {t_ours:7.3f} s (arrays in {build:.3f} s)"
    if peers:
        from argumentation.core import dung as fa
        from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension

        af = formal(n, src, dst)
        t_fa, ext_fa = timed(lambda: fa.grounded_extension(af))
        mine = set(ours.accepted())
        agree = mine == set(ext_fa)
        line += f" | formal-argumentation {t_fa:7.3f} s ({t_fa / t_ours:6.1f}x)"
        if n <= 1_000:  # py_arg's grounded grows much faster than linearly: 1,000 takes seconds
            pa = pyarg(n, src, dst)
            t_pa, ext_pa = timed(lambda: get_grounded_extension(pa))
            agree = agree and mine == {str(a) for a in ext_pa}
            line += f" | py_arg {t_pa:7.3f} s ({t_pa / t_ours:6.0f}x)"
        line += f" | same extension: {agree}"
    print(line, flush=True)


def chain_row(n: int) -> None:
    t, r = timed(lambda: evaluate(Framework.from_arrays(n, range(n - 1), range(1, n)), "grounded"))
    print(f"grounded  chain {n:,} deep: {t:.3f} s, last argument {r[str(n)]}", flush=True)


def big_map(claims: int, seed: int = 3) -> argmap.ArgumentMap:
    """A random debate tree: each new claim supports or attacks an earlier claim."""
    rng = random.Random(seed)
    m = argmap.ArgumentMap(title="bench")
    ids = [m.claim("thesis", id="c0").id]
    for i in range(1, claims):
        target = ids[int(len(ids) * rng.random() ** 0.5)]  # favour recent claims: deep, bushy trees
        c = m.claim(f"claim {i}", id=f"c{i}")
        if rng.random() < 0.5:
            m.support(target, c, id=f"s{i}")
        else:
            m.attack(target, c, id=f"a{i}")
        ids.append(c.id)
    return m


def map_row(claims: int) -> None:
    t_build, m = timed(lambda: big_map(claims))
    t_eval, r = timed(lambda: evaluate(m, "grounded"))
    fw = r.framework
    print(f"grounded  map of {claims:,} claims ({len(fw):,} arguments, {fw.num_attacks:,} attacks): "
          f"{t_eval:.3f} s from map to labels (building the map took {t_build:.1f} s)", flush=True)


def preferred_rows(n: int, count: int, peers: bool) -> None:
    times: dict[str, list[float]] = {"argmap": [], "argmap-python": [], "py_arg": []}
    agree = 0
    for seed in range(count):
        rng = random.Random(seed)
        ids = [f"a{i}" for i in range(n)]
        attacks = [(a, b) for a in ids for b in ids if rng.random() < 2.5 / n]
        fw = Framework(ids, attacks)
        t, ours = timed(lambda fw=fw: evaluate(fw, "preferred"))
        times["argmap"].append(t)
        t, py_ours = timed(lambda fw=fw: evaluate(fw, "preferred", solver="python"))
        times["argmap-python"].append(t)
        if peers:
            from py_arg.algorithms.semantics.get_preferred_extensions import get_preferred_extensions

            src, dst = fw.arrays
            pa = pyarg(n, src, dst)
            pa_ids = {str(i + 1): fw.ids[i] for i in range(n)}
            t, ext = timed(lambda pa=pa: get_preferred_extensions(pa))
            times["py_arg"].append(t)
            theirs = sorted(sorted(pa_ids[str(a)] for a in e) for e in ext)
            mine = sorted(sorted(e) for e in ours.extensions)
            agree += theirs == mine == sorted(sorted(e) for e in py_ours.extensions)
    parts = [f"{k} median {statistics.median(v) * 1000:8.1f} ms" for k, v in times.items() if v]
    extra = f" | all agree on {agree}/{count}" if peers else ""
    print(f"preferred n={n} x{count} (random, ~2.5 attacks per argument): " + " | ".join(parts) + extra, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    args = parser.parse_args()
    from argmap.analysis.sat import have_pysat

    print(f"argmap {argmap.__version__}, numpy {np.__version__}, PySAT installed: {have_pysat()}")
    for n in (1_000, 10_000, 100_000):
        grounded_row(n, 3 * n, peers=True)
    if not args.quick:
        grounded_row(1_000_000, 3_000_000, peers=False)
    chain_row(100_000)
    map_row(10_000 if args.quick else 100_000)
    preferred_rows(20, 10, peers=True)
    preferred_rows(60, 5 if args.quick else 20, peers=False)


if __name__ == "__main__":
    main()
