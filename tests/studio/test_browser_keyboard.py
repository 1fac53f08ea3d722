"""The studio without a mouse: every action from the keyboard, on the map and in the outline (the
accessible editor: an ARIA tree, with a live region that says what changed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import argmap
from tests.studio.browser_helpers import selected_text, type_claim, version, wait_version


def _map(path: Path) -> argmap.ArgumentMap:
    return argmap.load(path)


def test_keyboard_only_building(serve: Any, studio_page: Any, tmp_path: Path) -> None:
    running = serve(None, name="lunch.json")
    watched = studio_page()
    page = watched.open(running.url)
    assert page.is_visible("#st-empty")

    type_claim(page, "t", "We should eat out tonight.")
    assert "Add the thesis" in page.inner_text("#st-live")
    type_claim(page, "r", "The fridge is empty.")
    type_claim(page, "p", "Shopping would take an hour.")          # a co-premise: linked
    type_claim(page, "u", "We have frozen pizza.")                   # attacks the step, not the claim
    page.keyboard.press("2")                                         # the map
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert selected_text(page) == "We should eat out tonight."
    type_claim(page, "o", "Eating out costs too much.")
    type_claim(page, "b", "Tuesday specials are cheap.")             # answers the objection

    m = _map(running.path)
    roles = {c.text: c.role for c in m.claims}
    assert roles == {"We should eat out tonight.": "thesis", "The fridge is empty.": "reason",
                     "Shopping would take an hour.": "reason", "We have frozen pizza.": "objection",
                     "Eating out costs too much.": "objection", "Tuesday specials are cheap.": "rebuttal"}
    linked = [i for i in m.inferences if i.linked]
    assert len(linked) == 1
    assert {p.text for p in linked[0].premises} == {"The fridge is empty.", "Shopping would take an hour."}
    undercut = next(i for i in m.inferences if i.role == "undercut")
    assert undercut.premise.text == "We have frozen pizza." and undercut.target.id == linked[0].id

    # Edit the selected claim's text: E, type, Enter saves; the change is announced.
    v = version(page)
    page.keyboard.press("e")
    page.keyboard.press("Control+a")
    page.keyboard.type("Tuesday specials are cheap, under ten euros.")
    page.keyboard.press("Enter")
    v = wait_version(page, v)
    assert "Tuesday specials are cheap, under ten euros." in {c.text for c in _map(running.path).claims}
    # Escape leaves the field; back on the map, Delete removes the rebuttal; Ctrl+Z brings it back.
    page.keyboard.press("2")
    page.keyboard.press("Delete")
    v = wait_version(page, v)
    assert len(_map(running.path).claims) == 5
    assert "Delete a claim" in page.inner_text("#st-live")
    page.keyboard.press("Control+z")
    v = wait_version(page, v)
    assert len(_map(running.path).claims) == 6
    page.keyboard.press("Control+y")
    v = wait_version(page, v)
    page.keyboard.press("Control+z")
    v = wait_version(page, v)

    # The help lists every action's key.
    page.keyboard.press("?")
    assert page.is_visible("#st-help")
    keys = page.inner_text("#st-keys")
    for word in ("Add a reason", "co-premise", "undercut", "Move the selected branch", "Undo", "Redo", "Evaluate"):
        assert word in keys
    page.keyboard.press("Escape")
    assert page.is_hidden("#st-help")
    page.screenshot(path=str(tmp_path / "keyboard.png"))
    watched.assert_clean()


def test_the_outline_is_an_accessible_editor(serve: Any, studio_page: Any) -> None:
    m = argmap.ArgumentMap(title="Lunch")
    t = m.claim("We should eat out.", id="t")
    m.support(t, m.claim("The fridge is empty.", id="fridge"), id="s1")
    o = m.attack(t, m.claim("It costs too much.", id="cost"), id="a1")
    m.attack(o, m.claim("Specials are cheap.", id="cheap"), id="r1")
    running = serve(m)
    watched = studio_page()
    page = watched.open(running.url)

    tree = page.locator("#st-outline")
    assert tree.get_attribute("role") == "tree"
    items = page.locator("#st-outline [role=treeitem]")
    assert items.count() == 4
    assert [items.nth(k).get_attribute("aria-level") for k in range(4)] == ["1", "2", "2", "3"]
    assert items.first.get_attribute("aria-expanded") == "true"
    # Every item is named by its own label, not its children's.
    label = page.locator("#" + items.first.get_attribute("aria-labelledby"))
    assert label.inner_text().startswith("1 Thesis: We should eat out.")

    page.keyboard.press("1")  # go to the outline
    focused = page.evaluate("() => document.activeElement.getAttribute('role')")
    assert focused == "treeitem"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.dataset.node") == "cost"
    assert page.locator("#st-outline [aria-selected=true]").count() == 1
    # Left folds an open item, then goes to its parent; Right unfolds; End goes to the last shown.
    page.keyboard.press("ArrowLeft")
    assert items.nth(2).get_attribute("aria-expanded") == "false"
    page.keyboard.press("End")
    assert page.evaluate("() => document.activeElement.dataset.node") == "cost"  # its rebuttal is folded away
    page.keyboard.press("ArrowRight")
    assert items.nth(2).get_attribute("aria-expanded") == "true"
    page.keyboard.press("End")
    assert page.evaluate("() => document.activeElement.dataset.node") == "cheap"
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("() => document.activeElement.dataset.node") == "cost"
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("() => document.activeElement.dataset.node") == "t"
    page.keyboard.press("ArrowLeft")
    assert items.first.get_attribute("aria-expanded") == "false"
    page.keyboard.press("ArrowRight")
    assert items.first.get_attribute("aria-expanded") == "true"
    page.keyboard.press("End")

    # Add a reason from the outline: the focus comes back to the outline, on the new claim.
    v = type_claim(page, "r", "They are cheap because of the happy hour.")
    assert page.evaluate("() => document.activeElement.getAttribute('role')") == "treeitem"
    assert "happy hour" in page.evaluate("() => document.activeElement.innerText")
    live = page.inner_text("#st-live")
    assert "Add a reason" in live and "happy hour" in live
    # Move it with M: choose the thesis with the arrow keys in the outline, Enter.
    page.keyboard.press("m")
    assert page.is_visible("#st-moving")
    page.keyboard.press("Home")
    page.keyboard.press("Enter")
    wait_version(page, v)
    m2 = argmap.load(running.path)
    moved = next(c for c in m2.claims if "happy hour" in c.text)
    assert moved.inferences[0].target.id == "t"

    # V evaluates: the picture says which claims stand, in words; the editor says it too.
    page.keyboard.press("2")
    page.keyboard.press("v")
    page.wait_for_function("() => document.querySelector('.st-svg').textContent.includes('ACCEPTED')")
    assert page.input_value("#st-evaluation") == "grounded"
    assert "Evaluation:" in page.inner_text("#st-editor")
    watched.assert_clean()
