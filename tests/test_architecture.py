"""The layers point one way: the real import-linter checks the contract in pyproject.toml.

The contract (docs/architecture.md explains it) lists argmap's layers from the command line down
to the errors; no module may import one above its own, not even inside a function, and the model
only reaches drawing through to_dot/_repr_svg_/_repr_html_.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _lint_imports() -> str:
    found = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("lint-imports is missing: the test extra installs import-linter")
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    return found


def test_the_layer_contract_is_kept() -> None:
    done = subprocess.run([_lint_imports(), "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Layers point one way KEPT" in done.stdout


def test_the_contract_names_every_top_level_module() -> None:
    # A new top-level module or package must take its place in the layers, or it is unchecked.
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    layers = text[text.index('name = "Layers point one way"'):]
    modules = {p.stem for p in (ROOT / "argmap").glob("*.py")} | {
        p.name for p in (ROOT / "argmap").iterdir() if (p / "__init__.py").is_file()}
    unchecked = {"__init__", "schemas"}  # the public facade sits above everything; schemas is data
    missing = sorted(m for m in modules - unchecked if f"argmap.{m}" not in layers)
    assert missing == []
