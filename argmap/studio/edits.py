"""The edits a student makes in the studio, as plain functions over a map.

Each edit checks everything before it changes anything (a refused edit leaves the map as it was),
then returns an :class:`Edited`: what to call it in the undo list and the live region, and the
node to select next. The server (:mod:`argmap.studio.server`) calls :func:`apply` with the
operation's name and its arguments as they came from the page, so every argument is checked
here, as data from outside.

>>> from argmap import ArgumentMap
>>> m = ArgumentMap()
>>> done = apply(m, "thesis", {"text": "Schools should require uniforms."})
>>> done.label, done.select
('add the thesis', 'schools-should-require-uniforms')
>>> done = apply(m, "reason", {"target": done.select, "text": "Uniforms reduce bullying."})
>>> m[done.select].role, done.label
('reason', 'add a reason')
>>> apply(m, "reason", {"target": "nowhere", "text": "x"})
Traceback (most recent call last):
argmap.studio.edits.EditError: there is no claim or step 'nowhere' (it may have been deleted)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from argmap.drawing.folds import fold_tree
from argmap.errors import ArgmapError
from argmap.model import ArgumentMap, Claim, Inference, Source
from argmap.text import shorten

__all__ = ["Edited", "EditError", "apply", "OPERATIONS", "SOURCE_FIELDS", "MAX_TEXT", "quote_source"]

#: The longest text one field may hold (a claim, a note, a quote): long enough for any paragraph.
MAX_TEXT = 20_000
#: The most tags or sources one node may carry.
MAX_ITEMS = 50
#: The fields of a source the editor shows, in its order.
SOURCE_FIELDS = ("author", "title", "outlet", "date", "url", "quote", "kind")


class EditError(ArgmapError):
    """An edit that cannot be made; the message says why, in words for the student."""


@dataclass(frozen=True)
class Edited:
    """What an edit did: ``label`` names it (``add a reason``), ``select`` is the node to select."""

    label: str
    select: str | None


# -- checking what came from the page ---------------------------------------------------------

def _text(args: Mapping[str, Any], key: str, *, required: bool = True) -> str | None:
    value = args.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise EditError(f"{key} must be text")
    if len(value) > MAX_TEXT:
        raise EditError(f"{key} is too long ({len(value):,} characters; at most {MAX_TEXT:,})")
    if required and not value.strip():
        raise EditError(f"the {key} is empty: a claim needs words" if key == "text" else f"the {key} is empty")
    return value


def _optional(args: Mapping[str, Any], key: str) -> str | None:
    """An optional text field: blank means none."""
    value = _text(args, key, required=False)
    return value.strip() or None if value is not None else None


def _node(m: ArgumentMap, args: Mapping[str, Any], key: str = "target") -> Claim | Inference:
    node_id = args.get(key)
    if not isinstance(node_id, str) or node_id not in m:
        raise EditError(f"there is no claim or step {shorten(str(node_id), 40)!r} (it may have been deleted)")
    return m[node_id]


def _step_of(node: Claim | Inference, what: str) -> Inference:
    """The step a claim is a premise of (the first, when several), or the step itself."""
    if isinstance(node, Inference):
        return node
    steps = node.inferences
    if not steps:
        raise EditError(f"a thesis is no reason or objection, so it has no step for {what}: "
                        "select a reason or an objection")
    return steps[0]


def quote_source(quote: str, like: Mapping[str, str] | None = None) -> Source:
    """A source for a passage of the article: the quote, with the article's author, outlet, date,
    title and URL when known (``like``).

    >>> quote_source("Tea is good.", {"author": "Ann", "quote": "other"})
    Source(author='Ann', title=None, outlet=None, url=None, date=None, quote='Tea is good.', kind=None)
    """
    known = {k: v for k, v in (like or {}).items() if k in ("author", "title", "outlet", "url", "date") and v}
    return Source(**known, quote=quote)


def _sources_from(args: Mapping[str, Any], like: Mapping[str, str] | None) -> list[Source]:
    quote = _text(args, "quote", required=False)
    if quote is None or not quote.strip():
        return []
    return [quote_source(quote, like)]


def _new_claim(m: ArgumentMap, args: Mapping[str, Any], like: Mapping[str, str] | None) -> Claim:
    """The claim an adding edit brings: its text, and the passage it quotes as its source."""
    text = _text(args, "text")
    assert text is not None
    return m.claim(text, sources=_sources_from(args, like))


# -- the operations -------------------------------------------------------------------------------

def _thesis(m: ArgumentMap, args: Mapping[str, Any], like: Mapping[str, str] | None) -> Edited:
    claim = _new_claim(m, args, like)
    return Edited("add the thesis" if len(m.theses) == 1 else "add a thesis", claim.id)


def _step(polarity: str, word: str) -> Callable[[ArgumentMap, Mapping[str, Any], Mapping[str, str] | None], Edited]:
    def run(m: ArgumentMap, args: Mapping[str, Any], like: Mapping[str, str] | None) -> Edited:
        target = _node(m, args)
        premise = _new_claim(m, args, like)
        m.infer(polarity, target, premise)
        return Edited(f"add {word}", premise.id)
    return run


def _rebuttal(m: ArgumentMap, args: Mapping[str, Any], like: Mapping[str, str] | None) -> Edited:
    """An objection to an objection: aimed at the objection's step, as the flagship map does."""
    node = _node(m, args)
    if isinstance(node, Claim):
        attacks = [s for s in node.inferences if s.polarity == "attack"]
        if not attacks:
            raise EditError("a rebuttal answers an objection: select an objection first "
                            "(to object to this claim, add an objection)")
        step: Claim | Inference = attacks[0]
    else:
        if node.polarity != "attack":
            raise EditError("a rebuttal answers an objection: select an objection first")
        step = node
    premise = _new_claim(m, args, like)
    m.attack(step, premise)
    return Edited("add a rebuttal", premise.id)


