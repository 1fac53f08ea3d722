"""The argument map: claims and inferences held in one ``networkx.DiGraph``.

The graph is the single source of truth. :class:`Claim` and :class:`Inference` are light views
that read and write node attributes; nothing is cached beside the graph, so code that edits
``m.graph`` directly and code that uses the views always agree.

>>> m = ArgumentMap(title="Lunch")
>>> t = m.claim("We should eat out.", id="t")
>>> r = m.support(t, "The fridge is empty.")
>>> o = m.attack(t, "Eating out costs too much.")
>>> _ = m.attack(o, "Lunch specials are cheap.")
>>> [c.role for c in m.claims]
['thesis', 'reason', 'objection', 'rebuttal']
>>> m.thesis.id, len(m)
('t', 7)
"""

from __future__ import annotations

import gc
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, Literal, Required, SupportsIndex, TypedDict, TypeVar, Unpack, overload

from argmap.errors import ValidationError
from argmap.gc_pause import gc_paused

if TYPE_CHECKING:
    import graphviz
    import networkx as nx

    from argmap.drawing.options import DrawingKeywords

__all__ = [
    "ArgumentMap",
    "Claim",
    "Inference",
    "Source",
    "Node",
    "NodeList",
    "ClaimRow",
    "InferenceRow",
    "fill",
    "IMPLICIT_TAG",
    "POLARITIES",
    "answers_back",
    "node_roles",
    "adjacency",
]

Polarity = Literal["support", "attack"]
POLARITIES: tuple[str, ...] = ("support", "attack")

#: Tag that marks a premise the author left unstated and the mapper added; drawn dashed.
IMPLICIT_TAG = "implicit"

_SLUG_WORDS = 5
_SLUG_CHARS = 40


@dataclass(frozen=True)
class Source:
    """Where a claim or step comes from.

    ``quote`` is the passage the claim rests on; ``kind`` says what sort of evidence it is
    (expert opinion, statistic, news report, official statement, ...).

    >>> s = Source(author="Ilya Somin", outlet="Volokh Conspiracy")
    >>> s.short()
    'Ilya Somin, Volokh Conspiracy'
    >>> Source.from_dict(s.to_dict()) == s
    True
    """

    author: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    date: str | None = None
    quote: str | None = None
    kind: str | None = None

    def to_dict(self) -> dict[str, str]:
        """The fields that are set, in declaration order."""
        # Not dataclasses.asdict: that deep-copies, and big maps call this once per source.
        return {f: v for f in _SOURCE_FIELDS if (v := getattr(self, f)) is not None}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Source:
        """Build a source from a mapping; unknown keys raise ``TypeError``."""
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise TypeError(f"unknown source field(s): {', '.join(sorted(unknown))}")
        return cls(**{k: (None if v is None else str(v)) for k, v in data.items()})

    def short(self) -> str:
        """A one-line credit: author and outlet, else whatever is known."""
        parts = [p for p in (self.author, self.outlet) if p]
        if not parts:
            parts = [p for p in (self.title, self.url) if p][:1]
        return ", ".join(parts)


_SOURCE_FIELDS = tuple(f.name for f in fields(Source))


class _NodeView:
    """Shared behaviour of the two node views: identity, attribute access, equality."""

    __slots__ = ("_map", "id")
    kind: str

    def __init__(self, argmap: ArgumentMap, node_id: str) -> None:
        self._map = argmap
        self.id = node_id

    @property
    def _attrs(self) -> dict[str, Any]:
        return self._map.graph.nodes[self.id]  # type: ignore[no-any-return]

    def _get(self, key: str, default: Any = None) -> Any:
        return self._attrs.get(key, default)

    def _set(self, key: str, value: Any) -> None:
        if value is None:
            self._attrs.pop(key, None)
        else:
            self._attrs[key] = value

    @property
    def label(self) -> str | None:
        """A short title, or None."""
        return self._get("label")  # type: ignore[no-any-return]

    @label.setter
    def label(self, value: str | None) -> None:
        self._set("label", value)

    @property
    def sources(self) -> list[Source]:
        """Where this node comes from (a list you may append to)."""
        return self._attrs.setdefault("sources", [])  # type: ignore[no-any-return]

    @sources.setter
    def sources(self, value: Iterable[Source]) -> None:
        self._attrs["sources"] = list(value)

    @property
    def note(self) -> str | None:
        """A free-text note, or None."""
        return self._get("note")  # type: ignore[no-any-return]

    @note.setter
    def note(self, value: str | None) -> None:
        self._set("note", value)

    @property
    def data(self) -> dict[str, Any]:
        """Free data (a dict you may edit), kept by every lossless format."""
        return self._attrs.setdefault("data", {})  # type: ignore[no-any-return]

    @data.setter
    def data(self, value: Mapping[str, Any]) -> None:
        self._attrs["data"] = dict(value)

    @property
    def group(self) -> str | None:
        """The section the node belongs to (an Argdown heading, say), or None."""
        return self._get("group")  # type: ignore[no-any-return]

    @group.setter
    def group(self, value: str | None) -> None:
        self._set("group", value)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, _NodeView)
            and other._map is self._map
            and other.id == self.id
        )

    def __hash__(self) -> int:
        return hash((id(self._map), self.id))

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id!r}>"


