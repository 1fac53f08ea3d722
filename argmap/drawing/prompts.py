"""Open critical questions drawn as dashed prompt boxes beside the steps that leave them open.

``build_dot(m, questions=True)`` (``argmap render --questions``) calls :func:`add_question_prompts`.
A prompt box is dashed, headed "ASK" and joined to its step by a dotted line without an arrow,
so it never reads as a reason or an objection.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from argmap.drawing.dot import html_text, svg_id, wrap_lines

if TYPE_CHECKING:
    import graphviz

    from argmap.drawing.themes import Theme
    from argmap.model import ArgumentMap

__all__ = ["add_question_prompts", "prompt_id", "PROMPT_CLASS"]

#: The SVG class of a prompt box's group.
PROMPT_CLASS = "prompt questions"


def prompt_id(step_id: str) -> str:
    """The SVG id of the prompt box of a step.

    >>> prompt_id("s1")
    'am-s1-questions'
    """
    return svg_id(step_id) + "-questions"


def _label(groups: list[tuple[str, list[str]]], theme: Theme) -> str:
    rows = [f'<tr><td align="left"><font point-size="{theme.small}" color="{theme.muted}">'
            "<b>ASK</b> (critical questions still open)</font></td></tr>"]
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


def add_question_prompts(
    dot: graphviz.Digraph,
    m: ArgumentMap,
    names: Mapping[str, str],
    theme: Theme,
) -> int:
    """Add a prompt box for each step with open questions; return how many were added."""
    from argmap.analysis.questions import step_prompts

    prompts = step_prompts(m)
    for step_id, groups in prompts.items():
        name = names[step_id] + "_q"
        dot.node(name, label=_label(groups, theme), shape="plain", id=prompt_id(step_id),
                 **{"class": PROMPT_CLASS})
        dot.edge(name, names[step_id], style="dotted", arrowhead="none", color=theme.muted,
                 penwidth="1.2", **{"class": "prompt"})
    return len(prompts)
