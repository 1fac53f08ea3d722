"""Build the DOT source of a map (the language side; running the engine lives in ``engine``).

Every piece of map text goes through :func:`html_text` into an HTML-like label that we build
ourselves, so no text can close a quote, start an HTML label, or smuggle a ``\\l`` escape: it is
drawn as the characters it is. Node names in the DOT source are internal (``n1``, ``n2``, ...);
the map's ids appear only as escaped ``id`` attributes, which Graphviz writes to the SVG.
"""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import graphviz

from argmap.model import answers_back
from argmap.render.themes import Theme, get_theme

if TYPE_CHECKING:
    from argmap.model import ArgumentMap, Claim, Inference

__all__ = ["build_dot", "html_text", "wrap_lines", "svg_id", "evaluation_marks", "EVALUATION_WORDS"]

# XML 1.0 forbids most control characters; Graphviz would reject them in an HTML label.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def html_text(text: str) -> str:
    """Escape text for an HTML-like label: markup characters become entities.

    >>> html_text('<b>x</b> & "y"')
    '&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;'
    """
    return html.escape(_CONTROL.sub("", text), quote=True)


def wrap_lines(text: str, width: int) -> list[str]:
    """Wrap text to lines of about ``width`` characters, keeping the author's line breaks.

    >>> wrap_lines("one two three four", 9)
    ['one two', 'three', 'four']
    """
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines.extend(textwrap.wrap(paragraph, width, break_on_hyphens=False) or [""])
    return lines


def _multiline(text: str, width: int) -> str:
    return '<br align="center"/>'.join(html_text(line) for line in wrap_lines(text, width))


def svg_id(node_id: str) -> str:
    """The ``id`` a node's group gets in the SVG: the map id, prefixed to avoid Graphviz's own.

    >>> svg_id("thesis")
    'am-thesis'
    """
    return "am-" + node_id


def _attr(value: str) -> str:
    """A plain attribute value: backslashes and ``<...>`` lose their DOT meaning."""
    return graphviz.escape(_CONTROL.sub("", value))  # type: ignore[no-any-return]


def _claim_label(claim: Claim, theme: Theme, badge: str | None, border: str | None = None) -> str:
    role = theme.roles[claim.role]
    heading = role.heading + (" (implicit)" if claim.implicit else "")
    rows = []
    title = f'<font point-size="{theme.small}" color="{theme.muted}">{heading}</font>'
    if claim.label:
        title += f'  <b>{_multiline(claim.label, theme.wrap)}</b>'
    rows.append(f'<tr><td align="left" balign="left">{title}</td></tr>')
    rows.append(f"<tr><td>{_multiline(claim.text, theme.wrap)}</td></tr>")
    sources = [s.short() for s in claim.sources if s.short()]
    if sources:
        credit = "- " + sources[0] + (f" (+{len(sources) - 1} more)" if len(sources) > 1 else "")
        rows.append(
            f'<tr><td><font point-size="{theme.small}" color="{theme.muted}"><i>'
            f"{_multiline(credit, int(theme.wrap * theme.fontsize / theme.small))}"
            "</i></font></td></tr>"
        )
    if badge:
        rows.append(f'<tr><td><font point-size="{theme.small}"><b>{html_text(badge)}</b></font></td></tr>')
    style = "rounded,dashed" if claim.implicit else "rounded"
    width = border or (2 if claim.role == "thesis" else 1)
    return (
        f'<<table border="{width}" cellborder="0" cellspacing="0" cellpadding="4" '
        f'style="{style}" color="{role.border}" bgcolor="{role.fill}">'
        + "".join(rows)
        + "</table>>"
    )


def _inference_label(inf: Inference, theme: Theme, badge: str | None) -> str:
    rel = theme.relations[inf.role]
    parts = [f"<b>{html_text(rel.word)}</b>"]
    if inf.label:
        parts.append(_multiline(inf.label, theme.wrap))
    extra = inf.data.get("schemes")  # further schemes of the same step (see docs/schemes.md)
    schemes = [inf.scheme, *(extra if isinstance(extra, list) else [extra])]
    for scheme in dict.fromkeys(str(s) for s in schemes if s):
        parts.append(f'<font point-size="{theme.small}"><i>{html_text(scheme)}</i></font>')
    if badge:
        parts.append(f'<font point-size="{theme.small}"><b>{html_text(badge)}</b></font>')
    return "<" + "<br/>".join(parts) + ">"


