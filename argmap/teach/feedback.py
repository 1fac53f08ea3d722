"""A grade told to the student: the text report, and their map with every mistake marked on it.

Plain words for a 16-year-old: each mistake is numbered, says what is wrong and what to do, and
how many points it cost, once; the same number is on the claim it concerns in the annotated map
(with a word, never colour alone), and the claims the student left out are drawn where they
belong.

>>> from argmap import ArgumentMap
>>> from argmap.teach.grade import grade
>>> m = ArgumentMap(); _ = m.claim("Tea is good.")
>>> print(report_text(grade(m, m, meaning=False), m, m).splitlines()[0])
Score: 100.0 / 100
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING

from argmap.teach.grade import short_text as _short

if TYPE_CHECKING:
    from argmap.model import ArgumentMap
    from argmap.teach.grade import GradeReport, Mistake

__all__ = ["report_text", "annotated_map", "mistake_numbers"]

_WIDTH = 96


def mistake_numbers(report: GradeReport) -> dict[int, int]:
    """Each mistake's number (by ``id()``), as the report and the map's badges show it: the
    mistakes that cost points first, then the extra claims."""
    ordered = [*report.lost(), *(x for x in report.mistakes if x.kind == "extra"), *report.maybe]
    return {id(x): k for k, x in enumerate(ordered, start=1)}


def _item(number: int, head: str, message: str) -> list[str]:
    return [f"  {number}. {head}",
            *textwrap.wrap(message, _WIDTH, initial_indent="     ", subsequent_indent="     ")]


def report_text(report: GradeReport, student: ArgumentMap, model: ArgumentMap) -> str:
    """The report as plain text: the score, what was right, then each mistake once, numbered."""
    numbers = mistake_numbers(report)
    c = report.counts
    lines = [f"Score: {report.score:.1f} / 100"]
    if report.cap is not None:
        lines.append(f"  (capped at {report.cap[0]:g}: {report.cap[1]})")
    lines += ["", "What you got right:",
              f"  claims of the model answer in your map:   {c['claims']['found']} of {c['claims']['of']}",
              f"  of those, in the right place:             {c['places']['right']} of {c['places']['of']}"]
    linked = c["linked"]
    unchecked = int(linked["unchecked"])
    more = (f" ({unchecked} more could not be checked: part of it is missing or misplaced)" if unchecked else "")
    if linked["of"]:
        lines.append(f"  linked reasons drawn as linked:           {linked['right']} of {linked['of']}{more}")
    elif unchecked:
        lines.append(f"  linked reasons: none could be checked ({unchecked}: part of each is missing or misplaced;"
                     f" no points for them either way)")
    else:
        lines.append("  linked reasons: none in the model answer (nothing to check)")
    lost = report.lost()
    lines.append("")
    if lost:
        total = round(sum(x.points for x in lost), 1)
        lines.append(f"What to fix ({len(lost)}; {total:g} points in all):")
        for x in lost:
            lines += _item(numbers[id(x)], f"{x.word} (-{x.points:g} points)", x.message)
    else:
        lines.append("Nothing to fix.")
    extras = [x for x in report.mistakes if x.kind == "extra"]
    if extras:
        lines += ["", "Not in the model answer (no points lost; your teacher will read these):"]
        for x in extras:
            lines += _item(numbers[id(x)], x.word, x.message)
    unsure = report.unsure()
    if unsure:
        lines += ["", "Maybe: matched more by where they sit than by their words (your teacher will check these):"]
        s_text = {c.id: c.text for c in student.claims}
        m_text = {c.id: c.label or c.text for c in model.claims}
        for match in unsure:
            lines += textwrap.wrap(f"your “{_short(s_text[match.student])}” was taken for "
                                   f"“{_short(m_text[match.model])}”",
                                   _WIDTH, initial_indent="  - ", subsequent_indent="    ")
        for x in report.maybe:
            lines += _item(numbers[id(x)], f"MAYBE {x.word} (no points lost unless your teacher confirms it)",
                           x.message)
    if report.ignored:
        lines += ["", f"Not counted, by your teacher's rules ({len(report.ignored)}):"]
        for x in report.ignored:
            lines += textwrap.wrap(f"{x.word}: {x.message}", _WIDTH, initial_indent="  - ", subsequent_indent="    ")
    lines += ["", *textwrap.wrap(
        "How this was graded: each claim of the model answer is worth its points (1 unless your teacher "
        "says otherwise): half for having it, half for putting it in the right place as the right kind "
        "(a reason for, or an objection to, the claim it bears on). Each linked reason is worth 1 point. "
        f"Claims were matched by {report.method}, and by where they sit in the map.", _WIDTH)]
    return "\n".join(lines)


def annotated_map(report: GradeReport, student: ArgumentMap, model: ArgumentMap) -> tuple[
        ArgumentMap, dict[str, str]]:
    """The student's map with the missing model claims added, and a badge per claim.

    Returns ``(map, badges)``; pass the badges to ``argmap.render(..., badges=badges)``. Badges are
    words with a tick or cross (``✓ RIGHT``, ``✗ 2 WRONG PLACE``: the number is the mistake's in
    the text report), so nothing rests on colour. A missing claim is added where the model has
    it (under the student's claim for what it bears on), its badge saying it is missing.

    >>> from argmap import ArgumentMap
    >>> from argmap.teach.grade import grade
    >>> model = ArgumentMap(); t = model.claim("Tea is good.", id="t")
    >>> _ = model.support(t, "Tea is warm.", id="r")
    >>> student = ArgumentMap(); _ = student.claim("tea is good", id="s")
    >>> shown, badges = annotated_map(grade(student, model, meaning=False), student, model)
    >>> sorted(badges.items())
    [('missing-tea-is-warm', '✗ 1 MISSING: in the model answer, not in yours'), ('s', '✓ RIGHT')]
    """
    shown = student.copy()
    shown.title = f"Graded: {student.title or 'student map'} ({report.score:g} / 100; numbers as in the report)"
    badges: dict[str, str] = {}
    numbers = mistake_numbers(report)
    s_of: dict[str, list[str]] = {}
    for match in report.matches:
        s_of.setdefault(match.model, []).append(match.student)

    def add(node: str, text: str) -> None:
        if text not in badges.get(node, ""):
            badges[node] = f"{badges[node]}; {text}" if node in badges else text

    maybe_match = {x.student for x in report.unsure()}
    for mid in report.found:
        for sid in s_of.get(mid, []):
            add(sid, "? MAYBE RIGHT: your teacher will check" if sid in maybe_match else "✓ RIGHT")
    for x in report.maybe:
        for sid in s_of.get(x.model or "", []):
            add(sid, f"? {numbers[id(x)]} MAYBE {x.word}")
    ghosts: dict[str, list[str]] = {}  # model id -> the id of its drawing in the student's map
    for x in report.mistakes:
        number = numbers[id(x)]
        if x.kind == "missing" and x.model:
            ghost = _draw_missing(shown, model, x, number, add)
            ghosts[x.model] = [ghost]
        elif x.kind == "extra" and x.student:
            add(x.student, f"{number} EXTRA: no points lost")
        elif x.student:
            for sid in s_of.get(x.model or "", [x.student]):
                add(sid, f"✗ {number} {x.word}")
            if x.kind in ("linked-as-independent", "independent-as-linked"):
                for other in x.related:
                    for sid in s_of.get(other, []):
                        add(sid, f"✗ {number} {x.word}")
    # Each missing claim hangs where the model has it: under the student's claim for what it bears
    # on, or under the drawing of that claim when the student left it out too.
    _connect_missing(shown, model, ghosts, {**s_of, **ghosts})
    return shown, badges


def _draw_missing(shown: ArgumentMap, model: ArgumentMap, x: Mistake, number: int,
                  add: Callable[[str, str], None]) -> str:
    """Draw a missing model claim in the student's map (unconnected); return its id."""
    from argmap.model import Claim

    assert x.model is not None
    mc = model[x.model]
    assert isinstance(mc, Claim)
    ghost = shown.claim(mc.text, id=shown._new_id(None, "missing-" + x.model), label=mc.label)  # noqa: SLF001
    add(ghost.id, f"✗ {number} MISSING: in the model answer, not in yours")
    return ghost.id


def _connect_missing(shown: ArgumentMap, model: ArgumentMap, ghosts: dict[str, list[str]],
                     where: dict[str, list[str]]) -> None:
    """Join each drawn missing claim to what it bears on in the model, as the model does."""
    from argmap.model import Claim
    from argmap.model import Inference as Inf

    for mid, (ghost, *_) in ghosts.items():
        mc = model[mid]
        assert isinstance(mc, Claim)
        for step in mc.inferences:
            target = step.target
            anchors = [p.id for p in target.premises] if isinstance(target, Inf) else [target.id]
            to = next((where[a][0] for a in anchors if a in where), None)
            if to is not None:
                shown.infer(step.polarity, to, shown[ghost],  # type: ignore[arg-type]
                            id=shown._new_id(None, "missing-step-" + step.id))  # noqa: SLF001
