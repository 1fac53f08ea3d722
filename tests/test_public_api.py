"""The public surface (argmap/__init__.py): every name importable, listed, and typed for mypy."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import argmap

ROOT = Path(__file__).resolve().parents[1]


def test_every_public_name_is_listed_and_importable() -> None:
    for name in ("check", "Finding", "evaluate", "Framework", "render", "render_bytes", "load", "ArgumentMap"):
        assert name in argmap.__all__ and name in dir(argmap)
        assert getattr(argmap, name) is not None
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        vars(argmap)["__getattr__"]("nope")


def test_import_argmap_loads_neither_drawing_nor_analysis() -> None:
    code = ("import sys, argmap; print(sorted(m for m in sys.modules if m.startswith(('argmap.drawing', "
            "'argmap.analysis', 'numpy', 'jsonschema'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_mypy_sees_the_real_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mypy_api = pytest.importorskip("mypy.api")
    monkeypatch.chdir(ROOT)  # mypy finds argmap's source (and its py.typed) from the checkout
    good = tmp_path / "good.py"
    good.write_text(textwrap.dedent("""
        import argmap

        m = argmap.load("map.json")
        text: str = m.claims["t"].text
        polarity: str = m.inferences["s"].polarity
        findings: list[argmap.Finding] = argmap.check(m)
        result = argmap.evaluate(m, "preferred")
        extensions = result.extensions
        data: bytes = argmap.render_bytes(m, "svg", legend=False)
    """), encoding="utf-8")
    bad = tmp_path / "bad.py"
    bad.write_text("import argmap\nargmap.chekc(1)\nargmap.render_bytes(argmap.ArgumentMap(), 'svg', legnd=1)\n",
                   encoding="utf-8")
    config = ["--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache")]
    out, _, status = mypy_api.run([*config, str(good)])
    assert status == 0, out
    out, _, status = mypy_api.run([*config, str(bad)])
    assert status == 1
    assert 'has no attribute "chekc"' in out and '"legnd"' in out, out
