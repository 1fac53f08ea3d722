"""Write an argument map as Argdown that argmap (and Argdown) read back to the same map.

The output is idiomatic Argdown: front matter, then a section per group (a heading each).
Inferences that are plain relations (one premise; no label, scheme, note, sources or data) are
written as indented relation trees; every other inference (linked premises, a named step, a
multi-step argument) becomes an argument with a premise-conclusion structure. Argdown has no
linked objection, so an attacking argument concludes a stand-in statement that attacks the
target (marked ``{argdown: {objection: true}}``; argmap folds it back into one attack).

Claims get a ``[title]`` when they have a label or are written more than once (then their id is
the title); otherwise they are written inline, anonymous, where they first appear.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap()
>>> t = m.claim("We should eat out.", label="Lunch")
>>> _ = m.support(t, "The fridge is empty.")
>>> _ = m.attack(t, ["It costs money.", "Money is short."], label="Cost")
>>> print(dumps(m), end="")
<Cost>
<BLANKLINE>
(1) It costs money.
(2) Money is short.
----
(3) [Cost (conclusion)]: Not: We should eat out. {argdown: {objection: true}}
  -> [Lunch]: We should eat out.
    + The fridge is empty.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import yaml

from argmap.errors import ArgmapError
from argmap.formats import safe_yaml
from argmap.formats.argdown.builder import KEY
from argmap.formats.argdown.inline import TAG_WORD
from argmap.model import ArgumentMap

__all__ = ["dumps"]

# Characters that are Argdown syntax anywhere in a text.
# ("@include(" anywhere makes Argdown 2.0 read that file, so its parenthesis is escaped too.)
_ESCAPE_ANY = re.compile(r"[\\\[\]<>{}#]|/(?=[/*])|=(?===)|(?<=@include)\(")
# The same, and every asterisk: Argdown 2.0 refuses an emphasis it sees opened and never closed.
_ESCAPE_ANY_STAR = re.compile(_ESCAPE_ANY.pattern + r"|\*")
# Spans kept as written: mentions, links, and tags (kept only when the claim has that tag).
_KEEP = re.compile(r"@\[(?:[^\]\\\n]|\\.){1,500}\]|@<(?:[^>\\\n]|\\.){1,500}>"
                   r"|\[[^\]\n]{0,500}\]\([^)\s]{0,2000}\)|(?<![^\s])#\([^)\n]{0,200}\)|(?<![^\s])#[\w-]+")
# What a line may not start with (it would be read as syntax).
_LEADING = re.compile(r"[-+_>*=(]|\d+\.(?:[ \t]|$)|@include")
_TAG_IN_TEXT = re.compile(r"(?<![^\s])#\([^)\n]{0,200}\)|(?<![^\s])#[\w-]+")
_NO_INFO: dict[str, Any] = {}
_TAGS_ONLY = re.compile(r"(?:\s*#(?:\([^)\n]*\)|[\w-]+))+\s*$")
#: Relation trees nest at most this many spaces deep; a deeper claim is referred to by title and
#: written as a tree of its own.
_DEEPEST_INDENT = 32


#: A string YAML reads back as the same string when written bare in flow style.
_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*(?: [A-Za-z0-9_.-]+)*")
#: Words YAML 1.1 reads as booleans or null when bare.
_NOT_TEXT = frozenset({"yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False",
                       "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL"})
#: Characters a YAML double-quoted string must escape beyond JSON's: non-printables, and the
#: characters YAML takes as line breaks (it would fold them into spaces).
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def _quoted(text: str) -> str:
    """A double-quoted YAML string that Argdown's comment rules leave alone."""
    out = json.dumps(text, ensure_ascii=False)
    if _YAML_UNSAFE.search(out):
        out = _YAML_UNSAFE.sub(lambda c: f"\\u{ord(c.group()):04x}", out)
    # YAML escapes keep these from reading as comments, and braces from ending the data early
    # (Argdown 2.0 finds the end of `{...}` by counting braces, inside quotes too)
    out = out.replace("//", "\\/\\/").replace("/*", "\\/*").replace("<!--", "<\\x21--")
    out = out.replace("@include(", "@include\\x28")  # Argdown 2.0 would read that file
    return out.replace("{", "\\x7b").replace("}", "\\x7d") if "{" in out or "}" in out else out


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return value if _PLAIN.fullmatch(value) and value not in _NOT_TEXT else _quoted(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value).lower()
        if text in ("nan", "inf", "-inf"):
            return _quoted(text)  # not JSON; kept as the text it reads as
        # YAML 1.1 reads 1e-05 as text: a float needs its point (PyYAML writes 1.0e-05 too)
        return text.replace("e", ".0e", 1) if "." not in text and "e" in text else text
    return _quoted(str(value))