class Claim(_NodeView):
    """A statement that can be accepted or rejected; a view of one graph node."""

    __slots__ = ()
    kind = "claim"

    @property
    def text(self) -> str:
        """The statement itself."""
        return self._get("text", "")  # type: ignore[no-any-return]

    @text.setter
    def text(self, value: str) -> None:
        self._attrs["text"] = _checked_text(value)

    @property
    def tags(self) -> list[str]:
        """Free tags (a list you may edit); the tag ``implicit`` marks an unstated premise."""
        return self._attrs.setdefault("tags", [])  # type: ignore[no-any-return]

    @tags.setter
    def tags(self, value: Iterable[str]) -> None:
        self._attrs["tags"] = list(value)

    @property
    def rating(self) -> float | None:
        """A reader's acceptance score in [0, 1], or None."""
        return self._get("rating")  # type: ignore[no-any-return]

    @rating.setter
    def rating(self, value: float | None) -> None:
        self._set("rating", _checked_rating(value))

    @property
    def implicit(self) -> bool:
        """True when the author left this premise unstated (tagged ``implicit``)."""
        return IMPLICIT_TAG in self._get("tags", ())

    @property
    def inferences(self) -> list[Inference]:
        """The steps this claim is a premise of."""
        return [self._map._view(n) for n in self._map.graph.successors(self.id)]  # type: ignore[misc]

    @property
    def incoming(self) -> list[Inference]:
        """The reasons and objections that bear on this claim."""
        return [self._map._view(n) for n in self._map.graph.predecessors(self.id)]  # type: ignore[misc]

    @property
    def reasons(self) -> list[Inference]:
        """The supporting steps aimed at this claim."""
        return [i for i in self.incoming if i.polarity == "support"]

    @property
    def objections(self) -> list[Inference]:
        """The attacking steps aimed at this claim."""
        return [i for i in self.incoming if i.polarity == "attack"]

    @property
    def role(self) -> str:
        """Derived role: ``thesis``, ``reason``, ``objection``, ``rebuttal`` or ``premise``.

        A thesis is a premise of nothing. Otherwise the role follows the steps the claim is a
        premise of; a claim serving in steps of different roles is just a ``premise``. Of two
        claims that attack each other (a contradiction), the one that answers back keeps its
        role: see :func:`answers_back`.
        """
        graph = self._map.graph
        return _claim_role({i.role for i in self.inferences if not answers_back(graph, i.id)})


class Inference(_NodeView):
    """One step of reasoning: premises (claims) bearing on one target; a view of one node."""

    __slots__ = ()
    kind = "inference"

    @property
    def polarity(self) -> str:
        """``support`` (a reason) or ``attack`` (an objection)."""
        return self._get("polarity", "support")  # type: ignore[no-any-return]

    @property
    def scheme(self) -> str | None:
        """The argumentation scheme's name, or None."""
        return self._get("scheme")  # type: ignore[no-any-return]

    @scheme.setter
    def scheme(self, value: str | None) -> None:
        self._set("scheme", value)

    @property
    def premises(self) -> list[Claim]:
        """The claims that together make this step (linked when more than one)."""
        graph = self._map.graph
        return [Claim(self._map, n) for n in graph.predecessors(self.id)
                if graph.nodes[n].get("kind") == "claim"]

    @property
    def premise(self) -> Claim:
        """The first premise: handy for single-premise steps."""
        return self.premises[0]

    @property
    def target(self) -> Node:
        """The claim or inference this step bears on."""
        succ = list(self._map.graph.successors(self.id))
        if not succ:
            raise ValidationError([f"inference {self.id!r} has no target"])
        return self._map._view(succ[0])

    @property
    def linked(self) -> bool:
        """True when several premises support only together."""
        return len(self.premises) > 1

    @property
    def incoming(self) -> list[Inference]:
        """Steps aimed at this step (undercuts, and supports of the step)."""
        return [self._map._view(n) for n in self._map.graph.predecessors(self.id)  # type: ignore[misc]
                if self._map.graph.nodes[n].get("kind") == "inference"]

    @property
    def role(self) -> str:
        """Derived role: ``reason``, ``objection``, ``rebuttal`` or ``undercut``.

        An attack on a claim that serves an objection, or on an objection itself, is a
        rebuttal; any other attack on a step is an undercut. The answering half of a mutual
        attack (see :func:`answers_back`) has the role of the half it answers.
        """
        if self.polarity == "support":
            return "reason"
        graph = self._map.graph
        partner = _counterpart(graph, self.id)
        if partner is not None and answers_back(graph, self.id):
            return Inference(self._map, partner).role
        target = self.target
        if isinstance(target, Inference):
            return "rebuttal" if target.polarity == "attack" else "undercut"
        if any(i.polarity == "attack" and not answers_back(graph, i.id) for i in target.inferences):
            return "rebuttal"
        return "objection"


Node = Claim | Inference
ClaimLike = Claim | str
Target = Claim | Inference | str
_View = TypeVar("_View", bound=_NodeView)


class NodeList(list[_View]):
    """The claims (or the steps) of a map, in order; also looked up by id, typed.

    ``m.claims["t"]`` is a :class:`Claim` (``m["t"]`` may be either kind); ``KeyError`` when the
    map has no claim with that id. ``get`` returns None instead.

    >>> m = ArgumentMap()
    >>> step = m.support(m.claim("T", id="t"), "R", id="s")
    >>> m.claims["t"].text, m.inferences["s"].polarity, m.claims[0].id
    ('T', 'support', 't')
    >>> m.claims.get("s") is None
    True
    """

    __slots__ = ("_map", "_cls")

    def __init__(self, argmap: ArgumentMap, view: type[_View], items: Iterable[_View] = ()) -> None:
        super().__init__(items)
        self._map = argmap
        self._cls: type[_View] = view

    @overload
    def __getitem__(self, key: SupportsIndex) -> _View: ...
    @overload
    def __getitem__(self, key: slice) -> list[_View]: ...
    @overload
    def __getitem__(self, key: str) -> _View: ...
    def __getitem__(self, key: SupportsIndex | slice | str) -> _View | list[_View]:
        if isinstance(key, str):
            found = self.get(key)
            if found is None:
                raise KeyError(key)
            return found
        return super().__getitem__(key)

    def get(self, node_id: str) -> _View | None:
        """The node with that id when it is of this list's kind, else None."""
        attrs: dict[str, Any] | None = self._map.graph.nodes.get(node_id)
        if attrs is None or attrs.get("kind") != self._cls.kind:
            return None
        return self._cls(self._map, node_id)


