"""Typed settings of a drawing: what a picture of a map shows besides the map itself.

One frozen :class:`DrawingOptions` travels from ``argmap.render`` through the format registry to
the DOT builder and the page, instead of loose keyword arguments.

>>> DrawingOptions(legend=False, badges={"t": "CHECK"}).badges["t"]
'CHECK'
>>> DrawingOptions(questions="why?")
Traceback (most recent call last):
argmap.errors.ArgmapError: questions= takes True, False or a mapping of node id to a list of questions
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypedDict, Unpack

from argmap.errors import ArgmapError

__all__ = ["DrawingOptions", "DrawingKeywords", "Prompts", "QuestionList"]

#: The open critical questions drawn beside each step: step id -> [(scheme name, [question, ...])].
Prompts = Mapping[str, Sequence[tuple[str, Sequence[str]]]]
#: The questions a page lists for each node: node id -> [question, ...].
QuestionList = Mapping[str, Sequence[str]]


class DrawingKeywords(TypedDict, total=False):
    """The drawing options as keyword arguments (``argmap.render(m, path, legend=False)``), typed."""

    legend: bool
    badges: Mapping[str, str] | None
    node_styles: Mapping[str, Mapping[str, str]] | None
    evaluation: Mapping[str, object] | None
    questions: bool | QuestionList | None
    plain: bool


@dataclass(frozen=True)
class DrawingOptions:
    """What to draw besides the map, the same for every picture format (DOT, SVG, PNG, PDF, HTML).

    - ``legend``: the "How to read this map" box.
    - ``badges``: a short line of text added to nodes, by id.
    - ``node_styles``: extra Graphviz attributes for nodes, by id.
    - ``evaluation``: node id -> status (``in``/``out``/``undec``, ``True``/``False``) or strength,
      as ``argmap.evaluate`` returns it; shown in words and by the border.
    - ``questions``: ``True`` draws each step's open critical questions as dashed prompt boxes
      (and a page lists them); ``None`` lists them in a page's panel only; ``False`` shows none;
      a mapping of node ids to lists of questions is what a page lists instead.
    - ``plain``: words for students: schemes named in everyday words, questions in plain wording.
    - ``scheme_names``: step id -> the names shown under the step's word instead of its schemes
      (``plain`` drawing fills it from the catalogue).
    """

    legend: bool = True
    badges: Mapping[str, str] = field(default_factory=dict)
    node_styles: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    evaluation: Mapping[str, object] | None = None
    questions: bool | QuestionList | None = None
    plain: bool = False
    scheme_names: Mapping[str, Sequence[str]] | None = None

    @classmethod
    def of(cls, **keywords: Unpack[DrawingKeywords]) -> DrawingOptions:
        """The options from keyword arguments, where None means the default.

        >>> DrawingOptions.of(badges=None, legend=False)
        DrawingOptions(legend=False, badges={}, node_styles={}, evaluation=None, questions=None, plain=False, \
scheme_names=None)
        """
        return cls(legend=keywords.get("legend", True), badges=keywords.get("badges") or {},
                   node_styles=keywords.get("node_styles") or {}, evaluation=keywords.get("evaluation"),
                   questions=keywords.get("questions"), plain=keywords.get("plain", False))

    def __post_init__(self) -> None:
        if self.evaluation is not None and not isinstance(self.evaluation, Mapping):
            raise ArgmapError("evaluation= takes a mapping of node id to status or strength")
        if self.questions is not None and not isinstance(self.questions, (Mapping, bool)):
            raise ArgmapError("questions= takes True, False or a mapping of node id to a list of questions")
