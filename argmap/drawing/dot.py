"""Build the DOT source of a map (the language side; running the engine lives in ``engine``).

Every piece of map text goes through :mod:`argmap.drawing.labels` into an HTML-like label that
we build ourselves, so no text can close a quote, start an HTML label, or smuggle a ``\\l``
escape: it is drawn as the characters it is. Node names in the DOT source are internal (``n1``, ``n2``, ...);
the map's ids appear only as escaped ``id`` attributes, which Graphviz writes to the SVG.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, cast

import graphviz

from argmap.drawing.boxes import (
    BOLD,
    STEP_HEIGHT,
    STEP_MARGIN,
    ClaimBox,
    Laid,
    StepBox,
    claim_box,
    lay_claim,
    lay_legend,
    lay_step,
    lay_stub,
    lay_title,
    legend_rows,
    step_box,
)
from argmap.drawing.engine import engine_found
from argmap.drawing.labels import attr_text, html_text, svg_id
from argmap.drawing.metrics import Metrics, measure
from argmap.drawing.options import DrawingOptions, Prompts
from argmap.drawing.pinned import (
    TREE_LAYOUT_FROM,
    Pinned,
    Scene,
    SceneEdge,
    SceneFrame,
    SceneNode,
    arrow_length,
    position_lines,
    spline_points,
)
from argmap.drawing.prompts import add_prompt, prompt_id, prompt_label
from argmap.drawing.themes import RelationStyle, Theme, get_theme
from argmap.drawing.tree_layout import spanning_forest, tree_layout
from argmap.errors import ArgmapError
from argmap.model import answers_back, node_roles
from argmap.text import STATUS_WORDS

if TYPE_CHECKING:
    from argmap.drawing.views import Stub, View
    from argmap.model import ArgumentMap, Claim, Inference

__all__ = ["build_dot", "Drawing", "DrawnPart", "DrawnEdge", "evaluation_marks", "EVALUATION_WORDS", "Layout",
           "LAYOUTS", "claim_heading", "claim_credit", "legend_table"]

#: Who places the boxes: the engine's layered layout, argmap's tree layout, or by the map's size.
Layout = Literal["auto", "dot", "tree"]
LAYOUTS: tuple[Layout, ...] = ("auto", "dot", "tree")


def claim_heading(claim: Claim, theme: Theme, role: str | None = None) -> str:
    """The small heading of a claim's box: its role in capitals (and "(implicit)")."""
    return theme.roles[role or claim.role].heading + (" (implicit)" if claim.implicit else "")


def claim_credit(claim: Claim) -> str | None:
    """The source line of a claim's box (``- author, outlet (+1 more)``), or None."""
    sources = [s.short() for s in claim.sources if s.short()]
    if not sources:
        return None
    return "- " + sources[0] + (f" (+{len(sources) - 1} more)" if len(sources) > 1 else "")


def _lines(lines: Sequence[str]) -> str:
    """Escaped lines for a label, centred."""
    return '<br align="center"/>'.join(html_text(line) for line in lines)


def _claim_label(box: ClaimBox, theme: Theme) -> str:
    rows = []
    title = f'<font point-size="{theme.small}" color="{theme.muted}">{html_text(box.heading)}</font>'
    if box.label:
        title += f'  <b>{_lines(box.label)}</b>'
    rows.append(f'<tr><td align="left" balign="left">{title}</td></tr>')
    rows.append(f"<tr><td>{_lines(box.text)}</td></tr>")
    if box.credit:
        rows.append(
            f'<tr><td><font point-size="{theme.small}" color="{theme.muted}"><i>'
            f"{_lines(box.credit)}"
            "</i></font></td></tr>"
        )
    if box.badge:
        rows.append(f'<tr><td><font point-size="{theme.small}"><b>{html_text(box.badge)}</b></font></td></tr>')
    style = "rounded,dashed" if box.dashed else "rounded"
    return (
        f'<<table border="{box.border}" cellborder="0" cellspacing="0" cellpadding="4" '
        f'style="{style}" color="{box.color}" bgcolor="{box.fill}">'
        + "".join(rows)
        + "</table>>"
    )


# -- DOT statements, written fast ----------------------------------------------------------------
# The same text as graphviz.Digraph.node/edge (label first, the rest sorted, quoted as
# graphviz.quoting.quote quotes), without calling quote for the values that need no work: on a
# map of thousands of claims quote was half the time of building the DOT.
_PLAIN_ID = graphviz.quoting.ID.match
_KEYWORDS = graphviz.quoting.KEYWORDS


def _quote(value: str) -> str:
    if value.startswith("<"):
        if value.endswith(">") and not isinstance(value, graphviz.quoting.NoHtml):
            return value  # an HTML-like label: quote returns it as it is
        return cast(str, graphviz.quoting.quote(value))
    if _PLAIN_ID(value) and value.lower() not in _KEYWORDS:
        return value  # a name or number: no quotes needed
    if '"' in value or "\\" in value:  # quotes to escape, backslashes to warn about
        return cast(str, graphviz.quoting.quote(value))
    return f'"{value}"'


