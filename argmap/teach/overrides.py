"""The teacher's rules for grading: weights, required claims, accepted wordings, fixed matches and
mistakes to ignore, read from a YAML file or from the model answer's own claims.

A rules file (``argmap grade STUDENT MODEL --rules rules.yaml``); every key is optional::

    threshold: 60            # % text likeness a match needs with no support from the map around it
    weights:                 # model claim id: points (default 1)
      flights-sold-out: 0.5
    depth_weights: [1, 1, 0.5]   # by depth: the thesis, its reasons and objections, the rest
    required: [thesis, manpower] # leaving one of these out caps the score
    required_cap: 50
    accept:                  # model claim id: other wordings that count as that claim
      manpower: ["Putin gets fewer soldiers if they can leave"]
    match:                   # student claim id: model claim id, or null for "matches nothing"
      c7: manpower
      c12: null
    ignore:                  # mistakes not to count: kind and the claim's id (the student's
      - {kind: extra, student: c12}                  # for "extra", the model's otherwise)
      - {kind: missing, model: civilian-exclusion}

A model answer can carry the same per claim, in the claim's ``data``:
``{"grade": {"weight": 0.5, "required": true, "accept": ["..."]}}``; a rules file wins over it.
``argmap grade ... --save-rules rules.yaml`` writes the file with every match grading made, for the
teacher to correct and pass back with ``--rules``.

>>> rules = rules_from_text("weights: {a: 0.5}\\nignore: [{kind: extra, student: s1}]")
>>> rules.weights, rules.ignore
({'a': 0.5}, [('extra', 's1')])
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.errors import ArgmapError, ParseError

if TYPE_CHECKING:
    import yaml

    from argmap.model import ArgumentMap

__all__ = ["GradingRules", "MISTAKE_KINDS", "load_rules", "rules_from_text", "rules_from_model", "rules_text"]

#: The kinds of mistake grading reports, and whose claim id names each (for ``ignore``).
MISTAKE_KINDS: dict[str, str] = {
    "missing": "model",
    "extra": "student",
    "wrong-place": "model",
    "wrong-polarity": "model",
    "linked-as-independent": "model",
    "independent-as-linked": "model",
}

_KEYS = ("threshold", "weights", "depth_weights", "required", "required_cap", "accept", "match", "ignore")


@dataclass
class GradingRules:
    """What the teacher decided; empty rules grade every claim at weight 1."""

    weights: dict[str, float] = field(default_factory=dict)
    depth_weights: list[float] = field(default_factory=list)
    required: set[str] = field(default_factory=set)
    required_cap: float = 50.0
    accept: dict[str, list[str]] = field(default_factory=dict)
    match: dict[str, str | None] = field(default_factory=dict)
    ignore: list[tuple[str, str]] = field(default_factory=list)
    threshold: float | None = None
    path: str | None = None

    def over(self, base: GradingRules) -> GradingRules:
        """These rules laid over ``base`` (a model's own): each given setting wins."""
        return GradingRules(
            weights={**base.weights, **self.weights},
            depth_weights=self.depth_weights or base.depth_weights,
            required=base.required | self.required,
            required_cap=self.required_cap,
            accept={k: [*base.accept.get(k, []), *self.accept.get(k, [])] for k in {*base.accept, *self.accept}},
            match={**base.match, **self.match},
            ignore=[*base.ignore, *self.ignore],
            threshold=self.threshold if self.threshold is not None else base.threshold,
            path=self.path or base.path,
        )

    def weight(self, claim_id: str, depth: int) -> float:
        """The points a model claim is worth: its own weight, else its depth's, else 1."""
        if claim_id in self.weights:
            return self.weights[claim_id]
        if self.depth_weights:
            return self.depth_weights[min(depth, len(self.depth_weights) - 1)]
        return 1.0

    def check(self, student: ArgumentMap, model: ArgumentMap) -> None:
        """Raise :class:`ArgmapError` naming the first id that is not in the map it should be in."""
        where = f"{self.path}: " if self.path else ""

        def need(claim_id: str | None, m: ArgumentMap, whose: str, key: str) -> None:
            if claim_id is not None and (claim_id not in m or m[claim_id].kind != "claim"):
                raise ArgmapError(f"{where}{key}: no claim {claim_id!r} in the {whose} map")

        for key in ("weights", "accept"):
            for claim_id in getattr(self, key):
                need(claim_id, model, "model", key)
        for claim_id in self.required:
            need(claim_id, model, "model", "required")
        for s, mid in self.match.items():
            need(s, student, "student's", "match")
            need(mid, model, "model", "match")
        taken = [mid for mid in self.match.values() if mid is not None]
        twice = sorted({mid for mid in taken if taken.count(mid) > 1})
        if twice:
            raise ArgmapError(f"{where}match: model claim {twice[0]!r} is given to more than one student claim")
        for kind, claim_id in self.ignore:
            whose = MISTAKE_KINDS[kind]
            need(claim_id, student if whose == "student" else model,
                 "student's" if whose == "student" else "model", "ignore")


def rules_from_model(model: ArgumentMap) -> GradingRules:
    """The rules a model answer carries in its claims' ``data["grade"]``.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(); _ = m.claim("T", id="t", data={"grade": {"required": True, "weight": 2}})
    >>> r = rules_from_model(m); r.required, r.weights
    ({'t'}, {'t': 2.0})
    """
    rules = GradingRules()
    for claim in model.claims:
        spec = (claim.data or {}).get("grade")
        if not isinstance(spec, dict):
            continue
        try:
            if "weight" in spec:
                rules.weights[claim.id] = _weight(spec["weight"], "weight")
            if spec.get("required") is True:
                rules.required.add(claim.id)
            if "accept" in spec:
                rules.accept[claim.id] = _texts(spec["accept"], "accept")
        except ValueError as exc:
            raise ArgmapError(f"model claim {claim.id!r}: data.grade.{exc}") from None
    return rules


def load_rules(path: str | Path) -> GradingRules:
    """Read a rules file; a located :class:`ParseError` for anything malformed."""
    from argmap.formats.files import read_text

    return rules_from_text(read_text(path), str(path))


def rules_from_text(text: str, path: str | None = None) -> GradingRules:
    """Read rules from YAML text (``path`` names it in errors)."""
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ParseError(f"not valid YAML: {getattr(exc, 'problem', None) or exc}", path=path,
                         line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None) from None
    rules = GradingRules(path=path)
    if root is None:
        return rules
    if not isinstance(root, yaml.MappingNode):
        raise _error("the rules must be a mapping of keys (weights, required, match, ...)", root, path)
    for key_node, value in root.value:
        key = key_node.value
        if key not in _KEYS:
            raise _error(f"unknown key {key!r}; keys: {', '.join(_KEYS)}", key_node, path)
        data = yaml.safe_load(yaml.serialize(value)) if value is not None else None
        try:
            _apply(rules, key, data)
        except ValueError as exc:
            raise _error(f"{key}: {exc}", value, path) from None
    return rules


def _apply(rules: GradingRules, key: str, data: Any) -> None:
    if key == "threshold":
        if not isinstance(data, int | float) or isinstance(data, bool) or not 0 <= data <= 100:
            raise ValueError("a percentage between 0 and 100")
        rules.threshold = float(data)
    elif key == "weights":
        rules.weights = {str(k): _weight(v, str(k)) for k, v in _mapping(data).items()}
    elif key == "depth_weights":
        if not isinstance(data, list) or not data:
            raise ValueError("a list of weights, one per depth: [thesis, its reasons and objections, ...]")
        rules.depth_weights = [_weight(v, f"depth {i}") for i, v in enumerate(data)]
    elif key == "required":
        rules.required = set(_texts(data))
    elif key == "required_cap":
        if not isinstance(data, int | float) or isinstance(data, bool) or not 0 <= data <= 100:
            raise ValueError("a score between 0 and 100")
        rules.required_cap = float(data)
    elif key == "accept":
        rules.accept = {str(k): _texts(v, str(k)) for k, v in _mapping(data).items()}
    elif key == "match":
        rules.match = {str(k): (None if v is None else str(v)) for k, v in _mapping(data).items()}
    elif key == "ignore":
        if not isinstance(data, list):
            raise ValueError("a list of {kind: ..., model: ...} or {kind: extra, student: ...}")
        rules.ignore = [_ignored(item) for item in data]


def _ignored(item: Any) -> tuple[str, str]:
    if not isinstance(item, dict) or item.get("kind") not in MISTAKE_KINDS:
        raise ValueError(f"each entry needs a kind, one of: {', '.join(MISTAKE_KINDS)}")
    kind = str(item["kind"])
    whose = MISTAKE_KINDS[kind]
    if whose not in item:
        raise ValueError(f"a {kind!r} mistake is named by the {whose} claim's id: {{kind: {kind}, {whose}: ID}}")
    return kind, str(item[whose])


def _mapping(data: Any) -> dict[Any, Any]:
    if not isinstance(data, dict):
        raise ValueError("a mapping of claim ids")
    return data


def _weight(value: Any, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ValueError(f"{name}: a weight is a number of points, 0 or more")
    return float(value)


def _texts(value: Any, name: str = "") -> list[str]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(t, str | int | float) for t in items):
        prefix = f"{name}: " if name else ""  # the key is said once already, by the caller
        raise ValueError(prefix + "a list of texts")
    return [str(t) for t in items]


def _error(message: str, node: yaml.Node, path: str | None) -> ParseError:
    mark = node.start_mark
    return ParseError(message, path=path, line=mark.line + 1, column=mark.column + 1)


def rules_text(matches: Iterable[tuple[str, str]], unmatched: Iterable[str], rules: GradingRules | None = None,
               header: str = "") -> str:
    """A rules file holding every match grading made (student id: model id), the student's claims
    that matched nothing (``null``), and the teacher's other rules so far: edit it and pass it back.

    >>> print(rules_text([("s1", "t")], ["s2"]))
    # Grading rules for argmap grade --rules (see docs/teaching.md)
    match:
      "s1": "t"
      "s2": null
    <BLANKLINE>
    """
    import json

    rules = rules or GradingRules()
    lines = ["# Grading rules for argmap grade --rules (see docs/teaching.md)"]
    lines += [f"# {line}" for line in header.splitlines()]
    if rules.threshold is not None:
        lines.append(f"threshold: {rules.threshold:g}")
    # JSON strings are YAML strings: any id or text is written safely quoted.
    lines.append("match:")
    lines += [f"  {json.dumps(s, ensure_ascii=False)}: {json.dumps(m, ensure_ascii=False)}" for s, m in matches]
    lines += [f"  {json.dumps(s, ensure_ascii=False)}: null" for s in unmatched]
    for key in ("weights", "accept"):
        if getattr(rules, key):
            lines.append(f"{key}:")
            lines += [f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
                      for k, v in sorted(getattr(rules, key).items())]
    if rules.depth_weights:
        lines.append(f"depth_weights: {json.dumps(rules.depth_weights)}")
    if rules.required:
        lines.append(f"required: {json.dumps(sorted(rules.required), ensure_ascii=False)}")
        lines.append(f"required_cap: {rules.required_cap:g}")
    if rules.ignore:
        lines.append("ignore:")
        lines += [f"  - {{kind: {kind}, {MISTAKE_KINDS[kind]}: {json.dumps(cid, ensure_ascii=False)}}}"
                  for kind, cid in rules.ignore]
    return "\n".join(lines) + "\n"
