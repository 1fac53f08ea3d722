"""Extensions agree with two independent implementations: py_arg and formal-argumentation.

Every ICCMA corpus file, and hundreds of random frameworks drawn by hypothesis, under every
semantics, with both of argmap's solvers (PySAT and the pure-Python search).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.analysis.framework import Framework
from argmap.analysis.semantics import SEMANTICS, Evaluation, evaluate

pyarg_af = pytest.importorskip("py_arg.abstract_argumentation_classes.abstract_argumentation_framework")
from argumentation.core import dung as fa  # noqa: E402
from py_arg.abstract_argumentation_classes.argument import Argument  # noqa: E402
from py_arg.abstract_argumentation_classes.defeat import Defeat  # noqa: E402
from py_arg.algorithms.semantics.get_complete_extensions import get_complete_extensions  # noqa: E402
from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension  # noqa: E402
from py_arg.algorithms.semantics.get_ideal_extension import get_ideal_extension  # noqa: E402
from py_arg.algorithms.semantics.get_preferred_extensions import get_preferred_extensions  # noqa: E402
from py_arg.algorithms.semantics.get_semistable_extensions import get_semistable_extensions  # noqa: E402
from py_arg.algorithms.semantics.get_stable_extensions import get_stable_extensions  # noqa: E402

Extensions = list[list[str]]

# Frameworks whose extensions number in the millions (dozens of independent mutual attacks):
# no enumerating tool can list them.
HUGE = {"pygarg__BA-numArg60-pbCycle0.9-0.apx", "pygarg__BA-numArg100-pbCycle0.9-0.apx"}


def py_arg_semantics(fw: Framework) -> tuple[str, ...]:
    """What py_arg can compute within a second or two on this framework.

    Its labelling searches are exponential in the arguments left open, so on sparse frameworks
    beyond 20 arguments only its grounded extension finishes; dense ones close quickly.
    """
    n = len(fw)
    if n <= 20:
        return SEMANTICS
    if fw.num_attacks < 0.3 * n * n:
        return ("grounded",)
    return SEMANTICS if n <= 60 else ("grounded", "preferred", "stable")


def canon(exts: object) -> Extensions:
    return sorted(sorted(str(a) for a in e) for e in exts)  # type: ignore[attr-defined]


def py_arg_extensions(fw: Framework, semantics: str) -> Extensions:
    args = {a: Argument(a) for a in fw.ids}
    af = pyarg_af.AbstractArgumentationFramework(
        "af", list(args.values()), [Defeat(args[a], args[b]) for a, b in fw.attacks()])
    compute: dict[str, Callable[[], list[Any]]] = {
        "grounded": lambda: [get_grounded_extension(af)],
        "complete": lambda: get_complete_extensions(af),
        "preferred": lambda: get_preferred_extensions(af),
        "stable": lambda: get_stable_extensions(af),
        "semi-stable": lambda: get_semistable_extensions(af),
        "ideal": lambda: get_ideal_extension(af),  # a list holding the one extension
    }
    return canon(compute[semantics]())


def formal_extensions(fw: Framework, semantics: str) -> Extensions:
    af = fa.ArgumentationFramework(arguments=frozenset(fw.ids), defeats=frozenset(fw.attacks()))
    return canon(fa.extensions_for(af, semantics))  # type: ignore[arg-type]


def ours(fw: Framework, semantics: str, solver: str = "auto") -> Extensions:
    result = evaluate(fw, semantics, solver=solver)
    assert isinstance(result, Evaluation)
    return canon(result.extensions)


def read_framework(path: Path) -> Framework:
    """A corpus framework file, read by its suffix as a user would."""
    found: object = argmap.load(path)
    assert isinstance(found, Framework), path.name
    return found


def iccma_files(corpus: Path) -> list[Path]:
    files = sorted((corpus / "iccma").iterdir())
    assert len(files) >= 30
    return files


def test_every_corpus_file_agrees_with_py_arg(corpus: Path) -> None:
    compared = 0
    for path in iccma_files(corpus):
        fw = read_framework(path)
        for name in py_arg_semantics(fw):
            assert ours(fw, name) == py_arg_extensions(fw, name), (path.name, name)
            compared += 1
    assert compared >= 120


def test_every_corpus_file_agrees_with_formal_argumentation(corpus: Path) -> None:
    for path in iccma_files(corpus):
        fw = read_framework(path)
        # formal-argumentation enumerates subsets (at most 2**16): small frameworks only, but
        # its grounded extension works at any size.
        semantics = SEMANTICS if len(fw) <= 16 else ("grounded",)
        for name in semantics:
            assert ours(fw, name) == formal_extensions(fw, name), (path.name, name)


def test_where_no_reference_finishes_the_extensions_are_checked_against_the_definitions(corpus: Path) -> None:
    # Sparse corpus frameworks beyond 20 arguments: neither reference enumerates them in
    # reasonable time, so check what the definitions say: every preferred extension is a
    # complete labelling's in-set, the ideal extension is admissible, holds the grounded one and
    # lies inside every preferred extension.
    from argmap.analysis import dung

    checked = 0
    for path in iccma_files(corpus):
        fw = read_framework(path)
        if "preferred" in py_arg_semantics(fw):
            continue
        grounded = set(evaluate(fw, "grounded").extensions[0])
        ideal = evaluate(fw, "ideal").extensions[0]
        assert grounded <= ideal and dung.is_admissible(fw, [fw.index(a) for a in ideal]), path.name
        if path.name in HUGE:
            checked += 1
            continue
        for ext in evaluate(fw, "preferred").extensions:
            labels = dung.labelling_from_extension(fw, [fw.index(a) for a in ext])
            assert dung.is_complete(fw, labels) and ideal <= ext, path.name
        checked += 1
    assert checked >= 6


def test_the_small_python_search_agrees_on_the_small_corpus_files(corpus: Path) -> None:
    for path in iccma_files(corpus):
        fw = read_framework(path)
        if len(fw) > 16:
            continue
        for name in SEMANTICS:
            assert ours(fw, name, "python") == ours(fw, name, "pysat"), (path.name, name)


@st.composite
def frameworks(draw: st.DrawFn, max_size: int = 8) -> Framework:
    n = draw(st.integers(min_value=0, max_value=max_size))
    ids = [f"a{i}" for i in range(n)]
    pairs = st.tuples(st.sampled_from(ids), st.sampled_from(ids)) if ids else st.nothing()
    attacks = draw(st.lists(pairs, max_size=3 * n)) if ids else []
    return Framework(ids, attacks)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(frameworks())
def test_random_frameworks_agree_with_both_references(fw: Framework) -> None:
    for name in SEMANTICS:
        mine = ours(fw, name)
        assert mine == py_arg_extensions(fw, name), name
        assert mine == formal_extensions(fw, name), name
        assert ours(fw, name, "python") == mine, name
