"""Checks and strengths over every map of the shared corpus that argmap reads."""

from __future__ import annotations

from pathlib import Path

import argmap
from argmap.analysis.checks import CHECKS, check
from argmap.analysis.strength import strength

SUFFIXES = (".argdown", ".ad", ".json", ".kialo.txt", ".yaml")


def corpus_maps(corpus: Path) -> list[tuple[Path, argmap.ArgumentMap]]:
    found = []
    for path in sorted(corpus.rglob("*")):
        if not path.is_file() or not path.name.endswith(SUFFIXES) or path.name.startswith("_"):
            continue
        try:
            m = argmap.load(path)
        except argmap.ArgmapError:
            continue  # not a map (a framework, a fixture meant to fail): the readers' tests cover it
        if isinstance(m, argmap.ArgumentMap):
            found.append((path, m))
    return found


def test_checks_and_strength_on_the_corpus(corpus: Path) -> None:
    maps = corpus_maps(corpus)
    assert len(maps) >= 20, [str(p) for p, _ in maps]
    located = 0
    for path, m in maps:
        lines = path.read_text("utf-8").count("\n") + 1
        for f in check(m):
            assert f.code in CHECKS and f.message
            assert all(n in m for n in f.nodes), (path, f)
            if f.line is not None:
                located += 1
                assert 1 <= f.line <= lines, (path, f)
        for method in ("dfquad", "quadratic-energy"):
            try:
                s = strength(m, method)
            except argmap.ArgmapError as exc:
                assert "did not settle" in str(exc)
                continue
            assert set(s) == set(m.graph) and all(0.0 <= v <= 1.0 for v in s.values())
    assert located > 0  # the Argdown reader records lines, and the findings carry them
