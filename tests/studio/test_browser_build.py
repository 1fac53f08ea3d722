"""Students build a map in the studio as they would: passages of the text become claims, undo
and redo, reload, export to Argdown and read it back. Real server, real Chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import argmap
from tests.studio.browser_helpers import click_outline, from_passage, version, wait_version
from tests.studio.conftest import ARTICLE

THESIS = "Our school should ban phones during lessons and breaks."
REASON = "Teachers say that pupils who check their phones in class remember less of the lesson."
OBJECTION = "Some parents worry that a ban would leave them unable to reach their children in an emergency."
REBUTTAL = "But every school office has a phone, and parents can call it at any time."
SECOND = "Others say that pupils must learn to manage their phones themselves."


def _roles(path: Path) -> dict[str, str]:
    m = argmap.load(path)
    return {c.text: c.role for c in m.claims}


def test_build_from_the_text_undo_redo_reload_export(serve: Any, studio_page: Any, tmp_path: Path) -> None:
    running = serve(None, name="phones.json", text=ARTICLE)
    watched = studio_page()
    page = watched.open(running.url)
    assert page.get_attribute("#st-tab-text", "aria-selected") == "true"

    from_passage(page, THESIS, "t")
    from_passage(page, REASON, "r")
    click_outline(page, THESIS)
    from_passage(page, OBJECTION, "o")
    from_passage(page, REBUTTAL, "b")  # the new objection is selected: the rebuttal answers it
    click_outline(page, THESIS)
    from_passage(page, SECOND, "o")

    # Saved as it was built: the roles, and each quote exactly the passage.
    m = argmap.load(running.path)
    assert {c.text: c.role for c in m.claims} == {
        THESIS: "thesis", REASON: "reason", OBJECTION: "objection", REBUTTAL: "rebuttal", SECOND: "objection"}
    assert all(c.sources[0].quote == c.text for c in m.claims)
    assert page.locator("#st-article mark.st-passage").count() == 5
    page.screenshot(path=str(tmp_path / "built.png"))

    # Undo twice (the second objection, then the rebuttal), redo once.
    v = version(page)
    page.keyboard.press("Control+z")
    v = wait_version(page, v)
    page.keyboard.press("Control+z")
    v = wait_version(page, v)
    assert set(_roles(running.path)) == {THESIS, REASON, OBJECTION}
    page.keyboard.press("Control+Shift+z")
    v = wait_version(page, v)
    assert _roles(running.path)[REBUTTAL] == "rebuttal" and SECOND not in _roles(running.path)

    # Reload: the map is as it was left.
    outline = page.locator("#st-outline [role=treeitem]").all_inner_texts()
    page.reload()
    page.wait_for_selector("#st-app[data-ready=ready]")
    assert page.locator("#st-outline [role=treeitem]").all_inner_texts() == outline
    assert version(page) == v

    # Export to Argdown; it reads back to the map on disk.
    page.select_option("#st-export-format", "argdown")
    with page.expect_download() as info:
        page.click("[data-action=export]")
    download = info.value
    exported = tmp_path / download.suggested_filename
    download.save_as(exported)
    assert exported.suffix == ".argdown"
    back = argmap.load(exported)
    assert {c.text: c.role for c in back.claims} == _roles(running.path)

    # Import a file from another tool in place of the map; Undo brings the map back.
    kialo = tmp_path / "tea.kialo.txt"
    kialo.write_text("Discussion Title: Tea\n\n1. Tea is good.\n1.1. Pro: Tea is warm.\n", encoding="utf-8")
    page.set_input_files("#st-import", str(kialo))
    v = wait_version(page, v)
    assert {c.text for c in argmap.load(running.path).claims} == {"Tea is good.", "Tea is warm."}
    page.keyboard.press("2")
    page.keyboard.press("Control+z")
    wait_version(page, v)
    assert THESIS in _roles(running.path)
    watched.assert_clean()