#: ``key=value`` as written, for the pairs that repeat (colours, shapes, classes); not for the
#: values every box has its own of.
_PAIRS: dict[tuple[str, str, type], str] = {}
_UNIQUE = frozenset({"label", "id", "pos", "href"})


def _attr_list(attrs: Mapping[str, str]) -> str:
    label = attrs.get("label")
    items = [f"label={_quote(label)}"] if label is not None else []
    for key in sorted(attrs):
        value = attrs[key]
        if value is None or key == "label":
            continue
        pair = (key, value, type(value))  # a NoHtml "<...>" is quoted, a str "<...>" is not
        text = _PAIRS.get(pair)
        if text is None:
            text = f"{_quote(key)}={_quote(value)}"
            if key not in _UNIQUE and len(_PAIRS) < 10_000:
                _PAIRS[pair] = text
        items.append(text)
    return f" [{' '.join(items)}]" if items else ""


def _node(graph: graphviz.Digraph, name: str, **attrs: str) -> None:
    graph.body.append(f"\t{_quote(name)}{_attr_list(attrs)}\n")


def _edge(graph: graphviz.Digraph, tail: str, head: str, **attrs: str) -> None:
    graph.body.append(f"\t{_quote(tail)} -> {_quote(head)}{_attr_list(attrs)}\n")


def _schemes(inf: Inference, names: Sequence[str] | None = None) -> list[str]:
    """The scheme names drawn under a step's word: ``names`` when given (plain words), else its
    scheme and further schemes (see docs/schemes.md), each once."""
    extra = inf.data.get("schemes")
    schemes = list(names) if names is not None else [inf.scheme, *(extra if isinstance(extra, list) else [extra])]
    return list(dict.fromkeys(str(s) for s in schemes if s))


def _inference_label(box: StepBox, theme: Theme) -> str:
    parts = [f"<b>{html_text(box.word)}</b>"]
    if box.label:
        parts.append(_lines(box.label))
    for scheme in box.schemes:
        parts.append(f'<font point-size="{theme.small}"><i>{html_text(scheme)}</i></font>')
    if box.badge:
        parts.append(f'<font point-size="{theme.small}"><b>{html_text(box.badge)}</b></font>')
    return "<" + "<br/>".join(parts) + ">"


def _stub_edge(theme: Theme) -> dict[str, str]:
    return {"style": "dotted", "color": theme.muted, "penwidth": "1.2", "class": "stub"}


def _stub_label(text: str, theme: Theme) -> str:
    """A dashed box saying what a view hides under a claim."""
    return (f'<<table border="1" cellborder="0" cellspacing="0" cellpadding="4" style="dashed,rounded" '
            f'color="{theme.muted}" bgcolor="{theme.background}"><tr><td>'
            f'<font point-size="{theme.small + 1}" color="{theme.muted}">{html_text(text)}</font>'
            "</td></tr></table>>")


def legend_table(theme: Theme) -> str:
    """The legend ("How to read this map") as a Graphviz HTML table, for a label of its own or a
    cell of another table (a worksheet's heading).

    >>> legend_table(get_theme("print")).startswith("<table")
    True
    """
    def cell(run: tuple[str, float, int, str | None]) -> str:
        text, _size, style, color = run
        content = f"<b>{html_text(text)}</b>" if style & BOLD else html_text(text)
        if color:
            content = f'<font color="{color}">{content}</font>'
        return f'<td align="left"><font point-size="{theme.small + 1}">{content}</font></td>'

    rows = [f"<tr>{cell(first)}{cell(second)}</tr>" for first, second in legend_rows(theme)]
    return (
        f'<table border="1" cellborder="0" cellspacing="0" cellpadding="3" color="{theme.muted}" '
        f'bgcolor="white">' + "".join(rows) + "</table>"
    )


#: Evaluation labels in words (never colour alone) and the border that goes with them.
EVALUATION_WORDS = {label: f"{word.upper()} ({label})" for label, word in STATUS_WORDS.items()}
_EVALUATION_BORDER = {"in": "3", "out": "1", "undec": "1"}
_EVALUATION_STYLE = {"in": "bold", "out": "dotted", "undec": "dashed"}


