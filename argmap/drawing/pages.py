"""A very large map as linked pages: an overview of the top levels and a page per branch.

Each page is a view (:func:`argmap.drawing.views.focus_view`) of at most about ``per_page``
claims: the overview shows the theses and as many levels as fit; every claim with more below it
gets a "+N more" stub that links to its branch's page, which shows that claim (under the claim it
bears on, which links back up) and as many levels as fit, and so on down. Pages are small, so each
is laid out quickly and has a shape a person can take in.

Files: the overview is ``NAME.svg`` (or ``.html``); branch pages sit beside it in ``NAME-pages/``,
named after the claim they show.

>>> import argmap
>>> m = argmap.ArgumentMap(title="Chain")
>>> node = m.claim("Claim 0", id="c0")
>>> for k in range(1, 30):
...     node = m.support(node, m.claim(f"Claim {k}", id=f"c{k}")).premises[0]
>>> pages = split_pages(m, per_page=10, name="chain.svg")
>>> [p.file for p in pages][:3]
['chain.svg', 'chain-pages/c9.svg', 'chain-pages/c18.svg']
>>> pages[0].view.stubs["c9"].href
'chain-pages/c9.svg'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from argmap.drawing.views import View, focus_view, hidden_counts, levels_below
from argmap.text import shorten

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["Page", "split_pages", "PER_PAGE"]

#: About how many claims one page shows (a page always shows at least one level).
PER_PAGE = 60


@dataclass(frozen=True)
class Page:
    """One page: its file (relative to the overview's folder), what it shows, and its parent page."""

    file: str
    view: View
    parent: str | None = None


def _depth_that_fits(m: ArgumentMap, root: str | None, per_page: int) -> int:
    """The most levels below ``root`` (None: the theses) whose claims number at most ``per_page``."""
    roots = [c.id for c in m.theses] if root is None else [root]
    level = levels_below(m, roots, most=per_page)
    counts: dict[int, int] = {}
    for node, lv in level.items():
        if m.graph.nodes[node].get("kind") == "claim":
            counts[lv] = counts.get(lv, 0) + 1
    total, depth = counts.get(0, 0), 0
    while depth + 1 in counts and (depth == 0 or total + counts[depth + 1] <= per_page):
        depth += 1
        total += counts[depth]
    return depth


def _key(claim: str, taken: set[str]) -> str:
    base = re.sub(r"[^A-Za-z0-9_-]+", "-", claim).strip("-")[:50] or "claim"
    key, n = base, 2
    while key.lower() in taken:
        key, n = f"{base}-{n}", n + 1
    taken.add(key.lower())
    return key


def split_pages(m: ArgumentMap, *, per_page: int = PER_PAGE, name: str = "map.svg") -> list[Page]:
    """The map as linked pages of about ``per_page`` claims, the overview (``name``) first."""
    path = PurePosixPath(name)
    folder = f"{path.stem.split('.')[0]}-pages"
    suffix = path.suffix or ".svg"
    roles = {c.id: c.role for c in m.claims}
    counts = hidden_counts(m, roles)
    taken: set[str] = set()
    pages: list[Page] = []
    queue: list[tuple[str | None, str, str | None]] = [(None, path.name, None)]  # root, file, parent file
    for root, file, parent in queue:  # grows while read
        depth = _depth_that_fits(m, root, per_page)
        view = focus_view(m, root, depth, up=root is not None and 1, roles=roles, counts=counts)
        # A branch too small for a page of its own is drawn whole here, while the page stays
        # within half as much again as it should hold.
        room = per_page * 3 // 2 - len(view.map.claims)
        whole = []
        for claim_id, stub in view.stubs.items():
            if stub.hidden <= max(2, per_page // 10) and stub.hidden <= room:
                whole.append(claim_id)
                room -= stub.hidden
        if whole:
            view = focus_view(m, root, depth, up=root is not None and 1, roles=roles, counts=counts, whole=whole)
        here = PurePosixPath(file).parent
        links: dict[str, str] = {}
        if root is not None and parent is not None:
            below = levels_below(view.map, [root])
            up = _relative(parent, here)
            for claim in view.map.claims:
                if claim.id not in below:
                    links[claim.id] = up
        stubs = {}
        for claim_id, stub in view.stubs.items():
            if claim_id in links:
                continue  # the claim above a branch links back up; its other branches are elsewhere
            target = f"{folder}/{_key(claim_id, taken)}{suffix}"
            queue.append((claim_id, target, file))
            stubs[claim_id] = replace(stub, href=_relative(target, here))
        if root is not None:
            view.map.title = f"{m.title or 'Argument map'}: {shorten(m.graph.nodes[root]['text'], 40)}"
        pages.append(Page(file, replace(view, stubs=stubs, links=links), parent))
    return pages


def _relative(target: str, here: PurePosixPath) -> str:
    """``target`` (relative to the overview's folder) as seen from the folder ``here``."""
    parts = PurePosixPath(target).parts
    depth = len(here.parts) if str(here) != "." else 0
    if depth and parts[:depth] == here.parts:
        return str(PurePosixPath(*parts[depth:]))
    return "../" * depth + target
