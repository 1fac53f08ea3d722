"""Fuzz every reader in the registry: arbitrary text, arbitrary bytes, mutated sample files.

Per reader and run: ``ARGMAP_FUZZ_EXAMPLES`` inputs (2,000 by default, a tenth arbitrary text, a
tenth arbitrary bytes through a file, the rest mutations of the format's fixtures, our seeds and,
where present, the shared corpus). Each input must survive :func:`tests.fuzz.harness.survive`.
``make fuzz`` runs the long campaign (``ARGMAP_FUZZ_EXAMPLES=100000``, ``ARGMAP_FUZZ_SAVE=1``),
which keeps each failure as a file under ``tests/fuzz/regressions/<format>/``; this suite replays
every kept file.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

import argmap
from tests.fuzz import harness
from tests.fuzz.payloads import PAYLOADS

EXAMPLES = int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", "2000"))
SAVE = os.environ.get("ARGMAP_FUZZ_SAVE") == "1"
CAMPAIGN = EXAMPLES > 10_000
#: Inputs differ from day to day (so CI keeps exploring) but are the same all day long, and a
#: failure names the seed that reproduces it: ARGMAP_FUZZ_SEED=<seed>.
SEED = int(os.environ.get("ARGMAP_FUZZ_SEED", str(int(time.time() // 86400))))
READERS = harness.readers()
SHARES = {"text": 0.1, "bytes": 0.1, "mutations": 0.8}

#: Syntax that readers care about, spliced into inputs more often than chance would.
TOKENS = [t.encode() for t in (
    "\n", "\r\n", "  ", "\t", "[", "]", "<", ">", "{", "}", "(", ")", ":", "#", "//", "/*", "*/", "<!--", "-->",
    "+ ", "- ", "_ ", "+> ", "-> ", "><", "----", "-- ", "(1) ", "1. ", "1.1. Pro: ", "1.1. Con: ", "===",
    "@include(", "\\", '"', "'", "&", "&amp;", "<![CDATA[", "]]>", "*a", "&a ", "!!binary ", "!!set ", ": ",
    "- ", "? ", "~", "null", "true", "1e999", "NaN", "-0", "99999999999999999999", "\\ud800", "\\u0000",
    '"nodes": [', '"edges": [', '"nodeID": "1"', '"type": "I"', '"type": "RA"', '"fromID": "1"', '"toID": "2"',
    '"source_id": "a"', '"target_id": "b"', '"format": "argmap"', '"claims": [', '"inferences": [',
    "p af 3\n", "arg(a).", "att(a,b).", "#\n", "<edge ", "<adu ", "<edu ", "<joint ", "<node ", "<data key=",
    "\x00", "\x0b", "\ufffe", "\u2028", "\u202e",
)]


F = TypeVar("F", bound=Callable[..., Any])


def _settings(count: int) -> Callable[[F], F]:
    """Hypothesis settings for ``count`` inputs: the day's seed in the suite; in the campaign,
    random inputs and hypothesis's database (failures come back first next time)."""
    chosen = settings(max_examples=max(1, count), deadline=None, database=settings().database if CAMPAIGN else None,
                      suppress_health_check=list(HealthCheck))

    def apply(fn: F) -> F:
        wrapped: F = chosen(fn) if CAMPAIGN else seed(SEED)(chosen(fn))
        return wrapped

    return apply


def _run(fmt: str, prop: Any) -> None:
    """Run a hypothesis property; in the campaign, keep the smallest failing input of each kind."""
    failures: dict[str, bytes] = {}

    def record(data: bytes, exc: BaseException) -> None:
        kind = f"{type(exc).__name__}: {str(exc)[:80]}"
        if kind not in failures or len(data) < len(failures[kind]):
            failures[kind] = data

    try:
        prop(record)
    finally:
        if SAVE:
            for data in failures.values():
                print(f"kept {harness.save_regression(fmt, data)}")


def _check(fmt: str, data: bytes, record: Any, *, as_bytes: bool) -> None:
    try:
        if as_bytes:
            harness.survive(fmt, data)
        else:
            harness.survive(fmt, data.decode("utf-8", "replace"))
    except harness.Broken as exc:
        record(data, exc)
        raise harness.Broken(f"{exc}\n(fuzz seed {SEED}: ARGMAP_FUZZ_SEED={SEED} reproduces this run)") from exc


# -- arbitrary input ------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", READERS)
def test_arbitrary_text(fmt: str) -> None:
    words = st.one_of(st.text(max_size=20), st.sampled_from([t.decode() for t in TOKENS]))

    def prop(record: Any) -> None:
        @_settings(int(EXAMPLES * SHARES["text"]))
        @given(st.lists(words, max_size=40))
        def inner(parts: list[str]) -> None:
            _check(fmt, "".join(parts).encode("utf-8", "surrogatepass"), record, as_bytes=False)

        inner()

    _run(fmt, prop)


