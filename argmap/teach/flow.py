"""Debate flow: who said what in which speech, what was dropped, what came too late.

Claims carry ``data["side"]`` (``aff``/``neg``, ``pro``/``con``, or any name) and
``data["speech"]`` (the speech they were first said in). A step takes its side and speech from
its own ``data`` when set, else from its premises (the latest of their speeches).

**Speech order.** The map's ``meta["speeches"]`` lists the speeches in order; an entry is a name
or ``{"name": ..., "side": ..., "rebuttal": true}``. Without it, the first of these formats whose
speeches include every speech named in the map is used (names compare case-insensitively):

- policy: 1AC, 1NC, 2AC, 2NC, 1NR, 1AR, 2NR, 2AR (the last four are rebuttals);
- Lincoln-Douglas: AC, NC, 1AR, NR, 2AR (1AR, NR, 2AR are rebuttals);
- public forum: Pro Constructive, Con Constructive, Pro Rebuttal, Con Rebuttal, Pro Summary,
  Con Summary, Pro Final Focus, Con Final Focus (rebuttal, summary and final focus are rebuttals);
- classroom: Constructive, Rebuttal.

Otherwise the speeches keep the order they first appear in the map; a speech whose name holds
"rebuttal", "summary" or "final focus", or looks like ``1AR``/``2NR``/``NR``, is a rebuttal.
A map that names no speech at all (an op-ed, say) is read as turns of an exchange: turn 1 the
thesis and its reasons, turn 2 the objections, turn 3 the answers to them, and so on.

**Dropped**: an objection, rebuttal or undercut of one side that no step of another side attacks
(neither the step nor any of its premises), although another side spoke after it.

**New in rebuttal**: a step made in a rebuttal speech that is either a reason for a claim said in
an earlier speech (new reasoning, not an answer), or an answer to something its side already had
a chance to answer: a run of that side's speeches came between the two (the policy "block",
2NC + 1NR, counts as one chance).

**Weakest link**: for each side's thesis (its claims that are premises of nothing, else the
premises of its attacks on another side's thesis), the claim of lowest strength on a chain of that
side's reasons leading to it, with the chain. Strength comes from
``argmap.analysis.strength.strength(m, method="dfquad")`` (which starts from each claim's
``rating``), or pass your own mapping or function.

>>> from argmap import ArgumentMap
>>> m = ArgumentMap()
>>> t = m.claim("Uniforms should be required.", id="t", data={"side": "aff", "speech": "1AC"})
>>> o = m.attack(t, m.claim("They cost families money.", id="o", data={"side": "neg", "speech": "1NC"}))
>>> f = analyse(m)
>>> [s.name for s in f.speeches], [d.step for d in f.dropped]
(['1AC', '1NC', '2AC', '2NC', '1NR', '1AR', '2NR', '2AR'], ['attack-t'])
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Union

from argmap.analysis.strength import strength as gradual_strength
from argmap.errors import ArgmapError
from argmap.model import Claim, Inference

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["Speech", "Dropped", "NewInRebuttal", "WeakestLink", "FlowReport", "FORMATS", "DEFAULT_STRENGTH",
           "speeches", "analyse", "assign_sides", "speech_of", "resolve_strength"]

#: Strength of a claim when no strength function and no rating is known.
DEFAULT_STRENGTH = 0.5


@dataclass(frozen=True)
class Speech:
    """One speech of the debate, in order: its name, the side giving it, whether it is a rebuttal."""

    name: str
    side: str | None = None
    rebuttal: bool = False


def _s(name: str, side: str, rebuttal: bool = False) -> Speech:
    return Speech(name, side, rebuttal)


#: Known debate formats, tried in this order when the map names no speech order.
FORMATS: dict[str, tuple[Speech, ...]] = {
    "policy": (_s("1AC", "aff"), _s("1NC", "neg"), _s("2AC", "aff"), _s("2NC", "neg"),
               _s("1NR", "neg", True), _s("1AR", "aff", True), _s("2NR", "neg", True), _s("2AR", "aff", True)),
    "lincoln-douglas": (_s("AC", "aff"), _s("NC", "neg"), _s("1AR", "aff", True), _s("NR", "neg", True),
                        _s("2AR", "aff", True)),
    "public-forum": (_s("Pro Constructive", "pro"), _s("Con Constructive", "con"),
                     _s("Pro Rebuttal", "pro", True), _s("Con Rebuttal", "con", True),
                     _s("Pro Summary", "pro", True), _s("Con Summary", "con", True),
                     _s("Pro Final Focus", "pro", True), _s("Con Final Focus", "con", True)),
    "classroom": (Speech("Constructive"), Speech("Rebuttal", rebuttal=True)),
}

_REBUTTAL_NAME = re.compile(r"rebuttal|summary|final focus|^\d?[A-Z]R$", re.IGNORECASE)


def _text(value: Any) -> str | None:
    return None if value is None else str(value).strip() or None


def _speech_names(m: ArgumentMap) -> list[str]:
    names: list[str] = []
    for node in m:
        name = _text(node.data.get("speech"))
        if name and name not in names:
            names.append(name)
    return names


def speeches(m: ArgumentMap) -> list[Speech]:
    """The speeches of the debate in order (see the module docstring for how they are found).

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(speeches=["Opening", {"name": "Closing", "rebuttal": True}])
    >>> speeches(m)
    [Speech(name='Opening', side=None, rebuttal=False), Speech(name='Closing', side=None, rebuttal=True)]
    """
    declared = m.meta.get("speeches")
    used = _speech_names(m)
    if declared is not None:
        if not isinstance(declared, list) or not declared:
            raise ArgmapError("meta 'speeches' must be a list of speech names (or {name, side, rebuttal})")
        out: list[Speech] = []
        for entry in declared:
            if isinstance(entry, str) and entry.strip():
                out.append(Speech(entry.strip(), None, bool(_REBUTTAL_NAME.search(entry.strip()))))
            elif isinstance(entry, dict) and _text(entry.get("name")):
                name = str(entry["name"]).strip()
                rebuttal = entry.get("rebuttal")
                out.append(Speech(name, _text(entry.get("side")),
                                  bool(_REBUTTAL_NAME.search(name)) if rebuttal is None else bool(rebuttal)))
            else:
                raise ArgmapError(f"meta 'speeches': {entry!r} is neither a speech name nor {{name: ...}}")
        known = {s.name.casefold() for s in out}
        unknown = [n for n in used if n.casefold() not in known]
        if unknown:
            raise ArgmapError(f"speech {unknown[0]!r} is used in the map but missing from meta 'speeches' "
                              f"({', '.join(s.name for s in out)}); add it there or fix its name")
        return out
    if not used:
        return []
    wanted = {n.casefold() for n in used}
    for fmt in FORMATS.values():
        if wanted <= {s.name.casefold() for s in fmt}:
            return list(fmt)
    return [Speech(n, None, bool(_REBUTTAL_NAME.search(n))) for n in used]


def _index(order: list[Speech]) -> dict[str, int]:
    return {s.name.casefold(): k for k, s in enumerate(order)}


def speech_of(m: ArgumentMap, node_id: str, order: list[Speech]) -> int | None:
    """The index (in ``order``) of the speech a node was said in, or None if unknown."""
    index = _index(order)
    node = m[node_id]
    own = _text(node.data.get("speech"))
    if own is not None:
        return index.get(own.casefold())
    if isinstance(node, Inference):
        found = [speech_of(m, p.id, order) for p in node.premises]
        known = [k for k in found if k is not None]
        return max(known) if known else None
    return None


_OPPOSITE = {"aff": "neg", "neg": "aff", "pro": "con", "con": "pro", "for": "against", "against": "for"}


def _opposite(side: str, known: list[str]) -> str:
    if len(known) == 2 and side in known:
        return known[1 - known.index(side)]
    return _OPPOSITE.get(side, f"against {side}")


def assign_sides(m: ArgumentMap, order: list[Speech]) -> dict[str, str | None]:
    """Every node's side (lower-cased).

    In turn: the node's own ``data["side"]``; its speech's side; for a step, its premises' side;
    then, for what is still unknown, the side follows the map: a reason is on the side of what
    it supports, an objection on the other side (``aff``/``neg`` when no side is named at all).

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(); t = m.claim("T", id="t")
    >>> o = m.attack(t, m.claim("O", id="o")); r = m.attack(o, m.claim("R", id="r"))
    >>> {k: v for k, v in assign_sides(m, []).items() if m[k].kind == "claim"}
    {'t': 'aff', 'o': 'neg', 'r': 'aff'}
    """
    sides: dict[str, str | None] = {}
    for node in m:
        own = _text(node.data.get("speech"))
        sides[node.id] = _text(node.data.get("side"))
        if sides[node.id] is None and own is not None:
            k = _index(order).get(own.casefold())
            sides[node.id] = order[k].side if k is not None else None
        if sides[node.id] is not None:
            sides[node.id] = str(sides[node.id]).casefold()
    for step in m.inferences:
        if sides[step.id] is None:
            sides[step.id] = next((sides[p.id] for p in step.premises if sides[p.id]), None)
    known = list(dict.fromkeys(v for v in sides.values() if v))
    for thesis in m.theses:
        if sides[thesis.id] is None:
            sides[thesis.id] = known[0] if known else "aff"
    changed = True
    while changed:  # propagate down from what is known; each pass fixes at least one node
        changed = False
        for step in m.inferences:
            target_side = sides[step.target.id]
            if sides[step.id] is None and target_side is not None:
                sides[step.id] = target_side if step.polarity == "support" else _opposite(target_side, known)
                changed = True
            for p in step.premises:
                if sides[p.id] is None and sides[step.id] is not None:
                    sides[p.id] = sides[step.id]
                    changed = True
    return sides


@dataclass(frozen=True)
class Dropped:
    """An attacking step of ``side`` that no other side answered."""

    step: str
    side: str | None
    speech: str | None
    text: str


@dataclass(frozen=True)
class NewInRebuttal:
    """A step first made in rebuttal speech ``speech``; ``why`` says what makes it new."""

    step: str
    side: str | None
    speech: str
    text: str
    why: str


@dataclass(frozen=True)
class WeakestLink:
    """The weakest claim on the chains of reasons leading to one side's thesis."""

    side: str | None
    thesis: str
    claim: str
    strength: float
    path: tuple[str, ...]  # claim ids from the weakest claim up to the thesis


