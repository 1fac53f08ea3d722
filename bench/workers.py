"""The in-process halves of ``make bench``: each case runs in a fresh process and prints its timings.

``bench/run.py`` starts ``python bench/workers.py CASE ARG ...`` once per measurement, reads the
one JSON line it prints (seconds per phase, wall clock and CPU) and takes the process's peak
memory from the operating system. Inputs are made before the clock starts; imports are done
before it too, so a phase's time is the work alone. Run one by hand to see what it does:
``python bench/workers.py gradual dfquad argmap 10000``.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import Edge, build, build_bulk, edges, generate_map  # noqa: E402


class Clock:
    """Wall-clock and CPU seconds of named phases."""

    def __init__(self) -> None:
        self.phases: dict[str, dict[str, float]] = {}

    def run(self, name: str, fn: Callable[[], Any]) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        self.phases[name] = {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}
        return result


# -- gradual strength: argmap beside formal-argumentation, from the same rows -----------------------
def _peer_graph(rows: list[Edge]) -> Any:
    from argumentation.gradual.gradual import WeightedBipolarGraph

    weights = {r.claim: (r.rating if r.rating is not None else 0.5) for r in rows}
    attacks = frozenset((r.claim, r.parent) for r in rows if r.parent is not None and r.polarity == "attack")
    supports = frozenset((r.claim, r.parent) for r in rows if r.parent is not None and r.polarity == "support")
    return WeightedBipolarGraph(frozenset(weights), weights, attacks, supports)


def gradual(clock: Clock, method: str, side: str, size: str, shape: str = "tree") -> dict[str, Any]:
    """Build a map (or the peer's weighted bipolar graph) from the rows, then its strengths.

    ``argmap`` builds the map with the bulk API (``add_claims``/``add_inferences``), as a user with
    a big dataset would; ``argmap-calls`` with one ``claim()`` and one ``infer()`` call per row.
    """
    rows = edges(shape, int(size))
    if side in ("argmap", "argmap-calls"):
        from argmap.analysis.strength import strength

        make = build_bulk if side == "argmap" else build
        m = clock.run("build", lambda: make(rows))
        result = clock.run("solve", lambda: strength(m, method))
        return {"thesis": round(result["c0"], 9)}
    from argumentation.gradual.dfquad import dfquad_strengths
    from argumentation.gradual.gradual import quadratic_energy_strengths

    solver = dfquad_strengths if method == "dfquad" else quadratic_energy_strengths
    graph = clock.run("build", lambda: _peer_graph(rows))
    result = clock.run("solve", lambda: solver(graph))
    return {"thesis": round(result.strengths["c0"], 9)}


# -- grounded: a random framework given as argument ids and attack pairs ----------------------------
def _framework_rows(n: int, seed: int) -> tuple[list[str], list[tuple[str, str]]]:
    rng = random.Random(seed)
    ids = [f"a{k}" for k in range(n)]
    return ids, [(ids[rng.randrange(n)], ids[rng.randrange(n)]) for _ in range(3 * n)]


def grounded(clock: Clock, side: str, size: str) -> dict[str, Any]:
    """Build a framework of ``size`` arguments and 3 x ``size`` attacks from id pairs; solve grounded."""
    ids, pairs = _framework_rows(int(size), seed=int(size))
    if side == "argmap":
        from argmap.analysis.framework import Framework
        from argmap.analysis.semantics import evaluate

        fw = clock.run("build", lambda: Framework(ids, pairs))
        result = clock.run("solve", lambda: evaluate(fw, "grounded"))
        return {"in": len(result.with_label("in"))}
    if side == "py_arg":
        from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
            AbstractArgumentationFramework,
        )
        from py_arg.abstract_argumentation_classes.argument import Argument
        from py_arg.abstract_argumentation_classes.defeat import Defeat
        from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension

        def make() -> Any:
            args = {a: Argument(a) for a in ids}
            defeats = [Defeat(args[a], args[b]) for a, b in dict.fromkeys(pairs)]
            return AbstractArgumentationFramework("bench", list(args.values()), defeats)

        af = clock.run("build", make)
        return {"in": len(clock.run("solve", lambda: get_grounded_extension(af)))}
    from argumentation.core import dung

    af = clock.run("build", lambda: dung.ArgumentationFramework(arguments=frozenset(ids), defeats=frozenset(pairs)))
    return {"in": len(clock.run("solve", lambda: dung.grounded_extension(af)))}


# -- the model at size: load, validate, check ------------------------------------------------------
def model(clock: Clock, path: str) -> dict[str, Any]:
    """Load a map file, validate it and run every check (what ``argmap check`` does)."""
    import argmap

    argmap.formats.all_formats()  # the format modules (and networkx) import on first use: not work
    m = clock.run("load", lambda: argmap.load(path))
    clock.run("validate", m.validate)
    findings = clock.run("check", lambda: argmap.check(m))
    return {"claims": len(m.claims), "findings": len(findings)}


# -- linear time: every model step on a chain, a star and a tree ---------------------------------
def linear(clock: Clock, shape: str, size: str) -> dict[str, Any]:
    """Each step of the model, analysis and lossless formats on one generated map."""
    import argmap
    from argmap.analysis.explain import explain
    from argmap.analysis.strength import strength
    from argmap.outline import outline

    m = clock.run("build", lambda: generate_map(shape, int(size)))
    clock.run("validate", m.validate)
    clock.run("check", lambda: argmap.check(m))
    clock.run("grounded", lambda: argmap.evaluate(m, "grounded"))
    clock.run("dfquad", lambda: strength(m, "dfquad"))
    clock.run("quadratic-energy", lambda: strength(m, "quadratic-energy"))
    clock.run("explain thesis", lambda: explain(m, "c0"))
    clock.run("outline", lambda: outline(m))  # numbers keep a bounded length, even on a chain
    text = clock.run("JSON dump", lambda: argmap.dumps(m, "json"))
    clock.run("JSON load", lambda: argmap.loads(text, "json"))
    text = clock.run("GraphML dump", lambda: argmap.dumps(m, "graphml"))
    clock.run("GraphML load", lambda: argmap.loads(text, "graphml"))
    return {"nodes": len(m)}


# -- every AIF file of the shared corpus, read and written -------------------------------------------
def aif_corpus(clock: Clock, folder: str) -> dict[str, Any]:
    """Load every AIF file of the corpus and write it back as AIF and as argmap JSON."""
    import argmap

    files = sorted(Path(folder).glob("aif/*.json")) + sorted(Path(folder).glob("ova/*.json"))
    failed: list[str] = []
    sizes = 0

    def every() -> None:
        nonlocal sizes
        for path in files:
            try:
                m = argmap.load(path, format="aif")
                sizes += len(m)
                argmap.dumps(m, "aif")
                argmap.dumps(m, "json")
            except argmap.ArgmapError as exc:
                failed.append(f"{path.name}: {exc}")

    clock.run("load and dump", every)
    return {"files": len(files), "nodes": sizes, "failed": failed}


# -- Argdown reading in-process (argdown_bench's own target) -----------------------------------------
def argdown_read(clock: Clock, statements: str) -> dict[str, Any]:
    """``argmap.loads`` of a generated debate: statements per second."""
    import networkx  # noqa: F401  (the map's graph: an import, outside the clock like every import)
    from generate import argdown_debate

    import argmap
    from argmap.formats.argdown import parse, statistics

    text = argdown_debate(int(statements))
    count = statistics(parse(text))["statements_equivalence_classes"]
    clock.run("read", lambda: argmap.loads(text, "argdown"))
    return {"statements": count}


CASES: dict[str, Callable[..., dict[str, Any]]] = {
    "gradual": gradual,
    "grounded": grounded,
    "model": model,
    "linear": linear,
    "aif": aif_corpus,
    "argdown-read": argdown_read,
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in CASES:
        print(f"usage: workers.py {{{','.join(CASES)}}} ARG ...", file=sys.stderr)
        return 2
    clock = Clock()
    facts = CASES[argv[0]](clock, *argv[1:])
    print(json.dumps({"phases": clock.phases, "facts": facts}))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    import os

    code = main(sys.argv[1:])
    os._exit(code)  # freeing a big map object by object is no part of any case