def _checked_text(text: Any) -> str:
    """A claim's text, refused when it is not a string or is blank (as reading refuses it)."""
    if not isinstance(text, str):
        raise TypeError(f"claim text must be a string, not {type(text).__name__}")
    if not text.strip():
        raise ValidationError([f"claim text {text!r} is blank; a claim needs words"])
    return text


def _checked_rating(value: Any) -> float | None:
    """A rating as a float in [0, 1], or None; anything else is refused (as reading refuses it)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise ValidationError([f"rating {value!r} is not a number from 0 to 1"])
    return float(value)


def _counterpart(graph: nx.DiGraph, step: str) -> str | None:
    """The step answering ``step`` when two claims attack each other (A attacks B with a
    one-premise step, B attacks A likewise), or None."""
    nodes = graph.nodes
    if nodes[step].get("polarity") != "attack" or len(graph.pred[step]) != 1 or len(graph.succ[step]) != 1:
        return None
    premise = next(iter(graph.pred[step]))
    target = next(iter(graph.succ[step]))
    if nodes[target].get("kind") != "claim":
        return None
    for other in graph.succ[target]:
        if (other != step and premise in graph.succ[other] and len(graph.pred[other]) == 1
                and nodes[other].get("polarity") == "attack"):
            return other  # type: ignore[no-any-return]
    return None


def _claim_role(step_roles: set[str]) -> str:
    """A claim's role from the roles of the steps it is a premise of (answering halves left out)."""
    if not step_roles:
        return "thesis"
    roles = {"objection" if r == "undercut" else r for r in step_roles}
    return roles.pop() if len(roles) == 1 else "premise"


def node_roles(m: ArgumentMap) -> dict[str, str]:
    """Every node's role by id, as ``m[id].role`` gives it, each step's worked out once.

    Asking node by node works each step's role out again for every claim it serves; a drawing
    of a big map needs them all, several times.

    >>> m = ArgumentMap()
    >>> _ = m.attack(m.claim("T", id="t"), m.claim("O", id="o"), id="s")
    >>> node_roles(m) == {"s": "objection", "t": "thesis", "o": "objection"}
    True
    """
    graph = m.graph
    kinds = dict(graph.nodes(data="kind"))
    roles = {node: Inference(m, node).role for node, kind in kinds.items() if kind == "inference"}
    answering = {step for step in roles if answers_back(graph, step)}
    for node, kind in kinds.items():
        if kind == "claim":
            # (m[s]: a claim drawn into another claim by a hand-built graph still gets its role.)
            roles[node] = _claim_role({roles[s] if s in roles else m[s].role
                                       for s in graph.succ[node] if s not in answering})
    return roles


def _anchored(graph: nx.DiGraph, claim: str) -> bool:
    """True when a claim is a premise of some step besides the halves of mutual attacks."""
    return any(_counterpart(graph, step) is None for step in graph.succ[claim])


def answers_back(graph: nx.DiGraph, step: str) -> bool:
    """True when ``step`` is the answering half of a mutual attack between two claims.

    A contradiction (Argdown's ``><``, a contrary, two AIF conflicts in opposite directions) is
    an attack both ways. Roles read it one way: as an objection to the claim that stands in the
    rest of the map (a premise of some other step), or, when neither or both do, to the claim
    written first. The other half answers back, and the claim it comes from keeps the role its
    other steps give it, so a thesis contradicted and nothing else is still the thesis.

    >>> m = ArgumentMap()
    >>> t = m.claim("Schools should require uniforms.", id="t")
    >>> _ = m.attack(t, m.claim("Schools should not require uniforms.", id="x"), id="x-t")
    >>> _ = m.attack("x", t, id="t-x")
    >>> answers_back(m.graph, "t-x"), m["t"].role, m["x"].role, m["t-x"].role, m.thesis.id
    (True, 'thesis', 'objection', 'objection', 't')
    """
    partner = _counterpart(graph, step)
    if partner is None:
        return False
    premise = next(iter(graph.pred[step]))
    target = next(iter(graph.succ[step]))
    anchored_premise, anchored_target = _anchored(graph, premise), _anchored(graph, target)
    if anchored_premise != anchored_target:
        return anchored_premise  # the half aimed at the claim that stands elsewhere counts
    for node in graph:  # neither or both: the half aimed at the claim written first counts
        if node == premise:
            return True
        if node == target:
            return False
    return False  # pragma: no cover - both ends are in the graph


AttrTable = dict[str, dict[str, Any]]