def evaluation_marks(
    evaluation: Mapping[str, Any], badges: Mapping[str, str], node_styles: Mapping[str, Mapping[str, str]]
) -> tuple[dict[str, str], dict[str, dict[str, str]], dict[str, str]]:
    """Badges, node styles and claim-border widths showing an evaluation on the map.

    A label (``in``/``out``/``undec``) becomes a word badge such as ``ACCEPTED (in)`` and a
    border (thick, dotted, dashed); a strength becomes ``STRENGTH 0.72``. Existing badges come
    first, on their own line.

    >>> b, styles, borders = evaluation_marks({"t": "in", "o": 0.25}, {}, {})
    >>> b
    {'t': 'ACCEPTED (in)', 'o': 'STRENGTH 0.25'}
    >>> styles["t"], borders["t"]
    ({'style': 'rounded,filled,bold', 'penwidth': '2.5'}, '3')
    """
    out_badges = dict(badges)
    out_styles = {k: dict(v) for k, v in node_styles.items()}
    borders: dict[str, str] = {}
    for node, value in evaluation.items():
        if isinstance(value, str):
            word = EVALUATION_WORDS.get(value, value.upper())
            borders[node] = _EVALUATION_BORDER.get(value, "1")
            style = {"style": "rounded,filled," + _EVALUATION_STYLE.get(value, "solid")}
            if value == "in":
                style["penwidth"] = "2.5"
            out_styles[node] = {**style, **out_styles.get(node, {})}
        else:
            word = f"STRENGTH {float(value):.2f}"
        out_badges[node] = f"{badges[node]} | {word}" if node in badges else word
    return out_badges, out_styles, borders


@dataclass(frozen=True)
class DrawnPart:
    """What an element of the drawing (by its SVG ``id``) stands for.

    ``kind`` is ``node`` (a claim or a step: ``node`` is its map id), ``prompt`` (a step's open
    questions: ``node`` is the step), ``linked`` (the frame of a step's linked premises),
    ``section`` (a group of claims), ``stub`` (what a view hides under the claim ``node``, in
    words as ``text``) or ``legend``. ``name`` is the element's DOT name.
    """

    kind: str
    name: str
    node: str | None = None
    text: str | None = None  # a stub's words (``+12 more: ...``)


@dataclass(frozen=True)
class DrawnEdge:
    """One arrow or line of the drawing, between two drawn nodes.

    ``tail`` and ``head`` are map ids (a prompt's line joins its step to itself), ``tail_name``
    and ``head_name`` the DOT names of the drawn ends; ``id`` is the edge's SVG id when the drawing
    was asked for edge ids (``am-edge-N``, N its statement's position in the DOT body).
    """

    tail: str
    head: str
    tail_name: str
    head_name: str
    id: str


@dataclass(frozen=True)
class Drawing:
    """A map drawn as DOT, with the keys to what every drawn element stands for.

    ``digraph`` is the DOT (a ``graphviz.Digraph``, from ``dot``: the digraph, or what writes it);
    ``names`` maps map ids to DOT node names;
    ``parts`` maps the SVG id of every node and frame to what it stands for; ``edges`` maps each
    edge's Graphviz title (``tail->head`` in DOT names, as the engine writes it) to the edge. Later
    steps look names up here instead of reading them back out of the DOT or the SVG.
    ``positions`` are the centres of the boxes (by DOT name, in points, y down) when argmap laid
    the map out itself (``layout="tree"``), else empty: the engine places them. ``roles`` are the
    drawn map's :func:`~argmap.model.node_roles` (its own, not a view's), worked out once.
    ``scene`` is the whole picture placed (boxes, text, lines) when argmap laid it out and can
    draw it without the engine (:mod:`argmap.drawing.pinned_svg`): no prompt boxes, no graph
    attributes or node styles it does not know.
    """

    dot: graphviz.Digraph | Callable[[], graphviz.Digraph] = field(repr=False)
    theme: Theme
    names: Mapping[str, str]
    parts: Mapping[str, DrawnPart]
    edges: Mapping[str, DrawnEdge]
    positions: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    roles: Mapping[str, str] = field(default_factory=dict)
    scene: Scene | None = None

    @property
    def digraph(self) -> graphviz.Digraph:
        """The DOT as a ``graphviz.Digraph`` (written on first use when the drawing needs no engine)."""
        if not isinstance(self.dot, graphviz.Digraph):
            object.__setattr__(self, "dot", self.dot())
        return cast(graphviz.Digraph, self.dot)

    @property
    def source(self) -> str:
        """The DOT source text."""
        return str(self.digraph.source)


