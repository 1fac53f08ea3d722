"""Two tabs lose nothing (the one that is behind is told, not obeyed); the view holds steady
when the picture is redrawn; a branch moves by drag and drop; the op-ed's first branches are
built from the op-ed itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import argmap
from argmap.gallery import conscription
from tests.studio.browser_helpers import click_outline, from_passage, type_claim, version, wait_version


def _lunch() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap(title="Lunch")
    t = m.claim("We should eat out.", id="t")
    m.support(t, m.claim("The fridge is empty.", id="fridge"), id="s1")
    m.attack(t, m.claim("It costs too much.", id="cost"), id="a1")
    return m


def test_a_stale_tab_is_told_not_obeyed(serve: Any, studio_page: Any, tmp_path: Path) -> None:
    running = serve(_lunch())
    first, second = studio_page(), studio_page()
    a = first.open(running.url)
    b = second.open(running.url)
    a.keyboard.press("2")
    type_claim(a, "r", "Cooking takes too long.")         # tab A changes the map
    b.keyboard.press("2")
    b.keyboard.press("r")
    b.keyboard.type("A change from the tab that is behind.")
    b.keyboard.press("Enter")
    b.wait_for_selector("#st-alert:not([hidden])")
    assert "another tab" in b.inner_text("#st-alert-text")
    b.screenshot(path=str(tmp_path / "stale.png"))
    texts = {c.text for c in argmap.load(running.path).claims}
    assert "Cooking takes too long." in texts and "A change from the tab that is behind." not in texts
    before = version(b)
    b.click("#st-alert-buttons button:text('Reload the map')")
    wait_version(b, before)
    assert b.locator("#st-outline .st-row-label", has_text="Cooking takes too long.").count() == 1
    type_claim(b, "o", "Now the second tab is current.")  # and may change the map again
    assert "Now the second tab is current." in {c.text for c in argmap.load(running.path).claims}
    first.assert_clean()
    second.assert_clean(expected="status of 409 (Conflict)")


def _shape(page: Any, node: str) -> Any:
    """The node's own box on screen (its outline path, without the selection ring)."""
    return page.locator(f"#st-viewport g[data-node='{node}'] > path, #st-viewport g[data-node='{node}'] > polygon"
                        ).first.bounding_box()


def _zoom(page: Any) -> str:
    return str(page.evaluate("() => getComputedStyle(document.querySelector('.st-svg')).transform").split(",")[0])


def test_the_view_holds_steady_through_an_edit(serve: Any, studio_page: Any) -> None:
    running = serve("examples/conscription.json")
    watched = studio_page()
    page = watched.open(running.url)
    node = "germany-welcomes"
    page.locator(f"#st-viewport g[data-node='{node}']").click()
    # Zoom out around the middle: the claim stays in sight, away from the edges.
    page.keyboard.press("-")
    where, zoom = _shape(page, node), _zoom(page)
    area = page.locator("#st-viewport").bounding_box()

    # Editing the claim's text redraws the whole map: the claim stays where it was, at the same zoom.
    v = version(page)
    page.fill("#st-editor [data-field=text]",
              "Unlike the rest of Europe, Germany opens its doors to Russians who flee.")
    page.keyboard.press("Enter")
    wait_version(page, v)
    after = _shape(page, node)
    for axis, size in (("x", "width"), ("y", "height")):  # its middle stays put (its size may change)
        assert abs(after[axis] + after[size] / 2 - where[axis] - where[size] / 2) < 2
    assert _zoom(page) == zoom

    # Adding a reason: the same zoom; the view moves only as far as it must to show the new claim
    # in full, so the claim it answers stays in sight.
    type_claim(page, "r", "Germany has taken in Russian deserters before.")
    assert _zoom(page) == zoom
    new = page.locator("#st-viewport g[data-node^='germany-has-taken']").bounding_box()
    assert area["x"] <= new["x"] and new["x"] + new["width"] <= area["x"] + area["width"]
    assert area["y"] <= new["y"] and new["y"] + new["height"] <= area["y"] + area["height"]
    old = _shape(page, node)
    assert old["x"] + old["width"] > area["x"] and old["x"] < area["x"] + area["width"]
    assert page.input_value("#st-editor [data-field=text]") == "Germany has taken in Russian deserters before."
    watched.assert_clean()


def test_drag_a_branch_onto_another_claim(serve: Any, studio_page: Any) -> None:
    running = serve(_lunch())
    watched = studio_page()
    page = watched.open(running.url)
    page.click("[data-action=fit]")
    source = page.locator("#st-viewport g[data-node='cost']").bounding_box()
    target = page.locator("#st-viewport g[data-node='fridge']").bounding_box()
    v = version(page)
    page.mouse.move(source["x"] + source["width"] / 2, source["y"] + source["height"] / 2)
    page.mouse.down()
    page.mouse.move(target["x"] + target["width"] / 2, target["y"] + target["height"] / 2, steps=12)
    page.mouse.up()
    wait_version(page, v)
    m = argmap.load(running.path)
    assert m.inferences["a1"].target.id == "fridge"
    assert "Move a branch" in page.inner_text("#st-live")
    watched.assert_clean()


def test_the_op_eds_first_branches_from_the_op_ed(serve: Any, studio_page: Any, oped_text: str, tmp_path: Path) -> None:
    flagship = conscription.build_map()
    # The thesis and the first three branches the flagship's outline gives, with their quotes.
    thesis = flagship.thesis
    assert thesis is not None
    branches = [step for step in thesis.incoming][:3]
    running = serve(None, name="oped.json", text=oped_text)
    watched = studio_page(1400, 900)
    page = watched.open(running.url)

    quote = next(s.quote for s in thesis.sources if s.quote and s.quote in oped_text)
    from_passage(page, quote, "t")
    for step in branches:
        premise = step.premises[0]
        passage = next(s.quote for s in premise.sources if s.quote and s.quote in oped_text)
        click_outline(page, quote[:30])
        from_passage(page, passage, "r" if step.polarity == "support" else "o")
    built = argmap.load(running.path)
    assert len(built.claims) == 4
    roles = sorted(c.role for c in built.claims)
    assert roles == sorted(["thesis"] + [("reason" if s.polarity == "support" else "objection") for s in branches])
    assert all(c.sources[0].quote and c.sources[0].quote in oped_text for c in built.claims)
    assert page.locator("#st-article mark.st-passage").count() >= 4
    page.screenshot(path=str(tmp_path / "oped.png"))
    watched.assert_clean()
