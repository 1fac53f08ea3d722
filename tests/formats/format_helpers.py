"""Helpers for format tests: a hostile map, and structural views of maps blind to ids."""

from __future__ import annotations

from collections import Counter
from typing import Any

from argmap import ArgumentMap, Inference, Source

HOSTILE = ("<script>alert('x')</script> & \"quotes\" \\ back\\slash [link](javascript:x) *star* _u_ "
           "# hash -> See 1.1. {yaml: x} 1.1. Pro: fake ünïcödé \U0001F642 ]]> <!-- c --> %s $x")


def hostile_map() -> ArgumentMap:
    """A map built with the API whose text tries to break every format it is written to."""
    m = ArgumentMap(title="Hostile: <b>title</b> & [x](y)")
    t = m.claim(HOSTILE, id="t")
    r = m.support(t, ["Linked one: \\(escaped\\)", "Linked two\nsecond line\n1.2. Con: not an item"], id="r",
                  scheme="argument from <consequences>")
    o = m.attack(t, "Discussion Title: not a header\nSources:\n-> See 1.", id="o")
    m.attack(o, "A rebuttal with a source.", id="rb")
    m["rb"].sources.append(Source(title="Report", url="https://example.org/a?b=1&c=(2)"))
    m.undercut(r, "The step does not follow.", id="u")
    return m


def signature(m: ArgumentMap, *, scheme: bool = True) -> Counter[Any]:
    """The argument structure by text, blind to ids: claims, and steps with premises and target."""

    def node(n: str, depth: int = 0) -> Any:
        view = m[n]
        if isinstance(view, Inference):
            return step(view, depth + 1)
        return ("claim", view.text)

    def step(i: Inference, depth: int = 0) -> Any:
        if depth > 20:
            return ("step", i.id)
        return ("step", i.polarity, i.scheme if scheme else None,
                tuple(sorted(p.text for p in i.premises)), node(i.target.id, depth))

    items: Counter[Any] = Counter(("claim", c.text) for c in m.claims)
    items.update(step(i) for i in m.inferences)
    return items


def structure(m: ArgumentMap) -> tuple[dict[str, str], dict[str, tuple[Any, ...]]]:
    """The argument structure by id: claim texts, and each step's polarity, scheme, premises, target."""
    claims = {c.id: c.text for c in m.claims}
    steps = {i.id: (i.polarity, i.scheme, tuple(sorted(p.id for p in i.premises)), i.target.id)
             for i in m.inferences}
    return claims, steps