def _legend(theme: Theme) -> str:
    def cell(content: str) -> str:
        return f'<td align="left"><font point-size="{theme.small + 1}">{content}</font></td>'

    samples = {"solid": "_____", "dashed": "_ _ _", "dotted": ". . . . ."}
    rows = [f"<tr>{cell('<b>How to read this map</b>')}{cell(' ')}</tr>"]
    for rel in theme.relations.values():
        end = "|" if rel.arrowhead == "tee" else "&gt;"
        line = f'<font color="{rel.color}"><b>{samples.get(rel.style, "_____")}{end} {html_text(rel.word)}</b></font>'
        rows.append(f"<tr>{cell(line)}{cell(html_text(rel.meaning))}</tr>")
    rows.append(f"<tr>{cell('[ dashed box ]')}{cell('an implicit premise, added by the mapper')}</tr>")
    rows.append(f"<tr>{cell('[ dashed frame ]')}{cell('linked premises: they support only together')}</tr>")
    return (
        f'<<table border="1" cellborder="0" cellspacing="0" cellpadding="3" color="{theme.muted}" '
        f'bgcolor="white">' + "".join(rows) + "</table>>"
    )


#: Evaluation labels in words (never colour alone) and the border that goes with them.
EVALUATION_WORDS = {"in": "ACCEPTED (in)", "out": "REJECTED (out)", "undec": "UNDECIDED (undec)"}
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


