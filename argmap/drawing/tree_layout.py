"""Lay a big map out as a tree in linear time: boxes in rows or in columns, a shape one can take in.

The layered engine (Graphviz's ``dot``) draws a tree as one row per level: a map of thousands of
claims becomes a strip hundreds of times wider than high, and takes minutes. Here each box's
subtree is a block, built bottom-up in one pass: a claim's reasons and objections sit either side
by side below it (a row, the look ``dot`` gives) or stacked below and to its right (a column, each
joined by its own lane of line), whichever keeps the block nearer a landscape page. The trees
(theses) are then packed in rows. Every box keeps its size; nothing is scaled down.

Siblings keep the map's order and a new claim comes last among its siblings, so adding one moves
only what comes after it (and the boxes above it, re-centred).

The input is plain geometry: names, sizes, which names hang under which, and which may stand in a
column; the output is each box's centre and each line's route, in points, y growing downwards.

>>> boxes = {"t": (100, 40), "s1": (60, 20), "r1": (100, 40), "s2": (60, 20), "r2": (100, 40)}
>>> kids = {"t": ["s1", "s2"], "s1": ["r1"], "s2": ["r2"]}
>>> placed = tree_layout(["t"], kids, boxes, columns={"t"})
>>> placed.centre["t"][1] < placed.centre["s1"][1] < placed.centre["r1"][1]
True
>>> placed.routes[("s1", "t")][-1][1] == placed.centre["t"][1] + 20  # ends on the thesis' bottom
True
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

__all__ = ["tree_layout", "Placed", "spanning_forest", "ASPECT"]

#: The shape aimed at: width / height of a block and of the whole map (a landscape page).
ASPECT = 1.6
#: The shape no drawing may pass (either way), when a few tries can avoid it; a little inside 3:1,
#: so that the title and margins the engine adds keep the picture within 3:1.
MOST_ELONGATED = 2.7

_SIBLING_GAP = 18.0  # between blocks side by side
_FRAMED_GAP = 14.0  # between linked premises in one frame
_BELOW_CLAIM = 26.0  # from a claim to the row of steps under it
_BELOW_STEP = 16.0  # from a step to the premises under it
_FRAME_MARGIN = 8.0  # a linked-premise frame around its boxes
_COLUMN_TOP = 22.0  # from a claim to the first block of its column
_COLUMN_GAP = 14.0  # between blocks of a column
_LANE_FIRST = 10.0  # from a claim's left side to its nearest lane
_LANE_INDENT = 18.0  # from the outermost lane to the column's blocks
_TREE_GAP = 48.0  # between trees packed in rows
_LEVEL_STEP = 6.0  # between the levels at which a row's lines turn towards their claim

Point = tuple[float, float]


@dataclass
class Placed:
    """Where everything goes: box centres, line routes (tail to head), frames and the whole size."""

    centre: dict[str, Point] = field(default_factory=dict)
    routes: dict[tuple[str, str], list[Point]] = field(default_factory=dict)
    frames: dict[str, tuple[float, float, float, float]] = field(default_factory=dict)
    width: float = 0.0
    height: float = 0.0


@dataclass
class _Block:
    width: float
    height: float
    root_left: float  # the root box's left side within the block (its top is the block's top)
    offsets: list[Point]  # each kid block's top-left within this block
    column: bool = False


def spanning_forest(names: Sequence[str], edges: Sequence[tuple[str, str]]) -> tuple[list[str], dict[str, list[str]]]:
    """Roots and kids of a spanning forest: an edge ``tail -> head`` hangs ``tail`` under ``head``.

    Roots are the names that point nowhere, in the given order; each name hangs under the first
    head that reaches it (breadth first from the roots), so shared premises and cycles are drawn
    once. Names no root reaches (a cycle with nothing above it) start trees of their own.

    >>> edges = [("s1", "t"), ("s2", "t"), ("a", "s1"), ("a", "s2"), ("b", "s2")]  # a: in two steps
    >>> spanning_forest(["t", "s1", "s2", "a", "b"], edges)
    (['t'], {'t': ['s1', 's2'], 's1': ['a'], 's2': ['b'], 'a': [], 'b': []})
    """
    under: dict[str, list[str]] = {name: [] for name in names}
    points_somewhere: set[str] = set()
    for tail, head in edges:
        if tail in under and head in under and tail != head:
            under[head].append(tail)
            points_somewhere.add(tail)
    roots: list[str] = []
    kids: dict[str, list[str]] = {name: [] for name in names}
    seen: set[str] = set()

    def grow(root: str) -> None:
        roots.append(root)
        seen.add(root)
        queue = [root]
        for node in queue:  # the list grows as it is read: breadth first
            for kid in under[node]:
                if kid not in seen:
                    seen.add(kid)
                    kids[node].append(kid)
                    queue.append(kid)

    for name in names:
        if name not in points_somewhere:
            grow(name)
    for name in names:
        if name not in seen:
            grow(name)
    return roots, kids


def _post_order(roots: Sequence[str], kids: Mapping[str, Sequence[str]]) -> list[str]:
    order: list[str] = []
    stack = list(reversed(roots))
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(reversed(kids.get(node, ())))
    order.reverse()  # every node after all of its kids
    return order


def _row(size: Point, kids: Sequence[str], blocks: Mapping[str, _Block], sizes: Mapping[str, Point],
         gap_below: float, sibling_gap: float, *, centred: bool) -> _Block:
    """Kids side by side below the root: the root above the first (a claim) or centred (a step)."""
    w, h = size
    x = 0.0
    lefts = []
    for kid in kids:
        lefts.append(x)
        x += blocks[kid].width + sibling_gap
    row = x - sibling_gap
    root_left = 0.0
    if centred:
        first, last = blocks[kids[0]], blocks[kids[-1]]
        centre = (lefts[0] + first.root_left + sizes[kids[0]][0] / 2 +
                  lefts[-1] + last.root_left + sizes[kids[-1]][0] / 2) / 2
        root_left = centre - w / 2
    else:
        gap_below += _LEVEL_STEP * (len(kids) - 1)  # room for the lines' levels (see _route)
    shift = max(0.0, -root_left)
    root_left += shift
    top = h + gap_below
    offsets = [(left + shift, top) for left in lefts]
    width = max(row + shift, root_left + w)
    height = top + max(blocks[kid].height for kid in kids)
    return _Block(width, height, root_left, offsets)


def _lane_step(width: float, count: int) -> float:
    return max(4.0, min(10.0, 0.5 * width / max(count, 1)))


def _column(size: Point, kids: Sequence[str], blocks: Mapping[str, _Block]) -> _Block:
    """Kids stacked below the root and to its right, each joined to the root by its own lane."""
    w, h = size
    indent = _LANE_FIRST + (len(kids) - 1) * _lane_step(w, len(kids)) + _LANE_INDENT
    y = h + _COLUMN_TOP
    offsets = []
    for kid in kids:
        offsets.append((indent, y))
        y += blocks[kid].height + _COLUMN_GAP
    width = max(w, indent + max(blocks[kid].width for kid in kids))
    return _Block(width, y - _COLUMN_GAP, 0.0, offsets, column=True)


def _misfit(width: float, height: float, aspect: float) -> float:
    """How far a shape is from the aimed-at aspect (0: exactly it), on a log scale."""
    return abs(math.log(max(width, 1.0) / max(height, 1.0) / aspect))


def _cost(block: _Block, aspect: float) -> float:
    """The area a block takes, made dearer the further its shape strays past twice the aimed-at one."""
    stray = max(0.0, _misfit(block.width, block.height, aspect) - math.log(2.0))
    return block.width * block.height * (1.0 + stray) ** 2


def _blocks(order: Sequence[str], kids: Mapping[str, Sequence[str]], sizes: Mapping[str, Point],
            columns: Collection[str], framed: Mapping[str, str], aspect: float) -> dict[str, _Block]:
    blocks: dict[str, _Block] = {}
    for node in order:
        under = kids.get(node, ())
        size = sizes[node]
        if not under:
            blocks[node] = _Block(size[0], size[1], 0.0, [])
            continue
        in_frame = any(kid in framed for kid in under)
        gap_below = (_BELOW_STEP + _FRAME_MARGIN) if in_frame else (_BELOW_CLAIM if node in columns else _BELOW_STEP)
        row = _row(size, under, blocks, sizes, gap_below, _FRAMED_GAP if in_frame else _SIBLING_GAP,
                   centred=node not in columns)
        if node in columns and len(under) > 1:
            column = _column(size, under, blocks)
            # The smaller block, unless it strays far from the aimed-at shape; a row on a tie.
            if _cost(column, aspect) < 0.95 * _cost(row, aspect):
                row = column
        blocks[node] = row
    return blocks


def _pack(roots: Sequence[str], blocks: Mapping[str, _Block], aspect: float) -> tuple[list[Point], float, float]:
    """Trees left to right in rows about as wide as a page of the aimed-at shape would be."""
    if not roots:  # an empty map
        return [], 0.0, 0.0
    area = sum((blocks[r].width + _TREE_GAP) * (blocks[r].height + _TREE_GAP) for r in roots)
    widest = max(blocks[r].width for r in roots)
    # Rounded up to a round number, so that one more claim seldom moves a tree to another row.
    target = max(widest, math.ceil(math.sqrt(area * aspect) / 500.0) * 500.0)
    spots: list[Point] = []
    x = y = row_height = width = 0.0
    for root in roots:
        block = blocks[root]
        if x > 0 and x + block.width > target:
            y += row_height + _TREE_GAP
            x = row_height = 0.0
        spots.append((x, y))
        x += block.width + _TREE_GAP
        width = max(width, x - _TREE_GAP)
        row_height = max(row_height, block.height)
    return spots, width, y + row_height


def tree_layout(roots: Sequence[str], kids: Mapping[str, Sequence[str]], sizes: Mapping[str, Point], *,
                columns: Collection[str] = (), frames: Mapping[str, Sequence[str]] | None = None,
                aspect: float = ASPECT, min_width: float = 0.0) -> Placed:
    """Place every box of the forest (``kids`` from :func:`spanning_forest`), in linear time.

    ``sizes`` are box widths and heights in points; ``columns`` the names whose kids may stand in
    a column (claims); ``frames`` names groups of kids (linked premises) to draw in one frame, by
    the frame's name; ``min_width`` is what the picture takes across whatever the boxes (its
    title), counted in its shape. A route runs from the kid (the line's tail) to the box it hangs
    under.
    """
    frames = frames or {}
    framed = {member: frame for frame, members in frames.items() for member in members}
    # Linked premises are laid out as tall as the tallest of them, so the frame clears their kids.
    padded = dict(sizes)
    for members in frames.values():
        tallest = max((sizes[m][1] for m in members if m in sizes), default=0.0)
        for member in members:
            if member in padded:
                padded[member] = (padded[member][0], tallest)
    order = _post_order(roots, kids)
    placed = Placed()
    best: tuple[float, dict[str, _Block], list[Point], float, float] | None = None
    for _attempt in range(6):
        blocks = _blocks(order, kids, padded, columns, framed, aspect)
        spots, width, height = _pack(roots, blocks, aspect)
        shape = max(width, min_width, 1.0) / max(height, 1.0)
        stray = abs(math.log(shape))
        if best is None or stray < best[0]:
            best = (stray, blocks, spots, width, height)
        if 1 / MOST_ELONGATED <= shape <= MOST_ELONGATED:
            break
        aspect *= ASPECT / shape  # lean the other way, and try again
    assert best is not None
    _stray, blocks, spots, width, height = best
    placed.width, placed.height = width, height
    _place(roots, spots, blocks, kids, sizes, placed)
    _route(order, kids, blocks, sizes, columns, placed)
    for frame, members in frames.items():
        boxes = [(placed.centre[m], sizes[m]) for m in members if m in placed.centre]
        if boxes:
            placed.frames[frame] = (min(c[0] - s[0] / 2 for c, s in boxes) - _FRAME_MARGIN,
                                    min(c[1] - s[1] / 2 for c, s in boxes) - _FRAME_MARGIN,
                                    max(c[0] + s[0] / 2 for c, s in boxes) + _FRAME_MARGIN,
                                    max(c[1] + s[1] / 2 for c, s in boxes) + _FRAME_MARGIN)
    return placed


def _place(roots: Sequence[str], spots: Sequence[Point], blocks: Mapping[str, _Block],
           kids: Mapping[str, Sequence[str]], sizes: Mapping[str, Point], placed: Placed) -> None:
    stack = [(root, spot) for root, spot in zip(roots, spots, strict=True)]
    while stack:
        node, (x, y) = stack.pop()
        block = blocks[node]
        w, h = sizes[node]
        placed.centre[node] = (x + block.root_left + w / 2, y + h / 2)
        for kid, (dx, dy) in zip(kids.get(node, ()), block.offsets, strict=True):
            stack.append((kid, (x + dx, y + dy)))


def _route(order: Sequence[str], kids: Mapping[str, Sequence[str]], blocks: Mapping[str, _Block],
           sizes: Mapping[str, Point], columns: Collection[str], placed: Placed) -> None:
    for node in order:
        under = kids.get(node, ())
        if not under:
            continue
        cx, cy = placed.centre[node]
        w, h = sizes[node]
        left, bottom = cx - w / 2, cy + h / 2
        tops = [(placed.centre[kid][0], placed.centre[kid][1] - sizes[kid][1] / 2) for kid in under]
        if blocks[node].column:
            # Up from the kid into the gap above its block, along the gap to the kid's own lane,
            # up the lane to the claim: no box is crossed, and no two lines cross.
            lane = _lane_step(w, len(under))
            for index, (kid, (kx, top)) in enumerate(zip(under, tops, strict=True)):
                gap = top - (_COLUMN_TOP if index == 0 else _COLUMN_GAP) / 2
                x = left + _LANE_FIRST + (len(under) - 1 - index) * lane
                placed.routes[(kid, node)] = [(kx, top), (kx, gap), (x, gap), (x, bottom)]
        elif node in columns:
            # A row under a claim: kids below the claim go straight up; the others turn at a
            # level of their own (the further right, the higher) towards lanes at the claim's
            # right end, so no two lines cross.
            right = left + w - min(8.0, w / 4)
            beyond = [i for i, (kx, _top) in enumerate(tops) if kx > right]
            # Lanes right of every straight line, so that no turning line crosses one.
            floor = max((kx for kx, _top in tops if kx <= right), default=left)
            lane = min(_lane_step(w, len(under)), (right - floor) / len(beyond)) if beyond else 0.0
            row_top = min(top for _kx, top in tops)
            for index, (kid, (kx, top)) in enumerate(zip(under, tops, strict=True)):
                if kx <= right:
                    placed.routes[(kid, node)] = [(kx, top), (kx, bottom)]
                    continue
                rank = beyond.index(index)
                x = right - (len(beyond) - 1 - rank) * lane
                level = row_top - _BELOW_CLAIM / 2 - rank * _LEVEL_STEP
                placed.routes[(kid, node)] = [(kx, top), (kx, level), (x, level), (x, bottom)]
        else:
            inset = min(8.0, w / 4)
            for kid, (kx, top) in zip(under, tops, strict=True):
                x = min(max(kx, left + inset), left + w - inset)
                placed.routes[(kid, node)] = [(kx, top), (x, bottom)]
