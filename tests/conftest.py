"""Shared test fixtures: where the interop corpus lies, and a small map to draw."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


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
        pytest.skip(f"the shared corpus is missing at {path}")
    return path


@pytest.fixture(scope="session")
def oped() -> str:
    """The op-ed the flagship map models (shared/seed), as text."""
    path = corpus_dir().parent / "seed" / "conscription-oped.txt"
    if not path.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"the op-ed is missing at {path}")
        pytest.skip(f"the op-ed is missing at {path}")
    return path.read_text(encoding="utf-8")