def adjacency(graph: nx.DiGraph) -> tuple[AttrTable, dict[str, AttrTable], dict[str, AttrTable]]:
    """A graph's node attributes, successors and predecessors as the plain dicts networkx keeps.

    Passes over a whole big map (validation, checks, strength, the readers and writers) read these
    instead of ``graph.nodes[n]``/``graph.successors(n)``, whose view objects cost several times
    more per call. They are networkx's live tables: read them, never write them.

    >>> m = ArgumentMap()
    >>> _ = m.support(m.claim("T", id="t"), m.claim("R", id="r"), id="s")
    >>> nodes, succ, pred = adjacency(m.graph)
    >>> nodes["r"]["kind"], list(succ["r"]), list(pred["t"])
    ('claim', ['s'], ['s'])
    """
    return graph._node, graph._succ, graph._pred


class ClaimRow(TypedDict, total=False):
    """One claim for :meth:`ArgumentMap.add_claims`: the arguments of :meth:`ArgumentMap.claim` by name."""

    text: Required[str]
    id: str | None
    label: str | None
    tags: Iterable[str]
    sources: Iterable[Source]
    note: str | None
    data: Mapping[str, Any] | None
    rating: float | None
    group: str | None


class InferenceRow(TypedDict, total=False):
    """One step for :meth:`ArgumentMap.add_inferences`: the arguments of :meth:`ArgumentMap.infer` by
    name, except that ``premises`` name claims already in the map (ids or views), never new texts."""

    polarity: Required[str]
    target: Required[Target]
    premises: Required[Claim | str | Sequence[Claim | str]]
    id: str | None
    label: str | None
    scheme: str | None
    sources: Iterable[Source]
    note: str | None
    data: Mapping[str, Any] | None
    group: str | None


_CLAIM_KEYS = frozenset(("text", "id", "label", "tags", "sources", "note", "data", "rating", "group"))
_INFERENCE_KEYS = frozenset(("polarity", "target", "premises", "id", "label", "scheme", "sources", "note",
                             "data", "group"))


def _row_keys(row: object, known: frozenset[str], required: tuple[str, ...], what: str) -> None:
    """Refuse a row that is no mapping, has a key the single call has no argument for, or lacks one."""
    if type(row) is not dict and not isinstance(row, Mapping):
        raise TypeError(f"a {what} row is a mapping of argument names to values, not {type(row).__name__}")
    if not known.issuperset(row):
        unknown = ", ".join(repr(k) for k in row if k not in known)
        raise TypeError(f"unknown key(s) {unknown}; a {what} row takes {', '.join(sorted(known))}")
    for key in required:
        if key not in row:
            raise TypeError(f"a {what} row needs {key!r}")


def _at(where: str, exc: ValidationError | TypeError) -> ValidationError | TypeError:
    """The same error, saying which row of a batch it is about."""
    if isinstance(exc, ValidationError):
        return ValidationError([f"{where}: {p}" for p in exc.problems])
    return TypeError(f"{where}: {exc}")


def _claim_attrs(row: ClaimRow, text: str, rating: float | None) -> dict[str, Any]:
    """A claim's attributes from a row with optional keys, as :meth:`ArgumentMap.claim` lays them out."""
    attrs: dict[str, Any] = {"kind": "claim", "text": text}
    for key, value in (("label", row.get("label")), ("note", row.get("note")), ("group", row.get("group")),
                       ("rating", rating)):
        if value is not None:
            attrs[key] = value
    tags, sources, data = row.get("tags"), row.get("sources"), row.get("data")
    attrs["tags"] = [] if tags is None else list(tags)
    attrs["sources"] = [] if sources is None else list(sources)
    attrs["data"] = dict(data) if data else {}
    return attrs


def _step_attrs(row: InferenceRow, polarity: str) -> dict[str, Any]:
    """A step's attributes from a row with optional keys, as :meth:`ArgumentMap.infer` lays them out."""
    step: dict[str, Any] = {"kind": "inference", "polarity": polarity}
    for key in ("label", "scheme", "note", "group"):
        value = row.get(key)
        if value is not None:
            step[key] = value
    sources, data = row.get("sources"), row.get("data")
    step["sources"] = [] if sources is None else list(sources)
    step["data"] = dict(data) if data else {}
    return step


def _plain(graph: nx.DiGraph) -> bool:
    """True for a plain DiGraph whose adjacency is the dicts networkx has kept since 2.0: a batch
    writes into them directly (``add_node``/``add_edge`` copy and check per item what the batch
    checked already, at several times the cost of the work), as :func:`adjacency` reads them."""
    import networkx as nx

    return (type(graph) is nx.DiGraph and type(graph._succ) is dict and type(graph._pred) is dict
            and type(graph._node) is dict)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a batch is built (:func:`~argmap.gc_pause.gc_paused`),
    then file the batch as old.

    After the pause the collector would walk the batch twice more, moving it up its generations,
    before it files a map (data that lives long) with the oldest objects. ``gc.freeze()`` then
    ``gc.unfreeze()`` files them there at once (two list splices, no walk; the next full
    collection still walks them). It files the process's other young objects there too: reference
    cycles made just before the batch are freed at that next full collection instead of sooner.
    """
    with gc_paused():
        yield
    if gc.isenabled():
        gc.freeze()
        gc.unfreeze()


def fill(graph: nx.DiGraph, nodes: Iterable[tuple[str, dict[str, Any]]],
         edges: Iterable[tuple[str, str, dict[str, Any]]]) -> None:
    """Put nodes (id, attributes) and edges (u, v, attributes) into a graph at once.

    What ``add_nodes_from`` and ``add_edges_from`` do; into an empty graph (a reader's new map)
    written straight into the tables :func:`adjacency` reads, at a third of the cost on big maps
    (200,000 nodes and edges for 100,000 claims). There the dicts given become the graph's own,
    every edge's ends must be among the nodes, and an edge given twice keeps its last
    attributes. Nodes and edges keep the order given.

    >>> m = ArgumentMap()
    >>> fill(m.graph, [("t", {"kind": "claim", "text": "T"}), ("r", {"kind": "claim", "text": "R"}),
    ...                ("s", {"kind": "inference", "polarity": "support"})],
    ...      [("r", "s", {"role": "premise"}), ("s", "t", {"role": "support"})])
    >>> m["s"].premise.text, m["s"].target.id, m.graph.edges["s", "t"]["role"]
    ('R', 't', 'support')
    """
    if len(graph) or not _plain(graph):  # nodes to merge with, or tables of another shape: networkx's way
        graph.add_nodes_from(nodes)
        graph.add_edges_from(edges)
        return
    table, succ, pred = adjacency(graph)
    table.update(nodes)
    succ.update((n, {}) for n in table)
    pred.update((n, {}) for n in table)
    for u, v, attrs in edges:
        succ[u][v] = pred[v][u] = attrs
    _changed(graph)


def _changed(graph: nx.DiGraph) -> None:
    """After writing into the tables directly: clear what networkx's own calls clear on a change."""
    cache = getattr(graph, "__networkx_cache__", None)
    if isinstance(cache, dict):
        cache.clear()


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())[:_SLUG_WORDS]
    return "-".join(words)[:_SLUG_CHARS].strip("-")