def _yaml_flow(data: Any) -> str:
    """``data`` as one line of flow YAML that Argdown's comment rules leave alone.

    Written directly (JSON's string escapes are YAML's too), without recursion: PyYAML's
    emitter took most of the time of writing a big map.

    >>> print(_yaml_flow({"argdown": {"objection": True}, "n": [1, 2.5e-06, None], "t": "a // b"}))
    {argdown: {objection: true}, n: [1, 2.5e-06, null], t: "a \\/\\/ b"}
    """
    if not isinstance(data, dict | list | tuple):
        return _scalar(data)
    out: list[str] = []
    # Work items: a value to write, or a closing bracket / separator already decided.
    stack: list[Any] = [("value", data)]
    while stack:
        kind, item = stack.pop()
        if kind == "text":
            out.append(item)
            continue
        if isinstance(item, dict):
            out.append("{")
            stack.append(("text", "}"))
            pairs = list(item.items())
            for index in range(len(pairs) - 1, -1, -1):
                key, value = pairs[index]
                stack.append(("value", value))
                name = key if isinstance(key, str) else json.dumps(key) if key is None or isinstance(
                    key, bool | int | float) else str(key)
                written = _scalar(name)
                # YAML allows 1024 characters for a key written as such; a longer one is explicit
                written = f"? {written} : " if len(written) > 1000 else written + ": "
                stack.append(("text", ("" if index == 0 else ", ") + written))
        elif isinstance(item, list | tuple):
            out.append("[")
            stack.append(("text", "]"))
            for index in range(len(item) - 1, -1, -1):
                stack.append(("value", item[index]))
                if index:
                    stack.append(("text", ", "))
        else:
            out.append(_scalar(item))
    return "".join(out)


def _front_matter(data: dict[str, Any]) -> str:
    """Block YAML for the front matter, readable (UTF-8 kept) unless that would change it."""
    json.dumps(data, ensure_ascii=False).encode("utf-8")  # a lone surrogate: refused, not escaped
    text: str = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    try:
        same = safe_yaml.load(text) == data
    except ArgmapError:
        same = False
    if not same:  # PyYAML writes U+0085, U+2028 ... raw, then reads them as line breaks
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=False)
    if "===" in text or "@include(" in text:  # Argdown ends the front matter at any "===", even
        # inside a text, and reads the file any "@include(" names
        text = _yaml_flow(data).replace("===", "\\x3d==") + "\n"  # (each inside double quotes)
    return text


def escape_text(text: str, tags: list[str] | None = None) -> str:
    """Escape a text so Argdown reads it back as the same characters.

    >>> escape_text("We're #1 {really} // honest")
    "We're \\\\#1 \\\\{really\\\\} \\\\// honest"
    >>> escape_text("- not a relation #kept", ["kept"])
    '\\\\- not a relation #kept'
    """
    text = text.replace("\r", " ").replace("\n", " ").strip()
    keep = set(tags or ())
    escape = _ESCAPE_ANY_STAR if text.count("*") % 2 else _ESCAPE_ANY
    out: list[str] = []
    pos = 0
    for m in _KEEP.finditer(text):
        token = m.group()
        if token.startswith("#"):
            name = token[2:-1] if token.startswith("#(") else token[1:]
            if name not in keep:
                continue
        out.append(escape.sub(lambda c: "\\" + c.group(), text[pos:m.start()]))
        out.append(token)
        pos = m.end()
    out.append(escape.sub(lambda c: "\\" + c.group(), text[pos:]))
    result = "".join(out)
    if _LEADING.match(result):
        result = "\\" + result
    return result


def _title(text: str, closing: str) -> str:
    text = " ".join(text.split()).replace("\\", "\\\\").replace(closing, "\\" + closing)
    text = _COMMENT_START.sub(lambda c: "\\" + c.group(), text)  # "//", "/*", "<!--" would start comments
    if text[:1] in ("+", "-", "_", "!"):  # "<+", "<-", "<_", "<!--" would start other syntax
        text = "\\" + text
    return text or "untitled"


#: A scheme name written as an inference rule (``-- Modus ponens --``); any other goes to data,
#: since rules are split at commas and Argdown's inference line holds little punctuation.
_SIMPLE_RULE = re.compile(r"\w(?:[\w '’.&/]|-(?!-))*")
_COMMENT_START = re.compile(r"/(?=[/*])|<(?=!--)|(?<=@include)\(")
_BRACKET_TAG = re.compile(r"[^)\n\r\x00]{1,200}")