@dataclass
class FlowReport:
    """The analysis of a debate map."""

    speeches: list[Speech]
    dropped: list[Dropped] = field(default_factory=list)
    new_in_rebuttal: list[NewInRebuttal] = field(default_factory=list)
    weakest: list[WeakestLink] = field(default_factory=list)
    strength_source: str = "default"
    said: dict[str, int | None] = field(default_factory=dict)  # node id -> index in ``speeches``

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {
            "speeches": [asdict(s) for s in self.speeches],
            "dropped": [asdict(d) for d in self.dropped],
            "new_in_rebuttal": [asdict(n) for n in self.new_in_rebuttal],
            "weakest_links": [asdict(w) for w in self.weakest],
            "strength_source": self.strength_source,
        }


#: Strengths as a mapping (claim id -> value), a function of the map, or None (find them).
StrengthInput = Union[Mapping[str, float], Callable[["ArgumentMap"], Mapping[str, float]], None]  # noqa: UP007


def resolve_strength(m: ArgumentMap, strength: StrengthInput = None) -> tuple[dict[str, float], str]:
    """Claim strengths and where they came from (``given`` or ``dfquad``)."""
    if isinstance(strength, Mapping):
        return {str(k): float(v) for k, v in strength.items()}, "given"
    if callable(strength):
        return {str(k): float(v) for k, v in strength(m).items()}, "given"
    return {str(k): float(v) for k, v in gradual_strength(m, method="dfquad").items()}, "dfquad"


