"""Deterministic big inputs for the benchmarks: trees, chains and stars of any size, and Argdown debates.

Every shape is first a plain list of :class:`Edge` rows (claim id, text, rating, parent, polarity),
so argmap and a peer (formal-argumentation's weighted bipolar graphs) build their own structure
from the very same data. Same arguments, same bytes: a ``random.Random(seed)`` drives everything.

Shapes:

- ``tree``: a Kialo-like pro/con tree; each claim is a reason or objection to an earlier claim,
  recent claims preferred, so the tree grows deep and bushy;
- ``chain``: each claim bears on the one before it (as deep as it has claims);
- ``star``: every claim bears on the one thesis (as wide as it has claims).

Run ``python bench/generate.py tree 2000 -o big.json`` (the format follows the suffix, as with
``argmap convert``), or ``python bench/generate.py argdown 6500 -o big.argdown`` for a debate of
6,500 Argdown statements with relation trees, reconstructed arguments, tags, data and sections.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import NamedTuple

import argmap

SHAPES = ("tree", "chain", "star")
WORDS = ("tea", "coffee", "school", "uniform", "cost", "freedom", "safety", "price", "study", "rule",
         "reason", "evidence", "class", "teacher", "parent", "budget", "health", "time", "money",
         "fairness", "choice", "city", "road", "energy", "law", "court", "park", "vote", "rent", "water")


class Edge(NamedTuple):
    """One claim of a generated map and the step that links it to its parent (none for the thesis)."""

    claim: str
    text: str
    rating: float | None
    parent: str | None
    polarity: str


def _sentence(rng: random.Random, low: int = 6, high: int = 14) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))).capitalize() + "."


def edges(shape: str, claims: int, seed: int = 1) -> list[Edge]:
    """The rows of a generated map of ``claims`` claims; the first row is the thesis.

    >>> [e.parent for e in edges("chain", 3)], [e.parent for e in edges("star", 3)]
    ([None, 'c0', 'c1'], [None, 'c0', 'c0'])
    >>> edges("tree", 50, seed=4) == edges("tree", 50, seed=4)
    True
    """
    if shape not in SHAPES:
        raise ValueError(f"unknown shape {shape!r}; use one of {', '.join(SHAPES)}")
    rng = random.Random(f"{shape}-{claims}-{seed}")
    rows: list[Edge] = []
    for k in range(claims):
        rating = round(rng.random(), 3) if rng.random() < 0.5 else None
        if k == 0:
            parent = None
        elif shape == "chain":
            parent = f"c{k - 1}"
        elif shape == "star":
            parent = "c0"
        else:  # favour recent claims: deep, bushy trees, as debates grow
            parent = f"c{int(k * rng.random() ** 0.5)}"
        polarity = "support" if rng.random() < 0.55 else "attack"
        rows.append(Edge(f"c{k}", f"{_sentence(rng)} ({k})", rating, parent, polarity))
    return rows


def build(rows: list[Edge], title: str | None = None) -> argmap.ArgumentMap:
    """The map of some rows, through the public building API (``claim`` and ``infer``).

    >>> m = build(edges("tree", 10))
    >>> len(m.claims), len(m.inferences), m.thesis.id
    (10, 9, 'c0')
    """
    m = argmap.ArgumentMap(title=title)
    for row in rows:
        c = m.claim(row.text, id=row.claim, rating=row.rating)
        if row.parent is not None:
            m.infer(row.polarity, row.parent, c, id=f"s{row.claim[1:]}")
    return m


def build_bulk(rows: list[Edge], title: str | None = None) -> argmap.ArgumentMap:
    """The same map as :func:`build`, through the bulk building API (``add_claims`` and
    ``add_inferences``): what a user with a big dataset calls.

    >>> rows = edges("tree", 30)
    >>> m, n = build_bulk(rows), build(rows)
    >>> sorted(m.graph.nodes(data=True)) == sorted(n.graph.nodes(data=True))
    True
    >>> sorted(m.graph.edges(data=True)) == sorted(n.graph.edges(data=True))
    True
    """
    m = argmap.ArgumentMap(title=title)
    m.add_claims({"id": r.claim, "text": r.text, "rating": r.rating} for r in rows)
    m.add_inferences({"id": f"s{r.claim[1:]}", "polarity": r.polarity, "target": r.parent, "premises": r.claim}
                     for r in rows if r.parent is not None)
    return m


def generate_map(shape: str, claims: int, seed: int = 1) -> argmap.ArgumentMap:
    """A map of the given shape and size (see :func:`edges`)."""
    return build(edges(shape, claims, seed), title=f"Generated {shape} of {claims:,} claims")


def argdown_debate(statements: int = 10_000, seed: int = 7) -> str:
    """An Argdown debate with exactly ``statements`` statements (equivalence classes).

    Sections of 500 statements; theses with small relation trees (``+``, ``-``, ``<+``, ``<-``,
    ``_``, nested replies) and every tenth statement a reconstructed argument (two premises, an
    inference rule with data, a conclusion attacking an earlier thesis).
    """
    rng = random.Random(seed)
    out = ["===", "title: Generated debate", "author: argmap bench", "===", ""]
    theses: list[str] = []
    made = section = 0
    while made < statements:
        if made % 500 == 0:
            section += 1
            out += [f"# Section {section}", ""]
        if made % 10 == 0 and statements - made >= 4:
            n = made
            out += [f"<Argument {n}>: {_sentence(rng)} #reconstructed", "",
                    f"(1) [P{n}]: {_sentence(rng)}", f"(2) {_sentence(rng)}",
                    "-- Modus ponens {certainty: 0.8} --", f"(3) [C{n}]: {_sentence(rng)}"]
            if theses:
                out.append(f"  -> [{rng.choice(theses)}]")
            out.append("")
            made += 3
            continue
        n = made
        out.append(f"[T{n}]: {_sentence(rng)} #thesis {{weight: {rng.randint(1, 9)}}}")
        theses.append(f"T{n}")
        made += 1
        for _ in range(min(rng.randint(2, 6), statements - made)):
            out.append(f"  {rng.choice(('+', '-', '+', '<+', '<-', '_'))} [S{made}]: {_sentence(rng)}")
            made += 1
            if made < statements and rng.random() < 0.3:
                out.append(f"    {rng.choice(('+', '-'))} {_sentence(rng)}")
                made += 1
        out.append("")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shape", choices=(*SHAPES, "argdown"), help="the shape (argdown: a debate in Argdown)")
    parser.add_argument("size", type=int, help="claims (statements, for argdown)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="file to write; format from its suffix")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.shape == "argdown":
        args.output.write_text(argdown_debate(args.size, seed=args.seed), encoding="utf-8")
    else:
        argmap.dump(generate_map(args.shape, args.size, args.seed), args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