def build_dot(
    m: ArgumentMap,
    theme: str | Theme = "default",
    options: DrawingOptions | None = None,
    *,
    prompts: Prompts | None = None,
    edge_ids: bool = False,
    graph_attrs: Mapping[str, str] | None = None,
    layout: Layout = "auto",
    view: View | None = None,
) -> Drawing:
    """The map as DOT: thesis on top, arrows pointing to what they bear on.

    ``options`` (:class:`~argmap.drawing.options.DrawingOptions`) add the legend, badges, node
    styles and an evaluation (each node's status in words and by its border,
    :func:`evaluation_marks`). ``prompts`` are the open critical questions to draw beside their
    steps as dashed boxes (data, see :func:`argmap.analysis.questions.step_prompts`).
    ``edge_ids`` gives every edge between map nodes an SVG id; ``graph_attrs`` are graph
    attributes set last (a worksheet's heading, say).

    ``layout`` says who places the boxes: ``"dot"`` (the engine's layered layout), ``"tree"``
    (argmap's own, :mod:`argmap.drawing.tree_layout`: linear time, wide fan-outs in columns, a
    shape near a landscape page; the DOT then carries every position) or ``"auto"``: the tree
    layout for maps of more than :data:`~argmap.drawing.pinned.TREE_LAYOUT_FROM` claims.

    ``view`` (:func:`~argmap.drawing.views.focus_view`, whose ``map`` is ``m``) gives the claims
    their roles in the whole map, a "+N more" stub under each claim with hidden branches, and links.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(title="Demo")
    >>> _ = m.support(m.claim("T", id="t"), "R")
    >>> drawing = build_dot(m)
    >>> 'id="am-t"' in drawing.source and "because" in drawing.source
    True
    >>> drawing.names["t"], drawing.parts["am-t"].node
    ('n1', 't')
    """
    th = get_theme(theme)
    opts = options or DrawingOptions()
    if layout not in LAYOUTS:
        raise ArgmapError(f"unknown layout {layout!r}; layouts: {', '.join(LAYOUTS)}")
    # The tree layout measures text with the engine: without one, DOT output stays layered.
    # m.claims and m.inferences scan the graph each time: once here.
    claims, inferences = list(m.claims), list(m.inferences)
    tree = layout == "tree" or (layout == "auto" and len(claims) > TREE_LAYOUT_FROM and engine_found())
    badges: Mapping[str, str] = opts.badges
    node_styles: Mapping[str, Mapping[str, str]] = opts.node_styles
    borders: dict[str, str] = {}
    claim_styles = node_styles  # a claim is an HTML table: its evaluation border goes in the label
    if opts.evaluation is not None:
        badges, node_styles, borders = evaluation_marks(opts.evaluation, badges, node_styles)
    # First what is drawn (names, parts, boxes, places); the DOT text is written after, by
    # ``write``: at once, or only when asked for when the drawing needs no engine (a big map
    # drawn straight to SVG spends no time on a DOT nobody reads).
    writing: list[Callable[[graphviz.Digraph], None]] = []
    ids_written: dict[tuple[str, str], str] = {}  # (tail, head) DOT names -> the edge's SVG id

    def header(dot: graphviz.Digraph) -> None:
        dot.attr("graph", rankdir="BT", newrank="true", nodesep="0.35", ranksep="0.45", fontname=th.fontname,
                 fontsize=str(th.fontsize), bgcolor=th.background, pad="0.3", labelloc="t", labeljust="c",
                 id="argmap")
        if m.title:
            dot.attr("graph", label=f'<<b><font point-size="{th.title_size}">{html_text(m.title)}</font></b>>')
        dot.attr("node", fontname=th.fontname, fontsize=str(th.fontsize), fontcolor=th.text_color,
                 margin="0.05")
        dot.attr("edge", fontname=th.fontname, fontsize=str(th.small), penwidth=str(th.penwidth))

    writing.append(header)

    # Claims first, then inferences: the DOT (so the picture) does not depend on how the two
    # kinds were interleaved while building, so a map read back from a file draws the same.
    ordered = [c.id for c in claims] + [i.id for i in inferences]
    names = {node: f"n{i}" for i, node in enumerate(ordered, start=1)}
    parts = {svg_id(node): DrawnPart("node", names[node], node) for node in ordered}
    edges: dict[str, DrawnEdge] = {}
    claim_attrs: dict[str, dict[str, str]] = {}
    # Roles are derived from the graph each time they are asked for: ask once.
    map_roles = node_roles(m)
    roles = {claim.id: (view.roles.get(claim.id) if view else None) or map_roles[claim.id] for claim in claims}
    links = view.links if view else {}
    step_roles = {inf.id: map_roles[inf.id] for inf in inferences}
    scheme_names: Mapping[str, Sequence[str]] = opts.scheme_names or {}
    # Each box's text is needed twice on a big map (its label, its size): gather it once.
    claim_boxes = {claim.id: _claim_box(claim, th, roles[claim.id], badges.get(claim.id), borders.get(claim.id))
                   for claim in claims}
    step_boxes = {inf.id: step_box(th, th.relations[step_roles[inf.id]].word, inf.label,
                                   _schemes(inf, scheme_names.get(inf.id)), badges.get(inf.id)) for inf in inferences}
    # DOT names in the order the DOT declares them (the order the engine draws them in).
    declared: list[str] = []
    for claim in claims:
        claim_attrs[claim.id] = {
            "shape": "plain",
            "id": attr_text(svg_id(claim.id)),
            "class": attr_text(f"claim {roles[claim.id]}" + (" implicit" if claim.implicit else "")),
            **({"href": attr_text(links[claim.id])} if claim.id in links else {}),
            **claim_styles.get(claim.id, {}),
        }

    def claim_node(target: graphviz.Digraph, claim_id: str) -> None:
        # Node styles come last: a worksheet's blanks replace the label.
        _node(target, names[claim_id], **{"label": _claim_label(claim_boxes[claim_id], th), **claim_attrs[claim_id]})

    # Linked co-premises share a bracket (a cluster); a claim can sit in one bracket only.
    bracket_of: dict[str, str] = {}
    brackets: list[tuple[str, list[str], str]] = []
    for inf in inferences:
        premises = [p.id for p in inf.premises]
        if len(premises) > 1 and not any(p in bracket_of for p in premises):
            for p in premises:
                bracket_of[p] = inf.id
            brackets.append((inf.id, premises, th.relations[step_roles[inf.id]].color))

    # Sections are frames the layered layout keeps together; the tree layout places by the
    # argument alone, so a section's claims may lie apart: it draws no section frames.
    groups: dict[str | None, list[str]] = {}
    for claim in claims:
        if claim.id not in bracket_of:
            groups.setdefault(None if tree else claim.group, []).append(claim.id)
    for inf_id, premises, _color in brackets:
        group = None if tree else m.graph.nodes[premises[0]].get("group")
        same = all(m.graph.nodes[p].get("group") == group for p in premises)
        groups.setdefault(group if same else None, []).append("bracket:" + inf_id)
    bracket_lookup = {inf_id: (premises, color) for inf_id, premises, color in brackets}
    for item in (item for _group, items in sorted(groups.items(), key=lambda kv: kv[0] is not None) for item in items):
        if item.startswith("bracket:"):
            inf_id = item.removeprefix("bracket:")
            parts[svg_id(inf_id) + "-linked"] = DrawnPart("linked", f"cluster_link_{names[inf_id]}", inf_id)
            declared += [names[p] for p in bracket_lookup[inf_id][0]]
        else:
            declared.append(names[item])

    def emit(target: graphviz.Digraph, items: list[str]) -> None:
        for item in items:
            if item.startswith("bracket:"):
                inf_id = item.removeprefix("bracket:")
                premises, color = bracket_lookup[inf_id]
                # A subgraph built apart and added: ``with target.subgraph(...)`` would copy the
                # whole body written so far, once per bracket (quadratic on big maps).
                sub = graphviz.Digraph(name=f"cluster_link_{names[inf_id]}")
                sub.attr(style="rounded,dashed", color=color, penwidth="1.2", label="",
                         margin="10", id=attr_text(svg_id(inf_id) + "-linked"))
                for p in premises:
                    claim_node(sub, p)
                target.subgraph(sub)
            else:
                claim_node(target, item)

    sorted_groups = sorted(groups.items(), key=lambda kv: kv[0] is not None)
    for index, (group, _items) in enumerate(sorted_groups):
        if group is not None:
            parts["group-" + str(index)] = DrawnPart("section", f"cluster_group_{index}")

    def claims_dot(dot: graphviz.Digraph) -> None:
        for index, (group, items) in enumerate(sorted_groups):
            if group is None:
                emit(dot, items)
                continue
            cluster = f"cluster_group_{index}"
            section = graphviz.Digraph(name=cluster)
            section.attr(label=f"<<b>{html_text(group)}</b>>", style="rounded", color=th.muted,
                         fontsize=str(th.fontsize), id=attr_text("group-" + str(index)))
            emit(section, items)
            dot.subgraph(section)

    writing.append(claims_dot)

    def edge_dot(dot: graphviz.Digraph, tail: str, head: str, attrs: Mapping[str, str]) -> None:
        """An edge between map nodes, with its SVG id (``am-edge-N``, N its place in the DOT body)."""
        edge_id = f"am-edge-{len(dot.body)}"
        ids_written[(names[tail], names[head])] = edge_id
        if not lazy:  # a drawing handed out does not change under its holder
            edges[f"{names[tail]}->{names[head]}"] = DrawnEdge(tail, head, names[tail], names[head], edge_id)
        route = pinned.edge_pos(names[tail], names[head], attrs.get("arrowhead", "normal"), th.penwidth) \
            if pinned is not None else None
        _edge(dot, names[tail], names[head], **({"id": edge_id} if edge_ids else {}),
              **({"pos": route} if route else {}), **attrs)

    # The tree layout places everything once all is known: its edges come after every box.
    waiting: list[tuple[str, str, dict[str, str]]] = []
    for inf in inferences:
        role = step_roles[inf.id]
        rel = th.relations[role]
        declared.append(names[inf.id])
        # The answering half of a mutual attack must not rank its premise (often the thesis)
        # below the claim it answers.
        loose = {"constraint": "false"} if answers_back(m.graph, inf.id) else {}
        inf_edges = [(premise.id, inf.id, {"arrowhead": "none", "color": rel.color, "style": rel.style,
                                           "class": attr_text(f"premise {role}"), **loose})
                     for premise in inf.premises]
        inf_edges.append((inf.id, inf.target.id, {"arrowhead": rel.arrowhead, "color": rel.color, "style": rel.style,
                                                  "class": attr_text(f"{inf.polarity} {role}")}))
        for tail, head, _attrs in inf_edges:
            edges[f"{names[tail]}->{names[head]}"] = DrawnEdge(tail, head, names[tail], names[head], "")
        if tree:
            waiting += inf_edges

        def step_dot(dot: graphviz.Digraph, inf: Inference = inf, role: str = role, rel: RelationStyle = rel,
                     inf_edges: list[tuple[str, str, dict[str, str]]] = inf_edges) -> None:
            _node(
                dot,
                names[inf.id],
                label=_inference_label(step_boxes[inf.id], th),
                shape="box",
                color=rel.color,
                fillcolor=rel.fill,
                fontsize=str(th.small + 1),
                fontcolor=rel.color if th.name != "print" else "#000000",
                margin=f"{STEP_MARGIN[0]:g},{STEP_MARGIN[1]:g}",
                height=f"{STEP_HEIGHT:g}",
                id=attr_text(svg_id(inf.id)),
                **{"class": attr_text(f"inference {role}")},
                **{"style": "rounded,filled", **node_styles.get(inf.id, {})},
            )
            if not tree:
                for tail, head, attrs in inf_edges:
                    edge_dot(dot, tail, head, attrs)

        writing.append(step_dot)

    others: dict[str, str] = {}  # boxes the engine measures: prompts
    for step_id, groups_of_questions in (prompts or {}).items():
        name = names[step_id] + "_q"
        parts[prompt_id(step_id)] = DrawnPart("prompt", name, step_id)
        edges[f"{name}->{names[step_id]}"] = DrawnEdge(step_id, step_id, name, names[step_id], "")
        others[name] = prompt_label(groups_of_questions, th, opts.plain)

        def prompt_dot(dot: graphviz.Digraph, name: str = name, step_id: str = step_id,
                       questions: Sequence[tuple[str, Sequence[str]]] = groups_of_questions) -> None:
            add_prompt(dot, name, names[step_id], prompt_id(step_id), questions, th, plain=opts.plain)

        writing.append(prompt_dot)
    stub_texts: dict[str, str] = {}
    for claim_id, stub in (view.stubs if view else {}).items():
        if claim_id not in names:
            continue
        name = names[claim_id] + "_more"
        element = svg_id(claim_id) + "-more"
        parts[element] = DrawnPart("stub", name, claim_id, stub.text)
        edges[f"{name}->{names[claim_id]}"] = DrawnEdge(claim_id, claim_id, name, names[claim_id], "")
        stub_texts[name] = stub.text
        declared.append(name)

        def stub_dot(dot: graphviz.Digraph, name: str = name, element: str = element, stub: Stub = stub,
                     claim_id: str = claim_id) -> None:
            _node(dot, name, label=_stub_label(stub.text, th), shape="plain", id=attr_text(element),
                  **{"class": "stub"}, **({"href": attr_text(stub.href)} if stub.href else {}))
            if not tree:
                _edge(dot, name, names[claim_id], **_stub_edge(th))

        writing.append(stub_dot)
    if opts.legend and len(m):
        parts["legend"] = DrawnPart("legend", "legend")
        declared.append("legend")
        writing.append(lambda dot: _node(dot, "legend", label=f"<{legend_table(th)}>", shape="plain", id="legend",
                                         **{"class": "legend"}))
    pinned: Pinned | None = None
    scene: Scene | None = None
    if tree:
        metrics, laid, measured = _lay_out(th, claim_boxes, step_boxes, names, stub_texts, others,
                                           legend="legend" in declared, title=m.title)
        sizes = {name: (box.width, box.height) for name, box in laid.items()}
        sizes.update(measured)
        title_width = 0.0
        if m.title:  # the title is set in bold at title_size; the picture is at least as wide
            title_width = metrics.width(m.title, th.title_size, bold=True) + 2 * 21.6
        pinned = _pin(sizes, {names[c.id] for c in claims}, edges,
                      {names[i]: [names[p] for p in ps] for i, ps, _c in brackets}, title_width)

        def lines_dot(dot: graphviz.Digraph, pinned: Pinned = pinned) -> None:
            for tail, head, attrs in waiting:
                edge_dot(dot, tail, head, attrs)
            for name in stub_texts:
                head = name.removesuffix("_more")
                route = pinned.edge_pos(name, head, "normal", 1.2)
                _edge(dot, name, head, **({"pos": route} if route else {}), **_stub_edge(th))
            frames = {f"cluster_link_{names[i]}": names[i] for i, _p, _c in brackets}
            dot.body += position_lines(pinned, list(sizes), frames)
            # Lines outside the tree (a premise shared by two steps) are drawn straight: routing
            # curves around every box costs the engine a second or more a page.
            dot.attr("graph", layout="nop2", splines="line")

        writing.append(lines_dot)
    if graph_attrs:
        writing.append(lambda dot: dot.attr("graph", **graph_attrs))

    def write() -> graphviz.Digraph:
        dot = graphviz.Digraph(name="argmap")
        for step in writing:
            step(dot)
        return dot

    drawable = (pinned is not None and not prompts and not graph_attrs and _styles_drawn(node_styles)
                and _styles_drawn(claim_styles))
    lazy = drawable and not edge_ids  # edge ids are places in the DOT: with them, write it first
    written = None if lazy else write()
    if drawable and pinned is not None:
        drawn = [(names[tail], names[head], ids_written.get((names[tail], names[head]), "") if edge_ids else "",
                  attrs) for tail, head, attrs in waiting]
        drawn += [(name, name.removesuffix("_more"), "", _stub_edge(th)) for name in stub_texts]
        scene = _scene(th, pinned, laid, declared, drawn, _looks(th, claims, inferences, names, roles, step_roles,
                                                                   claim_boxes, node_styles, links, view),
                       [(f"cluster_link_{names[i]}", svg_id(i) + "-linked", names[i], color)
                        for i, _p, color in brackets],
                       lay_title(metrics, th, m.title) if m.title else None)
    return Drawing(written if written is not None else write, th, names, parts, edges,
                   pinned.placed.centre if pinned else {}, map_roles, scene)