def build_dot(
    m: ArgumentMap,
    theme: str | Theme = "default",
    *,
    legend: bool = True,
    badges: Mapping[str, str] | None = None,
    node_styles: Mapping[str, Mapping[str, str]] | None = None,
    questions: bool = False,
    evaluation: Mapping[str, Any] | None = None,
) -> graphviz.Digraph:
    """The map as a ``graphviz.Digraph``: thesis on top, arrows pointing to what they bear on.

    ``badges`` adds a short line of text to nodes by id (an evaluation status, say);
    ``node_styles`` adds Graphviz attributes to nodes by id; ``questions`` draws each step's
    open critical questions as a dashed prompt box (see ``argmap.render.prompts``);
    ``evaluation`` (the result of ``argmap.evaluate``) marks each node's status in words and by
    its border (:func:`evaluation_marks`).

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(title="Demo")
    >>> _ = m.support(m.claim("T", id="t"), "R")
    >>> dot = build_dot(m)
    >>> 'id="am-t"' in dot.source and "because" in dot.source
    True
    """
    th = get_theme(theme)
    badges = badges or {}
    node_styles = node_styles or {}
    borders: dict[str, str] = {}
    claim_styles = node_styles  # a claim is an HTML table: its evaluation border goes in the label
    if evaluation is not None:
        badges, node_styles, borders = evaluation_marks(evaluation, badges, node_styles)
    dot = graphviz.Digraph(name="argmap")
    dot.attr(
        "graph",
        rankdir="BT",
        newrank="true",
        nodesep="0.35",
        ranksep="0.45",
        fontname=th.fontname,
        fontsize=str(th.fontsize),
        bgcolor=th.background,
        pad="0.3",
        labelloc="t",
        labeljust="c",
        id="argmap",
    )
    if m.title:
        dot.attr("graph", label=f'<<b><font point-size="{th.title_size}">{html_text(m.title)}</font></b>>')
    dot.attr("node", fontname=th.fontname, fontsize=str(th.fontsize), fontcolor=th.text_color,
             margin="0.05")
    dot.attr("edge", fontname=th.fontname, fontsize=str(th.small), penwidth=str(th.penwidth))

    # Claims first, then inferences: the DOT (so the picture) does not depend on how the two
    # kinds were interleaved while building, so a map read back from a file draws the same.
    ordered = [c.id for c in m.claims] + [i.id for i in m.inferences]
    names = {node: f"n{i}" for i, node in enumerate(ordered, start=1)}
    claim_attrs: dict[str, dict[str, str]] = {}
    for claim in m.claims:
        claim_attrs[claim.id] = {
            "label": _claim_label(claim, th, badges.get(claim.id), borders.get(claim.id)),
            "shape": "plain",
            "id": _attr(svg_id(claim.id)),
            "class": _attr(f"claim {claim.role}" + (" implicit" if claim.implicit else "")),
            **claim_styles.get(claim.id, {}),
        }

    # Linked co-premises share a bracket (a cluster); a claim can sit in one bracket only.
    bracket_of: dict[str, str] = {}
    brackets: list[tuple[str, list[str], str]] = []
    for inf in m.inferences:
        premises = [p.id for p in inf.premises]
        if len(premises) > 1 and not any(p in bracket_of for p in premises):
            for p in premises:
                bracket_of[p] = inf.id
            brackets.append((inf.id, premises, th.relations[inf.role].color))

    groups: dict[str | None, list[str]] = {}
    for claim in m.claims:
        if claim.id not in bracket_of:
            groups.setdefault(claim.group, []).append(claim.id)
    for inf_id, premises, _color in brackets:
        group = m.graph.nodes[premises[0]].get("group")
        same = all(m.graph.nodes[p].get("group") == group for p in premises)
        groups.setdefault(group if same else None, []).append("bracket:" + inf_id)
    bracket_lookup = {inf_id: (premises, color) for inf_id, premises, color in brackets}

    def emit(target: graphviz.Digraph, items: list[str]) -> None:
        for item in items:
            if item.startswith("bracket:"):
                inf_id = item.removeprefix("bracket:")
                premises, color = bracket_lookup[inf_id]
                with target.subgraph(name=f"cluster_link_{names[inf_id]}") as sub:
                    sub.attr(style="rounded,dashed", color=color, penwidth="1.2", label="",
                             margin="10", id=_attr(svg_id(inf_id) + "-linked"))
                    for p in premises:
                        sub.node(names[p], **claim_attrs[p])
            else:
                target.node(names[item], **claim_attrs[item])

    for index, (group, items) in enumerate(sorted(groups.items(), key=lambda kv: kv[0] is not None)):
        if group is None:
            emit(dot, items)
            continue
        with dot.subgraph(name=f"cluster_group_{index}") as sub:
            sub.attr(label=f"<<b>{html_text(group)}</b>>", style="rounded", color=th.muted,
                     fontsize=str(th.fontsize), id=_attr("group-" + str(index)))
            emit(sub, items)

    for inf in m.inferences:
        rel = th.relations[inf.role]
        inf_style = {"style": "rounded,filled", **node_styles.get(inf.id, {})}
        dot.node(
            names[inf.id],
            label=_inference_label(inf, th, badges.get(inf.id)),
            shape="box",
            color=rel.color,
            fillcolor=rel.fill,
            fontsize=str(th.small + 1),
            fontcolor=rel.color if th.name != "print" else "#000000",
            margin="0.08,0.03",
            height="0.3",
            id=_attr(svg_id(inf.id)),
            **{"class": _attr(f"inference {inf.role}")},
            **inf_style,
        )
        # The answering half of a mutual attack must not rank its premise (often the thesis)
        # below the claim it answers.
        loose = {"constraint": "false"} if answers_back(m.graph, inf.id) else {}
        for premise in inf.premises:
            dot.edge(names[premise.id], names[inf.id], arrowhead="none", color=rel.color,
                     style=rel.style, **{"class": _attr(f"premise {inf.role}")}, **loose)
        dot.edge(names[inf.id], names[inf.target.id], arrowhead=rel.arrowhead, color=rel.color,
                 style=rel.style, **{"class": _attr(f"{inf.polarity} {inf.role}")})

    if questions:
        from argmap.render.prompts import add_question_prompts

        add_question_prompts(dot, m, names, th)
    if legend and len(m):
        dot.node("legend", label=_legend(th), shape="plain", id="legend", **{"class": "legend"})
    return dot