class ArgumentMap:
    """An argument map over one ``networkx.DiGraph`` (``m.graph``).

    Node attribute ``kind`` is ``"claim"`` or ``"inference"``. Edges run premise claim →
    inference (``role="premise"``) and inference → target (``role="support"`` or
    ``role="attack"``), as in the Argument Interchange Format.

    Premises given as strings are new claims; targets given as strings are ids of existing nodes.
    Ids not given are derived from the label or text, so the same building code always gives the
    same ids.

    >>> m = ArgumentMap()
    >>> t = m.claim("Cats are better pets than dogs.")
    >>> t.id
    'cats-are-better-pets-than'
    >>> step = m.support(t, ["Cats need no walks.", "Walks take time."])
    >>> step.id, step.linked
    ('support-cats-are-better-pets-than', True)
    """

    def __init__(self, title: str | None = None, **meta: Any) -> None:
        import networkx as nx  # on the first map, not on `import argmap`: networkx takes 0.15 s to load

        self.graph: nx.DiGraph = nx.DiGraph()
        self.graph.graph["title"] = title
        self.graph.graph["meta"] = dict(meta)
        self._reserved: set[str] = set()  # ids a step being built claims before it exists
        self._suffixes: dict[str, int] = {}  # the last suffix derived ids used, by base

    # -- map-level attributes -------------------------------------------------------------
    @property
    def title(self) -> str | None:
        """The map's title, or None."""
        return self.graph.graph.get("title")  # type: ignore[no-any-return]

    @title.setter
    def title(self, value: str | None) -> None:
        self.graph.graph["title"] = value

    @property
    def meta(self) -> dict[str, Any]:
        """Free map-level metadata (author, date, config, ...)."""
        return self.graph.graph.setdefault("meta", {})  # type: ignore[no-any-return]

    # -- building ---------------------------------------------------------------------------
    def _new_id(self, wanted: str | None, base: str) -> str:
        if wanted is not None:
            if not isinstance(wanted, str) or not wanted.strip():
                raise ValidationError([f"id {wanted!r} must be a non-blank string"])
            if wanted in self.graph:
                raise ValidationError([f"duplicate id {wanted!r}"])
            return wanted
        base = base or "node"
        # Start after the last suffix handed out for this base: probing base-2, base-3, ... from
        # the start each time would make a star of n reasons on one claim cost n^2 lookups.
        n = self._suffixes.get(base, 1)
        candidate = base if n == 1 else f"{base}-{n}"
        while candidate in self.graph or candidate in self._reserved:
            n += 1
            candidate = f"{base}-{n}"
        self._suffixes[base] = n
        return candidate

    def claim(
        self,
        text: str,
        *,
        id: str | None = None,
        label: str | None = None,
        tags: Iterable[str] = (),
        sources: Iterable[Source] = (),
        note: str | None = None,
        data: Mapping[str, Any] | None = None,
        rating: float | None = None,
        group: str | None = None,
    ) -> Claim:
        """Add a claim and return its view.

        A blank text or a rating outside [0, 1] is refused here, as a duplicate id is, so a map
        built through the API can always be written and read back.

        >>> m = ArgumentMap()
        >>> m.claim("Tea is good.", id="tea", label="Tea").label
        'Tea'
        >>> m.claim("Tea is bad.", rating=2)
        Traceback (most recent call last):
        argmap.errors.ValidationError: the map has 1 problem:
          - rating 2 is not a number from 0 to 1
        """
        text = _checked_text(text)
        rating = _checked_rating(rating)
        # The slug only when no id is given: making it is a good part of the cost of a claim.
        node_id = self._new_id(id, "") if id is not None else self._new_id(None, _slug(label or text) or "claim")
        attrs: dict[str, Any] = {"kind": "claim", "text": text}
        optional = {"label": label, "note": note, "group": group, "rating": rating}
        attrs.update({k: v for k, v in optional.items() if v is not None})
        attrs["tags"] = list(tags)
        attrs["sources"] = list(sources)
        attrs["data"] = dict(data or {})
        self.graph.add_node(node_id, **attrs)
        return Claim(self, node_id)

    def _premise(self, premise: ClaimLike) -> str:
        if isinstance(premise, Claim):
            if premise._map is not self:
                raise ValidationError([f"claim {premise.id!r} belongs to another map"])
            return premise.id
        if isinstance(premise, str):
            return self.claim(premise).id
        raise TypeError(f"a premise is a Claim or a text, not {type(premise).__name__}")

    def _target(self, target: Target) -> str:
        if isinstance(target, (Claim, Inference)):
            if target._map is not self:
                raise ValidationError([f"node {target.id!r} belongs to another map"])
            return target.id
        if isinstance(target, str):
            if target not in self.graph:
                raise ValidationError([f"target {target!r} does not exist"])
            return target
        raise TypeError(f"a target is a Claim, an Inference or an id, not {type(target).__name__}")

    def infer(
        self,
        polarity: str,
        target: Target,
        premises: ClaimLike | Sequence[ClaimLike],
        *,
        id: str | None = None,
        label: str | None = None,
        scheme: str | None = None,
        sources: Iterable[Source] = (),
        note: str | None = None,
        data: Mapping[str, Any] | None = None,
        group: str | None = None,
    ) -> Inference:
        """Add a step of the given polarity; :meth:`support` and :meth:`attack` call this."""
        if polarity not in POLARITIES:
            raise ValidationError([f"polarity {polarity!r} is neither 'support' nor 'attack'"])
        target_id = self._target(target)
        items = [premises] if isinstance(premises, (str, Claim)) else list(premises)
        if not items:
            raise ValidationError(["a step needs at least one premise"])
        for p in items:  # check everything before adding anything: no half-built steps
            if not isinstance(p, (Claim, str)):
                raise TypeError(f"a premise is a Claim or a text, not {type(p).__name__}")
            if isinstance(p, Claim) and p._map is not self:
                raise ValidationError([f"claim {p.id!r} belongs to another map"])
            if isinstance(p, str):
                _checked_text(p)
        if id is not None:
            self._new_id(id, "")
        if all(isinstance(p, Claim) for p in items):  # the usual case when building in bulk
            premise_ids = [p.id for p in items]  # type: ignore[union-attr]
        else:
            # An explicit step id wins over the ids derived for its new premises.
            self._reserved = {id} if id is not None else set()
            try:
                premise_ids = [self._premise(p) for p in items]
            finally:
                self._reserved = set()
        node_id = id if id is not None else self._new_id(None, f"{polarity}-{target_id}")
        attrs: dict[str, Any] = {"kind": "inference", "polarity": polarity}
        for key, value in (("label", label), ("scheme", scheme), ("note", note), ("group", group)):
            if value is not None:
                attrs[key] = value
        attrs["sources"] = list(sources)
        attrs["data"] = dict(data or {})
        self.graph.add_node(node_id, **attrs)
        for pid in premise_ids:
            self.graph.add_edge(pid, node_id, role="premise")
        self.graph.add_edge(node_id, target_id, role=polarity)
        return Inference(self, node_id)

    def support(self, target: Target, premises: ClaimLike | Sequence[ClaimLike], **kw: Any) -> Inference:
        """Add a reason for ``target``: one premise, or a list of linked co-premises.

        Keyword arguments are those of :meth:`infer` (``id``, ``label``, ``scheme``, ...).
        """
        return self.infer("support", target, premises, **kw)

    def attack(self, target: Target, premises: ClaimLike | Sequence[ClaimLike], **kw: Any) -> Inference:
        """Add an objection to ``target``; aimed at an objection, it is a rebuttal."""
        return self.infer("attack", target, premises, **kw)

    def undercut(self, step: Inference | str, premises: ClaimLike | Sequence[ClaimLike], **kw: Any) -> Inference:
        """Attack the step itself (the premises may hold, yet the conclusion not follow)."""
        step_id = self._target(step)
        if self.graph.nodes[step_id].get("kind") != "inference":
            raise ValidationError([f"undercut target {step_id!r} is not an inference"])
        return self.infer("attack", step_id, premises, **kw)

    # -- building in bulk -------------------------------------------------------------------
    def add_claims(self, claims: Iterable[ClaimRow]) -> list[str]:
        """Add many claims at once, each checked as :meth:`claim` checks one; return their ids.

        Each item is a mapping of :meth:`claim`'s arguments by name (:class:`ClaimRow`): ``text``
        and any of ``id``, ``label``, ``tags``, ``sources``, ``note``, ``data``, ``rating``,
        ``group``. The claims are those one :meth:`claim` call per item would add, with the same
        ids, at a fraction of the cost: the way to build a map from a large dataset. Every item is
        checked as it is added; on an error (which names the item) those added are taken out
        again, so the map is as it was.

        >>> m = ArgumentMap()
        >>> m.add_claims([{"text": "Tea is good.", "id": "tea"}, {"text": "Tea is cheap.", "rating": 0.9}])
        ['tea', 'tea-is-cheap']
        >>> m.add_claims([{"text": "Coffee is good."}, {"text": " "}])
        Traceback (most recent call last):
        argmap.errors.ValidationError: the map has 1 problem:
          - claims[1]: claim text ' ' is blank; a claim needs words
        >>> len(m), m["tea-is-cheap"].rating
        (2, 0.9)
        """
        graph = self.graph
        nodes, succ, pred = graph._node, graph._succ, graph._pred
        plain = _plain(graph)
        added: list[str] = []
        with _collector_paused(), self._taken_out_on_error(added):
            for k, row in enumerate(claims):
                # The usual row (a dict of known keys, a plain text, an id and a float rating or none)
                # is checked inline; anything else goes through the checks claim() makes, for its error.
                try:
                    if type(row) is not dict or not _CLAIM_KEYS.issuperset(row) or "text" not in row:
                        _row_keys(row, _CLAIM_KEYS, ("text",), "claim")
                    text = row["text"]
                    if type(text) is not str or not text or text.isspace():
                        text = _checked_text(text)
                    rating = row.get("rating")
                    if rating is not None and not (type(rating) is float and 0.0 <= rating <= 1.0):
                        rating = _checked_rating(rating)
                    node_id = row.get("id")
                    if node_id is None:
                        node_id = self._new_id(None, _slug(row.get("label") or text) or "claim")
                    elif type(node_id) is not str or not node_id or node_id.isspace() or node_id in nodes:
                        self._new_id(node_id, "")  # raises the error claim() would
                    attrs: dict[str, Any]
                    if len(row) != 1 + ("id" in row) + ("rating" in row):  # other keys
                        attrs = _claim_attrs(row, text, rating)
                    elif rating is None:  # literals: a dict made whole is smaller and quicker to read
                        attrs = {"kind": "claim", "text": text, "tags": [], "sources": [], "data": {}}
                    else:
                        attrs = {"kind": "claim", "text": text, "rating": rating, "tags": [], "sources": [], "data": {}}
                except (ValidationError, TypeError) as exc:
                    raise _at(f"claims[{k}]", exc) from None
                if plain:
                    succ[node_id], pred[node_id], nodes[node_id] = {}, {}, attrs
                else:  # pragma: no cover - a subclass of DiGraph, or a future networkx
                    graph.add_node(node_id, **attrs)
                added.append(node_id)
        return added

    def add_inferences(self, inferences: Iterable[InferenceRow]) -> list[str]:
        """Add many steps at once, each checked as :meth:`infer` checks one; return their ids.

        Each item is a mapping of :meth:`infer`'s arguments by name (:class:`InferenceRow`):
        ``polarity``, ``target``, ``premises`` and any of ``id``, ``label``, ``scheme``,
        ``sources``, ``note``, ``data``, ``group``. Unlike :meth:`infer`, premises given as
        strings are **ids** of claims already in the map, never texts of new claims: add the
        claims first with :meth:`add_claims`. A target is a node already in the map or a step
        earlier in the same batch (an undercut). The steps, their ids and edges are those one
        :meth:`infer` call per item would add; on an error (which names the item) the map is
        unchanged.

        >>> m = ArgumentMap()
        >>> _ = m.add_claims([{"text": "T", "id": "t"}, {"text": "R", "id": "r"}, {"text": "U", "id": "u"}])
        >>> m.add_inferences([{"polarity": "support", "target": "t", "premises": "r"},
        ...                   {"polarity": "attack", "target": "support-t", "premises": ["u"]}])
        ['support-t', 'attack-support-t']
        >>> m["attack-support-t"].role, m["t"].reasons[0].premise.id
        ('undercut', 'r')
        >>> m.add_inferences([{"polarity": "support", "target": "t", "premises": "A new text."}])
        Traceback (most recent call last):
        argmap.errors.ValidationError: the map has 1 problem:
          - inferences[0]: premise 'A new text.' is no claim of the map; add it with add_claims() first
        """
        graph = self.graph
        nodes, succ, pred = graph._node, graph._succ, graph._pred
        plain = _plain(graph)
        added: list[str] = []
        with _collector_paused(), self._taken_out_on_error(added):
            for k, row in enumerate(inferences):
                # The usual row (a dict of known keys, ids as strings) is checked inline; anything
                # else goes through the checks infer() makes, for its error.
                try:
                    if (type(row) is not dict or not _INFERENCE_KEYS.issuperset(row) or "polarity" not in row
                            or "target" not in row or "premises" not in row):
                        _row_keys(row, _INFERENCE_KEYS, ("polarity", "target", "premises"), "step")
                    polarity = row["polarity"]
                    if polarity != "support" and polarity != "attack":
                        raise ValidationError([f"polarity {polarity!r} is neither 'support' nor 'attack'"])
                    target = row["target"]
                    if not isinstance(target, str):
                        target = self._target(target)  # a view of this map, else the error infer() gives
                    elif target not in nodes:
                        raise ValidationError([f"target {target!r} does not exist"])
                    premises = row["premises"]
                    found = nodes.get(premises) if isinstance(premises, str) else None
                    if found is not None and found.get("kind") == "claim":  # one premise, by id
                        premise_ids: Sequence[str] = (premises,)  # type: ignore[assignment]
                    else:
                        premise_ids = self._premise_ids(premises, nodes)
                    node_id = row.get("id")
                    if node_id is None:
                        node_id = self._new_id(None, f"{polarity}-{target}")
                    elif type(node_id) is not str or not node_id or node_id.isspace() or node_id in nodes:
                        self._new_id(node_id, "")  # raises the error infer() would
                    if len(row) == 3 + ("id" in row):  # no other key
                        step: dict[str, Any] = {"kind": "inference", "polarity": polarity, "sources": [], "data": {}}
                    else:
                        step = _step_attrs(row, polarity)
                except (ValidationError, TypeError) as exc:
                    raise _at(f"inferences[{k}]", exc) from None
                if plain:  # the node, then its edges in the order infer() adds them
                    succ[node_id], pred[node_id], nodes[node_id] = (out := {}), (into := {}), step
                    for pid in premise_ids:
                        into[pid] = succ[pid][node_id] = {"role": "premise"}
                    pred[target][node_id] = out[target] = {"role": polarity}
                else:  # pragma: no cover - a subclass of DiGraph, or a future networkx
                    graph.add_node(node_id, **step)
                    for pid in premise_ids:
                        graph.add_edge(pid, node_id, role="premise")
                    graph.add_edge(node_id, target, role=polarity)
                added.append(node_id)
        return added

    def _premise_ids(self, premises: Claim | str | Sequence[Claim | str], nodes: Mapping[str, Any]) -> list[str]:
        """The ids of a row's premises, each checked to name a claim of this map."""
        items = [premises] if isinstance(premises, (str, Claim)) else list(premises)
        if not items:
            raise ValidationError(["a step needs at least one premise"])
        premise_ids: list[str] = []
        for p in items:
            if type(p) is not str:
                if not isinstance(p, Claim):
                    raise TypeError(f"a premise is a claim's id or a Claim, not {type(p).__name__}")
                if p._map is not self:
                    raise ValidationError([f"claim {p.id!r} belongs to another map"])
                p = p.id
            attrs = nodes.get(p)
            if attrs is None or attrs.get("kind") != "claim":
                raise ValidationError([f"premise {p!r} is no claim of the map; add it with add_claims() first"])
            premise_ids.append(p)
        return premise_ids

    @contextmanager
    def _taken_out_on_error(self, added: list[str]) -> Iterator[None]:
        """Take the nodes a batch added out again (with their edges) if it stops on any error.

        A batch writes each item as soon as it is checked (a second pass over what was checked
        would cost a good part of the work again), so an error part way leaves this to undo.
        """
        try:
            yield
        except BaseException:
            for node in reversed(added):
                self.graph.remove_node(node)
            raise
        finally:
            _changed(self.graph)

    # -- reading ----------------------------------------------------------------------------
    def _view(self, node_id: str) -> Node:
        kind = self.graph.nodes[node_id].get("kind")
        if kind == "claim":
            return Claim(self, node_id)
        if kind == "inference":
            return Inference(self, node_id)
        raise ValidationError([f"node {node_id!r} has unknown kind {kind!r}"])

    def __getitem__(self, node_id: str) -> Node:
        if node_id not in self.graph:
            raise KeyError(node_id)
        return self._view(node_id)

    def __contains__(self, node_id: object) -> bool:
        return node_id in self.graph

    def __len__(self) -> int:
        return self.graph.number_of_nodes()  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[Node]:
        return (self._view(n) for n in self.graph.nodes)

    def get(self, node_id: str) -> Node | None:
        """The node with that id, or None."""
        return self._view(node_id) if node_id in self.graph else None

    @property
    def claims(self) -> NodeList[Claim]:
        """Every claim, in insertion order; ``m.claims[id]`` looks one up by id."""
        return NodeList(self, Claim, (Claim(self, n) for n, k in self.graph.nodes(data="kind") if k == "claim"))

    @property
    def inferences(self) -> NodeList[Inference]:
        """Every inference, in insertion order; ``m.inferences[id]`` looks one up by id."""
        return NodeList(self, Inference,
                        (Inference(self, n) for n, k in self.graph.nodes(data="kind") if k == "inference"))

    @property
    def theses(self) -> list[Claim]:
        """Every claim that is a premise of nothing (but answers back, see :func:`answers_back`),
        in insertion order."""
        graph = self.graph
        return [c for c in self.claims if graph.out_degree(c.id) == 0
                or all(answers_back(graph, step) for step in graph.succ[c.id])]

    @property
    def thesis(self) -> Claim | None:
        """The main thesis: the first claim that is a premise of nothing (None if no claims)."""
        theses = self.theses
        if not theses:
            return None
        # Prefer a thesis that something bears on over a stray, unconnected claim.
        connected = [c for c in theses if self.graph.in_degree(c.id) > 0]
        return (connected or theses)[0]

    def copy(self) -> ArgumentMap:
        """A deep copy (the graph and every attribute)."""
        import copy

        other = ArgumentMap.__new__(ArgumentMap)
        other.graph = copy.deepcopy(self.graph)
        other._reserved = set()
        other._suffixes = dict(self._suffixes)
        return other

    def validate(self) -> None:
        """Check the model's rules; raise :class:`ValidationError` listing every problem.

        >>> m = ArgumentMap()
        >>> _ = m.claim("Tea is good.", id="blank")
        >>> m.graph.nodes["blank"]["text"] = "  "  # edited by hand, past the API's checks
        >>> try:
        ...     m.validate()
        ... except ValidationError as e:
        ...     print(e.problems)
        ["claim 'blank': text is blank"]
        """
        from argmap.validation import problems

        found = problems(self)
        if found:
            raise ValidationError(found)

    # -- display ----------------------------------------------------------------------------
    def to_dot(self, theme: str = "default", **options: Unpack[DrawingKeywords]) -> graphviz.Digraph:
        """The map as a ``graphviz.Digraph`` (DOT source; no layout engine needed).

        The options are those of ``argmap.render``.
        """
        from argmap.drawing.options import DrawingOptions  # the one sanctioned call up to drawing
        from argmap.drawing.output import digraph

        return digraph(self, theme, DrawingOptions.of(**options))

    def _repr_svg_(self) -> str:
        from argmap.drawing.output import draw  # the one sanctioned call up to drawing

        return draw(self, "svg").decode("utf-8")

    def _repr_html_(self) -> str:
        """The interactive map for notebooks: scoped styles, a script that defines no globals."""
        from argmap.drawing.output import notebook_html  # the one sanctioned call up to drawing

        return notebook_html(self)

    def __repr__(self) -> str:
        title = f" {self.title!r}" if self.title else ""
        return (f"<ArgumentMap{title}: {len(self.claims)} claims, "
                f"{len(self.inferences)} inferences>")