def _writable_tag(tag: str) -> bool:
    """Whether Argdown's tag syntax gives this tag back unchanged: ``#word`` or ``#(words)`` with
    no ``)``, line break or comment in it, and no space at its ends."""
    return bool(TAG_WORD.fullmatch(tag)) or (
        bool(_BRACKET_TAG.fullmatch(tag)) and tag == tag.strip() and "//" not in tag and "/*" not in tag
        and "<!--" not in tag and "@include(" not in tag)


_BRACKETS = str.maketrans({"[": "(", "]": ")", "<": "(", ">": ")", "{": "(", "}": ")"})


def _plain_title(label: str | None) -> str | None:
    """The title a label is written under: Argdown 2.0 takes no brackets inside a title (not even
    escaped), so they become parentheses; the label itself then goes to ``{argdown: {label}}``."""
    return label.translate(_BRACKETS) if label else label


def _tag(tag: str) -> str:
    return "#" + tag if re.fullmatch(r"[\w-]+", tag) else "#(" + tag.replace(")", "") + ")"


class _Argument:
    """A chain of inferences written as one premise-conclusion structure."""

    def __init__(self, steps: list[str], title: str | None) -> None:
        self.steps = steps
        self.title = title

    @property
    def final(self) -> str:
        return self.steps[-1]


#: What :meth:`_Writer._classify` works out once for both passes (it does not depend on titles).
_SHARED = ("nodes", "_premises", "_target", "_info", "regrouped", "plain", "arguments", "argument_of",
           "on_argument", "from_argument", "rel_in", "rel_out", "member_of", "_used")


