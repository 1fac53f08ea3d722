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

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypedDict, Unpack

from argmap.errors import PARAM, ArgmapError

__all__ = ["DrawingOptions", "DrawingKeywords", "Prompts", "QuestionList", "Progress"]

#: The open critical questions drawn beside each step: step id -> [(scheme name, [question, ...])].
Prompts = Mapping[str, Sequence[tuple[str, Sequence[str]]]]
#: The questions a page lists for each node: node id -> [question, ...].
QuestionList = Mapping[str, Sequence[str]]
#: How a long drawing reports how far it got: ``progress(done, total, what)``; the command line
#: turns it into a bar on a terminal (:mod:`argmap.cli.progress`).
Progress = Callable[[int, int, str], None]


class DrawingKeywords(TypedDict, total=False):
    """The drawing options as keyword arguments (``argmap.render(m, path, legend=False)``), typed."""

    legend: bool
    badges: Mapping[str, str] | None
    node_styles: Mapping[str, Mapping[str, str]] | None
    evaluation: Mapping[str, object] | None
    questions: bool | QuestionList | None
    plain: bool
    focus: str | None
    depth: int | None
    layout: str
    progress: Progress | None


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
    - ``focus`` and ``depth``: draw only the claim ``focus`` (None: the theses), ``depth`` levels
      of what bears on it (default 2) and the line up to its thesis; hidden branches fold into
      "+N more" stubs that say what they hide (see :mod:`argmap.drawing.views`).
    - ``layout``: ``"auto"``, ``"dot"`` or ``"tree"`` (see :func:`argmap.drawing.dot.build_dot`).
    - ``progress``: called as ``progress(done, total, what)`` as a long drawing goes on.
    """

    legend: bool = True
    badges: Mapping[str, str] = field(default_factory=dict)
    node_styles: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    evaluation: Mapping[str, object] | None = None
    questions: bool | QuestionList | None = None
    plain: bool = False
    scheme_names: Mapping[str, Sequence[str]] | None = None
    focus: str | None = None
    depth: int | None = None
    layout: str = "auto"
    progress: Progress | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, **keywords: Unpack[DrawingKeywords]) -> DrawingOptions:
        """The options from keyword arguments, where None means the default.

        >>> DrawingOptions.of(badges=None, legend=False)
        DrawingOptions(legend=False, badges={}, node_styles={}, evaluation=None, questions=None, plain=False, \
scheme_names=None, focus=None, depth=None, layout='auto')
        >>> DrawingOptions.of(depth=1).depth
        1
        """
        return cls(legend=keywords.get("legend", True), badges=keywords.get("badges") or {},
                   node_styles=keywords.get("node_styles") or {}, evaluation=keywords.get("evaluation"),
                   questions=keywords.get("questions"), plain=keywords.get("plain", False),
                   focus=keywords.get("focus"), depth=keywords.get("depth"),
                   layout=keywords.get("layout") or "auto", progress=keywords.get("progress"))

    @property
    def viewed(self) -> bool:
        """Whether only part of the map is drawn (a focus or a depth is set)."""
        return self.focus is not None or self.depth is not None

    def __post_init__(self) -> None:
        if self.evaluation is not None and not isinstance(self.evaluation, Mapping):
            raise ArgmapError("evaluation= takes a mapping of node id to status or strength")
        if self.questions is not None and not isinstance(self.questions, (Mapping, bool)):
            raise ArgmapError("questions= takes True, False or a mapping of node id to a list of questions")
        if self.depth is not None and (isinstance(self.depth, bool) or not isinstance(self.depth, int)
                                       or self.depth < 0):
            raise ArgmapError(f"{PARAM} takes a whole number, 0 or more, not {self.depth!r}", param="depth")
        if self.progress is not None and not callable(self.progress):
            raise ArgmapError("progress= takes a function progress(done, total, what)")
        if self.layout not in ("auto", "dot", "tree"):
            raise ArgmapError(f"{PARAM} takes 'auto', 'dot' or 'tree', not {self.layout!r}", param="layout")
