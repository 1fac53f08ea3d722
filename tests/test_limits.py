"""Every limit in argmap/limits.py: it stops hostile input with a clear error, and it can be raised
by keyword, by a block of code and by its environment variable."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import argmap
from argmap import limits
from argmap.errors import ArgmapError, ParseError
from argmap.limits import ENVIRONMENT, Limits, raised

#: 423 bytes of argmap YAML whose aliases expand to 9^8 (43 million) values: 254 MB as JSON.
ALIAS_BOMB = """claims:
  - id: a
    text: A
    data:
      a: &a [x, x, x, x, x, x, x, x, x]
      b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
      c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
      d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
      e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
      f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
      g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
      h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
"""


def deep_json(depth: int) -> str:
    """argmap JSON whose claim data nests ``depth`` lists deep (4 levels more from the root)."""
    return ('{"format": "argmap", "version": 1, "claims": [{"id": "a", "text": "A", "data": {"x": '
            + "[" * depth + "]" * depth + "}}]}")


def test_every_limit_has_a_variable_and_a_default() -> None:
    assert set(ENVIRONMENT) == {f for f in Limits.__dataclass_fields__}
    assert all(v.startswith("ARGMAP_MAX_") for v in ENVIRONMENT.values())


def test_input_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "m.json"
    argmap.dump(argmap.load("examples/conscription.json"), path)
    size = path.stat().st_size
    with pytest.raises(ParseError, match=f"the file is {size:,} bytes long, past the limit of 1,000") as caught:
        argmap.load(path, limits=Limits(input_bytes=1000))
    assert caught.value.path == str(path) and "ARGMAP_MAX_INPUT_BYTES" in str(caught.value)
    monkeypatch.setenv("ARGMAP_MAX_INPUT_BYTES", "1000")
    with pytest.raises(ParseError, match="past the limit of 1,000"):
        argmap.load(path)
    with pytest.raises(ParseError, match="characters long"):
        argmap.loads(path.read_text(), "json")
    assert len(argmap.load(path, limits=Limits(input_bytes=size)).claims) > 10  # raised by keyword
    monkeypatch.setenv("ARGMAP_MAX_INPUT_BYTES", "lots")
    with pytest.raises(ArgmapError, match="ARGMAP_MAX_INPUT_BYTES='lots' is not a number"):
        argmap.load(path)


def test_nesting_json_located_and_raisable() -> None:
    text = deep_json(98)
    with pytest.raises(ParseError, match="nests 101 levels deep, past the limit of 100") as caught:
        argmap.loads(text, "json")
    column = caught.value.column
    assert caught.value.line == 1 and column is not None and text[column - 1] == "["  # at the list too deep
    m = argmap.loads(deep_json(98), "json", limits=Limits(nesting=200))
    assert m["a"].data["x"] == json.loads("[" * 98 + "]" * 98)
    for writer in ("json", "yaml", "argdown", "graphml"):  # the writers that keep data carry it
        with raised(nesting=200):
            assert argmap.loads(argmap.dumps(m, writer), writer)["a"].data == m["a"].data
    with pytest.raises(ParseError, match="nests about 1,000 levels deep"):  # Python's own reader stops
        argmap.loads(deep_json(991), "json", limits=Limits(nesting=5000))


@pytest.mark.parametrize(("fmt", "text", "line"), [
    ("yaml", "claims: [{id: a, text: A, data: {x: " + "[" * 120 + "]" * 120 + "}}]", 1),
    ("argdown", "[A]: a {x: " + "[" * 120 + "]" * 120 + "}", 1),
    ("argdown", "===\nx: " + "[" * 600 + "]" * 600 + "\n===\n\n[A]: a\n", 2),
    ("aif", '{"nodes": [], "edges": [], "x": ' + "[" * 200 + "]" * 200 + "}", 1),
    ("sadface", '{"nodes": [], "edges": [], "x": ' + "[" * 200 + "]" * 200 + "}", 1),
])
def test_nesting_in_every_reader(fmt: str, text: str, line: int) -> None:
    with pytest.raises(ParseError, match="levels deep, past the limit of 100") as caught:
        argmap.loads(text, fmt)
    assert caught.value.line == line


def test_yaml_alias_bomb_refused_but_small_aliases_kept() -> None:
    assert len(ALIAS_BOMB.encode()) == 423
    with pytest.raises(ParseError, match="gains more than 1,000,000 values from aliases") as caught:
        argmap.loads(ALIAS_BOMB, "yaml", path="bomb.yaml")
    assert caught.value.line is not None
    with pytest.raises(ParseError, match="gains more than 10 values"):
        argmap.loads("meta: {a: &x [1, 2, 3, 4, 5, 6], b: *x, c: *x}\nclaims: [{id: a, text: A}]", "yaml",
                     limits=Limits(yaml_nodes=10))
    m = argmap.loads("meta: {a: &x [1, 2], b: *x}\nclaims: [{id: a, text: A & B, data: {s: *x}}]", "yaml")
    m.meta["a"].append(3)  # each use is a value of its own: editing one leaves the others
    assert m.meta["b"] == [1, 2] and m["a"].data["s"] == [1, 2]


@pytest.mark.parametrize("text", [
    "claims:\n- id: a\n  text: A\n  data: &x {d: *x}\n",  # a value that contains itself
    "claims:\n- &c\n  text: A\n  reasons: [*c]\n",  # a claim that contains itself
])
def test_yaml_values_that_contain_themselves(text: str) -> None:
    with pytest.raises(ParseError, match="contains itself") as caught:
        argmap.loads(text, "yaml", path="m.yaml")
    assert caught.value.line in (2, 4)


def test_framework_size_from_the_header() -> None:
    with pytest.raises(ParseError, match="declares 2,147,483,648 arguments, past the limit of 10,000,000") as caught:
        argmap.loads("p af 2147483648\n1 2\n", "iccma23", path="big.i23")
    assert (caught.value.line, caught.value.column) == (1, 1)
    with pytest.raises(ParseError, match="5000-digit number of arguments"):
        argmap.loads("p af " + "9" * 5000, "iccma23")
    with pytest.raises(ParseError, match="declares 3 arguments, past the limit of 2"):
        argmap.loads("arg(a). arg(b). arg(c).", "apx", limits=Limits(arguments=2))
    assert len(argmap.loads("p af 3\n1 2\n", "iccma23", limits=Limits(arguments=3))) == 3


def pairs(n: int) -> argmap.Framework:
    """n/2 pairs of arguments attacking each other: 2^(n/2) preferred extensions."""
    ids = [str(i) for i in range(n)]
    return argmap.Framework(ids, [(str(i), str(i ^ 1)) for i in range(n)])


def test_extensions_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ArgmapError, match="more than 100 stable extensions"):
        argmap.evaluate(pairs(16), "stable", limits=Limits(extensions=100))
    monkeypatch.setenv("ARGMAP_MAX_EXTENSIONS", "50")
    with pytest.raises(ArgmapError, match="ARGMAP_MAX_EXTENSIONS"):
        argmap.evaluate(pairs(16), "stable")
    assert len(argmap.evaluate(pairs(10), "stable").extensions) == 2 ** 5  # 32, within 50


def test_solver_time_limit_stops_the_pure_python_search() -> None:
    # 20 arguments: the pure-Python search alone ran past 120 s on this before the limit.
    with pytest.raises(ArgmapError, match=r"took longer than 0\.5 s.*ARGMAP_MAX_SOLVER_SECONDS") as caught:
        argmap.evaluate(pairs(20), "preferred", solver="python", limits=Limits(solver_seconds=0.5))
    assert "pip install 'argmap[sat]'" in str(caught.value)


def test_kialo_depth() -> None:
    m = argmap.ArgumentMap()
    node = m.claim("Claim 0", id="c0")
    for i in range(1, 260):
        step = m.support(node, f"Claim {i}", id=f"s{i}")
        node = step.premise
    with pytest.raises(ArgmapError, match="is 201 claims deep, past the limit of 200"):
        argmap.dumps(m, "kialo")
    with raised(kialo_depth=300):
        back = argmap.loads(argmap.dumps(m, "kialo"), "kialo")
    assert len(back.claims) == 260


def test_limits_in_force_are_the_environment_unless_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGMAP_MAX_NESTING", "7")
    assert limits.current().nesting == 7
    with limits.using(Limits(nesting=9)):
        assert limits.current().nesting == 9
    assert limits.current().nesting == 7
    monkeypatch.setenv("ARGMAP_MAX_NESTING", "0")
    with pytest.raises(ArgmapError, match="must be above 0"):
        limits.current()
    assert os.environ.get("ARGMAP_MAX_INPUT_BYTES") is None
