"""A drawing whose every box and line is placed by argmap, for the engine only to draw.

Big maps are laid out by :mod:`argmap.drawing.tree_layout` in linear time; this module sizes
their boxes (:mod:`argmap.drawing.metrics`), places them, and writes the positions into the DOT:
``layout=nop2`` makes the engine keep them (Graphviz's "no layout" mode, positions in points),
each line gets its route as ``pos`` (arrowheads included), each linked-premise frame its ``bb``.
The DOT stays the same DOT otherwise: the same labels, colours, words and classes, so the SVG,
the accessibility pass and the page treat it like any other.

>>> spline([(0.0, 0.0), (0.0, 30.0)], 100.0, arrow=10.0)
'e,0.00,70.00 0.00,100.00 0.00,93.33 0.00,86.67 0.00,80.00'
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from argmap.drawing.boxes import Laid
from argmap.drawing.tree_layout import Placed

__all__ = ["spline", "spline_points", "Scene", "SceneNode", "SceneEdge", "SceneFrame", "arrow_length", "Pinned",
           "position_lines", "TREE_LAYOUT_FROM"]

#: Maps with more claims than this are laid out by argmap (``layout="auto"``), smaller ones by dot.
TREE_LAYOUT_FROM = 60


def arrow_length(arrowhead: str, penwidth: float) -> float:
    """How far an arrowhead reaches back from the box it points at (as the engine draws it).

    >>> arrow_length("none", 1.6), round(arrow_length("normal", 1.6), 2)
    (0.0, 12.29)
    """
    if arrowhead in ("none", ""):
        return 0.0
    if arrowhead == "tee":
        return 4.73
    return 10.0 + 1.432 * penwidth


def spline_points(points: Sequence[tuple[float, float]], *, arrow: float = 0.0,
                  ) -> tuple[list[tuple[float, float]], tuple[float, float] | None]:
    """A polyline as the control points of a piecewise straight Bezier spline, its last stretch
    left for the arrow (``arrow`` points long), and where the arrow ends (None without one)."""
    points = list(points)
    end = points[-1]
    if arrow > 0:
        (x0, y0), (x1, y1) = points[-2], points[-1]
        length = math.hypot(x1 - x0, y1 - y0)
        cut = min(arrow, length * 0.9) / length if length else 0.0
        points[-1] = (x1 - (x1 - x0) * cut, y1 - (y1 - y0) * cut)
    controls = [points[0]]
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        controls += [(x0 + (x1 - x0) / 3, y0 + (y1 - y0) / 3), (x0 + 2 * (x1 - x0) / 3, y0 + 2 * (y1 - y0) / 3),
                     (x1, y1)]
    return controls, (end if arrow > 0 else None)


def spline(points: Sequence[tuple[float, float]], height: float, *, arrow: float = 0.0) -> str:
    """A polyline (y down, points) as a DOT ``pos`` spline (y up), its last stretch left for the arrow."""
    controls, end = spline_points([(x, height - y) for x, y in points], arrow=arrow)
    text = " ".join(f"{x:.2f},{y:.2f}" for x, y in controls)
    return f"e,{end[0]:.2f},{end[1]:.2f} {text}" if end is not None else text


@dataclass(frozen=True)
class Pinned:
    """A placed drawing: the layout, and the DOT lines that pin it."""

    placed: Placed
    margin: float = 0.0

    def pos(self, name: str) -> str:
        x, y = self.placed.centre[name]
        return f"{x:.2f},{self.placed.height - y:.2f}"

    def edge_pos(self, tail: str, head: str, arrowhead: str, penwidth: float) -> str | None:
        route = self.placed.routes.get((tail, head))
        if route is None:
            return None
        return spline(route, self.placed.height, arrow=arrow_length(arrowhead, penwidth))


def position_lines(pinned: Pinned, names: Sequence[str], clusters: Mapping[str, str]) -> list[str]:
    """DOT statements giving every node its place and every frame (cluster) its box."""
    height = pinned.placed.height
    # Each statement on its own line, as the graphviz package writes its own (its body lines end
    # with a newline): one line of 3,000 positions is a line that grows with the map.
    lines = [f'\t{name} [pos="{pinned.pos(name)}"]\n' for name in names if name in pinned.placed.centre]
    for cluster, frame in clusters.items():
        box = pinned.placed.frames.get(frame)
        if box is not None:
            x0, y0, x1, y1 = box
            bb = f"{x0:.2f},{height - y1:.2f},{x1:.2f},{height - y0:.2f}"
            lines.append(f'\tsubgraph {cluster} {{ graph [bb="{bb}"] }}\n')
    return lines


class SceneNode(NamedTuple):
    """A placed box, as the SVG writer for pinned drawings (:mod:`argmap.drawing.pinned_svg`) draws it.

    ``kind`` is ``claim`` (a rounded table), ``step`` (a rounded box), ``stub`` (a dashed rounded
    table) or ``legend`` (a square table); ``left`` and ``top`` are its corner (points, y down);
    ``border`` the width of its outline, ``dash`` its SVG dash pattern.
    """

    name: str
    element: str
    classes: str
    kind: str
    left: float
    top: float
    laid: Laid
    stroke: str
    fill: str
    text_color: str
    border: float = 1.0
    dash: str | None = None
    href: str | None = None


class SceneEdge(NamedTuple):
    """A routed line: its ends (DOT names), SVG id and classes, look, and Bezier control points
    (y down, the arrow's stretch left off) with the arrow's tip (None: no arrowhead)."""

    tail: str
    head: str
    element: str
    classes: str
    color: str
    dash: str | None
    arrowhead: str
    penwidth: float
    points: tuple[tuple[float, float], ...]
    end: tuple[float, float] | None


class SceneFrame(NamedTuple):
    """A linked-premise frame: its cluster name, SVG id, box (x0, y0, x1, y1; y down) and colour."""

    name: str
    element: str
    box: tuple[float, float, float, float]
    color: str


@dataclass(frozen=True)
class Scene:
    """Everything of a pinned drawing, placed: boxes in the order the DOT declares them, lines in
    the DOT's order, frames, the title (laid out) and the background colour."""

    nodes: tuple[SceneNode, ...]
    edges: tuple[SceneEdge, ...]
    frames: tuple[SceneFrame, ...]
    title: Laid | None
    background: str
    graph_id: str = "argmap"