@pytest.mark.parametrize("fmt", READERS)
def test_arbitrary_bytes(fmt: str) -> None:
    """Bytes through a file: not UTF-8, a BOM, NULs: read_text's errors, then the reader's."""
    chunks = st.one_of(st.binary(max_size=30), st.sampled_from(TOKENS + [b"\xef\xbb\xbf", b"\xff\xfe", b"\xc3"]))

    def prop(record: Any) -> None:
        @_settings(int(EXAMPLES * SHARES["bytes"]))
        @given(st.lists(chunks, max_size=30))
        def inner(parts: list[bytes]) -> None:
            _check(fmt, b"".join(parts), record, as_bytes=True)

        inner()

    _run(fmt, prop)


# -- mutations of real files ----------------------------------------------------------------------
def mutations(seed_bytes: list[bytes]) -> Any:
    """A strategy: one seed with a few edits (insert, delete, repeat, nest, swap lines, splice)."""

    @st.composite
    def build(draw: Any) -> bytes:
        data = bytearray(draw(st.sampled_from(seed_bytes)))
        for _ in range(draw(st.integers(1, 6))):
            op = draw(st.sampled_from(["insert", "delete", "repeat", "nest", "swap", "splice", "byte", "cut"]))
            at = draw(st.integers(0, len(data)))
            if op == "insert":
                piece = draw(st.one_of(st.sampled_from(TOKENS), st.binary(max_size=8),
                                       st.sampled_from(PAYLOADS).map(lambda p: p.encode("utf-8", "surrogatepass"))))
                data[at:at] = piece
            elif op == "delete":
                del data[at:at + draw(st.integers(1, 64))]
            elif op == "repeat":  # a slice many times: breadth, size
                piece = data[at:at + draw(st.integers(1, 40))]
                data[at:at] = piece * draw(st.integers(2, 300))
            elif op == "nest":  # depth: the same opening and closing many times
                opening, closing = draw(st.sampled_from([(b"[", b"]"), (b"{", b"}"), (b"[[", b"]]"),
                                                         (b'{"a": ', b"}"), (b"<joint>", b"</joint>"),
                                                         (b"- ", b""), (b"  + a\n", b""), (b"1.", b"")]))
                k = draw(st.integers(2, 1500))
                data[at:at] = opening * k + closing * k
            elif op == "swap":
                lines = bytes(data).split(b"\n")
                if len(lines) > 1:
                    i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
                    lines[i], lines[j] = lines[j], lines[i]
                    data = bytearray(b"\n".join(lines))
            elif op == "splice":
                other = draw(st.sampled_from(seed_bytes))
                start = draw(st.integers(0, len(other)))
                data[at:at] = other[start:start + draw(st.integers(1, 400))]
            elif op == "byte" and data:
                data[min(at, len(data) - 1)] = draw(st.integers(0, 255))
            elif op == "cut":
                del data[at:]
        return bytes(data)

    return build()


@pytest.mark.parametrize("fmt", READERS)
def test_mutated_samples(fmt: str) -> None:
    samples = [s.data for s in harness.seeds(fmt, small_only=not CAMPAIGN)]
    assert samples, f"no sample files for {fmt}: add some under tests/fuzz/seeds/{fmt}/"

    def prop(record: Any) -> None:
        @_settings(int(EXAMPLES * SHARES["mutations"]))
        @given(mutations(samples), st.booleans())
        def inner(data: bytes, through_file: bool) -> None:
            # Mostly text (no file per input); some through a file, where bytes meet read_text.
            _check(fmt, data, record, as_bytes=through_file and len(data) % 4 == 0)

        inner()

    _run(fmt, prop)


@pytest.mark.parametrize("fmt", READERS)
def test_samples_themselves(fmt: str) -> None:
    """Every sample file, unmutated, and drawn through the engine on a few of them."""
    drawn = 0
    for sample in harness.seeds(fmt):
        obj = harness.survive(fmt, sample.data, draw=drawn < 2 and len(sample.data) < 20_000)
        if isinstance(obj, argmap.ArgumentMap) and len(obj) > 1:
            drawn += 1


# -- kept failures --------------------------------------------------------------------------------
@pytest.mark.parametrize(("fmt", "path"), harness.regressions(),
                         ids=[f"{f}/{p.name}" for f, p in harness.regressions()])
def test_kept_failures_stay_fixed(fmt: str, path: Path) -> None:
    data = path.read_bytes()
    harness.survive(fmt, data)
    harness.survive(fmt, data.decode("utf-8", "replace"))