def _copremise(m: ArgumentMap, args: Mapping[str, Any], like: Mapping[str, str] | None) -> Edited:
    step = _step_of(_node(m, args), "a co-premise")
    premise = _new_claim(m, args, like)
    m.graph.add_edge(premise.id, step.id, role="premise")
    return Edited("add a co-premise", premise.id)


def _undercut(m: ArgumentMap, args: Mapping[str, Any], like: Mapping[str, str] | None) -> Edited:
    step = _step_of(_node(m, args), "an undercut")
    premise = _new_claim(m, args, like)
    m.undercut(step, premise)
    return Edited("add an undercut", premise.id)


def _update(m: ArgumentMap, args: Mapping[str, Any], like: Mapping[str, str] | None) -> Edited:
    """Change a node's text, label, tags, note or (a step's) scheme: only the fields given."""
    node = _node(m, args, "node")
    fields = args.get("fields")
    if not isinstance(fields, Mapping) or not fields:
        raise EditError("nothing to change")
    allowed = {"label", "note"} | ({"text", "tags"} if isinstance(node, Claim) else {"scheme"})
    unknown = sorted(set(fields) - allowed)
    if unknown:
        raise EditError(f"a {node.kind} has no field {unknown[0]!r} to edit")
    changes: dict[str, Any] = {}
    if "text" in fields:
        changes["text"] = _text(fields, "text")
    for key in ("label", "note", "scheme"):
        if key in fields:
            changes[key] = _optional(fields, key)
    if "tags" in fields:
        tags = fields["tags"]
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags) or len(tags) > MAX_ITEMS:
            raise EditError(f"tags must be a list of at most {MAX_ITEMS} words")
        clean = [t.strip() for t in tags if t.strip()]
        if any(len(t) > 200 for t in clean):
            raise EditError("a tag is at most 200 characters")
        changes["tags"] = list(dict.fromkeys(clean))
    for key, value in changes.items():
        setattr(node, key, value)
    names = {"text": "text", "label": "label", "note": "note", "scheme": "scheme", "tags": "tags"}
    return Edited("edit the " + " and ".join(names[k] for k in changes), node.id)


def _sources(m: ArgumentMap, args: Mapping[str, Any], like: Mapping[str, str] | None) -> Edited:
    """Replace a node's sources with the list given (each a mapping of the source fields)."""
    node = _node(m, args, "node")
    raw = args.get("sources")
    if not isinstance(raw, list) or len(raw) > MAX_ITEMS:
        raise EditError(f"sources must be a list of at most {MAX_ITEMS}")
    sources = []
    for item in raw:
        if not isinstance(item, Mapping) or set(item) - set(SOURCE_FIELDS):
            raise EditError(f"a source has the fields {', '.join(SOURCE_FIELDS)}")
        values = {k: _optional(item, k) for k in SOURCE_FIELDS if k in item}
        if any(values.values()):
            sources.append(Source(**{k: v for k, v in values.items() if v is not None}))
    node.sources = sources
    return Edited("edit the sources", node.id)