def _claim_box(claim: Claim, theme: Theme, role: str, badge: str | None, border: str | None) -> ClaimBox:
    return claim_box(theme, claim_heading(claim, theme, role), claim.label, claim.text, claim_credit(claim), badge,
                     int(border or (2 if role == "thesis" else 1)), role, implicit=claim.implicit)


def _lay_out(theme: Theme, claims: Mapping[str, ClaimBox], steps: Mapping[str, StepBox], names: Mapping[str, str],
             stubs: Mapping[str, str], others: Mapping[str, str], *, legend: bool, title: str | None,
             ) -> tuple[Metrics, dict[str, Laid], dict[str, tuple[float, float]]]:
    """Every box laid out by DOT name (claims, steps, stubs, the legend) from the widths of its
    characters, and the size of each of the ``others`` (prompt boxes), measured by the engine."""
    chars: set[str] = set(title or "")
    for rel in theme.relations.values():
        chars.update(rel.word, rel.meaning)
    for text in stubs.values():
        chars.update(text)
    for box in claims.values():
        chars.update(box.heading, *box.label, *box.text, *box.credit, box.badge or "")
    for step in steps.values():
        chars.update(step.word, *step.label, *step.schemes, step.badge or "")
    if legend:
        chars.update("How to read this map[ dashed boxframe]_.|>")
    metrics, measured = measure(theme.fontname, chars,
                                {name: f"label=<{label[1:-1]}> shape=plain" for name, label in others.items()})
    laid = {names[node]: lay_claim(metrics, theme, box) for node, box in claims.items()}
    laid.update((names[node], lay_step(metrics, theme, box)) for node, box in steps.items())
    laid.update((name, lay_stub(metrics, theme, text)) for name, text in stubs.items())
    if legend:
        laid["legend"] = lay_legend(metrics, theme)
    return metrics, laid, measured


