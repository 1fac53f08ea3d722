"""Markdown outline: numbering, role words, linked premises grouped, footnoted sources, escaping."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import argmap
from argmap.gallery.conscription import build_map
from argmap.outline import outline
from tests.formats.format_helpers import HOSTILE, hostile_map


def test_every_outline_item_is_one_numbered_line_with_its_role() -> None:
    m = build_map()
    text = argmap.dumps(m, "md")
    heads = re.findall(r"^( *)- \*\*([\d.]+) (\w+)\*\*", text, flags=re.M)
    items = outline(m)
    assert [(n, w) for _, n, w in heads] == [(i.number, i.word) for i in items]
    assert all(len(indent) == 2 * i.depth for (indent, _, _), i in zip(heads, items, strict=True))
    assert {w for _, _, w in heads} >= {"Thesis", "Reason", "Objection", "Rebuttal"}


def test_linked_premises_are_grouped_under_their_step() -> None:
    text = argmap.dumps(build_map(), "md")
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if "linked premises" in line)
    indent = len(lines[at]) - len(lines[at].lstrip())
    premises = [line for line in lines[at + 1:at + 3]]
    assert all(line.startswith(" " * (indent + 2) + "- ") and "**" not in line for line in premises)


def test_sources_become_footnotes_defined_once_each() -> None:
    m = build_map()
    text = argmap.dumps(m, "md")
    used = set(re.findall(r"\[\^(\d+)\](?!:)", text))
    defined = re.findall(r"^\[\^(\d+)\]: ", text, flags=re.M)
    assert used == set(defined) and len(defined) == len(set(defined))
    distinct = {s for c in m.claims for s in c.sources} | {s for i in m.inferences for s in i.sources}
    assert len(defined) == len(distinct)


def test_hostile_text_stays_text() -> None:
    text = argmap.dumps(hostile_map(), "md")
    assert not re.search(r"(?<!\\)<", text.split("\n[^")[0])  # no raw HTML can open
    assert not re.search(r"(?<!\\)\]\(javascript", text)  # no link can form
    assert "\\<script\\>" in text
    assert not re.search(r"^#{1,6} (?!Hostile)", text, flags=re.M)  # only the title is a heading
    assert HOSTILE.split()[0] not in text


def test_markdown_is_write_only(tmp_path: Path) -> None:
    argmap.dump(build_map(), tmp_path / "handout.md")
    assert (tmp_path / "handout.md").read_text("utf-8").startswith("# It")
    with pytest.raises(argmap.ArgmapError, match="cannot tell which format to read"):
        argmap.load(tmp_path / "handout.md")
    with pytest.raises(argmap.ArgmapError, match="written but not read"):
        argmap.loads("# x", "md")


def test_claims_no_thesis_leads_to_are_still_shown() -> None:
    m = argmap.ArgumentMap()
    thesis = m.claim("T")
    m.support(thesis, "R")
    a, b = m.claim("A goes round"), m.claim("B goes round")
    m.support(a, b)
    m.support(b, a)
    text = argmap.dumps(m, "md")
    assert all(c.text in text for c in m.claims)
    assert "- **2 Reason**: A goes round" in text