def _text_of(m: ArgumentMap, node_id: str) -> str:
    node = m[node_id]
    if isinstance(node, Claim):
        return node.text
    return " + ".join(p.text for p in node.premises)


def _target_ids(step: Inference) -> list[str]:
    """What a step bears on, as claim ids (a step target stands for its premises) plus the step."""
    target = step.target
    if isinstance(target, Inference):
        return [target.id, *(p.id for p in target.premises)]
    return [target.id]


def _block_end(order: list[Speech], start: int, side: str | None) -> int | None:
    """The last speech of ``side``'s first run of speeches after ``start`` (its first chance)."""
    k = start + 1
    while k < len(order) and (order[k].side or "").casefold() != side:
        k += 1
    if k >= len(order):
        return None
    while k + 1 < len(order) and (order[k + 1].side or "").casefold() == side:
        k += 1
    return k


def analyse(m: ArgumentMap, strength: StrengthInput = None) -> FlowReport:
    """Find dropped arguments, arguments new in rebuttal and each side's weakest link."""
    order = speeches(m)
    report = FlowReport(order)
    sides = assign_sides(m, order)
    if order:
        said = {n.id: speech_of(m, n.id, order) for n in m}
    else:
        order, said = _turns(m, sides)
    report.said = said
    # A speech with no known side takes the side of what was said in it.
    order = [s if s.side else Speech(s.name, next((sides[n] for n in said if said[n] == k and sides[n]), None),
                                     s.rebuttal) for k, s in enumerate(order)]
    report.speeches = order

    attacks = [i for i in m.inferences if i.polarity == "attack"]
    for step in attacks:
        side = sides[step.id]
        answered = any(
            other.polarity == "attack" and sides[other.id] != side
            and other.target.id in {step.id, *(p.id for p in step.premises)}
            for other in m.inferences
        )
        k = said[step.id]
        later = order[k + 1:] if k is not None else order
        others_spoke = any((s.side or "").casefold() != side for s in later) if later else False
        if not answered and (others_spoke or k is None):
            report.dropped.append(Dropped(step.id, side, order[k].name if k is not None else None,
                                          _text_of(m, step.id)))

    for step in m.inferences:
        k = said[step.id]
        if k is None or not order[k].rebuttal:
            continue
        side = sides[step.id]
        targets = _target_ids(step)
        target_said = [v for t in targets if (v := said[t]) is not None]
        if not target_said:
            continue
        when = min(target_said)
        if step.polarity == "support" and when < k:
            report.new_in_rebuttal.append(NewInRebuttal(
                step.id, side, order[k].name, _text_of(m, step.id),
                f"a new reason for “{_text_of(m, targets[0])}” ({order[when].name}), not an answer"))
        elif step.polarity == "attack":
            chance = _block_end(order, when, side)
            if chance is not None and chance < k:
                report.new_in_rebuttal.append(NewInRebuttal(
                    step.id, side, order[k].name, _text_of(m, step.id),
                    f"answers “{_text_of(m, targets[-1])}” ({order[when].name}), which could have been "
                    f"answered in {order[chance].name}"))

    values, report.strength_source = resolve_strength(m, strength)
    report.weakest = _weakest_links(m, sides, values)
    return report