class _Writer:
    def __init__(self, m: ArgumentMap, titled: set[str], shared: _Writer | None = None) -> None:
        self.m = m
        self.g = m.graph
        self.titled = titled  # unlabeled claims that need their id as a title
        self.encounters: Counter[str] = Counter()
        self.defined: set[str] = set()
        self.written: set[str] = set()
        self.section: str | None = None
        self.deferred_texts: list[str] = []
        self.arg_seen: set[str] = set()
        if shared is None:
            self._facts()
            self.regrouped = self._regrouped()
            self._classify()
        else:
            for name in _SHARED:
                setattr(self, name, getattr(shared, name))
        self.pending: set[str] = {s for a in self.arguments for s in a.steps}
        self._title_claims()

    def _facts(self) -> None:
        """Each node's attributes, each step's premises and target, read off the graph once."""
        g = self.g
        self.nodes: dict[str, dict[str, Any]] = dict(g.nodes(data=True))
        nodes = self.nodes
        self._premises: dict[str, list[str]] = {}
        self._target: dict[str, str] = {}
        self._info: dict[str, dict[str, Any]] = {}
        for node, attrs in nodes.items():
            value = attrs.get("data", {}).get(KEY)
            if isinstance(value, dict):
                self._info[node] = value
            if attrs.get("kind") == "inference":
                self._premises[node] = [p for p in g.pred[node] if nodes[p].get("kind") == "claim"]
                self._target[node] = str(next(iter(g.succ[node])))

    def _regrouped(self) -> set[str]:
        """Group names that the front matter's regroup tree (not a heading) provides."""
        from argmap.formats.argdown.document import _regroup

        headings = {str(s.get("title")) for s in (self.m.meta.get(KEY) or {}).get("sections") or []
                    if isinstance(s, dict)}
        names: set[str] = set()
        stack = list(_regroup(self.m.meta) or [])
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                names.add(str(node.get("title")))
                stack.extend(node.get("children") or [])
        return names - headings

    # -- what becomes what ---------------------------------------------------------------
    def info(self, node: str) -> dict[str, Any]:
        return self._info.get(node, _NO_INFO)

    def is_sketch(self, node: str) -> bool:
        return self.nodes[node].get("kind") == "claim" and bool(self.info(node).get("argument"))

    def premises(self, inf: str) -> list[str]:
        return self._premises[inf]

    def target(self, inf: str) -> str:
        return self._target[inf]

    def _plain(self, inf: str) -> bool:
        attrs = self.nodes[inf]
        info = self.info(inf)
        if "step" in info or "pcs" in info or len(self.premises(inf)) != 1:
            return False
        if any(attrs.get(k) for k in ("label", "scheme", "note", "sources")):
            return False
        if any(k != KEY for k in attrs.get("data", {})):
            return False
        incoming = [p for p in self.g.predecessors(inf) if self.nodes[p].get("kind") == "inference"]
        return not incoming or self._sketch_step(inf)

    def _sketch_step(self, inf: str) -> bool:
        premises = self.premises(inf)
        if len(premises) != 1 or not self.is_sketch(premises[0]):
            return False
        return sum(1 for s in self.g.successors(premises[0])) == 1

    def _first_of_its_kind(self, inf: str, kinds: set[tuple[str, str, str, Any]]) -> bool:
        """Argdown merges a relation written twice; a second one becomes an argument."""
        kind = (self.premises(inf)[0], self.target(inf), self.nodes[inf].get("polarity", ""),
                self.info(inf).get("relation"))
        if kind in kinds:
            return False
        kinds.add(kind)
        return True

    def _classify(self) -> None:
        g = self.g
        chains: dict[str, list[tuple[int, str]]] = {}
        kinds: set[tuple[str, str, str, Any]] = set()
        self.plain: list[str] = []
        singles: list[str] = []
        for inf, kind in g.nodes(data="kind"):
            if kind != "inference":
                continue
            info = self.info(inf)
            if info.get("mirror"):
                continue
            if "step" in info:
                chains.setdefault(str(info.get("of") or inf), []).append((int(info["step"]), inf))
            elif self._plain(inf) and self._first_of_its_kind(inf, kinds):
                self.plain.append(inf)
            else:
                singles.append(inf)
        self.arguments: list[_Argument] = []
        for key, steps in chains.items():
            ordered = [inf for _, inf in sorted(steps)]
            if ordered[-1] != key or any(self.nodes[s].get("polarity") != "support" for s in ordered[:-1]):
                singles.extend(ordered)  # not a consistent chain: write each step alone
                continue
            self.arguments.append(_Argument(ordered, None))
        self.arguments.extend(_Argument([inf], None) for inf in singles)
        order = {n: i for i, n in enumerate(g.nodes)}
        self.arguments.sort(key=lambda a: order[a.final])
        self.argument_of: dict[str, _Argument] = {s: a for a in self.arguments for s in a.steps}
        # relations written on an argument (Argdown moved them to its conclusion)
        by_label = {self.nodes[a.final].get("label"): a for a in self.arguments
                    if self.nodes[a.final].get("polarity") == "support" and self.nodes[a.final].get("label")}
        self.on_argument: dict[str, list[str]] = {}
        self.from_argument: dict[str, str] = {}  # relation -> the argument it was written on
        self.rel_in: dict[str, list[str]] = {}
        self.rel_out: dict[str, list[str]] = {}
        for inf in self.plain:
            target = self.target(inf)
            source = self.premises(inf)[0]
            owner = by_label.get(self.info(inf).get("from"))
            if owner is not None and self.target(owner.final) == source:
                self.from_argument[inf] = owner.final
            if self.nodes[target].get("kind") == "inference":
                if target in self.argument_of:
                    # written with the argument it bears on, or from its source
                    if self.argument_of[target].final == target and inf not in self.from_argument:
                        self.rel_out.setdefault(source, []).append(inf)
                    continue
                target = self.premises(target)[0]  # a sketched argument's step
            self.rel_in.setdefault(target, []).append(inf)
            if inf in self.from_argument:
                self.on_argument.setdefault(owner.final, []).append(inf)  # type: ignore[union-attr]
                continue
            self.rel_out.setdefault(source, []).append(inf)
        # argument titles: the label, else the id when something must refer to it
        used: set[str] = set()
        for arg in self.arguments:
            attrs = self.nodes[arg.final]
            needs = (attrs.get("note") or self.info(arg.final).get("tags")
                     or any(k != KEY for k in attrs.get("data", {}))
                     or any(self.nodes[p].get("kind") == "inference" for p in g.predecessors(arg.final))
                     or arg.final in self.on_argument
                     or self.conclusion_group(arg) != self.section_of(arg.final)
                     or self.section_of(arg.final) is not None)
            title = _plain_title(attrs.get("label")) or (arg.final if needs else None)
            if title is not None:
                base = title
                while title in used:
                    title = f"{base} ({arg.final})" if title == base else title + "'"
                used.add(title)
            arg.title = title
        self._used = used
        # claims written in a premise-conclusion structure are defined there, not in a tree
        self.member_of: dict[str, list[str]] = {}
        for arg in self.arguments:
            for step in arg.steps:
                for c in [*self.premises(step), self.target(step)]:
                    self.member_of.setdefault(c, []).append(step)

    def _title_claims(self) -> None:
        """Claim titles: the label, or the id for an unlabelled claim written more than once."""
        g = self.g
        used = self._used
        self.claim_titles: dict[str, str | None] = {}
        seen: set[tuple[bool, str]] = set()
        for c, attrs in g.nodes(data=True):
            if attrs.get("kind") != "claim":
                continue
            sketch = self.is_sketch(c)
            title = _plain_title(attrs.get("label")) or (c if c in self.titled else None)
            if title is not None:
                base = title
                while (sketch, title) in seen or (sketch and title in used):
                    title = f"{base} ({c})" if title == base else title + "'"
                seen.add((sketch, title))
            self.claim_titles[c] = title

    def section_of(self, node: str) -> str | None:
        """The heading a node is written under: its group, unless the front matter's
        ``group: regroup:`` gives that group (then no heading is needed)."""
        group: str | None = self.nodes[node].get("group")
        return None if group in self.regrouped else group

    # -- pieces of text ------------------------------------------------------------------
    def data_of(self, node: str, extra: dict[str, Any] | None = None) -> str:
        attrs = self.nodes[node]
        data = {k: v for k, v in attrs.get("data", {}).items() if k != KEY}
        keep: dict[str, Any] = dict(extra or {})
        if attrs.get("kind") == "claim":
            for name in ("note", "rating"):
                if attrs.get(name) is not None:
                    keep[name] = attrs[name]
        if attrs.get("sources"):
            keep["sources"] = [s.to_dict() for s in attrs["sources"]]
        if keep:
            data[KEY] = keep
        return " " + _yaml_flow(data) if data else ""

    def head(self, c: str) -> str:
        """A claim's definition the first time, a reference afterwards."""
        self.encounters[c] += 1
        attrs = self.nodes[c]
        title = self.claim_titles.get(c)
        sketch = self.is_sketch(c)
        left, right = ("<", ">") if sketch else ("[", "]")
        ref = f"{left}{_title(title, right)}{right}" if title is not None else None
        if c in self.defined:
            return ref or f"{left}{_title(c, right)}{right}"
        self.defined.add(c)
        info = self.info(c)
        tags = list(attrs.get("tags", []))
        mark: dict[str, Any] = {}
        if title is not None and not attrs.get("label"):
            mark = {"untitled": True}
        elif title is not None and title != attrs.get("label"):
            mark = {"label": attrs["label"]}  # renamed: Argdown would merge equal titles
        if not all(_writable_tag(t) for t in tags):
            mark["tags"] = tags  # a tag Argdown cannot write as one: all of them, in order, as data
            tags = []
        data = self.data_of(c, mark or None)
        texts = info.get("texts") or []
        for alt in texts:
            if ref is not None:
                self.deferred_texts.append(f"{ref}: {escape_text(str(alt))}")
        if info.get("untexted") and ref is not None:
            return ref + "".join(" " + _tag(t) for t in tags) + data
        text = escape_text(attrs.get("text", ""), tags)
        present = set(_TAG_IN_TEXT.findall(text)) if "#" in text else set()
        missing = [t for t in tags if _tag(t) not in present]
        if missing and ref is not None and _TAGS_ONLY.match(text):
            # appended tags would join a text of tags; a reference elsewhere carries them
            self.deferred_texts.append(ref + "".join(" " + _tag(t) for t in missing))
            missing = []
        body = text + "".join(" " + _tag(t) for t in missing) + data
        return f"{ref}: {body}" if ref is not None else body

    # -- trees ---------------------------------------------------------------------------
    def symbol(self, inf: str, outgoing: bool) -> str:
        info = self.info(inf)
        relation = info.get("relation")
        target = self.target(inf)
        if relation is None:
            on_step = self.nodes[target].get("kind") == "inference"
            polarity = self.nodes[inf].get("polarity")
            relation = "support" if polarity == "support" else ("undercut" if on_step else "attack")
        if relation == "contradictory":
            return "><"
        base = {"support": "+", "entails": "+", "attack": "-", "contrary": "-", "undercut": "_"}[relation]
        return base + ">" if outgoing else base

    def children(self, node: str) -> list[tuple[str, str, str]]:
        """(relation, symbol, other end) for each relation of ``node`` not yet written."""
        out: list[tuple[str, str, str]] = []
        for inf in self.rel_in.get(node, ()):
            if inf not in self.written:
                symbol = self.symbol(inf, False)
                if symbol == "><":  # directed: written from its source
                    continue
                other = self.from_argument.get(inf) or self.premises(inf)[0]
                out.append((inf, symbol, other))
        for inf in self.rel_out.get(node, ()):
            if inf not in self.written:
                out.append((inf, self.symbol(inf, True), self.end(self.target(inf))))
        return out

    def end(self, node: str) -> str:
        """What a relation's target stands for: a claim, a sketched argument for its step, or
        the last inference of a reconstructed argument."""
        if self.nodes[node].get("kind") == "inference" and node not in self.argument_of:
            return self.premises(node)[0]
        return node

    def mention(self, node: str) -> str:
        """A claim's head, or a reference to the argument an inference belongs to."""
        arg = self.argument_of.get(node)
        if arg is not None:
            self.arg_seen.add(arg.final)
            return f"<{_title(arg.title or arg.final, '>')}>"
        return self.head(node)

    def placement(self, other: str) -> str:
        """How a relation's other end is written here: ``define`` it (first time, right
        section), ``refer`` to it, or ``defer`` the relation (an untitled claim that belongs to
        a later premise-conclusion structure or another section is written there)."""
        attrs = self.nodes[other]
        if attrs.get("kind") != "claim":
            arg = self.argument_of.get(other)
            if (arg is not None and arg.final not in self.arg_seen and not self.nodes[arg.final].get("note")
                    and self.section_of(arg.final) != self.section):
                return "defer"  # its first mention sets its section
            return "refer"
        if other in self.defined:
            return "refer"
        waiting = any(step in self.pending for step in self.member_of.get(other, ()))
        if not waiting and self.section_of(other) == self.section:
            return "define"
        untexted = self.info(other).get("untexted")  # its first mention sets its section
        return "refer" if self.claim_titles.get(other) is not None and not untexted else "defer"

    def writable(self, other: str) -> bool:
        return self.placement(other) != "defer"

    def reference(self, other: str) -> str:
        """A reference to a claim (without defining it)."""
        self.encounters[other] += 1
        left, right = ("<", ">") if self.is_sketch(other) else ("[", "]")
        return f"{left}{_title(self.claim_titles.get(other) or other, right)}{right}"

    def relation_line(self, depth: int, symbol: str, other: str) -> Iterator[str]:
        """One relation of a tree, and (when ``other`` is defined here) the tree below it."""
        place = self.placement(other)
        if place == "define":
            yield " " * depth + f"{symbol} {self.head(other)}"
            yield from self.tree(other, depth)
        elif self.nodes[other].get("kind") == "claim" and other not in self.defined:
            yield " " * depth + f"{symbol} {self.reference(other)}"
        else:
            yield " " * depth + f"{symbol} {self.mention(other)}"

    def tree(self, node: str, indent: int) -> Iterator[str]:
        """The relation tree below ``node`` (already written at ``indent``)."""
        stack: list[tuple[Iterator[tuple[str, str, str]], int]] = [(iter(self.children(node)), indent + 2)]
        while stack:
            items, depth = stack[-1]
            item = next(items, None)
            if item is None:
                stack.pop()
                continue
            inf, symbol, other = item
            if inf in self.written:
                continue
            place = self.placement(other)
            if place == "defer":
                continue
            self.written.add(inf)
            if place == "define" and depth > _DEEPEST_INDENT:
                # A chain thousands deep would make indents that grow with the square of its
                # length: refer to the claim here; it starts a tree of its own further down.
                yield " " * depth + f"{symbol} {self.reference(other)}"
            elif place == "define":
                yield " " * depth + f"{symbol} {self.head(other)}"
                stack.append((iter(self.children(other)), depth + 2))
            elif self.nodes[other].get("kind") == "claim" and other not in self.defined:
                yield " " * depth + f"{symbol} {self.reference(other)}"
            else:
                yield " " * depth + f"{symbol} {self.mention(other)}"

    # -- arguments -----------------------------------------------------------------------
    def conclusion_group(self, arg: _Argument) -> str | None:
        """The section a premise-conclusion structure is written in: where most of its untitled
        statements belong (they can only be defined in it), else the argument's own section."""
        claims: list[str] = []
        for step in arg.steps:
            claims.extend(self.premises(step))
            claims.append(self.target(step))
        untitled = [self.section_of(c) for c in claims
                    if self.nodes[c].get("kind") == "claim" and not self.nodes[c].get("label")]
        if untitled:
            return Counter(untitled).most_common(1)[0][0]
        return self.section_of(arg.final)

    def argument_head(self, arg: _Argument, describe: bool) -> Iterator[str]:
        """The argument's title line (with its description when ``describe``) and the relations
        written on it."""
        if arg.title is None:
            return
        self.arg_seen.add(arg.final)
        final = self.nodes[arg.final]
        info = self.info(arg.final)
        line = f"<{_title(arg.title, '>')}>"
        if describe:
            tags = info.get("tags") or []
            note = final.get("note")
            if note:
                line += ": " + escape_text(note, tags)
                line += "".join(" " + _tag(t) for t in tags if _tag(t) not in note)
            else:
                line += "".join(" " + _tag(t) for t in tags)
            label = final.get("label")
            mark = {"untitled": True} if not label else ({"label": label} if label != arg.title else None)
            line += self.data_of(arg.final, mark)
        yield line
        for inf in sorted(self.incoming(arg.final)):
            source = self.from_argument.get(inf) or self.premises(inf)[0]
            if not self.writable(source):
                continue
            self.written.add(inf)
            yield from self.relation_line(2, self.symbol(inf, False), source)
        for inf in self.on_argument.get(arg.final, ()):
            other = self.end(self.target(inf))
            if inf in self.written or not self.writable(other):
                continue
            self.written.add(inf)
            yield from self.relation_line(2, self.symbol(inf, True), other)

    def argument(self, arg: _Argument, describe: bool) -> Iterator[str]:
        attack = self.nodes[arg.final].get("polarity") == "attack"
        if arg.title is not None:
            yield from self.argument_head(arg, describe)
            yield ""
        for member in arg.steps:
            self.pending.discard(member)
        listed: dict[str, int] = {}
        previous: str | None = None
        for index, step in enumerate(arg.steps):
            premises = self.premises(step)
            new: list[str] = []
            for p in premises:
                if p not in listed:
                    listed[p] = len(listed) + 1
                    new.append(p)
                    yield from self.pcs_line(listed[p], p)
            default = ([previous] if previous else []) + new
            step_info = self.info(step)
            scheme = self.nodes[step].get("scheme")
            rules = [scheme] if scheme and _SIMPLE_RULE.fullmatch(scheme) else []
            data = dict(step_info.get("inference_data") or {})
            if scheme and not rules:  # a name Argdown's inference line cannot hold: as data
                data[KEY] = {**(data.get(KEY) or {}), "scheme": scheme}
            if set(premises) != set(default):
                data["uses"] = [listed[p] for p in premises]
            if rules or data:
                body = ", ".join(escape_text(str(r)) for r in rules)
                yield f"-- {body}{' ' if body and data else ''}{_yaml_flow(data) if data else ''} --"
            else:
                yield "----"
            if index < len(arg.steps) - 1:
                for inf in sorted(self.incoming(step)):
                    self.written.add(inf)
                    source = self.from_argument.get(inf) or self.premises(inf)[0]
                    yield from self.relation_line(4, self.symbol(inf, False), source)
            conclusion = self.target(step)
            if index == len(arg.steps) - 1 and attack:
                yield from self.objection_line(len(listed) + 1, arg, conclusion)
            else:
                number = len(listed) + 1
                listed.setdefault(conclusion, number)
                yield from self.pcs_line(number, conclusion)
            previous = conclusion

    def incoming(self, inf: str) -> list[str]:
        return [p for p in self.g.predecessors(inf)
                if self.nodes[p].get("kind") == "inference" and p not in self.written
                and p not in self.argument_of and not self.info(p).get("mirror")]

    def pcs_line(self, number: int, claim: str) -> Iterator[str]:
        fresh = claim not in self.defined
        if fresh and self.section_of(claim) != self.section:
            # defined in its own section; referred to here
            self.encounters[claim] += 1
            title = self.claim_titles.get(claim) or claim
            yield f"({number}) [{_title(title, ']')}]"
            return
        if fresh and "uses" in (self.nodes[claim].get("data") or {}):
            # Argdown reads `uses` in a statement of the structure as the step's premises: a
            # claim whose data has one is defined outside the structure and referred to here.
            self.encounters[claim] += 1
            title = self.claim_titles.get(claim) or claim
            yield f"({number}) [{_title(title, ']')}]"
            self.deferred_texts.append(self.head(claim))
            yield from self.tree(claim, 2)
            return
        yield f"({number}) {self.head(claim)}"
        if fresh:
            yield from self.tree(claim, 2)

    def objection_line(self, number: int, arg: _Argument, target: str) -> Iterator[str]:
        """The stand-in conclusion of an attacking argument, and its attack on the target."""
        target_name = arg.title or target
        title = f"{arg.title or arg.final} (conclusion)"
        text = "Not: " + (str(self.nodes[target].get("text", "")) if self.nodes[target].get("kind") == "claim"
                          else f"the step {target_name} holds")
        data = {KEY: {"objection": True}}
        relation = self.info(arg.final).get("relation")
        yield f"({number}) [{_title(title, ']')}]: {escape_text(str(text))} {_yaml_flow(data)}"
        if self.nodes[target].get("kind") == "inference":
            symbol = "->" if relation == "attack" else "_>"
            yield f"  {symbol} {self.mention(target)}"
        else:
            symbol = {"contradictory": "><", "contrary": "->", "undercut": "_>"}.get(relation or "", "->")
            if self.placement(target) == "define":
                yield f"  {symbol} {self.head(target)}"
                yield from self.tree(target, 2)
            elif target in self.defined:
                yield f"  {symbol} {self.mention(target)}"
            else:
                yield f"  {symbol} {self.reference(target)}"

    # -- the document --------------------------------------------------------------------
    def sections(self) -> list[tuple[str | None, int]]:
        g = self.g
        meta_sections = (self.m.meta.get(KEY) or {}).get("sections") or []
        groups: list[str | None] = []
        for node in g.nodes:
            if self.section_of(node) not in groups:
                groups.append(self.section_of(node))
        out: list[tuple[str | None, int]] = [(None, 0)]
        listed = set()
        for sec in meta_sections:
            if isinstance(sec, dict) and sec.get("title"):
                out.append((str(sec["title"]), int(sec.get("level", 1))))
                listed.add(str(sec["title"]))
        out.extend((grp, 1) for grp in groups if grp is not None and grp not in listed)
        return out

    def blocks(self) -> Iterator[list[str]]:
        g = self.g
        meta_sections = {str(s.get("title")): s for s in (self.m.meta.get(KEY) or {}).get("sections") or []
                         if isinstance(s, dict)}
        claims = [c for c, k in g.nodes(data="kind") if k == "claim"]
        roots = sorted(claims, key=lambda c: 0 if not self.rel_out.get(c) else 1)
        done_sections: set[str | None] = set()
        for group, level in self.sections():
            if group in done_sections:
                continue
            done_sections.add(group)
            self.section = group
            if group is not None:
                sec = meta_sections.get(group, {})
                tags = "".join(" " + _tag(t) for t in sec.get("tags") or [])
                data = " " + _yaml_flow(sec["data"]) if sec.get("data") else ""
                yield ["#" * max(1, min(level, 6)) + " " + escape_text(group) + tags + data]
            descriptions: list[_Argument] = []
            for arg in self.arguments:
                own = self.section_of(arg.final)
                where = self.conclusion_group(arg)
                if own == group and where != group and arg.title is not None:
                    descriptions.append(arg)
                if where == group and arg.final not in self.written:
                    self.written.add(arg.final)
                    yield list(self.argument(arg, describe=own == where))
            for c in roots:
                if c not in self.defined and self.section_of(c) == group:
                    block = [self.head(c)]
                    block.extend(self.tree(c, 0))
                    yield block
            # last in the section, so no premise-conclusion structure can follow (and join) them
            for arg in descriptions:
                yield list(self.argument_head(arg, True))
        # anything left (relations between nodes written elsewhere)
        for inf in self.plain:
            if inf not in self.written:
                self.written.add(inf)
                source = self.from_argument.get(inf) or self.premises(inf)[0]
                target = self.mention(self.end(self.target(inf)))
                yield [self.mention(source), f"  {self.symbol(inf, True)} {target}"]
        if self.deferred_texts:
            for line in self.deferred_texts:
                yield [line]

    def document(self) -> str:
        parts: list[str] = []
        front: dict[str, Any] = {}
        if self.m.title is not None:
            front["title"] = self.m.title
        front.update({k: v for k, v in self.m.meta.items() if k != KEY})
        if front:
            safe = json.loads(json.dumps(front, default=str))
            parts.append("===\n" + _front_matter(safe) + "===")
        for block in self.blocks():
            text = "\n".join(line for line in block).rstrip("\n")
            if text:
                parts.append(text)
        if len(parts) == (1 if front else 0):
            # An empty map still says so: an empty file (or front matter alone) is refused.
            parts.append("// an empty argument map")
        return "\n\n".join(parts) + "\n"


def dumps(m: ArgumentMap) -> str:
    """The map as Argdown text (see the module's docstring)."""
    first = _Writer(m, set())
    first.document()
    again = {c for c, n in first.encounters.items() if n > 1 and not m.graph.nodes[c].get("label")}
    return _Writer(m, again, shared=first).document()
