"""Open critical questions drawn as dashed prompt boxes beside the steps that leave them open.

``build_dot(m, prompts=...)`` (``argmap render --questions``) calls :func:`add_prompt` for each
step; the questions come as data (:func:`argmap.analysis.questions.step_prompts`). A prompt box is
dashed, headed "ASK" and joined to its step by a dotted line without an arrow, so it never reads
as a reason or an objection.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from argmap.drawing.labels import html_text, svg_id, wrap_lines

if TYPE_CHECKING:
    import graphviz

    from argmap.drawing.themes import Theme

__all__ = ["add_prompt", "prompt_id", "prompt_label", "PROMPT_CLASS"]

#: The SVG class of a prompt box's group.
PROMPT_CLASS = "prompt questions"


def prompt_id(step_id: str) -> str:
    """The SVG id of the prompt box of a step.

    >>> prompt_id("s1")
    'am-s1-questions'
    """
    return svg_id(step_id) + "-questions"


def prompt_label(groups: Sequence[tuple[str, Sequence[str]]], theme: Theme, plain: bool = False) -> str:
    """The HTML-like label of a prompt box: its questions grouped by scheme (``plain``: headed in words
    for students)."""
    heading = "questions to ask about this step" if plain else "critical questions still open"
    rows = [f'<tr><td align="left"><font point-size="{theme.small}" color="{theme.muted}">'
            f"<b>ASK</b> ({heading})</font></td></tr>"]
    number = 0
    for scheme, questions in groups:
        rows.append(f'<tr><td align="left"><font point-size="{theme.small}"><i>{html_text(scheme)}</i>'
                    "</font></td></tr>")
        for text in questions:
            number += 1
            lines = wrap_lines(f"{number}. {text}", theme.wrap + 8)
            body = '<br align="left"/>'.join(html_text(line) for line in lines) + '<br align="left"/>'
            rows.append(f'<tr><td align="left" balign="left"><font point-size="{theme.small + 1}">'
                        f"{body}</font></td></tr>")
    return (f'<<table border="1" cellborder="0" cellspacing="0" cellpadding="3" style="dashed,rounded" '
            f'color="{theme.muted}" bgcolor="{theme.background}">' + "".join(rows) + "</table>>")


def add_prompt(
    dot: graphviz.Digraph,
    name: str,
    step_name: str,
    element_id: str,
    groups: Sequence[tuple[str, Sequence[str]]],
    theme: Theme,
    *,
    plain: bool = False,
) -> str:
    """Add the prompt box ``name`` (questions grouped by scheme) joined to the step ``step_name``;
    ``plain`` heads it in words for students. Returns the box's label (an HTML-like label)."""
    label = prompt_label(groups, theme, plain)
    dot.node(name, label=label, shape="plain", id=element_id, **{"class": PROMPT_CLASS})
    dot.edge(name, step_name, style="dotted", arrowhead="none", color=theme.muted,
             penwidth="1.2", **{"class": "prompt"})
    return label
