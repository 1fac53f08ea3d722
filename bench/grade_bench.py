"""Time ``argmap grade``: class-sized maps, and how grading grows with the map's size.

Run: .venv/bin/python bench/grade_bench.py [--cold]

Prints seconds per grading (the median of 5, in one process, after the meaning model is loaded
once: as when a teacher grades a class in a loop), for:

- each student map of tests/teach/grading/ (tuning and both held-out sets) against its model;
- a 40-claim class map: the op-ed's model with six more claims, graded against a student's
  38-claim paraphrase of it (every claim reworded, two left out); target: under 1 s;
- a generated map of N claims graded against itself (N = 50, 100, 200), for the growth.

``--cold`` also times one whole ``argmap grade`` process (Python start, imports, loading the
meaning model from the package folder), the time a teacher waits for one student at the shell.
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

import argmap
from argmap.gallery import conscription, uniforms
from argmap.teach.grade import grade
from argmap.teach.similarity import meaning_available

ROOT = Path(__file__).resolve().parents[1]
GRADING = ROOT / "tests" / "teach" / "grading"
MODELS = {"conscription": conscription.build_map, "uniforms": uniforms.build_map}
WORDS = ("tax", "school", "uniform", "cost", "health", "city", "road", "safety", "budget", "vote",
         "teacher", "student", "price", "rent", "energy", "climate", "policy", "law", "court", "park")


def median_seconds(fn: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def class_map() -> tuple[argmap.ArgumentMap, argmap.ArgumentMap]:
    """A 40-claim model (the op-ed's and six more claims) and a student's 38-claim paraphrase."""
    model = conscription.build_map()
    extra = ["Accepting people who flee is what a free country does.",
             "Refugees from the draft bring skills that host countries need.",
             "Most of those fleeing are young and well educated.",
             "Russia's neighbours fear spies among the people who flee.",
             "Checks at the border can find those who are a danger.",
             "Countries already check every visitor's papers."]
    model.support("thesis", model.claim(extra[0], id="x-free"))
    model.support("x-free", model.claim(extra[1], id="x-skills"))
    model.support("x-skills", model.claim(extra[2], id="x-young"))
    model.attack("thesis", model.claim(extra[3], id="x-spies"))
    model.attack("x-spies", model.claim(extra[4], id="x-checks"))
    model.support("x-checks", model.claim(extra[5], id="x-papers"))
    student = model.copy()
    rng = random.Random(7)
    for c in student.claims:  # reworded: words dropped and shuffled, a typo or two
        words = c.text.rstrip(".").split()
        keep = [w for w in words if rng.random() > 0.25] or words
        if len(keep) > 3:
            i = rng.randrange(len(keep) - 1)
            keep[i], keep[i + 1] = keep[i + 1], keep[i]
        c.text = " ".join(keep).lower()
    for gone in ("oppose-war", "searches-arm"):
        student.graph.remove_node(next(i.id for i in student.claims[gone].inferences))  # type: ignore[index]
        student.graph.remove_node(gone)
    assert len(model.claims) == 40
    return student, model


def generated(n: int, seed: int = 1) -> argmap.ArgumentMap:
    """A random pro/con tree of n claims of six words each."""
    rng = random.Random(seed)
    m = argmap.ArgumentMap()
    for k in range(n):
        c = m.claim(" ".join(rng.choice(WORDS) for _ in range(6)) + f" {k}.", id=f"c{k}")
        if k:
            m.infer(rng.choice(("support", "attack")), f"c{rng.randrange(max(0, k - 10), k)}", c)
    return m


def main() -> None:
    start = time.perf_counter()
    meaning = meaning_available()  # loads the meaning model, once
    print(f"grading by {'meaning and spelling' if meaning else 'spelling only (the grade extra is not installed)'}"
          f"; loading the model: {time.perf_counter() - start:.2f} s")
    print("\nstudent maps (median of 5):")
    for folder in (GRADING, GRADING / "held-out", GRADING / "held-out-2"):
        for expected in sorted(folder.glob("*.expected.yaml")):
            name = expected.name.removesuffix(".expected.yaml")
            model = MODELS[yaml.safe_load(expected.read_text(encoding="utf-8"))["model"]]()
            student = argmap.load(folder / f"{name}.yaml")
            seconds = median_seconds(lambda s=student, m=model: grade(s, m))
            print(f"  {folder.name:10} {name:20} {len(student.claims):3} claims against {len(model.claims)}: "
                  f"{seconds:.3f} s")
    student, model = class_map()
    seconds = median_seconds(lambda: grade(student, model))
    verdict = "met" if seconds < 1.0 else "MISSED"
    print(f"\n40-claim class map, a {len(student.claims)}-claim paraphrase: {seconds:.3f} s "
          f"(target under 1 s: {verdict})")
    print("\na map graded against itself:")
    for n in (50, 100, 200):
        m = generated(n)
        print(f"  {n:4} claims: {median_seconds(lambda m=m: grade(m, m), runs=3):.2f} s")
    if "--cold" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            s_path, m_path = Path(tmp) / "student.json", Path(tmp) / "model.json"
            argmap.dump(student, s_path)
            argmap.dump(model, m_path)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "argmap", "grade", str(s_path), str(m_path)], check=True,
                           capture_output=True)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            print(f"\none whole `argmap grade` process, 40-claim class map: {wall:.2f} s (CPU {cpu:.2f} s; "
                  f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
