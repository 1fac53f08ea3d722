"""The uniforms gallery map: its committed JSON (examples/uniforms.json) is current."""

from __future__ import annotations

from pathlib import Path

import argmap
from argmap.gallery.uniforms import build_map


def test_the_uniforms_example_file_is_current() -> None:
    committed = Path(__file__).resolve().parents[2] / "examples" / "uniforms.json"
    assert committed.read_text("utf-8") == argmap.dumps(build_map(), "json"), "run `make examples`"
