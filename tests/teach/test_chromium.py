"""Worksheets and accessible maps open in a real browser (headless Chromium) without errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.teach.worksheet import make_worksheet, write_worksheet


def _open(browser: Any, path: Path) -> dict[str, Any]:
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(path.resolve().as_uri())
    info = page.evaluate("""() => {
        const root = document.documentElement;
        const box = root.getBBox ? root.getBBox() : {width: 0, height: 0};
        const title = root.querySelector(':scope > title');
        return {tag: root.tagName, parsererrors: document.getElementsByTagName('parsererror').length,
                role: root.getAttribute('role'), title: title ? title.textContent : null,
                width: box.width, height: box.height};
    }""")
    page.close()
    info["errors"] = errors
    return info  # type: ignore[no-any-return]


@pytest.mark.parametrize("variant", ["blanks", "objection", "sort"])
def test_worksheet_and_key_open_without_errors(browser: Any, any_map: argmap.ArgumentMap, variant: str,
                                                tmp_path: Path) -> None:
    ws = make_worksheet(any_map, variant=variant, seed=5)
    for path in write_worksheet(ws, tmp_path / "sheet.svg"):
        info = _open(browser, path)
        assert info["tag"] == "svg" and info["parsererrors"] == 0, info
        assert info["errors"] == []
        assert info["role"] == "img" and info["title"].startswith(("Worksheet:", "Answer key:"))
        assert info["width"] > 300 and info["height"] > 300


def test_map_with_question_prompts_opens_without_errors(browser: Any, any_map: argmap.ArgumentMap,
                                                         tmp_path: Path) -> None:
    path = argmap.render(any_map, tmp_path / "map.svg", questions=True)
    info = _open(browser, path)
    assert info["tag"] == "svg" and info["parsererrors"] == 0 and info["errors"] == []
    assert info["title"] == any_map.title
