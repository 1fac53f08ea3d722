"""Versions, undo and redo many levels deep, and saving: a change is saved before it counts, and
a failure leaves the map, the history and the file as they were."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.studio import open_session
from argmap.studio.session import HISTORY, Session, Stale
from argmap.studio.storage import FileChanged


def test_undo_and_redo_many_levels(tmp_path: Path) -> None:
    s = open_session(tmp_path / "lunch.json")
    assert s.map.title == "Lunch" and not (tmp_path / "lunch.json").exists()
    s.edit(0, "thesis", {"text": "T"})
    for k in range(30):
        s.edit(s.version, "reason", {"target": "t", "text": f"Reason {k}"})
    assert len(s.map.claims) == 31 and len(argmap.load(tmp_path / "lunch.json").claims) == 31
    for _ in range(25):
        assert s.undo(s.version).label == "add a reason"
    assert len(argmap.load(tmp_path / "lunch.json").claims) == 6
    for _ in range(10):
        s.redo(s.version)
    assert len(argmap.load(tmp_path / "lunch.json").claims) == 16
    s.edit(s.version, "objection", {"target": "t", "text": "No."})  # a new change ends the redo list
    assert not s.can_redo
    with pytest.raises(argmap.ArgmapError, match="nothing to redo"):
        s.redo(s.version)


def test_history_is_bounded() -> None:
    s = Session(argmap.ArgumentMap())
    s.edit(0, "thesis", {"text": "T"})
    for k in range(HISTORY + 20):
        s.edit(s.version, "update", {"node": "t", "fields": {"text": f"T {k}"}})
    undone = 0
    while s.can_undo:
        s.undo(s.version)
        undone += 1
    assert undone == HISTORY


def test_a_stale_version_is_refused(tmp_path: Path) -> None:
    s = open_session(tmp_path / "m.json")
    s.edit(0, "thesis", {"text": "T"})
    stale: object
    for stale in (0, 5, "1", None, True):
        with pytest.raises(Stale):
            s.edit(stale, "reason", {"target": "t", "text": "R"})
    assert len(s.map) == 1 and s.version == 1


def test_a_failed_save_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    s = open_session(path)
    s.edit(0, "thesis", {"text": "T"})
    path.unlink()
    path.mkdir()  # the file is a folder now: the save cannot happen
    with pytest.raises(argmap.ArgmapError, match="cannot read"):
        s.edit(1, "reason", {"target": "t", "text": "R"})
    assert s.version == 1 and len(s.map) == 1 and not s.can_redo and s.undo_label == "add the thesis"
    assert path.is_dir()


def test_a_file_changed_elsewhere_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    s = open_session(path)
    s.edit(0, "thesis", {"text": "T"})
    other = argmap.ArgumentMap()
    other.claim("Written by another program.", id="x")
    argmap.dump(other, path)  # another studio or an editor saves the file meanwhile
    with pytest.raises(FileChanged, match="changed by another program"):
        s.edit(1, "reason", {"target": "t", "text": "R"})
    assert argmap.load(path).claims[0].text == "Written by another program."
    change = s.adopt(1)  # take the file as it now is; undo goes back to ours
    assert [c.id for c in s.map.claims] == ["x"] and change.version == 2
    s.edit(2, "reason", {"target": "x", "text": "Now we may save again."})
    assert len(argmap.load(path).claims) == 2


def test_an_import_replaces_the_map_and_undo_brings_it_back() -> None:
    s = Session(argmap.ArgumentMap())
    s.edit(0, "thesis", {"text": "Mine"})
    other = argmap.loads("[Tea]: Tea is good.\n  + Tea is warm.", "argdown")
    s.replace(1, other, "import tea.argdown")
    assert {c.text for c in s.map.claims} == {"Tea is good.", "Tea is warm."}
    s.undo(2)
    assert [c.text for c in s.map.claims] == ["Mine"]
