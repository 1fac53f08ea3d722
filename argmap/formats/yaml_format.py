"""argmap YAML (``.yaml``, ``.yml``): argmap JSON's twin, for writing maps by hand.

The canonical form is exactly argmap JSON's document (same keys, same JSON Schema), written as
YAML; reading and writing it round-trips. Only PyYAML's safe loader is used, and every problem is
reported with the line and column of the value at fault.

For hand-writing, two shortcuts are accepted (and expanded into the canonical form on reading):

- ``format: argmap`` and ``version: 1`` may be left out, and so may a claim's ``id``
  (top-level claims are numbered ``1``, ``2``, ...);
- a claim may nest its ``reasons`` and ``objections``. Each entry is a text, a claim (a mapping
  that may nest in turn), or ``premises: [...]`` for linked premises (with the step's own
  ``label``, ``scheme``, ...). Nested claims are numbered like an outline (``1.1``, ``1.2``;
  linked premises ``1.1a``, ``1.1b``) and each step is ``support-<id>`` or ``attack-<id>``.

>>> import argmap
>>> m = argmap.loads('''
... title: Lunch
... claims:
...   - text: We should eat out.
...     reasons:
...       - The fridge is empty.
...       - premises: [Shopping takes an hour., We have no hour.]
...     objections:
...       - text: It costs too much.
...         objections: [Lunch specials are cheap.]
... ''', "yaml")
>>> [(c.id, c.role) for c in m.claims]  # doctest: +NORMALIZE_WHITESPACE
[('1', 'thesis'), ('1.1', 'reason'), ('1.2a', 'reason'), ('1.2b', 'reason'),
 ('1.3', 'objection'), ('1.3.1', 'rebuttal')]
>>> for line in argmap.dumps(m, "yaml").splitlines()[3:6]:
...     print(line)
claims:
- id: "1"
  text: We should eat out.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Generator
from typing import Any

import yaml

from argmap.errors import ArgmapError, ParseError
from argmap.formats import safe_yaml
from argmap.formats.argmap_json import from_dict, to_dict
from argmap.formats.located import describe, position, refuse_blank
from argmap.formats.registry import Format, register
from argmap.model import ArgumentMap

__all__ = ["loads", "dumps", "expand"]

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_NESTS = {"reasons": "support", "objections": "attack"}
_STEP_FIELDS = ("id", "label", "scheme", "sources", "note", "data", "group")
Pointer = list[str | int]


class _Expander:
    """Turns the hand-writing shortcuts into the canonical document, remembering origins.

    Claims nest in claims to any depth the file chooses, so :meth:`claim` and :meth:`step` are
    generators that yield the nested claims they need and :meth:`run` works them off a stack:
    no recursion, same order as a recursive walk.
    """

    def __init__(self) -> None:
        self.claims: list[Any] = []
        self.inferences: list[Any] = []
        self.origin: dict[tuple[str | int, ...], Pointer] = {}

    def fail(self, message: str, pointer: Pointer) -> ParseError:
        err = ParseError(message)
        err.pointer = pointer  # type: ignore[attr-defined]
        return err

    def run(self, item: Any, default_id: str, where: Pointer) -> str:
        """Expand one claim (and everything nested in it); its id."""
        stack: list[Generator[tuple[Any, str, Pointer], str | None, str]] = [self.claim(item, default_id, where)]
        sent: str | None = None
        result = ""
        while stack:
            try:
                wanted = stack[-1].send(sent)
            except StopIteration as done:
                stack.pop()
                sent = result = done.value
                continue
            stack.append(self.claim(*wanted))
            sent = None
        return result

    def claim(self, item: Any, default_id: str, where: Pointer) -> Generator[tuple[Any, str, Pointer], str | None, str]:
        if isinstance(item, str):
            item = {"text": item}
        if not isinstance(item, dict):
            raise self.fail(f"a claim is a text or a mapping with 'text', not {type(item).__name__}", where)
        plain = {k: v for k, v in item.items() if k not in _NESTS}
        plain.setdefault("id", default_id)
        self.origin[("claims", len(self.claims))] = where
        self.claims.append(plain)
        claim_id = plain["id"]
        count = 0
        for key, polarity in _NESTS.items():
            entries = item.get(key, [])
            if not isinstance(entries, list):
                raise self.fail(f"'{key}' should be a list of claims", [*where, key])
            for k, entry in enumerate(entries):
                count += 1
                yield from self.step(entry, polarity, str(claim_id), f"{claim_id}.{count}", [*where, key, k])
        return str(claim_id)

    def step(self, entry: Any, polarity: str, target: str, base: str,
             where: Pointer) -> Generator[tuple[Any, str, Pointer], str | None, None]:
        step: dict[str, Any] = {"polarity": polarity, "target": target}
        if isinstance(entry, dict) and "premises" in entry:
            premises = entry["premises"]
            if not isinstance(premises, list) or not premises:
                raise self.fail("'premises' should be a non-empty list of claims", [*where, "premises"])
            letters = "abcdefghijklmnopqrstuvwxyz"
            ids = []
            for j, p in enumerate(premises):
                new_id = yield (p, f"{base}{letters[j % 26]}{'' if j < 26 else j // 26}", [*where, "premises", j])
                ids.append(str(new_id))
            step.update({k: v for k, v in entry.items() if k in _STEP_FIELDS})
            extra = set(entry) - set(_STEP_FIELDS) - {"premises"}
            if extra:
                raise self.fail(f"unknown key(s) for a step: {', '.join(sorted(map(str, extra)))}", where)
            step.setdefault("id", f"{polarity}-{base}")
        else:
            new_id = yield (entry, base, where)
            ids = [str(new_id)]
            step["id"] = f"{polarity}-{ids[0]}"
        step["premises"] = ids
        self.origin[("inferences", len(self.inferences))] = where
        self.inferences.append(step)


def expand(doc: Any) -> tuple[Any, dict[tuple[str | int, ...], Pointer]]:
    """The canonical document for a hand-written one, and where each claim/step came from.

    >>> doc, _ = expand({"claims": [{"text": "T", "reasons": ["R"]}]})
    >>> doc["inferences"]
    [{'polarity': 'support', 'target': '1', 'id': 'support-1.1', 'premises': ['1.1']}]
    """
    if not isinstance(doc, dict):
        return doc, {}
    doc = {"format": "argmap", "version": 1, **doc}
    if not isinstance(doc.get("claims"), list):
        return doc, {}
    shortcut = any(isinstance(c, str) or (isinstance(c, dict) and ("id" not in c or set(_NESTS) & set(c)))
                   for c in doc["claims"])
    out = dict(doc)
    if not shortcut:
        return out, {}
    expander = _Expander()
    for i, item in enumerate(doc["claims"]):
        expander.run(item, str(i + 1), ["claims", i])
    given = doc.get("inferences", [])
    if isinstance(given, list):
        for j, inf in enumerate(given):
            expander.origin[("inferences", len(expander.inferences))] = ["inferences", j]
            expander.inferences.append(inf)
    out["claims"], out["inferences"] = expander.claims, expander.inferences
    return out, expander.origin


#: Keys whose values are always text: a hand-written ``id: 1.1`` or ``date: 2022-09-25`` stays text.
_TEXT_KEYS = {"id", "target", "text", "label", "note", "scheme", "group", "title", "polarity",
              "author", "outlet", "url", "date", "quote", "kind"}
#: Keys holding lists of texts or of items to look into.
_LIST_KEYS = {"claims", "inferences", "reasons", "objections", "premises", "tags", "sources"}


def _as_written(value: Any, node: Any) -> Any:
    """Put back the text of scalars YAML turned into numbers or booleans where argmap wants text."""
    stack = [(value, node)]
    while stack:
        value, node = stack.pop()
        if not (isinstance(value, dict) and isinstance(node, yaml.MappingNode)):
            continue
        for key_node, value_node in node.value:
            key = getattr(key_node, "value", None)
            if key not in value:
                continue
            if key in _TEXT_KEYS and isinstance(value_node, yaml.ScalarNode) and value[key] is not None \
                    and not isinstance(value[key], str):
                value[key] = value_node.value
            elif key in ("data", "meta"):
                value[key] = _text_keys(value[key], value_node)
            elif key in _LIST_KEYS and isinstance(value[key], list) and isinstance(value_node, yaml.SequenceNode):
                for i, (item, item_node) in enumerate(zip(value[key], value_node.value, strict=False)):
                    if isinstance(item_node, yaml.ScalarNode) and item is not None and not isinstance(item, str):
                        value[key][i] = item_node.value
                    else:
                        stack.append((item, item_node))
    return value


def _text_keys(value: Any, node: Any) -> Any:
    """Free data with every key as text: YAML reads ``on:`` or ``1:`` as a boolean or a number, which
    JSON (and so argmap JSON) cannot hold as a key; keep the key as written."""
    if isinstance(value, list) and isinstance(node, yaml.SequenceNode) and len(value) == len(node.value):
        return [_text_keys(v, n) for v, n in zip(value, node.value, strict=True)]
    if not isinstance(value, dict) or not isinstance(node, yaml.MappingNode) or len(value) != len(node.value):
        return value  # merged or repeated keys: leave as YAML built it
    return {(k if isinstance(k, str) or not isinstance(kn, yaml.ScalarNode) else kn.value): _text_keys(v, vn)
            for (k, v), (kn, vn) in zip(value.items(), node.value, strict=True)}


def _original(pointer: Pointer, origin: dict[tuple[str | int, ...], Pointer]) -> Pointer:
    if len(pointer) >= 2 and tuple(pointer[:2]) in origin:
        base = origin[tuple(pointer[:2])]
        rest = pointer[2:]
        return base + rest if not rest or rest[0] not in ("premises", "target") else base
    return pointer


def loads(text: str, path: str | None = None) -> ArgumentMap:
    """Read argmap YAML (canonical, or with the hand-writing shortcuts)."""
    refuse_blank(text, path, "a map with at least 'claims:'")
    loader, node = safe_yaml.compose(text, what="the map", path=path)
    doc = safe_yaml.construct(loader, node, what="the map", path=path)
    if doc is None:
        raise ParseError("the file is empty; a map needs at least 'claims:'", path=path, line=1, column=1)
    if not isinstance(doc, dict):
        raise ParseError(f"a map is a mapping with 'claims:' (and 'inferences:'), not a {type(doc).__name__}",
                         path=path, line=1, column=1)
    _as_written(doc, node)
    origin: dict[tuple[str | int, ...], Pointer] = {}
    asked: list[Pointer] = []

    def locate(where: Any) -> tuple[int, int] | None:
        asked.append(_original(list(where), origin))
        return position(node, asked[-1])

    try:
        expanded, origin = expand(doc)
        m = from_dict(expanded, path=path, locate=locate)
    except ParseError as err:
        pointer = getattr(err, "pointer", None)
        if pointer is not None:  # a shortcut written wrongly
            where = position(node, pointer)
            raise ParseError(err.message, path=path, line=where[0] if where else None,
                             column=where[1] if where else None) from None
        if asked and origin and err.message.startswith("at /") and ": " in err.message:
            # Say where the problem is in the file as written, not in its expansion.
            message = f"at {describe(asked[-1])}: " + err.message.split(": ", 1)[1]
            raise ParseError(message, path=path, line=err.line, column=err.column) from None
        raise
    for i, _ in enumerate(expanded["claims"]):
        where = position(node, _original(["claims", i], origin))
        if where:
            m.graph.nodes[expanded["claims"][i]["id"]]["line"] = where[0]
    for i, _ in enumerate(expanded.get("inferences", [])):
        where = position(node, _original(["inferences", i], origin))
        if where:
            m.graph.nodes[expanded["inferences"][i]["id"]]["line"] = where[0]
    if path is not None:
        m.graph.graph["path"] = path
    return m


def dumps(m: ArgumentMap) -> str:
    """The map as canonical argmap YAML (block style, UTF-8 kept, keys in argmap JSON's order)."""
    doc = to_dict(m)
    text = _block(doc)
    if text is None:  # a key past YAML's 1024 characters: PyYAML writes it as an explicit key
        text = yaml.dump(doc, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False,
                         width=100)
    return text


#: A string YAML reads back as the same string when written bare (in block style).
_PLAIN = re.compile(r"[A-Za-z_](?:[A-Za-z0-9_ .,'()/-]*[A-Za-z0-9_.,')/])?")
#: Bare words YAML 1.1 reads as booleans or null.
_NOT_TEXT = frozenset({"yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False",
                       "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL"})
#: Characters a double-quoted YAML string escapes beyond JSON's: non-printables, and those YAML
#: takes as line breaks.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
#: YAML allows 1024 characters for a key written as such (``key: value``).
_LONGEST_KEY = 1000


def _scalar(value: Any) -> str:
    """One scalar as YAML text: bare when that reads back the same, else JSON's double quotes
    (a JSON string is a YAML string), with YAML's extra escapes."""
    if isinstance(value, str):
        if _PLAIN.fullmatch(value) and value not in _NOT_TEXT:
            return value
        out = json.dumps(value, ensure_ascii=False)
        return _YAML_UNSAFE.sub(lambda c: f"\\u{ord(c.group()):04x}", out) if _YAML_UNSAFE.search(out) else out
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ArgmapError(f"cannot write YAML: the map holds the number {value!r}, which argmap YAML "
                              "(like JSON) cannot carry")
        text = repr(value)
        # YAML 1.1 reads 1e-05 as text: a float needs its point (as PyYAML writes 1.0e-05)
        return text.replace("e", ".0e", 1) if "." not in text and "e" in text else text
    return _scalar(str(value))


def _block(doc: Any) -> str | None:
    """``doc`` as block YAML, written directly (PyYAML's representer and emitter took most of the
    time on big maps) and without recursion; None when a key is too long for this layout."""
    lines: list[str] = []
    # Work items: a value, the column its content starts at, the "key:" before it (or ""), and
    # the "- " marks that take the place of the first line's last columns of indent.
    stack: list[tuple[Any, int, str, str]] = [(doc, 0, "", "")]
    while stack:
        value, col, head, dash = stack.pop()
        lead = " " * (col - len(dash)) + dash + head
        if isinstance(value, dict) and value:
            if head:
                lines.append(lead)
                col, dash = col + 2, ""
            children = []
            for index, (key, child) in enumerate(value.items()):
                name = _scalar(key if isinstance(key, str) else json.dumps(key) if key is None or isinstance(
                    key, bool | int | float) else str(key))
                if len(name) > _LONGEST_KEY:
                    return None
                children.append((child, col, name + ":", dash if index == 0 else ""))
            stack.extend(reversed(children))
        elif isinstance(value, list) and value:
            if head:  # a list under a key is written at the key's column, as PyYAML does
                lines.append(lead)
                dash = ""
            stack.extend(reversed([(child, col + 2, "", (dash if index == 0 else "") + "- ")
                                   for index, child in enumerate(value)]))
        else:
            text = ("[]" if isinstance(value, list) else "{}") if isinstance(value, list | dict) else _scalar(value)
            lines.append(lead + (" " if head else "") + text)
    return "\n".join(lines) + "\n"


register(Format(
    name="yaml",
    suffixes=(".yaml", ".yml"),
    description="argmap YAML: argmap JSON's twin for writing maps by hand",
    reader=loads,
    writer=dumps,
))