def _box_sizes(claims: list[Claim], inferences: list[Inference], theme: Theme, roles: Mapping[str, str],
               badges: Mapping[str, str], borders: Mapping[str, str], others: Mapping[str, str],
               stubs: Mapping[str, str]) -> dict[str, tuple[float, float]]:
    """The size of every box by DOT name (``n1``, ``n2``, ... claims first), as :func:`build_dot` lays
    the map out: claims and steps from their text, the ``others`` measured by the engine."""
    names = {node.id: f"n{number}" for number, node in enumerate([*claims, *inferences], start=1)}
    claim_boxes = {c.id: _claim_box(c, theme, roles[c.id], badges.get(c.id), borders.get(c.id)) for c in claims}
    step_boxes = {i.id: step_box(theme, theme.relations[roles.get(i.id) or i.role].word, i.label, _schemes(i),
                                 badges.get(i.id)) for i in inferences}
    _metrics, laid, measured = _lay_out(theme, claim_boxes, step_boxes, names, stubs, others, legend=False,
                                        title=None)
    return {**{name: (box.width, box.height) for name, box in laid.items()}, **measured}


#: Node attributes the SVG writer for pinned drawings knows (others go through the engine), and
#: what each style word does to an outline (width, dash pattern).
_DRAWN_ATTRS = frozenset({"style", "penwidth"})
_DRAWN_STYLES = {"rounded": None, "filled": None, "solid": None, "bold": ("2", None), "dashed": (None, "5,2"),
                 "dotted": (None, "1,5")}