def _turns(m: ArgumentMap, sides: Mapping[str, str | None]) -> tuple[list[Speech], dict[str, int | None]]:
    """For a map that names no speeches: one turn per change of side along the chain of answers.

    Turn 1 is the thesis with its reasons, turn 2 the objections to them, turn 3 the answers...
    """
    turn: dict[str, int | None] = {n.id: None for n in m}
    for thesis in m.theses:
        turn[thesis.id] = 0
    # A claim used in several places is said at its earliest turn; relax until nothing changes.
    for _ in range(len(m) + 1):
        changed = False
        for step in m.inferences:
            base = turn[step.target.id]
            if base is None:
                continue
            value = base + (1 if sides[step.id] != sides[step.target.id] else 0)
            for node in (step.id, *(p.id for p in step.premises)):
                now = turn[node]
                if now is None or value < now:
                    turn[node] = value
                    changed = True
        if not changed:
            break
    count = max((t for t in turn.values() if t is not None), default=0) + 1
    order = []
    for k in range(count):
        side = next((sides[n] for n, t in turn.items() if t == k and sides[n]), None)
        order.append(Speech(f"Turn {k + 1}", side, False))
    return order, turn


def _side_theses(m: ArgumentMap, sides: Mapping[str, str | None]) -> list[Claim]:
    theses = m.theses
    out = [c for c in theses if m.graph.in_degree(c.id) > 0 or len(theses) == 1]
    thesis_ids = {c.id for c in out}
    for side in dict.fromkeys(sides[c.id] for c in m.claims):
        if any(sides[c.id] == side for c in out):
            continue
        for step in m.inferences:
            if step.polarity == "attack" and sides[step.id] == side and set(_target_ids(step)) & thesis_ids:
                out.extend(p for p in step.premises if p not in out)
    return out


