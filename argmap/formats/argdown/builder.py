"""Turn a parsed Argdown :class:`~argmap.formats.argdown.document.Document` into an argument map.

The mapping:

- a statement equivalence class is a claim (its title is the label; its first text the text);
- a reconstructed argument (with a premise-conclusion structure) is a chain of inferences, one
  per inference line, whose premises are its premise statements and whose target is its
  conclusion; the last step carries the argument's title (label), description (note) and
  inference rules (scheme);
- an argument without a premise-conclusion structure is a claim holding its description (its
  "gist"), marked ``data["argdown"]["argument"] = True``;
- a relation is an inference with the source as its single premise: support and ``entails`` are
  support; attack, ``contrary``, ``contradictory`` and undercut are attacks. A relation aimed at a
  reconstructed argument is aimed at its last inference; an undercut of a sketched argument at the
  step it makes. ``contrary`` and ``contradictory`` are symmetric: they add the mirror attack too.

What the model has no slot for (the relation type, the argument an outgoing relation was written
on, alternative texts, sections, ...) goes to ``data["argdown"]`` or ``m.meta["argdown"]`` so the
writer can give it back. Headings become each node's ``group``.

>>> from argmap.formats.argdown.parser import parse
>>> m = build(parse("[T]: Tea is good.\\n  + [W]: Tea is warm.\\n  _ <X>: Not always."))
>>> [(i.polarity, i.premise.label, i.target.id) for i in m.inferences]
[('support', 'W', 't'), ('attack', 'X', 't')]
>>> m.inferences[1].data
{'argdown': {'relation': 'undercut'}}
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import fields
from typing import Any

from argmap.errors import ParseError
from argmap.formats.argdown.document import (
    Argument,
    Document,
    Member,
    Relation,
    StatementClass,
    _regroup,
)
from argmap.model import ArgumentMap, Source, fill
from argmap.model import _slug as _model_slug

__all__ = ["build", "KEY"]

#: The key in ``data``/``meta`` under which argmap keeps what only Argdown needs.
KEY = "argdown"

_POLARITY = {"support": "support", "entails": "support", "attack": "attack", "contrary": "attack",
             "contradictory": "attack", "undercut": "attack"}
_SYMMETRIC = ("contrary", "contradictory")


class _Builder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        fm = dict(doc.frontmatter)
        title = fm.pop("title", None)
        self.m = ArgumentMap(title=None if title is None else str(title))
        self.m.meta.update(fm)
        self.g = self.m.graph
        if doc.path is not None:
            self.g.graph["path"] = doc.path
        self.claim_of: dict[str, str] = {}  # statement key -> claim id
        self.sketch_of: dict[str, str] = {}  # argument key (no PCS) -> claim id
        self.final_of: dict[str, str] = {}  # argument key (PCS) -> id of its last inference
        self.steps_of: dict[str, list[str]] = {}  # argument key -> its inference ids
        self.regroup = self._regroup_map()
        self.suffix: dict[str, int] = {}  # id base -> the last number new_id gave it
        self.reconstructed: set[str] = set()  # inferences of premise-conclusion structures
        self.plain_looking: list[str] = []  # one-premise reconstructions that look like relations
        # built here, then added to the graph at once (networkx's bulk calls are much faster)
        self.attrs: dict[str, dict[str, Any]] = {}
        self.edges: list[tuple[str, str, dict[str, str]]] = []
        self.out: dict[str, list[str]] = {}  # node -> the inferences it is a premise of

    def _regroup_map(self) -> dict[tuple[str, str], str]:
        """(kind, title) -> group name from the front matter's ``group: regroup:`` tree."""
        out: dict[tuple[str, str], str] = {}
        stack = list(_regroup(self.doc.frontmatter) or [])
        while stack:
            node = stack.pop()
            if not isinstance(node, dict) or "title" not in node:
                continue
            for kind, key in (("statement", "statements"), ("argument", "arguments")):
                for title in node.get(key) or []:
                    out.setdefault((kind, str(title)), str(node["title"]))
            if isinstance(node.get("children"), list):
                stack.extend(node["children"])
        return out

    def new_id(self, base: str) -> str:
        """``base``, else ``base-2``, ``base-3``, ... (as ArgumentMap does), counting on from the
        last number given so many steps aimed at one claim stay cheap."""
        base = base or "node"
        if base not in self.attrs:
            return base
        n = self.suffix.get(base, 1)
        while True:
            n += 1
            candidate = f"{base}-{n}"
            if candidate not in self.attrs:
                self.suffix[base] = n
                return candidate

    # -- nodes ---------------------------------------------------------------------------
    def claim(self, cls: StatementClass) -> None:
        members = cls.members
        if len(members) == 1 and members[0].text and not self.regroup and KEY not in members[0].data:
            self.simple_claim(cls, members[0])  # most statements: written once
            return
        texts = list(dict.fromkeys(m.text for m in members if m.text))
        label = cls.title if cls.titled else None
        extra: dict[str, Any] = {}
        if texts:
            text = texts[0]
            if len(texts) > 1:
                extra["texts"] = texts[1:]
        else:  # only ever referenced: Argdown shows the title
            text = cls.title
            extra["untexted"] = True
        tags: list[str] = []
        data: dict[str, Any] = {}
        for member in members:
            for tag in member.tags:
                if tag not in tags:
                    tags.append(tag)
            if member.data:
                data.update(member.data)
        if extra:
            data[KEY] = {**data.get(KEY, {}), **extra} if isinstance(data.get(KEY), dict) else extra
        first = next((m for m in members if m.text), members[0])
        label = _own_label(data, label)
        node = self.new_id(slug(label or text) or "claim")
        attrs: dict[str, Any] = {"kind": "claim", "text": text}
        if label is not None:
            attrs["label"] = label
        group = self.regroup.get(("statement", cls.title)) or first.section
        if group is not None:
            attrs["group"] = group
        attrs["tags"] = tags
        attrs["sources"] = []
        attrs["data"] = data
        attrs["line"] = first.line
        self.attrs[node] = attrs
        self.claim_of[cls.title] = node

    def simple_claim(self, cls: StatementClass, member: Member) -> None:
        """A statement written once: the common case, kept fast."""
        text = member.text
        assert text is not None
        label = cls.title if cls.titled else None
        node = self.new_id(slug(label or text) or "claim")
        attrs: dict[str, Any] = {"kind": "claim", "text": text}
        if label is not None:
            attrs["label"] = label
        if member.section is not None:
            attrs["group"] = member.section
        attrs["tags"] = list(member.tags)
        attrs["sources"] = []
        attrs["data"] = dict(member.data)
        attrs["line"] = member.line
        self.attrs[node] = attrs
        self.claim_of[cls.title] = node

    def sketch(self, arg: Argument) -> None:
        """An argument without premise-conclusion structure: a claim holding its description."""
        label = arg.title
        texts = list(dict.fromkeys(m.text for m in arg.members if m.text))
        extra: dict[str, Any] = {"argument": True}
        if texts:
            text = texts[0]
            if len(texts) > 1:
                extra["texts"] = texts[1:]
        else:
            text = label
            extra["untexted"] = True
        tags, data = self._merged(arg)
        label = _own_label(data, label) or label
        data[KEY] = {**data[KEY], **extra} if isinstance(data.get(KEY), dict) else extra
        first = next((m for m in arg.members if m.text), arg.members[0] if arg.members else None)
        node = self.new_id(slug(label) or "argument")
        attrs: dict[str, Any] = {"kind": "claim", "text": text, "label": label}
        group = self.regroup.get(("argument", arg.title)) or (first.section if first else None)
        if group is not None:
            attrs["group"] = group
        attrs.update(tags=tags, sources=[], data=data)
        if first is not None:
            attrs["line"] = first.line
        self.attrs[node] = attrs
        self.sketch_of[arg.title] = node

    def _merged(self, arg: Argument) -> tuple[list[str], dict[str, Any]]:
        tags: list[str] = []
        data: dict[str, Any] = {}
        for member in arg.members:
            for tag in member.tags:
                if tag not in tags:
                    tags.append(tag)
            data.update(member.data)
        return tags, data

    def reconstruction(self, arg: Argument) -> None:
        """A reconstructed argument: one inference per step, the last one named after it."""
        steps = arg.steps()
        label = arg.title if arg.titled else None
        base = self.new_id(slug(label) if label else "argument")
        self.attrs[base] = {}  # reserved for the last step
        texts = list(dict.fromkeys(m.text for m in arg.members if m.text))
        tags, data = self._merged(arg)
        label = _own_label(data, label)
        first = next((m for m in arg.members if m.text), arg.members[0] if arg.members else None)
        group = self.regroup.get(("argument", arg.title)) or (first.section if first else None)
        ids: list[str] = []
        for index in range(1, len(steps) + 1):
            node = base if index == len(steps) else self.new_id(f"{base}-step-{index}")
            self.attrs[node] = {}
            ids.append(node)
        for index, ((premises, inference, conclusion), node) in enumerate(zip(steps, ids, strict=True), start=1):
            final = index == len(steps)
            target = self.claim_of[conclusion]
            premise_ids = [self.claim_of[p] for p in premises]
            if not premise_ids:
                raise ParseError(f"step {index} of the argument {self._name(arg)} has no premises",
                                 path=self.doc.path, line=inference.line)
            if target in premise_ids:
                raise ParseError(f"step {index} of the argument {self._name(arg)} concludes one of its "
                                 "own premises", path=self.doc.path, line=inference.line)
            info: dict[str, Any] = {"step": index, "steps": len(steps)} if len(steps) > 1 else {}
            rule_data = {k: v for k, v in inference.data.items() if k != "uses"}  # "uses" is structure
            own = rule_data.get(KEY)
            written_scheme = own.pop("scheme", None) if isinstance(own, dict) else None  # too odd for a rule
            if isinstance(own, dict) and not own:
                del rule_data[KEY]
            if rule_data:
                info["inference_data"] = rule_data
            attrs: dict[str, Any] = {"kind": "inference", "polarity": "support"}
            if final:
                if label is not None:
                    attrs["label"] = label
                if texts:
                    attrs["note"] = texts[0]
                    if len(texts) > 1:
                        info["texts"] = texts[1:]
                if tags:
                    info["tags"] = tags
                node_data = dict(data)
            else:
                node_data = {}
            if inference.rules:
                attrs["scheme"] = ", ".join(inference.rules)
            if isinstance(written_scheme, str):
                attrs["scheme"] = written_scheme
            if group is not None:
                attrs["group"] = group
            attrs["sources"] = []
            if not final:
                info["of"] = ids[-1]
            if (len(steps) == 1 and len(premise_ids) == 1 and not info and not node_data
                    and not attrs.get("label") and not attrs.get("scheme") and not attrs.get("note")):
                self.plain_looking.append(node)
            if info:
                node_data[KEY] = {**node_data[KEY], **info} if isinstance(node_data.get(KEY), dict) else info
            attrs["data"] = node_data
            attrs["line"] = inference.line
            self.attrs[node] = attrs
            for pid in premise_ids:
                self.edges.append((pid, node, {"role": "premise"}))
                self.out.setdefault(pid, []).append(node)
            self.edges.append((node, target, {"role": "support"}))
        self.final_of[arg.title] = ids[-1]
        self.steps_of[arg.title] = ids
        self.reconstructed.update(ids)

    @staticmethod
    def _name(arg: Argument) -> str:
        return f"<{arg.title}>" if arg.titled else "(untitled)"

    # -- relations -----------------------------------------------------------------------
    def end(self, node: tuple[str, str]) -> str:
        kind, key = node
        if kind == "statement":
            return self.claim_of[key]
        if kind == "argument":
            return self.final_of.get(key) or self.sketch_of[key]
        title, _, step = key.rpartition("\x01")  # the title may hold \x01 too; the index never does
        return self.steps_of[title][int(step)]

    def relation(self, rel: Relation) -> None:
        source = self.end(rel.source)
        target = self.end(rel.target)
        info: dict[str, Any] = {}
        if rel.type == "undercut" and rel.target[0] == "argument" and rel.target[1] in self.sketch_of:
            # undercutting a sketched argument attacks the step it makes, if it makes one
            steps = self.out.get(target, [])
            if len(steps) == 1:
                target = steps[0]
        if source == target:
            raise ParseError("a statement or argument cannot support or attack itself",
                             path=self.doc.path, line=rel.line, column=rel.column)
        if self.attrs[source].get("kind") != "claim":  # pragma: no cover - sources are claims
            raise ParseError("only statements and arguments can support or attack", path=self.doc.path,
                             line=rel.line)
        on_step = self.attrs[target].get("kind") == "inference"
        natural = "support" if _POLARITY[rel.type] == "support" else ("undercut" if on_step else "attack")
        if rel.type != natural:  # argmap reads an attack on a step as an undercut
            info["relation"] = rel.type
        if rel.argument is not None:
            info["from"] = rel.argument
        self._inference(source, target, rel, info)
        if rel.type in _SYMMETRIC and self.attrs[target].get("kind") == "claim":
            self._inference(target, source, rel, {**info, "mirror": True})

    def _inference(self, source: str, target: str, rel: Relation, info: dict[str, Any]) -> None:
        polarity = _POLARITY[rel.type]
        node = self.new_id(f"{polarity}-{target}")
        attrs: dict[str, Any] = {"kind": "inference", "polarity": polarity, "sources": [],
                                 "data": {KEY: info} if info else {}, "line": rel.line}
        self.attrs[node] = attrs
        self.edges.append((source, node, {"role": "premise"}))
        self.edges.append((node, target, {"role": polarity}))
        self.out.setdefault(source, []).append(node)

    def restore(self) -> None:
        """Give back argmap's own attributes the writer kept in ``data["argdown"]``, and note
        the stand-in conclusions of objections (see :meth:`fold_objections`)."""
        self.objections: list[str] = []
        nodes = self.g._node if hasattr(self.g, "_node") else dict(self.g.nodes(data=True))
        for node, attrs in nodes.items():
            info = attrs.get("data", {}).get(KEY) if attrs.get("data") else None
            if info is not None:
                if isinstance(info, dict) and info.get("objection") and attrs.get("kind") == "claim":
                    self.objections.append(node)
                _restore_node(node, attrs, self.doc.path)

    def fold_objections(self) -> None:
        """An argument concluding a stand-in ``{argdown: {objection: true}}`` statement that
        attacks one target is one linked attack on that target (how argmap writes it)."""
        g = self.g
        for claim in self.objections:
            into = list(g.predecessors(claim))
            out = list(g.successors(claim))
            if len(into) != 1 or len(out) != 1 or g.nodes[out[0]].get("polarity") != "attack":
                continue
            step, attack = into[0], out[0]
            target = next(iter(g.successors(attack)))
            if next(iter(g.predecessors(attack)), None) != claim or g.in_degree(attack) != 1:
                continue
            if step not in self.reconstructed or target in g.predecessors(step) or target == step:
                continue
            info = g.nodes[attack].get("data", {}).get(KEY, {})
            g.remove_node(attack)
            g.remove_node(claim)
            g.nodes[step]["polarity"] = "attack"
            if info.get("relation"):
                g.nodes[step]["data"].setdefault(KEY, {})["relation"] = info["relation"]
            g.add_edge(step, target, role="attack")

    def _twin(self, node: str) -> bool:
        """True when a plain relation says the same (the writer then writes one of the two as an
        argument anyway)."""
        g = self.g
        premise = next(iter(g.predecessors(node)))
        target = next(iter(g.successors(node)))
        polarity = g.nodes[node]["polarity"]
        return any(other != node and g.nodes[other].get("polarity") == polarity
                   and target in g.successors(other) and not g.nodes[other].get("data")
                   and g.in_degree(other) == 1 for other in g.successors(premise))

    def _sections_matter(self) -> bool:
        """Keep the headings in ``meta`` unless the groups alone say it all (each a top-level
        heading, once, plain, holding something)."""
        sections = self.doc.sections
        titles = [s.title for s in sections]
        used = {a.get("group") for _, a in self.g.nodes(data=True)}
        return any(s.level != 1 or s.tags or s.data for s in sections) or len(set(titles)) != len(titles) \
            or any(t not in used for t in titles)

    def run(self) -> ArgumentMap:
        doc = self.doc
        for cls in doc.statements.values():
            self.claim(cls)
        for arg in doc.arguments.values():
            if arg.pcs:
                self.reconstruction(arg)
            else:
                self.sketch(arg)
        relations = list(doc.relations.values())
        for rel in relations:
            if rel.type != "undercut":
                self.relation(rel)
        for rel in relations:
            if rel.type == "undercut":
                self.relation(rel)
        fill(self.g, self.attrs.items(), self.edges)
        self.restore()
        self.fold_objections()
        for node in self.plain_looking:
            # the writer writes a structure-less step with nothing aimed at it as a relation;
            # keep a mark so a reconstruction stays one
            if not any(self.g.nodes[p].get("kind") == "inference" for p in self.g.predecessors(node)) \
                    and not self._twin(node):
                self.g.nodes[node]["data"].setdefault(KEY, {})["pcs"] = True
        if self._sections_matter():
            self.m.meta[KEY] = {"sections": [
                {k: v for k, v in (("title", s.title), ("level", s.level), ("tags", s.tags),
                                   ("data", s.data)) if v}
                for s in doc.sections]}
        return self.m