def _branch(m: ArgumentMap, node_id: str) -> set[str]:
    """The node and everything that bears on the map only through it (what folding it hides)."""
    tree = fold_tree(m)
    found = {node_id}
    stack = list(tree.get(node_id, ()))
    while stack:
        node = stack.pop()
        found.add(node)
        stack.extend(tree[node])
    return found


def _move(m: ArgumentMap, args: Mapping[str, Any], like: Mapping[str, str] | None) -> Edited:
    """Hang a branch under another claim: its step now bears on the new target.

    A claim that is a premise of a step moves with that step; a thesis becomes a reason for the
    new target. A branch cannot move under itself (the map would go round in a circle).
    """
    node = _node(m, args, "node")
    target = _node(m, args)
    step = node if isinstance(node, Inference) else (node.inferences[0] if node.inferences else None)
    moving = step.id if step is not None else node.id
    below = nx.ancestors(m.graph, moving) | {moving}  # everything that bears on what moves
    if target.id in below:
        raise EditError("a branch cannot move under one of its own claims")
    if step is None:
        assert isinstance(node, Claim)  # a node with no step is a claim: a step always has a target
        m.support(target, node)
        return Edited("move a branch", node.id)
    old = step.target.id
    if old == target.id:
        raise EditError("it already bears on that claim")
    polarity = step.polarity
    m.graph.remove_edge(step.id, old)
    m.graph.add_edge(step.id, target.id, role=polarity)
    return Edited("move a branch", node.id)


def _delete(m: ArgumentMap, args: Mapping[str, Any], like: Mapping[str, str] | None) -> Edited:
    """Delete a claim or step with its branch; steps left without premises or target go too."""
    node = _node(m, args, "node")
    after: str | None = None
    if isinstance(node, Claim) and node.inferences:
        after = node.inferences[0].target.id
    elif isinstance(node, Inference):
        after = node.target.id
    gone = _branch(m, node.id)
    if isinstance(node, Claim):
        # A step whose only premise this is goes with it, and so does what bears on that step.
        for step in node.inferences:
            if len(step.premises) == 1:
                gone |= _branch(m, step.id)
    claims = sum(1 for n in gone if m.graph.nodes[n].get("kind") == "claim")
    m.graph.remove_nodes_from(gone)
    # A step that lost every premise, or its target, is no step: remove it (and repeat, since
    # removing it may strand what was aimed at it).
    while True:
        broken = [n for n, kind in m.graph.nodes(data="kind") if kind == "inference"
                  and (m.graph.out_degree(n) != 1 or not any(
                      m.graph.nodes[p].get("kind") == "claim" for p in m.graph.predecessors(n)))]
        if not broken:
            break
        m.graph.remove_nodes_from(broken)
    if isinstance(node, Claim):
        label = "delete a claim" + (f" and {claims - 1} below it" if claims > 1 else "")
    else:
        label = "delete a step" + (f" and {claims} claims below it" if claims else "")
    return Edited(label, after if after in m else None)


def _title(m: ArgumentMap, args: Mapping[str, Any], like: Mapping[str, str] | None) -> Edited:
    m.title = _optional(args, "title")
    return Edited("rename the map", None)


#: Every operation the page may ask for, by name.
OPERATIONS: dict[str, Callable[[ArgumentMap, Mapping[str, Any], Mapping[str, str] | None], Edited]] = {
    "thesis": _thesis,
    "reason": _step("support", "a reason"),
    "objection": _step("attack", "an objection"),
    "rebuttal": _rebuttal,
    "copremise": _copremise,
    "undercut": _undercut,
    "update": _update,
    "sources": _sources,
    "move": _move,
    "delete": _delete,
    "title": _title,
}


def apply(m: ArgumentMap, op: str, args: Mapping[str, Any], *, like: Mapping[str, str] | None = None) -> Edited:
    """Make edit ``op`` with ``args`` on ``m``; ``like`` are the source fields new quotes share.

    Raises :class:`EditError` (and changes nothing) when the edit cannot be made.
    """
    run = OPERATIONS.get(op) if isinstance(op, str) else None
    if run is None:
        raise EditError(f"unknown edit {shorten(str(op), 40)!r}")
    if not isinstance(args, Mapping):
        raise EditError("an edit's arguments are a mapping")
    return run(m, args, like)