def _weakest_links(m: ArgumentMap, sides: Mapping[str, str | None], values: Mapping[str, float]) -> list[WeakestLink]:
    out: list[WeakestLink] = []
    for thesis in _side_theses(m, sides):
        side = sides[thesis.id]
        # Walk down the side's own reasons, keeping the chain that led to each claim.
        best: tuple[float, tuple[str, ...]] | None = None
        stack: list[tuple[str, ...]] = [(thesis.id,)]
        seen: set[str] = set()
        while stack:
            chain = stack.pop()
            claim = chain[0]
            if claim in seen:
                continue
            seen.add(claim)
            value = values.get(claim, DEFAULT_STRENGTH)
            # The map's thesis is what is argued for, a link only when nothing supports it (a side's
            # objection is a link itself); ties go to the first in reading order.
            argued = claim == thesis.id and m.graph.out_degree(claim) == 0 and m.claims[claim].reasons
            if not argued and (best is None or value < best[0]):
                best = (value, chain)
            for step in reversed(m.claims[claim].reasons):
                if sides[step.id] != side:
                    continue
                for p in reversed(step.premises):
                    stack.append((p.id, *chain))
        assert best is not None
        out.append(WeakestLink(side, thesis.id, best[1][0], round(best[0], 4), best[1]))
    return out


def report_text(m: ArgumentMap, report: FlowReport) -> str:
    """The analysis as plain text."""

    def who(side: str | None, speech: str | None) -> str:
        return f"[{(side or '?').upper()}, {speech or 'no speech'}]"

    lines = ["Speeches: " + ", ".join(
        f"{s.name} ({s.side or 'side ?'}{', rebuttal' if s.rebuttal else ''})" for s in report.speeches)]
    lines.append("")
    lines.append(f"Dropped arguments ({len(report.dropped)}):" if report.dropped else "Dropped arguments: none.")
    for d in report.dropped:
        lines.append(f"  {who(d.side, d.speech)} “{d.text}” was never answered ({d.step})")
    lines.append("")
    lines.append(f"New in rebuttal ({len(report.new_in_rebuttal)}):" if report.new_in_rebuttal
                 else "New in rebuttal: none.")
    for n in report.new_in_rebuttal:
        lines.append(f"  {who(n.side, n.speech)} “{n.text}”: {n.why} ({n.step})")
    lines.append("")
    lines.append(f"Weakest links (strength from {report.strength_source}):")
    if report.strength_source == "default":
        lines.append(f"  (no strengths known: every claim counts {DEFAULT_STRENGTH:g}; rate claims, or install the "
                     "strength analysis, for a real weakest link)")
    for w in report.weakest:
        chain = " -> ".join(f"“{m.claims[c].text}”" for c in w.path)
        lines.append(f"  {(w.side or '?').upper()} thesis “{m.claims[w.thesis].text}”: weakest "
                     f"“{m.claims[w.claim].text}” ({w.strength:g})")
        if len(w.path) > 1:
            lines.append(f"    chain: {chain}")
    return "\n".join(lines)
