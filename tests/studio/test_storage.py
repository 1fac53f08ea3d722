"""Saving: JSON, YAML and Argdown by the file's suffix; a hand-written Argdown file keeps its
layout (comments, blank lines, order) wherever the edit did not touch it."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

import argmap
from argmap.studio.edits import apply
from argmap.studio.layout import merge3
from argmap.studio.storage import MapFile

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", ["m.json", "m.yaml", "m.yml", "m.argdown", "m.ad"])
def test_every_editable_format_round_trips(tmp_path: Path, name: str) -> None:
    f = MapFile.open(tmp_path / name)
    m = argmap.ArgumentMap(title="Lunch")
    apply(m, "thesis", {"text": "We should eat out."})
    apply(m, "reason", {"target": m.claims[0].id, "text": "The fridge is empty.", "quote": "empty"})
    f.save(m)
    back = argmap.load(tmp_path / name)
    assert [(c.text, c.role) for c in back.claims] == [(c.text, c.role) for c in m.claims]
    assert back.claims[1].sources[0].quote == "empty"
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left behind


def test_the_argdown_layout_is_kept_where_the_edit_did_not_touch(tmp_path: Path) -> None:
    path = tmp_path / "uniforms.argdown"
    original = (ROOT / "examples" / "uniforms.argdown").read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    f = MapFile.open(path)
    m = f.read()
    apply(m, "reason", {"target": m.thesis.id if m.thesis else "", "text": "Uniforms save parents money."})
    teased = next(c for c in m.claims if c.text.startswith("Pupils without brand clothes"))
    apply(m, "update", {"node": teased.id, "fields": {"text": "Pupils without brand clothes get teased, often."}})
    f.save(m)
    written = path.read_text(encoding="utf-8")
    diff = list(difflib.ndiff(original.splitlines(), written.splitlines()))
    removed = [line[2:] for line in diff if line.startswith("- ")]
    added = [line[2:].strip() for line in diff if line.startswith("+ ")]
    # Only the edited statement and the new reason differ; every comment and heading stays.
    assert removed == ["    + [Teased]: Pupils without brand clothes get teased."], diff
    assert set(added) == {"+ [Teased]: Pupils without brand clothes get teased, often.",
                          "Uniforms save parents money.", "+> [Uniforms]", ""}, diff
    for line in original.splitlines():
        if line.startswith("//") or line.startswith("#"):
            assert line in written
    assert not f.rewritten
    assert argmap.dumps(argmap.load(path), "argdown") == argmap.dumps(m, "argdown")
    # A second save merges against the file as it now is.
    apply(m, "delete", {"node": teased.id})
    f.save(m)
    assert argmap.dumps(argmap.load(path), "argdown") == argmap.dumps(m, "argdown")
    assert "// A short classroom debate" in path.read_text(encoding="utf-8")


def test_merge_falls_back_to_argmaps_layout_when_it_must(tmp_path: Path) -> None:
    # Both sides changed the same line: the edit wins there, and the result still reads back.
    assert merge3(["a", "b", "c"], ["a", "B", "c"], ["a", "x", "c"]) == ["a", "x", "c"]
    path = tmp_path / "t.argdown"
    path.write_text("[T]: Tea is good.\n", encoding="utf-8")
    f = MapFile.open(path)
    m = f.read()
    # A file that says more than the map (as if edited by hand since): merging would keep it.
    f.layout = ("[T]: Tea is good.\n", "[T]: Tea is good.\n[U]: Unrelated claim.\n")
    apply(m, "reason", {"target": "t", "text": "Tea is warm."})
    f.save(m)
    assert f.rewritten and argmap.dumps(argmap.load(path), "argdown") == argmap.dumps(m, "argdown")


@pytest.mark.parametrize(("name", "message"), [
    ("map.aif.json", "convert it first"),
    ("map.svg", "not svg"),
    ("nowhere/map.json", "does not exist"),
])
def test_files_the_studio_cannot_save_to(tmp_path: Path, name: str, message: str) -> None:
    if name.endswith(".aif.json"):
        (tmp_path / name).write_text((ROOT / "tests/formats/fixtures").joinpath("tiny.aif.json").read_text()
                                     if (ROOT / "tests/formats/fixtures/tiny.aif.json").exists()
                                     else '{"nodes": [], "edges": []}', encoding="utf-8")
    with pytest.raises(argmap.ArgmapError, match=message):
        MapFile.open(tmp_path / name)