_DASHES = {"solid": None, "dashed": "5,2", "dotted": "1,5"}


def _styles_drawn(styles: Mapping[str, Mapping[str, str]]) -> bool:
    return all(set(attrs) <= _DRAWN_ATTRS and all(word.strip() in _DRAWN_STYLES for word in
                                                  attrs.get("style", "").split(",") if word.strip())
               for attrs in styles.values())


def _outline(attrs: Mapping[str, str]) -> tuple[float, str | None]:
    """The width and dash pattern of a step's outline from its style and penwidth."""
    width, dash = 1.0, None
    for word in attrs.get("style", "").split(","):
        effect = _DRAWN_STYLES.get(word.strip())
        if effect is not None:
            width = float(effect[0]) if effect[0] else width
            dash = effect[1] or dash
    if attrs.get("penwidth"):
        width = float(attrs["penwidth"])
    return width, dash


#: How each box is drawn, by DOT name: kind, SVG id, classes, outline, fill, text colour, outline
#: width and dash, link.
_Look = tuple[str, str, str, str, str, str, float, "str | None", "str | None"]


def _looks(theme: Theme, claims: Sequence[Claim], inferences: Sequence[Inference], names: Mapping[str, str],
           roles: Mapping[str, str], step_roles: Mapping[str, str], boxes: Mapping[str, ClaimBox],
           node_styles: Mapping[str, Mapping[str, str]], links: Mapping[str, str], view: View | None,
           ) -> dict[str, _Look]:
    looks: dict[str, _Look] = {}
    for claim in claims:
        box = boxes[claim.id]
        looks[names[claim.id]] = ("claim", svg_id(claim.id), f"claim {roles[claim.id]}" +
                                  (" implicit" if claim.implicit else ""), box.color, box.fill, theme.text_color,
                                  float(box.border), "5,2" if box.dashed else None, links.get(claim.id))
    for inf in inferences:
        role = step_roles[inf.id]
        rel = theme.relations[role]
        width, dash = _outline({"style": "rounded,filled", **node_styles.get(inf.id, {})})
        looks[names[inf.id]] = ("step", svg_id(inf.id), f"inference {role}", rel.color, rel.fill,
                                rel.color if theme.name != "print" else "#000000", width, dash, None)
    for claim_id, stub in (view.stubs if view else {}).items():
        if claim_id in names:
            looks[names[claim_id] + "_more"] = ("stub", svg_id(claim_id) + "-more", "stub", theme.muted,
                                                theme.background, theme.text_color, 1.0, "5,2", stub.href)
    looks["legend"] = ("legend", "legend", "legend", theme.muted, "white", theme.text_color, 1.0, None, None)
    return looks


