"""The collector is paused only inside argmap's big passes, and is as it was after each."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Any

import pytest

import argmap
from argmap.analysis.strength import strength
from argmap.errors import ParseError
from argmap.gallery.conscription import build_map
from argmap.gc_pause import gc_paused
from argmap.outline import outline

M = build_map()
PASSES: dict[str, Callable[[], Any]] = {
    "load": lambda: argmap.loads(argmap.dumps(M, "json"), "json"),
    "dump GraphML": lambda: argmap.dumps(M, "graphml"),
    "grounded": lambda: argmap.evaluate(M, "grounded"),
    "DF-QuAD": lambda: strength(M, "dfquad"),
    "outline": lambda: outline(M),
    "check": lambda: argmap.check(M),
}


@pytest.mark.parametrize("name", PASSES)
def test_each_pass_leaves_the_collector_as_it_found_it(name: str) -> None:
    seen: list[bool] = []
    try:
        for enabled in (True, False):
            (gc.enable if enabled else gc.disable)()
            PASSES[name]()
            seen.append(gc.isenabled())
    finally:
        gc.enable()
    assert seen == [True, False]


def test_a_failing_read_turns_the_collector_back_on() -> None:
    assert gc.isenabled()
    with pytest.raises(ParseError):
        argmap.loads('{"format": "argmap", "claims": [', "json")
    assert gc.isenabled()


def test_the_collector_comes_back_only_when_the_last_thread_is_done() -> None:
    inside, release = threading.Event(), threading.Event()

    def long_pass() -> None:
        with gc_paused():
            inside.set()
            release.wait(10)

    worker = threading.Thread(target=long_pass)
    worker.start()
    inside.wait(10)
    with gc_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()  # the other thread's pass is still running
    release.set()
    worker.join(10)
    assert gc.isenabled()
