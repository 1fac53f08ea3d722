"""Shared test fixtures: the interop corpus, the op-ed's text, the gallery maps, one Chromium.

The suite stands on its own: every reader and writer is tested on the fixtures of our own writing
under ``tests/formats/fixtures/``. The shared corpus (real files from other tools, test data under
their own licences) is an extra layer: tests that take the ``corpus`` or ``oped_text`` fixture run
when it is there, and when it is not they are left out with one line saying how to run them. In CI
(``CI=true``) a missing corpus fails instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from argmap import ArgumentMap
from argmap.gallery import conscription, uniforms

ROOT = Path(__file__).resolve().parents[1]
#: The fixtures that need the shared folder beside the checkout (the corpus, the op-ed's text).
SHARED_FIXTURES = frozenset({"corpus", "oped_text"})
HOW_TO_RUN = "set ARGMAP_CORPUS=/path/to/corpus or put the corpus at ../shared/corpus"
_LEFT_OUT = pytest.StashKey[int]()  # how many tests were left out for want of the corpus


def corpus_dir() -> Path:
    """The shared corpus: $ARGMAP_CORPUS, else the `shared/corpus` folder beside the checkout."""
    env = os.environ.get("ARGMAP_CORPUS")
    return Path(env) if env else ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The corpus folder; in CI (CI=true) a missing corpus fails the run instead of skipping."""
    path = corpus_dir()
    if not path.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"the shared corpus is missing at {path}")
        pytest.skip(f"no corpus at {path}; {HOW_TO_RUN}")
    return path


@pytest.fixture(scope="session")
def oped_text() -> str:
    """The op-ed the flagship map models (shared/seed), as text."""
    path = corpus_dir().parent / "seed" / "conscription-oped.txt"
    if not path.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"the op-ed is missing at {path}")
        pytest.skip(f"no op-ed at {path}; {HOW_TO_RUN}")
    return path.read_text(encoding="utf-8")


@pytest.fixture
def oped_map() -> ArgumentMap:
    """The flagship op-ed map (argmap.gallery.conscription), fresh each time."""
    return conscription.build_map()


@pytest.fixture
def uniforms_map() -> ArgumentMap:
    """The school-uniforms classroom debate (argmap.gallery.uniforms), fresh each time."""
    return uniforms.build_map()


@pytest.fixture(params=["oped_map", "uniforms_map"])
def any_map(request: pytest.FixtureRequest) -> ArgumentMap:
    """Each gallery map in turn."""
    found: ArgumentMap = request.getfixturevalue(request.param)
    return found


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without the shared folder (and outside CI), leave its tests out rather than skip each one."""
    if corpus_dir().is_dir() or os.environ.get("CI"):
        return
    needing = [item for item in items if SHARED_FIXTURES & set(getattr(item, "fixturenames", ()))]
    if needing:
        config.hook.pytest_deselected(items=needing)
        left_out = set(needing)
        items[:] = [item for item in items if item not in left_out]
        config.stash[_LEFT_OUT] = len(needing)



def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    """The one line that says the corpus tests did not run, and how to run them."""
    left_out = config.stash.get(_LEFT_OUT, 0)
    if left_out:
        terminalreporter.write_line(
            f"{left_out} corpus tests not run: no corpus at {corpus_dir()}; to run them, {HOW_TO_RUN}")


#: Debian's Chromium (never a downloaded browser build), with the flags this closed network needs.
CHROMIUM = os.environ.get("ARGMAP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def _unavailable(reason: str) -> None:
    # CI installs Chromium and Playwright (.ci/run): there a missing browser is a failure, not a skip.
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole run, driven by Playwright."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    if not Path(CHROMIUM).exists():
        _unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()