def _clip(centre: tuple[float, float], size: tuple[float, float], toward: tuple[float, float]) -> tuple[float, float]:
    """Where the line from a box's centre toward a point leaves the box."""
    (x, y), (w, h) = centre, size
    dx, dy = toward[0] - x, toward[1] - y
    scale = min(w / 2 / abs(dx) if dx else math.inf, h / 2 / abs(dy) if dy else math.inf)
    return (x, y) if scale == math.inf else (x + dx * scale, y + dy * scale)


def _scene(theme: Theme, pinned: Pinned, laid: Mapping[str, Laid], declared: Sequence[str],
           drawn: Sequence[tuple[str, str, str, Mapping[str, str]]], looks: Mapping[str, _Look],
           frames: Sequence[tuple[str, str, str, str]], title: Laid | None) -> Scene | None:
    """The pinned drawing as a :class:`~argmap.drawing.pinned.Scene` (None when a box was not placed)."""
    placed = pinned.placed
    nodes: list[SceneNode] = []
    for name in declared:
        if name not in placed.centre or name not in laid or name not in looks:
            return None
        box = laid[name]
        (x, y), look = placed.centre[name], looks[name]
        nodes.append(SceneNode(name, look[1], look[2], look[0], x - box.width / 2, y - box.height / 2, box, look[3],
                               look[4], look[5], look[6], look[7], look[8]))
    lines: list[SceneEdge] = []
    for number, (tail, head, element, attrs) in enumerate(drawn, start=1):
        arrowhead = attrs.get("arrowhead", "normal")
        penwidth = float(attrs.get("penwidth", theme.penwidth))
        route = placed.routes.get((tail, head))
        if route is None:  # a line outside the tree: straight, from box to box
            a, b = placed.centre[tail], placed.centre[head]
            route = [_clip(a, (laid[tail].width, laid[tail].height), b),
                     _clip(b, (laid[head].width, laid[head].height), a)]
        points, end = spline_points(route, arrow=arrow_length(arrowhead, penwidth))
        lines.append(SceneEdge(tail, head, element or f"argmap_edge{number}", attrs.get("class", ""),
                               attrs.get("color", "black"), _DASHES.get(attrs.get("style", "solid")), arrowhead,
                               penwidth, tuple(points), end))
    boxes = [SceneFrame(name, element, placed.frames[step], color) for name, element, step, color in frames
             if step in placed.frames]
    return Scene(tuple(nodes), tuple(lines), tuple(boxes), title, theme.background)


def _pin(sizes: Mapping[str, tuple[float, float]], claims: set[str], edges: Mapping[str, DrawnEdge],
         frames: Mapping[str, list[str]], min_width: float = 0.0) -> Pinned:
    """Lay the boxes out as a tree (steps hang under what they bear on, premises under their step)."""
    roots, kids = spanning_forest(list(sizes), [(e.tail_name, e.head_name) for e in edges.values()])
    placed = tree_layout(roots, kids, sizes, columns=claims, frames=frames, min_width=min_width)
    return Pinned(placed)