_WORD = re.compile(r"[a-z0-9]+")


def slug(text: str) -> str:
    """An id from the first words of a text, as :meth:`ArgumentMap.claim` derives them.

    >>> slug("Tea is good, they say: très bon!")
    'tea-is-good-they-say'
    """
    head = text[:120]
    if not head.isascii():
        head = unicodedata.normalize("NFKD", head).encode("ascii", "ignore").decode()
    words = _WORD.findall(head.lower())
    if len(words) <= 5 and len(text) > 120:
        return _model_slug(text)  # the first five words may run past the head
    return "-".join(words[:5])[:40].strip("-")


def _own_label(data: dict[str, Any], title: str | None) -> str | None:
    """The label behind a title argmap's writer made up: none (``untitled``) or the real one
    (``label``, when two nodes shared it and Argdown would have merged them)."""
    info = data.get(KEY)
    if not isinstance(info, dict):
        return title
    if info.pop("untitled", False):
        title = None
    if "label" in info:
        title = str(info.pop("label"))
    if not info:
        del data[KEY]
    return title


def _restore_node(node: str, attrs: dict[str, Any], path: str | None) -> None:
    """Move argmap's own attributes (note, rating, sources) out of ``data["argdown"]``."""
    info = attrs.get("data", {}).get(KEY)
    if not isinstance(info, dict):
        return
    line = attrs.get("line")
    for name in ("note", "rating"):
        if name in info and attrs.get("kind") == "claim":
            value = info.pop(name)
            if name == "rating":
                if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
                    raise ParseError(f"rating {value!r} is not a number from 0 to 1", path=path, line=line)
                value = float(value)
            attrs[name] = value
    if "tags" in info and attrs.get("kind") == "claim":  # tags Argdown's syntax cannot hold
        tags = info.pop("tags")
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise ParseError("tags in `{argdown: {tags: [...]}}` must be a list of texts", path=path, line=line)
        attrs["tags"] = tags
    if "sources" in info:
        raw = info.pop("sources")
        try:
            attrs["sources"] = [Source.from_dict(s) for s in raw]
        except (TypeError, AttributeError):
            raise ParseError("sources in `{argdown: {sources: [...]}}` must be a list of mappings with "
                             f"the keys {', '.join(f.name for f in fields(Source))}", path=path,
                             line=line) from None
    if not info:
        del attrs["data"][KEY]


def build(doc: Document) -> ArgumentMap:
    """The argument map of a parsed Argdown document (see the module's docstring)."""
    return _Builder(doc).run()
